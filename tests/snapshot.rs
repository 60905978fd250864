//! Snapshots seen from the command line: a reopen says exactly what the
//! first load said, and a changed input, a damaged or foreign snapshot,
//! or two writers at once never make it say anything else.

use assert_cmd::Command;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A cache and a folder of inputs, both temporary.
struct Place {
    cache: tempfile::TempDir,
    work: tempfile::TempDir,
}

impl Place {
    fn new() -> Place {
        Place {
            cache: tempfile::tempdir().unwrap(),
            work: tempfile::tempdir().unwrap(),
        }
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("dateline").unwrap();
        c.env("XDG_CACHE_HOME", self.cache.path())
            // Small inputs get snapshots too, so tests stay small.
            .env("DATELINE_SNAPSHOT_MIN", "1")
            .env_remove("DATELINE_SNAPSHOT")
            .env_remove("DATELINE_CACHE_MAX");
        c
    }

    /// Standard output of a successful run.
    fn out(&self, args: &[&str]) -> String {
        let o = self.cmd().args(args).output().unwrap();
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    }

    fn generated(&self, events: usize) -> PathBuf {
        let path = self.work.path().join("t.jsonl");
        let text = self.out(&["gen", "--events", &events.to_string()]);
        fs::write(&path, text).unwrap();
        path
    }

    fn snapshots(&self) -> Vec<PathBuf> {
        let dir = self.cache.path().join("dateline");
        let mut found: Vec<PathBuf> = fs::read_dir(&dir)
            .map(|l| l.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        found.retain(|p| p.extension().is_some_and(|e| e == "snap"));
        found.sort();
        found
    }

    fn only_snapshot(&self) -> PathBuf {
        let found = self.snapshots();
        assert_eq!(found.len(), 1, "{found:?}");
        found[0].clone()
    }
}

fn inode(p: &Path) -> u64 {
    fs::metadata(p).unwrap().ino()
}

/// Marks a snapshot as long unused; a reopen from it marks it used again.
fn age(p: &Path) {
    let old = SystemTime::now() - Duration::from_secs(86_400);
    fs::File::options()
        .write(true)
        .open(p)
        .unwrap()
        .set_modified(old)
        .unwrap();
}

fn used_lately(p: &Path) -> bool {
    let t = fs::metadata(p).unwrap().modified().unwrap();
    t > SystemTime::now() - Duration::from_secs(3600)
}

#[test]
fn a_reopen_says_exactly_what_the_first_load_said() {
    let place = Place::new();
    let input = place.generated(300);
    let input = input.to_str().unwrap();
    let first = place.out(&["list", input, "--json"]);
    let check = place.out(&["check", input]);
    let snap = place.only_snapshot();
    let ino = inode(&snap);
    age(&snap);
    assert_eq!(place.out(&["list", input, "--json"]), first);
    assert!(
        used_lately(&snap),
        "the second list did not read the snapshot"
    );
    assert_eq!(inode(&snap), ino, "rebuilt instead of reopened");
    assert_eq!(place.out(&["check", input]), check);
    assert_eq!(
        place.out(&["list", input, "--actor", "a0", "--count"]),
        place.out(&["list", input, "--actor", "a0", "--count", "--no-snapshot"])
    );
    let id = first
        .lines()
        .nth(7)
        .and_then(|l| l.split('"').nth(3))
        .unwrap();
    assert_eq!(
        place.out(&["show", id, input]),
        place.out(&["show", id, input, "--no-snapshot"])
    );
    assert_eq!(place.only_snapshot(), snap);
}

#[test]
fn a_changed_file_is_read_again_even_with_its_size_and_time_restored() {
    let place = Place::new();
    let path = place.generated(200);
    let input = path.to_str().unwrap();
    let before = place.out(&["list", input, "--json"]);
    let snap = inode(&place.only_snapshot());
    let meta = fs::metadata(&path).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    // An event's title gains a letter; a summary's last space goes.
    let mut changed = text.replacen(
        "\"id\":\"e0\",\"title\":\"",
        "\"id\":\"e0\",\"title\":\"X",
        1,
    );
    let summary = changed.rfind("\"summary\":\"").unwrap();
    let space = summary + changed[summary..].find(' ').unwrap();
    changed.remove(space);
    assert_eq!(changed.len(), text.len());
    fs::write(&path, &changed).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(meta.modified().unwrap())
        .unwrap();
    assert_eq!(fs::metadata(&path).unwrap().mtime_nsec(), meta.mtime_nsec());
    let after = place.out(&["list", input, "--json"]);
    assert!(after != before, "the stale snapshot was used");
    assert_eq!(
        after,
        place.out(&["list", input, "--json", "--no-snapshot"])
    );
    assert_ne!(inode(&place.only_snapshot()), snap, "not rebuilt");
}

/// Damages the snapshot with `damage`, then checks that the next run says
/// what a load without snapshot says, and writes a sound one again.
fn damaged_snapshot_is_ignored(damage: impl Fn(&mut Vec<u8>)) {
    let place = Place::new();
    let input = place.generated(150);
    let input = input.to_str().unwrap();
    let good = place.out(&["list", input, "--json"]);
    let snap = place.only_snapshot();
    let mut bytes = fs::read(&snap).unwrap();
    damage(&mut bytes);
    fs::write(&snap, &bytes).unwrap();
    assert_eq!(place.out(&["list", input, "--json"]), good);
    assert_ne!(fs::read(&snap).unwrap(), bytes, "not rebuilt");
    let ino = inode(&snap);
    age(&snap);
    assert_eq!(place.out(&["list", input, "--json"]), good);
    assert!(used_lately(&snap), "the rebuilt snapshot was not used");
    assert_eq!(inode(&snap), ino, "rebuilt instead of reopened");
}

#[test]
fn a_truncated_snapshot_is_ignored_and_rebuilt() {
    damaged_snapshot_is_ignored(|b| b.truncate(b.len() / 2));
    damaged_snapshot_is_ignored(|b| b.truncate(10));
    damaged_snapshot_is_ignored(|b| b.clear());
}

#[test]
fn a_snapshot_of_another_format_version_is_ignored() {
    damaged_snapshot_is_ignored(|b| b[8] = b[8].wrapping_add(1));
}

#[test]
fn flipped_bytes_are_ignored_without_a_panic() {
    damaged_snapshot_is_ignored(|b| b[100] ^= 0x10);
    damaged_snapshot_is_ignored(|b| {
        let n = b.len();
        b[n - 3] ^= 0x01;
    });
    damaged_snapshot_is_ignored(|b| {
        for i in (64..b.len()).step_by(97) {
            b[i] = b[i].wrapping_mul(31);
        }
    });
}

#[test]
fn two_writers_at_once_leave_a_sound_snapshot() {
    let place = Place::new();
    let input = place.generated(2000);
    let input = input.to_str().unwrap();
    let expected = place.out(&["list", input, "--count", "--no-snapshot"]);
    let spawn = || {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("dateline"));
        c.env("XDG_CACHE_HOME", place.cache.path())
            .env("DATELINE_SNAPSHOT_MIN", "1")
            .args(["list", input, "--count"])
            .stdout(std::process::Stdio::piped());
        c.spawn().unwrap()
    };
    let runs: Vec<_> = (0..3).map(|_| spawn()).collect();
    for run in runs {
        let o = run.wait_with_output().unwrap();
        assert!(o.status.success());
        assert_eq!(String::from_utf8(o.stdout).unwrap(), expected);
    }
    let snap = place.only_snapshot();
    let ino = inode(&snap);
    age(&snap);
    assert_eq!(place.out(&["list", input, "--count"]), expected);
    assert!(used_lately(&snap));
    assert_eq!(inode(&snap), ino, "rebuilt instead of reopened");
    let leftovers = fs::read_dir(snap.parent().unwrap()).unwrap().count();
    assert_eq!(leftovers, 1, "temporary files left behind");
}

#[test]
fn a_changed_source_text_is_read_again() {
    let place = Place::new();
    let dir = place.work.path().join("data");
    fs::create_dir_all(dir.join("sources")).unwrap();
    for f in [
        "rubio-witkoff-paris.json",
        "sources/2025-04-16-rubio-witkoff-paris.txt",
    ] {
        fs::copy(Path::new("data").join(f), dir.join(f)).unwrap();
    }
    let input = dir.to_str().unwrap();
    place.out(&["check", input]);
    let snap = place.only_snapshot();
    let ino = inode(&snap);
    age(&snap);
    place.out(&["check", input]);
    assert!(used_lately(&snap));
    assert_eq!(inode(&snap), ino, "rebuilt instead of reopened");
    // The text no longer holds the quotes: the load must fail, not reopen.
    let text = dir.join("sources/2025-04-16-rubio-witkoff-paris.txt");
    let words = fs::read_to_string(&text)
        .unwrap()
        .replace("Witkoff", "Witkofs");
    fs::write(&text, words).unwrap();
    place.cmd().args(["check", input]).assert().failure();
}

#[test]
fn a_new_file_in_a_directory_is_seen() {
    let place = Place::new();
    let path = place.generated(100);
    let dir = path.parent().unwrap().to_str().unwrap().to_string();
    let before = place.out(&["list", &dir, "--count"]);
    fs::write(
        place.work.path().join("more.csv"),
        "date,title\n2025-04-13,Another\n",
    )
    .unwrap();
    let after = place.out(&["list", &dir, "--count"]);
    assert!(after != before, "the stale snapshot was used");
    assert_eq!(
        after,
        place.out(&["list", &dir, "--count", "--no-snapshot"])
    );
}

#[test]
fn no_snapshot_flag_and_setting_write_nothing() {
    let place = Place::new();
    let input = place.generated(100);
    let input = input.to_str().unwrap();
    place.out(&["list", input, "--count", "--no-snapshot"]);
    place.out(&["check", input, "--no-snapshot"]);
    place
        .cmd()
        .env("DATELINE_SNAPSHOT", "0")
        .args(["list", input])
        .assert()
        .success();
    place
        .cmd()
        .args(["list", "-", "--count"])
        .write_stdin(fs::read(input).unwrap())
        .assert()
        .success();
    assert_eq!(place.snapshots(), Vec::<PathBuf>::new());
    // Below the size threshold, nothing either.
    let mut small = place.cmd();
    small
        .env("DATELINE_SNAPSHOT_MIN", "1G")
        .args(["list", input, "--count"])
        .assert()
        .success();
    assert_eq!(place.snapshots(), Vec::<PathBuf>::new());
}

#[test]
fn cache_info_names_each_input_and_clear_empties_it() {
    let place = Place::new();
    let input = place.generated(100);
    let input = input.to_str().unwrap();
    place.out(&["list", input, "--count"]);
    let info = place.out(&["cache", "info"]);
    assert!(info.contains(input), "{info}");
    assert!(info.contains("1 snapshot,"), "{info}");
    assert!(info.starts_with(place.cache.path().join("dateline").to_str().unwrap()));
    let cleared = place.out(&["cache", "clear"]);
    assert!(cleared.starts_with("removed 1 snapshots"), "{cleared}");
    assert_eq!(place.snapshots(), Vec::<PathBuf>::new());
    assert!(place.out(&["cache", "info"]).contains("0 snapshots"));
}

#[test]
fn the_cache_keeps_under_its_cap_dropping_the_least_recently_used() {
    let place = Place::new();
    let a = place.generated(300);
    let b = place.work.path().join("b.jsonl");
    fs::copy(&a, &b).unwrap();
    place.out(&["list", a.to_str().unwrap(), "--count"]);
    let first = place.only_snapshot();
    let size = fs::metadata(&first).unwrap().len();
    let mut c = place.cmd();
    c.env("DATELINE_CACHE_MAX", (size + size / 2).to_string())
        .args(["list", b.to_str().unwrap(), "--count"])
        .assert()
        .success();
    let left = place.only_snapshot();
    assert_ne!(left, first, "the older snapshot should have gone");
}

#[test]
fn a_file_named_from_another_folder_reopens_the_same_snapshot() {
    let place = Place::new();
    let path = place.generated(100);
    let first = place.out(&["list", path.to_str().unwrap(), "--json"]);
    let snap = place.only_snapshot();
    let written = inode(&snap);
    age(&snap);
    let o = place
        .cmd()
        .current_dir(place.work.path())
        .args(["list", "t.jsonl", "--json"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(o.stdout).unwrap(), first);
    assert!(used_lately(&snap), "the snapshot was not used");
    assert_eq!(inode(&snap), written, "the snapshot was rebuilt, not found");
}
