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
mod selection;
mod timelinejs;

pub use safe_file::{ExportError, write_file};
pub use selection::{Selection, describe};

use crate::model::country;
use crate::model::{EventIx, EventRef, Timeline};
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
                "{} date{} derived from events outside the view keep{} the anchor's day inline",
                self.inlined_anchors,
                plural(self.inlined_anchors),
                if self.inlined_anchors == 1 { "s" } else { "" }
            ));
        }
        notes
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
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
    fn one_line_removes_line_breaks() {
        assert_eq!(one_line("a\nb\r\n c"), "a b c");
        assert_eq!(one_line("plain"), "plain");
    }
}
