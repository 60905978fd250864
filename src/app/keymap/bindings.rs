//! The key table itself: every binding, by context, with its help text and
//! whether the footer shows it.

use super::{Binding, Context, Key};
use crate::app::action::{Action, Pane};
use crate::app::input::Edit;
use ratatui::crossterm::event::KeyCode;

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}
const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}
const fn ctrl_code(code: KeyCode) -> Key {
    Key { code, ctrl: true }
}

const fn bind(
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

use Context::*;

pub static BINDINGS: &[Binding] = &[
    bind(
        Global,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "move down",
        false,
    ),
    bind(
        Global,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "move up",
        false,
    ),
    bind(
        Global,
        &[k('g'), code(KeyCode::Home)],
        Action::Top,
        "first",
        false,
    ),
    bind(
        Global,
        &[k('G'), code(KeyCode::End)],
        Action::Bottom,
        "last",
        false,
    ),
    bind(
        Global,
        &[code(KeyCode::PageUp), ctrl('u')],
        Action::PageUp,
        "page up",
        false,
    ),
    bind(
        Global,
        &[code(KeyCode::PageDown), ctrl('d')],
        Action::PageDown,
        "page down",
        false,
    ),
    bind(
        Global,
        &[code(KeyCode::Tab)],
        Action::FocusNext,
        "next pane",
        true,
    ),
    bind(
        Global,
        &[code(KeyCode::BackTab)],
        Action::FocusPrev,
        "previous pane",
        false,
    ),
    bind(
        Global,
        &[k('1')],
        Action::Focus(Pane::Chronology),
        "focus chronology",
        false,
    ),
    bind(
        Global,
        &[k('2')],
        Action::Focus(Pane::Event),
        "focus event",
        false,
    ),
    bind(
        Global,
        &[k('3')],
        Action::Focus(Pane::Actor),
        "focus actor",
        false,
    ),
    bind(
        Global,
        &[k('4')],
        Action::Focus(Pane::Quotes),
        "focus quotes",
        false,
    ),
    bind(Global, &[ctrl('o'), k('[')], Action::Back, "back", true),
    bind(
        Global,
        &[ctrl('i'), k(']')],
        Action::Forward,
        "forward",
        false,
    ),
    bind(
        Global,
        &[k('a')],
        Action::OpenActorPicker,
        "filter by actor",
        true,
    ),
    bind(
        Global,
        &[k('c')],
        Action::OpenCountryPicker,
        "filter by country",
        true,
    ),
    bind(
        Global,
        &[k('x')],
        Action::ClearFilters,
        "clear all filters",
        false,
    ),
    bind(
        Global,
        &[k('d')],
        Action::StartDates,
        "filter by dates",
        false,
    ),
    bind(
        Global,
        &[k('t')],
        Action::OpenTopicPicker,
        "filter by topic",
        false,
    ),
    bind(
        Global,
        &[k('S')],
        Action::OpenStatusPicker,
        "filter by status",
        false,
    ),
    bind(
        Global,
        &[k('p')],
        Action::OpenPlacePicker,
        "filter by place",
        false,
    ),
    bind(Global, &[k('/')], Action::StartSearch, "search", true),
    bind(
        Global,
        &[k('F')],
        Action::ToggleOnlyHits,
        "show only search hits / all events",
        false,
    ),
    bind(Global, &[k('n')], Action::NextHit, "next search hit", false),
    bind(
        Global,
        &[k('N')],
        Action::PrevHit,
        "previous search hit",
        false,
    ),
    bind(
        Global,
        &[k(':')],
        Action::StartGoto,
        "go to a date or event id",
        false,
    ),
    bind(Global, &[k('?')], Action::ToggleHelp, "help", true),
    bind(
        Global,
        &[code(KeyCode::Esc)],
        Action::Escape,
        "close overlay / leave search",
        false,
    ),
    bind(Global, &[k('q')], Action::Quit, "quit", true),
    bind(Global, &[ctrl('c')], Action::Quit, "quit (always)", false),
    bind(
        Pane(super::Pane::Event),
        &[code(KeyCode::Enter)],
        Action::Activate,
        "follow link / show actor",
        true,
    ),
    bind(
        Pane(super::Pane::Actor),
        &[code(KeyCode::Enter)],
        Action::Activate,
        "jump to the actor's event",
        true,
    ),
    bind(
        Pane(super::Pane::Actor),
        &[k('f')],
        Action::FilterByActor,
        "filter by this actor",
        true,
    ),
    bind(
        Pane(super::Pane::Chronology),
        &[code(KeyCode::Enter)],
        Action::Activate,
        "open the event pane",
        true,
    ),
    bind(Picker, &[code(KeyCode::Up)], Action::Up, "move up", true),
    bind(
        Picker,
        &[code(KeyCode::Down)],
        Action::Down,
        "move down",
        true,
    ),
    bind(
        Picker,
        &[code(KeyCode::PageUp)],
        Action::PageUp,
        "page up",
        false,
    ),
    bind(
        Picker,
        &[code(KeyCode::PageDown)],
        Action::PageDown,
        "page down",
        false,
    ),
    bind(Picker, &[k(' ')], Action::Toggle, "toggle", true),
    bind(
        Picker,
        &[code(KeyCode::Enter)],
        Action::Submit,
        "apply",
        true,
    ),
    bind(
        Picker,
        &[code(KeyCode::Backspace)],
        Action::Backspace,
        "erase",
        false,
    ),
    bind(
        Picker,
        &[code(KeyCode::Esc)],
        Action::Escape,
        "cancel",
        true,
    ),
    bind(Picker, &[ctrl('c')], Action::Quit, "quit", false),
    bind(Prompt, &[code(KeyCode::Enter)], Action::Submit, "run", true),
    bind(
        Prompt,
        &[code(KeyCode::Backspace)],
        Action::Backspace,
        "erase",
        false,
    ),
    bind(
        Prompt,
        &[code(KeyCode::Esc)],
        Action::Escape,
        "cancel",
        true,
    ),
    bind(Prompt, &[ctrl('c')], Action::Quit, "quit", false),
    bind(
        Prompt,
        &[code(KeyCode::Tab)],
        Action::ToggleWithin,
        "dates: can fall in / certainly within",
        false,
    ),
    bind(
        Input,
        &[code(KeyCode::Left), ctrl('b')],
        Action::Edit(Edit::Left),
        "cursor left",
        false,
    ),
    bind(
        Input,
        &[code(KeyCode::Right), ctrl('f')],
        Action::Edit(Edit::Right),
        "cursor right",
        false,
    ),
    bind(
        Input,
        &[ctrl_code(KeyCode::Left)],
        Action::Edit(Edit::WordLeft),
        "word left",
        false,
    ),
    bind(
        Input,
        &[ctrl_code(KeyCode::Right)],
        Action::Edit(Edit::WordRight),
        "word right",
        false,
    ),
    bind(
        Input,
        &[ctrl('a'), code(KeyCode::Home)],
        Action::Edit(Edit::Home),
        "start of line",
        false,
    ),
    bind(
        Input,
        &[ctrl('e'), code(KeyCode::End)],
        Action::Edit(Edit::End),
        "end of line",
        false,
    ),
    bind(
        Input,
        &[code(KeyCode::Delete), ctrl('d')],
        Action::Edit(Edit::DeleteForward),
        "delete under the cursor",
        false,
    ),
    bind(
        Input,
        &[ctrl('w')],
        Action::Edit(Edit::DeleteWordBack),
        "delete the word before",
        false,
    ),
    bind(
        Input,
        &[ctrl('u')],
        Action::Edit(Edit::DeleteToStart),
        "delete to the start",
        false,
    ),
    bind(
        Input,
        &[ctrl('k')],
        Action::Edit(Edit::DeleteToEnd),
        "delete to the end",
        false,
    ),
];
