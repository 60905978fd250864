//! `dateline export`: the command line, files written safely, and round
//! trips: JSON Lines through the native loader; TimelineJS, iCalendar and
//! CSV through the importers, which read these formats back.

use assert_cmd::Command;
use dateline::load::load_path;
use dateline::model::Timeline;
use predicates::prelude::*;
use std::fs;
use std::path::Path;

fn dateline() -> Command {
    Command::cargo_bin("dateline").expect("binary builds")
}

const HOSTILE: &str = "tests/good/hostile-export.json";

/// Writes an export of the built-in timeline (or `input`) to `name` in a
/// temporary directory and returns both.
fn export_to(
    format: &str,
    input: Option<&str>,
    name: &str,
) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(name);
    let mut cmd = dateline();
    cmd.arg("export");
    if let Some(input) = input {
        cmd.arg(input);
    }
    cmd.args(["--to", format, "-o"])
        .arg(&out)
        .assert()
        .success();
    (dir, out)
}

/// Each event as (EDTF date, title, status), sorted, to compare timelines
/// whatever ids an importer gives.
fn summary(t: &Timeline) -> Vec<(String, String, String)> {
    let mut rows: Vec<_> = (0..t.len() as u32)
        .map(|i| {
            let e = t.event(i);
            (
                e.date().edtf(),
                e.title().to_string(),
                e.status().as_str().to_string(),
            )
        })
        .collect();
    rows.sort();
    rows
}

fn builtin() -> Timeline {
    dateline::load::load_builtin().unwrap()
}

#[test]
fn writes_each_format_to_standard_output() {
    for (format, start) in [
        ("timelinejs", "{"),
        ("ics", "BEGIN:VCALENDAR\r\n"),
        ("csv", "id,title,date,"),
        ("markdown", "# Chronology\n"),
        ("jsonl", "{\"dateline\":2}\n"),
    ] {
        dateline()
            .args(["export", "--to", format, "--country", "FR"])
            .assert()
            .success()
            .stdout(predicate::str::starts_with(start));
    }
}

#[test]
fn takes_the_same_filters_as_list() {
    let listed = dateline()
        .args(["list", "--country", "FR", "--from", "2025-04-17", "--count"])
        .output()
        .unwrap();
    let count: usize = String::from_utf8_lossy(&listed.stdout)
        .trim()
        .parse()
        .unwrap();
    let exported = dateline()
        .args([
            "export",
            "--to",
            "jsonl",
            "--country",
            "FR",
            "--from",
            "2025-04-17",
        ])
        .output()
        .unwrap();
    let events = String::from_utf8_lossy(&exported.stdout)
        .lines()
        .filter(|l| l.starts_with("{\"event\""))
        .count();
    assert_eq!(events, count);
    assert!(count > 0);
    // --until is the upper date bound here, since --to names the format.
    let listed = dateline()
        .args(["list", "--to", "2024", "--count"])
        .output()
        .unwrap();
    let count: usize = String::from_utf8_lossy(&listed.stdout)
        .trim()
        .parse()
        .unwrap();
    let exported = dateline()
        .args(["export", "--to", "csv", "--until", "2024"])
        .output()
        .unwrap();
    let rows = csv::Reader::from_reader(exported.stdout.as_slice())
        .records()
        .count();
    assert_eq!(rows, count);
    assert!(count > 0 && count < builtin().len());
}

#[test]
fn names_the_formats_when_given_an_unknown_one() {
    dateline()
        .args(["export", "--to", "pdf"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "expected one of timelinejs, ics, csv, markdown, jsonl",
        ));
}

#[test]
fn refuses_to_write_over_an_input_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.json");
    fs::copy(HOSTILE, &input).unwrap();
    let before = fs::read(&input).unwrap();
    dateline()
        .arg("export")
        .arg(&input)
        .args(["--to", "jsonl", "--force", "-o"])
        .arg(&input)
        .assert()
        .failure()
        .stderr(predicate::str::contains("is an input of this timeline"));
    assert_eq!(fs::read(&input).unwrap(), before);
}

#[test]
fn keeps_an_existing_file_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    fs::write(&out, "keep me").unwrap();
    dateline()
        .args(["export", "--to", "csv", "-o"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "exists (use --force to replace it)",
        ));
    assert_eq!(fs::read_to_string(&out).unwrap(), "keep me");
    dateline()
        .args(["export", "--to", "csv", "--force", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote 23 events to"));
    assert!(fs::read_to_string(&out).unwrap().starts_with("id,title"));
}

#[test]
fn says_what_a_format_could_not_take() {
    dateline()
        .args(["export", HOSTILE, "--to", "ics"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "2 events with open-ended dates left out",
        ));
    dateline()
        .args(["export", HOSTILE, "--to", "jsonl", "--search", "Same day"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "1 date derived from events outside the view keeps the anchor's day inline",
        ));
}

#[test]
fn json_lines_loads_on_its_own_with_the_same_events() {
    for (input, filter) in [
        (None, vec![]),
        (None, vec!["--actor", "putin"]),
        (None, vec!["--country", "FR"]),
        (Some(HOSTILE), vec![]),
        (Some(HOSTILE), vec!["--search", "Same day"]),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("view.jsonl");
        let mut cmd = dateline();
        cmd.arg("export");
        if let Some(i) = input {
            cmd.arg(i);
        }
        cmd.args(["--to", "jsonl", "-o"]).arg(&out).args(&filter);
        cmd.assert().success();
        let back = load_path(&out).unwrap_or_else(|e| panic!("{filter:?}: {e}"));
        // The same events, in full, as `list --json` prints them.
        let list = |path: Option<&Path>| {
            let mut cmd = dateline();
            cmd.arg("list");
            if let Some(p) = path {
                cmd.arg(p);
            }
            cmd.args(&filter).arg("--json");
            String::from_utf8(cmd.output().unwrap().stdout).unwrap()
        };
        let original = list(input.map(Path::new));
        let reloaded = list(Some(&out));
        // Links that left the view are gone; everything else is the same.
        let strip = |s: &str| -> Vec<serde_json::Value> {
            s.lines()
                .map(|l| {
                    let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                    v["links"] = serde_json::Value::Null;
                    v
                })
                .collect()
        };
        assert_eq!(strip(&reloaded), strip(&original), "{filter:?}");
        assert_eq!(back.len(), original.lines().count());
    }
}

// Round trips through the importers: after they land, `load_path` finds the
// format from the content.

#[test]

fn timelinejs_round_trip_keeps_titles_dates_and_precisions() {
    for input in [None, Some(HOSTILE)] {
        let (_dir, out) = export_to("timelinejs", input, "view.json");
        let back = load_path(&out).unwrap_or_else(|e| panic!("{e}"));
        let original = match input {
            None => builtin(),
            Some(p) => load_path(Path::new(p)).unwrap(),
        };
        let dates_and_titles = |t: &Timeline| {
            let mut rows: Vec<_> = summary(t).into_iter().map(|(d, t, _)| (d, t)).collect();
            rows.sort();
            rows
        };
        assert_eq!(dates_and_titles(&back), dates_and_titles(&original));
        for i in 0..original.len() as u32 {
            let e = original.event(i);
            let b = back.find_event(e.id()).expect("unique_id is the id");
            assert_eq!(
                back.event(b).date().precision(),
                e.date().precision(),
                "{}",
                e.id()
            );
        }
    }
}

#[test]

fn icalendar_round_trip_keeps_ids_dates_and_statuses() {
    for input in [None, Some(HOSTILE)] {
        let (_dir, out) = export_to("ics", input, "view.ics");
        let back = load_path(&out).unwrap_or_else(|e| panic!("{e}"));
        let original = match input {
            None => builtin(),
            Some(p) => load_path(Path::new(p)).unwrap(),
        };
        // Open-ended dates have no iCalendar form and are left out.
        let closed: Vec<_> = summary(&original)
            .into_iter()
            .filter(|(d, _, _)| !d.contains(".."))
            .collect();
        assert_eq!(summary(&back), closed);
        for i in 0..back.len() as u32 {
            let id = back.event(i).id();
            assert!(original.find_event(id).is_some(), "UID suffix kept: {id}");
        }
    }
}

#[test]

fn csv_round_trip_keeps_titles_dates_and_statuses() {
    for input in [None, Some(HOSTILE)] {
        let (_dir, out) = export_to("csv", input, "view.csv");
        let back = load_path(&out).unwrap_or_else(|e| panic!("{e}"));
        let original = match input {
            None => builtin(),
            Some(p) => load_path(Path::new(p)).unwrap(),
        };
        let strip = |rows: Vec<(String, String, String)>| -> Vec<(String, String)> {
            // A formula-like title is written with a leading apostrophe.
            rows.into_iter()
                .map(|(d, t, _)| (d, t.trim_start_matches('\'').to_string()))
                .collect()
        };
        assert_eq!(strip(summary(&back)), strip(summary(&original)));
    }
}
