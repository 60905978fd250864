//! The quotes pane: each quote with its source and the sentence(s) around it
//! in the source text, the quoted span highlighted.

use super::text::wrap;
use super::{Theme, pane_block};
use crate::app::{App, Pane};
use crate::model::date::from_day_number;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
    let t = &app.timeline;
    let current = app.current();
    let count = current.map_or(0, |c| t.event(c).quotes().len());
    let extra = match count {
        1 => "1 quote".to_string(),
        n => format!("{n} quotes"),
    };
    let block = pane_block(Pane::Quotes, extra, app, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(ix) = current else { return };
    let e = t.event(ix);
    if count == 0 {
        frame.render_widget(
            Paragraph::new(Span::styled(
                "no quote: this event has no source words",
                theme.dim(),
            )),
            inner,
        );
        return;
    }
    let width = inner.width as usize;
    let mut lines: Vec<Line<'_>> = Vec::new();
    let cursor = app.quote_cursor.min(count - 1);
    let mut cursor_line = 0;
    for (n, q) in e.quotes().enumerate() {
        let s = q.source();
        let day = from_day_number(s.published())
            .map(|d| d.format("%a %-d %b %Y").to_string())
            .unwrap_or_default();
        if n > 0 {
            lines.push(Line::default());
        }
        if n == cursor {
            cursor_line = lines.len();
        }
        let number_style = if n == cursor && app.focus == Pane::Quotes {
            theme.selected()
        } else {
            theme.label()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("[{}]", n + 1), number_style),
            Span::raw(" "),
            Span::styled(s.outlet(), theme.label()),
            Span::styled(
                format!(
                    ", {day} · {} · chars {}–{}",
                    s.id(),
                    q.q.char_start,
                    q.q.char_end
                ),
                theme.dim(),
            ),
        ]));
        let (before, after) = q.context();
        let pieces = [
            (before.trim_start(), Style::new()),
            (q.text(), theme.quote()),
            (after.trim_end(), Style::new()),
        ];
        for segment in split_lines(&pieces) {
            lines.extend(wrap(&segment, width));
        }
    }
    // The selected quote opens the view, or shows whole at its bottom.
    let top = cursor_line.min(lines.len().saturating_sub(inner.height as usize));
    let visible: Vec<Line<'_>> = lines
        .into_iter()
        .skip(top)
        .take(inner.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

/// Splits styled pieces at newlines, so paragraphs of the source stay apart.
fn split_lines<'a>(pieces: &[(&'a str, Style)]) -> Vec<Vec<(&'a str, Style)>> {
    let mut out: Vec<Vec<(&'a str, Style)>> = vec![Vec::new()];
    for &(text, style) in pieces {
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                out.push(Vec::new());
            }
            if !part.is_empty()
                && let Some(last) = out.last_mut()
            {
                last.push((part, style));
            }
        }
    }
    out
}
