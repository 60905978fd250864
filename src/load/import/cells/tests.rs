//! Date, country, list and header cells as people write them.

use super::*;
use DateOrder::*;

fn edtf(cell: &str, order: DateOrder) -> String {
    read_date(cell, order).map(|d| d.edtf).unwrap_or_else(|e| e)
}

#[test]
fn edtf_is_taken_as_given() {
    for cell in [
        "2025-04-11",
        "2025-04",
        "2025",
        "2025-04-17/2025-04-20",
        "2025-04-11~",
    ] {
        let d = read_date(cell, Unknown).unwrap();
        assert_eq!((d.edtf.as_str(), d.as_given), (cell, true));
    }
    assert_eq!(edtf("2025-04-11T14:30:00Z", Unknown), "2025-04-11");
    assert_eq!(edtf("2025-04-11 14:30", Unknown), "2025-04-11");
    assert!(!read_date("2025-04-11 14:30", Unknown).unwrap().as_given);
}

#[test]
fn acled_forms_read_day_first() {
    assert_eq!(edtf("25/12/2015", DayFirst), "2015-12-25");
    assert_eq!(edtf("1/1/16", DayFirst), "2016-01-01");
    assert_eq!(edtf("13/1/16", DayFirst), "2016-01-13");
    assert_eq!(edtf("24/12/97", DayFirst), "1997-12-24");
    assert_eq!(edtf("02/01/1997", DayFirst), "1997-01-02");
    assert_eq!(edtf("25 December 2015", DayFirst), "2015-12-25");
    assert_eq!(edtf("16 May 2025", DayFirst), "2025-05-16");
    assert_eq!(edtf("2015-12-25", DayFirst), "2015-12-25");
}

#[test]
fn month_first_and_named_months() {
    assert_eq!(edtf("4/5/2025", MonthFirst), "2025-04-05");
    assert_eq!(edtf("12.25.2015", MonthFirst), "2015-12-25");
    assert_eq!(edtf("2015/12/25", Unknown), "2015-12-25");
    assert_eq!(edtf("December 25, 2015", Unknown), "2015-12-25");
    assert_eq!(edtf("Dec 25th 2015", Unknown), "2015-12-25");
    assert_eq!(edtf("25-Dec-15", Unknown), "2015-12-25");
    assert_eq!(edtf("Sept 2015", Unknown), "2015-09");
    assert_eq!(edtf("December 2015", Unknown), "2015-12");
    assert_eq!(edtf("11/04/2025 14:30:00", DayFirst), "2025-04-11");
}

#[test]
fn a_date_that_reads_both_ways_is_refused_without_an_order() {
    let e = read_date("4/5/2025", Unknown).unwrap_err();
    assert!(e.contains("ambiguous"), "{e}");
    assert!(
        e.contains("4 May 2025") && e.contains("5 April 2025"),
        "{e}"
    );
    // One reading only, or both the same: no ambiguity.
    assert_eq!(edtf("13/4/2025", Unknown), "2025-04-13");
    let e = read_date("4/13/2025", Unknown).unwrap_err();
    assert!(
        e.contains("--month-first") && e.contains("13 April 2025"),
        "{e}"
    );
    assert_eq!(edtf("4/13/2025", MonthFirst), "2025-04-13");
    assert_eq!(edtf("5/5/2025", Unknown), "2025-05-05");
    assert_eq!(edtf("4/5/2025", DayFirst), "2025-05-04");
}

#[test]
fn bad_dates_say_why() {
    assert!(read_date("", DayFirst).unwrap_err().contains("empty"));
    assert!(
        read_date("31/2/2015", DayFirst)
            .unwrap_err()
            .contains("real")
    );
    assert!(
        read_date("13/13/2015", Unknown)
            .unwrap_err()
            .contains("real")
    );
    assert!(
        read_date("soon", DayFirst)
            .unwrap_err()
            .contains("DD/MM/YYYY")
    );
    assert!(
        read_date("1/2/123", DayFirst)
            .unwrap_err()
            .contains("digits")
    );
    assert!(read_date("4/5", Unknown).is_err());
    assert!(read_date("Smarch 2015", Unknown).is_err());
}

#[test]
fn countries_by_name_code_and_alias() {
    assert_eq!(country_code("Algeria"), Some("DZ"));
    assert_eq!(country_code("morocco"), Some("MA"));
    assert_eq!(country_code("FR"), Some("FR"));
    assert_eq!(country_code("Democratic Republic of Congo"), Some("CD"));
    assert_eq!(country_code("Ivory Coast"), Some("CI"));
    assert_eq!(country_code("eSwatini"), Some("SZ"));
    assert_eq!(country_code("Turkey"), Some("TR"));
    assert_eq!(country_code("Narnia"), None);
    assert_eq!(country_code(""), None);
}

#[test]
fn lists_headers_and_blanks() {
    let items: Vec<&str> = list(" a; b ;;c ").collect();
    assert_eq!(items, ["a", "b", "c"]);
    assert_eq!(header_key("Start Date"), "startdate");
    assert_eq!(header_key("EVENT_ID_CNTY"), "eventidcnty");
    assert!(is_blank(" 0 ") && is_blank("") && !is_blank("Police"));
}
