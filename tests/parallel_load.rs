//! A JSON Lines file read by two threads gives the same timeline as one
//! thread: same events in the same order, same links both ways, same quotes,
//! and diagnostics with the right line numbers.

use dateline::load::{LoadOptions, load_path_with};
use dateline::model::Timeline;
use std::path::Path;

fn load(path: &Path, parallel_from: u64) -> Timeline {
    let opts = LoadOptions {
        parallel_from,
        ..LoadOptions::default()
    };
    load_path_with(path, opts).unwrap_or_else(|e| panic!("{e}"))
}

fn describe(t: &Timeline) -> Vec<String> {
    (0..t.len() as u32)
        .map(|ix| {
            let e = t.event(ix);
            let links: Vec<String> = e
                .links()
                .iter()
                .map(|l| format!("{}>{}", l.kind.as_str(), t.event(l.other).id()))
                .collect();
            let back: Vec<String> = e
                .backlinks()
                .iter()
                .map(|l| format!("{}<{}", l.kind.as_str(), t.event(l.other).id()))
                .collect();
            let actors: Vec<String> = e
                .actors()
                .iter()
                .map(|a| format!("{}:{}", t.actor(a.actor).id(), t.role_name(a.role)))
                .collect();
            let quotes: Vec<String> = e
                .quotes()
                .map(|q| format!("{}@{}:{}", q.source().id(), q.q.char_start, q.text()))
                .collect();
            format!(
                "{} {} {} | {} | {:?} | {:?} | {:?} | {:?} | {:?}",
                e.id(),
                e.date().edtf(),
                e.title(),
                e.summary(),
                actors,
                quotes,
                links,
                back,
                e.topics().collect::<Vec<_>>()
            )
        })
        .collect()
}

#[test]
fn two_threads_build_the_same_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gen.jsonl");
    let mut bytes = Vec::new();
    dateline::synth::write(&mut bytes, 3000, 11).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    let one = load(&path, u64::MAX);
    let two = load(&path, 1);
    assert_eq!(one.len(), 3000);
    assert_eq!(describe(&one), describe(&two));
    for a in 0..one.actor_count() as u32 {
        assert_eq!(one.actor(a).id(), two.actor(a).id());
        assert_eq!(
            one.events_of_actor(a),
            two.events_of_actor(a),
            "{}",
            one.actor(a).id()
        );
    }
    for ix in (0..3000).step_by(97) {
        let id = format!("e{ix}");
        assert_eq!(
            one.find_event(&id).map(|e| one.event(e).id()),
            Some(id.as_str())
        );
        assert_eq!(
            two.find_event(&id).map(|e| two.event(e).id()),
            Some(id.as_str())
        );
    }
}

#[test]
fn diagnostics_from_the_second_half_carry_file_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.jsonl");
    let mut text = String::new();
    for i in 0..400 {
        text.push_str(&format!(
            "{{\"event\": {{\"id\": \"e{i}\", \"title\": \"t\", \"date\": \"2025-01-01\"}}}}\n"
        ));
    }
    text.push_str("{\"event\": {\"id\": \"e1\", \"title\": \"dup\", \"date\": \"2025-02-30\"}}\n");
    text.push_str("{\"event\": oops}\n");
    std::fs::write(&path, &text).unwrap();
    let opts = LoadOptions {
        parallel_from: 1,
        ..LoadOptions::default()
    };
    let err = load_path_with(&path, opts).unwrap_err().to_string();
    assert!(
        err.contains("bad.jsonl:401:1: event 'e1': date: '2025-02-30' is not a real calendar date"),
        "{err}"
    );
    assert!(err.contains("bad.jsonl:402:"), "{err}");
    // The first e1 is read by the first part, the second by the last: the
    // duplicate still names its line.
    assert!(
        err.contains("bad.jsonl:401:1: event 'e1': duplicate event id (first declared in"),
        "{err}"
    );
}

/// The file loaded in `parts` parts (1: on one thread).
fn load_in(path: &Path, parts: usize) -> Result<Timeline, String> {
    let opts = LoadOptions {
        parallel_from: if parts > 1 { 0 } else { u64::MAX },
        parts,
        ..LoadOptions::default()
    };
    load_path_with(path, opts).map_err(|e| e.to_string())
}

fn list_json(t: &Timeline) -> String {
    let all: Vec<u32> = (0..t.len() as u32).collect();
    let mut out = Vec::new();
    dateline::report::list_json(&mut out, t, &all).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn many_parts_build_the_same_timeline_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gen.jsonl");
    let mut bytes = Vec::new();
    dateline::synth::write(&mut bytes, 2000, 5).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    let one = load_in(&path, 1).unwrap();
    assert_eq!(one.len(), 2000);
    // More parts than lines of sources and actors at the top, an odd count,
    // and one that leaves parts of a single line.
    for parts in [3, 7, 16, 64] {
        let many = load_in(&path, parts).unwrap();
        assert_eq!(describe(&one), describe(&many), "{parts} parts");
        assert_eq!(list_json(&one), list_json(&many), "{parts} parts");
        for a in 0..one.actor_count() as u32 {
            assert_eq!(one.events_of_actor(a), many.events_of_actor(a));
        }
    }
}

#[test]
fn many_parts_report_the_same_problems_at_the_same_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.jsonl");
    let mut text = String::new();
    for i in 0..300 {
        text.push_str(&format!(
            "{{\"event\": {{\"id\": \"e{i}\", \"title\": \"t\", \"date\": \"2025-01-01\", \"links\": [{{\"to\": \"e{}\", \"kind\": \"causes\"}}]}}}}\n",
            (i * 7 + 3) % 310
        ));
        if i % 50 == 49 {
            // An impossible date, a line that is not JSON, and an id
            // declared in an earlier part.
            text.push_str(&format!(
                "{{\"event\": {{\"id\": \"x{i}\", \"title\": \"bad\", \"date\": \"2025-02-30\"}}}}\n"
            ));
            text.push_str("{\"event\": oops}\n");
            text.push_str(&format!(
                "{{\"event\": {{\"id\": \"e{}\", \"title\": \"again\", \"date\": \"2025-01-02\"}}}}\n",
                i - 40
            ));
        }
    }
    std::fs::write(&path, &text).unwrap();
    let one = load_in(&path, 1).unwrap_err();
    assert!(one.contains("bad.jsonl:51:1: event 'x49': date"), "{one}");
    assert!(one.contains("unknown link target 'e30"), "{one}");
    assert!(one.contains("bad.jsonl:52:11:"), "{one}");
    assert!(
        one.contains("bad.jsonl:53:1: event 'e9': duplicate event id (first declared in"),
        "{one}"
    );
    for parts in [2, 5, 11] {
        assert_eq!(one, load_in(&path, parts).unwrap_err(), "{parts} parts");
    }
}

#[test]
fn a_gdelt_export_in_many_parts_is_the_same_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gen.export.CSV");
    let mut bytes = Vec::new();
    dateline::synth::write_gdelt(&mut bytes, 2_000, 3).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    let one = load_in(&path, 1).unwrap();
    assert_eq!(one.import_report().rows, 2_000);
    for parts in [3, 9] {
        let many = load_in(&path, parts).unwrap();
        assert_eq!(list_json(&one), list_json(&many), "{parts} parts");
        assert_eq!(describe(&one), describe(&many), "{parts} parts");
        assert_eq!(one.link_count(), many.link_count());
        assert_eq!(one.import_report().rows, many.import_report().rows);
    }
}

#[test]
fn a_gdelt_export_read_after_another_file_chains_its_own_rows() {
    // The export's event references are numbered after the first file's.
    let dir = tempfile::tempdir().unwrap();
    let mut native = Vec::new();
    dateline::synth::write(&mut native, 300, 5).unwrap();
    std::fs::write(dir.path().join("a.jsonl"), &native).unwrap();
    let mut export = Vec::new();
    dateline::synth::write_gdelt(&mut export, 2_000, 6).unwrap();
    std::fs::write(dir.path().join("b.export.CSV"), &export).unwrap();
    let one = load_in(dir.path(), 1).unwrap();
    assert_eq!(one.len(), 2_300);
    let related = (0..one.len() as u32)
        .flat_map(|ix| one.event(ix).links().to_vec())
        .filter(|l| l.kind.as_str() == "related")
        .count();
    assert!(related > 100, "{related} related links");
    for parts in [3, 9] {
        let many = load_in(dir.path(), parts).unwrap();
        assert_eq!(describe(&one), describe(&many), "{parts} parts");
    }
}

#[test]
fn a_gdelt_row_repeated_in_a_later_part_is_skipped_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dup.export.CSV");
    let mut bytes = Vec::new();
    dateline::synth::write_gdelt(&mut bytes, 2_000, 4).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let mut rows: Vec<&str> = text.lines().collect();
    // Row 5 again as line 1001, and row 1200 again as the last line.
    let (fifth, later) = (rows[4], rows[1199]);
    rows.insert(1000, fifth);
    rows.push(later);
    std::fs::write(&path, rows.join("\n") + "\n").unwrap();
    let one = load_in(&path, 1).unwrap();
    let report = one.import_report();
    assert_eq!(
        (report.rows, report.skipped_total, one.len()),
        (2_002, 2, 2_000)
    );
    assert!(
        report.skipped[0].contains("dup.export.CSV:1001:1: duplicate event id"),
        "{:?}",
        report.skipped
    );
    assert!(
        report.skipped[1].contains("dup.export.CSV:2002:1: duplicate event id"),
        "{:?}",
        report.skipped
    );
    for parts in [3, 9] {
        let many = load_in(&path, parts).unwrap();
        assert_eq!(list_json(&one), list_json(&many), "{parts} parts");
        assert_eq!(
            report.skipped,
            many.import_report().skipped,
            "{parts} parts"
        );
    }
}
