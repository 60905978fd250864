//! `dateline dates` and `dateline ingest` from the command line.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn dateline() -> Command {
    Command::cargo_bin("dateline").expect("binary builds")
}

const ARTICLE: &str = "data/sources/2025-04-16-rubio-witkoff-paris.txt";

#[test]
fn dates_prints_json_lines_with_derivations() {
    let out = dateline()
        .args(["dates", ARTICLE, "--published", "2025-04-16", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let friday = rows.iter().find(|r| r["text"] == "last Friday").unwrap();
    assert_eq!(friday["value"], "2025-04-11");
    assert_eq!(friday["rule"], "weekday-before:fri");
    assert_eq!(friday["precision"], "day");
    assert_eq!(friday["anchor"]["from"], "published");
    let text: Vec<char> = fs::read_to_string(ARTICLE).unwrap().chars().collect();
    let (s, e) = (
        friday["start"].as_u64().unwrap() as usize,
        friday["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(text[s..e].iter().collect::<String>(), "last Friday");
    let duration = rows.iter().find(|r| r["type"] == "DURATION").unwrap();
    assert!(duration.get("rule").is_none() && duration.get("date").is_none());
}

#[test]
fn dates_reads_standard_input_and_skips_the_dateline() {
    dateline()
        .args(["dates", "-", "--published", "2008-03-06"])
        .write_stdin("Headline\nMarch 6, 2008\nThe plane crashed on Thursday.")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("2008-03-06").and(predicate::str::contains("March 6").not()),
        );
}

#[test]
fn dates_refuses_bad_input_clearly() {
    let cases: [(&[&str], &[u8], &str); 4] = [
        (
            &["dates", "--published", "2025-02-30"],
            b"today",
            "not a real calendar day",
        ),
        (
            &["dates", "--published", "16.04.2025"],
            b"today",
            "expected a day as YYYY-MM-DD",
        ),
        (
            &["dates", "--published", "2025-04-16"],
            b"",
            "the text is empty",
        ),
        (
            &["dates", "--published", "2025-04-16"],
            b"ok\n\xff",
            "not UTF-8 text (invalid byte at line 2, column 1)",
        ),
    ];
    for (args, input, message) in cases {
        dateline()
            .args(args)
            .write_stdin(input)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(message));
    }
    dateline()
        .args(["dates", "-"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--published"));
}

#[test]
fn ingest_drafts_a_timeline_that_checks() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("out/draft.json");
    dateline()
        .args([
            "ingest",
            ARTICLE,
            "--published",
            "2025-04-16",
            "--outlet",
            "Wire",
            "-o",
        ])
        .arg(&draft)
        .assert()
        .success()
        .stdout(predicate::str::contains("events"));
    assert!(
        dir.path()
            .join("out/sources/2025-04-16-rubio-witkoff-paris.txt")
            .exists()
    );
    dateline().arg("check").arg(&draft).assert().success();
    let out = dateline()
        .arg("list")
        .arg(&draft)
        .arg("--json")
        .output()
        .unwrap();
    let events: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let friday = events.iter().find(|e| e["date"] == "2025-04-11").unwrap();
    assert_eq!(friday["status"], "occurred");
    assert!(
        friday["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "putin")
    );
    let saturday = events.iter().find(|e| e["date"] == "2025-04-19").unwrap();
    assert_eq!(saturday["status"], "expected");
}

#[test]
fn ingest_reuses_actor_ids_and_writes_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.jsonl");
    dateline()
        .args([
            "ingest",
            ARTICLE,
            "--published",
            "2025-04-16",
            "--actors",
            "data/rubio-witkoff-paris.json",
            "-o",
        ])
        .arg(&draft)
        .assert()
        .success();
    let text = fs::read_to_string(&draft).unwrap();
    assert!(
        text.lines()
            .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
    );
    // "Witkoff" is "witkoff" there, and "Mr Macron's office" stays the timeline's
    dateline()
        .arg("list")
        .arg(&draft)
        .args(["--actor", "witkoff", "--count"])
        .assert()
        .success()
        .stdout(predicate::str::is_match("^[1-9][0-9]*\n$").unwrap());
}

#[test]
fn ingest_refuses_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "  \n").unwrap();
    dateline()
        .args(["ingest", "--published", "2025-04-16", "-o"])
        .arg(dir.path().join("d.json"))
        .arg(&empty)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the text is empty"));
    dateline()
        .args(["ingest", ARTICLE, "--published", "2025-04-16", "-o"])
        .arg(dir.path().join("d.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("must end in .json or .jsonl"));
}
