//! A slide's date fields as one EDTF date, at the precision they give.

use super::{Parts, Slide};
use crate::load::builder::ellipsize;
use crate::model::date::{DateShape, DateValue, Point, YEAR_MAX, YEAR_MIN};

/// The slide's date as EDTF: its `edtf` field when it has one, else the
/// start (and end) fields at their own precision.
pub(super) fn slide_date(slide: &Slide) -> Result<String, String> {
    if !slide.edtf.trim().is_empty() {
        return Ok(slide.edtf.trim().to_string());
    }
    let start = point(&slide.start, "start")?.ok_or("has no start date (its year is empty)")?;
    let shape = match point(&slide.end, "end")? {
        Some(end) if end != start => DateShape::Interval(start, end),
        _ => DateShape::Single(start),
    };
    Ok(DateValue::with_shape(shape).edtf())
}

/// One endpoint at the precision its fields give; `None` without a year.
fn point(parts: &Parts, which: &str) -> Result<Option<Point>, String> {
    let (year, month, day) = (parts.year.trim(), parts.month.trim(), parts.day.trim());
    if year.is_empty() {
        return match month.is_empty() && day.is_empty() {
            true => Ok(None),
            false => Err(format!("{which} date has a month or day but no year")),
        };
    }
    let year = astronomical_year(year, which)?;
    if month.is_empty() {
        return Ok(Some(Point::year(year)));
    }
    let month = number(month)
        .filter(|m| (1..=12).contains(m))
        .ok_or_else(|| format!("{which} month '{}' is not 1 to 12", clip(month)))?
        as u8;
    if day.is_empty() {
        return Ok(Some(Point::month(year, month)));
    }
    let point = number(day)
        .filter(|d| (1..=31).contains(d))
        .map(|d| Point::day(year, month, d as u8))
        .filter(|p| p.first().is_some())
        .ok_or_else(|| format!("{which} day '{}' is not a day of that month", clip(day)))?;
    Ok(Some(point))
}

/// TimelineJS counts -1 as 1 BC; EDTF (and dateline) count it as year 0.
fn astronomical_year(text: &str, which: &str) -> Result<i32, String> {
    let year: i64 = text
        .strip_prefix('+')
        .unwrap_or(text)
        .parse()
        .map_err(|_| format!("{which} year '{}' is not a whole number", clip(text)))?;
    let astronomical = match year {
        0 => {
            return Err(format!(
                "{which} year 0 names no year (TimelineJS counts -1 as 1 BC)"
            ));
        }
        y if y < 0 => y + 1,
        y => y,
    };
    if !(i64::from(YEAR_MIN)..=i64::from(YEAR_MAX)).contains(&astronomical) {
        return Err(format!(
            "{which} year {year} is beyond the years dateline holds \
             (10000 BC to AD 9999; cosmological scales cannot be shown)"
        ));
    }
    Ok(astronomical as i32)
}

/// "08", "8" and "8.0" (a number a spreadsheet wrote) all read as 8.
fn number(text: &str) -> Option<u32> {
    let text = text.strip_suffix(".0").unwrap_or(text);
    text.parse().ok()
}

fn clip(text: &str) -> String {
    ellipsize(&crate::sanitize::line(text), 20)
}
