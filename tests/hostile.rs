//! Hostile text in a timeline never reaches the terminal as a control
//! sequence: neither through the real TUI's crossterm output nor the CLI.

use assert_cmd::Command;
use dateline::app::{Action, App};
use dateline::load::load_path;
use dateline::ui::{Theme, render};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::path::Path;
use std::sync::Arc;

const HOSTILE: &str = "tests/good/hostile.json";

/// Fails on any byte or sequence from the data that a terminal would act on.
fn assert_inert(bytes: &[u8], crossterm_output: bool) {
    let text = String::from_utf8_lossy(bytes);
    for (i, c) in text.char_indices() {
        let bad = matches!(c, '\u{7}' | '\u{8}' | '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}' | '\u{feff}');
        assert!(!bad, "control character U+{:04X} at byte {i}", c as u32);
        if c == '\u{1b}' {
            // crossterm itself only writes CSI sequences (ESC [); the data wrote OSC and CSI.
            assert!(crossterm_output, "ESC in plain output at byte {i}");
            assert_eq!(
                text[i + 1..].chars().next(),
                Some('['),
                "non-CSI escape at byte {i}"
            );
        }
    }
    for marker in ["52;c;", "[2J", "[31m"] {
        if crossterm_output {
            // The data's sequences appear only as visible text after the ␛ placeholder.
            assert!(
                !text.contains(&format!("\u{1b}{marker}"))
                    && !text.contains(&format!("\u{1b}]{marker}")),
                "{marker}"
            );
        }
    }
}

#[test]
fn the_tui_writes_no_sequence_from_the_data() {
    let t = load_path(Path::new(HOSTILE)).unwrap();
    let mut app = App::new(Arc::new(t));
    app.update(Action::Resize(120, 40));
    let mut out: Vec<u8> = Vec::new();
    {
        let backend = CrosstermBackend::new(&mut out);
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
        };
        let mut terminal = Terminal::with_options(backend, options).unwrap();
        terminal
            .draw(|f| render(&app, f, &Theme { color: true }))
            .unwrap();
        app.update(Action::OpenActorPicker);
        terminal
            .draw(|f| render(&app, f, &Theme { color: true }))
            .unwrap();
    }
    assert!(
        String::from_utf8_lossy(&out).contains("Hostile ␛]52;c;SGVsbG8=␇"),
        "the placeholder shows what was there"
    );
    assert_inert(&out, true);
}

#[test]
fn every_cli_path_writes_no_sequence_from_the_data() {
    for args in [
        vec!["list", HOSTILE],
        vec!["list", HOSTILE, "--json"],
        vec!["show", "e1", HOSTILE],
        vec!["show", "e1", HOSTILE, "--json"],
        vec!["actors", HOSTILE],
        vec!["countries", HOSTILE],
        vec!["check", HOSTILE],
        vec!["export", HOSTILE, "--to", "timelinejs", "--group", "actor"],
        vec!["export", HOSTILE, "--to", "ics"],
        vec!["export", HOSTILE, "--to", "csv"],
        vec!["export", HOSTILE, "--to", "markdown"],
        vec!["export", HOSTILE, "--to", "jsonl"],
    ] {
        let out = Command::cargo_bin("dateline")
            .unwrap()
            .args(&args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        assert_inert(&out.stdout, false);
        assert_inert(&out.stderr, false);
    }
    // Diagnostics echo input: they are cleaned too.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"events\": [{\"id\": \"x\\u001b]0;pwned\\u0007\", \"title\": \"t\", \"date\": \"2025-02-30\", \"actors\": [{\"id\": \"\\u001b[2Jghost\"}]}]}").unwrap();
    let out = Command::cargo_bin("dateline")
        .unwrap()
        .arg("check")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_inert(&out.stderr, false);
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown actor '␛[2Jghost'"));
    // An event id typed on the command line is cleaned before it is echoed.
    let out = Command::cargo_bin("dateline")
        .unwrap()
        .args(["show", "\u{1b}]52;c;x\u{7}"])
        .output()
        .unwrap();
    assert_inert(&out.stderr, false);
}
