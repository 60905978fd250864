//! How dates and date derivations are written and read back.

use super::codec::{Bad, Dec, Enc, Get, Put, i32_at};
use super::records::put_in;
use crate::model::date::{DateShape, DateValue, Point, Precision};
use crate::model::derive::Rule;
use crate::model::{Derivation, DerivationAnchor, Str};

const PRECISIONS: [Precision; 3] = [Precision::Day, Precision::Month, Precision::Year];

impl Put for Point {
    fn put(&self, e: &mut Enc<'_>) {
        e.i32(self.year);
        e.u8(self.month);
        e.u8(self.day);
        put_in(e, &PRECISIONS, self.precision);
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
        // The rule's own text form, which the loader parses and checks.
        e.blob(self.rule.to_string().as_bytes());
    }
}
impl Get for Derivation {
    const MIN: usize = 21;
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
            rule: std::str::from_utf8(d.blob()?)
                .ok()
                .and_then(Rule::parse)
                .ok_or(Bad("rule"))?,
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
