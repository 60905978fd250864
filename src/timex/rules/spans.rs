//! Times of day, durations, sets and the vague references to the present,
//! past and future.

use super::{Meaning, Rel, count};
use crate::model::derive::Rule;
use crate::timex::lexicon::{self, AMOUNT_WORDS, REFS, SET_WORDS, UNITS, Unit, WEEKDAYS};
use crate::timex::scan::{Sentence, TokKind};

/// "a.m." / "am" / "p.m." / "pm" at `i`: (is pm, next token).
fn meridiem(s: &Sentence, i: usize) -> Option<(bool, usize)> {
    match s.w(i) {
        "am" => Some((false, i + 1)),
        "pm" => Some((true, i + 1)),
        w @ ("a" | "p")
            if s.w(i + 1) == "." && s.w(i + 2) == "m" && s.glued(i + 1) && s.glued(i + 2) =>
        {
            let end = if s.w(i + 3) == "." && s.glued(i + 3) {
                i + 4
            } else {
                i + 3
            };
            Some((w == "p", end))
        }
        _ => None,
    }
}

/// "UTC", "GMT": a zone that makes the time universal.
fn zone(s: &Sentence, i: usize) -> Option<(bool, usize)> {
    match s.w(i) {
        "utc" | "gmt" | "z" => Some((true, i + 1)),
        "est" | "edt" | "pst" | "pdt" | "cst" | "cdt" | "bst" | "cet" | "cest" => {
            Some((false, i + 1))
        }
        _ => None,
    }
}

/// A day named right after a time: "12:00 UTC Monday", "16:00 today".
fn day_after_time(s: &Sentence, mut j: usize) -> (Option<Box<Meaning>>, usize) {
    // "16:15 UTC June 1"
    if let Some((end, m)) = super::dates::calendar(s, j) {
        return (Some(Box::new(m)), end);
    }
    if s.w(j) == "on" {
        if let Some(wd) = lexicon::lookup(WEEKDAYS, s.w(j + 1)) {
            return (Some(Box::new(Meaning::Rel(Rel::Weekday(wd)))), j + 2);
        }
        return (None, j);
    }
    let rule = match s.w(j) {
        "today" => Some(Rule::SameDay),
        "yesterday" => Some(Rule::Days(-1)),
        "tomorrow" => Some(Rule::Days(1)),
        _ => None,
    };
    if let Some(r) = rule {
        return (Some(Box::new(Meaning::Rel(Rel::Rule(r)))), j + 1);
    }
    if let Some(wd) = lexicon::lookup(WEEKDAYS, s.w(j)) {
        j += 1;
        return (Some(Box::new(Meaning::Rel(Rel::Weekday(wd)))), j);
    }
    (None, j)
}

/// "18:00 UTC", "6:40 p.m.", "9 am", "0800 GMT", "noon", "midnight".
pub fn clock(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    let w = s.w(i);
    let (mut h, mut m, mut j, mut explicit) = match w {
        "noon" | "midday" => (12, 0, i + 1, true),
        "midnight" => (24, 0, i + 1, true),
        _ => {
            let n = s.num(i)?;
            if s.w(i + 1) == ":" && s.glued(i + 1) && s.glued(i + 2) && s.w(i + 2).len() == 2 {
                (n, s.num(i + 2)?, i + 3, true)
            } else if w.len() == 4 && zone(s, i + 1).is_some() {
                (n / 100, n % 100, i + 1, true)
            } else if w.len() <= 2 {
                (n, 0, i + 1, false)
            } else {
                return None;
            }
        }
    };
    if let Some((pm, k)) = meridiem(s, j) {
        if h == 0 || h > 12 {
            return None;
        }
        if pm && h < 12 {
            h += 12;
        } else if !pm && h == 12 {
            h = 0;
        }
        j = k;
        explicit = true;
    }
    let mut utc = false;
    if let Some((u, k)) = zone(s, j) {
        utc = u;
        j = k;
        explicit = true;
    }
    if !explicit || h > 24 || m > 59 {
        return None;
    }
    if h == 24 && m > 0 {
        m = 0;
    }
    let clock = format!("T{h:02}:{m:02}{}", if utc { "Z" } else { "" });
    let (day, end) = day_after_time(s, j);
    Some((end, Meaning::Time { day, clock }))
}

/// "every Friday", "each year", "daily", "15 a year", "twice a week".
pub fn set(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    let w = s.w(i);
    if let Some(v) = lexicon::lookup(SET_WORDS, w) {
        // "China Daily", "the Daily Mail": part of a name
        let name = s.capital(i)
            && (i > 0 && s.capital(i - 1) && s.kind(i - 1) == Some(TokKind::Word)
                || s.capital(i + 1) && s.kind(i + 1) == Some(TokKind::Word));
        return (!name).then(|| (i + 1, Meaning::Set(v.to_string())));
    }
    if matches!(w, "every" | "each") {
        let mut j = i + 1;
        if s.w(j) == "other" {
            j += 1;
        }
        if let Some(wd) = lexicon::lookup(WEEKDAYS, s.w(j)) {
            return Some((
                j + 1,
                Meaning::Set(format!("XXXX-WXX-{}", wd.number_from_monday())),
            ));
        }
        let (n, k) = match count(s, j) {
            Some((Some(n), k)) if lexicon::lookup(UNITS, s.w(k)).is_some() => (n, k),
            _ => (1, j),
        };
        let n = if j > i + 1 { n * 2 } else { n };
        let unit = lexicon::lookup(UNITS, s.w(k))?;
        return Some((k + 1, Meaning::Set(unit.duration(Some(n)))));
    }
    // "15 a year", "twice a week", "$5 per day", "$300 million a year", "$28 an hour"
    if matches!(w, "a" | "an" | "per") && i > 0 && amount_before(s, i) {
        let unit = lexicon::lookup(UNITS, s.w(i + 1)).filter(|_| !s.w(i + 1).ends_with('s'))?;
        return Some((i + 2, Meaning::Set(unit.duration(Some(1)))));
    }
    None
}

/// True when the words before token `i` name an amount: a number, a number
/// and its scale ("300 million"), or a number and what it counts ("two flights").
fn amount_before(s: &Sentence, i: usize) -> bool {
    let prev = s.w(i - 1);
    // "in 2008 a year later": a year, not an amount
    let year = prev.len() == 4 && s.num(i - 1).is_some_and(|y| (1800..=2100).contains(&y));
    if s.kind(i - 1) == Some(TokKind::Num) && !year || AMOUNT_WORDS.contains(&prev) {
        return true;
    }
    // "400,000 units a year", "two flights a day": a plural noun right after a count
    prev.ends_with('s')
        && s.kind(i - 1) == Some(TokKind::Word)
        && i >= 2
        && (s.kind(i - 2) == Some(TokKind::Num)
            || lexicon::lookup(lexicon::NUMBERS, s.w(i - 2)).is_some_and(|n| n > 1))
}

/// Adjectives that may stand between a count and its unit: "five trading days".
const UNIT_ADJECTIVES: &[&str] = &[
    "trading",
    "business",
    "working",
    "consecutive",
    "straight",
    "full",
    "calendar",
    "successive",
];

/// Words before a duration that belong to it: "more than three years", "nearly five months".
/// ("just" does not: in "in just two hours" it stresses, it does not approximate.)
fn duration_prefix(s: &Sentence, i: usize) -> usize {
    match (s.w(i), s.w(i + 1)) {
        ("more" | "less" | "fewer", "than") | ("at", "least" | "most") | ("up", "to") => i + 2,
        (
            "nearly" | "almost" | "about" | "around" | "some" | "over" | "roughly"
            | "approximately",
            _,
        ) => i + 1,
        _ => i,
    }
}

/// "three years", "the past five trading days", "more than a decade",
/// "a 12-year", "decades-long", "the next six months".
pub fn duration(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    let mut j = duration_prefix(s, i);
    let mut implied_one = false;
    if s.w(j) == "the"
        && matches!(
            s.w(j + 1),
            "past" | "last" | "next" | "coming" | "previous" | "following" | "first" | "final"
        )
    {
        j += 2;
        implied_one = true;
    }
    let (n, mut k) = match count(s, j) {
        Some(c) => c,
        // "the past decade", "over the years": a unit alone
        None if implied_one || (s.w(j) == "the" && j > i) => {
            let k = if s.w(j) == "the" { j + 1 } else { j };
            let unit = lexicon::lookup(UNITS, s.w(k))?;
            let plural = s.w(k).ends_with('s') && unit != Unit::Second;
            let n = if plural { None } else { Some(1) };
            return Some((k + 1, Meaning::Duration(unit.duration(n))));
        }
        None => {
            // "decades-long", "years": a bare plural after "for"
            let unit = lexicon::lookup(UNITS, s.w(j))?;
            if s.w(j + 1) == "-" && s.w(j + 2) == "long" && s.glued(j + 1) {
                let n = (!s.w(j).ends_with('s')).then_some(1);
                return Some((j + 3, Meaning::Duration(unit.duration(n))));
            }
            let plural = s.w(j).ends_with('s');
            if plural
                && j > 0
                && matches!(s.w(j - 1), "for" | "in" | "within" | "just" | "over")
                && j == i
            {
                return Some((j + 1, Meaning::Duration(unit.duration(None))));
            }
            return None;
        }
    };
    if let Some(n) = n {
        // "between 60 and 90 days", "two to three years": the first count takes the unit
        if matches!(s.w(k), "and" | "to" | "or" | "-")
            && let Some((Some(_), k2)) = count(s, k + 1)
            && let Some(unit) = lexicon::lookup(UNITS, s.w(k2))
        {
            return Some((k, Meaning::Duration(unit.duration(Some(n)))));
        }
        // "two and a half years"
        if (s.w(k), s.w(k + 1), s.w(k + 2)) == ("and", "a", "half")
            && let Some(unit) = lexicon::lookup(UNITS, s.w(k + 3))
                .filter(|u| !matches!(u, Unit::Decade | Unit::Century | Unit::Weekend))
        {
            let v = unit
                .duration(Some(n))
                .replacen(&n.to_string(), &format!("{n}.5"), 1);
            return Some((k + 4, Meaning::Duration(v)));
        }
    }
    // "12-year", "30-day", "four-week"
    if s.w(k) == "-" && s.glued(k) && s.glued(k + 1) {
        k += 1;
    }
    if UNIT_ADJECTIVES.contains(&s.w(k)) {
        k += 1;
    }
    let unit = lexicon::lookup(UNITS, s.w(k))?;
    // "about a quarter of": a share, not three months
    if unit == Unit::Quarter && n.is_none_or(|n| n < 2) && !implied_one {
        return None;
    }
    // "a second consecutive day": "second" is an ordinal here
    if unit == Unit::Second && s.kind(k + 1) == Some(TokKind::Word) && n == Some(1) {
        return None;
    }
    let n = if implied_one && n.is_none() && !s.w(k).ends_with('s') {
        Some(1)
    } else {
        n
    };
    let mut end = k + 1;
    if s.w(end) == "-" && s.w(end + 1) == "long" && s.glued(end) {
        end += 2;
    }
    Some((end, Meaning::Duration(unit.duration(n))))
}

/// "now", "currently", "recently", "in the past", "the future".
pub fn reference(s: &Sentence, i: usize) -> Option<(usize, Meaning)> {
    // "the now-cancelled deal", "their most recent model"
    if s.w(i + 1) == "-" && s.glued(i + 1) || s.w(i) == "recent" && s.w(i.wrapping_sub(1)) == "most"
    {
        return None;
    }
    REFS.iter().find_map(|(words, value)| {
        let hit = words.iter().enumerate().all(|(k, w)| s.w(i + k) == *w);
        hit.then(|| (i + words.len(), Meaning::Ref(value)))
    })
}
