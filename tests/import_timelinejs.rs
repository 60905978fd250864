//! TimelineJS files (TimelineJS3 JSON, legacy TimelineJS2 JSON, the
//! Google-Sheet CSV) opened as they are, through the loader and the CLI.

use assert_cmd::Command;
use dateline::load::load_path;
use dateline::model::date::DatePrecision;
use dateline::model::{LinkKind, Status, Timeline};
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/timelinejs")
        .join(name)
}

fn load(name: &str) -> Timeline {
    load_path(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn event<'t>(t: &'t Timeline, id: &str) -> dateline::model::EventRef<'t> {
    t.event(t.find_event(id).unwrap_or_else(|| panic!("no event {id}")))
}

#[test]
fn the_sheet_and_its_json_give_the_same_timeline() {
    let sheet = load("women_in_computing.csv");
    let json = load("women_in_computing.json");
    assert_eq!(sheet.title(), Some("Women in Computing"));
    assert_eq!(json.title(), Some("Women in Computing"));
    assert_eq!((sheet.len(), json.len()), (10, 10));
    for ix in 0..json.len() as u32 {
        let (a, b) = (sheet.event(ix), json.event(ix));
        assert_eq!((a.id(), a.title()), (b.id(), b.title()));
        assert_eq!(a.date(), b.date(), "{}", a.id());
        assert_eq!(a.summary(), b.summary(), "{}", a.id());
    }
    assert_eq!(sheet.import_report().skipped_total, 0);
}

#[test]
fn sheet_dates_titles_texts_and_media() {
    let t = load("women_in_computing.csv");
    let ada = event(&t, "ada-lovelace");
    assert_eq!(ada.date().edtf(), "1815-12-10/1852-11-27");
    assert!(
        ada.summary()
            .starts_with("Women have been programming since before")
    );
    assert!(!ada.summary().contains('<'));
    let sources = ada.sources();
    assert_eq!(sources[0].outlet(), "Wikimedia Commons");
    assert_eq!(
        sources[0].url(),
        Some(
            "https://upload.wikimedia.org/wikipedia/commons/thumb/a/a4/Ada_Lovelace_portrait.jpg/713px-Ada_Lovelace_portrait.jpg"
        )
    );
    assert_eq!(sources[0].title(), "Portrait by Alfred Edward Chalon");
    assert!(!sources[0].has_text());

    let eniac = event(&t, "and-the-women-who-made-it-work");
    assert_eq!(eniac.date().edtf(), "1943-07/1946");
    assert_eq!(eniac.date().precision(), DatePrecision::Interval);
    // The credit is a link: its text is the outlet.
    assert_eq!(eniac.sources()[0].outlet(), "Computer History Museum");

    let rozsa = event(&t, "rózsa-péter-writes-recursion");
    assert_eq!(rozsa.date().edtf(), "1951");
    assert_eq!(rozsa.date().precision(), DatePrecision::Year);
    assert_eq!(rozsa.sources()[0].outlet(), "Wikipedia");

    // The quotation in the media cell is the slide's text.
    let clarke = event(&t, "edith-clarke-bucking-the-trend");
    assert_eq!(clarke.date().edtf(), "1948-03-14");
    assert!(
        clarke
            .summary()
            .starts_with("There is no demand for women engineers")
    );
    assert!(clarke.sources().is_empty());
    assert_eq!(clarke.status(), Status::Occurred);
    assert_eq!(clarke.quotes().len(), 0);
}

#[test]
fn eras_are_parents_with_part_of_links() {
    let t = load("eras.json");
    assert_eq!(t.title(), Some("Eras Test"));
    let era = event(&t, "era-test-600-650");
    assert_eq!(era.status(), Status::Ongoing);
    assert_eq!(era.date().edtf(), "0600/0650");
    let war = event(&t, "last-great-roman-persian-war");
    assert_eq!(war.date().edtf(), "0602/0629");
    let parents: Vec<(&str, LinkKind)> = war
        .links()
        .iter()
        .map(|l| (t.event(l.other).id(), l.kind))
        .collect();
    assert_eq!(parents, [("era-test-600-650", LinkKind::PartOf)]);
    assert_eq!(
        event(&t, "muhammad-migrates-from-mecca-to-medina")
            .date()
            .edtf(),
        "0622-08-09/0622-08-23"
    );
    assert_eq!(era.backlinks().len(), 12);
}

#[test]
fn cosmological_years_are_skipped_rows_that_say_why() {
    let t = load("cosmo.json");
    assert_eq!(t.title(), Some("Cosmological Scale Timeline"));
    assert_eq!(t.len(), 1);
    let wheel = event(&t, "oldest-known-depiction-of-a-wheeled-vehicle");
    // TimelineJS -3500 is 3500 BC: astronomical -3499.
    assert_eq!(wheel.date().edtf(), "-3499");
    assert_eq!(wheel.date().human(), "3500 BC");
    let report = t.import_report();
    assert_eq!((report.rows, report.skipped_total), (8, 6));
    let first = &report.skipped[0];
    assert!(
        first.contains("cosmo.json:16:1: 'The Big Bang': start year -13800000000 is beyond"),
        "{first}"
    );
    assert!(
        report
            .summary()
            .unwrap()
            .starts_with("loaded 2 of 8 rows; 6 skipped")
    );
}

#[test]
fn legacy_timelinejs2_is_read() {
    let t = load("example-timelinejs2.json");
    assert_eq!(t.title(), Some("Elizabeth Taylor 1932-2011"));
    // One slide ends (1960-02-15, written 196002152034) before it starts.
    assert_eq!(t.len(), 27);
    let report = t.import_report();
    assert_eq!((report.rows, report.skipped_total), (29, 1));
    assert!(
        report.skipped[0].contains("event 'stars-in-butterfield-8': date: '1961-01-01/1960-02-15'"),
        "{:?}",
        report.skipped
    );
    let dies = event(&t, "elizabeth-taylor-dies-in-los-angeles");
    assert_eq!(dies.date().edtf(), "2011-03-23");
    assert_eq!(dies.topics().collect::<Vec<_>>(), ["Personal life"]);
    assert_eq!(dies.sources()[0].url(), Some("examples/taylor/final.jpg"));
    let hilton = event(&t, "marriage-to-conrad-hilton-jr");
    assert_eq!(hilton.date().edtf(), "1950-05-06/1951-01-29");
    let kennedy = event(&t, "receives-kennedy-center-honor");
    assert_eq!(
        kennedy.topics().collect::<Vec<_>>(),
        ["Personal life", "Career"]
    );
    assert_eq!(
        kennedy.sources()[0].outlet(),
        "Robin Weiner/Associated Press"
    );
}

#[test]
fn houston_title_and_html_headline() {
    let t = load("houston_timeline3.json");
    assert_eq!(t.title(), Some("Whitney Houston 1963 - 2012"));
    let born = event(&t, "a-musical-heritage");
    assert_eq!(born.date().edtf(), "1963-08-09");
    assert_eq!(t.len(), 18);
    assert_eq!(t.import_report().skipped_total, 0);
}

#[test]
fn a_directory_mixing_timelinejs_with_native_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("women_in_computing.csv"), dir.path().join("w.csv")).unwrap();
    std::fs::copy(fixture("eras.json"), dir.path().join("eras.json")).unwrap();
    std::fs::write(
        dir.path().join("own.jsonl"),
        "{\"event\": {\"id\": \"own\", \"title\": \"Own event\", \"date\": \"-0043-03-15\"}}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not read").unwrap();
    let t = load_path(dir.path()).unwrap();
    assert_eq!(t.len(), 1 + 10 + 23);
    assert_eq!(t.event(0).id(), "own");
    assert_eq!(t.event(0).date().human(), "Fri 15 Mar 44 BC");
}

fn dateline() -> Command {
    Command::cargo_bin("dateline").expect("binary builds")
}

#[test]
fn cli_lists_shows_and_checks() {
    dateline()
        .arg("list")
        .arg(fixture("women_in_computing.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains("Jul 1943 – 1946"))
        .stdout(predicate::str::contains("rózsa-péter-writes-recursion"));
    dateline()
        .args(["list", "--json"])
        .arg(fixture("eras.json"))
        .assert()
        .success()
        .stdout(predicate::str::contains("\"era-test-600-650\""));
    dateline()
        .args(["show", "ada-lovelace"])
        .arg(fixture("women_in_computing.json"))
        .assert()
        .success()
        .stdout(predicate::str::contains("1815-12-10/1852-11-27"));
    dateline()
        .arg("check")
        .arg(fixture("women_in_computing.json"))
        .assert()
        .success()
        .stdout(predicate::str::contains("10 events"));
    // Years before 1 are typed as EDTF writes them.
    dateline()
        .args(["list", "--from", "-0700", "--to", "0650"])
        .arg(fixture("eras.json"))
        .assert()
        .success()
        .stdout(predicate::str::contains("last-great-roman-persian-war"))
        .stdout(predicate::str::contains("battle-of-nineveh"));
}
