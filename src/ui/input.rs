//! How a line being edited is drawn: the text with a block cursor, or a
//! preselected default shown selected (typing replaces it).

use super::Theme;
use super::text::{fit, tail_within};
use crate::app::LineInput;
use ratatui::style::Modifier;
use ratatui::text::Span;
use unicode_width::UnicodeWidthStr;

/// The line in at most `room` columns: a text too long scrolls so that the
/// cursor and what is just before it stay in view, cut ends shown by "…".
pub fn spans<'a>(input: &'a LineInput, theme: &Theme, room: usize) -> Vec<Span<'a>> {
    let room = room.max(4);
    if input.is_selected() {
        let (cut, shown) = tail_within(input.value(), room.saturating_sub(1));
        let mut spans = Vec::new();
        if cut {
            spans.push(Span::styled("…", theme.dim()));
        }
        spans.push(Span::styled(shown, theme.selected()));
        spans.push(Span::styled("▏", theme.label()));
        return spans;
    }
    let (mut before, mut after) = input.split();
    let (mut cut_before, mut cut_after) = (false, false);
    // One column for the cursor cell at the end of the text.
    if before.width() + after.width() + 1 > room {
        let (head, cut) = fit(after, room / 3);
        (after, cut_after) = (head, cut);
        let left = room.saturating_sub(after.width() + 1 + usize::from(cut_after));
        let (cut, tail) = tail_within(before, left);
        (before, cut_before) = (tail, cut);
    }
    let mut chars = after.chars();
    let under = chars.next();
    let rest = chars.as_str();
    let cursor = theme.label().add_modifier(Modifier::REVERSED);
    let mut spans = Vec::new();
    if cut_before {
        spans.push(Span::styled("…", theme.dim()));
    }
    spans.push(Span::raw(before));
    match under {
        Some(c) => {
            spans.push(Span::styled(&after[..c.len_utf8()], cursor));
            spans.push(Span::raw(rest));
        }
        None => spans.push(Span::styled(" ", cursor)),
    }
    if cut_after {
        spans.push(Span::styled("…", theme.dim()));
    }
    spans
}
