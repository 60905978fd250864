//! `dateline import`: any format in, dateline's own JSON Lines out, and the
//! same timeline when read back.

use assert_cmd::Command;

fn dateline() -> Command {
    Command::cargo_bin("dateline").unwrap()
}

fn list_json(path: &std::path::Path) -> String {
    let out = dateline()
        .arg("list")
        .arg(path)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn native_then_import_gives_the_same_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seed.jsonl");
    let written = dateline()
        .args(["import", "data/rubio-witkoff-paris.json", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(written.status.success());
    let said = String::from_utf8_lossy(&written.stderr);
    assert!(said.contains("wrote 23 events to"), "{said}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("{\"dateline\":2}\n"), "{text}");
    // The source text is inline: the file loads anywhere, alone.
    assert!(!text.contains("text_file"));
    assert_eq!(
        list_json(&out),
        list_json(std::path::Path::new("data/rubio-witkoff-paris.json"))
    );
}

#[test]
fn an_imported_gdelt_export_reads_back_as_the_same_events() {
    let dir = tempfile::tempdir().unwrap();
    let export = std::path::Path::new("tests/fixtures/gdelt/20250807220000.export.CSV");
    let out = dir.path().join("gdelt.jsonl");
    dateline()
        .arg("import")
        .arg(export)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    assert_eq!(list_json(&out), list_json(export));
    // To standard output without -o.
    let piped = dateline().arg("import").arg(export).output().unwrap();
    assert_eq!(piped.stdout, std::fs::read(&out).unwrap());
}

#[test]
fn import_never_writes_over_its_input_or_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("t.json");
    std::fs::write(
        &input,
        r#"{"events": [{"id": "a", "title": "A", "date": "2025"}]}"#,
    )
    .unwrap();
    let before = std::fs::read(&input).unwrap();
    let refused = dateline()
        .arg("import")
        .arg(&input)
        .arg("-o")
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("never writes to the files it reads")
    );
    assert_eq!(std::fs::read(&input).unwrap(), before);

    let out = dir.path().join("out.jsonl");
    std::fs::write(&out, "keep me").unwrap();
    let kept = dateline()
        .arg("import")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(kept.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    dateline()
        .arg("import")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .arg("--force")
        .assert()
        .success();
    assert_ne!(std::fs::read_to_string(&out).unwrap(), "keep me");
}

#[test]
fn a_dash_reads_any_format_from_standard_input() {
    let export = std::fs::read("tests/fixtures/gdelt/20250807220000.export.CSV").unwrap();
    let out = dateline()
        .args(["list", "-", "--count"])
        .write_stdin(export)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "13");
    // Past the limit, refused with the figure, as a file would be.
    let big = vec![b' '; 4096];
    let out = dateline()
        .args(["check", "-", "--max-file-size", "1K"])
        .write_stdin(big)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("standard input: is more than the 1 KiB dateline reads"),
        "{err}"
    );
}
