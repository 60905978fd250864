use super::json::legacy_date;
use super::*;
use crate::load::InputFormat;
use crate::model::Timeline;
use crate::model::date::DatePrecision;

fn try_load(text: &str) -> Result<Timeline, LoadError> {
    let mut builder = Builder::new();
    let file = builder.add_file("t");
    crate::load::import::read(
        &mut builder,
        file,
        InputFormat::TimelineJs,
        crate::load::import::Input::Bytes(text.as_bytes()),
        LoadOptions::default(),
    )?;
    builder.finish()
}

fn load(text: &str) -> Timeline {
    match try_load(text) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    }
}

fn date_of(t: &Timeline, id: &str) -> String {
    let ix = t.find_event(id).unwrap_or_else(|| panic!("no event {id}"));
    t.event(ix).date().edtf()
}

fn event3(start: &str, end: &str) -> String {
    format!(
        r#"{{"events": [{{"start_date": {start}, "end_date": {end},
            "text": {{"headline": "E"}}}}]}}"#
    )
}

#[test]
fn dates_keep_the_precision_their_fields_give() {
    let cases = [
        (
            r#"{"year": 1815, "month": 12, "day": 10}"#,
            "null",
            "1815-12-10",
        ),
        (
            r#"{"year": "1948", "month": "3", "day": "14"}"#,
            "null",
            "1948-03-14",
        ),
        (
            r#"{"year": "622", "month": "08", "day": "09"}"#,
            "null",
            "0622-08-09",
        ),
        (
            r#"{"year": "1943", "month": "7", "day": ""}"#,
            "null",
            "1943-07",
        ),
        (r#"{"year": 1978}"#, "{}", "1978"),
        (
            r#"{"year": "1943", "month": "7", "day": ""}"#,
            r#"{"year": "1946", "month": "", "day": ""}"#,
            "1943-07/1946",
        ),
        (r#"{"year": 2001.0, "month": 9.0}"#, "null", "2001-09"),
        (r#"{"year": "2020"}"#, r#"{"year": "2020"}"#, "2020"),
    ];
    for (start, end, want) in cases {
        let t = load(&event3(start, end));
        assert_eq!(date_of(&t, "e"), want, "{start} {end}");
    }
    let t = load(&event3(r#"{"year": 1943, "month": 7}"#, "null"));
    let e = t.event(t.find_event("e").unwrap());
    assert_eq!(e.date().precision(), DatePrecision::Month);
}

#[test]
fn negative_years_are_bc_in_astronomical_numbering() {
    let t = load(&event3(r#"{"year": -44, "month": 3, "day": 15}"#, "null"));
    assert_eq!(date_of(&t, "e"), "-0043-03-15");
    let t = load(&event3(r#"{"year": "-1"}"#, r#"{"year": "1"}"#));
    assert_eq!(date_of(&t, "e"), "0000/0001");
}

#[test]
fn years_dateline_cannot_hold_are_skipped_rows_that_say_why() {
    let text = r#"{"events": [
        {"start_date": {"year": "-13800000000"}, "text": {"headline": "The Big Bang"}},
        {"start_date": {"year": 0}, "text": {"headline": "Zero"}},
        {"start_date": {"year": 2020, "month": 13}, "text": {"headline": "Bad month"}},
        {"start_date": {"year": 2021, "month": 2, "day": 29}, "text": {"headline": "Bad day"}},
        {"start_date": {"year": "soon"}, "text": {"headline": "Words"}},
        {"text": {"headline": "Undated"}},
        {"start_date": {"year": 2020}, "end_date": {"year": 2019}, "text": {"headline": "Reversed"}},
        {"start_date": {"year": 1990}, "text": {"headline": "Fine"}}
    ]}"#;
    let t = load(text);
    assert_eq!(t.len(), 1);
    let report = t.import_report();
    assert_eq!((report.rows, report.skipped_total), (8, 7));
    let skipped = report.skipped.join("\n");
    for want in [
        "t:2:1: 'The Big Bang': start year -13800000000 is beyond the years dateline holds",
        "t:3:1: 'Zero': start year 0 names no year",
        "t:4:1: 'Bad month': start month '13' is not 1 to 12",
        "t:5:1: 'Bad day': start day '29' is not a day of that month",
        "t:6:1: 'Words': start year 'soon' is not a whole number",
        "t:7:1: 'Undated': has no start date",
        "t:8:1: event 'reversed': date:",
    ] {
        assert!(skipped.contains(want), "{want} not in\n{skipped}");
    }
}

#[test]
fn an_edtf_field_is_read_first() {
    let text = r#"{"events": [{"edtf": "../2022-04-15", "start_date": {"year": 2022},
        "unique_id": "x", "text": {"headline": "Before"}}]}"#;
    assert_eq!(date_of(&load(text), "x"), "../2022-04-15");
}

#[test]
fn the_title_slide_names_the_timeline() {
    let text = r#"{"title": {"text": {"headline": "Whitney Houston<br/> 1963 - 2012"}},
        "events": [{"start_date": {"year": 1963}, "text": {"headline": "Born"}}]}"#;
    let t = load(text);
    assert_eq!(t.title(), Some("Whitney Houston 1963 - 2012"));
    assert_eq!(t.len(), 1);
    // A title without a headline is named by its text.
    let text = r#"{"title": {"text": {"text": "<p>Only text</p>"}}, "events": []}"#;
    assert_eq!(load(text).title(), Some("Only text"));
    // A title row of a sheet with a headline and nothing else.
    let sheet = "Year,Headline,Text,Type\n,Just a title,,title\n2020,E,,\n";
    let t = load(sheet);
    assert_eq!(t.title(), Some("Just a title"));
    assert_eq!(t.len(), 1);
}

#[test]
fn eras_are_ongoing_parents_of_the_events_within_them() {
    let text = r#"{"eras": [
          {"start_date": {"year": 600}, "end_date": {"year": 650}, "text": {"headline": "Early"}},
          {"start_date": {"year": 650}, "end_date": {"year": 700}, "text": {"headline": "Late"}}],
        "events": [
          {"start_date": {"year": 602}, "end_date": {"year": 629}, "text": {"headline": "War"}},
          {"start_date": {"year": 650, "month": 6}, "text": {"headline": "Both"}},
          {"start_date": {"year": 640}, "end_date": {"year": 660}, "text": {"headline": "Across"}}]}"#;
    let t = load(text);
    let era = t.event(t.find_event("era-early").unwrap());
    assert_eq!(era.status(), Status::Ongoing);
    assert_eq!(era.date().edtf(), "0600/0650");
    let parents = |id: &str| {
        let e = t.event(t.find_event(id).unwrap());
        let mut p: Vec<(String, LinkKind)> = e
            .links()
            .iter()
            .map(|l| (t.event(l.other).id().to_string(), l.kind))
            .collect();
        p.sort_by(|a, b| a.0.cmp(&b.0));
        p
    };
    assert_eq!(parents("war"), [("era-early".into(), LinkKind::PartOf)]);
    assert_eq!(
        parents("both"),
        [
            ("era-early".into(), LinkKind::PartOf),
            ("era-late".into(), LinkKind::PartOf)
        ]
    );
    assert!(parents("across").is_empty());
    assert_eq!(
        t.event(t.find_event("war").unwrap()).status(),
        Status::Occurred
    );
}

#[test]
fn texts_become_plain_and_media_a_source_without_text() {
    let text = r#"{"events": [{"start_date": {"year": 1815},
        "text": {"headline": "<b>Ada</b> Lovelace", "text": "<p>Daughter of Lord Byron &amp; first <a href='x'>programmer</a>.</p>"},
        "media": {"url": "https://en.wikipedia.org/wiki/Ada", "credit": "<i>Wikimedia</i> Commons",
                  "caption": "Portrait by A. E. Chalon"},
        "group": "Pioneers", "display_date": "c. 1815"}]}"#;
    let t = load(text);
    let e = t.event(t.find_event("ada-lovelace").unwrap());
    assert_eq!(e.title(), "Ada Lovelace");
    assert_eq!(e.summary(), "Daughter of Lord Byron & first programmer.");
    assert_eq!(e.topics().collect::<Vec<_>>(), ["Pioneers"]);
    assert_eq!(e.date_origin(), Some("TimelineJS display date: c. 1815"));
    let sources = e.sources();
    assert_eq!(sources.len(), 1);
    let s = &sources[0];
    assert_eq!(s.url(), Some("https://en.wikipedia.org/wiki/Ada"));
    assert_eq!(s.outlet(), "Wikimedia Commons");
    assert_eq!(s.title(), "Portrait by A. E. Chalon");
    assert!(!s.has_text());
    assert_eq!(e.quotes().len(), 0);
}

#[test]
fn media_without_credit_names_its_host_and_an_embed_is_text() {
    let text = r#"{"events": [
        {"start_date": {"year": 1}, "text": {"headline": "A"}, "media": {"url": "https://www.youtube.com/watch?v=1"}},
        {"start_date": {"year": 2}, "text": {"headline": "B"},
         "media": {"url": "<blockquote>No demand for <cite>Clarke</cite></blockquote>"}},
        {"start_date": {"year": 3}, "text": {"headline": "C"}, "media": {"url": "https://www.youtube.com/watch?v=1"}}]}"#;
    let t = load(text);
    let a = t.event(t.find_event("a").unwrap());
    assert_eq!(a.sources()[0].outlet(), "youtube.com");
    let b = t.event(t.find_event("b").unwrap());
    assert!(b.sources().is_empty());
    assert_eq!(b.summary(), "No demand for Clarke");
    // One source for one URL, shared.
    assert_eq!(t.source_count(), 1);
}

#[test]
fn ids_come_from_unique_id_else_a_unique_slug() {
    let text = r#"{"events": [
        {"start_date": {"year": 1}, "text": {"headline": "Same"}},
        {"start_date": {"year": 2}, "text": {"headline": "Same"}},
        {"start_date": {"year": 3}, "text": {"headline": "Other"}, "unique_id": "same-2"},
        {"start_date": {"year": 4}, "text": {"text": "No headline here"}},
        {"start_date": {"year": 5}, "unique_id": "dup", "text": {"headline": "D1"}},
        {"start_date": {"year": 6}, "unique_id": "dup", "text": {"headline": "D2"}}]}"#;
    let t = load(text);
    assert_eq!(date_of(&t, "same"), "0001");
    assert_eq!(date_of(&t, "same-3"), "0002");
    assert_eq!(date_of(&t, "same-2"), "0003");
    let untitled = t.event(t.find_event("no-headline-here").unwrap());
    assert_eq!(untitled.title(), "No headline here");
    assert_eq!(date_of(&t, "dup"), "0005");
    let skipped = t.import_report().skipped.join("\n");
    assert!(
        skipped.contains("t:7:1: duplicate event id 'dup'"),
        "{skipped}"
    );
}

#[test]
fn times_of_day_are_noted_not_kept() {
    let text = r#"{"events": [{"start_date": {"year": 2020, "month": 1, "day": 2, "hour": 9, "minute": 5},
        "text": {"headline": "T"}}]}"#;
    let t = load(text);
    let e = t.event(t.find_event("t").unwrap());
    assert_eq!(e.date().edtf(), "2020-01-02");
    assert_eq!(e.date_origin(), Some("TimelineJS start time 9:05 not kept"));
}

#[test]
fn legacy_timelinejs2_is_read() {
    let text = r#"{"timeline": {"headline": "Elizabeth Taylor<br/> 1932-2011", "type": "default",
        "startDate": "1932", "text": "<p>Intro</p>",
        "date": [
          {"startDate": "2011,3,23", "headline": "Dies", "tags": "Personal life, Career",
           "asset": {"media": "examples/final.jpg", "credit": "", "caption": "Cedars-Sinai"}},
          {"startDate": "1950,5", "endDate": "1951", "headline": "Marries", "tag": "Personal life"},
          {"startDate": "-44,3,15", "headline": "Ides"}],
        "era": [{"startDate": "1932", "endDate": "2011", "headline": "Life"}]}}"#;
    let t = load(text);
    assert_eq!(t.title(), Some("Elizabeth Taylor 1932-2011"));
    assert_eq!(date_of(&t, "dies"), "2011-03-23");
    assert_eq!(date_of(&t, "marries"), "1950-05/1951");
    assert_eq!(date_of(&t, "ides"), "-0043-03-15");
    let dies = t.event(t.find_event("dies").unwrap());
    assert_eq!(
        dies.topics().collect::<Vec<_>>(),
        ["Personal life", "Career"]
    );
    assert_eq!(dies.sources()[0].url(), Some("examples/final.jpg"));
    assert_eq!(dies.links().len(), 1);
    assert_eq!(t.event(dies.links()[0].other).id(), "era-life");
    assert_eq!(
        legacy_date("2011,3,23,14,5").time,
        "14:5".replace(":5", ":05")
    );
    assert_eq!(legacy_date("2011-03-23").month, "03");
    let compact = legacy_date("196002152034");
    assert_eq!(
        (compact.year, compact.month, compact.day, compact.time),
        ("1960".into(), "02".into(), "15".into(), "20:34".into())
    );
}

#[test]
fn the_sheet_reads_quoted_html_with_commas_and_newlines() {
    let text = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n\
        ,,,,,,,,,MY OWN CSV,\"<p class=\"\"lead\"\">Intro, with a comma\nand a line</p>\",,,,,title,,\n\
        1815,12,10,,1852,11,27,,,Ada Lovelace,\"<p>Daughter, of \"\"Byron\"\"</p>\",https://x.org/a.jpg,Wikimedia Commons,,,,Pioneers,\n\
        1943,7,,10:30 AM,1946,,,,the forties,ENIAC women,,,,,,,,\n\
        1940,,,,1950,,,,,The forties,,,,,,era,,\n\
        ,,,,,,,,,,,,,,,,,\n\
        -13800000000,,,,,,,,,Big Bang,,,,,,,,\n";
    let t = load(text);
    assert_eq!(t.title(), Some("MY OWN CSV"));
    assert_eq!(date_of(&t, "ada-lovelace"), "1815-12-10/1852-11-27");
    let ada = t.event(t.find_event("ada-lovelace").unwrap());
    assert_eq!(ada.summary(), "Daughter, of \"Byron\"");
    assert_eq!(ada.topics().collect::<Vec<_>>(), ["Pioneers"]);
    assert_eq!(ada.sources()[0].outlet(), "Wikimedia Commons");
    assert_eq!(date_of(&t, "eniac-women"), "1943-07/1946");
    let eniac = t.event(t.find_event("eniac-women").unwrap());
    assert_eq!(
        eniac.date_origin(),
        Some("TimelineJS display date: the forties; start time 10:30 AM not kept")
    );
    assert_eq!(t.event(eniac.links()[0].other).id(), "era-the-forties");
    let report = t.import_report();
    // The blank row is not a row; the title and the era are.
    assert_eq!((report.rows, report.skipped_total), (5, 1));
    assert!(
        report.skipped[0].starts_with("t:8:1: 'Big Bang': start year"),
        "{:?}",
        report.skipped
    );
}

#[test]
fn files_that_are_not_timelinejs_say_what_was_expected() {
    for (text, want) in [
        (
            "title,count\n1,2\n",
            "expected a header with Year and Headline",
        ),
        ("{\"events\": [", "is not TimelineJS JSON"),
        ("{\"other\": 1}", "expected an object with \"events\""),
        ("{\"events\": 3}", "is not TimelineJS JSON"),
        (
            "{\n\"timeline\": {\"date\": 3}}",
            "t:2:1: is not TimelineJS JSON",
        ),
    ] {
        let err = try_load(text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains(want), "{text}: {err}");
    }
}

#[test]
fn long_headlines_give_ids_cut_between_words() {
    let long = "Joint Persian-Avar-Slav Siege of Constantinople Constantinople saved";
    assert_eq!(
        short_slug(long),
        "joint-persian-avar-slav-siege-of-constantinople"
    );
    assert_eq!(short_slug(&"a".repeat(70)), "a".repeat(60));
    assert_eq!(short_slug("Short one"), "short-one");
    let text = r#"{"eras": [{"start_date": {"year": 600}, "end_date": {"year": 650},
        "text": {"headline": "Era Test 600-650"}}], "events": []}"#;
    assert!(load(text).find_event("era-test-600-650").is_some());
}

#[test]
fn sheets_with_a_bom_crlf_and_a_bad_row() {
    let mut bytes =
        b"\xEF\xBB\xBFYear,Month,Day,Headline,Text\r\n2020,5,1,A,\"x,\r\ny\"\r\n".to_vec();
    bytes.extend_from_slice(b"2021,1,1,B \xFF,\r\n2022,,,C,\r\n");
    let mut builder = Builder::new();
    let file = builder.add_file("s.csv");
    crate::load::import::read(
        &mut builder,
        file,
        InputFormat::TimelineJs,
        crate::load::import::Input::Bytes(&bytes),
        LoadOptions::default(),
    )
    .unwrap();
    let t = builder.finish().unwrap();
    assert_eq!(date_of(&t, "a"), "2020-05-01");
    assert_eq!(t.event(t.find_event("a").unwrap()).summary(), "x, y");
    assert_eq!(date_of(&t, "c"), "2022");
    let report = t.import_report();
    assert_eq!((report.rows, report.skipped_total), (3, 1));
    assert!(
        report.skipped[0].starts_with("s.csv:4:1: is not valid UTF-8"),
        "{:?}",
        report.skipped
    );
}
