//! Parts of a year: weeks of a month, quarters, halves, seasons, fiscal years.

use super::dates::{month_at, months_interval, year_after, year_at};
use super::{Meaning, Rel};
use crate::model::date::{DateShape, DateValue, Point};
use crate::model::derive::{Rule, Season};
use crate::timex::lexicon::{self, ORDINALS, SEASONS};
use crate::timex::scan::{Sentence, TokKind};
use chrono::Datelike;

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
