//! Years, decades and centuries standing alone, and the numbers that are not years.

use super::Meaning;
use super::dates::{fixed_year, year_at};
use crate::model::date::{DateShape, DateValue, Point};
use crate::timex::lexicon::{self, MONTHS};
use crate::timex::scan::{Sentence, TokKind};

/// "the 1990s", "the 20th century".
pub fn decade(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    let w = s.w(i);
    if let Some(d) = w.strip_suffix('s').filter(|d| d.len() == 4) {
        let y: i32 = d.parse().ok()?;
        if !(1000..=2990).contains(&y) || y % 10 != 0 {
            return None;
        }
        let value = format!("{}", y / 10);
        let date = DateValue::with_shape(DateShape::Interval(Point::year(y), Point::year(y + 9)));
        return Some((i + 1, Meaning::Fixed { value, date }));
    }
    // "the 1980's"
    if w.len() == 4
        && matches!(s.w(i + 1), "'" | "’")
        && s.w(i + 2) == "s"
        && s.glued(i + 1)
        && s.glued(i + 2)
        && let Some(y) = year_at(s, i).filter(|y| y % 10 == 0)
    {
        let date = DateValue::with_shape(DateShape::Interval(Point::year(y), Point::year(y + 9)));
        let value = format!("{}", y / 10);
        return Some((i + 3, Meaning::Fixed { value, date }));
    }
    // "the 70s and 80s"
    if let Some(d) = w
        .strip_suffix('s')
        .filter(|d| d.len() == 2 && d.ends_with('0'))
    {
        let before = s.w(i.wrapping_sub(1));
        if matches!(
            before,
            "the" | "'" | "’" | "and" | "of" | "early" | "late" | "mid"
        ) {
            let y: i32 = 1900 + d.parse::<i32>().ok()?;
            let date =
                DateValue::with_shape(DateShape::Interval(Point::year(y), Point::year(y + 9)));
            return Some((
                i + 1,
                Meaning::Fixed {
                    value: format!("{}", y / 10),
                    date,
                },
            ));
        }
    }
    if s.w(i + 1) == "century" {
        let c: i32 = w
            .strip_suffix("th")
            .or(w.strip_suffix("st"))
            .or(w.strip_suffix("nd"))
            .or(w.strip_suffix("rd"))?
            .parse()
            .ok()?;
        if !(11..=30).contains(&c) {
            return None;
        }
        let start = (c - 1) * 100;
        let date = DateValue::with_shape(DateShape::Interval(
            Point::year(start),
            Point::year(start + 99),
        ));
        return Some((
            i + 2,
            Meaning::Fixed {
                value: format!("{}", c - 1),
                date,
            },
        ));
    }
    None
}

/// Lower-case words that may follow a year.
const YEAR_FOLLOWERS: &[&str] = &[
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "when",
    "after",
    "before",
    "as",
    "was",
    "were",
    "is",
    "are",
    "will",
    "had",
    "has",
    "have",
    "saw",
    "but",
    "the",
    "that",
    "which",
    "where",
    "while",
    "until",
    "through",
    "onwards",
    "onward",
    "s",
    "season",
    "election",
    "elections",
    "budget",
    "census",
    "levels",
    "level",
    "figures",
    "results",
    "earnings",
    "high",
    "low",
    "peak",
    "crisis",
    "war",
    "summit",
    "games",
    "olympics",
    "world",
    "cup",
    "model",
    "edition",
    "report",
];

/// "since '82", "in '08": a year in two digits after an apostrophe, in
/// the century that puts it nearest to today's news (up to '39 is 20xx).
fn short_year(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    if !matches!(s.w(i), "'" | "’") || !s.glued(i + 1) || i == 0 || s.glued(i) {
        return None;
    }
    let w = s.w(i + 1);
    if w.len() != 2 || s.kind(i + 1) != Some(TokKind::Num) {
        return None;
    }
    if !matches!(
        s.w(i - 1),
        "since" | "in" | "of" | "from" | "until" | "by" | "to" | "through" | "and" | "class"
    ) {
        return None;
    }
    // "'82 crash" is fine, "'82's" or "'82-style" are not worth the risk
    if s.glued(i + 2) && !matches!(s.w(i + 2), "," | "." | ";" | ")") {
        return None;
    }
    let yy: i32 = w.parse().ok()?;
    let y = if yy < 40 { 2000 + yy } else { 1900 + yy };
    Some((i + 2, fixed_year(y)))
}

/// A year on its own: "in 2024". Numbers that count things are not years.
pub fn year(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    if let Some(found) = short_year(s, i) {
        return Some(found);
    }
    let y = year_at(s, i)?;
    if !(1800..=2100).contains(&y) {
        return None;
    }
    let prev = if i > 0 { s.w(i - 1) } else { "" };
    if matches!(
        prev,
        "$" | "£" | "€" | "#" | "no" | "number" | "flight" | "route" | "("
    ) && !(prev == "(" && s.w(i + 1) == ")")
    {
        return None;
    }
    let next = s.w(i + 1);
    // "the Russell 2000 Index": a name
    if i > 0 && s.capital(i - 1) && s.capital(i + 1) && lexicon::lookup(MONTHS, prev).is_none() {
        return None;
    }
    let glued_next = s.glued(i + 1);
    if glued_next
        && matches!(next, "," | "." | "-" | "/" | ":")
        && s.kind(i + 2) == Some(TokKind::Num)
    {
        return None;
    }
    let mid = prev == "-" && s.w(i.wrapping_sub(2)) == "mid";
    if i > 0 && s.glued(i) && matches!(prev, "," | "." | "-" | "/") && !mid {
        return None;
    }
    if matches!(next, "%" | "percent" | "per") {
        return None;
    }
    // "2000 people", "1500 troops": a number that counts what follows is no
    // year, unless a preposition before it says it is one ("in 2008 sales fell")
    let year_before = matches!(
        prev,
        "in" | "since"
            | "of"
            | "by"
            | "until"
            | "from"
            | "during"
            | "to"
            | "and"
            | "before"
            | "after"
            | "between"
            | "early"
            | "late"
            | "mid"
            | "-"
            | "through"
            | "till"
            | "around"
            | "year"
            | ","
            | "the"
            | "its"
            | "their"
            | "his"
            | "her"
            | "this"
            | "that"
    );
    if !year_before
        && s.kind(i + 1) == Some(TokKind::Word)
        && !s.capital(i + 1)
        && !YEAR_FOLLOWERS.contains(&next)
        && !next.ends_with("ed")
        && !next.ends_with("ly")
    {
        return None;
    }
    Some((i + 1, fixed_year(y)))
}
