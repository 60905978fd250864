//! GDELT 2.0 Events (and Mentions) open as they are: each mapping rule on
//! real rows (tests/fixtures/gdelt, see tests/fixtures/NOTICE), and rows
//! that cannot be read are skipped, counted and named.

use assert_cmd::Command;
use dateline::load::load_path;
use dateline::model::{Timeline, country};
use std::path::Path;

const EXPORT: &str = "tests/fixtures/gdelt/20250807220000.export.CSV";

fn timeline() -> Timeline {
    load_path(Path::new(EXPORT)).unwrap_or_else(|e| panic!("{e}"))
}

fn event<'t>(t: &'t Timeline, id: &str) -> dateline::model::EventRef<'t> {
    t.event(t.find_event(id).unwrap_or_else(|| panic!("no event {id}")))
}

#[test]
fn every_row_is_an_event_dated_by_sqldate_with_its_origin() {
    let t = timeline();
    assert_eq!(t.len(), 13);
    // 13 event rows and the 15 rows of the Mentions file beside them.
    assert_eq!(t.import_report().rows, 13 + 15);
    assert_eq!(t.import_report().skipped_total, 0);
    let e = event(&t, "gdelt-1256322770");
    assert_eq!(e.date().edtf(), "2024-08-07");
    assert_eq!(e.date().precision().as_str(), "day");
    let origin = e
        .date_origin()
        .expect("a GDELT date says where it came from");
    assert!(
        origin.starts_with("coded by GDELT; reported 2025-08-07 22:00"),
        "{origin}"
    );
    assert!(origin.contains("365 days after"), "{origin}");
    let same_day = event(&t, "gdelt-1256322794");
    assert_eq!(
        same_day.date_origin(),
        Some("coded by GDELT; reported 2025-08-07 22:00")
    );
}

#[test]
fn actors_have_roles_readable_names_kinds_and_iso_countries() {
    let t = timeline();
    let e = event(&t, "gdelt-1256322778");
    let actors: Vec<(String, String, String)> = e
        .actors()
        .iter()
        .map(|a| {
            let actor = t.actor(a.actor);
            (
                actor.name().to_string(),
                t.role_name(a.role).to_string(),
                actor.country_code().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        actors,
        [
            ("United Arab Emirates".into(), "source".into(), "AE".into()),
            ("United States".into(), "target".into(), "US".into()),
        ]
    );
    let codes: Vec<&str> = e.countries().iter().map(|&c| country::code(c)).collect();
    assert_eq!(codes, ["AE", "US"]);
    // A type code gives the kind and a title: MED is the media.
    let tv = event(&t, "gdelt-1256322772").actors()[1].actor;
    assert_eq!(t.actor(tv).name(), "Television");
    assert_eq!(t.actor(tv).kind().as_str(), "organisation");
    // An empty Actor1 is absent, not an actor named "0" or "".
    let lone = event(&t, "gdelt-1256322776");
    assert_eq!(lone.actors().len(), 1);
    assert_eq!(t.role_name(lone.actors()[0].role), "target");
    assert!(
        lone.title().contains("→ United Arab Emirates"),
        "{}",
        lone.title()
    );
}

#[test]
fn places_map_fips_to_iso_and_topics_come_from_cameo() {
    let t = timeline();
    let e = event(&t, "gdelt-1256322773");
    assert_eq!(e.place(), "United Kingdom");
    assert_eq!(e.place_country().map(country::code), Some("GB")); // FIPS UK
    let mecca = event(&t, "gdelt-1256322770");
    assert_eq!(mecca.place_country().map(country::code), Some("SA"));
    let topics: Vec<&str> = event(&t, "gdelt-1256322776").topics().collect();
    assert_eq!(topics, ["Consult (general)", "Consult"]);
    // Four-digit codes keep their digits: 1031 "Demand economic aid".
    assert!(
        event(&t, "gdelt-1256322794")
            .summary()
            .starts_with("CAMEO 1031")
    );
    assert_eq!(
        event(&t, "gdelt-1256322794").topics().next(),
        Some("Demand economic aid")
    );
}

#[test]
fn rows_of_one_article_are_chained_by_related_links_in_time_order() {
    let t = timeline();
    let chain = [
        "gdelt-1256322776",
        "gdelt-1256322777",
        "gdelt-1256322778",
        "gdelt-1256322779",
        "gdelt-1256322782",
    ];
    for pair in chain.windows(2) {
        let links = event(&t, pair[0]).links();
        assert_eq!(links.len(), 1, "{} links once, to its neighbour", pair[0]);
        assert_eq!(t.event(links[0].other).id(), pair[1]);
        assert_eq!(links[0].kind.as_str(), "related");
    }
    assert!(event(&t, "gdelt-1256322782").links().is_empty());
    // Never all pairs: five rows, four links.
    let in_chain: usize = chain.iter().map(|id| event(&t, id).links().len()).sum();
    assert_eq!(in_chain, 4);
}

#[test]
fn sources_are_urls_with_their_outlet_and_no_text() {
    let t = timeline();
    let e = event(&t, "gdelt-1256322794");
    let sources = e.sources();
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].outlet(), "accountingtoday.com");
    assert!(!sources[0].has_text());
    assert_eq!(e.quotes().len(), 0);
    assert_eq!(
        sources[0]
            .published()
            .and_then(dateline::model::date::from_day_number),
        chrono::NaiveDate::from_ymd_opt(2025, 8, 7)
    );
}

#[test]
fn the_mentions_file_beside_the_export_adds_sources() {
    // Loading the export alone finds its .mentions.CSV beside it.
    let t = timeline();
    let e = event(&t, "gdelt-1256322773");
    let mut urls: Vec<&str> = e.sources().iter().filter_map(|s| s.url()).collect();
    urls.sort();
    assert_eq!(
        urls,
        [
            "http://www.pambazuka.org/Live-Aid",
            "http://www.pambazuka.org/index.php/Live-Aid",
            "http://www.pambazuka.org/taxonomy/term/15645",
        ]
    );
}

#[test]
fn bad_rows_are_skipped_counted_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(EXPORT).unwrap();
    let mut lines: Vec<String> = good.lines().map(str::to_string).collect();
    lines[2] = lines[2].replacen("20250708", "20251308", 1); // month 13
    lines[4] = lines[4].split('\t').take(20).collect::<Vec<_>>().join("\t");
    let path = dir.path().join("bad.export.CSV");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();

    let t = load_path(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.len(), 11);
    let report = t.import_report();
    assert_eq!((report.rows, report.skipped_total), (13, 2));
    let summary = report.summary().unwrap();
    assert!(
        summary.starts_with("loaded 11 of 13 rows; 2 skipped: "),
        "{summary}"
    );
    assert!(
        report.skipped[0].contains(":3:1: SQLDATE '20251308' is not a real YYYYMMDD date"),
        "{}",
        report.skipped[0]
    );
    assert!(
        report.skipped[1].contains(":5:1: expected 61 TAB-separated columns"),
        "{}",
        report.skipped[1]
    );

    // `check` names every skipped row and exits 1; `list` warns and exits 0.
    let check = Command::cargo_bin("dateline")
        .unwrap()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1);
    let out = String::from_utf8_lossy(&check.get_output().stdout).into_owned();
    assert!(out.contains("bad.export.CSV:3:1: SQLDATE"), "{out}");
    assert!(out.contains("2 of 13 rows skipped"), "{out}");
    let list = Command::cargo_bin("dateline")
        .unwrap()
        .arg("list")
        .arg(&path)
        .arg("--count")
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&list.get_output().stdout).trim(),
        "11"
    );
    let err = String::from_utf8_lossy(&list.get_output().stderr).into_owned();
    assert!(err.contains("loaded 11 of 13 rows; 2 skipped"), "{err}");
}

#[test]
fn the_cli_lists_and_shows_gdelt_rows() {
    let out = Command::cargo_bin("dateline")
        .unwrap()
        .args(["show", "gdelt-1256322770", EXPORT])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains("coded by GDELT; reported 2025-08-07 22:00"),
        "{text}"
    );
    assert!(
        text.contains("Jerusalem (isr-jerusalem, country) — source"),
        "{text}"
    );
    assert!(text.contains("no verbatim text"), "{text}");
    let json = Command::cargo_bin("dateline")
        .unwrap()
        .args(["list", EXPORT, "--country", "AE", "--json"])
        .assert()
        .success();
    let lines = String::from_utf8_lossy(&json.get_output().stdout).into_owned();
    assert_eq!(lines.lines().count(), 5);
    let first: serde_json::Value = serde_json::from_str(lines.lines().next().unwrap()).unwrap();
    assert_eq!(first["date"], "2025-07-31");
    assert_eq!(first["sources"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_large_export_read_in_two_parts_is_the_same_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gen.export.CSV");
    let mut bytes = Vec::new();
    dateline::synth::write_gdelt(&mut bytes, 3_000, 7).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    let with = |parallel_from| {
        let opts = dateline::load::LoadOptions {
            parallel_from,
            ..Default::default()
        };
        let t = dateline::load::load_path_with(&path, opts).unwrap_or_else(|e| panic!("{e}"));
        let all: Vec<_> = (0..t.len() as u32).collect();
        let mut out = Vec::new();
        dateline::report::list_json(&mut out, &t, &all).unwrap();
        (
            String::from_utf8(out).unwrap(),
            t.link_count(),
            t.import_report().rows,
        )
    };
    let (one, one_links, one_rows) = with(u64::MAX);
    let (two, two_links, two_rows) = with(0);
    assert_eq!(one_rows, 3_000);
    assert_eq!((two_rows, two_links), (one_rows, one_links));
    assert!(
        one_links > 1_000,
        "articles of several rows are chained: {one_links}"
    );
    assert!(
        one == two,
        "the two-part load differs from the one-part load"
    );
}
