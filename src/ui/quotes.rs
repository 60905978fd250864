//! The quotes pane: each quote with its source and the sentence(s) around it
//! in the source text, the quoted span highlighted.

use super::text::wrap;
use super::{Theme, pane_block};
use crate::app::{App, Pane};
use crate::model::date::from_day_number;
use crate::sanitize::for_display;
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
        // Imported events rest on sources without text: name them, and say
        // there are no words to check them against.
        let sources = e.sources();
        let mut lines = vec![Line::from(Span::styled(
            if sources.is_empty() {
                "no quote: this event has no source words"
            } else {
                "no verbatim text: these sources carry none"
            },
            theme.dim(),
        ))];
        let described: Vec<String> = sources.iter().map(crate::present::source_line).collect();
        for line in &described {
            lines.extend(wrap(&[(line.as_str(), Style::new())], inner.width as usize));
        }
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let width = inner.width as usize;
    let mut lines: Vec<Line<'_>> = Vec::new();
    let cursor = app.quote_cursor.min(count - 1);
    let mut cursor_line = 0;
    for (n, q) in e.quotes().enumerate() {
        let s = q.source();
        let day = s
            .published()
            .and_then(from_day_number)
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
        // Source texts keep the joiners of emoji sequences for their
        // offsets; they are shown without (see `sanitize`).
        let (before, text, after) = (
            for_display(before.trim_start()),
            for_display(q.text()),
            for_display(after.trim_end()),
        );
        let pieces = [
            (before.as_ref(), Style::new()),
            (text.as_ref(), theme.quote()),
            (after.as_ref(), Style::new()),
        ];
        for segment in split_lines(&pieces) {
            lines.extend(wrap(&segment, width).into_iter().map(owned));
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

fn owned<'b>(line: Line<'_>) -> Line<'b> {
    let spans: Vec<Span<'b>> = line
        .spans
        .into_iter()
        .map(|s| Span::styled(s.content.into_owned(), s.style))
        .collect();
    Line::from(spans)
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
