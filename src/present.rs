//! Words shared by the CLI and the TUI: how a date was derived, how a link
//! reads, how an actor or country is named. No terminal types here.

use crate::model::country::{self, CountryIx};
use crate::model::date::{format_day, from_day_number};
use crate::model::{DerivationAnchor, EventRef, Timeline};

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
            let day = from_day_number(t.source(s).published())
                .map(|d| d.format("%a %-d %b %Y").to_string())
                .unwrap_or_else(|| format_day(t.source(s).published()));
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
/// `?` expected, `~` ongoing.
pub fn status_marker(status: crate::model::Status) -> char {
    use crate::model::Status::*;
    match status {
        Occurred => '·',
        Scheduled => '»',
        Expected => '?',
        Ongoing => '~',
    }
}
