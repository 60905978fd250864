//! The tests of dates: parsing, bounds, sorting and the ISO day forms.

#[test]
fn iso_dates_read_and_write_as_chrono_does() {
    use chrono::NaiveDate;
    let chrono_read = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok();
    for text in [
        "2025-04-16",
        "0001-01-01",
        "9999-12-31",
        "2024-02-29",
        "2025-02-29",
        "2025-13-01",
        "2025-4-16",
        "20250416",
        "2025-04-1x",
        "+2025-04-16",
        "-0044-03-15",
        "",
        "2025-04-16 ",
    ] {
        assert_eq!(super::parse_iso_date(text), chrono_read(text), "{text:?}");
    }
    for (y, m, d) in [
        (2025, 4, 16),
        (1, 1, 1),
        (9999, 12, 31),
        (-44, 3, 15),
        (10000, 1, 2),
    ] {
        let date = NaiveDate::from_ymd_opt(y, m, d).expect("a date");
        assert_eq!(super::iso_date(date), date.format("%Y-%m-%d").to_string());
    }
}

#[test]
fn bounds_are_written_short() {
    use super::{format_bound, parse_user_range};
    let day = |s: &str| parse_user_range(s).unwrap();
    assert_eq!(format_bound(day("2025-03").0, false), "2025-03");
    assert_eq!(format_bound(day("2025-04").1, true), "2025-04");
    assert_eq!(format_bound(day("2025").0, false), "2025");
    assert_eq!(format_bound(day("2024").1, true), "2024");
    assert_eq!(format_bound(day("2025-04-17").0, false), "2025-04-17");
    assert_eq!(format_bound(day("2025-04-17").1, true), "2025-04-17");
    // A month's first day as an end is a day, not the month.
    assert_eq!(format_bound(day("2025-04-01").1, true), "2025-04-01");
}

use super::*;

fn parse(s: &str) -> DateValue {
    DateValue::parse_edtf(s).unwrap()
}
fn ymd(y: i32, m: u32, d: u32) -> Day {
    day_number(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

#[test]
fn parses_each_precision_with_bounds() {
    let d = parse("2025-04-17");
    assert_eq!(
        (d.earliest(), d.latest()),
        (Some(ymd(2025, 4, 17)), Some(ymd(2025, 4, 17)))
    );
    assert_eq!(d.precision(), DatePrecision::Day);
    let m = parse("2024-02");
    assert_eq!(
        (m.earliest(), m.latest()),
        (Some(ymd(2024, 2, 1)), Some(ymd(2024, 2, 29)))
    );
    let y = parse("2025");
    assert_eq!(
        (y.earliest(), y.latest()),
        (Some(ymd(2025, 1, 1)), Some(ymd(2025, 12, 31)))
    );
    let dec = parse("2025-12");
    assert_eq!(dec.latest(), Some(ymd(2025, 12, 31)));
}

#[test]
fn parses_open_and_closed_intervals() {
    let until = parse("../2022-04-15");
    assert_eq!(
        (until.earliest(), until.latest()),
        (None, Some(ymd(2022, 4, 15)))
    );
    assert_eq!(until.precision(), DatePrecision::Before);
    let since = parse("2025-03/..");
    assert_eq!(
        (since.earliest(), since.latest()),
        (Some(ymd(2025, 3, 1)), None)
    );
    let span = parse("2025-03/2025-04-16");
    assert_eq!(
        (span.earliest(), span.latest()),
        (Some(ymd(2025, 3, 1)), Some(ymd(2025, 4, 16)))
    );
}

#[test]
fn qualifiers_round_trip() {
    for text in [
        "2022-02~",
        "2025?",
        "2025-04-12%",
        "../2025-04-15",
        "2025-04-12/2025-04-13",
    ] {
        assert_eq!(parse(text).edtf(), text);
    }
    assert!(parse("2022-02~").approximate);
    assert!(parse("2025?").uncertain);
}

#[test]
fn refuses_impossible_and_malformed_dates() {
    assert!(matches!(
        DateValue::parse_edtf("2025-02-30"),
        Err(DateError::Impossible(_))
    ));
    assert!(matches!(
        DateValue::parse_edtf("2025-13"),
        Err(DateError::Impossible(_))
    ));
    assert!(matches!(
        DateValue::parse_edtf("-0000-01-01"),
        Err(DateError::Syntax(_))
    ));
    assert!(matches!(
        DateValue::parse_edtf("2025-04-20/2025-04-17"),
        Err(DateError::Reversed(_))
    ));
    for bad in [
        "",
        "25-01-01",
        "2025-1-01",
        "2025/04/17",
        "../..",
        "abc",
        "2025-04-17/",
        "+2025",
    ] {
        assert!(DateValue::parse_edtf(bad).is_err(), "{bad} should fail");
    }
    assert!(DateValue::parse_edtf("2024-02-29").is_ok());
    assert!(DateValue::parse_edtf("2025-02-29").is_err());
}

#[test]
fn sorts_by_earliest_then_exact_before_vague() {
    let mut dates = [
        parse("2025-04"),
        parse("2025-04-01/2025-04-02"),
        parse("2025-04-01"),
        parse("../2025-01"),
        parse("2025-04-01/.."),
        parse("../2007"),
    ];
    dates.sort_by_key(|d| d.sort_key());
    let order: Vec<String> = dates.iter().map(|d| d.edtf()).collect();
    assert_eq!(
        order,
        [
            "../2007",
            "../2025-01",
            "2025-04-01",
            "2025-04-01/2025-04-02",
            "2025-04",
            "2025-04-01/.."
        ]
    );
}

#[test]
fn years_before_1_are_astronomical() {
    let caesar = parse("-0043-03-15");
    assert_eq!(caesar.earliest(), Some(ymd(-43, 3, 15)));
    assert_eq!(caesar.edtf(), "-0043-03-15");
    assert_eq!(parse("0000").edtf(), "0000");
    let span = parse("-0100/0050");
    assert_eq!(span.edtf(), "-0100/0050");
    assert!(span.earliest() < parse("0001").earliest());
    assert!(matches!(
        DateValue::parse_edtf("0050/-0100"),
        Err(DateError::Reversed(_))
    ));
    assert!(DateValue::parse_edtf("-10000").is_err());
    assert!(DateValue::parse_edtf("--0043").is_err());
}

#[test]
fn user_ranges_cover_the_whole_unit() {
    assert_eq!(
        parse_user_range("2025-03").unwrap(),
        (ymd(2025, 3, 1), ymd(2025, 3, 31))
    );
    assert!(parse_user_range("../2025").is_err());
}
