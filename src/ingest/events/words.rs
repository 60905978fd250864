//! What the words around a date say of its happening: whether the date is
//! the article's own dateline, the happening's status, its title, and a
//! clause dated "more than N years after".

use super::Rule;
use crate::model::Status;
use crate::model::date::{DateValue, day_number};
use crate::timex::{Kind, Tense, Timex};
use chrono::NaiveDate;

/// Words that make a happening expected rather than certain.
const EXPECTED: &[&str] = &[
    "expected", "likely", "may", "might", "could", "possible", "probably",
];

/// A date written in full at the head of a line, equal to the publication
/// day ("date 2025-04-16 ..."): the article's own dateline, not a happening.
pub(super) fn is_dateline(text: &str, t: &Timex, published: NaiveDate) -> bool {
    let Some(d) = &t.derived else { return false };
    if !matches!(d.rule, Rule::AsWritten(_))
        || d.date.earliest() != Some(day_number(published))
        || d.date.latest() != Some(day_number(published))
    {
        return false;
    }
    // only a short way back: a dateline opens its line
    let mut from = t.bytes.start.saturating_sub(64);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let line_start = match text[from..t.bytes.start].rfind('\n') {
        Some(p) => from + p + 1,
        None if from == 0 => 0,
        None => return false,
    };
    let before = text[line_start..t.bytes.start]
        .trim()
        .trim_end_matches(':')
        .to_ascii_lowercase();
    matches!(
        before.as_str(),
        "" | "date" | "dated" | "published" | "updated" | "posted"
    )
}

/// The status of a happening from the words before its date and the date itself.
pub(super) fn status(sentence: &str, t: &Timex, date: &DateValue, published: NaiveDate) -> Status {
    let lower = sentence.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| EXPECTED.contains(w)) {
        return Status::Expected;
    }
    // "has been arrested" -> occurred; "has been fighting" -> ongoing
    if let Some(k) = words
        .windows(2)
        .position(|w| matches!(w[0], "has" | "have") && w[1] == "been")
    {
        return match words.get(k + 2) {
            Some(w) if w.ends_with("ing") => Status::Ongoing,
            _ => Status::Occurred,
        };
    }
    let today = day_number(published);
    let future = date.earliest().is_some_and(|d| d > today);
    let past = date.latest().is_some_and(|d| d < today);
    match t.tense {
        Tense::Future => Status::Scheduled,
        Tense::Present if future => Status::Scheduled,
        Tense::Present => Status::Ongoing,
        Tense::Past => Status::Occurred,
        Tense::Unknown if future => Status::Scheduled,
        Tense::Unknown if past => Status::Occurred,
        Tense::Unknown => Status::Occurred,
    }
}

/// Prepositions that belong to a date, left out of a title.
const DATE_PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "by", "during", "since", "until", "from", "over",
];

/// A title from the sentence's own words: the sentence without its date, at most twelve words.
pub(super) fn title(sentence: &str, date_at: std::ops::Range<usize>) -> String {
    let before: Vec<&str> = sentence[..date_at.start].split_whitespace().collect();
    let mut before = before;
    if before
        .last()
        .is_some_and(|w| DATE_PREPOSITIONS.contains(&w.to_ascii_lowercase().as_str()))
    {
        before.pop();
    }
    let after = sentence[date_at.end..].trim_start_matches([',', ' ']);
    let words: Vec<&str> = before.into_iter().chain(after.split_whitespace()).collect();
    let mut out = words.iter().take(12).copied().collect::<Vec<_>>().join(" ");
    while out.ends_with(['.', ',', ';', ':', '(', '-']) {
        out.pop();
    }
    let out = out
        .trim_start_matches(['“', '"', '(', '‘', '\'', '`'])
        .to_string();
    if out.is_empty() {
        sentence.trim().to_string()
    } else {
        out
    }
}

/// "more than three years after Russia launched the war": the clause after
/// "after" happened before the anchor minus that many years.
pub(super) fn years_after(text: &str, t: &Timex) -> Option<Rule> {
    if t.kind != Kind::Duration || !t.text.to_ascii_lowercase().starts_with("more than") {
        return None;
    }
    let n: u32 = t.value.strip_prefix('P')?.strip_suffix('Y')?.parse().ok()?;
    text[t.bytes.end..]
        .trim_start()
        .starts_with("after ")
        .then_some(Rule::MoreThanYearsBefore(n))
}
