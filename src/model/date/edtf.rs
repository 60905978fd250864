//! EDTF text: reading the subset dateline stores, and writing it back.

use super::{DateError, DateShape, DateValue, Day, Point, Precision, YEAR_MAX, YEAR_MIN};

impl Point {
    fn parse(text: &str, whole: &str) -> Result<Point, DateError> {
        let syntax = || DateError::Syntax(whole.to_string());
        // Years before 1 are astronomical, as EDTF writes them: `0000` is
        // 1 BC, `-0043` is 44 BC; `-0000` is not a year.
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) if rest.starts_with("0000") => return Err(syntax()),
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| -> Result<u32, DateError> {
            if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(syntax());
            }
            s.parse::<u32>().map_err(|_| syntax())
        };
        let year = number(parts[0], 4)? as i32;
        let year = if negative { -year } else { year };
        if !(YEAR_MIN..=YEAR_MAX).contains(&year) {
            return Err(DateError::YearRange(year));
        }
        let point = match parts.len() {
            1 => Point::year(year),
            2 => Point::month(year, number(parts[1], 2)? as u8),
            3 => Point::day(year, number(parts[1], 2)? as u8, number(parts[2], 2)? as u8),
            _ => return Err(syntax()),
        };
        if !(1..=12).contains(&point.month) || point.first().is_none() {
            return Err(DateError::Impossible(whole.to_string()));
        }
        Ok(point)
    }

    fn edtf(&self, out: &mut String) {
        use std::fmt::Write;
        if self.year < 0 {
            out.push('-');
        }
        let year = self.year.unsigned_abs();
        let _ = match self.precision {
            Precision::Year => write!(out, "{year:04}"),
            Precision::Month => write!(out, "{year:04}-{:02}", self.month),
            Precision::Day => write!(out, "{year:04}-{:02}-{:02}", self.month, self.day),
        };
    }
}

impl DateValue {
    /// Parses the EDTF subset dateline stores.
    pub fn parse_edtf(text: &str) -> Result<DateValue, DateError> {
        let mut body = text.trim();
        let mut approximate = false;
        let mut uncertain = false;
        loop {
            if let Some(rest) = body.strip_suffix('~') {
                approximate = true;
                body = rest;
            } else if let Some(rest) = body.strip_suffix('?') {
                uncertain = true;
                body = rest;
            } else if let Some(rest) = body.strip_suffix('%') {
                approximate = true;
                uncertain = true;
                body = rest;
            } else {
                break;
            }
        }
        if body.is_empty() {
            return Err(DateError::Syntax(text.to_string()));
        }
        let shape = match body.split_once('/') {
            None => DateShape::Single(Point::parse(body, text)?),
            Some(("..", "..")) | Some(("", _)) | Some((_, "")) => {
                return Err(DateError::Syntax(text.to_string()));
            }
            Some(("..", end)) => DateShape::Until(Point::parse(end, text)?),
            Some((start, "..")) => DateShape::Since(Point::parse(start, text)?),
            Some((start, end)) => {
                let (a, b) = (Point::parse(start, text)?, Point::parse(end, text)?);
                if b.last() < a.first() {
                    return Err(DateError::Reversed(text.to_string()));
                }
                DateShape::Interval(a, b)
            }
        };
        Ok(DateValue {
            shape,
            approximate,
            uncertain,
        })
    }

    /// The EDTF text of this value.
    pub fn edtf(&self) -> String {
        let mut out = String::with_capacity(24);
        match &self.shape {
            DateShape::Single(p) => p.edtf(&mut out),
            DateShape::Interval(a, b) => {
                a.edtf(&mut out);
                out.push('/');
                b.edtf(&mut out);
            }
            DateShape::Until(p) => {
                out.push_str("../");
                p.edtf(&mut out);
            }
            DateShape::Since(p) => {
                p.edtf(&mut out);
                out.push_str("/..");
            }
        }
        match (self.approximate, self.uncertain) {
            (true, true) => out.push('%'),
            (true, false) => out.push('~'),
            (false, true) => out.push('?'),
            _ => {}
        }
        out
    }
}

/// A day, month or year typed by a user (`--from 2025-03`), as inclusive bounds.
pub fn parse_user_range(text: &str) -> Result<(Day, Day), DateError> {
    let value = DateValue::parse_edtf(text)?;
    match (value.earliest(), value.latest()) {
        (Some(a), Some(b)) => Ok((a, b)),
        _ => Err(DateError::Syntax(text.to_string())),
    }
}
