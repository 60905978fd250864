//! The command line as a script would use it.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn dateline() -> Command {
    Command::cargo_bin("dateline").expect("binary builds")
}

fn ids(output: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(output)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("JSON line")["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn check_summarises_the_seed_data() {
    dateline()
        .args(["check", "data"])
        .assert()
        .success()
        .stdout(
            predicate::str::is_match(
                r"^ok: 23 events, 28 actors, 1 source, \d+ links, \d+ quotes \(in memory: [0-9.]+ MB, \d+ bytes an event\)\n$",
            )
            .unwrap(),
        );
    dateline()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: 23 events"));
}

#[test]
fn list_by_actor_name_id_or_alias() {
    for who in [
        "putin",
        "Vladimir Putin",
        "russian president vladimir putin",
    ] {
        let out = dateline()
            .args(["list", "--json", "--actor", who])
            .output()
            .unwrap();
        assert!(out.status.success());
        assert_eq!(ids(&out.stdout), ["witkoff-putin-st-petersburg"], "{who}");
    }
}

#[test]
fn list_by_country_code_name_or_alias() {
    let expected = [
        "rubio-witkoff-paris-trip",
        "paris-talks",
        "macron-meeting",
        "barrot-talks",
    ];
    for c in ["FR", "fr", "France"] {
        let out = dateline()
            .args(["list", "--json", "--country", c])
            .output()
            .unwrap();
        assert_eq!(ids(&out.stdout), expected, "{c}");
    }
    let out = dateline()
        .args(["list", "--count", "--country", "Moscow"])
        .output()
        .unwrap();
    let russia = dateline()
        .args(["list", "--count", "--country", "RU"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, russia.stdout);
}

#[test]
fn repeated_flags_mean_any_and_kinds_combine_with_and() {
    let count = |args: &[&str]| -> usize {
        let out = dateline()
            .args(["list", "--count"])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
    };
    let putin = count(&["--actor", "putin"]);
    let meloni = count(&["--actor", "meloni"]);
    assert_eq!(
        count(&["--actor", "putin", "--actor", "meloni"]),
        putin + meloni
    );
    assert_eq!(count(&["--actor", "meloni", "--country", "IT"]), 2);
    assert_eq!(count(&["--actor", "meloni", "--country", "RU"]), 0);
}

#[test]
fn date_ranges_select_events_that_can_fall_inside() {
    let out = dateline()
        .args([
            "list",
            "--json",
            "--from",
            "2025-04-17",
            "--to",
            "2025-04-17",
        ])
        .output()
        .unwrap();
    let got = ids(&out.stdout);
    // Thursday's events, plus the week-long trip and Vance's visit that span it.
    for id in [
        "paris-talks",
        "macron-meeting",
        "meloni-white-house-visit",
        "vance-italy-visit",
        "rubio-witkoff-paris-trip",
    ] {
        assert!(got.contains(&id.to_string()), "{id} missing from {got:?}");
    }
    assert!(!got.contains(&"iran-talks-next-round".to_string()));
    let march = dateline()
        .args(["list", "--json", "--from", "2025-03", "--to", "2025-03"])
        .output()
        .unwrap();
    assert!(ids(&march.stdout).contains(&"energy-strike-halt".to_string()));
    // An open start ("before 16 Apr 2025") can fall in 2022; March 2025 cannot.
    let old = ids(&dateline()
        .args(["list", "--json", "--to", "2022"])
        .output()
        .unwrap()
        .stdout);
    assert_eq!(old.first().map(String::as_str), Some("russia-launches-war"));
    assert!(old.contains(&"saudi-arabia-rounds".to_string()));
    assert!(!old.contains(&"energy-strike-halt".to_string()));
}

#[test]
fn json_lines_carry_the_documented_fields() {
    let out = dateline()
        .args(["list", "--json", "--search", "last Friday"])
        .output()
        .unwrap();
    let line = String::from_utf8(out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    assert_eq!(v["id"], "witkoff-putin-st-petersburg");
    assert_eq!(v["earliest"], "2025-04-11");
    assert_eq!(v["latest"], "2025-04-11");
    assert_eq!(v["precision"], "day");
    assert_eq!(v["status"], "occurred");
    assert_eq!(v["actors"][1], "putin");
    assert_eq!(v["countries"][1], "RU");
    assert_eq!(v["place"], "St Petersburg");
    assert_eq!(v["links"][0]["kind"], "follows");
    assert_eq!(v["quotes"][0]["source"], "article-2025-04-16");
    let war = dateline()
        .args(["list", "--json", "--actor", "ukraine", "--to", "2022"])
        .output()
        .unwrap();
    let first = String::from_utf8(war.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(first.lines().next().unwrap()).unwrap();
    assert_eq!(v["earliest"], serde_json::Value::Null);
    assert_eq!(v["precision"], "before");
}

#[test]
fn table_is_aligned() {
    let out = dateline()
        .args(["list", "--country", "IT"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    let col = |l: &str| {
        l.find("scheduled")
            .or_else(|| l.find("STATUS"))
            .map(|b| l[..b].chars().count())
    };
    assert_eq!(col(lines[0]), col(lines[1]));
    assert_eq!(col(lines[1]), col(lines[2]));
}

#[test]
fn show_gives_derivation_quotes_and_backlinks() {
    dateline()
        .args(["show", "witkoff-putin-st-petersburg"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\"last Friday\" → Fri 11 Apr 2025 (article of Wed 16 Apr 2025",
        ))
        .stdout(predicate::str::contains(
            "«Mr Witkoff met last week with Russian President Vladimir Putin»",
        ))
        .stdout(predicate::str::contains("followed by ← paris-talks"));
    let out = dateline()
        .args(["show", "paris-talks", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["backlinks"].as_array().unwrap().len(), 4);
    assert_eq!(v["actor_roles"][0]["role"], "US delegation");
    dateline()
        .args(["show", "no-such-event"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no event with id 'no-such-event'"));
}

#[test]
fn actors_and_countries_count_events() {
    dateline()
        .args(["actors"])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"\n\s+8  russia\s").unwrap());
    dateline()
        .args(["countries"])
        .assert()
        .success()
        .stdout(predicate::str::contains("FR    France"));
}

#[test]
fn names_match_without_accents_and_misspellings_get_suggestions() {
    // The article writes "Jean-Noel Barrot".
    dateline()
        .args(["list", "--count", "--actor", "Jean-Noël Barrot"])
        .assert()
        .success()
        .stdout("1\n");
    dateline()
        .args(["list", "--actor", "barot"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no actor matches 'barot'; did you mean barrot (Jean-Noel Barrot)?",
        ));
    dateline()
        .args(["list", "--actor", "macro"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "did you mean macron (Emmanuel Macron) or macron-office (Office of the French President)?",
        ));
    dateline()
        .args(["list", "--country", "Frnace"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no country matches 'Frnace'; did you mean FR (France)?",
        ));
}

#[test]
fn show_names_the_ids_that_hold_an_unknown_one() {
    dateline()
        .args(["show", "paris"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no event with id 'paris'; ids with it: rubio-witkoff-paris-trip, paris-talks",
        ));
}

#[test]
fn unknown_filter_values_are_errors() {
    dateline()
        .args(["list", "--actor", "nobody"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no actor matches 'nobody'"));
    dateline()
        .args(["list", "--country", "XX"])
        .assert()
        .code(1);
    dateline()
        .args(["list", "--from", "2025-02-30"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a day, month or year"));
}

#[test]
fn broken_file_reports_every_problem_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    fs::write(
        &path,
        r#"{"dateline": 1, "events": [
  {"id": "a", "title": "A", "date": "2025-02-30", "actors": [{"id": "ghost"}]},
  {"id": "b", "title": "B", "date": "2025-04-01", "countries": ["XX"], "links": [{"to": "nowhere", "kind": "follows"}]}
]}"#,
    )
    .unwrap();
    let out = dateline().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    for needle in [
        "'2025-02-30' is not a real calendar date",
        "unknown actor 'ghost'",
        "unknown country code 'XX'",
        "unknown link target 'nowhere'",
        "4 problems found",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    assert!(err.contains("broken.json: event 'a'"));
    let syntax = dir.path().join("syntax.json");
    fs::write(&syntax, "{\"events\": [\n  {\"id\": \"a\",, }\n]}").unwrap();
    dateline()
        .arg("check")
        .arg(&syntax)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("syntax.json:2:14: "));
    dateline()
        .arg("list")
        .arg(dir.path().join("missing.json"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "missing.json: cannot read: No such file",
        ));
}

#[test]
fn browser_without_a_terminal_points_to_list() {
    dateline()
        .assert()
        .code(1)
        .stderr(predicate::str::contains("dateline list"));
}

#[test]
fn gen_output_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gen.jsonl");
    let out = dateline()
        .args(["gen", "--events", "2000", "--seed", "3"])
        .output()
        .unwrap();
    fs::write(&path, &out.stdout).unwrap();
    dateline()
        .arg("check")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: 2000 events, 20 actors"));
}

#[test]
fn help_has_examples() {
    dateline()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("dateline list --actor putin"));
}

/// A terminal title, a screen clear, a C1 CSI, a direction override and a
/// zero-width space: an argument no message may echo as it is.
const HOSTILE_ARG: &str = "\u{1b}]0;LEAK\u{7}\u{1b}[2J\u{9b}31m\u{202E}rev\u{200B}end";

fn assert_inert(text: &str) {
    for (i, c) in text.char_indices() {
        let live = c.is_control() && c != '\n'
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        assert!(!live, "U+{:04X} at byte {i} of {text:?}", c as u32);
    }
}

#[test]
fn usage_errors_echo_arguments_cleaned() {
    let flag = format!("--{HOSTILE_ARG}");
    for args in [
        vec!["gen", "--events", HOSTILE_ARG],
        vec!["list", "a", HOSTILE_ARG],
        vec![flag.as_str()],
    ] {
        let out = dateline().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_inert(&stderr);
        // The argument is still there to read, its controls made visible.
        assert!(stderr.contains("␛]0;LEAK␇␛[2J"), "{stderr}");
        assert!(stderr.starts_with("error:"), "{stderr}");
    }
}

#[test]
fn messages_about_files_and_values_are_cleaned() {
    let out = dateline().args(["check", HOSTILE_ARG]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_inert(&String::from_utf8(out.stderr).unwrap());
    let out = dateline()
        .args(["list", "--from", HOSTILE_ARG])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_inert(&String::from_utf8(out.stderr).unwrap());
}
