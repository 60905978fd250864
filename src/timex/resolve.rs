//! Turns what an expression means into its TIMEX3 value and, for dates,
//! dateline's own form: a rule applied to an anchor day, which the loader
//! can apply again to check it.

use super::rules::{Meaning, Rel};
use super::tense::Tense;
use super::{Anchor, Derived, Kind};
use crate::model::date::{DateShape, DateValue, Precision};
use crate::model::derive::{Dir, Rule};
use chrono::{Datelike, NaiveDate};

/// What resolution needs besides the words.
pub struct Context {
    pub published: NaiveDate,
    /// The last exact day named so far and the index of its expression, for "the following day".
    pub last_day: Option<(usize, NaiveDate)>,
    /// The first day of the last month (or day) named, for "the same month last year".
    pub last_month: Option<(usize, NaiveDate)>,
    /// The first day of the last date of any precision named, for "the previous year".
    pub last_date: Option<(usize, NaiveDate)>,
    /// The last exact day named in the current sentence, for a bare time ("at 18:00").
    pub sentence_day: Option<NaiveDate>,
    /// The index of the first expression of the sentence before this one:
    /// "two years later" and "the following year" count only from a date
    /// named this close, as a reader would.
    pub near_from: usize,
}

pub struct Resolved {
    pub kind: Kind,
    pub value: String,
    pub derived: Option<Derived>,
}

fn dir_of(t: Tense) -> Dir {
    match t {
        Tense::Past => Dir::Before,
        Tense::Future | Tense::Present => Dir::After,
        Tense::Unknown => Dir::Same,
    }
}

/// Months since year 0, to count between two months.
fn months(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

/// True when expression `ix` is the last exact day named (only those anchor).
fn exact_day(cx: &Context, ix: usize) -> bool {
    cx.last_day.is_some_and(|(d, _)| d == ix)
}

/// The rule and anchor for a relative date.
fn rule_for(rel: &Rel, tense: Tense, cx: &Context) -> (Rule, Anchor, NaiveDate) {
    let p = cx.published;
    let published = |r| (r, Anchor::Published, p);
    let near = |last: Option<(usize, NaiveDate)>| last.filter(|(ix, _)| *ix >= cx.near_from);
    match *rel {
        Rel::Rule(r) => published(r),
        Rel::Weekday(w) if w == p.weekday() => published(Rule::SameDay),
        Rel::Weekday(w) => published(match tense {
            Tense::Future | Tense::Present => Rule::WeekdayAfter(w),
            _ => Rule::WeekdayBefore(w),
        }),
        Rel::Month(m) => published(Rule::Month(m, dir_of(tense))),
        Rel::WeekOfMonth(n, m) => published(Rule::WeekOfMonth(n, m, dir_of(tense))),
        // a day within a week of publication is this year's, whatever the
        // tense says: news a year off is far rarer than a misread tense
        Rel::Date(m, d)
            if NaiveDate::from_ymd_opt(p.year(), m as u32, d as u32)
                .is_some_and(|x| (x - p).num_days().abs() <= 7) =>
        {
            published(Rule::Date(m, d, Dir::Same))
        }
        Rel::Date(m, d) => published(Rule::Date(m, d, dir_of(tense))),
        Rel::DayOfMonth(d) => published(Rule::DayOfMonth(d, dir_of(tense))),
        Rel::Weekend => published(match tense {
            Tense::Past => Rule::PreviousWeekend,
            _ => Rule::Weekend(0),
        }),
        // a season under way is the one meant, whatever the tense
        Rel::Season(s) => {
            let today = crate::model::date::day_number(p);
            let now = Rule::Season(s, Dir::Same).apply(p).is_some_and(|d| {
                d.earliest().is_some_and(|e| e <= today) && d.latest().is_some_and(|l| l >= today)
            });
            published(Rule::Season(s, if now { Dir::Same } else { dir_of(tense) }))
        }
        Rel::Quarter(q) => {
            let current = (p.month0() / 3 + 1) as u8;
            let back = tense == Tense::Past && q > current;
            published(Rule::Quarter(q, if back { -1 } else { 0 }))
        }
        Rel::PreviousQuarter => {
            let current = (p.month0() / 3 + 1) as u8;
            published(match current {
                1 => Rule::Quarter(4, -1),
                q => Rule::Quarter(q - 1, 0),
            })
        }
        // Anchored on the date last named when that is an exact day; on a
        // month or a year, counted from the publication instead, as only
        // exact days anchor a derivation.
        Rel::SameMonthYearBefore => match cx.last_month {
            Some((ix, day)) if exact_day(cx, ix) => {
                (Rule::Months(-12), Anchor::Expression(ix), day)
            }
            Some((_, day)) => published(Rule::Months(months(day) - 12 - months(p))),
            None => published(Rule::Years(-1)),
        },
        Rel::YearOfLast(n) => match near(cx.last_date) {
            Some((ix, day)) if exact_day(cx, ix) => (Rule::Years(n), Anchor::Expression(ix), day),
            Some((_, day)) => published(Rule::Years(day.year() + n - p.year())),
            None => published(Rule::Years(n)),
        },
        Rel::MonthOfLast(n) => match near(cx.last_month) {
            Some((ix, day)) if exact_day(cx, ix) => (Rule::Months(n), Anchor::Expression(ix), day),
            Some((_, day)) => published(Rule::Months(months(day) + n - months(p))),
            None => published(Rule::Months(n)),
        },
        // as precise as the date last named: a day, a month or a year
        Rel::SameAsLast => match near(cx.last_date) {
            Some((ix, day)) if exact_day(cx, ix) => (Rule::SameDay, Anchor::Expression(ix), day),
            Some((ix, day)) if cx.last_month.is_some_and(|(m, _)| m == ix) => {
                published(Rule::Months(months(day) - months(p)))
            }
            Some((_, day)) => published(Rule::Years(day.year() - p.year())),
            None => published(Rule::BeforeAnchor),
        },
        Rel::Anaphor(n) => {
            let rule = if n == 0 { Rule::SameDay } else { Rule::Days(n) };
            match cx.last_day {
                Some((ix, day)) => (rule, Anchor::Expression(ix), day),
                None => published(rule),
            }
        }
    }
}

/// The TIMEX3 value of a date a rule gave.
fn timex_value(rule: Rule, date: &DateValue) -> String {
    let first = match date.shape {
        DateShape::Single(p)
        | DateShape::Interval(p, _)
        | DateShape::Since(p)
        | DateShape::Until(p) => p,
    };
    let day = first.first();
    let week = |d: NaiveDate| {
        let w = d.iso_week();
        format!("{:04}-W{:02}", w.year(), w.week())
    };
    match rule {
        Rule::BeforeAnchor | Rule::MoreThanYearsBefore(_) => "PAST_REF".into(),
        Rule::AfterAnchor => "FUTURE_REF".into(),
        Rule::ThisWeek
        | Rule::PreviousWeek
        | Rule::RestOfWeek
        | Rule::Weeks(_)
        | Rule::WeekOfMonth(..) => day.map_or_else(String::new, week),
        Rule::PreviousWeekend | Rule::Weekend(_) => {
            day.map_or_else(String::new, |d| format!("{}-WE", week(d)))
        }
        Rule::Quarter(q, _) => format!("{:04}-Q{q}", first.year),
        Rule::Half(h, _) => format!("{:04}-H{h}", first.year),
        Rule::Season(s, _) => format!("{:04}-{}", first.year, s.code()),
        _ => match first.precision {
            Precision::Day => format!("{:04}-{:02}-{:02}", first.year, first.month, first.day),
            Precision::Month => format!("{:04}-{:02}", first.year, first.month),
            Precision::Year => format!("{:04}", first.year),
        },
    }
}

fn derived(rule: Rule, anchor: Anchor, anchor_day: NaiveDate) -> Option<Derived> {
    let date = rule.apply(anchor_day)?;
    Some(Derived {
        date,
        rule,
        anchor,
        anchor_day,
    })
}

/// Resolves one expression; `None` when its date leaves the calendar.
pub fn resolve(m: &Meaning, tense: Tense, cx: &Context) -> Option<Resolved> {
    let date = |kind, value: String, d| Resolved {
        kind,
        value,
        derived: d,
    };
    Some(match m {
        Meaning::Fixed { value, date: v } => {
            let d = derived(Rule::AsWritten(*v), Anchor::Published, cx.published)?;
            date(Kind::Date, value.clone(), Some(d))
        }
        Meaning::Rel(rel) => {
            let (rule, anchor, day) = rule_for(rel, tense, cx);
            let d = derived(rule, anchor, day)?;
            date(Kind::Date, timex_value(rule, &d.date), Some(d))
        }
        Meaning::Ref(value) => {
            let rule = match *value {
                "PAST_REF" => Rule::BeforeAnchor,
                "FUTURE_REF" => Rule::AfterAnchor,
                _ => Rule::SameDay,
            };
            let d = derived(rule, Anchor::Published, cx.published)?;
            date(Kind::Date, value.to_string(), Some(d))
        }
        Meaning::Duration(v) => date(Kind::Duration, v.clone(), None),
        Meaning::Set(v) => date(Kind::Set, v.clone(), None),
        Meaning::Time { day, clock } => {
            let on = match day {
                Some(d) => resolve(d, tense, cx)?,
                None => match cx.sentence_day {
                    Some(d) => Resolved {
                        kind: Kind::Date,
                        value: d.format("%Y-%m-%d").to_string(),
                        derived: None,
                    },
                    None => resolve(&Meaning::Rel(Rel::Rule(Rule::SameDay)), tense, cx)?,
                },
            };
            let value = format!("{}{clock}", on.value);
            let derived = if day.is_some() { on.derived } else { None };
            date(Kind::Time, value, derived)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn cx() -> Context {
        Context {
            published: NaiveDate::from_ymd_opt(2025, 4, 16).unwrap(),
            last_day: None,
            last_month: None,
            last_date: None,
            sentence_day: None,
            near_from: 0,
        }
    }

    #[test]
    fn weekdays_follow_the_tense() {
        let thu = Meaning::Rel(Rel::Weekday(Weekday::Thu));
        assert_eq!(
            resolve(&thu, Tense::Future, &cx()).unwrap().value,
            "2025-04-17"
        );
        assert_eq!(
            resolve(&thu, Tense::Past, &cx()).unwrap().value,
            "2025-04-10"
        );
        let wed = Meaning::Rel(Rel::Weekday(Weekday::Wed));
        let r = resolve(&wed, Tense::Past, &cx()).unwrap();
        assert_eq!(
            (r.value.as_str(), r.derived.unwrap().rule),
            ("2025-04-16", Rule::SameDay)
        );
    }

    #[test]
    fn a_day_near_publication_keeps_its_year_against_the_tense() {
        let v = |m, d, t| {
            resolve(&Meaning::Rel(Rel::Date(m, d)), t, &cx())
                .unwrap()
                .value
        };
        assert_eq!(v(4, 14, Tense::Future), "2025-04-14");
        assert_eq!(v(4, 20, Tense::Past), "2025-04-20");
        // further off, the tense decides
        assert_eq!(v(4, 1, Tense::Future), "2026-04-01");
        assert_eq!(v(5, 1, Tense::Past), "2024-05-01");
    }

    #[test]
    fn weeks_and_weekends_get_iso_weeks() {
        let v = |r| {
            resolve(&Meaning::Rel(Rel::Rule(r)), Tense::Unknown, &cx())
                .unwrap()
                .value
        };
        assert_eq!(v(Rule::ThisWeek), "2025-W16");
        assert_eq!(v(Rule::PreviousWeekend), "2025-W15-WE");
        assert_eq!(v(Rule::Months(-1)), "2025-03");
        assert_eq!(v(Rule::Quarter(1, -1)), "2024-Q1");
    }

    #[test]
    fn the_following_day_counts_from_the_last_day_named() {
        let c = Context {
            last_day: Some((3, NaiveDate::from_ymd_opt(2025, 1, 31).unwrap())),
            ..cx()
        };
        let r = resolve(&Meaning::Rel(Rel::Anaphor(1)), Tense::Past, &c).unwrap();
        assert_eq!(r.value, "2025-02-01");
        assert_eq!(r.derived.unwrap().anchor, Anchor::Expression(3));
    }

    #[test]
    fn times_carry_their_day() {
        let t = Meaning::Time {
            day: None,
            clock: "T18:00Z".into(),
        };
        let r = resolve(&t, Tense::Past, &cx()).unwrap();
        assert_eq!(
            (r.kind, r.value.as_str()),
            (Kind::Time, "2025-04-16T18:00Z")
        );
        assert!(r.derived.is_none());
    }
}
