//! The short constructors the key table is written with, so that each
//! binding reads as one phrase.

use super::super::{Binding, Context, Key};
use crate::app::action::Action;
use ratatui::crossterm::event::KeyCode;

pub(super) const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}
pub(super) const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}
pub(super) const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}
pub(super) const fn ctrl_code(code: KeyCode) -> Key {
    Key { code, ctrl: true }
}

pub(super) const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    footer: bool,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        footer,
    }
}
