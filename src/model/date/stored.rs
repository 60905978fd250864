//! A date value as an event record holds it: sixteen bytes of fixed layout,
//! with no padding, so that a snapshot's events are read in place.

use super::{DateShape, DateValue, Point, Precision};
use zerocopy::{Immutable, IntoBytes, KnownLayout, TryFromBytes};

#[derive(Debug, Clone, Copy, PartialEq, Eq, TryFromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(u8)]
enum Shape {
    Single,
    Interval,
    Until,
    Since,
}

/// The first point, the second (zeros unless an interval), the shape and
/// the EDTF qualifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, TryFromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(C)]
pub(crate) struct StoredDate {
    first_year: i32,
    second_year: i32,
    first_month: u8,
    first_day: u8,
    first_precision: Precision,
    second_month: u8,
    second_day: u8,
    second_precision: Precision,
    shape: Shape,
    /// Bit 0: approximate (`~`); bit 1: uncertain (`?`).
    flags: u8,
}

const APPROXIMATE: u8 = 1;
const UNCERTAIN: u8 = 2;

impl From<DateValue> for StoredDate {
    fn from(v: DateValue) -> Self {
        let (shape, first, second) = match v.shape {
            DateShape::Single(p) => (Shape::Single, p, None),
            DateShape::Interval(a, b) => (Shape::Interval, a, Some(b)),
            DateShape::Until(p) => (Shape::Until, p, None),
            DateShape::Since(p) => (Shape::Since, p, None),
        };
        let second = second.unwrap_or(Point {
            year: 0,
            month: 0,
            day: 0,
            precision: Precision::Day,
        });
        StoredDate {
            first_year: first.year,
            second_year: second.year,
            first_month: first.month,
            first_day: first.day,
            first_precision: first.precision,
            second_month: second.month,
            second_day: second.day,
            second_precision: second.precision,
            shape,
            flags: if v.approximate { APPROXIMATE } else { 0 }
                | if v.uncertain { UNCERTAIN } else { 0 },
        }
    }
}

impl StoredDate {
    #[inline]
    pub fn value(&self) -> DateValue {
        let first = Point {
            year: self.first_year,
            month: self.first_month,
            day: self.first_day,
            precision: self.first_precision,
        };
        let shape = match self.shape {
            Shape::Single => DateShape::Single(first),
            Shape::Interval => DateShape::Interval(
                first,
                Point {
                    year: self.second_year,
                    month: self.second_month,
                    day: self.second_day,
                    precision: self.second_precision,
                },
            ),
            Shape::Until => DateShape::Until(first),
            Shape::Since => DateShape::Since(first),
        };
        DateValue {
            shape,
            approximate: self.flags & APPROXIMATE != 0,
            uncertain: self.flags & UNCERTAIN != 0,
        }
    }

    /// False when bytes read from a file set a flag no date has.
    pub fn flags_known(&self) -> bool {
        self.flags & !(APPROXIMATE | UNCERTAIN) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_and_qualifier_round_trips() {
        for text in [
            "2025-04-16",
            "2025-04",
            "-0043",
            "2025-04-16/2025-05",
            "../2025-04-11",
            "2024~",
            "2025-04?",
            "2025-04-16%",
            "2025-03-01/..",
        ] {
            let v = DateValue::parse_edtf(text).unwrap();
            let stored = StoredDate::from(v);
            assert_eq!(stored.value(), v, "{text}");
            assert!(stored.flags_known());
        }
        assert_eq!(std::mem::size_of::<StoredDate>(), 16);
    }
}
