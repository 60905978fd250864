//! Input events read from the terminal, turned into the app's actions.

use crate::app::{Action, App, keymap};
use crate::ui;
use ratatui::crossterm::event::{Event, KeyEventKind, MouseEventKind};

/// The action for an input event, if any.
pub(super) fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => keymap::dispatch(app.mode(), &key),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                down: false,
            }),
            MouseEventKind::Down(_) => Some(match ui::item_at(app, m.column, m.row) {
                Some((pane, index)) => Action::SelectItem { pane, index },
                None => Action::Click {
                    column: m.column,
                    row: m.row,
                },
            }),
            _ => None,
        },
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}
