//! The event and actor panes' lines: a header, then selectable rows, with
//! a pinned line that keeps naming the pane's subject once the header has
//! scrolled off.

use super::{Theme, scroll_for};
use crate::present;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// A detail pane's lines: header lines, then selectable rows.
pub(super) struct PaneLines<'a> {
    /// Shown on the first line whenever the header has scrolled off, so the
    /// pane always says what it is about.
    pub pinned: Line<'a>,
    pub header: Vec<Line<'a>>,
    pub rows: Vec<Line<'a>>,
    /// For each row, the item it shows (None for a heading).
    pub row_item: Vec<Option<usize>>,
    /// The cursor's row, when the pane has focus.
    pub cursor_row: Option<usize>,
}

impl PaneLines<'_> {
    /// Whether the pinned line shows, and the first line of the rest shown
    /// in `height` lines, keeping the cursor in view.
    fn top(&self, height: usize) -> (bool, usize) {
        let len = self.header.len() + self.rows.len();
        let at = |height: usize| match self.cursor_row {
            // On the first item, as much of the header as fits shows.
            Some(c) if c <= 1 => (self.header.len() + c + 1).saturating_sub(height),
            Some(c) => scroll_for(self.header.len() + c, len, height),
            None => 0,
        };
        match at(height) {
            0 => (false, 0),
            _ => (true, at(height.saturating_sub(1)).max(1)),
        }
    }

    /// The item on line `line` of the view.
    pub fn item_at(&self, line: usize, height: usize) -> Option<usize> {
        let (pinned, top) = self.top(height);
        let line = if pinned { line.checked_sub(1)? } else { line };
        let row = (top + line).checked_sub(self.header.len())?;
        self.row_item.get(row).copied().flatten()
    }

    pub fn render(self, frame: &mut Frame<'_>, inner: Rect, focused: bool, theme: &Theme) {
        let height = inner.height as usize;
        let (pinned, top) = self.top(height);
        let cursor_line = self.cursor_row.map(|c| self.header.len() + c);
        let mut lines: Vec<Line<'_>> = Vec::with_capacity(height);
        if pinned {
            lines.push(self.pinned);
        }
        let first = lines.len();
        lines.extend(
            self.header
                .into_iter()
                .chain(self.rows)
                .skip(top)
                .take(height - first),
        );
        if let Some(line) = cursor_line
            .and_then(|c| c.checked_sub(top))
            .and_then(|c| lines.get_mut(first + c))
        {
            let style = if focused {
                theme.selected()
            } else {
                theme.selected_unfocused()
            };
            *line = std::mem::take(line).style(style);
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// A line naming what a pane shows, with `extra` when it fits, cut to
/// `width` with "…".
pub(super) fn pinned_line<'a>(name: &str, extra: String, width: usize, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::styled(
        present::ellipsize(name, width),
        theme.title(false),
    )];
    if name.width() + extra.width() <= width {
        spans.push(Span::styled(extra, theme.dim()));
    }
    Line::from(spans).style(theme.pinned())
}
