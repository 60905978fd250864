//! Each mapping rule and each bad-row case of the spreadsheet importer.

use super::*;
use crate::load::import::ImportOptions;
use crate::load::import::rows::read_text;
use crate::model::Timeline;
use crate::model::country;

fn load_with(text: &[u8], import: &ImportOptions) -> Result<Timeline, LoadError> {
    let opts = LoadOptions {
        import: Some(import),
        ..LoadOptions::default()
    };
    read_text(read, text, opts)
}

fn load(text: &str) -> Timeline {
    load_with(text.as_bytes(), &ImportOptions::default()).expect("loads")
}

fn skipped(t: &Timeline) -> Vec<String> {
    t.import_report().skipped.clone()
}

#[test]
fn columns_are_found_by_common_names_in_any_case() {
    let t = load(
        "Start Date,END_DATE,Headline,Description,People,Country,Location,Link,Outlet,Tags,Status,ID\n\
         2025-04-11,2025-04-13,Summit opens,\"Leaders meet, and talk.\",Alice Example; Bob Sample,\
         France,Paris,https://www.example.com/a,Example News,politics; summit,scheduled,s1\n",
    );
    let e = t.event(t.find_event("s1").unwrap());
    assert_eq!(e.title(), "Summit opens");
    assert_eq!(e.summary(), "Leaders meet, and talk.");
    assert_eq!(e.date().edtf(), "2025-04-11/2025-04-13");
    assert_eq!(e.date_origin(), None);
    assert_eq!(e.status(), Status::Scheduled);
    assert_eq!(e.place(), "Paris");
    assert_eq!(e.place_country().map(country::code), Some("FR"));
    let actors: Vec<&str> = e.actors().iter().map(|a| t.actor(a.actor).name()).collect();
    assert_eq!(actors, ["Alice Example", "Bob Sample"]);
    assert_eq!(e.topics().collect::<Vec<_>>(), ["politics", "summit"]);
    let sources = e.sources();
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].outlet(), "Example News");
    assert_eq!(sources[0].url(), Some("https://www.example.com/a"));
    assert!(!sources[0].has_text());
}

#[test]
fn tabs_and_semicolons_are_delimiters_too() {
    let t = load("date\ttitle\tcountries\n2025-04-11\tOne\t\"FR; DE\"\n");
    let e = t.event(0);
    let countries: Vec<&str> = e.countries().iter().map(|&c| country::code(c)).collect();
    assert_eq!(countries, ["FR", "DE"]);
    assert_eq!(e.place_country(), None);
    let t = load("date;title;url\n13/04/2025;\"One; two\";https://www.example.org/x\n");
    let e = t.event(0);
    assert_eq!(e.title(), "One; two");
    assert_eq!(e.sources()[0].outlet(), "example.org");
}

#[test]
fn ids_are_slugs_with_the_row_number_unless_given() {
    let t = load("date,title\n2025-01-01,Same title\n2025-01-02,Same title\n");
    assert!(t.find_event("same-title-2").is_some());
    assert!(t.find_event("same-title-3").is_some());
}

#[test]
fn dates_are_day_first_and_ambiguous_ones_are_refused() {
    let t = load(
        "date,title\n13/4/2025,Day first\n4/5/2025,Both ways\n4/13/2025,Month first\n\
         5/5/2025,Same both ways\n25 December 2015,Named\nApril 2025,A month\n",
    );
    let date = |title: &str| {
        (0..t.len() as u32)
            .map(|i| t.event(i))
            .find(|e| e.title() == title)
            .map(|e| e.date().edtf())
    };
    assert_eq!(date("Day first").as_deref(), Some("2025-04-13"));
    assert_eq!(date("Same both ways").as_deref(), Some("2025-05-05"));
    assert_eq!(date("Named").as_deref(), Some("2015-12-25"));
    assert_eq!(date("A month").as_deref(), Some("2025-04"));
    assert_eq!(date("Both ways"), None);
    assert_eq!(date("Month first"), None);
    let s = skipped(&t);
    assert_eq!(s.len(), 2);
    assert!(
        s[0].starts_with("t.csv:3:1: date '4/5/2025' is ambiguous"),
        "{s:?}"
    );
    assert!(
        s[1].starts_with("t.csv:4:1: date '4/13/2025' is not a real day"),
        "{s:?}"
    );
    let e = t.event(t.find_event("day-first-2").unwrap());
    assert_eq!(
        e.date_origin(),
        Some("spreadsheet: date '13/4/2025' read day first")
    );
}

#[test]
fn month_first_reads_months_first() {
    let import = ImportOptions {
        month_first: true,
        ..ImportOptions::default()
    };
    let t = load_with(b"date,title\n4/5/2025,April\n13/4/2025,Bad\n", &import).unwrap();
    assert_eq!(
        t.event(t.find_event("april-2").unwrap()).date().edtf(),
        "2025-04-05"
    );
    let s = skipped(&t);
    assert!(
        s[0].contains("'13/4/2025' is not a real calendar day"),
        "{s:?}"
    );
}

#[test]
fn map_names_columns_the_names_do_not_tell() {
    let import = ImportOptions {
        map: ImportOptions::parse_map("title=Was,date=Wann").unwrap(),
        ..ImportOptions::default()
    };
    let t = load_with(b"Wann,Was,Title\n2025-01-01,Real title,Not this\n", &import).unwrap();
    assert_eq!(t.event(0).title(), "Real title");
    let import = ImportOptions {
        map: ImportOptions::parse_map("title=Nope").unwrap(),
        ..ImportOptions::default()
    };
    let err = load_with(b"date,x\n2025-01-01,y\n", &import)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("--map title=Nope: no such column; columns (comma-separated): date, x"),
        "{err}"
    );
    let import = ImportOptions {
        map: ImportOptions::parse_map("colour=x").unwrap(),
        ..ImportOptions::default()
    };
    let err = load_with(b"date,x\n2025-01-01,y\n", &import)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown field 'colour'"), "{err}");
}

#[test]
fn a_file_without_a_date_column_gets_one_clear_message() {
    let err = load_with(b"Foo\tBar\n1\t2\n", &ImportOptions::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("t.csv:1:1: has no date column"), "{err}");
    assert!(err.contains("date, when, day"), "{err}");
    assert!(err.contains("columns (TAB-separated): Foo, Bar"), "{err}");
    assert!(err.contains("--map date=COLUMN"), "{err}");
    assert!(err.contains("DD/MM/YYYY"), "{err}");
    assert!(err.contains("1 problem found"), "{err}");
    let err = load_with(b"date,colour\n2025-01-01,red\n", &ImportOptions::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("has no title column"), "{err}");
}

#[test]
fn bad_rows_are_skipped_with_a_reason() {
    let t = load(
        "date,end,title,summary,country,status\n\
         2025-01-01,,Fine,,,\n\
         ,,No date,,,\n\
         2025-01-01,,,,,\n\
         2025-01-01,,Narnian,,Narnia,\n\
         2025-01-01,,Odd status,,,maybe\n\
         ,2025-02-01,Open start,,,\n\
         2025-01-01,,,\"A long summary that runs on and on. And another sentence.\",,\n",
    );
    let s = skipped(&t);
    assert_eq!(t.import_report().rows, 7);
    assert_eq!(s.len(), 4, "{s:?}");
    assert!(
        s[0].starts_with("t.csv:3:1: has no date (date is empty)"),
        "{s:?}"
    );
    assert!(
        s[1].starts_with("t.csv:4:1: has no title (title and summary are empty)"),
        "{s:?}"
    );
    assert!(s[2].contains("country 'Narnia' is not a country"), "{s:?}");
    assert!(s[3].contains("status 'maybe' is not a status"), "{s:?}");
    assert_eq!(
        t.event(t.find_event("open-start-7").unwrap()).date().edtf(),
        "../2025-02-01"
    );
    let from_summary = t.event(
        t.find_event("a-long-summary-that-runs-on-and-on-8")
            .unwrap(),
    );
    assert_eq!(from_summary.title(), "A long summary that runs on and on");
}

#[test]
fn utf16_with_a_byte_order_mark_is_read() {
    let text = "date\ttitle\n2025-03-01\tCafé opens\n";
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        le.extend(unit.to_le_bytes());
        be.extend(unit.to_be_bytes());
    }
    for bytes in [le, be] {
        let t = load_with(&bytes, &ImportOptions::default()).unwrap();
        assert_eq!(t.event(0).title(), "Café opens");
        assert_eq!(t.event(0).date().edtf(), "2025-03-01");
    }
}

#[test]
fn invalid_utf8_in_a_row_skips_that_row() {
    let t = load_with(
        b"date,title\n2025-01-01,ok\n2025-01-02,bad \xFF\n",
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(t.len(), 1);
    let s = skipped(&t);
    assert!(
        s[0].starts_with("t.csv:3:1: column 2 is not valid UTF-8"),
        "{s:?}"
    );
}

#[test]
fn windows_line_ends_keep_line_numbers_and_clean_cells() {
    let t =
        load("date,title,tags\r\n2025-01-01,A,x\r\n2025-01-02,B,\"y\r\nz\"\r\n2025-01-03,C,w\r\n");
    assert!(t.find_event("a-2").is_some() && t.find_event("b-3").is_some());
    let c = t.event(t.find_event("c-5").unwrap());
    assert_eq!(c.topics().collect::<Vec<_>>(), ["w"]);
}
