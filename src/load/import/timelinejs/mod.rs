//! TimelineJS timelines: TimelineJS3 JSON, the legacy TimelineJS2 JSON
//! (`{"timeline": {"date": [...]}}`) and the Google-Sheet CSV.
//!
//! Each form is read into [`Slide`]s (`json.rs`, `sheet.rs`); this file
//! turns slides into events. Dates keep the precision their fields give
//! (year, month or day; start and end may differ), negative years are BC
//! (TimelineJS -44 is 44 BC, EDTF `-0043`), the title slide names the
//! timeline, eras become `ongoing` parent events that every event within
//! their span is `part-of`, a group becomes a topic, HTML becomes plain
//! text, and the media URL with its credit becomes a source without text.

mod dates;
mod json;
mod sheet;

use super::html::html_text;
use super::rows::{RowProgress, host_of, slug};
use crate::load::builder::{Builder, SourceText, ellipsize};
use crate::load::native::schema::{EventRecord, Item, LinkRecord, SourceRecord};
use crate::load::{LoadError, LoadOptions};
use crate::model::date::{DateValue, Day};
use crate::model::{LinkKind, Status};
use dates::slide_date;
use std::borrow::Cow;
use std::collections::HashSet;
use std::io::BufRead;

/// What a slide is: the timeline's title, an era, or an event.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    #[default]
    Event,
    Era,
    Title,
}

/// The fields of one date as TimelineJS gives them, as text ("" = absent).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Parts {
    pub year: String,
    pub month: String,
    pub day: String,
    /// Time of day ("10:30"); dateline keeps days, so it is only noted.
    pub time: String,
}

/// One slide of any of the three forms, its texts still HTML.
#[derive(Debug, Default)]
pub(super) struct Slide {
    pub line: Option<usize>,
    pub kind: Kind,
    pub start: Parts,
    pub end: Parts,
    /// An EDTF date written by dateline's own export, read first.
    pub edtf: String,
    pub display_date: String,
    pub headline: String,
    pub text: String,
    pub media: String,
    pub credit: String,
    pub caption: String,
    pub topics: Vec<String>,
    pub unique_id: String,
}

/// Reads a TimelineJS file: JSON when it starts with `{`, else a sheet.
pub(crate) fn read(
    builder: &mut Builder,
    file: crate::load::FileIx,
    reader: &mut dyn BufRead,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    let head = match reader.fill_buf() {
        Ok(head) => head,
        Err(e) => {
            builder.cannot_read(file, None, &e);
            return Ok(());
        }
    };
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let is_json = head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    let slides = if is_json {
        json::slides(builder, file, reader)
    } else {
        sheet::slides(builder, file, reader)
    };
    match slides {
        Some(slides) => add_slides(builder, file, slides, opts),
        None => Ok(()),
    }
}

/// Adds the title, then the eras, then the events linked to their eras.
fn add_slides(
    builder: &mut Builder,
    file: crate::load::FileIx,
    slides: Vec<Slide>,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    let mut progress = RowProgress::new(opts, 0);
    let mut ids = Ids::new(&slides);
    let mut eras: Vec<(String, Day, Day)> = Vec::new();
    for pass in [Kind::Title, Kind::Era, Kind::Event] {
        for slide in slides.iter().filter(|s| s.kind == pass) {
            progress.row(builder, 1)?;
            builder.count_row();
            if pass == Kind::Title {
                let title = first_text(&[&slide.headline, &slide.text]);
                builder.set_title(&ellipsize(&title, 120));
                continue;
            }
            let date = match slide_date(slide) {
                Ok(date) => date,
                Err(why) => {
                    builder.skip_row(file, slide.line, skip_message(slide, &why));
                    continue;
                }
            };
            let bounds = DateValue::parse_edtf(&date)
                .ok()
                .and_then(|d| Some((d.earliest()?, d.latest()?)));
            let id = ids.next(builder, slide);
            let parents: Vec<&str> = match (pass, bounds) {
                (Kind::Event, Some((first, last))) => eras
                    .iter()
                    .filter(|(_, a, b)| *a <= first && last <= *b)
                    .map(|(era, _, _)| era.as_str())
                    .collect(),
                _ => Vec::new(),
            };
            let status = if pass == Kind::Era {
                Status::Ongoing
            } else {
                Status::Occurred
            };
            let added = add_event(builder, file, slide, &id, date, status, &parents);
            if let (true, Kind::Era, Some((first, last))) = (added, pass, bounds) {
                eras.push((id, first, last));
            }
        }
    }
    Ok(())
}

/// "line 7 (The Big Bang): start year -13800000000 is …".
fn skip_message(slide: &Slide, why: &str) -> String {
    let headline = html_text(&slide.headline);
    if headline.is_empty() {
        why.to_string()
    } else {
        format!("'{}': {why}", ellipsize(&headline, 60))
    }
}

/// The first of these HTML texts that has any text.
fn first_text(candidates: &[&str]) -> String {
    candidates
        .iter()
        .map(|c| html_text(c))
        .find(|t| !t.is_empty())
        .unwrap_or_default()
}

fn add_event(
    builder: &mut Builder,
    file: crate::load::FileIx,
    slide: &Slide,
    id: &str,
    date: String,
    status: Status,
    parents: &[&str],
) -> bool {
    let headline = html_text(&slide.headline);
    let text = html_text(&slide.text);
    // A media cell may hold an embed (a blockquote, a tweet) instead of a
    // URL: its words are part of what the slide says.
    let media = slide.media.trim();
    let embedded = media.starts_with('<');
    let mut summary = text.clone();
    if embedded {
        let quoted = html_text(media);
        if !quoted.is_empty() {
            if !summary.is_empty() {
                summary.push(' ');
            }
            summary.push_str(&quoted);
        }
    }
    let title = if headline.is_empty() {
        ellipsize(&first_text(&[&summary, &slide.caption]), 80)
    } else {
        headline
    };
    let mut sources = Vec::new();
    if !media.is_empty() && !embedded {
        add_media_source(builder, file, slide, media);
        sources.push(Item(Cow::Borrowed(media)));
    }
    let record = EventRecord {
        id: Cow::Borrowed(id),
        title: Cow::Owned(title),
        summary: (!summary.is_empty()).then_some(Cow::Owned(summary)),
        date: Cow::Owned(date),
        date_value: None,
        derivation: None,
        date_origin: date_origin(slide).map(Cow::Owned),
        status,
        place: None,
        actors: Vec::new(),
        countries: Vec::new(),
        topics: slide
            .topics
            .iter()
            .map(|t| html_text(t))
            .filter(|t| !t.is_empty())
            .map(|t| Item(Cow::Owned(t)))
            .collect(),
        sources,
        quotes: Vec::new(),
        links: parents
            .iter()
            .map(|era| LinkRecord {
                to: Cow::Borrowed(era),
                kind: LinkKind::PartOf,
            })
            .collect(),
    };
    builder.add_event(record, file, slide.line)
}

/// The media URL as a source without text: its credit (or host) as the
/// outlet, its caption as the title.
fn add_media_source(builder: &mut Builder, file: crate::load::FileIx, slide: &Slide, url: &str) {
    if builder.has_source(url) {
        return;
    }
    let credit = html_text(&slide.credit);
    let outlet = if !credit.is_empty() {
        credit
    } else if url.contains("://") {
        host_of(url).to_string()
    } else {
        url.to_string()
    };
    let record = SourceRecord {
        id: Cow::Borrowed(url),
        outlet: Cow::Owned(outlet),
        title: Cow::Owned(html_text(&slide.caption)),
        url: Some(Cow::Borrowed(url)),
        published: None,
        text_file: None,
        text: None,
    };
    builder.add_source(record, None, SourceText::Absent, file);
}

/// What the date fields said that the date cannot: the display date, a
/// time of day.
fn date_origin(slide: &Slide) -> Option<String> {
    let mut notes = Vec::new();
    let display = html_text(&slide.display_date);
    if !display.is_empty() {
        notes.push(format!("display date: {display}"));
    }
    for (label, time) in [("start", &slide.start.time), ("end", &slide.end.time)] {
        if !time.trim().is_empty() {
            notes.push(format!("{label} time {} not kept", time.trim()));
        }
    }
    (!notes.is_empty()).then(|| format!("TimelineJS {}", notes.join("; ")))
}

/// Event ids: a slide's `unique_id`, else a slug of its headline made
/// unique in this load (`ada-lovelace`, `ada-lovelace-2`).
struct Ids {
    /// Ids slides claim themselves: a slug never takes one.
    claimed: HashSet<String>,
    used: HashSet<String>,
}

impl Ids {
    fn new(slides: &[Slide]) -> Ids {
        Ids {
            claimed: slides
                .iter()
                .map(|s| s.unique_id.trim().to_string())
                .filter(|id| !id.is_empty())
                .collect(),
            used: HashSet::new(),
        }
    }

    fn next(&mut self, builder: &mut Builder, slide: &Slide) -> String {
        let given = slide.unique_id.trim();
        if !given.is_empty() {
            return given.to_string();
        }
        let base = short_slug(&first_text(&[&slide.headline, &slide.text]));
        let base = match (base.as_str(), slide.kind) {
            ("", Kind::Era) => "era".to_string(),
            ("", _) => "slide".to_string(),
            (b, Kind::Era) if b != "era" && !b.starts_with("era-") => format!("era-{b}"),
            (b, _) => b.to_string(),
        };
        let mut id = base.clone();
        let mut n = 1;
        while self.claimed.contains(&id) || self.used.contains(&id) || builder.has_event(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.used.insert(id.clone());
        id
    }
}

/// A slug of at most 60 characters, cut between words.
fn short_slug(text: &str) -> String {
    let full = slug(text);
    match full.char_indices().nth(60) {
        None => full,
        Some((cut, _)) => {
            let head = &full[..cut];
            let head = match head.rfind('-') {
                Some(dash) if full.as_bytes()[cut] != b'-' => &head[..dash],
                _ => head,
            };
            head.trim_end_matches('-').to_string()
        }
    }
}

#[cfg(test)]
mod tests;
