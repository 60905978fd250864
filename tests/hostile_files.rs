//! Files that are not what they seem: devices, FIFOs, links out of the
//! timeline's folder, files past the size limit, text in odd encodings.
//! Each is refused by name, quickly, with bounded memory.

use assert_cmd::Command;
use std::path::Path;

fn dateline() -> Command {
    Command::cargo_bin("dateline").unwrap()
}

fn stderr_of(args: &[&str]) -> (i32, String) {
    let out = dateline()
        .args(args)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn devices_are_refused_by_name_under_a_memory_cap() {
    // With 512 MiB of address space, reading /dev/zero to its end would fail
    // or be killed; refusing it by name needs almost nothing.
    let bin = assert_cmd::cargo::cargo_bin("dateline");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v 524288; exec {} check /dev/zero",
            bin.display()
        ))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("/dev/zero: is a character device; dateline reads regular files"),
        "{err}"
    );
}

#[test]
fn links_to_devices_fifos_and_directories_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("u.jsonl");
    std::os::unix::fs::symlink("/dev/urandom", &link).unwrap();
    let (code, text) = stderr_of(&["check", link.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(text.contains("u.jsonl: is a character device"), "{text}");
    // In a directory too: named, not skipped in silence.
    let (code, text) = stderr_of(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(text.contains("u.jsonl: is a character device"), "{text}");

    let fifo = dir.path().join("f.json");
    if std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        // Never blocks waiting for a writer.
        let (code, text) = stderr_of(&["check", fifo.to_str().unwrap()]);
        assert_eq!(code, 1);
        assert!(text.contains("f.json: is a FIFO (named pipe)"), "{text}");
    }
}

fn timeline_with_text_file(dir: &Path, text_file: &str) -> std::path::PathBuf {
    let home = dir.join("t");
    std::fs::create_dir_all(&home).unwrap();
    let path = home.join("x.json");
    let doc = serde_json::json!({
        "sources": [{"id": "s", "outlet": "o", "title": "t", "published": "2025-01-01", "text_file": text_file}],
        "events": [{"id": "e", "title": "t", "date": "2025", "quotes": [{"source": "s", "text": "root", "start": 0, "end": 4}]}]
    });
    std::fs::write(&path, doc.to_string()).unwrap();
    path
}

#[test]
fn a_source_text_must_stay_inside_the_timeline_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = timeline_with_text_file(dir.path(), "../../../../../../../../etc/passwd");
    let (code, text) = stderr_of(&["show", "e", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        text.contains("lies outside the timeline's folder"),
        "{text}"
    );
    assert!(!text.contains("root:"), "{text}");
    // --allow-outside names a folder the user trusts.
    std::fs::write(dir.path().join("article.txt"), "root of the matter").unwrap();
    let path = timeline_with_text_file(dir.path(), "../article.txt");
    let (code, _) = stderr_of(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let outside = dir.path().to_str().unwrap();
    let (code, text) = stderr_of(&["check", path.to_str().unwrap(), "--allow-outside", outside]);
    assert_eq!(code, 0, "{text}");
    // A text_file naming a FIFO or a device is refused, not waited on.
    let path = timeline_with_text_file(dir.path(), "../../../../../../dev/zero");
    let (code, text) = stderr_of(&["check", path.to_str().unwrap(), "--allow-outside", "/dev"]);
    assert_eq!(code, 1);
    assert!(text.contains("is a character device"), "{text}");
}

#[test]
fn files_past_the_limit_are_refused_with_the_figure() {
    let (code, text) = stderr_of(&[
        "check",
        "tests/fixtures/gdelt/20250807220000.export.CSV",
        "--max-file-size",
        "1K",
    ]);
    assert_eq!(code, 1);
    assert!(text.contains("is 5.3 KiB, more than the 1 KiB dateline reads of one file (raise it with --max-file-size)"), "{text}");
}

#[test]
fn odd_encodings_say_what_the_file_looks_like() {
    let dir = tempfile::tempdir().unwrap();
    let json = "{\"events\": []}";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(json.encode_utf16().flat_map(u16::to_le_bytes));
    let without_bom: Vec<u8> = json.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let cases: [(&str, Vec<u8>, &str); 4] = [
        ("bom.json", utf16, "is UTF-16 text; dateline reads UTF-8"),
        (
            "nobom.json",
            without_bom,
            "looks like UTF-16 text without a byte order mark",
        ),
        (
            "two.json",
            [b"\xEF\xBB\xBF\xEF\xBB\xBF".as_slice(), json.as_bytes()].concat(),
            "two byte order marks",
        ),
        (
            "mac.jsonl",
            b"{\"dateline\": 1}\r{\"event\": {}}\r{\"event\": {}}\r".to_vec(),
            "CR-only line ends",
        ),
    ];
    for (name, bytes, expect) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, text) = stderr_of(&["check", path.to_str().unwrap()]);
        assert_eq!(code, 1, "{name}");
        assert!(text.contains(expect), "{name}: {text}");
    }
}
