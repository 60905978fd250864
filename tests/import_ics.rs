//! iCalendar files open as they are: the fixtures in tests/fixtures/ics,
//! through the library and the command line, and arbitrary bytes read as
//! a calendar never panic.

use assert_cmd::Command;
use chrono::NaiveDate;
use dateline::load::{ImportOptions, InputFormat, LoadOptions, load_path, load_path_with};
use dateline::model::{ActorKind, LinkKind, Status, Timeline};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ics")
        .join(name)
}

fn load(name: &str) -> Timeline {
    load_path(&fixture(name)).unwrap_or_else(|e| panic!("{e}"))
}

/// The event's EDTF date, status and date origin.
fn event(t: &Timeline, id: &str) -> (String, Status, String) {
    let ix = t.find_event(id).unwrap_or_else(|| panic!("no event {id}"));
    let e = t.event(ix);
    let origin = e.date_origin().unwrap_or("").to_string();
    (e.date().edtf(), e.status(), origin)
}

fn actors(t: &Timeline, id: &str) -> Vec<(String, String, ActorKind, String)> {
    let e = t.event(t.find_event(id).unwrap_or_else(|| panic!("no event {id}")));
    e.actors()
        .iter()
        .map(|a| {
            let actor = t.actor(a.actor);
            (
                actor.id().to_string(),
                actor.name().to_string(),
                actor.kind(),
                t.role_name(a.role).to_string(),
            )
        })
        .collect()
}

#[test]
fn a_newsroom_calendar() {
    let t = load("newsroom-editorial.ics");
    assert_eq!(t.title(), Some("Northgate Courier editorial calendar"));
    assert_eq!(t.len(), 7);
    let budget = "budget-2026-northgate-courier-example";
    assert_eq!(
        event(&t, budget),
        (
            "2026-03-11".into(),
            Status::Scheduled,
            "calendar: all day".into()
        )
    );
    let e = t.event(t.find_event(budget).unwrap_or_default());
    assert_eq!(e.title(), "Spring budget statement");
    assert_eq!(
        e.summary(),
        "Chancellor presents the budget at 12:30. Live blog from 11:00; analysis desk on standby, graphics pre-built."
    );
    assert_eq!(e.place(), "House of Commons, London");
    assert_eq!(e.topics().collect::<Vec<_>>(), ["Politics", "Economy, tax"]);
    let people = |id: &str, name: &str, role: &str| {
        (
            format!("{id}-northgate-courier-example"),
            name.to_string(),
            ActorKind::Person,
            role.to_string(),
        )
    };
    // The room is not an actor.
    assert_eq!(
        actors(&t, budget),
        [
            people("ada-okafor", "Okafor, Ada", "organizer"),
            people("priya-raman", "Priya Raman", "chair"),
            people("tom-beck", "Tom Beck", "attendee"),
            people(
                "lena-fischer",
                "Lena Fischer",
                "optional attendee (declined)"
            ),
        ]
    );
    let sources = e.sources();
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].outlet(), "northgate-courier.example");
    assert!(!sources[0].has_text());

    let elections = "local-elections-2026-northgate-courier-example";
    assert_eq!(event(&t, elections).0, "2026-05-07/2026-05-09");
    assert_eq!(
        t.event(t.find_event(elections).unwrap_or_default())
            .topics()
            .collect::<Vec<_>>(),
        ["Politics", "Elections"]
    );
    let status = |id: &str| event(&t, &format!("{id}-northgate-courier-example")).1;
    assert_eq!(status("transport-strike-2026"), Status::Expected);
    assert_eq!(status("mayor-presser-2026"), Status::Cancelled);
    assert_eq!(status("harbour-reopening-2026"), Status::Scheduled);
    // No STATUS, and over before the calendar's DTSTAMP: it occurred.
    let flood = event(&t, "flood-anniversary-northgate-courier-example");
    assert_eq!(flood.0, "2026-02-14/2026-02-15");
    assert_eq!(flood.1, Status::Occurred);
    let flood_summary = t
        .event(
            t.find_event("flood-anniversary-northgate-courier-example")
                .unwrap_or_default(),
        )
        .summary();
    assert_eq!(
        flood_summary,
        "Archive photos in C:\\Archive\\1916; survivors' interviews."
    );
    // dateline's own export comes back as it was.
    assert_eq!(
        event(&t, "paris-talks"),
        ("2025-04-17~".into(), Status::Occurred, String::new())
    );
}

#[test]
fn a_conference_schedule_with_zones() {
    let t = load("conference-schedule.ics");
    assert_eq!(
        event(&t, "djf26-s01"),
        (
            "2026-06-09".into(),
            Status::Scheduled,
            "calendar: 14:00–15:30 Europe/Paris".into()
        )
    );
    // A VTIMEZONE's own TZID, known through its X-LIC-LOCATION; DURATION.
    assert_eq!(
        event(&t, "djf26-s02").2,
        "calendar: 16:30–17:15 Europe/Paris"
    );
    assert_eq!(
        event(&t, "djf26-s03"),
        (
            "2026-06-09/2026-06-10".into(),
            Status::Scheduled,
            "calendar: 2026-06-09 22:00 – 2026-06-10 01:30 Europe/Paris".into()
        )
    );
    assert_eq!(event(&t, "djf26-keynote").2, "calendar: 07:30–08:30 UTC");
    assert_eq!(
        event(&t, "djf26-s04").2,
        "calendar: 10:30–12:00 floating time (no zone)"
    );
    let group = actors(&t, "djf26-s01");
    assert_eq!(group[0].3, "organizer");
    assert_eq!(group[1].1, "Inès Moreau");
    assert_eq!(group[2].2, ActorKind::Group);
}

#[test]
fn a_weekly_briefing_expands_with_its_exceptions() {
    let t = load("weekly-briefing.ics");
    let briefings: Vec<(String, String, Status)> = (0..t.len() as u32)
        .map(|i| t.event(i))
        .filter(|e| e.id().starts_with("metro-briefing"))
        .map(|e| (e.id().to_string(), e.date().edtf(), e.status()))
        .collect();
    let row = |id: &str, date: &str, s| (format!("metro-briefing-{id}"), date.to_string(), s);
    assert_eq!(
        briefings,
        [
            row("20260106", "2026-01-06", Status::Scheduled),
            row("20260113", "2026-01-13", Status::Scheduled),
            // 20 and 27 January are EXDATEs.
            row("20260203", "2026-02-03", Status::Scheduled),
            // Moved to the Wednesday; its id keeps the day it replaces.
            row("20260210", "2026-02-11", Status::Scheduled),
            row("20260217", "2026-02-17", Status::Cancelled),
            // UNTIL is inclusive.
            row("20260224", "2026-02-24", Status::Scheduled),
        ]
    );
    let first = t.event(t.find_event("metro-briefing-20260106").unwrap_or_default());
    assert_eq!(
        first.date_origin(),
        Some(
            "calendar: 09:30–10:00 America/New_York; repeats FREQ=WEEKLY;BYDAY=TU;UNTIL=20260224T143000Z"
        )
    );
    let next = t.find_event("metro-briefing-20260113");
    assert_eq!(
        first
            .links()
            .iter()
            .map(|l| (Some(l.other), l.kind))
            .collect::<Vec<_>>(),
        [(next, LinkKind::Related)]
    );
    // A monthly all-day rule without an end: two years from its start.
    let monthly = (0..t.len() as u32)
        .filter(|&i| t.event(i).id().starts_with("budget-check-in-"))
        .count();
    assert_eq!(monthly, 25);
    assert_eq!(
        event(&t, "budget-check-in-20260102").1,
        Status::Occurred,
        "before the DTSTAMP of 2026-01-05"
    );
}

#[test]
fn recur_until_sets_the_window() {
    let io = ImportOptions {
        recur_until: NaiveDate::from_ymd_opt(2026, 3, 31),
        ..ImportOptions::default()
    };
    let opts = LoadOptions {
        import: Some(&io),
        ..LoadOptions::default()
    };
    let t = load_path_with(&fixture("weekly-briefing.ics"), opts).unwrap_or_else(|e| panic!("{e}"));
    let monthly: Vec<&str> = (0..t.len() as u32)
        .map(|i| t.event(i).id())
        .filter(|id| id.starts_with("budget-check-in-"))
        .collect();
    assert_eq!(
        monthly,
        [
            "budget-check-in-20260102",
            "budget-check-in-20260202",
            "budget-check-in-20260302"
        ]
    );
}

#[test]
fn a_thunderbird_file_with_lf_and_folds_inside_characters() {
    let t = load("thunderbird-static.ics");
    let id = "5e1c2a4f-9d3b-4c8e-a1f0-7b2d9e6c3a11";
    let e = t.event(t.find_event(id).unwrap_or_default());
    assert_eq!(
        e.title(),
        "Redaktionskonferenz: Überblick über die Berichterstattung zur Landtagswahl in Baden-Württemberg"
    );
    assert_eq!(
        e.summary(),
        "Themen A: Wahlkreise, Umfragen, Grafiken. Verantwortlich: Jürgen Müller; Vertretung: Zoë Äßling – bitte Rückmeldung bis Freitag."
    );
    assert_eq!(e.place(), "Großer Sitzungssaal");
    // The Mozilla path TZID names Europe/Berlin.
    assert_eq!(event(&t, id).2, "calendar: 10:00–11:30 Europe/Berlin");
    let daily: Vec<&str> = (0..t.len() as u32)
        .map(|i| t.event(i).id())
        .filter(|id| id.starts_with("b7f0c0de"))
        .collect();
    assert_eq!(daily.len(), 5, "COUNT=5: {daily:?}");
    assert_eq!(daily[4], "b7f0c0de-3e2a-41b9-9c55-0d6e2f1a8b22-20260313");
}

#[test]
fn broken_rows_are_skipped_and_named() {
    let t = load("broken-rows.ics");
    assert_eq!(t.len(), 1);
    let report = t.import_report();
    assert_eq!((report.rows, report.skipped_total), (7, 6));
    let path = fixture("broken-rows.ics").display().to_string();
    let expected = [
        ":11:1: VEVENT: DTSTART '2026-01-06' is not a date",
        ":14:1: VEVENT: VEVENT has no DTSTART",
        ":21:1: VEVENT from line 18: line 21 'this line lost its property name' is not a content line",
        ":27:1: VEVENT: DURATION 'one hour' is not a duration",
        ":30:1: duplicate event id 'good-one'",
        ":35:1: VEVENT from line 35: has no END:VEVENT (found END:VCALENDAR at line 39)",
    ];
    for (got, want) in report.skipped.iter().zip(expected) {
        assert!(
            got.starts_with(&format!("{path}{want}")),
            "{got}\n  wanted {want}"
        );
    }
    assert!(
        report
            .summary()
            .is_some_and(|s| s.starts_with("loaded 1 of 7 rows; 6 skipped: "))
    );
}

#[test]
fn a_file_read_as_ics_that_is_not_a_calendar() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("notes.ics");
    std::fs::write(&path, "Subject: planning\n\nBring the budget figures.\n").unwrap_or_default();
    let io = ImportOptions {
        format: Some(InputFormat::Ics),
        ..ImportOptions::default()
    };
    let opts = LoadOptions {
        import: Some(&io),
        ..LoadOptions::default()
    };
    let err = load_path_with(&path, opts)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("notes.ics:1:1: is not an iCalendar file: expected BEGIN:VCALENDAR first, found 'Subject:"),
        "{err}"
    );
    assert!(err.ends_with("1 problem found"), "{err}");
}

#[test]
fn a_directory_mixing_calendars_and_native_timelines() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for name in ["conference-schedule.ics", "thunderbird-static.ics"] {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap_or_default();
    }
    let native = r#"{"dateline": 1, "events": [{"id": "hand-made", "title": "Written by hand", "date": "2026-06-08"}]}"#;
    std::fs::write(dir.path().join("notes.json"), native).unwrap_or_default();
    std::fs::write(dir.path().join("README.txt"), "not read").unwrap_or_default();
    let t = load_path(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.len(), 5 + 6 + 1);
    assert!(t.find_event("hand-made").is_some());
    assert!(t.find_event("djf26-keynote").is_some());
}

#[test]
fn the_command_line_lists_and_shows_calendar_events() {
    let out = Command::cargo_bin("dateline")
        .unwrap_or_else(|e| panic!("{e}"))
        .arg("list")
        .arg(fixture("weekly-briefing.ics"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Wed 11 Feb 2026  scheduled  metro-briefing-20260210   Metro desk weekly briefing (moved to Wednesday)"), "{text}");
    assert!(
        text.contains("Tue 17 Feb 2026  cancelled  metro-briefing-20260217"),
        "{text}"
    );
    assert!(!text.contains("metro-briefing-20260120"), "{text}");

    let out = Command::cargo_bin("dateline")
        .unwrap_or_else(|e| panic!("{e}"))
        .args(["show", "djf26-s01"])
        .arg(fixture("conference-schedule.ics"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Inès Moreau (ines-moreau-djforum-example, person) — chair"),
        "{text}"
    );
    assert!(text.contains("topics    OSINT, Verification"), "{text}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_read_as_a_calendar_never_panic(
        body in proptest::collection::vec(any::<u8>(), 0..400),
        lines in proptest::collection::vec(calendar_line(), 0..24),
    ) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let io = ImportOptions {
            format: Some(InputFormat::Ics),
            recur_until: NaiveDate::from_ymd_opt(2027, 1, 1),
            ..ImportOptions::default()
        };
        let opts = LoadOptions { import: Some(&io), ..LoadOptions::default() };
        let raw = dir.path().join("raw.ics");
        std::fs::write(&raw, &body).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let _ = load_path_with(&raw, opts);
        // Plausible lines in random order reach deeper than random bytes.
        let mut text = b"BEGIN:VCALENDAR\r\n".to_vec();
        for l in &lines {
            text.extend_from_slice(l.as_bytes());
            text.extend_from_slice(b"\r\n");
        }
        text.extend_from_slice(&body);
        let shaped = dir.path().join("shaped.ics");
        std::fs::write(&shaped, &text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        if let Ok(t) = load_path_with(&shaped, opts) {
            let r = t.import_report();
            prop_assert!(r.skipped_total <= r.rows);
        }
    }
}

fn calendar_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("BEGIN:VEVENT".to_string()),
        Just("END:VEVENT".to_string()),
        Just("BEGIN:VALARM".to_string()),
        Just("END:VALARM".to_string()),
        Just("UID:x".to_string()),
        Just("UID:x@dateline".to_string()),
        Just("DTSTART;VALUE=DATE:20260105".to_string()),
        Just("DTSTART;TZID=Europe/Paris:20260329T023000".to_string()),
        Just("DTSTART:20260105T090000Z".to_string()),
        Just("DTEND;VALUE=DATE:20260101".to_string()),
        Just("DURATION:P1W".to_string()),
        Just("RRULE:FREQ=DAILY".to_string()),
        Just("RRULE:FREQ=MINUTELY;BYSECOND=0,30".to_string()),
        Just("RRULE:FREQ=WEEKLY;UNTIL=20250101".to_string()),
        Just("RECURRENCE-ID:20260106T090000Z".to_string()),
        Just("EXDATE:20260107T090000Z,bad".to_string()),
        Just("RDATE;VALUE=DATE:20260301".to_string()),
        Just("X-DATELINE-EDTF:2026-01~".to_string()),
        Just("STATUS:CANCELLED".to_string()),
        Just(" folded continuation".to_string()),
        "[A-Z-]{1,8}(;[A-Z]{1,4}=\"?[a-z:]{0,5}\"?)?:[ -~]{0,20}",
    ]
}

#[test]
fn cancelled_events_are_a_status_to_filter_by() {
    let out = assert_cmd::Command::cargo_bin("dateline")
        .unwrap()
        .args([
            "list",
            "tests/fixtures/ics/weekly-briefing.ics",
            "--status",
            "canceled",
            "--count",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let count: usize = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    assert!(count >= 1, "the briefing's cancelled week is found");
}
