//! Every file under tests/bad gives a clear diagnostic naming the file;
//! every file under tests/good loads. Nothing panics.

use dateline::load::{LoadError, load_path};
use std::fs;
use std::path::Path;

fn expectations() -> Vec<(String, String)> {
    fs::read_to_string("tests/bad/EXPECTED.tsv")
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (file, expect) = l.split_once('\t').expect("file<TAB>message");
            (file.to_string(), expect.to_string())
        })
        .collect()
}

#[test]
fn every_bad_file_is_listed_with_its_message() {
    let listed: Vec<String> = expectations().into_iter().map(|(f, _)| f).collect();
    let mut on_disk: Vec<String> = fs::read_dir("tests/bad")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "EXPECTED.tsv")
        .collect();
    on_disk.sort();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(sorted, on_disk);
    assert!(listed.len() >= 30, "the corpus has {} files", listed.len());
}

#[test]
fn bad_files_give_clear_diagnostics() {
    for (file, expect) in expectations() {
        let path = Path::new("tests/bad").join(&file);
        let err = match load_path(&path) {
            Ok(_) => panic!("{file} loaded but should fail"),
            Err(e) => e,
        };
        let LoadError::Invalid { diagnostics, total } = &err else {
            panic!("{file}: {err}")
        };
        assert!(*total >= 1 && !diagnostics.is_empty());
        let text = err.to_string();
        assert!(
            text.contains(&file),
            "{file}: the message does not name the file:\n{text}"
        );
        assert!(
            text.contains(&expect),
            "{file}: expected {expect:?} in:\n{text}"
        );
    }
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let err = load_path(Path::new("tests/bad/bad-line.jsonl"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("bad-line.jsonl:3:"), "{err}");
    assert!(
        err.contains("bad-line.jsonl:4:"),
        "every bad line is reported:\n{err}"
    );
    let err = load_path(Path::new("tests/bad/truncated.json"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("truncated.json:1:"), "{err}");
}

#[test]
fn a_ten_megabyte_string_is_handled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    let title = "x".repeat(10 * 1024 * 1024);
    fs::write(
        &path,
        format!(r#"{{"events": [{{"id": "a", "title": "{title}", "date": "2025-04-17"}}]}}"#),
    )
    .unwrap();
    let t = load_path(&path).unwrap();
    assert_eq!(t.event(0).title().len(), title.len());
}

#[test]
fn good_edge_cases_load() {
    for (file, events) in [
        ("bom.json", 1),
        ("cyclic-links.json", 2),
        ("empty-events.json", 0),
        ("hostile.json", 1),
        ("spanless-quote.json", 1),
    ] {
        let t = load_path(&Path::new("tests/good").join(file))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(t.len(), events, "{file}");
    }
    let t = load_path(Path::new("tests/good/cyclic-links.json")).unwrap();
    let e1 = t.event(t.find_event("e1").unwrap());
    assert_eq!((e1.links().len(), e1.backlinks().len()), (1, 1));
}

#[test]
fn an_unreadable_source_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("text.txt")).unwrap(); // a directory cannot be read as a file
    let path = dir.path().join("t.json");
    fs::write(&path, r#"{"sources": [{"id": "s", "outlet": "o", "title": "t", "published": "2025-01-01", "text_file": "text.txt"}], "events": []}"#).unwrap();
    let err = load_path(&path).unwrap_err().to_string();
    assert!(err.contains("source 's': cannot read text file"), "{err}");
}

#[test]
fn a_directory_merges_files_and_names_both_on_a_clash() {
    let dir = tempfile::tempdir().unwrap();
    let one = r#"{"actors": [{"id": "a", "name": "A", "kind": "person"}], "events": [{"id": "e1", "title": "One", "date": "2025", "actors": [{"id": "b"}]}]}"#;
    let two = r#"{"actors": [{"id": "b", "name": "B", "kind": "person"}], "events": [{"id": "e2", "title": "Two", "date": "2024", "links": [{"to": "e1", "kind": "precedes"}]}]}"#;
    fs::write(dir.path().join("1.json"), one).unwrap();
    fs::write(dir.path().join("2.json"), two).unwrap();
    let t = load_path(dir.path()).unwrap();
    assert_eq!(t.len(), 2);
    assert_eq!(t.event(0).id(), "e2", "sorted by date across files");
    fs::write(dir.path().join("3.json"), one).unwrap();
    let err = load_path(dir.path()).unwrap_err().to_string();
    assert!(
        err.contains("3.json: event 'e1': duplicate event id (first declared in"),
        "{err}"
    );
    assert!(err.contains("1.json)"), "{err}");
}

#[test]
fn loading_never_writes_to_its_files() {
    let before: Vec<(std::path::PathBuf, Vec<u8>, std::time::SystemTime)> = [
        "data/rubio-witkoff-paris.json",
        "data/sources/2025-04-16-rubio-witkoff-paris.txt",
    ]
    .iter()
    .map(|p| {
        (
            p.into(),
            fs::read(p).unwrap(),
            fs::metadata(p).unwrap().modified().unwrap(),
        )
    })
    .collect();
    load_path(Path::new("data")).unwrap();
    for (path, bytes, modified) in before {
        assert_eq!(fs::read(&path).unwrap(), bytes);
        assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
    }
}
