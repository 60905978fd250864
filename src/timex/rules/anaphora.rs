//! Dates counted from another date of the text ("the following day", "two
//! years later", "by that time") or back from the anchor ("three years ago").

use super::{Meaning, Rel, count};
use crate::model::derive::Rule;
use crate::timex::lexicon::{self, UNITS, Unit};
use crate::timex::scan::{Sentence, TokKind};

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
