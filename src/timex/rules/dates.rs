//! Calendar dates and dates relative to the anchor.

use super::{Meaning, Rel};
use crate::model::date::{DateShape, DateValue, Point};
use crate::model::derive::{Dir, Rule};
use crate::timex::lexicon::{self, DAY_PARTS, MONTHS, NAMED_DAY_WORDS, SEASONS, WEEKDAYS};
use crate::timex::scan::{Sentence, TokKind};
use chrono::NaiveDate;

fn fixed_day(y: i32, m: u8, d: u8) -> Option<Meaning> {
    let date = NaiveDate::from_ymd_opt(y, m as u32, d as u32)?;
    Some(Meaning::Fixed {
        value: date.format("%Y-%m-%d").to_string(),
        date: DateValue::single(Point::from_naive(date)),
    })
}

fn fixed_month(y: i32, m: u8) -> Meaning {
    Meaning::Fixed {
        value: format!("{y:04}-{m:02}"),
        date: DateValue::single(Point::month(y, m)),
    }
}

pub(super) fn fixed_year(y: i32) -> Meaning {
    Meaning::Fixed {
        value: format!("{y:04}"),
        date: DateValue::single(Point::year(y)),
    }
}

pub(super) fn months_interval(value: String, a: (i32, u8), b: (i32, u8)) -> Meaning {
    Meaning::Fixed {
        value,
        date: DateValue::with_shape(DateShape::Interval(
            Point::month(a.0, a.1),
            Point::month(b.0, b.1),
        )),
    }
}

/// A four-digit year at `i`.
pub(super) fn year_at(s: &Sentence, i: usize) -> Option<i32> {
    let y = s.num(i).filter(|_| s.w(i).len() == 4)? as i32;
    (1000..=2999).contains(&y).then_some(y)
}

/// A month name at `i` ("Sept." too): (month, next token).
pub(super) fn month_at(s: &Sentence, i: usize) -> Option<(u8, usize)> {
    let w = s.w(i);
    let m = lexicon::lookup(MONTHS, w)?;
    // A month is a proper noun; "march" and "may" in lower case are verbs.
    if !s.capital(i) {
        return None;
    }
    let mut next = i + 1;
    if w.len() <= 4 && !matches!(w, "may" | "june" | "july") && s.w(next) == "." && s.glued(next) {
        next += 1;
    }
    Some((m, next))
}

/// A day of the month at `i`: "11", "11th", "1st": (day, next token, had a suffix).
fn day_at(s: &Sentence, i: usize) -> Option<(u8, usize, bool)> {
    let w = s.w(i);
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let suffix = &w[digits..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let d: u8 = w[..digits].parse().ok()?;
    // "11:30" is a time, "11.5" a number
    if matches!(s.w(i + 1), ":" | "." | "%")
        && s.glued(i + 1)
        && s.kind(i + 2) == Some(TokKind::Num)
    {
        return None;
    }
    (1..=31)
        .contains(&d)
        .then_some((d, i + 1, !suffix.is_empty()))
}

/// "2025-04-11".
pub fn iso_date(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    let y = year_at(s, i)?;
    let glued = |k: usize| s.glued(k);
    if s.w(i + 1) != "-" || s.w(i + 3) != "-" || !(1..=4).all(|k| glued(i + k)) {
        return None;
    }
    let (m, d) = (s.num(i + 2)?, s.num(i + 4)?);
    if s.w(i + 2).len() != 2 || s.w(i + 4).len() != 2 {
        return None;
    }
    Some((i + 5, fixed_day(y, m as u8, d as u8)?))
}

/// "7/8/2007", "7/8/07": month first, as American news writes it, unless
/// the first number cannot be a month ("25/12/2024").
pub fn slash_date(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    let part = |k: usize, max: usize| s.num(k).filter(|_| s.w(k).len() <= max);
    let (a, b) = (part(i, 2)?, part(i + 2, 2)?);
    if s.w(i + 1) != "/" || s.w(i + 3) != "/" || !(1..=4).all(|k| s.glued(i + k)) {
        return None;
    }
    let yw = s.w(i + 4);
    let y = s.num(i + 4).filter(|_| matches!(yw.len(), 2 | 4))? as i32;
    // "1/2/3/4" or "7/8/07/" is something else
    if s.glued(i + 5) && matches!(s.w(i + 5), "/" | "-") || i > 0 && s.glued(i) && s.w(i - 1) == "/"
    {
        return None;
    }
    let y = match yw.len() {
        2 if y < 40 => 2000 + y,
        2 => 1900 + y,
        _ => y,
    };
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    Some((i + 5, fixed_day(y, m as u8, d as u8)?))
}

/// A year after a month or day: ", 2025", "2025", "of 2025".
pub(super) fn year_after(s: &Sentence, mut j: usize) -> Option<(i32, usize)> {
    if matches!(s.w(j), "," | "of") {
        j += 1;
    }
    let y = year_at(s, j)?;
    // "April 11, 2025-style" is fine; "April 11, 2025 people" is not a concern in news.
    Some((y, j + 1))
}

/// "April 11, 2025", "11 April 2025", "April 2025", "April 11th", "11th of April", "April".
pub fn calendar(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    if let Some((m, j)) = month_at(s, i) {
        if let Some((d, k, _)) = day_at(s, j) {
            return Some(match year_after(s, k) {
                Some((y, end)) => (end, fixed_day(y, m, d)?),
                None => (k, Meaning::Rel(Rel::Date(m, d))),
            });
        }
        if let Some((y, end)) = year_after(s, j) {
            return Some((end, fixed_month(y, m)));
        }
        // "April of last year", "October of next year", "September last year"
        let k = if s.w(j) == "of" { j + 1 } else { j };
        if s.w(k + 1) == "year" {
            let n = match s.w(k) {
                "last" => Some(-1),
                "this" => Some(0),
                "next" => Some(1),
                _ => None,
            };
            if let Some(n) = n {
                return Some((k + 2, Meaning::Rel(Rel::Rule(Rule::MonthOfYear(m, n)))));
            }
        }
        // A lone month: not a name ("April Smith"), and "May" only where a month is expected.
        if s.capital(j) && s.kind(j) == Some(TokKind::Word) {
            return None;
        }
        let before = if i > 0 { s.w(i - 1) } else { "" };
        let month_context = matches!(
            before,
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "of"
                | "during"
                | "from"
                | "to"
                | "through"
                | "early"
                | "late"
                | "mid"
                | "-"
                | "last"
                | "next"
                | "this"
                | "before"
                | "after"
                | "between"
                | "and"
                | "or"
                | "end"
                | "beginning"
                | "that"
        );
        if !month_context && (m == 5 || w_is_abbrev(s.w(i))) {
            return None;
        }
        return Some((j, Meaning::Rel(Rel::Month(m))));
    }
    // "11 April 2025", "the 11th of April"
    let (d, j, _) = day_at(s, i)?;
    let j = if s.w(j) == "of" { j + 1 } else { j };
    let (m, k) = month_at(s, j)?;
    Some(match year_after(s, k) {
        Some((y, end)) => (end, fixed_day(y, m, d)?),
        None => (k, Meaning::Rel(Rel::Date(m, d))),
    })
}

fn w_is_abbrev(w: &str) -> bool {
    w.len() <= 4 && !matches!(w, "june" | "july")
}

/// "on the 17th": a day of the month alone, after a preposition.
pub fn day_of_month(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    if s.w(i) != "the" || i == 0 {
        return None;
    }
    if !matches!(
        s.w(i - 1),
        "on" | "by" | "until" | "since" | "from" | "before" | "after" | "till"
    ) {
        return None;
    }
    let (d, j, suffix) = day_at(s, i + 1)?;
    if !suffix || s.kind(j) == Some(TokKind::Word) && !matches!(s.w(j), "and" | "or" | "to") {
        return None;
    }
    Some((j, Meaning::Rel(Rel::DayOfMonth(d))))
}

/// "Friday", "Friday, April 11, 2025", "Friday morning", "Mondays".
pub fn weekday(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    let w = s.w(i);
    if let Some(wd) = w
        .strip_suffix('s')
        .and_then(|w| lexicon::lookup(WEEKDAYS, w))
    {
        let n = wd.number_from_monday();
        return Some((i + 1, Meaning::Set(format!("XXXX-WXX-{n}"))));
    }
    // "Black Monday", "Good Friday": the name of one day, not a weekday near the anchor
    if i > 0 && s.capital(i - 1) && NAMED_DAY_WORDS.contains(&s.w(i - 1)) {
        return None;
    }
    let wd = lexicon::lookup(WEEKDAYS, w).or_else(|| {
        // "Fri." and "Thu" only with a capital
        let short = WEEKDAYS
            .iter()
            .find(|(n, _)| w.len() == 3 && n.starts_with(w));
        short.filter(|_| s.capital(i)).map(|(_, d)| *d)
    })?;
    let mut j = i + 1;
    if w.len() == 3 && s.w(j) == "." && s.glued(j) {
        j += 1;
    }
    let after_comma = if s.w(j) == "," { j + 1 } else { j };
    if let Some((end, m @ Meaning::Fixed { .. })) = calendar(s, after_comma) {
        return Some((end, m));
    }
    if let Some(part) = lexicon::lookup(DAY_PARTS, s.w(j)) {
        return Some((
            j + 1,
            Meaning::Time {
                day: Some(Box::new(Meaning::Rel(Rel::Weekday(wd)))),
                clock: format!("T{part}"),
            },
        ));
    }
    Some((j, Meaning::Rel(Rel::Weekday(wd))))
}

fn time_on(day: Rule, part: &str) -> Meaning {
    Meaning::Time {
        day: Some(Box::new(Meaning::Rel(Rel::Rule(day)))),
        clock: format!("T{part}"),
    }
}

/// "yesterday", "today", "tomorrow", "tonight", "this morning", "last night", "earlier today".
pub fn relative_word(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    let (rule, j) = match (s.w(i), s.w(i + 1)) {
        ("earlier" | "later", "today") => (Rule::SameDay, i + 2),
        ("yesterday", _) => (Rule::Days(-1), i + 1),
        ("today", "'" | "’") if s.w(i + 2) == "s" => {
            return Some((i + 1, Meaning::Ref("PRESENT_REF")));
        }
        ("today", _) => (Rule::SameDay, i + 1),
        ("tomorrow", _) => (Rule::Days(1), i + 1),
        ("tonight", _) => return Some((i + 1, time_on(Rule::SameDay, "NI"))),
        ("last", "night") => return Some((i + 2, time_on(Rule::Days(-1), "NI"))),
        ("this", p) => {
            let part = lexicon::lookup(DAY_PARTS, p)?;
            return Some((i + 2, time_on(Rule::SameDay, part)));
        }
        _ => return None,
    };
    if let Some(part) = lexicon::lookup(DAY_PARTS, s.w(j)) {
        return Some((j + 1, time_on(rule, part)));
    }
    Some((j, Meaning::Rel(Rel::Rule(rule))))
}

/// "last week", "next month", "this year", "last Friday", "next March",
/// "later in the week", "earlier this month", "the coming week".
pub fn relative_unit(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    let (first, mut j) = if s.w(i) == "the" && matches!(s.w(i + 1), "coming" | "current") {
        (s.w(i + 1), i + 2)
    } else {
        (s.w(i), i + 1)
    };
    // "later in the week", "earlier this month"
    if matches!(first, "later" | "earlier") {
        let k = match (s.w(j), s.w(j + 1)) {
            ("in", "the") => j + 2,
            ("this", _) => j + 1,
            _ => return None,
        };
        let rule = match (first, s.w(k)) {
            ("later", "week") => Rule::RestOfWeek,
            ("earlier", "week") => Rule::ThisWeek,
            (_, "month") => Rule::Months(0),
            (_, "year") => Rule::Years(0),
            _ => return None,
        };
        return Some((k + 1, Meaning::Rel(Rel::Rule(rule))));
    }
    let shift = match first {
        "last" => -1,
        "this" | "current" => 0,
        "next" | "coming" => 1,
        _ => return None,
    };
    let w = s.w(j);
    if let Some(wd) = lexicon::lookup(WEEKDAYS, w) {
        let rule = if shift < 0 {
            Rule::WeekdayBefore(wd)
        } else {
            Rule::WeekdayAfter(wd)
        };
        return Some((j + 1, Meaning::Rel(Rel::Rule(rule))));
    }
    if let Some((m, k)) = month_at(s, j) {
        let dir = [Dir::Before, Dir::Same, Dir::After][(shift + 1) as usize];
        return Some((k, Meaning::Rel(Rel::Rule(Rule::Month(m, dir)))));
    }
    if let Some(season) = lexicon::lookup(SEASONS, w) {
        let dir = [Dir::Before, Dir::Same, Dir::After][(shift + 1) as usize];
        return Some((j + 1, Meaning::Rel(Rel::Rule(Rule::Season(season, dir)))));
    }
    let rule = match (w, shift) {
        ("week", -1) => Rule::PreviousWeek,
        ("week", 0) => Rule::ThisWeek,
        ("week", n) => Rule::Weeks(n),
        ("weekend", -1) => Rule::PreviousWeekend,
        ("weekend", n) => Rule::Weekend(n),
        ("month", -1) => Rule::PreviousMonth,
        ("month", n) => Rule::Months(n),
        ("year", n) => Rule::Years(n),
        _ => return None,
    };
    j += 1;
    Some((j, Meaning::Rel(Rel::Rule(rule))))
}
