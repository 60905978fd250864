//! TimelineJS3 JSON (`title`, `eras`, `events` of slides with `start_date`
//! objects) and the legacy TimelineJS2 JSON (`{"timeline": {"headline",
//! "date": [{"startDate": "2011,3,23", ...}], "era": [...]}}`) as slides.
//!
//! The document is read whole (a timeline someone edits by hand is small);
//! each slide is kept as raw JSON first so a skipped one is named by line.
//! Fields are read leniently: numbers or strings, `null` or `""` for absent.

use super::{Kind, Parts, Slide};
use crate::load::builder::Builder;
use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;
use std::io::BufRead;

#[derive(Deserialize)]
struct Document<'a> {
    #[serde(borrow, default)]
    title: Option<&'a RawValue>,
    #[serde(borrow, default)]
    eras: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    events: Option<Vec<&'a RawValue>>,
    /// TimelineJS2: the title slide, holding `date` and `era`.
    #[serde(borrow, default)]
    timeline: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct Legacy<'a> {
    #[serde(borrow, default)]
    date: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    era: Option<Vec<&'a RawValue>>,
}

/// The slides of a TimelineJS JSON file, or `None` after saying why the
/// file cannot be read.
pub(super) fn slides(
    builder: &mut Builder,
    file: crate::load::FileIx,
    reader: &mut dyn BufRead,
) -> Option<Vec<Slide>> {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        builder.cannot_read(file, None, &e);
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = line_of(bytes, e.valid_up_to());
            builder.diagnose(file, Some((at, 1)), None, "is not valid UTF-8".into());
            return None;
        }
    };
    match parse(text) {
        Ok(slides) => Some(slides),
        Err((position, why)) => {
            builder.diagnose(file, position, None, why);
            None
        }
    }
}

type Failure = (Option<(usize, usize)>, String);

fn parse(text: &str) -> Result<Vec<Slide>, Failure> {
    let syntax = |e: serde_json::Error| {
        let why = format!("is not TimelineJS JSON: {e}");
        let why = why.split(" at line ").next().unwrap_or(&why).to_string();
        (Some((e.line(), e.column())), why)
    };
    let doc: Document<'_> = serde_json::from_str(text).map_err(syntax)?;
    let mut slides = Vec::new();
    // Each slide's line, from where its raw text starts in the document.
    let newlines: Vec<usize> = memchr::memchr_iter(b'\n', text.as_bytes()).collect();
    let at = |raw: &RawValue| {
        let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
        1 + newlines.partition_point(|&n| n < offset)
    };
    if let Some(timeline) = doc.timeline {
        // Wrong types inside "timeline" are named at its line.
        let inner = |e: serde_json::Error| {
            let (_, why) = syntax(e);
            (Some((at(timeline), 1)), why)
        };
        let legacy: Legacy<'_> = serde_json::from_str(timeline.get()).map_err(inner)?;
        let title: Value = serde_json::from_str(timeline.get()).map_err(inner)?;
        slides.push(legacy_slide(&title, Kind::Title, Some(at(timeline))));
        for (kind, list) in [(Kind::Era, legacy.era), (Kind::Event, legacy.date)] {
            for raw in list.unwrap_or_default() {
                let value: Value = serde_json::from_str(raw.get()).map_err(syntax)?;
                slides.push(legacy_slide(&value, kind, Some(at(raw))));
            }
        }
        return Ok(slides);
    }
    if doc.events.is_none() && doc.title.is_none() {
        return Err((
            None,
            "is not TimelineJS JSON: expected an object with \"events\" (TimelineJS3) \
             or \"timeline\" (TimelineJS2)"
                .into(),
        ));
    }
    let title = doc.title.into_iter().map(|t| (Kind::Title, t));
    let eras = doc
        .eras
        .unwrap_or_default()
        .into_iter()
        .map(|e| (Kind::Era, e));
    let events = doc
        .events
        .unwrap_or_default()
        .into_iter()
        .map(|e| (Kind::Event, e));
    for (kind, raw) in title.chain(eras).chain(events) {
        let value: Value = serde_json::from_str(raw.get()).map_err(syntax)?;
        slides.push(slide3(&value, kind, Some(at(raw))));
    }
    Ok(slides)
}

/// The 1-based line of a byte offset.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + memchr::memchr_iter(b'\n', &bytes[..offset.min(bytes.len())]).count()
}

/// A field as text: strings as they are, numbers as written (`8.0` as 8).
fn text_of(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e15 => {
                format!("{}", f as i64)
            }
            _ => n.to_string(),
        },
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

fn field(value: &Value, path: &[&str]) -> String {
    let mut at = Some(value);
    for key in path {
        at = at.and_then(|v| v.get(key));
    }
    text_of(at)
}

/// A TimelineJS3 slide (an event, an era or the title).
fn slide3(value: &Value, kind: Kind, line: Option<usize>) -> Slide {
    let date = |key: &str| {
        let d = value.get(key);
        let get = |k: &str| text_of(d.and_then(|d| d.get(k)));
        let (hour, minute) = (get("hour"), get("minute"));
        let time = match (hour.trim(), minute.trim()) {
            ("", _) => String::new(),
            (h, "") => format!("{h}:00"),
            (h, m) => format!("{h}:{m:0>2}"),
        };
        Parts {
            year: get("year"),
            month: get("month"),
            day: get("day"),
            time,
        }
    };
    let mut display_date = field(value, &["display_date"]);
    if display_date.trim().is_empty() {
        display_date = field(value, &["start_date", "display_date"]);
    }
    // "text" is an object {headline, text}; some files give a bare string.
    let (headline, text) = match value.get("text") {
        Some(Value::String(s)) => (String::new(), s.clone()),
        _ => (
            field(value, &["text", "headline"]),
            field(value, &["text", "text"]),
        ),
    };
    let group = field(value, &["group"]);
    Slide {
        line,
        kind,
        start: date("start_date"),
        end: date("end_date"),
        edtf: field(value, &["edtf"]),
        display_date,
        headline,
        text,
        media: field(value, &["media", "url"]),
        credit: field(value, &["media", "credit"]),
        caption: field(value, &["media", "caption"]),
        topics: if group.trim().is_empty() {
            Vec::new()
        } else {
            vec![group]
        },
        unique_id: field(value, &["unique_id"]),
    }
}

/// A TimelineJS2 slide: `startDate` "2011,3,23", `tag` (or `tags`) as
/// comma-separated topics, `asset` for the media.
fn legacy_slide(value: &Value, kind: Kind, line: Option<usize>) -> Slide {
    let tags = [field(value, &["tag"]), field(value, &["tags"])];
    Slide {
        line,
        kind: match field(value, &["type"]).trim() {
            "title" => Kind::Title,
            "era" => Kind::Era,
            _ => kind,
        },
        start: legacy_date(&field(value, &["startDate"])),
        end: legacy_date(&field(value, &["endDate"])),
        edtf: field(value, &["edtf"]),
        display_date: field(value, &["displayDate"]),
        headline: field(value, &["headline"]),
        text: field(value, &["text"]),
        media: field(value, &["asset", "media"]),
        credit: field(value, &["asset", "credit"]),
        caption: field(value, &["asset", "caption"]),
        topics: tags
            .iter()
            .flat_map(|t| t.split(','))
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        unique_id: field(value, &["unique_id"]),
    }
}

/// "2011,3,23" (TimelineJS2's own form, hour and minute may follow), an
/// ISO "2011-03-23", or a compact "196002152034".
pub(super) fn legacy_date(text: &str) -> Parts {
    let text = text.trim();
    if (8..=14).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        let time = match text.get(8..12) {
            Some(hm) => format!("{}:{}", &hm[..2], &hm[2..]),
            None => String::new(),
        };
        return Parts {
            year: text[..4].to_string(),
            month: text[4..6].to_string(),
            day: text[6..8].to_string(),
            time,
        };
    }
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let fields: Vec<&str> = if !body.contains(',') && body.contains('-') {
        let day = body.split(['T', ' ']).next().unwrap_or(body);
        day.split('-').collect()
    } else {
        body.split(',').map(str::trim).collect()
    };
    let get = |i: usize| fields.get(i).map_or(String::new(), |s| s.to_string());
    let time = match (get(3), get(4)) {
        (h, _) if h.is_empty() => String::new(),
        (h, m) if m.is_empty() => format!("{h}:00"),
        (h, m) => format!("{h}:{m:0>2}"),
    };
    Parts {
        year: if body.is_empty() {
            String::new()
        } else {
            format!("{sign}{}", get(0))
        },
        month: get(1),
        day: get(2),
        time,
    }
}
