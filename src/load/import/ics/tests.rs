//! Each mapping rule and each bad-row case, on calendars held in strings.

use crate::load::builder::Builder;
use crate::load::import::{ImportOptions, InputFormat};
use crate::load::{LoadError, LoadOptions};
use crate::model::{LinkKind, Status, Timeline};
use chrono::NaiveDate;

fn load_until(events: &str, until: Option<NaiveDate>) -> Result<Timeline, LoadError> {
    let text = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Desk\r\n{}END:VCALENDAR\r\n",
        events.replace('\n', "\r\n")
    );
    let mut b = Builder::new();
    let file = b.add_file("t.ics");
    let io = ImportOptions {
        recur_until: until,
        ..ImportOptions::default()
    };
    let opts = LoadOptions {
        import: Some(&io),
        ..LoadOptions::default()
    };
    crate::load::import::read(
        &mut b,
        file,
        InputFormat::Ics,
        crate::load::import::Input::Bytes(text.as_bytes()),
        opts,
    )?;
    b.finish()
}

fn load(events: &str) -> Timeline {
    load_until(events, None).unwrap_or_else(|e| panic!("{e}"))
}

fn vevent(lines: &str) -> String {
    format!("BEGIN:VEVENT\n{lines}\nEND:VEVENT\n")
}

/// (id, edtf date, status, date origin) of every event, in time order.
fn rows(t: &Timeline) -> Vec<(String, String, Status, String)> {
    (0..t.len() as u32)
        .map(|i| {
            let e = t.event(i);
            let origin = e.date_origin().unwrap_or("").to_string();
            (e.id().to_string(), e.date().edtf(), e.status(), origin)
        })
        .collect()
}

fn one(t: &Timeline) -> (String, String, Status, String) {
    let r = rows(t);
    assert_eq!(r.len(), 1, "{r:?}");
    r.into_iter().next().unwrap_or_default()
}

#[test]
fn all_day_dtend_is_exclusive() {
    let t = load(&vevent(
        "UID:a\nDTSTART;VALUE=DATE:20250411\nDTEND;VALUE=DATE:20250412\nSUMMARY:One day",
    ));
    let (id, date, status, origin) = one(&t);
    assert_eq!((id.as_str(), date.as_str()), ("a", "2025-04-11"));
    assert_eq!(status, Status::Scheduled);
    assert_eq!(origin, "calendar: all day");
    assert_eq!(t.title(), Some("Desk"));
    let t = load(&vevent(
        "UID:b\nDTSTART;VALUE=DATE:20250417\nDTEND;VALUE=DATE:20250421\nSUMMARY:Four days",
    ));
    assert_eq!(one(&t).1, "2025-04-17/2025-04-20");
    let t = load(&vevent(
        "UID:c\nDTSTART;VALUE=DATE:20250417\nDURATION:P1W\nSUMMARY:A week",
    ));
    assert_eq!(one(&t).1, "2025-04-17/2025-04-23");
}

#[test]
fn timed_events_keep_the_day_and_say_the_time() {
    let t = load(&vevent(
        "UID:p\nDTSTART;TZID=Europe/Paris:20250411T140000\nDTEND;TZID=Europe/Paris:20250411T153000\nSUMMARY:x",
    ));
    assert_eq!(one(&t).1, "2025-04-11");
    assert_eq!(one(&t).3, "calendar: 14:00–15:30 Europe/Paris");
    // UTC: the UTC day, unless the calendar names its zone.
    let t = load(&vevent(
        "UID:z\nDTSTART:20250411T233000Z\nDURATION:PT1H\nSUMMARY:x",
    ));
    assert_eq!(one(&t).1, "2025-04-11/2025-04-12");
    assert_eq!(
        one(&t).3,
        "calendar: 2025-04-11 23:30 – 2025-04-12 00:30 UTC"
    );
    let t = load(&format!(
        "X-WR-TIMEZONE:Europe/Paris\n{}",
        vevent("UID:z\nDTSTART:20250411T233000Z\nSUMMARY:x")
    ));
    assert_eq!(one(&t).1, "2025-04-12");
    assert_eq!(one(&t).3, "calendar: 01:30 Europe/Paris (given in UTC)");
    let t = load(&vevent(
        "UID:f\nDTSTART:20250411T220000\nDTEND:20250412T000000\nSUMMARY:x",
    ));
    assert_eq!(
        one(&t).1,
        "2025-04-11",
        "an end at midnight ends the day before"
    );
    assert_eq!(
        one(&t).3,
        "calendar: 2025-04-11 22:00 – 2025-04-12 00:00 floating time (no zone)"
    );
}

#[test]
fn calendars_joined_in_one_file_are_all_read() {
    let t = load(&format!(
        "{}END:VCALENDAR\nBEGIN:VCALENDAR\n{}",
        vevent("UID:a\nDTSTART:20250101\nSUMMARY:x"),
        vevent("UID:b\nDTSTART:20250102\nSUMMARY:y")
    ));
    assert_eq!(t.len(), 2);
}

#[test]
fn statuses() {
    let status = |s: &str| {
        one(&load(&vevent(&format!(
            "UID:s\nDTSTART:20990101\nSUMMARY:x\n{s}"
        ))))
        .2
    };
    assert_eq!(status("STATUS:TENTATIVE"), Status::Expected);
    assert_eq!(status("STATUS:CONFIRMED"), Status::Scheduled);
    assert_eq!(status("STATUS:CANCELLED"), Status::Cancelled);
    assert_eq!(status("DTSTAMP:20250101T000000Z"), Status::Scheduled);
    assert_eq!(
        status("X-DATELINE-STATUS:ongoing\nSTATUS:CONFIRMED"),
        Status::Ongoing
    );
    let t = load(&vevent(
        "UID:o\nDTSTART:20240101\nDTSTAMP:20250101T000000Z\nSUMMARY:x",
    ));
    assert_eq!(one(&t).2, Status::Occurred);
    assert!(
        one(&t)
            .3
            .ends_with("no STATUS: occurred, as it ended before DTSTAMP 2025-01-01")
    );
}

#[test]
fn the_dateline_export_round_trips() {
    let t = load(&vevent(
        "UID:paris-talks@dateline\nDTSTART:20250417\nSUMMARY:x\nX-DATELINE-EDTF:2025-04~\nX-DATELINE-STATUS:occurred",
    ));
    let (id, date, status, origin) = one(&t);
    assert_eq!(
        (id.as_str(), date.as_str(), status),
        ("paris-talks", "2025-04~", Status::Occurred)
    );
    assert_eq!(origin, "");
}

#[test]
fn text_fields_people_places_and_links() {
    let t = load(&vevent(concat!(
        "UID:Meeting 7@example.org\nDTSTART:20250411\nSUMMARY:Budget\\, again\n",
        "DESCRIPTION:Line one\\nLine two\\; C:\\\\x\nLOCATION:Room 1\\, HQ\n",
        "CATEGORIES:War\\, peace,Economy\nCATEGORIES:Economy,Health\n",
        "ORGANIZER;CN=\"Ruiz, Ana\":MAILTO:ana.ruiz@example.org\n",
        "ATTENDEE;ROLE=CHAIR;CN=Bo:mailto:bo@example.org\n",
        "ATTENDEE;CN=Ana again:mailto:ana.ruiz@example.org\n",
        "ATTENDEE;ROLE=OPT-PARTICIPANT:mailto:cy@example.org\n",
        "ATTENDEE;CUTYPE=ROOM;CN=Room 1:mailto:room1@example.org\n",
        "URL:https://www.example.org/m7",
    )));
    let e = t.event(0);
    assert_eq!(e.id(), "meeting-7-example-org");
    assert_eq!(e.title(), "Budget, again");
    assert_eq!(e.summary(), "Line one Line two; C:\\x");
    assert_eq!(e.place(), "Room 1, HQ");
    assert_eq!(
        e.topics().collect::<Vec<_>>(),
        ["War, peace", "Economy", "Health"]
    );
    let actors: Vec<_> = e
        .actors()
        .iter()
        .map(|a| {
            let actor = t.actor(a.actor);
            (actor.id(), actor.name(), t.role_name(a.role))
        })
        .collect();
    assert_eq!(
        actors,
        [
            ("ana-ruiz-example-org", "Ruiz, Ana", "organizer"),
            ("bo-example-org", "Bo", "chair"),
            ("cy-example-org", "cy@example.org", "optional attendee"),
        ]
    );
    let sources = e.sources();
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].url(), Some("https://www.example.org/m7"));
    assert_eq!(sources[0].outlet(), "example.org");
    assert!(!sources[0].has_text());
}

#[test]
fn weekly_rule_with_exdate_overrides_and_chain() {
    let t = load(concat!(
        "BEGIN:VEVENT\nUID:w\nDTSTART;TZID=America/New_York:20250107T093000\nDURATION:PT30M\n",
        "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20250204T143000Z\n",
        "EXDATE;TZID=America/New_York:20250114T093000\nSUMMARY:Briefing\nEND:VEVENT\n",
        "BEGIN:VEVENT\nUID:w\nRECURRENCE-ID:20250121T143000Z\n",
        "DTSTART;TZID=America/New_York:20250122T110000\nSUMMARY:Moved\nEND:VEVENT\n",
    ));
    let r = rows(&t);
    let ids: Vec<_> = r.iter().map(|r| (r.0.as_str(), r.1.as_str())).collect();
    assert_eq!(
        ids,
        [
            ("w-20250107", "2025-01-07"),
            ("w-20250121", "2025-01-22"),
            ("w-20250128", "2025-01-28"),
            ("w-20250204", "2025-02-04"),
        ]
    );
    assert_eq!(t.event(1).title(), "Moved");
    assert!(
        r[0].3
            .ends_with("; repeats FREQ=WEEKLY;BYDAY=TU;UNTIL=20250204T143000Z"),
        "{}",
        r[0].3
    );
    let links: Vec<_> = t
        .event(1)
        .links()
        .iter()
        .map(|l| (l.other, l.kind))
        .collect();
    assert_eq!(links, [(2, LinkKind::Related)]);
    assert_eq!(t.event(1).backlinks().len(), 1);
}

#[test]
fn the_window_defaults_to_two_years_and_follows_recur_until() {
    let daily = vevent("UID:d\nDTSTART;VALUE=DATE:20250101\nRRULE:FREQ=MONTHLY\nSUMMARY:x");
    assert_eq!(load(&daily).len(), 25);
    let until = NaiveDate::from_ymd_opt(2025, 3, 1);
    let t = load_until(&daily, until).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.len(), 3);
    let many = vevent("UID:m\nDTSTART:20250101T090000Z\nRRULE:FREQ=HOURLY;BYMINUTE=0\nSUMMARY:x");
    let t =
        load_until(&many, NaiveDate::from_ymd_opt(2030, 1, 1)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.len(), 1000);
    assert!(
        t.event(0)
            .date_origin()
            .unwrap_or("")
            .contains("the first 1000 instances")
    );
    // Several instances on one day get the time in their ids.
    assert!(t.find_event("m-20250101-100000").is_some());
    // DTSTART is an instance even where the rule would not produce it.
    let off =
        vevent("UID:o\nDTSTART:20250101\nRRULE:FREQ=MONTHLY;BYMONTHDAY=15;COUNT=2\nSUMMARY:x");
    let ids: Vec<_> = rows(&load(&off)).into_iter().map(|r| r.0).collect();
    assert_eq!(ids, ["o-20250101", "o-20250115", "o-20250215"]);
    let early = vevent(
        "UID:r\nDTSTART:20250110\nRRULE:FREQ=DAILY;COUNT=2\nRDATE;VALUE=DATE:20250105\nSUMMARY:x",
    );
    let ids: Vec<_> = rows(&load(&early)).into_iter().map(|r| r.0).collect();
    assert_eq!(ids, ["r-20250105", "r-20250110", "r-20250111"]);
    let bad = vevent("UID:b\nDTSTART:20250101\nRRULE:FREQ=SOMETIMES\nSUMMARY:x");
    let t = load(&bad);
    assert_eq!(one(&t).0, "b-20250101");
    assert!(one(&t).3.contains("RRULE not expanded"), "{}", one(&t).3);
}

#[test]
fn malformed_vevents_are_skipped_rows_naming_their_line() {
    let t = load(concat!(
        "BEGIN:VEVENT\nUID:ok\nDTSTART:20250101\nSUMMARY:fine\nEND:VEVENT\n",
        "BEGIN:VEVENT\nUID:a\nDTSTART:2025-01-02\nEND:VEVENT\n",
        "BEGIN:VEVENT\nUID:b\nSUMMARY:no start\nEND:VEVENT\n",
        "BEGIN:VEVENT\nUID:c\nno colon\nEND:VEVENT\n",
        "BEGIN:VEVENT\nUID:d\nDTSTART:20250101\nX-DATELINE-STATUS:maybe\nEND:VEVENT\n",
        "BEGIN:VEVENT\nUID:ok\nDTSTART:20250103\nEND:VEVENT\n",
        "BEGIN:VEVENT\nUID:e\nDTSTART:20250101\n",
    ));
    assert_eq!(t.len(), 1);
    let report = t.import_report();
    assert_eq!(report.rows, 7);
    assert_eq!(report.skipped_total, 6);
    let lines: Vec<&str> = report.skipped.iter().map(String::as_str).collect();
    assert_eq!(
        lines,
        [
            "t.ics:11:1: VEVENT: DTSTART '2025-01-02' is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)",
            "t.ics:13:1: VEVENT: VEVENT has no DTSTART",
            "t.ics:19:1: VEVENT from line 17: line 19 'no colon' is not a content line (NAME:value)",
            "t.ics:24:1: VEVENT: X-DATELINE-STATUS 'maybe' is not one of occurred, scheduled, expected, ongoing, cancelled",
            "t.ics:26:1: duplicate event id 'ok' (first in t.ics)",
            "t.ics:30:1: VEVENT from line 30: has no END:VEVENT (found END:VCALENDAR at line 33)",
        ]
    );
}

#[test]
fn what_is_not_a_calendar_gets_one_message() {
    let mut b = Builder::new();
    let file = b.add_file("notes.ics");
    let opts = LoadOptions::default();
    let text = "Meeting notes\nBEGIN:VEVENT\n";
    crate::load::import::read(
        &mut b,
        file,
        InputFormat::Ics,
        crate::load::import::Input::Bytes(text.as_bytes()),
        opts,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let err = b.finish().err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        err.starts_with("notes.ics:1:1: is not an iCalendar file: expected BEGIN:VCALENDAR first, found 'Meeting notes'"),
        "{err}"
    );
    let err = load_until("", None)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("holds no events"), "{err}");
}
