//! The real binary in a pseudo-terminal on a file large enough for a
//! preview: the first frame with events comes while the file still loads
//! ("so far, loading…" in the status line), then the whole timeline takes
//! its place, and q quits normally.

mod pty;

use pty::{binary, start_browser_on};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A generated timeline of 30,000 events (about 24 MB: more than four
/// times what the preview reads) in `dir`.
fn generated(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let status = Command::new(binary())
        .args(["gen", "--events", "30000"])
        .stdout(std::fs::File::create(&path).expect("creates"))
        .status()
        .expect("runs");
    assert!(status.success());
    path
}

#[test]
fn the_first_events_show_before_the_whole_file_is_loaded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = generated(dir.path(), "big.jsonl");
    let mut session = start_browser_on(Some(&big));
    let partial = session.wait_for(0, "the preview", |s| s.contains("so far, loading"));
    // What comes after the preview's status line: the whole timeline.
    let at = partial.find("so far, loading").unwrap_or(0);
    assert!(
        !partial[..at].contains("loaded: all"),
        "the preview came first"
    );
    session.wait_for(at, "the whole timeline", |s| {
        s.contains("loaded: all 30,000 events")
    });
    session.send(b"q");
    let (code, _) = session.wait();
    assert_eq!(code, Some(0));
    // Quitting waited for the snapshot, written to the cache, not beside the file.
    let snapshots = std::fs::read_dir(session.cache.path().join("dateline"))
        .map_or(0, |d| d.filter_map(Result::ok).count());
    assert_eq!(snapshots, 1);
    let beside: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(beside.len(), 1, "only the timeline itself");
}

#[test]
fn an_error_past_the_preview_ends_the_browser_with_the_error_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = generated(dir.path(), "bad-at-the-end.jsonl");
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&big)
        .expect("opens");
    std::io::Write::write_all(
        &mut file,
        b"{\"event\":{\"id\":\"bad-day\",\"title\":\"Bad\",\"date\":\"2025-02-30\"}}\n",
    )
    .expect("appends");
    let mut session = start_browser_on(Some(&big));
    session.wait_for(0, "the preview", |s| s.contains("so far, loading"));
    let (code, screen) = session.wait();
    assert_ne!(code, Some(0));
    assert!(screen.contains("bad-day"), "the error names the event");
    assert!(screen.contains("1 problem found"));
}
