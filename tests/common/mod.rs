//! What the key-sequence tests share: typing keys as a person would.
// Each test binary uses the part it needs.
#![allow(dead_code)]

use dateline::app::{App, keymap};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Types keys as a person would: "j", "Enter", "C-o", "M-q", "PgDn", or text for
/// prompts (typed a character at a time).
pub fn keys(app: &mut App, seq: &[&str]) {
    for k in seq {
        let (code, mods) = match *k {
            "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
            "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
            "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
            "S-Tab" => (KeyCode::BackTab, KeyModifiers::NONE),
            "Space" => (KeyCode::Char(' '), KeyModifiers::NONE),
            "Down" => (KeyCode::Down, KeyModifiers::NONE),
            "Up" => (KeyCode::Up, KeyModifiers::NONE),
            "Left" => (KeyCode::Left, KeyModifiers::NONE),
            "Right" => (KeyCode::Right, KeyModifiers::NONE),
            "Home" => (KeyCode::Home, KeyModifiers::NONE),
            "End" => (KeyCode::End, KeyModifiers::NONE),
            "PgUp" => (KeyCode::PageUp, KeyModifiers::NONE),
            "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
            "Del" => (KeyCode::Delete, KeyModifiers::NONE),
            "Backspace" => (KeyCode::Backspace, KeyModifiers::NONE),
            alt if alt.len() == 3 && alt.starts_with("M-") => (
                KeyCode::Char(alt.chars().nth(2).unwrap_or('?')),
                KeyModifiers::ALT,
            ),
            ctrl if ctrl.len() == 3 && ctrl.starts_with("C-") => (
                KeyCode::Char(ctrl.chars().nth(2).unwrap_or('?')),
                KeyModifiers::CONTROL,
            ),
            text if text.chars().count() == 1 => (
                KeyCode::Char(text.chars().next().unwrap_or('?')),
                KeyModifiers::NONE,
            ),
            text => {
                for c in text.chars() {
                    keys(app, &[&c.to_string()]);
                }
                continue;
            }
        };
        // As the terminal loop does: an Alt-key is Esc and then the key.
        for press in keymap::presses(KeyEvent::new(code, mods)) {
            if let Some(action) = keymap::dispatch(app.mode(), &press) {
                app.update(action);
            }
        }
    }
}

/// The id of the selected event.
pub fn current_id(app: &App) -> String {
    app.timeline.event(app.current().unwrap()).id().to_string()
}
