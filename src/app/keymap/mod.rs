//! The one key table: it drives dispatch, the help overlay and the footer
//! hints, so the three can never disagree.

use super::action::{Action, Pane};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod bindings;
pub use bindings::BINDINGS;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Anywhere outside prompts and pickers.
    Global,
    Pane(Pane),
    /// The actor and country pickers.
    Picker,
    /// The search and go-to prompts.
    Prompt,
    /// The help overlay.
    Help,
    /// The source view.
    Source,
    /// The line editor of every prompt and picker.
    Input,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Pane(p) => p.title(),
            Context::Picker => "Pickers (actor, country, topic, status, place)",
            Context::Prompt => "Search, go-to, date and export prompts",
            Context::Help => "This help",
            Context::Source => "Source view (s)",
            Context::Input => "Typing in a prompt or picker",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Delete => "Del".into(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }

    fn matches(&self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl != self.ctrl {
            return false;
        }
        match (self.code, ev.code) {
            // Terminals report Shift-letters as upper-case chars, with or without SHIFT.
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b,
            (a, b) => a == b,
        }
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    /// Shown in the footer when its context is active.
    pub footer: bool,
}

/// The mode the keys are read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal(Pane),
    Picker,
    Prompt,
    Help,
    Source,
}

/// Maps a key press to an action in the given mode.
pub fn dispatch(mode: Mode, ev: &KeyEvent) -> Option<Action> {
    let contexts: &[Context] = match mode {
        Mode::Normal(p) => &[Context::Pane(p), Context::Global],
        Mode::Picker => &[Context::Picker, Context::Input],
        Mode::Prompt => &[Context::Prompt, Context::Input],
        Mode::Help => &[Context::Help],
        Mode::Source => &[Context::Source],
    };
    for ctx in contexts {
        let found = BINDINGS
            .iter()
            .filter(|b| b.context == *ctx)
            .find(|b| b.keys.iter().any(|key| key.matches(ev)));
        if let Some(b) = found {
            return Some(b.action.clone());
        }
    }
    match (mode, ev.code) {
        (Mode::Picker | Mode::Prompt, KeyCode::Char(c))
            if !ev.modifiers.contains(KeyModifiers::CONTROL) && !c.is_control() =>
        {
            Some(Action::Input(c))
        }
        _ => None,
    }
}

/// The key presses a key event stands for. A terminal sends Esc and a key
/// typed right after it as one Alt-key, and dateline binds no Alt-keys: so
/// an Alt-key is Esc and then the key. Esc and q typed fast in a prompt
/// close it and quit, instead of typing a "q".
pub fn presses(ev: KeyEvent) -> impl Iterator<Item = KeyEvent> {
    let alt_char = ev.modifiers.contains(KeyModifiers::ALT)
        && !ev.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(ev.code, KeyCode::Char(_));
    let esc = alt_char.then(|| KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    let key = if alt_char {
        KeyEvent {
            modifiers: ev.modifiers - KeyModifiers::ALT,
            ..ev
        }
    } else {
        ev
    };
    esc.into_iter().chain(std::iter::once(key))
}

/// The footer hints for a mode: "Tab next pane  a filter by actor ...".
pub fn footer(mode: Mode) -> Vec<(String, &'static str)> {
    footer_hints(mode)
        .into_iter()
        .map(|h| (h.key, h.help))
        .collect()
}

/// A footer hint: the first key of a binding and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub key: String,
    pub help: &'static str,
    /// Kept when the footer is too narrow for every hint: how to get help,
    /// how to leave.
    pub essential: bool,
}

pub fn footer_hints(mode: Mode) -> Vec<Hint> {
    let contexts: Vec<Context> = match mode {
        Mode::Normal(p) => vec![Context::Pane(p), Context::Global],
        Mode::Picker => vec![Context::Picker],
        Mode::Prompt => vec![Context::Prompt],
        Mode::Help => vec![Context::Help],
        Mode::Source => vec![Context::Source],
    };
    contexts
        .iter()
        .flat_map(|ctx| {
            BINDINGS
                .iter()
                .filter(move |b| b.context == *ctx && b.footer)
        })
        .map(|b| Hint {
            key: b.keys[0].label(),
            help: b.help,
            essential: matches!(b.action, Action::ToggleHelp | Action::Quit | Action::Escape),
        })
        .collect()
}

/// Every binding grouped by context, for the help overlay.
pub fn help_sections() -> Vec<(Context, Vec<(String, &'static str)>)> {
    let mut sections: Vec<(Context, Vec<(String, &'static str)>)> = Vec::new();
    for b in BINDINGS {
        let keys = b.keys.iter().map(Key::label).collect::<Vec<_>>().join(" ");
        match sections.iter_mut().find(|(c, _)| *c == b.context) {
            Some((_, rows)) => rows.push((keys, b.help)),
            None => sections.push((b.context, vec![(keys, b.help)])),
        }
    }
    sections
}

/// Lines of the help overlay: a heading per context, a row per binding, a
/// blank line between contexts.
pub fn help_line_count() -> usize {
    let sections = help_sections();
    sections
        .iter()
        .map(|(_, rows)| rows.len() + 1)
        .sum::<usize>()
        + sections.len().saturating_sub(1)
}

/// The width a column of the help overlay needs to read well.
pub const HELP_COLUMN: u16 = 58;

/// How the help overlay lays out in `width` x `height` cells: as many
/// columns as make it fit without scrolling, else one column that scrolls.
/// Returns the columns and the largest scroll offset.
pub fn help_layout(width: u16, height: u16) -> (usize, usize) {
    let lines = help_line_count();
    let height = (height as usize).max(1);
    let fit = (width / HELP_COLUMN).max(1) as usize;
    let columns = lines.div_ceil(height);
    if columns <= fit {
        (columns.max(1), 0)
    } else {
        (1, lines - height)
    }
}

/// The inner size of the help overlay on a screen of `width` x `height`.
pub fn help_inner(width: u16, height: u16) -> (u16, u16) {
    (
        width.saturating_sub(4).min(150).saturating_sub(2),
        height.saturating_sub(2).saturating_sub(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn an_alt_key_is_esc_then_the_key() {
        let alt_q = press(KeyCode::Char('q'), KeyModifiers::ALT);
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(presses(alt_q).collect::<Vec<_>>(), [esc, q]);
        // Other keys stand for themselves.
        for key in [q, esc, press(KeyCode::Char('o'), KeyModifiers::CONTROL)] {
            assert_eq!(presses(key).collect::<Vec<_>>(), [key]);
        }
        let alt_left = press(KeyCode::Left, KeyModifiers::ALT);
        assert_eq!(presses(alt_left).collect::<Vec<_>>(), [alt_left]);
    }

    #[test]
    fn pane_bindings_win_over_global_ones() {
        let enter = press(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            dispatch(Mode::Normal(Pane::Event), &enter),
            Some(Action::Activate)
        );
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(dispatch(Mode::Normal(Pane::Quotes), &j), Some(Action::Down));
    }

    #[test]
    fn prompts_take_letters_as_text() {
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(dispatch(Mode::Prompt, &j), Some(Action::Input('j')));
        assert_eq!(
            dispatch(Mode::Picker, &press(KeyCode::Char(' '), KeyModifiers::NONE)),
            Some(Action::Toggle)
        );
        assert_eq!(
            dispatch(
                Mode::Picker,
                &press(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
    }

    #[test]
    fn shifted_letters_and_ctrl_keys() {
        let big_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            dispatch(Mode::Normal(Pane::Chronology), &big_g),
            Some(Action::Bottom)
        );
        let ctrl_o = press(KeyCode::Char('o'), KeyModifiers::CONTROL);
        assert_eq!(
            dispatch(Mode::Normal(Pane::Chronology), &ctrl_o),
            Some(Action::Back)
        );
        let plain_o = press(KeyCode::Char('o'), KeyModifiers::NONE);
        assert_eq!(dispatch(Mode::Normal(Pane::Chronology), &plain_o), None);
    }

    #[test]
    fn help_lists_every_binding_and_footer_is_a_subset() {
        let listed: usize = help_sections().iter().map(|(_, rows)| rows.len()).sum();
        assert_eq!(listed, BINDINGS.len());
        for (key, help) in footer(Mode::Normal(Pane::Event)) {
            assert!(
                BINDINGS
                    .iter()
                    .any(|b| b.help == help && b.keys[0].label() == key)
            );
        }
    }
}
