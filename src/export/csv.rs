//! CSV (RFC 4180, through the `csv` crate): one row per event with every
//! field, lists joined with "; ", the date as EDTF with its earliest and
//! latest days beside it, ready for a spreadsheet.

use super::{Selection, Written};
use crate::model::country;
use crate::model::date::format_day;
use std::io::{self, Write};

pub const HEADER: [&str; 22] = [
    "id",
    "title",
    "date",
    "date_display",
    "earliest",
    "latest",
    "precision",
    "status",
    "summary",
    "derivation",
    "place",
    "place_country",
    "countries",
    "topics",
    "actors",
    "actor_ids",
    "roles",
    "quotes",
    "source",
    "published",
    "url",
    "links",
];

/// A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a
/// formula: such a text cell gets a leading apostrophe, which spreadsheets
/// show as text and hide.
fn cell(text: &str) -> String {
    let text = super::one_line(text);
    let numeric = text.parse::<f64>().is_ok();
    match text.chars().next() {
        Some('=' | '+' | '-' | '@') if !numeric => format!("'{text}"),
        _ => text.into_owned(),
    }
}

fn joined<I: IntoIterator<Item = S>, S: AsRef<str>>(items: I) -> String {
    let items: Vec<String> = items.into_iter().map(|s| cell(s.as_ref())).collect();
    items.join("; ")
}

pub(super) fn write(out: &mut dyn Write, view: &Selection<'_>) -> io::Result<Written> {
    let t = view.t;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(HEADER)?;
    for &ix in &view.events {
        let e = t.event(ix);
        let date = e.date();
        let sources: Vec<_> = {
            let mut s: Vec<_> = e.quotes().map(|q| q.source()).collect();
            s.dedup_by_key(|s| s.ix);
            s
        };
        let row: [String; 22] = [
            cell(e.id()),
            cell(e.title()),
            date.edtf(),
            date.human(),
            e.earliest().map(format_day).unwrap_or_default(),
            e.latest().map(format_day).unwrap_or_default(),
            date.precision().as_str().to_string(),
            e.status().as_str().to_string(),
            cell(e.summary()),
            cell(&crate::present::derivation(t, &e).unwrap_or_default()),
            cell(e.place()),
            e.place_country()
                .map(country::code)
                .unwrap_or("")
                .to_string(),
            joined(e.countries().iter().map(|&c| country::code(c))),
            joined(e.topics()),
            joined(e.actors().iter().map(|a| t.actor(a.actor).name())),
            joined(e.actors().iter().map(|a| t.actor(a.actor).id())),
            joined(e.actors().iter().map(|a| t.role_name(a.role))),
            joined(e.quotes().map(|q| q.text())),
            joined(sources.iter().map(|s| s.outlet())),
            joined(
                sources
                    .iter()
                    .map(|s| s.published().map(format_day).unwrap_or_default()),
            ),
            cell(view.url_of(&e).unwrap_or_default()),
            joined(
                view.links_in_view(&e)
                    .map(|l| format!("{} {}", l.kind.as_str(), t.event(l.other).id())),
            ),
        ];
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(Written {
        events: view.events.len(),
        ..Written::default()
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_data::{all, assert_no_controls, builtin, hostile};
    use super::super::{Format, Options, to_bytes};
    use super::*;

    fn rows(t: &crate::model::Timeline) -> (String, Vec<csv::StringRecord>) {
        let (bytes, _) = to_bytes(t, &all(t), &Options::new(Format::Csv));
        let text = String::from_utf8(bytes).unwrap();
        let mut r = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        assert_eq!(
            r.headers().unwrap(),
            &csv::StringRecord::from(HEADER.to_vec())
        );
        let rows = r.records().map(|r| r.unwrap()).collect();
        (text, rows)
    }

    #[test]
    fn one_row_per_event_with_every_field() {
        let t = builtin();
        let (_, rows) = rows(&t);
        assert_eq!(rows.len(), t.len());
        for (row, ix) in rows.iter().zip(all(&t)) {
            let e = t.event(ix);
            assert_eq!(row.len(), HEADER.len());
            assert_eq!(&row[0], e.id());
            assert_eq!(&row[2], e.date().edtf());
            assert_eq!(&row[7], e.status().as_str());
        }
        let paris = rows.iter().find(|r| &r[0] == "paris-talks").unwrap();
        assert_eq!(
            (&paris[4], &paris[5], &paris[6]),
            ("2025-04-17", "2025-04-17", "day")
        );
        assert!(paris[14].contains("; "), "actors joined: {}", &paris[14]);
    }

    #[test]
    fn hostile_text_stays_in_its_cell() {
        let t = hostile();
        let (text, rows) = rows(&t);
        assert_no_controls(&text, &['\r', '\n']);
        assert_eq!(rows.len(), t.len());
        let e1 = rows.iter().find(|r| &r[0] == "e1").unwrap();
        let title = t.event(t.find_event("e1").unwrap()).title();
        // The formula gets an apostrophe; nothing else changes.
        assert_eq!(&e1[1], format!("'{title}"));
        assert_eq!(&e1[13], "war, peace; <tag>;\"t\"");
        assert!(
            e1[8].starts_with("line one line two, \"with quotes\";"),
            "{}",
            &e1[8]
        );
        assert_eq!(&e1[20], "https://example.org/a?b=1&c=<2>\"q\"");
        assert!(
            e1[18].starts_with("'=HYPERLINK") || e1[18].starts_with("Wire"),
            "{}",
            &e1[18]
        );
        let open = rows.iter().find(|r| &r[0] == "e3").unwrap();
        assert_eq!((&open[4], &open[5], &open[6]), ("", "2025-04-09", "before"));
        // Links to events in the view only.
        assert_eq!(&e1[21], "follows e2");
    }

    #[test]
    fn only_formulas_get_an_apostrophe() {
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("-12.5"), "-12.5");
        assert_eq!(cell("- a list"), "'- a list");
        assert_eq!(cell("plain, text"), "plain, text");
    }
}
