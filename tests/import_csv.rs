//! Spreadsheet CSV and TSV files through the loader and the CLI.

use assert_cmd::Command;
use dateline::load::{ImportOptions, LoadOptions, load_path, load_path_with};
use dateline::model::{Status, Timeline, country};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name)
}

fn load(name: &str) -> Timeline {
    load_path(&fixture(name)).expect("loads")
}

fn load_with(name: &str, import: &ImportOptions) -> Timeline {
    let opts = LoadOptions {
        import: Some(import),
        ..LoadOptions::default()
    };
    load_path_with(&fixture(name), opts).expect("loads")
}

#[test]
fn a_spreadsheet_maps_its_columns_by_name() {
    let t = load("spreadsheet.csv");
    assert_eq!(t.len(), 3);
    let e = t.event(t.find_event("summit-opens-in-paris-2").unwrap());
    assert_eq!(e.date().edtf(), "2025-04-11/2025-04-13");
    assert_eq!(
        e.summary(),
        "Leaders meet; talks run \"late\", into the night."
    );
    let actors: Vec<&str> = e.actors().iter().map(|a| t.actor(a.actor).name()).collect();
    assert_eq!(actors, ["Alice Example", "Bob Sample"]);
    assert_eq!(e.place(), "Paris");
    assert_eq!(e.place_country().map(country::code), Some("FR"));
    assert_eq!(e.topics().collect::<Vec<_>>(), ["politics", "summit"]);
    let s = e.sources();
    assert_eq!(
        (s[0].outlet(), s[0].url(), s[0].has_text()),
        (
            "Example News",
            Some("https://www.example.com/summit"),
            false
        )
    );

    // An id column wins; a date read day first says so; one source per URL.
    let e = t.event(t.find_event("talks-2").unwrap());
    assert_eq!(e.date().edtf(), "2025-04-14");
    assert_eq!(
        e.date_origin(),
        Some("spreadsheet: Date '14/04/2025' read day first")
    );
    assert_eq!(e.summary(), "A second day. Nothing agreed.");
    let outlets: Vec<&str> = e.sources().iter().map(|s| s.outlet()).collect();
    assert_eq!(outlets, ["news.example.org", "news.example.org"]);

    let e = t.event(t.find_event("vote-scheduled-5").unwrap());
    assert_eq!(e.status(), Status::Scheduled);
    assert_eq!(e.date().edtf(), "2025-05-01");
    let countries: Vec<&str> = e.countries().iter().map(|&c| country::code(c)).collect();
    assert_eq!(countries, ["FR", "DE"]);
    assert_eq!(e.sources()[0].outlet(), "Wire Sample");
    assert_eq!(e.sources()[0].url(), None);
}

#[test]
fn tsv_and_utf16_text_read_alike() {
    let tsv = load("events.tsv");
    assert_eq!(tsv.len(), 2);
    assert_eq!(
        tsv.event(tsv.find_event("tab-two-3").unwrap()).summary(),
        "Quoted tab"
    );
    for name in ["unicode-text-utf16le.txt", "unicode-text-utf16be.txt"] {
        let t = load(name);
        assert_eq!(t.len(), 2, "{name}");
        let e = t.event(t.find_event("café-opens-2").unwrap());
        assert_eq!(e.title(), "Café opens");
        assert_eq!(
            e.countries()
                .iter()
                .map(|&c| country::code(c))
                .collect::<Vec<_>>(),
            ["DE"]
        );
    }
}

#[test]
fn ambiguous_dates_are_skipped_unless_the_order_is_given() {
    let t = load("bad-dates.csv");
    assert_eq!(t.len(), 1);
    let report = t.import_report();
    assert_eq!((report.rows, report.skipped_total), (4, 3));
    assert!(
        report.skipped[0].contains("bad-dates.csv:3:1: date '4/5/2025' is ambiguous"),
        "{:?}",
        report.skipped
    );
    assert!(
        report.skipped[2].contains(":5:1: has no date"),
        "{:?}",
        report.skipped
    );

    let import = ImportOptions {
        month_first: true,
        ..ImportOptions::default()
    };
    let t = load_with("bad-dates.csv", &import);
    let ids: Vec<(&str, String)> = (0..t.len() as u32)
        .map(|i| (t.event(i).id(), t.event(i).date().edtf()))
        .collect();
    assert_eq!(
        ids,
        [
            ("both-ways-3", "2025-04-05".to_string()),
            ("month-first-4", "2025-04-13".to_string())
        ]
    );

    // --day-first says the other way: 4/5 is 4 May, and 4/13 is no day.
    let import = ImportOptions {
        day_first: true,
        ..ImportOptions::default()
    };
    let t = load_with("bad-dates.csv", &import);
    assert!(
        (0..t.len() as u32)
            .any(|i| t.event(i).id() == "both-ways-3" && t.event(i).date().edtf() == "2025-05-04")
    );
    assert!((0..t.len() as u32).all(|i| t.event(i).id() != "month-first-4"));
}

#[test]
fn map_names_the_columns() {
    let import = ImportOptions {
        map: ImportOptions::parse_map("title=Description,date=End Date").unwrap(),
        ..ImportOptions::default()
    };
    let t = load_with("spreadsheet.csv", &import);
    let e = t.event(0);
    assert_eq!(
        e.title(),
        "Leaders meet; talks run \"late\", into the night."
    );
    assert_eq!(e.date().edtf(), "2025-04-13");
}

#[test]
fn a_directory_mixes_spreadsheets_and_acled() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("spreadsheet.csv"), dir.path().join("a.csv")).unwrap();
    std::fs::copy(fixture("events.tsv"), dir.path().join("b.tsv")).unwrap();
    let acled =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acled/acled-v5-test.csv");
    std::fs::copy(acled, dir.path().join("c.csv")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not read").unwrap();
    let t = load_path(dir.path()).unwrap();
    assert_eq!(t.len(), 6);
    assert!(t.find_event("1ALG").is_some() && t.find_event("tab-one-2").is_some());
}

#[test]
fn the_cli_lists_and_checks_spreadsheets() {
    let out = Command::cargo_bin("dateline")
        .unwrap()
        .arg("list")
        .arg(fixture("spreadsheet.csv"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("summit-opens-in-paris-2") && text.contains("11–13 Apr 2025"),
        "{text}"
    );
    assert!(text.contains("scheduled"), "{text}");
    Command::cargo_bin("dateline")
        .unwrap()
        .arg("check")
        .arg(fixture("events.tsv"))
        .assert()
        .success()
        .stdout(predicates::str::contains("ok: 2 events"));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("nodate.csv");
    std::fs::write(&bad, "Foo,Bar\n1,2\n").unwrap();
    Command::cargo_bin("dateline")
        .unwrap()
        .arg("check")
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "nodate.csv:1:1: has no date column",
        ))
        .stderr(predicates::str::contains(
            "columns (comma-separated): Foo, Bar",
        ));
}
