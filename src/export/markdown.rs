//! A Markdown chronology report: a heading per month (a year heading for
//! events known only to the year, one "Open-ended dates" section for
//! "before …" and "since …"), each event with its date as the source gives
//! it, title, summary, actors with roles, and each quote as a footnote
//! citing outlet, date and URL, so it pastes into a document with its
//! provenance intact.

use super::{Options, Selection, Written};
use crate::model::EventRef;
use crate::model::date::{DateShape, Precision, format_day};
use std::io::{self, Write};

const MONTHS_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Escapes text so Markdown shows it as written: every character that can
/// start emphasis, code, links, footnotes, HTML or entities is escaped, and
/// line breaks become spaces.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in super::one_line(text).chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '~'
                | '&'
                | '!'
                | '{'
                | '}'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Like [`md`], for text that starts a line: a leading list marker, number
/// or heading sign is escaped too.
fn md_block(text: &str) -> String {
    let escaped = md(text.trim_start());
    let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
    match escaped.as_bytes().get(digits) {
        Some(b'.' | b')') if digits > 0 => {
            format!("{}\\{}", &escaped[..digits], &escaped[digits..])
        }
        _ if escaped.starts_with(['-', '+', '=']) => format!("\\{escaped}"),
        _ => escaped,
    }
}

/// The section an event goes under.
fn heading(e: &EventRef<'_>) -> String {
    let date = e.date();
    match date.shape {
        DateShape::Until(_) | DateShape::Since(_) => "Open-ended dates".into(),
        DateShape::Single(p) | DateShape::Interval(p, _) => match p.precision {
            Precision::Year => p.year.to_string(),
            _ => format!("{} {}", MONTHS_LONG[p.month as usize - 1], p.year),
        },
    }
}

fn open_ended(e: &EventRef<'_>) -> bool {
    e.earliest().is_none() || e.latest().is_none()
}

fn event(
    out: &mut dyn Write,
    view: &Selection<'_>,
    e: &EventRef<'_>,
    notes: &mut Vec<String>,
) -> io::Result<()> {
    let t = view.t;
    let date = match e.derivation() {
        Some(d) => format!("{} (\"{}\")", e.date(), t.str(d.phrase)),
        None => e.date().to_string(),
    };
    writeln!(out, "### {} — {}\n", md(&date), md(e.title()))?;
    let mut facts = vec![format!("`{}`", e.id().replace('`', "'"))];
    if e.status().as_str() != "occurred" {
        facts.push(format!("*{}*", e.status().as_str()));
    }
    let place = crate::present::place(e);
    if !place.is_empty() {
        facts.push(md(&place));
    }
    writeln!(out, "{}\n", facts.join(" · "))?;
    if !e.summary().is_empty() {
        writeln!(out, "{}\n", md_block(e.summary()))?;
    }
    if !e.actors().is_empty() {
        let actors: Vec<String> = e
            .actors()
            .iter()
            .map(|a| {
                let name = md(t.actor(a.actor).name());
                match t.role_name(a.role) {
                    "" => name,
                    role => format!("{name} ({})", md(role)),
                }
            })
            .collect();
        writeln!(out, "**Actors:** {}\n", actors.join(", "))?;
    }
    for q in e.quotes() {
        notes.push({
            let s = q.source();
            let mut cite = md(s.outlet());
            if !s.title().is_empty() {
                cite.push_str(&format!(", “{}”", md(s.title())));
            }
            if let Some(day) = s.published() {
                cite.push_str(&format!(", {}", format_day(day)));
            }
            if let Some(url) = s.url() {
                cite.push_str(&format!(", <{}>", url_text(url)));
            }
            cite
        });
        writeln!(out, "> “{}”[^{}]\n", md(q.text()), notes.len())?;
    }
    Ok(())
}

/// A URL inside `<…>`: an autolink ends at the first space, `<` or `>`.
fn url_text(url: &str) -> String {
    super::one_line(url)
        .chars()
        .map(|c| match c {
            ' ' => "%20".to_string(),
            '<' => "%3C".to_string(),
            '>' => "%3E".to_string(),
            c => c.to_string(),
        })
        .collect()
}

pub(super) fn write(
    out: &mut dyn Write,
    view: &Selection<'_>,
    opts: &Options,
) -> io::Result<Written> {
    let t = view.t;
    writeln!(
        out,
        "# {}\n",
        md(opts.title.as_deref().unwrap_or("Chronology"))
    )?;
    let n = view.events.len();
    let mut intro = format!("{n} event{} exported from dateline", super::plural(n));
    if !opts.description.is_empty() {
        intro.push_str(&format!(" ({})", md(&opts.description)));
    }
    writeln!(out, "{intro}.\n")?;
    let mut notes: Vec<String> = Vec::new();
    let mut current = String::new();
    let (open, dated): (Vec<_>, Vec<_>) = view
        .events
        .iter()
        .map(|&e| t.event(e))
        .partition(open_ended);
    for e in dated.iter().chain(&open) {
        let h = heading(e);
        if h != current {
            writeln!(out, "## {h}\n")?;
            current = h;
        }
        event(out, view, e, &mut notes)?;
    }
    for (i, note) in notes.iter().enumerate() {
        writeln!(out, "[^{}]: {note}", i + 1)?;
    }
    Ok(Written {
        events: n,
        ..Written::default()
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_data::{all, assert_no_controls, builtin, hostile};
    use super::super::{Format, Options, to_bytes};
    use super::*;

    fn export(t: &crate::model::Timeline) -> String {
        let (bytes, _) = to_bytes(t, &all(t), &Options::new(Format::Markdown));
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn headings_per_month_and_a_footnote_per_quote() {
        let t = builtin();
        let text = export(&t);
        assert!(text.starts_with("# Chronology\n"));
        assert!(text.contains("\n## April 2025\n"), "{text}");
        let events = text.lines().filter(|l| l.starts_with("### ")).count();
        assert_eq!(events, t.len());
        let refs = text.lines().filter(|l| l.starts_with("> “")).count();
        let notes = text.lines().filter(|l| l.starts_with("[^")).count();
        assert_eq!(refs, t.quote_count());
        assert_eq!(notes, t.quote_count());
        assert!(
            text.contains("[^1]: Unnamed outlet (wire report with AP photo), “Rubio and Witkoff")
        );
        // The date as the source gives it.
        assert!(
            text.contains("### Fri 11 Apr 2025 (\"last Friday\") — Witkoff meets Putin"),
            "{text}"
        );
    }

    #[test]
    fn year_and_open_ended_dates_get_their_own_sections() {
        let t = hostile();
        let text = export(&t);
        let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(
            headings,
            [
                "## 2023",
                "## November 2024",
                "## April 2025",
                "## May 2025",
                "## Open-ended dates"
            ]
        );
        let open = text.split("## Open-ended dates").nth(1).unwrap();
        assert!(open.contains("Open before") && open.contains("Since"));
    }

    #[test]
    fn hostile_text_cannot_add_structure() {
        let t = hostile();
        let text = export(&t);
        assert_no_controls(&text, &['\n']);
        // Only the exporter's own headings, quotes and footnotes start lines.
        for line in text.lines() {
            assert!(
                line.is_empty()
                    || line.starts_with("# Chronology")
                    || line.starts_with("## ")
                    || line.starts_with("### ")
                    || line.starts_with("> “")
                    || line.starts_with("[^")
                    || line.starts_with("**Actors:**")
                    || line.starts_with('`')
                    || line
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_alphanumeric() || c == '\\')
                    || line.starts_with(char::is_numeric),
                "line {line:?}"
            );
        }
        // No raw HTML and no footnote but the exporter's.
        for (i, _) in text.match_indices('<') {
            let escaped = text[..i].ends_with('\\');
            assert!(
                escaped || text[i..].starts_with("<https://"),
                "raw < at {i}"
            );
        }
        assert_eq!(
            text.matches("[^").count() - text.matches("\\[^").count(),
            2 * 2,
            "{text}"
        );
        assert!(
            text.contains("\\# not a heading \\- not a list")
                || text.contains("\\# not a heading - not a list")
        );
        assert!(text.contains("\\<2\\>") || text.contains("%3C2%3E"));
    }

    #[test]
    fn a_title_heads_the_report_escaped() {
        let t = builtin();
        let mut opts = Options::new(Format::Markdown);
        opts.title = Some("Paris *talks* <b>".into());
        let (bytes, _) = to_bytes(&t, &all(&t), &opts);
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("# Paris \\*talks\\* \\<b\\>\n"), "{text}");
    }

    #[test]
    fn a_numbered_line_is_not_a_list() {
        assert_eq!(md_block("1. first"), "1\\. first");
        assert_eq!(md_block("- item"), "\\- item");
        assert_eq!(md_block("2025 was"), "2025 was");
    }
}
