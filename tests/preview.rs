//! The preview of a large file's head: what the browser shows while the
//! whole file loads. It holds only events the whole load has too, the same,
//! leaves out in silence what refers past the head, and is not made when
//! the head has a problem of its own or the format cannot be cut.

use dateline::load::preview::preview_path_with;
use dateline::load::{LoadOptions, load_path};
use dateline::model::{EventIx, Timeline};
use std::io::Write;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, text: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("writes");
    path
}

fn preview(path: &Path, head: usize) -> Option<Timeline> {
    preview_path_with(path, LoadOptions::default(), head)
}

/// Every event of the preview is in the whole timeline, with the same
/// title, date, place and summary, and its actors, links and quotes are
/// among the whole event's.
fn assert_within(part: &Timeline, whole: &Timeline) {
    for e in 0..part.len() as EventIx {
        let p = part.event(e);
        let w = whole
            .find_event(p.id())
            .map(|ix| whole.event(ix))
            .unwrap_or_else(|| panic!("{} is not in the whole timeline", p.id()));
        assert_eq!(
            (p.title(), p.summary(), p.date(), p.place()),
            (w.title(), w.summary(), w.date(), w.place())
        );
        let ids = |t: &Timeline, actors: &[dateline::model::EventActor]| -> Vec<String> {
            actors
                .iter()
                .map(|a| t.actor(a.actor).id().to_string())
                .collect()
        };
        let (pa, wa) = (ids(part, p.actors()), ids(whole, w.actors()));
        assert!(pa.iter().all(|a| wa.contains(a)), "{pa:?} within {wa:?}");
        let targets = |t: &Timeline, links: &[dateline::model::Link]| -> Vec<String> {
            links
                .iter()
                .map(|l| format!("{}:{}", t.event(l.other).id(), l.kind.as_str()))
                .collect()
        };
        let (pl, wl) = (targets(part, p.links()), targets(whole, w.links()));
        assert!(pl.iter().all(|l| wl.contains(l)), "{pl:?} within {wl:?}");
        let quotes: Vec<&str> = w.quotes().map(|q| q.text()).collect();
        assert!(p.quotes().all(|q| quotes.contains(&q.text())));
    }
}

#[test]
fn a_generated_files_head_previews_part_of_the_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = Vec::new();
    dateline::synth::write(&mut bytes, 3000, 7).expect("generates");
    let path = write(dir.path(), "gen.jsonl", &bytes);
    let whole = load_path(&path).expect("the whole file loads");
    let part = preview(&path, bytes.len() / 10).expect("a preview");
    assert!(
        !part.is_empty() && part.len() < whole.len(),
        "{}",
        part.len()
    );
    assert_within(&part, &whole);
    // Sources come before the events that quote them, links go back:
    // nothing is left out.
    let counts = |t: &Timeline, e: EventIx| (t.event(e).quotes().len(), t.event(e).links().len());
    let mut links = 0;
    for e in 0..part.len() as EventIx {
        let w = whole.find_event(part.event(e).id()).expect("there");
        assert_eq!(counts(&part, e), counts(&whole, w));
        links += counts(&part, e).1;
    }
    assert!(links > 0, "the head's links are kept");
}

/// Lines of padding: events enough to make the file worth a preview.
fn padding(from: usize, count: usize) -> String {
    (from..from + count)
        .map(|i| {
            format!(
                "{{\"event\":{{\"id\":\"pad{i}\",\"title\":\"Padding {i}\",\"date\":\"2024-01-01\"}}}}\n"
            )
        })
        .collect()
}

#[test]
fn references_past_the_head_are_left_out_in_silence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let head = concat!(
        "{\"dateline\":1}\n",
        "{\"actor\":{\"id\":\"known\",\"name\":\"Known Person\",\"kind\":\"person\"}}\n",
        "{\"event\":{\"id\":\"first\",\"title\":\"First\",\"date\":\"2025-04-16\",",
        "\"actors\":[{\"id\":\"known\"},{\"id\":\"later-actor\"}],",
        "\"links\":[{\"to\":\"later-event\",\"kind\":\"causes\"}],",
        "\"quotes\":[{\"source\":\"later-source\",\"text\":\"words\"}],",
        "\"derivation\":{\"phrase\":\"the next day\",\"anchor\":{\"event\":\"later-event\"},\"rule\":\"days:+1\"}}}\n",
    );
    let tail = concat!(
        "{\"actor\":{\"id\":\"later-actor\",\"name\":\"Later Person\",\"kind\":\"person\"}}\n",
        "{\"source\":{\"id\":\"later-source\",\"outlet\":\"Wire\",\"title\":\"T\",\"published\":\"2025-04-15\",\"text\":\"some words here\"}}\n",
        "{\"event\":{\"id\":\"later-event\",\"title\":\"Later\",\"date\":\"2025-04-15\"}}\n",
    );
    let mut text = head.to_string();
    text.push_str(&padding(0, 40));
    text.push_str(tail);
    text.push_str(&padding(40, 400));
    let path = write(dir.path(), "refs.jsonl", text.as_bytes());
    let whole = load_path(&path).expect("the whole file loads");
    let part = preview(&path, head.len() + 200).expect("a preview");
    assert_within(&part, &whole);
    let first = part.event(part.find_event("first").expect("first is there"));
    let actors: Vec<&str> = first
        .actors()
        .iter()
        .map(|a| part.actor(a.actor).id())
        .collect();
    assert_eq!(actors, ["known"]);
    assert!(first.links().is_empty());
    assert_eq!(first.quotes().len(), 0);
    assert!(first.derivation().is_none());
    assert_eq!(part.actor_count(), 1, "no actor only referred to");
    assert_eq!(part.find_event("later-event"), None);
    // The whole timeline has it all.
    let first = whole.event(whole.find_event("first").expect("first"));
    assert_eq!(
        (
            first.actors().len(),
            first.links().len(),
            first.quotes().len()
        ),
        (2, 1, 1)
    );
    assert!(first.derivation().is_some());
}

#[test]
fn no_preview_of_a_head_with_a_problem_of_its_own() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut text = padding(0, 3);
    text.push_str("{\"event\":{\"id\":\"bad\",\"title\":\"Bad\",\"date\":\"2025-02-30\"}}\n");
    text.push_str(&padding(3, 400));
    let path = write(dir.path(), "bad.jsonl", text.as_bytes());
    assert!(preview(&path, 2000).is_none());
    assert!(load_path(&path).is_err(), "the whole load reports it");
    // An id declared twice in the head is such a problem too.
    let mut text = padding(0, 3);
    text.push_str(&padding(1, 1));
    text.push_str(&padding(3, 400));
    let path = write(dir.path(), "twice.jsonl", text.as_bytes());
    assert!(preview(&path, 2000).is_none());
    assert!(load_path(&path).is_err());
    // Past the head, the same problem does not stop the preview.
    let mut text = padding(0, 400);
    text.push_str("{\"event\":{\"id\":\"bad\",\"title\":\"Bad\",\"date\":\"2025-02-30\"}}\n");
    let path = write(dir.path(), "bad-late.jsonl", text.as_bytes());
    assert!(preview(&path, 2000).is_some());
    assert!(load_path(&path).is_err());
}

#[test]
fn no_preview_of_a_small_file_or_a_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = padding(0, 400);
    let path = write(dir.path(), "small.jsonl", text.as_bytes());
    assert!(
        preview(&path, text.len() / 4).is_none(),
        "loads whole as fast"
    );
    assert!(preview(&path, text.len() / 5).is_some());
    let doc = format!(
        "{{\"events\":[{}]}}",
        (0..400)
            .map(|i| format!("{{\"id\":\"e{i}\",\"title\":\"E\",\"date\":\"2024-01-01\"}}"))
            .collect::<Vec<_>>()
            .join(",\n")
    );
    let path = write(dir.path(), "doc.json", doc.as_bytes());
    assert!(load_path(&path).is_ok());
    assert!(preview(&path, 1000).is_none());
}

#[test]
fn a_csv_head_is_cut_between_rows_not_inside_a_quoted_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut file = Vec::new();
    writeln!(file, "ID,Date,Headline,Description").expect("writes");
    for i in 0..300 {
        writeln!(
            file,
            "row-{i},2025-04-{:02},Headline {i},\"Line one of {i},\nline two of {i}.\"",
            i % 28 + 1
        )
        .expect("writes");
    }
    let path = write(dir.path(), "sheet.csv", &file);
    let whole = load_path(&path).expect("loads");
    for head in [1000, 1003, 1010, 1017, 1030] {
        let part = preview(&path, head).expect("a preview");
        assert!(!part.is_empty() && part.len() < whole.len());
        assert_within(&part, &whole);
        assert_eq!(
            part.import_report().skipped_total,
            0,
            "no row cut in two: {:?}",
            part.import_report().skipped
        );
    }
}

#[test]
fn a_gdelt_export_previews_its_first_rows() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gdelt/20250807220000.export.CSV");
    let whole = load_path(&path).expect("loads");
    let part = preview(&path, 1200).expect("a preview");
    assert!(!part.is_empty() && part.len() < whole.len());
    assert_within(&part, &whole);
}
