//! The one line editor behind every prompt and picker: a shell's keys
//! (Ctrl-a/e/u/w/k, Home/End, Left/Right) over `tui-input`'s buffer, and a
//! preselected default that the first character typed replaces.

use tui_input::{Input, InputRequest};

/// An editing key, as the key table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Left,
    Right,
    WordLeft,
    WordRight,
    Home,
    End,
    /// Backspace.
    DeleteBack,
    /// Delete.
    DeleteForward,
    /// Ctrl-w.
    DeleteWordBack,
    /// Ctrl-u.
    DeleteToStart,
    /// Ctrl-k.
    DeleteToEnd,
}

#[derive(Debug, Clone, Default)]
pub struct LineInput {
    input: Input,
    /// The whole text is selected: typing replaces it, a move keeps it.
    selected: bool,
}

impl PartialEq for LineInput {
    fn eq(&self, other: &Self) -> bool {
        self.value() == other.value()
            && self.cursor() == other.cursor()
            && self.selected == other.selected
    }
}

impl Eq for LineInput {}

impl LineInput {
    pub fn new() -> LineInput {
        LineInput::default()
    }

    /// A default the first character typed replaces (empty: nothing selected).
    pub fn preselected(text: &str) -> LineInput {
        LineInput {
            input: Input::new(text.to_string()),
            selected: !text.is_empty(),
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// Characters before the cursor.
    pub fn cursor(&self) -> usize {
        self.input.cursor()
    }

    /// Whether the text is a preselected default.
    pub fn is_selected(&self) -> bool {
        self.selected
    }

    /// The text before the cursor and from it on.
    pub fn split(&self) -> (&str, &str) {
        let value = self.value();
        let at = value
            .char_indices()
            .nth(self.cursor())
            .map_or(value.len(), |(i, _)| i);
        value.split_at(at)
    }

    /// Drops a selected default before an edit that replaces it.
    fn replace_selection(&mut self) {
        if std::mem::take(&mut self.selected) {
            self.input.reset();
        }
    }

    pub fn insert_char(&mut self, c: char) {
        self.replace_selection();
        self.input.handle(InputRequest::InsertChar(c));
    }

    /// Inserts `s` at the cursor (a paste), replacing a selected default.
    /// Line breaks become spaces: a prompt is one line.
    pub(crate) fn insert_str(&mut self, s: &str) {
        self.replace_selection();
        for c in s.chars() {
            let c = if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            };
            if !c.is_control() {
                self.input.handle(InputRequest::InsertChar(c));
            }
        }
    }

    pub fn edit(&mut self, edit: Edit) {
        use InputRequest as R;
        let deletes = matches!(
            edit,
            Edit::DeleteBack | Edit::DeleteForward | Edit::DeleteToStart | Edit::DeleteToEnd
        );
        if self.selected && deletes {
            // Erasing a selected default erases all of it.
            self.replace_selection();
            return;
        }
        self.selected = false;
        let request = match edit {
            Edit::Left => R::GoToPrevChar,
            Edit::Right => R::GoToNextChar,
            Edit::WordLeft => R::GoToPrevWord,
            Edit::WordRight => R::GoToNextWord,
            Edit::Home => R::GoToStart,
            Edit::End => R::GoToEnd,
            Edit::DeleteBack => R::DeletePrevChar,
            Edit::DeleteForward => R::DeleteNextChar,
            Edit::DeleteWordBack => R::DeletePrevWord,
            Edit::DeleteToStart => R::DeleteFromStart,
            Edit::DeleteToEnd => R::DeleteTillEnd,
        };
        self.input.handle(request);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(input: &mut LineInput, text: &str) {
        text.chars().for_each(|c| input.insert_char(c));
    }

    #[test]
    fn typing_over_a_default_replaces_it() {
        let mut i = LineInput::preselected("2025-03-01..2025-04-30");
        typed(&mut i, "2025-04-17");
        assert_eq!(i.value(), "2025-04-17");
        let mut i = LineInput::preselected("2025..");
        i.edit(Edit::End);
        typed(&mut i, "2026");
        assert_eq!(i.value(), "2025..2026");
        let mut i = LineInput::preselected("abc");
        i.edit(Edit::DeleteBack);
        assert_eq!(i.value(), "");
    }

    #[test]
    fn shell_keys_edit_the_line() {
        let mut i = LineInput::new();
        typed(&mut i, "witkoff putin talks");
        i.edit(Edit::DeleteWordBack);
        assert_eq!(i.value(), "witkoff putin ");
        i.edit(Edit::Home);
        typed(&mut i, "> ");
        assert_eq!(i.split(), ("> ", "witkoff putin "));
        i.edit(Edit::DeleteToEnd);
        assert_eq!(i.value(), "> ");
        i.edit(Edit::Left);
        i.edit(Edit::DeleteToStart);
        assert_eq!((i.value(), i.cursor()), (" ", 0));
        i.edit(Edit::DeleteForward);
        assert_eq!(i.value(), "");
    }

    #[test]
    fn pasting_inserts_at_the_cursor_on_one_line() {
        let mut i = LineInput::new();
        typed(&mut i, "ab");
        i.edit(Edit::Left);
        i.insert_str("x\ny\u{1b}");
        assert_eq!(i.value(), "ax yb");
        assert_eq!(i.cursor(), 4);
    }
}
