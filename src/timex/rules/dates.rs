//! Calendar dates and dates relative to the anchor.

use super::{Meaning, Rel, count};
use crate::model::date::{DateShape, DateValue, Point};
use crate::model::derive::{Dir, Rule, Season};
use crate::timex::lexicon::{
    self, DAY_PARTS, MONTHS, NAMED_DAY_WORDS, ORDINALS, SEASONS, UNITS, Unit, WEEKDAYS,
};
use crate::timex::scan::{Sentence, TokKind};
use chrono::{Datelike, NaiveDate};

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

fn fixed_year(y: i32) -> Meaning {
    Meaning::Fixed {
        value: format!("{y:04}"),
        date: DateValue::single(Point::year(y)),
    }
}

fn months_interval(value: String, a: (i32, u8), b: (i32, u8)) -> Meaning {
    Meaning::Fixed {
        value,
        date: DateValue::with_shape(DateShape::Interval(
            Point::month(a.0, a.1),
            Point::month(b.0, b.1),
        )),
    }
}

/// A four-digit year at `i`.
fn year_at(s: &Sentence, i: usize) -> Option<i32> {
    let y = s.num(i).filter(|_| s.w(i).len() == 4)? as i32;
    (1000..=2999).contains(&y).then_some(y)
}

/// A month name at `i` ("Sept." too): (month, next token).
fn month_at(s: &Sentence, i: usize) -> Option<(u8, usize)> {
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
fn year_after(s: &Sentence, mut j: usize) -> Option<(i32, usize)> {
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

/// "the following day", "the day before", "that day", "two days later", "the weekend".
pub fn anaphor(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    let days = match (s.w(i), s.w(i + 1), s.w(i + 2)) {
        ("the", "following" | "next", "day") => Some((1, 3)),
        ("the", "previous" | "preceding", "day") => Some((-1, 3)),
        ("the", "same", "day") | ("that", "same", "day") => Some((0, 3)),
        ("that", "day", _) => Some((0, 2)),
        // "rebounded late in the day"
        ("late" | "early", "in", "the") if s.w(i + 3) == "day" => Some((0, 4)),
        // "ended the day", "for the day": the day last named
        ("the", "day", next)
            if !matches!(
                next,
                "of" | "when" | "that" | "before" | "after" | "-" | "in" | "on" | "which"
            ) =>
        {
            Some((0, 2))
        }
        ("the", "day", "before" | "after") => {
            // only when nothing follows that it could be the day before of
            let end = s.kind(i + 3).is_none_or(|k| k != TokKind::Word);
            end.then_some((if s.w(i + 2) == "before" { -1 } else { 1 }, 3))
        }
        _ => None,
    };
    if let Some((n, len)) = days {
        return Some((i + len, Meaning::Rel(Rel::Anaphor(n))));
    }
    if s.w(i) == "the" && s.w(i + 1) == "weekend" {
        return Some((i + 2, Meaning::Rel(Rel::Weekend)));
    }
    if let Some(found) = same_period_year_before(s, i) {
        return Some(found);
    }
    // "for the entire year", "the full year": the year of the date last named
    if s.w(i) == "the"
        && matches!(s.w(i + 1), "entire" | "whole" | "full")
        && s.w(i + 2) == "year"
        && s.kind(i + 3).is_none_or(|k| k != TokKind::Word)
    {
        return Some((i + 3, Meaning::Rel(Rel::YearOfLast(0))));
    }
    // "the following year", "the following month": counted from the date last named
    if s.w(i) == "the" && s.w(i + 1) == "following" {
        match s.w(i + 2) {
            "year" => return Some((i + 3, Meaning::Rel(Rel::YearOfLast(1)))),
            "month" => return Some((i + 3, Meaning::Rel(Rel::MonthOfLast(1)))),
            _ => {}
        }
    }
    // "by that time", "at that time": the date last named
    if matches!(s.w(i), "that" | "which")
        && s.w(i + 1) == "time"
        && matches!(
            s.w(i.wrapping_sub(1)),
            "at" | "by" | "since" | "until" | "from" | "before" | "after"
        )
    {
        return Some((i + 2, Meaning::Rel(Rel::SameAsLast)));
    }
    // "the year before", "the year previous"
    if s.w(i) == "the"
        && s.w(i + 1) == "year"
        && matches!(s.w(i + 2), "before" | "previous" | "prior" | "earlier")
        && s.kind(i + 3)
            .is_none_or(|k| k != TokKind::Word || s.w(i + 3) == "and")
    {
        return Some((i + 3, Meaning::Rel(Rel::YearOfLast(-1))));
    }
    // "the last quarter", "the previous year": the one before the anchor's
    if s.w(i) == "the" && matches!(s.w(i + 1), "last" | "previous" | "prior" | "preceding") {
        let rel = match s.w(i + 2) {
            "quarter" if s.w(i + 1) == "last" => Rel::PreviousQuarter,
            "year" if s.w(i + 1) != "last" => Rel::YearOfLast(-1),
            "year" => Rel::Rule(Rule::Years(-1)),
            "month" => Rel::Rule(Rule::PreviousMonth),
            _ => return None,
        };
        return Some((i + 3, Meaning::Rel(rel)));
    }
    // "two days later", "a year earlier", "three months later"
    let (n, j) = count(s, i)?;
    let n = n? as i32;
    if !matches!(s.w(j + 1), "later" | "earlier") || s.w(j + 2) == "than" {
        return None;
    }
    let n = if s.w(j + 1) == "later" { n } else { -n };
    let rel = match s.w(j) {
        "day" | "days" => Rel::Anaphor(n),
        "month" | "months" => Rel::MonthOfLast(n),
        "year" | "years" => Rel::YearOfLast(n),
        _ => return None,
    };
    Some((j + 2, Meaning::Rel(rel)))
}

/// "the same month last year", "the same period a year ago", "the same
/// quarter of the previous year": the month last named, one year back.
fn same_period_year_before(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    if s.w(i) != "the"
        || s.w(i + 1) != "same"
        || !matches!(s.w(i + 2), "month" | "period" | "time" | "quarter")
    {
        return None;
    }
    let mut j = i + 3;
    if matches!(s.w(j), "of" | "in") {
        j += 1;
    }
    let end = match (s.w(j), s.w(j + 1), s.w(j + 2)) {
        ("a", "year", "ago" | "earlier" | "before") => j + 3,
        ("the", "last" | "previous" | "prior", "year") => j + 3,
        ("the", "year", "before" | "earlier") => j + 3,
        ("last", "year", _) => j + 2,
        _ => return None,
    };
    Some((end, Meaning::Rel(Rel::SameMonthYearBefore)))
}

/// "three years ago", "a week ago".
pub fn ago(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    let (n, j) = count(s, i)?;
    let unit = lexicon::lookup(UNITS, s.w(j))?;
    if s.w(j + 1) != "ago" {
        return None;
    }
    let Some(n) = n.map(|n| n as i32) else {
        return Some((j + 2, Meaning::Ref("PAST_REF")));
    };
    let rule = match unit {
        Unit::Day => Rule::Days(-n),
        // "a week ago" names a day, as "seven days ago" does
        Unit::Week => Rule::Days(-7 * n),
        Unit::Month => Rule::Months(-n),
        Unit::Year => Rule::Years(-n),
        Unit::Decade => Rule::Years(-10 * n),
        _ => return None,
    };
    Some((j + 2, Meaning::Rel(Rel::Rule(rule))))
}

/// "the last week of March", "the first week of May 2024".
pub fn week_of_month(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    if s.w(i) != "the" || s.w(i + 2) != "week" || s.w(i + 3) != "of" {
        return None;
    }
    let n = match s.w(i + 1) {
        "last" | "final" => 0,
        w => lexicon::lookup(ORDINALS, w).filter(|n| (1..=4).contains(n))? as u8,
    };
    let (m, j) = month_at(s, i + 4)?;
    if let Some((y, end)) = year_after(s, j) {
        let (a, b) = crate::model::derive::week_of_month(y, m, n)?;
        let w = a.iso_week();
        return Some((
            end,
            Meaning::Fixed {
                value: format!("{:04}-W{:02}", w.year(), w.week()),
                date: DateValue::with_shape(DateShape::Interval(
                    Point::from_naive(a),
                    Point::from_naive(b),
                )),
            },
        ));
    }
    Some((j, Meaning::Rel(Rel::WeekOfMonth(n, m))))
}

/// "the first quarter", "third-quarter", "Q1 2025", "the fourth quarter of last year".
pub fn quarter(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    let mut j = i;
    if s.w(j) == "the" {
        j += 1;
    }
    let w = s.w(j);
    let q = if let Some(q) = w.strip_prefix('q').and_then(|q| q.parse::<u8>().ok()) {
        j += 1;
        q
    } else {
        let q = lexicon::lookup(ORDINALS, w).or_else(|| {
            let d = w
                .strip_suffix("st")
                .or(w.strip_suffix("nd"))
                .or(w.strip_suffix("rd"))
                .or(w.strip_suffix("th"))?;
            d.parse().ok()
        })? as u8;
        j += 1;
        if s.w(j) == "-" && s.glued(j) {
            j += 1;
        }
        if s.w(j) != "quarter" {
            return None;
        }
        j += 1;
        q
    };
    if !(1..=4).contains(&q) {
        return None;
    }
    let mut k = j;
    if matches!(s.w(k), "of" | "in" | ",") {
        k += 1;
    }
    if let Some(y) = year_at(s, k) {
        let first = (q - 1) * 3 + 1;
        return Some((
            k + 1,
            months_interval(format!("{y:04}-Q{q}"), (y, first), (y, first + 2)),
        ));
    }
    let shift = match (s.w(k), s.w(k + 1)) {
        ("last", "year") => Some(-1),
        ("this", "year") => Some(0),
        ("next", "year") => Some(1),
        _ => None,
    };
    Some(match shift {
        Some(n) => (k + 2, Meaning::Rel(Rel::Rule(Rule::Quarter(q, n)))),
        None => (j, Meaning::Rel(Rel::Quarter(q))),
    })
}

/// "the first half of 2008", "the second half of last year", "first-half 2024".
pub fn half(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    let mut j = if s.w(i) == "the" { i + 1 } else { i };
    let h = match s.w(j) {
        "first" => 1,
        "second" => 2,
        _ => return None,
    };
    j += 1;
    if s.w(j) == "-" && s.glued(j) {
        j += 1;
    }
    if s.w(j) != "half" {
        return None;
    }
    let mut k = j + 1;
    if matches!(s.w(k), "of" | ",") {
        k += 1;
    }
    if let Some(y) = year_at(s, k) {
        let first = (h - 1) * 6 + 1;
        return Some((
            k + 1,
            months_interval(format!("{y:04}-H{h}"), (y, first), (y, first + 5)),
        ));
    }
    // only of a year named: "the second half" alone may be of a match or a film
    let shift = match (s.w(k), s.w(k + 1)) {
        ("last", "year") => -1,
        ("this" | "the", "year") => 0,
        ("next", "year") => 1,
        _ => return None,
    };
    Some((k + 2, Meaning::Rel(Rel::Rule(Rule::Half(h, shift)))))
}

/// "summer 2012", "the summer of 2012", "in the winter".
pub fn season(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    let (season, j) = match lexicon::lookup(SEASONS, s.w(i)) {
        Some(x) => (x, i + 1),
        None if s.w(i) == "the" => (lexicon::lookup(SEASONS, s.w(i + 1))?, i + 2),
        None => return None,
    };
    if let Some((y, end)) = year_after(s, j) {
        let ((y0, m0), (y1, m1)) = crate::model::derive::season_span(season, y);
        return Some((
            end,
            months_interval(format!("{y:04}-{}", season.code()), (y0, m0), (y1, m1)),
        ));
    }
    let ok =
        j == i + 2 || (i > 0 && matches!(s.w(i - 1), "in" | "during" | "by" | "until" | "this"));
    (ok && season != Season::Fall || j == i + 2 || bare_season(s, i, season))
        .then_some((j, Meaning::Rel(Rel::Season(season))))
}

/// A season named with no preposition ("their autumn meetings", "spring
/// shows signs of hope"): not "fall" (a verb), not part of a name ("Donna
/// Summer"), and "spring" not as a verb or a thing ("to spring up", "hot spring").
fn bare_season(s: &Sentence, i: usize, season: Season) -> bool {
    let word = |k: usize| s.kind(k) == Some(TokKind::Word);
    // a capital on the sentence's first word says nothing
    let first_word = (0..i).find(|&k| word(k));
    let after_capital = i > 0 && s.capital(i - 1) && word(i - 1);
    let name = after_capital && (s.capital(i) || first_word != Some(i - 1))
        || s.capital(i + 1) && word(i + 1);
    if s.w(i) == "fall" || name || s.w(i + 1) == "-" {
        return false;
    }
    if season == Season::Spring {
        let before = if i > 0 { s.w(i - 1) } else { "" };
        let verb_before = matches!(
            before,
            "to" | "will" | "would" | "could" | "can" | "may" | "might" | "did" | "hot" | "mineral"
        );
        let verb_after = matches!(
            s.w(i + 1),
            "up" | "from" | "into" | "to" | "back" | "out" | "forward" | "water" | "loaded"
        );
        return !verb_before && !verb_after;
    }
    true
}

/// "fiscal 2024", "fiscal year 2024", "FY2024".
pub fn fiscal(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    let (y, end) = if s.w(i) == "fiscal" {
        let j = if s.w(i + 1) == "year" { i + 2 } else { i + 1 };
        (year_at(s, j)?, j + 1)
    } else if s.w(i) == "fy" {
        (year_at(s, i + 1)?, i + 2)
    } else {
        let y = s.w(i).strip_prefix("fy")?.parse::<i32>().ok()?;
        ((1000..=2999).contains(&y).then_some(y)?, i + 1)
    };
    let mut date = DateValue::single(Point::year(y));
    date.approximate = true; // fiscal years rarely match the calendar year
    Some((
        end,
        Meaning::Fixed {
            value: format!("FY{y:04}"),
            date,
        },
    ))
}

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
