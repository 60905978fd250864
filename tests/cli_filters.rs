//! The filter flags beyond actor and country (topic, status, place,
//! `--within`, word search), the errors list and the browser share, and
//! the small things `check` and `gen` say.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn dateline() -> Command {
    Command::cargo_bin("dateline").unwrap()
}

fn count(args: &[&str]) -> usize {
    let out = dateline()
        .arg("list")
        .args(args)
        .arg("--count")
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn topic_status_and_place_filter() {
    assert_eq!(count(&["--topic", "peace talks"]), 4);
    assert_eq!(count(&["--topic", "Peace-Talks"]), 4, "folded like names");
    assert_eq!(count(&["--status", "scheduled"]), 6);
    assert_eq!(count(&["--status", "scheduled", "--status", "expected"]), 7);
    assert_eq!(count(&["--place", "paris"]), 4);
    // Different kinds must all hold.
    assert_eq!(count(&["--place", "Paris", "--status", "occurred"]), 0);
    dateline()
        .args(["list", "--topic", "ceasfire"])
        .assert()
        .code(1)
        .stderr("dateline: no topic matches 'ceasfire'; did you mean ceasefire?\n");
    dateline()
        .args(["list", "--status", "done"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no status 'done' (occurred, scheduled, expected, ongoing or cancelled)",
        ));
    dateline()
        .args(["list", "--place", "Atlantis"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no place matches 'Atlantis'"));
}

#[test]
fn within_keeps_only_events_certainly_in_the_range() {
    let can = count(&["--from", "2025-03", "--to", "2025-04"]);
    let certain = count(&["--from", "2025-03", "--to", "2025-04", "--within"]);
    assert_eq!(can, 22);
    assert!(certain < can && certain > 0, "{certain}");
    let out = dateline()
        .args(["list", "--from", "2025-03", "--to", "2025-04", "--within"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains("before"),
        "open dates are never certain:\n{text}"
    );
}

#[test]
fn a_reversed_range_is_rejected_as_the_browser_rejects_it() {
    dateline()
        .args(["list", "--from", "2025-05", "--to", "2025-03"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("dateline: the range ends before it starts (2025-05 is after 2025-03)\n");
}

#[test]
fn search_takes_every_word_in_any_order_accents_aside() {
    assert_eq!(count(&["--search", "Witkoff Putin"]), 1);
    assert_eq!(count(&["--search", "putin witkoff"]), 1);
    assert_eq!(
        count(&["--search", "peace talks"]),
        4,
        "topics are searched"
    );
    assert_eq!(count(&["--search", "Noël"]), 1, "Jean-Noel Barrot");
    assert_eq!(count(&["--search", "italy"]), count(&["--search", "ITALY"]));
}

#[test]
fn check_on_a_timeline_without_events() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.json");
    fs::write(
        &path,
        r#"{"dateline": 1, "sources": [{"id": "s", "outlet": "o", "title": "t",
            "published": "2025-04-16", "text": "Nothing happened."}], "events": []}"#,
    )
    .unwrap();
    dateline()
        .arg("check")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::is_match(
            r"^ok, but the timeline has no events: 0 actors, 1 source, 0 links, 0 quotes \(in memory: [0-9.]+ MB\)\n$",
        ).unwrap());
}

#[test]
fn gen_scales_actors_with_events() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.jsonl");
    let out = dateline().args(["gen", "--events", "3"]).output().unwrap();
    fs::write(&path, &out.stdout).unwrap();
    dateline()
        .arg("check")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: 3 events, 3 actors"));
}

#[test]
fn a_timeline_moved_away_from_its_sources_gives_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("moved.json");
    fs::copy("data/rubio-witkoff-paris.json", &path).unwrap();
    let out = dateline().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(err.contains("cannot read text file"), "{err}");
    assert!(err.contains("moved away from its text files"), "{err}");
    assert!(err.ends_with("1 problem found\n"), "{err}");
}
