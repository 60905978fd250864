//! `dateline dates` output: JSON Lines or a readable table.

use super::{Anchor, Timex};
use crate::model::date::day_number;
use crate::model::date::format_day;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct AnchorJson<'a> {
    /// "published" or the anchoring expression's text.
    from: &'a str,
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<usize>,
}

#[derive(Serialize)]
struct Row<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    earliest: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    latest: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    precision: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor: Option<AnchorJson<'a>>,
}

fn anchor<'a>(all: &'a [Timex], t: &Timex) -> Option<AnchorJson<'a>> {
    let d = t.derived.as_ref()?;
    let date = format_day(day_number(d.anchor_day));
    Some(match d.anchor {
        Anchor::Published => AnchorJson {
            from: "published",
            date,
            start: None,
        },
        Anchor::Expression(ix) => AnchorJson {
            from: all.get(ix).map_or("?", |a| a.text.as_str()),
            date,
            start: all.get(ix).map(|a| a.start),
        },
    })
}

/// One JSON object a line.
pub fn write_json(out: &mut impl Write, all: &[Timex]) -> io::Result<()> {
    for t in all {
        let d = t.derived.as_ref();
        let row = Row {
            start: t.start,
            end: t.end,
            text: &t.text,
            kind: t.kind.as_str(),
            value: &t.value,
            date: d.map(|d| d.date.edtf()),
            earliest: d.and_then(|d| d.date.earliest()).map(format_day),
            latest: d.and_then(|d| d.date.latest()).map(format_day),
            precision: d.map(|d| d.date.precision().as_str()),
            rule: d.map(|d| d.rule.to_string()),
            anchor: anchor(all, t),
        };
        serde_json::to_writer(&mut *out, &row)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// A table: span, type, value, text, and the derivation of dates.
pub fn write_table(out: &mut impl Write, all: &[Timex]) -> io::Result<()> {
    writeln!(
        out,
        "{:<13} {:<8} {:<18} {:<28} DERIVATION",
        "CHARS", "TYPE", "VALUE", "TEXT"
    )?;
    for t in all {
        let derivation = match (&t.derived, anchor(all, t)) {
            (Some(d), Some(a)) => {
                format!("{} = {} from {} {}", d.rule, d.date.human(), a.from, a.date)
            }
            _ => String::new(),
        };
        let text = crate::sanitize::line(&t.text);
        writeln!(
            out,
            "{:<13} {:<8} {:<18} {:<28} {}",
            format!("{}..{}", t.start, t.end),
            t.kind.as_str(),
            t.value,
            format!("\"{text}\""),
            derivation
        )?;
    }
    Ok(())
}
