//! What the user types or pastes is shown through the same rules as data,
//! and emoji sequences in data show as their parts, without the joiner.

use dateline::app::{Action, App, keymap};
use dateline::load::{load_builtin, load_path};
use dateline::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

fn app() -> App {
    let mut app = App::new(Arc::new(load_builtin().unwrap()));
    app.update(Action::Resize(120, 40));
    app
}

/// Types text one key at a time, as a terminal reports it.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(action) = keymap::dispatch(app.mode(), &key) {
            app.update(action);
        }
    }
}

fn enter(app: &mut App) {
    let key = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    let action = keymap::dispatch(app.mode(), &key).unwrap();
    app.update(action);
}

/// Every cell of the screen, row by row.
fn screen(app: &App) -> String {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| render(app, f, &Theme { color: false }))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..h {
        let mut x = 0;
        while x < w {
            // A wide character's second cell holds nothing of its own.
            let symbol = buffer[(x, y)].symbol();
            text.push_str(symbol);
            x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
        }
        text.push('\n');
    }
    text
}

fn assert_no_zero_width(text: &str) {
    for c in text.chars() {
        assert!(
            !matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{206f}' | '\u{feff}'),
            "U+{:04X} on screen",
            c as u32
        );
    }
}

#[test]
fn a_typed_zero_width_joiner_shows_as_a_placeholder() {
    let mut app = app();
    type_text(&mut app, "/abcd\u{200D}31m");
    assert_eq!(
        app.prompt.as_ref().unwrap().text(),
        "abcd\u{FFFD}31m",
        "the prompt"
    );
    let prompt = screen(&app);
    assert!(prompt.contains("/abcd\u{FFFD}31m"));
    assert_no_zero_width(&prompt);
    enter(&mut app);
    assert_eq!(app.search.as_ref().unwrap().query, "abcd\u{FFFD}31m");
    assert_eq!(
        app.message.as_deref(),
        Some("no match for \"abcd\u{FFFD}31m\"")
    );
    let status = screen(&app);
    assert!(status.contains("/abcd\u{FFFD}31m: 0 hits"), "{status}");
    assert_no_zero_width(&status);
    // The picker's query too.
    let mut app = self::app();
    type_text(&mut app, "a");
    type_text(&mut app, "pu\u{200B}\u{202E}");
    assert_eq!(app.picker.as_ref().unwrap().query(), "pu\u{FFFD}\u{FFFD}");
    assert_no_zero_width(&screen(&app));
}

#[test]
fn a_paste_is_one_insert_with_its_controls_dropped() {
    let mut app = app();
    type_text(&mut app, "/");
    app.update(Action::Paste(
        "Witkoff\r\nmet\tPutin\u{1b}[2J\u{7}\u{9b}".into(),
    ));
    assert_eq!(app.prompt.as_ref().unwrap().text(), "Witkoff  met Putin[2J");
    // Keys after it go on where it ended.
    type_text(&mut app, "!");
    assert_eq!(
        app.prompt.as_ref().unwrap().text(),
        "Witkoff  met Putin[2J!"
    );
    // Into the picker's query, which narrows at once.
    let mut app = self::app();
    type_text(&mut app, "a");
    app.update(Action::Paste("vladimir\nputin".into()));
    let picker = app.picker.as_ref().unwrap();
    assert_eq!(picker.query(), "vladimir putin");
    assert_eq!(picker.shown.len(), 1);
    // Outside a prompt: nothing happens but a hint.
    let mut app = self::app();
    let before = app.selected;
    app.update(Action::Paste("jjjj/q".into()));
    assert!(app.prompt.is_none() && !app.quit && app.selected == before);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("paste into a prompt")
    );
}

#[test]
fn a_long_prompt_scrolls_to_keep_its_end_in_view() {
    let mut app = app();
    type_text(&mut app, "/");
    let long: String = (0..40).map(|i| format!("word{i} ")).collect();
    app.update(Action::Paste(format!("{long}THE-END")));
    let screen = screen(&app);
    let status = screen.lines().nth(38).unwrap();
    assert!(status.starts_with("/…"), "{status}");
    // The cursor sits just after the end.
    assert!(status.trim_end().ends_with("THE-END"), "{status}");
    // The picker's query too.
    let mut app = self::app();
    type_text(&mut app, "a");
    app.update(Action::Paste(format!("{long}THE-END")));
    let screen = self::screen(&app);
    assert!(screen.contains("› …"), "{screen}");
    assert!(screen.contains("THE-END   0 of 28"), "{screen}");
}

#[test]
fn emoji_sequences_in_data_show_as_their_parts() {
    let family = "👨\u{200D}👩\u{200D}👧";
    let text = format!("A day out {family} as Mr Rubio will travel to Paris.");
    let start = text[..text.find("Mr Rubio").unwrap()].chars().count();
    let quote = "Mr Rubio will travel";
    let end = start + quote.chars().count();
    let doc = serde_json::json!({
        "dateline": 1,
        "sources": [{"id": "s1", "outlet": "Wire", "title": "T", "published": "2025-04-16",
                     "text": text}],
        "actors": [{"id": "rubio", "name": format!("Rubio {family}"), "kind": "person", "country": "US"}],
        "events": [{"id": "e1", "title": format!("Family {family} trip"), "date": "2025-04-17",
                    "actors": [{"id": "rubio", "role": "traveller"}],
                    "quotes": [{"source": "s1", "text": quote, "start": start, "end": end}]}]
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("emoji.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    // The quote after the sequence still stands at its span.
    let t = load_path(&path).unwrap();
    let e = t.event(t.find_event("e1").unwrap());
    assert_eq!(e.title(), "Family 👨👩👧 trip");
    let mut app = App::new(Arc::new(t));
    app.update(Action::Resize(120, 40));
    let shown = screen(&app);
    assert!(shown.contains("👨👩👧"), "{shown}");
    assert!(
        shown.contains("A day out 👨👩👧 as Mr Rubio will travel"),
        "{shown}"
    );
    assert!(!shown.contains('\u{FFFD}'), "{shown}");
    assert_no_zero_width(&shown);
    // And from the command line.
    let out = assert_cmd::Command::cargo_bin("dateline")
        .unwrap()
        .args(["show", "e1"])
        .arg(&path)
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.contains("A day out 👨👩👧 as «Mr Rubio will travel» to Paris."),
        "{out}"
    );
    assert_no_zero_width(&out);
}

#[test]
fn the_timeline_title_closes_the_status_line() {
    let t = load_path(std::path::Path::new(
        "tests/fixtures/timelinejs/women_in_computing.json",
    ))
    .unwrap();
    assert_eq!(t.title(), Some("Women in Computing"));
    let mut app = App::new(Arc::new(t));
    app.update(Action::Resize(100, 30));
    let shown = screen(&app);
    let status = shown.lines().nth(28).unwrap();
    assert!(
        status.contains("event 1 of 10  · Women in Computing"),
        "{status}"
    );
    // The built-in timeline has no title: nothing is added.
    let mut app = App::new(Arc::new(dateline::load::load_builtin().unwrap()));
    app.update(Action::Resize(100, 30));
    let shown = screen(&app);
    let status = shown.lines().nth(28).unwrap();
    assert!(status.trim_end().ends_with("of 23"), "{status}");
}
