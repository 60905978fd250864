//! iCalendar (RFC 5545): one all-day VEVENT per event, a month or a year as
//! an all-day span, the status mapped to STATUS with the exact one kept in
//! X-DATELINE-STATUS, the EDTF date in X-DATELINE-EDTF, and UIDs
//! `<id>@dateline` so that a calendar importing the file again updates its
//! events instead of adding them twice. Open-ended dates have no iCalendar
//! form: those events are left out and counted.

use super::{Options, Selection, Written};
use crate::model::EventRef;
use crate::model::date::{Day, format_day, from_day_number};
use std::io::{self, Write};

/// RFC 5545 3.1: lines longer than 75 octets are folded.
const FOLD_AT: usize = 75;

/// Escapes a TEXT value (RFC 5545 3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded at 75 octets without splitting a character.
fn line(out: &mut dyn Write, content: &str) -> io::Result<()> {
    let mut width = 0;
    let mut start = 0;
    for (i, c) in content.char_indices() {
        let len = c.len_utf8();
        if width + len > FOLD_AT {
            out.write_all(&content.as_bytes()[start..i])?;
            out.write_all(b"\r\n ")?;
            start = i;
            // The continuation line's leading space counts.
            width = 1;
        }
        width += len;
    }
    out.write_all(&content.as_bytes()[start..])?;
    out.write_all(b"\r\n")
}

fn ical_day(day: Day) -> String {
    from_day_number(day)
        .map(|d| d.format("%Y%m%d").to_string())
        .unwrap_or_default()
}

/// RFC 5545 STATUS for a dateline status: what happened or is planned is
/// confirmed, what is only expected is tentative.
fn status(name: &str) -> &'static str {
    match name {
        "expected" => "TENTATIVE",
        "cancelled" => "CANCELLED",
        _ => "CONFIRMED",
    }
}

/// DESCRIPTION: the summary, the date as the source gives it, the actors
/// with their roles and the quotes with their sources.
fn description(view: &Selection<'_>, e: &EventRef<'_>) -> String {
    let t = view.t;
    let mut parts: Vec<String> = Vec::new();
    if !e.summary().is_empty() {
        parts.push(super::one_line(e.summary()).into_owned());
    }
    if let Some(d) = crate::present::derivation(t, e) {
        parts.push(format!("Date: {d}"));
    }
    if !e.actors().is_empty() {
        let actors: Vec<String> = e
            .actors()
            .iter()
            .map(|a| {
                let name = t.actor(a.actor).name();
                match t.role_name(a.role) {
                    "" => name.to_string(),
                    role => format!("{name} ({role})"),
                }
            })
            .collect();
        parts.push(format!("Actors: {}", actors.join(", ")));
    }
    for q in e.quotes() {
        let s = q.source();
        let mut cite = s.outlet().to_string();
        if let Some(day) = s.published() {
            cite.push_str(&format!(", {}", format_day(day)));
        }
        if let Some(url) = s.url() {
            cite.push_str(&format!(", {url}"));
        }
        parts.push(format!("“{}” — {cite}", super::one_line(q.text())));
    }
    parts.join("\n\n")
}

pub(super) fn write(
    out: &mut dyn Write,
    view: &Selection<'_>,
    opts: &Options,
) -> io::Result<Written> {
    let t = view.t;
    let stamp = opts.now.format("%Y%m%dT%H%M%SZ").to_string();
    line(out, "BEGIN:VCALENDAR")?;
    line(out, "VERSION:2.0")?;
    line(out, "PRODID:-//dateline//dateline export//EN")?;
    line(out, "CALSCALE:GREGORIAN")?;
    let title = opts.title.as_deref().unwrap_or("dateline");
    let name = if opts.description.is_empty() {
        title.to_string()
    } else {
        format!("{title} {}", opts.description)
    };
    line(out, &format!("X-WR-CALNAME:{}", text(&name)))?;
    let mut written = Written::default();
    for &ix in &view.events {
        let e = t.event(ix);
        let date = e.date();
        let (Some(first), Some(last)) = (date.earliest(), date.latest()) else {
            written.skipped_open += 1;
            continue;
        };
        line(out, "BEGIN:VEVENT")?;
        line(out, &format!("UID:{}@dateline", text(e.id())))?;
        line(out, &format!("DTSTAMP:{stamp}"))?;
        line(out, &format!("DTSTART;VALUE=DATE:{}", ical_day(first)))?;
        // DTEND is exclusive.
        line(out, &format!("DTEND;VALUE=DATE:{}", ical_day(last + 1)))?;
        line(out, &format!("SUMMARY:{}", text(e.title())))?;
        let desc = description(view, &e);
        if !desc.is_empty() {
            line(out, &format!("DESCRIPTION:{}", text(&desc)))?;
        }
        let place = crate::present::place(&e);
        if !place.is_empty() {
            line(out, &format!("LOCATION:{}", text(&place)))?;
        }
        let topics: Vec<String> = e.topics().map(text).collect();
        if !topics.is_empty() {
            line(out, &format!("CATEGORIES:{}", topics.join(",")))?;
        }
        if let Some(url) = view.url_of(&e) {
            // URL is a URI value, not TEXT: no escapes, and no spaces or
            // controls, which a URI cannot hold anyway.
            let uri: String = url
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect();
            line(out, &format!("URL:{uri}"))?;
        }
        line(out, &format!("STATUS:{}", status(e.status().as_str())))?;
        line(out, &format!("X-DATELINE-STATUS:{}", e.status().as_str()))?;
        line(out, &format!("X-DATELINE-EDTF:{}", text(&date.edtf())))?;
        line(out, "TRANSP:TRANSPARENT")?;
        line(out, "END:VEVENT")?;
        written.events += 1;
    }
    line(out, "END:VCALENDAR")?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::super::test_data::{all, assert_no_controls, builtin, hostile};
    use super::super::{Format, Options, to_bytes};
    use super::*;
    use icalendar::{Calendar, CalendarComponent, Component};

    fn options() -> Options {
        let mut opts = Options::new(Format::Ics);
        opts.now = chrono::DateTime::from_timestamp(1_745_000_000, 0).unwrap();
        opts
    }

    fn export(t: &crate::model::Timeline) -> (String, Written) {
        let (bytes, written) = to_bytes(t, &all(t), &options());
        (String::from_utf8(bytes).unwrap(), written)
    }

    fn parse(ics: &str) -> Vec<icalendar::Event> {
        let cal: Calendar = ics.parse().unwrap_or_else(|e| panic!("{e}\n{ics}"));
        cal.components
            .into_iter()
            .filter_map(|c| match c {
                CalendarComponent::Event(e) => Some(e),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn folds_long_lines_at_75_octets_on_character_boundaries() {
        let mut out = Vec::new();
        let long = format!("SUMMARY:{}", "é".repeat(100));
        line(&mut out, &long).unwrap();
        let text = String::from_utf8(out).unwrap();
        for l in text.split("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(text.replace("\r\n ", ""), format!("{long}\r\n"));
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn an_independent_parser_reads_every_event_back() {
        let t = builtin();
        let (ics, written) = export(&t);
        assert_no_controls(&ics, &['\r', '\n']);
        assert!(ics.split("\r\n").all(|l| l.len() <= 75));
        let open = all(&t)
            .iter()
            .filter(|&&e| t.event(e).earliest().is_none() || t.event(e).latest().is_none())
            .count();
        assert_eq!(written.skipped_open, open);
        let events = parse(&ics);
        assert_eq!(events.len(), t.len() - open);
        assert_eq!(written.events, events.len());
        let paris = events
            .iter()
            .find(|e| e.get_uid() == Some("paris-talks@dateline"))
            .unwrap();
        let e = t.event(t.find_event("paris-talks").unwrap());
        assert_eq!(paris.get_summary(), Some(e.title()));
        assert_eq!(
            paris.property_value("X-DATELINE-STATUS"),
            Some(e.status().as_str())
        );
        assert_eq!(paris.property_value("X-DATELINE-EDTF"), Some("2025-04-17"));
        assert_eq!(
            paris.get_start(),
            Some(chrono::NaiveDate::from_ymd_opt(2025, 4, 17).unwrap().into())
        );
        assert_eq!(
            paris.get_end(),
            Some(chrono::NaiveDate::from_ymd_opt(2025, 4, 18).unwrap().into())
        );
    }

    #[test]
    fn months_and_years_are_all_day_spans() {
        let t = hostile();
        let (ics, _) = export(&t);
        let events = parse(&ics);
        let span = |uid: &str| {
            let e = events
                .iter()
                .find(|e| e.get_uid() == Some(uid))
                .unwrap_or_else(|| panic!("no {uid}"));
            (e.get_start(), e.get_end())
        };
        let d = |y, m, d| Some(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap().into());
        assert_eq!(span("e2@dateline"), (d(2025, 5, 1), d(2025, 6, 1)));
        assert_eq!(span("e7@dateline"), (d(2023, 1, 1), d(2024, 1, 1)));
        assert_eq!(span("e4@dateline"), (d(2024, 11, 1), d(2025, 3, 1)));
    }

    #[test]
    fn hostile_text_survives_as_text_and_breaks_nothing() {
        let t = hostile();
        let (ics, written) = export(&t);
        assert_no_controls(&ics, &['\r', '\n']);
        // Every line ends in CRLF, and no bare LF or CR hides anywhere.
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
        assert_eq!(ics.matches('\r').count(), ics.matches("\r\n").count());
        // The two open-ended events are left out.
        assert_eq!(written.skipped_open, 2);
        let events = parse(&ics);
        assert_eq!(events.len(), t.len() - 2);
        let e1 = events
            .iter()
            .find(|e| e.get_uid() == Some("e1@dateline"))
            .unwrap();
        let title = t.event(t.find_event("e1").unwrap()).title().to_string();
        assert_eq!(e1.get_summary(), Some(title.as_str()));
        let desc = e1.get_description().unwrap();
        assert!(
            desc.contains("Actors: Marco \"The, Envoy\" Rubio</script> (host, \"chief\" second)"),
            "{desc}"
        );
        assert!(desc.contains("\n\n"), "{desc}");
        assert_eq!(e1.property_value("STATUS"), Some("CONFIRMED"));
        assert_eq!(e1.property_value("X-DATELINE-STATUS"), Some("scheduled"));
        let e2 = events
            .iter()
            .find(|e| e.get_uid() == Some("e2@dateline"))
            .unwrap();
        assert_eq!(e2.property_value("STATUS"), Some("TENTATIVE"));
        assert_eq!(e2.property_value("X-DATELINE-EDTF"), Some("2025-05~"));
    }
}
