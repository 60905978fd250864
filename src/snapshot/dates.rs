//! How dates and date derivations are written and read back.

use super::codec::{Bad, Dec, Enc, Get, Put, i32_at};
use super::records::{get_in, put_in};
use crate::model::date::{DateShape, DateValue, Point, Precision};
use crate::model::derive::{Dir, Rule, Season};
use crate::model::{Derivation, DerivationAnchor, Str};
use chrono::Weekday;

const PRECISIONS: [Precision; 3] = [Precision::Day, Precision::Month, Precision::Year];
const DIRS: [Dir; 3] = [Dir::Same, Dir::Before, Dir::After];
const SEASONS: [Season; 4] = [Season::Spring, Season::Summer, Season::Fall, Season::Winter];
const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

impl Put for Point {
    fn put(&self, e: &mut Enc<'_>) {
        e.i32(self.year);
        e.u8(self.month);
        e.u8(self.day);
        put_in(e, &PRECISIONS, self.precision);
    }
}
impl Get for Point {
    const MIN: usize = 7;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        Ok(Point {
            year: d.i32()?,
            month: d.u8()?,
            day: d.u8()?,
            precision: get_in(d, &PRECISIONS)?,
        })
    }
}

impl Put for DateValue {
    fn put(&self, e: &mut Enc<'_>) {
        match self.shape {
            DateShape::Single(p) => {
                e.u8(0);
                p.put(e);
            }
            DateShape::Interval(a, b) => {
                e.u8(1);
                a.put(e);
                b.put(e);
            }
            DateShape::Until(p) => {
                e.u8(2);
                p.put(e);
            }
            DateShape::Since(p) => {
                e.u8(3);
                p.put(e);
            }
        }
        e.u8(u8::from(self.approximate) | u8::from(self.uncertain) << 1);
    }
}
impl Get for DateValue {
    const MIN: usize = 9;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        let shape = match d.u8()? {
            0 => DateShape::Single(Point::get(d)?),
            1 => DateShape::Interval(Point::get(d)?, Point::get(d)?),
            2 => DateShape::Until(Point::get(d)?),
            3 => DateShape::Since(Point::get(d)?),
            _ => return Err(Bad("date shape")),
        };
        let flags = d.u8()?;
        if flags > 3 {
            return Err(Bad("date flags"));
        }
        Ok(DateValue {
            shape,
            approximate: flags & 1 != 0,
            uncertain: flags & 2 != 0,
        })
    }
}

/// A date in a fixed width: its shape, two points (the second zeros
/// unless it is an interval) and its flags.
pub(super) const DATE_BYTES: usize = 1 + 7 + 7 + 1;

pub(super) fn put_date_fixed(e: &mut Enc<'_>, v: &DateValue) {
    let (tag, a, b) = match v.shape {
        DateShape::Single(p) => (0, p, None),
        DateShape::Interval(a, b) => (1, a, Some(b)),
        DateShape::Until(p) => (2, p, None),
        DateShape::Since(p) => (3, p, None),
    };
    e.u8(tag);
    a.put(e);
    match b {
        Some(b) => b.put(e),
        None => e.bytes(&[0; 7]),
    }
    e.u8(u8::from(v.approximate) | u8::from(v.uncertain) << 1);
}

#[inline(always)]
pub(super) fn get_date_fixed(b: &[u8; DATE_BYTES]) -> Result<DateValue, Bad> {
    let point = |at: usize| -> Result<Point, Bad> {
        Ok(Point {
            year: i32_at(b, at),
            month: b[at + 4],
            day: b[at + 5],
            precision: *PRECISIONS.get(b[at + 6] as usize).ok_or(Bad("enum"))?,
        })
    };
    let shape = match b[0] {
        0 => DateShape::Single(point(1)?),
        1 => DateShape::Interval(point(1)?, point(8)?),
        2 => DateShape::Until(point(1)?),
        3 => DateShape::Since(point(1)?),
        _ => return Err(Bad("date shape")),
    };
    let flags = b[15];
    if flags > 3 {
        return Err(Bad("date flags"));
    }
    Ok(DateValue {
        shape,
        approximate: flags & 1 != 0,
        uncertain: flags & 2 != 0,
    })
}

impl Put for Rule {
    fn put(&self, e: &mut Enc<'_>) {
        let tag = |e: &mut Enc<'_>, t: u8| e.u8(t);
        match *self {
            Rule::SameDay => tag(e, 0),
            Rule::WeekdayBefore(w) => {
                tag(e, 1);
                put_in(e, &WEEKDAYS, w);
            }
            Rule::WeekdayAfter(w) => {
                tag(e, 2);
                put_in(e, &WEEKDAYS, w);
            }
            Rule::ThisWeek => tag(e, 3),
            Rule::RestOfWeek => tag(e, 4),
            Rule::PreviousWeek => tag(e, 5),
            Rule::PreviousWeekend => tag(e, 6),
            Rule::PreviousMonth => tag(e, 7),
            Rule::PreviousMonthToAnchor => tag(e, 8),
            Rule::BeforeAnchor => tag(e, 9),
            Rule::AfterAnchor => tag(e, 10),
            Rule::MoreThanYearsBefore(n) => {
                tag(e, 11);
                e.u32(n);
            }
            Rule::Days(n) => {
                tag(e, 12);
                e.i32(n);
            }
            Rule::Weeks(n) => {
                tag(e, 13);
                e.i32(n);
            }
            Rule::Weekend(n) => {
                tag(e, 14);
                e.i32(n);
            }
            Rule::Months(n) => {
                tag(e, 15);
                e.i32(n);
            }
            Rule::Years(n) => {
                tag(e, 16);
                e.i32(n);
            }
            Rule::Month(m, dir) => {
                tag(e, 17);
                e.u8(m);
                put_in(e, &DIRS, dir);
            }
            Rule::Date(m, day, dir) => {
                tag(e, 18);
                e.u8(m);
                e.u8(day);
                put_in(e, &DIRS, dir);
            }
            Rule::DayOfMonth(day, dir) => {
                tag(e, 19);
                e.u8(day);
                put_in(e, &DIRS, dir);
            }
            Rule::Quarter(q, years) => {
                tag(e, 20);
                e.u8(q);
                e.i32(years);
            }
            Rule::MonthOfYear(m, years) => {
                tag(e, 21);
                e.u8(m);
                e.i32(years);
            }
            Rule::WeekOfMonth(w, m, dir) => {
                tag(e, 22);
                e.u8(w);
                e.u8(m);
                put_in(e, &DIRS, dir);
            }
            Rule::Season(s, dir) => {
                tag(e, 23);
                put_in(e, &SEASONS, s);
                put_in(e, &DIRS, dir);
            }
            Rule::AsWritten(v) => {
                tag(e, 24);
                v.put(e);
            }
            Rule::Half(h, years) => {
                tag(e, 25);
                e.u8(h);
                e.i32(years);
            }
        }
    }
}
impl Get for Rule {
    const MIN: usize = 1;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        Ok(match d.u8()? {
            0 => Rule::SameDay,
            1 => Rule::WeekdayBefore(get_in(d, &WEEKDAYS)?),
            2 => Rule::WeekdayAfter(get_in(d, &WEEKDAYS)?),
            3 => Rule::ThisWeek,
            4 => Rule::RestOfWeek,
            5 => Rule::PreviousWeek,
            6 => Rule::PreviousWeekend,
            7 => Rule::PreviousMonth,
            8 => Rule::PreviousMonthToAnchor,
            9 => Rule::BeforeAnchor,
            10 => Rule::AfterAnchor,
            11 => Rule::MoreThanYearsBefore(d.u32()?),
            12 => Rule::Days(d.i32()?),
            13 => Rule::Weeks(d.i32()?),
            14 => Rule::Weekend(d.i32()?),
            15 => Rule::Months(d.i32()?),
            16 => Rule::Years(d.i32()?),
            17 => Rule::Month(d.u8()?, get_in(d, &DIRS)?),
            18 => Rule::Date(d.u8()?, d.u8()?, get_in(d, &DIRS)?),
            19 => Rule::DayOfMonth(d.u8()?, get_in(d, &DIRS)?),
            20 => match (d.u8()?, d.i32()?) {
                (q @ 1..=4, years) => Rule::Quarter(q, years),
                _ => return Err(Bad("quarter")),
            },
            25 => match (d.u8()?, d.i32()?) {
                (h @ 1..=2, years) => Rule::Half(h, years),
                _ => return Err(Bad("half of a year")),
            },
            21 => Rule::MonthOfYear(d.u8()?, d.i32()?),
            22 => Rule::WeekOfMonth(d.u8()?, d.u8()?, get_in(d, &DIRS)?),
            23 => Rule::Season(get_in(d, &SEASONS)?, get_in(d, &DIRS)?),
            24 => Rule::AsWritten(DateValue::get(d)?),
            _ => return Err(Bad("rule")),
        })
    }
}

impl Put for Derivation {
    fn put(&self, e: &mut Enc<'_>) {
        self.phrase.put(e);
        match self.anchor {
            DerivationAnchor::Source(s) => {
                e.u8(0);
                e.u32(s);
            }
            DerivationAnchor::Event(ev) => {
                e.u8(1);
                e.u32(ev);
            }
            DerivationAnchor::Day(day) => {
                e.u8(2);
                e.i32(day);
            }
        }
        self.rule.put(e);
    }
}
impl Get for Derivation {
    const MIN: usize = 14;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        let phrase = Str::get(d)?;
        let anchor = match d.u8()? {
            0 => DerivationAnchor::Source(d.u32()?),
            1 => DerivationAnchor::Event(d.u32()?),
            2 => DerivationAnchor::Day(d.i32()?),
            _ => return Err(Bad("anchor")),
        };
        Ok(Derivation {
            phrase,
            anchor,
            rule: Rule::get(d)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_width_dates_come_back_and_bad_bytes_are_refused() {
        let p = |year, month, day, precision| Point {
            year,
            month,
            day,
            precision,
        };
        let (a, b) = (
            p(-44, 3, 15, Precision::Day),
            p(2024, 6, 0, Precision::Month),
        );
        for (shape, approximate, uncertain) in [
            (DateShape::Single(a), false, false),
            (DateShape::Interval(a, b), true, false),
            (DateShape::Until(b), false, true),
            (DateShape::Since(p(1999, 0, 0, Precision::Year)), true, true),
        ] {
            let v = DateValue {
                shape,
                approximate,
                uncertain,
            };
            let mut out = Vec::new();
            let mut e = Enc::new(&mut out);
            put_date_fixed(&mut e, &v);
            e.finish().unwrap();
            let bytes: [u8; DATE_BYTES] = out.as_slice().try_into().unwrap();
            assert_eq!(get_date_fixed(&bytes), Ok(v));
            for (at, bad) in [(0, 4), (DATE_BYTES - 1, 4), (7, 3)] {
                let mut forged = bytes;
                forged[at] = bad;
                assert!(get_date_fixed(&forged).is_err(), "byte {at} = {bad}");
            }
        }
    }
}
