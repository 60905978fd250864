//! Takes a filtered view out of dateline: the same events written as
//! TimelineJS3 JSON, iCalendar, CSV, a Markdown chronology or standalone
//! JSON Lines. Each format has a file of its own; this one holds what they
//! share: which events, actors and sources a view takes along, the facet an
//! event is grouped by, and writing a file safely (never over an input,
//! through a temporary file renamed into place).

mod csv;
mod ics;
mod jsonl;
mod markdown;
mod safe_file;
mod timelinejs;

pub use safe_file::{ExportError, write_file};

use crate::model::country;
use crate::model::{ActorIx, DerivationAnchor, EventIx, EventRef, Link, SourceIx, Timeline};
use std::io::{self, Write};

/// The formats a view can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    TimelineJs,
    Ics,
    Csv,
    Markdown,
    Jsonl,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::TimelineJs,
        Format::Ics,
        Format::Csv,
        Format::Markdown,
        Format::Jsonl,
    ];

    /// The name the command line and the browser take.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::TimelineJs => "timelinejs",
            Format::Ics => "ics",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::Jsonl => "jsonl",
        }
    }

    /// The file extension a file of this format gets by default.
    pub fn extension(self) -> &'static str {
        match self {
            Format::TimelineJs => "json",
            Format::Ics => "ics",
            Format::Csv => "csv",
            Format::Markdown => "md",
            Format::Jsonl => "jsonl",
        }
    }

    /// A format by its name or any prefix of it that names one alone
    /// (`t`, `ical`, `md`), any case.
    pub fn parse(text: &str) -> Option<Format> {
        let text = text.trim().to_ascii_lowercase();
        // "json" could mean TimelineJS's JSON or JSON Lines: not a guess to make.
        if text.is_empty() || text == "json" {
            return None;
        }
        let aliases: [(&str, Format); 3] = [
            ("md", Format::Markdown),
            ("ical", Format::Ics),
            ("icalendar", Format::Ics),
        ];
        if let Some((_, f)) = aliases.iter().find(|(a, _)| *a == text) {
            return Some(*f);
        }
        let mut found = Format::ALL.iter().filter(|f| f.as_str().starts_with(&text));
        match (found.next(), found.next()) {
            (Some(&f), None) => Some(f),
            _ => None,
        }
    }
}

/// The facet a TimelineJS event is grouped by (its `group`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    Country,
    Topic,
    Status,
    Actor,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Country, Group::Topic, Group::Status, Group::Actor];

    pub fn as_str(self) -> &'static str {
        match self {
            Group::Country => "country",
            Group::Topic => "topic",
            Group::Status => "status",
            Group::Actor => "actor",
        }
    }

    pub fn parse(text: &str) -> Option<Group> {
        let text = text.trim();
        Group::ALL
            .into_iter()
            .find(|g| g.as_str().eq_ignore_ascii_case(text))
    }

    /// The label of an event's first value of this facet, if it has one.
    pub fn label_of(self, t: &Timeline, e: &EventRef<'_>) -> Option<String> {
        match self {
            Group::Country => e
                .countries()
                .first()
                .copied()
                .or(e.place_country())
                .map(|c| country::name(c).to_string()),
            Group::Topic => e.topics().next().map(str::to_string),
            Group::Status => Some(e.status().as_str().to_string()),
            Group::Actor => e
                .actors()
                .first()
                .map(|a| t.actor(a.actor).name().to_string()),
        }
    }
}

/// How a view is written.
#[derive(Debug, Clone)]
pub struct Options {
    pub format: Format,
    /// TimelineJS's `group`; none leaves events ungrouped.
    pub group: Option<Group>,
    /// The timeline's title, for the title slide, the calendar's name and
    /// the report's heading; without one, "Timeline" / "Chronology".
    pub title: Option<String>,
    /// What the view is, for the title slide, the calendar's description and
    /// the report's heading: the filter as the command line writes it.
    pub description: String,
    /// The time the export is made (iCalendar's DTSTAMP); fixed in tests.
    pub now: chrono::DateTime<chrono::Utc>,
}

impl Options {
    pub fn new(format: Format) -> Options {
        Options {
            format,
            group: None,
            title: None,
            description: String::new(),
            now: chrono::Utc::now(),
        }
    }
}

/// What was written, and what the format could not take.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub events: usize,
    /// Events left out because the format cannot hold their date (iCalendar
    /// has no open-ended dates).
    pub skipped_open: usize,
    /// Links to events outside the view, dropped (standalone JSON Lines).
    pub dropped_links: usize,
    /// Derivations anchored on an event outside the view, which keep that
    /// anchor's day inline instead (standalone JSON Lines).
    pub inlined_anchors: usize,
}

impl Written {
    /// "wrote 23 events to out.ics".
    pub fn summary(&self, place: &str) -> String {
        format!(
            "wrote {} event{} to {place}",
            self.events,
            plural(self.events)
        )
    }

    /// What a user should know beyond the count, one line each.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.skipped_open > 0 {
            notes.push(format!(
                "{} event{} with open-ended dates left out (iCalendar cannot hold \"before …\" or \"since …\")",
                self.skipped_open,
                plural(self.skipped_open)
            ));
        }
        if self.dropped_links > 0 {
            notes.push(format!(
                "{} link{} to events outside the view dropped",
                self.dropped_links,
                plural(self.dropped_links)
            ));
        }
        if self.inlined_anchors > 0 {
            notes.push(format!(
                "{} date derivation{} anchored on events outside the view keep the anchor's day inline",
                self.inlined_anchors,
                plural(self.inlined_anchors)
            ));
        }
        notes
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A filter as the command line writes it (`--actor putin --country FR`),
/// to say in an export what it holds.
pub fn describe(t: &Timeline, f: &crate::query::Filter) -> String {
    use crate::model::date::format_day;
    let mut parts: Vec<String> = Vec::new();
    for &a in &f.actors {
        parts.push(format!("--actor {}", t.actor(a).id()));
    }
    for &c in &f.countries {
        parts.push(format!("--country {}", country::code(c)));
    }
    if let Some(from) = f.from {
        parts.push(format!("--from {}", format_day(from)));
    }
    if let Some(to) = f.to {
        parts.push(format!("--to {}", format_day(to)));
    }
    if let Some(q) = f.search.as_deref().filter(|q| !q.is_empty()) {
        parts.push(format!("--search {:?}", one_line(q)));
    }
    parts.join(" ")
}

/// A view of a timeline: the events it shows, in chronological order, and
/// what they take along.
pub struct Selection<'t> {
    pub t: &'t Timeline,
    pub events: Vec<EventIx>,
    in_view: Vec<bool>,
}

impl<'t> Selection<'t> {
    /// The events given, in chronological order, each once.
    pub fn new(t: &'t Timeline, events: &[EventIx]) -> Selection<'t> {
        let mut in_view = vec![false; t.len()];
        for &e in events {
            if let Some(slot) = in_view.get_mut(e as usize) {
                *slot = true;
            }
        }
        // Events are stored in chronological order, so their indexes sort them.
        let events = (0..t.len() as EventIx)
            .filter(|&e| in_view[e as usize])
            .collect();
        Selection { t, events, in_view }
    }

    pub fn contains(&self, e: EventIx) -> bool {
        self.in_view.get(e as usize).copied().unwrap_or(false)
    }

    /// An event's links whose target is in the view.
    pub fn links_in_view(&self, e: &EventRef<'t>) -> impl Iterator<Item = &'t Link> + '_ {
        e.links().iter().filter(|l| self.contains(l.other))
    }

    /// Links from events in the view to events outside it.
    pub fn dropped_links(&self) -> usize {
        self.events
            .iter()
            .map(|&e| {
                let ev = self.t.event(e);
                ev.links().len() - self.links_in_view(&ev).count()
            })
            .sum()
    }

    /// Derivations anchored on an event outside the view.
    pub fn anchors_outside(&self) -> usize {
        self.events
            .iter()
            .filter(|&&e| {
                matches!(self.t.event(e).derivation().map(|d| d.anchor),
                    Some(DerivationAnchor::Event(a)) if !self.contains(a))
            })
            .count()
    }

    /// Every actor the events name, in the order of the timeline's actors.
    pub fn actors(&self) -> Vec<ActorIx> {
        let mut seen = vec![false; self.t.actor_count()];
        for &e in &self.events {
            for a in self.t.event(e).actors() {
                seen[a.actor as usize] = true;
            }
        }
        (0..self.t.actor_count() as ActorIx)
            .filter(|&a| seen[a as usize])
            .collect()
    }

    /// Every source the events quote or anchor a date on.
    pub fn sources(&self) -> Vec<SourceIx> {
        let mut seen = vec![false; self.t.source_count()];
        for &e in &self.events {
            let ev = self.t.event(e);
            for q in ev.quotes() {
                seen[q.q.source as usize] = true;
            }
            if let Some(DerivationAnchor::Source(s)) = ev.derivation().map(|d| d.anchor) {
                seen[s as usize] = true;
            }
        }
        (0..self.t.source_count() as SourceIx)
            .filter(|&s| seen[s as usize])
            .collect()
    }

    /// The URL an event is best cited by: that of its first quoted source
    /// with one, else of the source its date is read from.
    pub fn url_of(&self, e: &EventRef<'t>) -> Option<&'t str> {
        e.quotes().find_map(|q| q.source().url()).or_else(|| {
            match e.derivation().map(|d| d.anchor) {
                Some(DerivationAnchor::Source(s)) => self.t.source(s).url(),
                _ => None,
            }
        })
    }
}

/// Writes `events` of `t` in the chosen format.
pub fn write(
    out: &mut dyn Write,
    t: &Timeline,
    events: &[EventIx],
    opts: &Options,
) -> io::Result<Written> {
    let view = Selection::new(t, events);
    let mut out = io::BufWriter::new(out);
    let written = match opts.format {
        Format::TimelineJs => timelinejs::write(&mut out, &view, opts)?,
        Format::Ics => ics::write(&mut out, &view, opts)?,
        Format::Csv => csv::write(&mut out, &view)?,
        Format::Markdown => markdown::write(&mut out, &view, opts)?,
        Format::Jsonl => jsonl::write(&mut out, &view)?,
    };
    out.flush()?;
    Ok(written)
}

/// Writes `events` to a `Vec` (for tests and small views).
pub fn to_bytes(t: &Timeline, events: &[EventIx], opts: &Options) -> (Vec<u8>, Written) {
    let mut bytes = Vec::new();
    // Writing to memory cannot fail.
    let written = write(&mut bytes, t, events, opts).unwrap_or_default();
    (bytes, written)
}

/// Drops anything that could act as a control character in a format that
/// allows none: the store holds sanitized text already, so this only
/// guards the formats' own line structure (newlines in multi-line texts).
pub(crate) fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(|c| c.is_control()) {
        let mut out = String::with_capacity(text.len());
        let mut last_space = false;
        for c in text.chars() {
            let c = if c.is_control() { ' ' } else { c };
            if c == ' ' && last_space {
                continue;
            }
            last_space = c == ' ';
            out.push(c);
        }
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
pub(crate) mod test_data;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_by_name_prefix_and_alias() {
        assert_eq!(Format::parse("t"), Some(Format::TimelineJs));
        assert_eq!(Format::parse("ICS"), Some(Format::Ics));
        assert_eq!(Format::parse("ical"), Some(Format::Ics));
        assert_eq!(Format::parse("md"), Some(Format::Markdown));
        assert_eq!(Format::parse("json"), None);
        assert_eq!(Format::parse("jsonl"), Some(Format::Jsonl));
        assert_eq!(Format::parse("j"), Some(Format::Jsonl));
        assert_eq!(Format::parse(""), None);
        assert_eq!(Format::parse("pdf"), None);
        for f in Format::ALL {
            assert_eq!(Format::parse(f.as_str()), Some(f));
        }
    }

    #[test]
    fn a_selection_takes_its_events_in_order_once() {
        let t = crate::load::load_builtin().unwrap();
        let view = Selection::new(&t, &[5, 2, 5, 9_999]);
        assert_eq!(view.events, vec![2, 5]);
        assert!(view.contains(2) && !view.contains(3) && !view.contains(9_999));
    }

    #[test]
    fn a_selection_counts_links_leaving_it() {
        let t = crate::load::load_builtin().unwrap();
        let all: Vec<EventIx> = (0..t.len() as EventIx).collect();
        assert_eq!(Selection::new(&t, &all).dropped_links(), 0);
        let with_links = all
            .iter()
            .copied()
            .find(|&e| !t.event(e).links().is_empty())
            .unwrap();
        let alone = Selection::new(&t, &[with_links]);
        let out = t.event(with_links).links().len();
        assert_eq!(alone.dropped_links(), out);
    }

    #[test]
    fn one_line_removes_line_breaks() {
        assert_eq!(one_line("a\nb\r\n c"), "a b c");
        assert_eq!(one_line("plain"), "plain");
    }
}
