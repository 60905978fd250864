//! Reading the cells of spreadsheet-like files (ACLED exports, CSV/TSV):
//! dates written by people (day first or month first, two-digit years,
//! month names), country names, `;`-separated lists and header names.

use crate::model::country;
use crate::model::date::DateValue;
use chrono::NaiveDate;

/// Which number comes first in a date like `4/5/2025`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateOrder {
    DayFirst,
    MonthFirst,
    /// Day first, but a date that reads both ways is refused as ambiguous
    /// (the user did not say which order the file uses).
    Unknown,
}

/// A date cell read as EDTF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CellDate {
    /// The EDTF text: `2015-12-25` or `2015-12` (a month name and a year).
    pub edtf: String,
    /// Whether the cell was EDTF already (nothing was converted).
    pub as_given: bool,
}

/// The forms a date cell may take, for messages.
pub(crate) const DATE_FORMS: &str = "YYYY-MM-DD (or any EDTF date), DD/MM/YYYY or \
DD/MM/YY (MM/DD with --month-first; also with - or .), 25 December 2015, December 25, 2015, \
December 2015";

/// Reads one date cell: EDTF first, then numeric day/month/year in the
/// given order, then dates with an English month name. A time of day
/// after the date is dropped (dateline keeps days).
pub(crate) fn read_date(cell: &str, order: DateOrder) -> Result<CellDate, String> {
    let text = cell.trim();
    if text.is_empty() {
        return Err("is empty".into());
    }
    if looks_like_edtf(text) && DateValue::parse_edtf(text).is_ok() {
        return Ok(CellDate {
            edtf: text.to_string(),
            as_given: true,
        });
    }
    let date = without_time(text);
    // `2025-04-11T14:30:00Z` and `2025-04-11 14:30`.
    let day_part = date.split(['T', ' ']).next().unwrap_or("");
    if day_part.len() == 10 && looks_like_edtf(day_part) && DateValue::parse_edtf(day_part).is_ok()
    {
        return Ok(converted(day_part.to_string()));
    }
    if date.chars().any(|c| c.is_alphabetic()) {
        return named_month(&date).map(converted);
    }
    numeric(&date, order).map(|d| converted(d.format("%Y-%m-%d").to_string()))
}

fn converted(edtf: String) -> CellDate {
    CellDate {
        edtf,
        as_given: false,
    }
}

/// EDTF dates start with a four-digit year (or `..`, or `-` and a year),
/// which keeps `4/5` from reading as the years 4 to 5.
fn looks_like_edtf(text: &str) -> bool {
    let body = text.strip_prefix('-').unwrap_or(text);
    body.starts_with("..")
        || (body.len() >= 4
            && body.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            && body.as_bytes().get(4).is_none_or(|&b| !b.is_ascii_digit()))
}

/// Drops words holding a time of day: `14:30`, `2:30:00`, `PM`, `UTC`.
fn without_time(text: &str) -> String {
    let text = match text.split_once('T') {
        Some((day, time)) if day.len() == 10 && time.contains(':') => day,
        _ => text,
    };
    text.split_whitespace()
        .filter(|w| {
            !w.contains(':')
                && !["am", "pm", "utc", "gmt", "z"].contains(&w.to_ascii_lowercase().as_str())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `25/12/2015`, `1/1/16`, `12.25.2015`, `2015/12/25`.
fn numeric(text: &str, order: DateOrder) -> Result<NaiveDate, String> {
    let parts: Vec<&str> = text.split(['/', '.', '-']).map(str::trim).collect();
    let numbers: Option<Vec<u32>> = parts
        .iter()
        .map(|p| {
            (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    let (Some(n), 3) = (numbers, parts.len()) else {
        return Err(format!("is not a date (read as {DATE_FORMS})"));
    };
    if parts[0].len() == 4 {
        return day(n[0] as i32, n[1], n[2]).ok_or_else(not_a_day);
    }
    if parts[2].len() != 4 && parts[2].len() != 2 {
        return Err(format!(
            "has a year of {} digits (expected four, or two)",
            parts[2].len()
        ));
    }
    let year = full_year(parts[2].len(), n[2]);
    let day_first = day(year, n[1], n[0]);
    let month_first = day(year, n[0], n[1]);
    match order {
        DateOrder::DayFirst => day_first.ok_or_else(not_a_day),
        DateOrder::MonthFirst => month_first.ok_or_else(not_a_day),
        DateOrder::Unknown => match (day_first, month_first) {
            (Some(a), Some(b)) if a != b => Err(format!(
                "is ambiguous: it reads as {} (day first) and as {} (month first); \
                 give --day-first or --month-first to say which the file writes",
                a.format("%-d %B %Y"),
                b.format("%-d %B %Y"),
            )),
            (Some(a), _) => Ok(a),
            (None, Some(b)) => Err(format!(
                "is not a real day read day first (month first it reads {}: give \
                 --month-first if the file writes months first)",
                b.format("%-d %B %Y"),
            )),
            (None, None) => Err(not_a_day()),
        },
    }
}

fn not_a_day() -> String {
    "is not a real calendar day".into()
}

fn day(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Two-digit years as the C library reads them: 69-99 are 1969-1999,
/// 00-68 are 2000-2068 (ACLED's `1/1/16` is 2016, `24/12/97` is 1997).
fn full_year(digits: usize, n: u32) -> i32 {
    match (digits, n) {
        (2, 69..) => 1900 + n as i32,
        (2, _) => 2000 + n as i32,
        _ => n as i32,
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    // "Sept" is a common abbreviation beside "Sep".
    let w = if w == "sept" { "sep" } else { w };
    MONTHS
        .iter()
        .position(|m| m.starts_with(w))
        .map(|i| i as u32 + 1)
}

/// `25 December 2015`, `December 25, 2015`, `25-Dec-15`, `December 2015`.
fn named_month(text: &str) -> Result<String, String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    let bad = || format!("is not a date (read as {DATE_FORMS})");
    let mut month = None;
    let mut numbers: Vec<(usize, u32)> = Vec::new();
    for w in &words {
        // "25th", "1st".
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && digits.len() <= 4 {
            numbers.push((digits.len(), digits.parse().map_err(|_| bad())?));
        } else if let (None, Some(m)) = (month, month_number(w)) {
            month = Some(m);
        } else {
            return Err(bad());
        }
    }
    let Some(month) = month else {
        return Err(bad());
    };
    match numbers.as_slice() {
        [(digits, year)] if *digits == 4 || *digits == 2 => {
            let year = full_year(*digits, *year);
            Ok(format!("{year:04}-{month:02}"))
        }
        [(d1, n1), (d2, n2)] => {
            // The four-digit number is the year; between two short ones,
            // the last is (25-Dec-15).
            let ((_, d), (yd, y)) = if *d1 == 4 && *d2 <= 2 {
                ((*d2, *n2), (*d1, *n1))
            } else {
                ((*d1, *n1), (*d2, *n2))
            };
            let year = full_year(yd, y);
            day(year, month, d)
                .map(|d| d.format("%Y-%m-%d").to_string())
                .ok_or_else(not_a_day)
        }
        _ => Err(bad()),
    }
}

/// An ISO 3166-1 alpha-2 code for a country code or name, including the
/// names ACLED and spreadsheets use that differ from dateline's table.
pub(crate) fn country_code(name: &str) -> Option<&'static str> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    if let Some(ix) = country::find(name) {
        return Some(country::code(ix));
    }
    let key = name.to_lowercase();
    let code = COUNTRY_ALIASES
        .iter()
        .find(|(alias, _)| *alias == key)
        .map(|(_, code)| *code)?;
    country::by_code(code).map(country::code)
}

/// Other names of countries, lower case.
const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("democratic republic of congo", "CD"),
    ("democratic republic of the congo", "CD"),
    ("drc", "CD"),
    ("republic of congo", "CG"),
    ("republic of the congo", "CG"),
    ("ivory coast", "CI"),
    ("cote d'ivoire", "CI"),
    ("cape verde", "CV"),
    ("czech republic", "CZ"),
    ("swaziland", "SZ"),
    ("turkey", "TR"),
    ("turkiye", "TR"),
    ("macedonia", "MK"),
    ("brunei", "BN"),
    ("east timor", "TL"),
    ("united states of america", "US"),
    ("usa", "US"),
    ("uk", "GB"),
    ("great britain", "GB"),
    ("britain", "GB"),
    ("england", "GB"),
    ("scotland", "GB"),
    ("wales", "GB"),
    ("northern ireland", "GB"),
    ("burma", "MM"),
    ("vatican", "VA"),
    ("holy see", "VA"),
    ("curacao", "CW"),
    ("reunion", "RE"),
    ("saint-barthelemy", "BL"),
    ("saint barthelemy", "BL"),
    ("sao tome & principe", "ST"),
    ("bosnia-herzegovina", "BA"),
    ("the gambia", "GM"),
    ("the bahamas", "BS"),
    ("palestinian territories", "PS"),
    ("russian federation", "RU"),
    ("korea, republic of", "KR"),
    ("republic of korea", "KR"),
    ("iran, islamic republic of", "IR"),
    ("syrian arab republic", "SY"),
    ("viet nam", "VN"),
    ("lao pdr", "LA"),
    ("micronesia (federated states of)", "FM"),
    ("federated states of micronesia", "FM"),
    ("united republic of tanzania", "TZ"),
];

/// The items of a `;`-separated cell, trimmed, empty ones dropped.
pub(crate) fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// A header name reduced to letters and digits, lower case: "Start Date",
/// "start_date" and "START-DATE" all read `startdate`.
pub(crate) fn header_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a cell holds nothing: empty, or ACLED's `0` for "no actor".
pub(crate) fn is_blank(cell: &str) -> bool {
    let c = cell.trim();
    c.is_empty() || c == "0"
}

#[cfg(test)]
mod tests;
