//! What each rule gives for an anchor day.

use super::{Dir, Rule, Season};
use crate::model::date::{DateShape, DateValue, Point};
use chrono::{Datelike, Duration, Months, NaiveDate};

fn day(d: NaiveDate) -> Point {
    Point::from_naive(d)
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

/// The year and month `n` months from the anchor's month.
fn shift_month(anchor: NaiveDate, n: i32) -> Option<(i32, u8)> {
    let total = anchor.year() * 12 + anchor.month0() as i32 + n;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u8 + 1);
    (1..=9999).contains(&y).then_some((y, m))
}

/// The first and last month of a season in a year (winter runs into the next year).
pub(crate) fn season_months(s: Season, year: i32) -> ((i32, u8), (i32, u8)) {
    match s {
        Season::Spring => ((year, 3), (year, 5)),
        Season::Summer => ((year, 6), (year, 8)),
        Season::Fall => ((year, 9), (year, 11)),
        Season::Winter => ((year, 12), (year + 1, 2)),
    }
}

/// Picks a year for something that recurs yearly: `key(year)` orders the
/// candidate against the anchor (`Less` = before it).
fn pick_year(
    anchor: NaiveDate,
    dir: Dir,
    mut starts_after: impl FnMut(i32) -> Option<bool>,
    mut ends_before: impl FnMut(i32) -> Option<bool>,
) -> Option<i32> {
    let y = anchor.year();
    Some(match dir {
        Dir::Same => y,
        Dir::Before if starts_after(y)? => y - 1,
        Dir::Before => y,
        Dir::After if ends_before(y)? => y + 1,
        Dir::After => y,
    })
}

/// Monday and Sunday of week `n` of a month (0 = the last): the ISO week
/// that holds its 4th, 11th, 18th or 25th day, or its last day but three,
/// so that most of the week lies in the month.
pub(crate) fn week_of_month(y: i32, m: u8, n: u8) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(y, m as u32, 1)?;
    let at = match n {
        0 => first.checked_add_months(Months::new(1))? - Duration::days(4),
        1..=4 => first + Duration::days(7 * n as i64 - 4),
        _ => return None,
    };
    let monday = monday_of(at);
    Some((monday, monday + Duration::days(6)))
}

fn interval(a: Point, b: Point) -> DateShape {
    DateShape::Interval(a, b)
}

impl Rule {
    /// The date this rule gives for `anchor`; `None` if it leaves the calendar.
    pub fn apply(self, anchor: NaiveDate) -> Option<DateValue> {
        let monday = monday_of(anchor);
        let shape = match self {
            Rule::SameDay => DateShape::Single(day(anchor)),
            Rule::WeekdayBefore(w) => {
                let back =
                    (anchor.weekday().num_days_from_monday() + 7 - w.num_days_from_monday() - 1)
                        % 7
                        + 1;
                DateShape::Single(day(anchor - Duration::days(back as i64)))
            }
            Rule::WeekdayAfter(w) => {
                let ahead =
                    (w.num_days_from_monday() + 7 - anchor.weekday().num_days_from_monday() - 1)
                        % 7
                        + 1;
                DateShape::Single(day(anchor + Duration::days(ahead as i64)))
            }
            Rule::ThisWeek => return Rule::Weeks(0).apply(anchor),
            Rule::RestOfWeek => {
                let sunday = monday + Duration::days(6);
                if anchor >= sunday {
                    return None;
                }
                interval(day(anchor.succ_opt()?), day(sunday))
            }
            Rule::PreviousWeek => return Rule::Weeks(-1).apply(anchor),
            Rule::PreviousWeekend => {
                let saturday = monday - Duration::days(2);
                interval(day(saturday), day(saturday + Duration::days(1)))
            }
            Rule::PreviousMonth => return Rule::Months(-1).apply(anchor),
            Rule::PreviousMonthToAnchor => {
                let last = anchor.checked_sub_months(Months::new(1))?;
                interval(Point::month(last.year(), last.month() as u8), day(anchor))
            }
            Rule::BeforeAnchor => DateShape::Until(day(anchor.pred_opt()?)),
            Rule::AfterAnchor => DateShape::Since(day(anchor.succ_opt()?)),
            Rule::MoreThanYearsBefore(n) => {
                let back = anchor.checked_sub_months(Months::new(12 * n))?;
                DateShape::Until(day(back.pred_opt()?))
            }
            Rule::Days(n) => DateShape::Single(day(
                anchor.checked_add_signed(Duration::try_days(n as i64)?)?
            )),
            Rule::Weeks(n) => {
                let start = monday.checked_add_signed(Duration::try_weeks(n as i64)?)?;
                interval(day(start), day(start + Duration::days(6)))
            }
            Rule::Weekend(n) => {
                let start = monday.checked_add_signed(Duration::try_weeks(n as i64)?)?;
                let saturday = start + Duration::days(5);
                interval(day(saturday), day(saturday + Duration::days(1)))
            }
            Rule::Months(n) => {
                let (y, m) = shift_month(anchor, n)?;
                DateShape::Single(Point::month(y, m))
            }
            Rule::Years(n) => {
                let y = anchor.year().checked_add(n)?;
                if !(1..=9999).contains(&y) {
                    return None;
                }
                DateShape::Single(Point::year(y))
            }
            Rule::Month(m, dir) => {
                if !(1..=12).contains(&m) {
                    return None;
                }
                let am = anchor.month() as u8;
                let y = pick_year(anchor, dir, |_| Some(m > am), |_| Some(m < am))?;
                DateShape::Single(Point::month(y, m))
            }
            Rule::Date(m, d, dir) => {
                let at = |y: i32| NaiveDate::from_ymd_opt(y, m as u32, d as u32);
                // 29 February picks the nearest year that has one.
                let y = pick_year(
                    anchor,
                    dir,
                    |y| Some(at(y).is_none_or(|x| x > anchor)),
                    |y| Some(at(y).is_none_or(|x| x < anchor)),
                )?;
                let found = (0..8)
                    .map(|k| match dir {
                        Dir::After => y + k,
                        _ => y - k,
                    })
                    .find_map(at)?;
                DateShape::Single(day(found))
            }
            Rule::DayOfMonth(d, dir) => {
                let here = NaiveDate::from_ymd_opt(anchor.year(), anchor.month(), d as u32);
                let found = match dir {
                    Dir::Same => here?,
                    Dir::Before => match here.filter(|x| *x <= anchor) {
                        Some(x) => x,
                        None => {
                            let (y, m) = shift_month(anchor, -1)?;
                            NaiveDate::from_ymd_opt(y, m as u32, d as u32)?
                        }
                    },
                    Dir::After => match here.filter(|x| *x >= anchor) {
                        Some(x) => x,
                        None => {
                            let (y, m) = shift_month(anchor, 1)?;
                            NaiveDate::from_ymd_opt(y, m as u32, d as u32)?
                        }
                    },
                };
                DateShape::Single(day(found))
            }
            Rule::Quarter(q, n) => {
                if !(1..=4).contains(&q) {
                    return None;
                }
                let y = anchor.year().checked_add(n)?;
                if !(1..=9999).contains(&y) {
                    return None;
                }
                let first = (q - 1) * 3 + 1;
                interval(Point::month(y, first), Point::month(y, first + 2))
            }
            Rule::Half(h, n) => {
                if !(1..=2).contains(&h) {
                    return None;
                }
                let y = anchor.year().checked_add(n)?;
                if !(1..=9999).contains(&y) {
                    return None;
                }
                let first = (h - 1) * 6 + 1;
                interval(Point::month(y, first), Point::month(y, first + 5))
            }
            Rule::WeekOfMonth(n, m, dir) => {
                let DateShape::Single(month) = Rule::Month(m, dir).apply(anchor)?.shape else {
                    return None;
                };
                let (a, b) = week_of_month(month.year, m, n)?;
                interval(day(a), day(b))
            }
            Rule::MonthOfYear(m, n) => {
                let y = anchor.year().checked_add(n)?;
                if !(1..=12).contains(&m) || !(1..=9999).contains(&y) {
                    return None;
                }
                DateShape::Single(Point::month(y, m))
            }
            Rule::Season(s, dir) => {
                let bounds = |y: i32| {
                    let ((y0, m0), (y1, m1)) = season_months(s, y);
                    let start = NaiveDate::from_ymd_opt(y0, m0 as u32, 1)?;
                    let end = Point::month(y1, m1).last()?;
                    Some((start, end))
                };
                // "last summer" is the latest one already over; "next summer" the first not begun.
                let y = match dir {
                    Dir::Same => anchor.year(),
                    Dir::Before => {
                        let y = anchor.year();
                        if bounds(y)?.1 < anchor { y } else { y - 1 }
                    }
                    Dir::After => {
                        let y = anchor.year();
                        if bounds(y)?.0 > anchor { y } else { y + 1 }
                    }
                };
                if !(1..=9998).contains(&y) {
                    return None;
                }
                let ((y0, m0), (y1, m1)) = season_months(s, y);
                interval(Point::month(y0, m0), Point::month(y1, m1))
            }
            Rule::AsWritten(v) => return Some(v),
        };
        Some(DateValue::with_shape(shape))
    }
}
