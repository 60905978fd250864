//! The rules that find time expressions in a sentence's tokens. Each
//! matcher looks at one token position and says how many tokens it takes
//! and what they mean; the longest match wins. Resolution against the
//! anchor happens later (see `resolve`).

mod anaphora;
mod dates;
mod periods;
mod spans;
mod years;

use super::lexicon::{self, FUZZY_COUNTS, NUMBERS};
use super::scan::{Sentence, TokKind};
use crate::model::date::DateValue;
use crate::model::derive::{Rule, Season};
use chrono::Weekday;

/// What an expression means before it is resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Meaning {
    /// A date written in full: its TIMEX3 value and its date.
    Fixed { value: String, date: DateValue },
    /// A date that needs the anchor (and maybe the tense) to resolve.
    Rel(Rel),
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    /// A TIMEX3 duration: P3Y, PT2H.
    Duration(String),
    /// A TIMEX3 set: P1W, XXXX-WXX-5.
    Set(String),
    /// A time of day ("T18:00Z", "TMO"), on a day if one is named.
    Time {
        day: Option<Box<Meaning>>,
        clock: String,
    },
}

/// A date relative to the anchor.
#[derive(Debug, Clone, PartialEq)]
pub enum Rel {
    /// A rule that needs no tense: "yesterday", "last week".
    Rule(Rule),
    /// "on Friday": before or after the anchor by the sentence's tense.
    Weekday(Weekday),
    /// "in March": which year by the sentence's tense.
    Month(u8),
    /// "the last week of March" (0 = last): which year by the sentence's tense.
    WeekOfMonth(u8, u8),
    /// "on April 11": which year by the sentence's tense.
    Date(u8, u8),
    /// "on the 17th".
    DayOfMonth(u8),
    /// "the weekend": last or next by tense.
    Weekend,
    /// "the summer": which year by tense.
    Season(Season),
    /// "the first quarter": of the anchor's year, or the last one by tense.
    Quarter(u8),
    /// "the last quarter": the quarter before the anchor's.
    PreviousQuarter,
    /// "the following day" (+1), "the same day" (0): days from the last day named in the text.
    Anaphor(i32),
    /// "the same month last year", "the same period a year earlier": the
    /// month last named in the text, a year back.
    SameMonthYearBefore,
    /// "the previous year" (-1), "the entire year" (0): years from the last date named.
    YearOfLast(i32),
    /// "the following month" (+1): months from the last month (or day) named.
    MonthOfLast(i32),
    /// "at that time", "by that time": the date last named, as precise as it was named.
    SameAsLast,
}

/// One match: tokens `start..end` of the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub meaning: Meaning,
}

type Matcher = fn(&Sentence, usize) -> Option<(usize, Meaning)>;

/// Every matcher, tried at each position; the longest match wins, the
/// earlier matcher on a tie.
const MATCHERS: &[Matcher] = &[
    dates::iso_date,
    dates::slash_date,
    dates::calendar,
    dates::day_of_month,
    dates::weekday,
    dates::relative_word,
    dates::relative_unit,
    anaphora::anaphor,
    anaphora::ago,
    periods::quarter,
    periods::half,
    periods::week_of_month,
    periods::season,
    periods::fiscal,
    years::decade,
    years::year,
    spans::clock,
    spans::set,
    spans::duration,
    spans::reference,
];

/// Every time expression in one sentence, left to right, never overlapping.
pub fn find(s: &Sentence) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        match best_at(s, i) {
            Some((end, meaning)) => {
                out.push(Found {
                    start: i,
                    end,
                    meaning,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

fn best_at(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    let mut best: Option<(usize, Meaning)> = None;
    let mut consider = |m: Option<(usize, Meaning)>| {
        if let Some((end, meaning)) = m
            && best.as_ref().is_none_or(|(e, _)| end > *e)
        {
            best = Some((end, meaning));
        }
    };
    for m in MATCHERS {
        consider(m(s, i));
    }
    // "early 2024", "mid-March", "the end of last year": the date keeps its value.
    if let Some(j) = modifier(s, i) {
        // "the beginning of the year": the anchor's own year, month or week
        if s.w(j) == "the" {
            let rule = match s.w(j + 1) {
                "year" => Some(Rule::Years(0)),
                "month" => Some(Rule::Months(0)),
                "week" => Some(Rule::ThisWeek),
                _ => None,
            };
            if let Some(r) = rule {
                consider(Some((j + 2, Meaning::Rel(Rel::Rule(r)))));
            }
        }
        for m in MATCHERS {
            if let Some((end, meaning)) = m(s, j)
                && matches!(meaning, Meaning::Fixed { .. } | Meaning::Rel(_))
            {
                consider(Some((end, meaning)));
            }
        }
    }
    best
}

/// "early", "mid-", "late", "the end of", "the beginning of": the token after it.
fn modifier(s: &Sentence, i: usize) -> Option<usize> {
    let mut j = i;
    if s.w(j) == "the" {
        j += 1;
    }
    let word = s.w(j);
    match word {
        "early" | "late" | "mid" | "middle" | "end" | "beginning" | "start" | "turn" => {}
        _ => return None,
    }
    if j == i && matches!(word, "middle" | "end" | "beginning" | "start" | "turn") {
        return None;
    }
    j += 1;
    if s.w(j) == "-" && s.glued(j) || s.w(j) == "of" {
        j += 1;
    }
    (j < s.len()).then_some(j)
}

/// A count at token `i`: digits, a number word ("twenty-five" too), or a
/// fuzzy count ("several" -> None). Returns (count, next token).
pub(crate) fn count(s: &Sentence, i: usize) -> Option<(Option<u32>, usize)> {
    if let Some(n) = s.num(i) {
        if s.w(i).len() > 4 {
            return None;
        }
        // the "5" of "1.5 years" or "1,500 days" counts nothing by itself
        if i >= 2
            && matches!(s.w(i - 1), "." | ",")
            && s.glued(i)
            && s.glued(i - 1)
            && s.kind(i - 2) == Some(TokKind::Num)
        {
            return None;
        }
        // "2.5 years", "1,000 years"
        if matches!(s.w(i + 1), "." | ",") && s.glued(i + 1) && s.kind(i + 2) == Some(TokKind::Num)
        {
            return None;
        }
        return Some((Some(n), i + 1));
    }
    let w = s.w(i);
    if FUZZY_COUNTS.contains(&w) {
        return Some((None, i + 1));
    }
    if w == "a" && s.w(i + 1) == "few" {
        return Some((None, i + 2));
    }
    let n = lexicon::lookup(NUMBERS, w)?;
    // "twenty-five"
    if (20..=90).contains(&n)
        && s.w(i + 1) == "-"
        && s.glued(i + 1)
        && s.glued(i + 2)
        && let Some(k) = lexicon::lookup(NUMBERS, s.w(i + 2)).filter(|k| (1..=9).contains(k))
    {
        return Some((Some(n + k), i + 3));
    }
    Some((Some(n), i + 1))
}

#[cfg(test)]
mod tests;
