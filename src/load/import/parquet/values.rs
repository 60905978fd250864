//! A Parquet cell as the text a CSV cell would hold, so that rows read
//! from Parquet meet the same mappings as rows read from text.

use crate::load::import::gdelt;
use ::parquet::record::Field;
use chrono::{DateTime, NaiveDate};
use std::borrow::Cow;

/// How a date-typed value is written for the mapping that reads it.
#[derive(Clone, Copy)]
pub(super) enum Dates {
    /// GDELT's `20250807` and `20250807220000`.
    Compact,
    /// EDTF `2025-08-07`.
    Iso,
}

/// A scalar value as text, as a CSV cell would hold it; `None` for null.
pub(super) fn text(field: &Field, dates: Dates) -> Option<Cow<'_, str>> {
    let day = |days: i64| NaiveDate::from_num_days_from_ce_opt(i32::try_from(days + 719_163).ok()?);
    let at = |micros: i64| DateTime::from_timestamp_micros(micros).map(|t| t.naive_utc());
    Some(match field {
        Field::Null => return None,
        Field::Str(s) => Cow::Borrowed(s.as_str()),
        Field::Bytes(b) => Cow::Borrowed(std::str::from_utf8(b.data()).ok()?),
        Field::Float(f) => Cow::Owned(decimal(f64::from(*f))),
        Field::Double(f) => Cow::Owned(decimal(*f)),
        Field::Date(days) => {
            let d = day(i64::from(*days))?;
            Cow::Owned(match dates {
                Dates::Compact => d.format("%Y%m%d").to_string(),
                Dates::Iso => d.format("%Y-%m-%d").to_string(),
            })
        }
        Field::TimestampMillis(ms) | Field::TimestampMicros(ms) => {
            let micros = match field {
                Field::TimestampMillis(_) => ms.checked_mul(1000)?,
                _ => *ms,
            };
            let t = at(micros)?;
            Cow::Owned(match dates {
                Dates::Compact => t.format("%Y%m%d%H%M%S").to_string(),
                Dates::Iso => t.format("%Y-%m-%d").to_string(),
            })
        }
        Field::Group(_) | Field::ListInternal(_) | Field::MapInternal(_) => return None,
        // Integers, booleans, decimals: their plain digits.
        other => Cow::Owned(other.to_string()),
    })
}

/// `5.0`, `-2.5`, `3.44827586206897`: as GDELT's files write figures.
fn decimal(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{f:.1}")
    } else {
        format!("{f}")
    }
}

/// CAMEO codes keep their leading zeros ("043", root "04"); a slice whose
/// tool read them as integers (43, 4) gets them back: the root has two
/// digits and every event code begins with its root.
pub(super) fn fix_cameo_codes(values: &mut [Cow<'_, str>; gdelt::EVENT_COLUMNS]) {
    const EVENT_CODE: usize = 26;
    const BASE_CODE: usize = 27;
    const ROOT_CODE: usize = 28;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if values[ROOT_CODE].len() == 1 && digits(&values[ROOT_CODE]) {
        values[ROOT_CODE] = Cow::Owned(format!("0{}", values[ROOT_CODE]));
    }
    let root = values[ROOT_CODE].to_string();
    for slot in [EVENT_CODE, BASE_CODE] {
        let code = &values[slot];
        if root.len() == 2 && digits(code) && !code.starts_with(&root) {
            let padded = format!("0{code}");
            if padded.starts_with(&root) {
                values[slot] = Cow::Owned(padded);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_a_csv_cell_would_hold_them() {
        assert_eq!(
            text(&Field::Int(20250807), Dates::Compact).unwrap(),
            "20250807"
        );
        assert_eq!(
            text(&Field::Long(20250807220000), Dates::Compact).unwrap(),
            "20250807220000"
        );
        assert_eq!(text(&Field::Double(5.0), Dates::Compact).unwrap(), "5.0");
        assert_eq!(text(&Field::Double(-2.5), Dates::Compact).unwrap(), "-2.5");
        // 2025-08-07 is day 20307 of the Unix epoch.
        assert_eq!(
            text(&Field::Date(20307), Dates::Compact).unwrap(),
            "20250807"
        );
        assert_eq!(text(&Field::Date(20307), Dates::Iso).unwrap(), "2025-08-07");
        let at = 20307 * 86_400_000_000i64 + 22 * 3_600_000_000;
        assert_eq!(
            text(&Field::TimestampMicros(at), Dates::Compact).unwrap(),
            "20250807220000"
        );
        assert!(text(&Field::Null, Dates::Iso).is_none());
        assert!(text(&Field::Date(i32::MAX), Dates::Iso).is_none());
    }

    #[test]
    fn cameo_codes_read_as_integers_get_their_zeros_back() {
        let mut v: [Cow<'_, str>; gdelt::EVENT_COLUMNS] =
            std::array::from_fn(|_| Cow::Borrowed(""));
        v[26] = "43".into();
        v[27] = "43".into();
        v[28] = "4".into();
        fix_cameo_codes(&mut v);
        assert_eq!((&*v[26], &*v[27], &*v[28]), ("043", "043", "04"));
        v[26] = "431".into();
        fix_cameo_codes(&mut v);
        assert_eq!(&*v[26], "0431");
        v[26] = "1011".into();
        v[28] = "10".into();
        fix_cameo_codes(&mut v);
        assert_eq!((&*v[26], &*v[28]), ("1011", "10"));
    }
}
