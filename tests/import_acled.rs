//! ACLED exports through the loader and the CLI: the two real version-5
//! samples (with and without a header) and synthetic rows in the current
//! layout.

use assert_cmd::Command;
use dateline::load::{ImportOptions, InputFormat, LoadOptions, load_path, load_path_with};
use dateline::model::{Timeline, country};
use std::path::Path;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/acled")
        .join(name)
}

fn load(name: &str) -> Timeline {
    load_path(&fixture(name)).expect("loads")
}

fn dateline() -> Command {
    Command::cargo_bin("dateline").expect("binary builds")
}

#[test]
fn the_version_5_sample_with_a_header() {
    let t = load("acled-v5-test.csv");
    assert_eq!(t.len(), 1);
    let e = t.event(t.find_event("1ALG").unwrap());
    assert_eq!(e.date().edtf(), "1997-01-02");
    assert_eq!(
        e.title(),
        "Violence against civilians in Blida: GIA: Armed Islamic Group → Civilians (Algeria)"
    );
    assert!(
        e.summary()
            .starts_with("4 January: 16 citizens were murdered")
    );
    assert!(e.summary().ends_with("Fatalities (ACLED): 16."));
    assert_eq!(e.place(), "Blida");
    assert_eq!(e.place_country().map(country::code), Some("DZ"));
    let topics: Vec<&str> = e.topics().collect();
    assert_eq!(topics, ["Violence against civilians", "fatalities"]);
    let sources = e.sources();
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].outlet(), "www.algeria-watch.org");
    assert!(!sources[0].has_text() && sources[0].url().is_none());
    let roles: Vec<(&str, &str, &str)> = e
        .actors()
        .iter()
        .map(|a| {
            let actor = t.actor(a.actor);
            (actor.id(), actor.title(), t.role_name(a.role))
        })
        .collect();
    assert_eq!(
        roles,
        [
            ("gia-armed-islamic-group", "Rebel group", "actor1"),
            ("civilians-algeria", "Civilians", "actor2")
        ]
    );
    assert_eq!(
        t.actor(e.actors()[1].actor).country_code(),
        Some("DZ"),
        "Civilians (Algeria) belong to Algeria"
    );
}

#[test]
fn the_header_less_version_5_sample() {
    let t = load("acled-v5-small-noheader.csv");
    assert_eq!(t.len(), 3);
    assert_eq!(t.import_report().rows, 3);
    let e = t.event(t.find_event("20MOR").unwrap());
    assert_eq!(
        e.date().edtf(),
        "1997-12",
        "time precision 3 keeps the month"
    );
    assert!(e.date_origin().unwrap().contains("time precision 3"));
    assert_eq!(e.actors().len(), 1, "an empty ACTOR2 is no actor");
    assert_eq!(e.place(), "Mohammedia, Grand Casablanca");
    let e = t.event(t.find_event("198MOR").unwrap());
    assert_eq!(e.date().edtf(), "2008-01-19");
    let roles: Vec<&str> = e.actors().iter().map(|a| t.role_name(a.role)).collect();
    assert_eq!(
        roles,
        ["actor1", "actor2", "associated with Rioters (Morocco)"]
    );
    assert!(e.summary().contains("the \"serious\" problems"));
    let police = t.actor(e.actors()[0].actor);
    assert_eq!(
        (police.kind().as_str(), police.country_code()),
        ("organisation", Some("MA"))
    );
}

#[test]
fn the_current_layout_with_precisions_and_related_rows() {
    let t = load("acled-current-synthetic.csv");
    assert_eq!(t.len(), 4);
    let date = |id: &str| t.event(t.find_event(id).unwrap()).date().edtf();
    assert_eq!(date("SYN101"), "2024-03-09");
    assert_eq!(date("SYN102"), "2024-03-10~");
    assert_eq!(date("SYN104"), "2024-03");
    let e = t.event(t.find_event("SYN101").unwrap());
    let outlets: Vec<&str> = e.sources().iter().map(|s| s.outlet()).collect();
    assert_eq!(outlets, ["Daily Example", "Radio Sample"]);
    assert_eq!(e.actors().len(), 4);
    // One report split over two places: linked as related.
    let a = t.event(t.find_event("SYN102").unwrap());
    let b = t.find_event("SYN103").unwrap();
    assert!(a.is_linked_to(b));
    let topics: Vec<&str> = a.topics().collect();
    assert_eq!(
        topics,
        [
            "Protests",
            "Peaceful protest",
            "Demonstrations",
            "crowd size=no report"
        ]
    );
}

#[test]
fn bad_rows_are_skipped_and_named() {
    let t = load("acled-bad-rows.csv");
    assert_eq!(t.len(), 1);
    let report = t.import_report();
    assert_eq!((report.rows, report.skipped_total), (4, 3));
    assert!(report.skipped[0].ends_with("acled-bad-rows.csv:3:1: event_id_cnty is empty"));
    assert!(report.skipped[1].contains(":4:1: event_date '31/02/2024' is not a real calendar day"));
    assert!(report.skipped[2].contains(":5:1: duplicate event id 'BAD1'"));
    let summary = report.summary().unwrap();
    assert!(
        summary.starts_with("loaded 1 of 4 rows; 3 skipped:"),
        "{summary}"
    );
}

#[test]
fn a_file_forced_to_acled_that_is_not_gets_one_message() {
    let import = ImportOptions {
        format: Some(InputFormat::Acled),
        ..ImportOptions::default()
    };
    let opts = LoadOptions {
        import: Some(&import),
        ..LoadOptions::default()
    };
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/csv/spreadsheet.csv");
    let err = load_path_with(&path, opts).unwrap_err().to_string();
    assert!(
        err.contains("spreadsheet.csv:1:1: is not an ACLED export"),
        "{err}"
    );
}

#[test]
fn the_cli_lists_and_checks_acled_files() {
    let out = dateline()
        .arg("list")
        .arg(fixture("acled-v5-small-noheader.csv"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().find(|w| w.ends_with("MOR")))
        .collect();
    assert_eq!(ids, ["20MOR", "198MOR", "475MOR"]);
    assert!(text.contains("Dec 1997"));
    dateline()
        .arg("check")
        .arg(fixture("acled-v5-test.csv"))
        .assert()
        .success()
        .stdout(predicates::str::contains("ok: 1 event,"));
    dateline()
        .arg("check")
        .arg(fixture("acled-current-synthetic.csv"))
        .assert()
        .success()
        .stdout(predicates::str::contains("ok: 4 events"));
}
