//! Words shared by the CLI and the TUI: how a date was derived, how a link
//! reads, how an actor or country is named. No terminal types here.

use crate::model::country::{self, CountryIx};
use crate::model::date::{format_day, from_day_number};
use crate::model::{DerivationAnchor, EventRef, Timeline};

/// What the user typed, quoted back in a message or the status line: cut
/// to its first `max_chars` characters with an ellipsis, so that a long
/// paste leaves room for the rest of the line.
pub fn typed_excerpt(text: &str, max_chars: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        None => text.into(),
        Some((cut, _)) => format!("{}…", &text[..cut]).into(),
    }
}

/// "; ids with it: a, b, c" after a message about an unknown event id, or
/// nothing when no id holds what was typed.
pub fn ids_holding_hint(t: &Timeline, text: &str) -> String {
    let near = t.event_ids_holding(text, 3);
    if near.is_empty() {
        String::new()
    } else {
        format!("; ids with it: {}", near.join(", "))
    }
}

/// "last Friday" → Fri 11 Apr 2025 (article of Wed 16 Apr 2025; rule weekday-before:fri)
pub fn derivation(t: &Timeline, e: &EventRef<'_>) -> Option<String> {
    let d = e.derivation()?;
    let anchor = match d.anchor {
        DerivationAnchor::Source(s) => {
            let day = t
                .source(s)
                .published()
                .and_then(from_day_number)
                .map_or_else(
                    || "unknown date".to_string(),
                    |d| d.format("%a %-d %b %Y").to_string(),
                );
            format!("article of {day}")
        }
        DerivationAnchor::Event(ev) => {
            let anchor = t.event(ev);
            format!("event {} of {}", anchor.id(), anchor.date())
        }
        DerivationAnchor::Day(day) => {
            let day = from_day_number(day)
                .map(|d| d.format("%a %-d %b %Y").to_string())
                .unwrap_or_else(|| format_day(day));
            format!("anchored on {day}")
        }
    };
    Some(format!(
        "\"{}\" → {} ({anchor}; rule {})",
        t.str(d.phrase),
        e.date(),
        d.rule
    ))
}

/// "Paris, France (FR)", "France (FR)", or "" when the event has no place.
pub fn place(e: &EventRef<'_>) -> String {
    let name = e.place();
    match (name.is_empty(), e.place_country()) {
        (true, None) => String::new(),
        (false, None) => name.to_string(),
        (true, Some(c)) => country_label(c),
        (false, Some(c)) if name == country::name(c) => country_label(c),
        (false, Some(c)) => format!("{name}, {}", country_label(c)),
    }
}

/// "France (FR)".
pub fn country_label(c: CountryIx) -> String {
    format!("{} ({})", country::name(c), country::code(c))
}

/// The countries an event involves: its list, then its place's country.
pub fn countries(e: &EventRef<'_>) -> Vec<CountryIx> {
    let mut out: Vec<CountryIx> = e.countries().to_vec();
    if let Some(c) = e.place_country()
        && !out.contains(&c)
    {
        out.push(c);
    }
    out
}

/// A one-character marker for the status column: `·` occurred, `»` scheduled,
/// `?` expected, `~` ongoing, `×` cancelled.
pub fn status_marker(status: crate::model::Status) -> char {
    use crate::model::Status::*;
    match status {
        Occurred => '·',
        Scheduled => '»',
        Expected => '?',
        Ongoing => '~',
        Cancelled => '×',
    }
}

/// A source in one line: outlet, date, URL, and whether it has text to
/// quote ("bbc.co.uk, 2025-08-07, https://… — no verbatim text").
pub fn source_line(s: &crate::model::SourceRef<'_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !s.outlet().is_empty() {
        parts.push(s.outlet().to_string());
    }
    if !s.title().is_empty() {
        parts.push(format!("\"{}\"", s.title()));
    }
    if let Some(day) = s.published() {
        parts.push(crate::model::date::format_day(day));
    }
    if let Some(url) = s.url()
        && url != s.id()
    {
        parts.push(url.to_string());
    }
    let mut line = format!("{}  {}", s.id(), parts.join(", "));
    if !s.has_text() {
        line.push_str(" — no verbatim text");
    }
    line
}

#[cfg(test)]
mod typed_tests {
    use super::typed_excerpt;

    #[test]
    fn long_typed_text_is_cut() {
        assert_eq!(typed_excerpt("short", 10), "short");
        assert_eq!(typed_excerpt("0123456789", 10), "0123456789");
        assert_eq!(typed_excerpt("0123456789a", 10), "0123456789…");
        assert_eq!(typed_excerpt("ééééé", 2), "éé…");
    }
}

/// `text` cut to `max_chars` characters, ending in "…" when cut.
pub fn ellipsize(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A citation of an event on one line: its title and date, then the
/// outlet, title, date and URL of the source of its quote number `quote`
/// (or its first), and the quoted words.
///
/// `Macron meets Rubio and Witkoff (Thu 17 Apr 2025). Unnamed outlet,
/// "US officials…", Wed 16 Apr 2025, https://…: "…"`
pub fn citation(t: &Timeline, ix: crate::model::EventIx, quote: usize) -> String {
    let e = t.event(ix);
    let mut out = format!("{} ({})", e.title(), e.date().human());
    let q = e.quotes().nth(quote).or_else(|| e.quotes().next());
    if let Some(q) = q {
        let s = q.source();
        let day = s
            .published()
            .and_then(from_day_number)
            .map(|d| d.format("%a %-d %b %Y").to_string())
            .unwrap_or_default();
        out.push_str(&format!(". {}, \"{}\", {day}", s.outlet(), s.title()));
        if let Some(url) = s.url() {
            out.push_str(&format!(", {url}"));
        }
        out.push_str(&format!(": \"{}\"", q.text().replace('\n', " ")));
    } else {
        out.push_str(&format!(" [{}]", e.id()));
    }
    out
}

#[cfg(test)]
mod citation_tests {
    use super::*;

    #[test]
    fn a_citation_names_title_date_outlet_and_quote() {
        let t = crate::load::load_builtin().unwrap();
        let ix = t.find_event("witkoff-putin-st-petersburg").unwrap();
        let c = citation(&t, ix, 0);
        assert!(
            c.starts_with("Witkoff meets Putin in St Petersburg (Fri 11 Apr 2025). "),
            "{c}"
        );
        let first = t.event(ix).quotes().next().unwrap().text();
        assert!(c.ends_with(&format!("Wed 16 Apr 2025: \"{first}\"")), "{c}");
        assert!(c.contains(". Unnamed outlet"), "{c}");
        // Another of its quotes, by number.
        let second = t.event(ix).quotes().nth(1).unwrap().text();
        assert!(citation(&t, ix, 1).ends_with(&format!("\"{second}\"")));
        assert_eq!(ellipsize("abcdef", 4), "abc…");
        assert_eq!(ellipsize("abc", 4), "abc");
    }
}
