//! iCalendar (`.ics`, RFC 5545): each VEVENT becomes an event, each
//! instance of a recurring one an event of its own.
//!
//! Content lines are read here rather than by a crate: the parsers
//! available read the whole file as one UTF-8 string (a fold inside a
//! multi-byte character, which real generators write, makes it invalid)
//! and fail the whole calendar on one bad line, where an imported file
//! must skip only the VEVENT that holds it and name its line.
//!
//! `content` unfolds and splits lines, `when` reads dates, times, zones
//! and durations, `event` maps one VEVENT to an event, and `recur` expands
//! RRULEs with the `rrule` crate.

mod content;
mod event;
mod recur;
mod when;

#[cfg(test)]
mod tests;

use super::rows::RowProgress;
use crate::load::builder::{Builder, ellipsize};
use crate::load::{LoadError, LoadOptions};
use content::Unfolder;
use event::{Calendar, Vevent};
use std::io::BufRead;

/// Reads a calendar file.
pub(crate) fn read(
    builder: &mut Builder,
    file: crate::load::FileIx,
    reader: &mut dyn BufRead,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    let mut progress = RowProgress::new(opts, 0);
    let mut lines = Unfolder::new(reader);
    let mut cal = Calendar {
        recur_until: opts.import.and_then(|i| i.recur_until),
        ..Calendar::default()
    };
    let mut begun = false;
    // Components open outside a VEVENT: VTIMEZONE, VTODO, STANDARD...
    let mut open: Vec<String> = Vec::new();
    let mut zone_block: (Option<String>, Option<String>) = (None, None);
    let mut vevent: Option<Vevent> = None;
    let mut recurring: Vec<Vevent> = Vec::new();
    let mut vevents = 0usize;
    loop {
        let (bytes, line_no) = match lines.next_line() {
            Ok(Some(l)) => l,
            Ok(None) => break,
            Err(e) => {
                builder.cannot_read(file, None, &e);
                return Ok(());
            }
        };
        progress.row(builder, lines.last_bytes)?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let text = std::str::from_utf8(&bytes);
        let parsed = match text {
            Ok(text) => content::parse(text, line_no),
            Err(_) => Err("is not valid UTF-8".to_string()),
        };
        if !begun {
            if let Ok(l) = &parsed
                && l.name == "BEGIN"
                && l.value.trim().eq_ignore_ascii_case("VCALENDAR")
            {
                begun = true;
                continue;
            }
            let found = match text {
                Ok(text) => format!("'{}'", ellipsize(text, 40)),
                Err(_) => "bytes that are not UTF-8 text".into(),
            };
            let why =
                format!("is not an iCalendar file: expected BEGIN:VCALENDAR first, found {found}");
            builder.diagnose(file, Some((line_no, 1)), None, why);
            return Ok(());
        }
        let line = match parsed {
            Ok(l) => l,
            Err(why) => {
                if let Some(v) = vevent.as_mut() {
                    v.fail(line_no, format!("line {line_no} {why}"));
                }
                continue;
            }
        };
        let component = line.value.trim().to_ascii_uppercase();
        if let Some(v) = vevent.as_mut() {
            match line.name.as_str() {
                "BEGIN" if v.depth == 0 && component == "VEVENT" => {
                    // The one before never ended: skip it, read this one.
                    v.fail(v.begin, format!("has no END:VEVENT before line {line_no}"));
                    if let Some(done) = vevent.replace(Vevent::new(line_no)) {
                        finish(builder, file, &cal, done, &mut recurring);
                    }
                    vevents += 1;
                }
                "BEGIN" => v.depth += 1,
                "END" if v.depth > 0 => v.depth -= 1,
                "END" => {
                    if component != "VEVENT" {
                        let why =
                            format!("has no END:VEVENT (found END:{component} at line {line_no})");
                        v.fail(v.begin, why);
                    }
                    if let Some(done) = vevent.take() {
                        finish(builder, file, &cal, done, &mut recurring);
                    }
                }
                _ if v.depth == 0 => v.props.push(line),
                _ => {}
            }
            continue;
        }
        match line.name.as_str() {
            "BEGIN" if component == "VEVENT" && open.is_empty() => {
                vevents += 1;
                vevent = Some(Vevent::new(line_no));
            }
            // Calendars joined into one file: their events are read alike.
            "BEGIN" | "END" if component == "VCALENDAR" => {}
            "BEGIN" => {
                if component == "VTIMEZONE" {
                    zone_block = (None, None);
                }
                open.push(component);
            }
            "END" => {
                if open.pop().as_deref() == Some("VTIMEZONE")
                    && let (Some(id), Some(iana)) = std::mem::take(&mut zone_block)
                {
                    cal.aliases.push((id, iana));
                }
            }
            "TZID" if open.last().is_some_and(|c| c == "VTIMEZONE") => {
                zone_block.0 = Some(line.text());
            }
            "X-LIC-LOCATION" if open.last().is_some_and(|c| c == "VTIMEZONE") => {
                zone_block.1 = Some(line.text());
            }
            "X-WR-CALNAME" | "NAME" if open.is_empty() => builder.set_title(&line.text()),
            "X-WR-TIMEZONE" if open.is_empty() => {
                cal.display = when::zone(&line.text(), &cal.aliases);
            }
            _ => {}
        }
    }
    if let Some(mut unfinished) = vevent.take() {
        unfinished.fail(
            unfinished.begin,
            "has no END:VEVENT before the end of the file".into(),
        );
        finish(builder, file, &cal, unfinished, &mut recurring);
    }
    recur::add_all(builder, file, &cal, recurring);
    if !begun {
        builder.diagnose(
            file,
            None,
            None,
            "is empty (expected an iCalendar file)".into(),
        );
    } else if vevents == 0 {
        let why = "holds no events (no VEVENT; to-dos and journal entries are not read)";
        builder.diagnose(file, None, None, why.into());
    }
    Ok(())
}

/// Adds a complete VEVENT, keeps a recurring one for later, or skips a
/// malformed one naming its line.
fn finish(
    builder: &mut Builder,
    file: crate::load::FileIx,
    cal: &Calendar,
    v: Vevent,
    recurring: &mut Vec<Vevent>,
) {
    if let Some((line, why)) = &v.error {
        builder.count_row();
        let why = format!("VEVENT from line {}: {why}", v.begin);
        builder.skip_row(file, Some(*line), why);
        return;
    }
    let repeats = ["RRULE", "RDATE", "RECURRENCE-ID"]
        .iter()
        .any(|p| v.get(p).is_some());
    if repeats && v.get("X-DATELINE-EDTF").is_none() {
        recurring.push(v);
        return;
    }
    builder.count_row();
    let result = v
        .timing(cal)
        .and_then(|t| event::add(builder, file, cal, &v, &v.base_id(cal), &t, None));
    if let Err((line, why)) = result {
        builder.skip_row(file, Some(line), format!("VEVENT: {why}"));
    }
}
