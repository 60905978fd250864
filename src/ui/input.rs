//! How a line being edited is drawn: the text with a block cursor, or a
//! preselected default shown selected (typing replaces it).

use super::Theme;
use crate::app::LineInput;
use ratatui::style::Modifier;
use ratatui::text::Span;

pub fn spans<'a>(input: &'a LineInput, theme: &Theme) -> Vec<Span<'a>> {
    if input.is_selected() {
        return vec![
            Span::styled(input.value(), theme.selected()),
            Span::styled("▏", theme.label()),
        ];
    }
    let (before, after) = input.split();
    let mut chars = after.chars();
    let under = chars.next();
    let rest = chars.as_str();
    let cursor = theme.label().add_modifier(Modifier::REVERSED);
    let mut spans = vec![Span::raw(before)];
    match under {
        Some(c) => {
            spans.push(Span::styled(&after[..c.len_utf8()], cursor));
            spans.push(Span::raw(rest));
        }
        None => spans.push(Span::styled(" ", cursor)),
    }
    spans
}
