//! The chronology: one row per event (date at its precision, status marker,
//! link marker, title), with year or month separators over long spans.

use super::{Theme, pane_block};
use crate::app::{App, ChronoRow, Pane};
use crate::model::date::Point;
use crate::present::status_marker;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub fn render(app: &App, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
    let t = &app.timeline;
    let extra = if app.filter.is_empty() {
        format!("{}", app.visible.len())
    } else {
        format!("{} of {}", app.visible.len(), t.len())
    };
    let block = pane_block(Pane::Chronology, extra, app, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    if app.visible.is_empty() {
        let text = if t.is_empty() {
            "no events in this timeline"
        } else {
            "no event matches the filter (x clears it)"
        };
        frame.render_widget(Paragraph::new(Span::styled(text, theme.dim())), inner);
        return;
    }
    let current = app.current();
    let linked_to = |ix| current.is_some_and(|c| t.event(c).is_linked_to(ix));
    let hits = app.search.as_ref().map(|s| &s.hits);
    let needle = app
        .search
        .as_ref()
        .map(|s| crate::search::Highlighter::new(&s.query));
    let focused = app.focus == Pane::Chronology;
    // The date column fits the widest date shown, within limits.
    let rows = app.chronology_rows(inner.height as usize);
    let dates: Vec<Option<String>> = rows
        .iter()
        .map(|r| match r {
            ChronoRow::Event(pos) => Some(t.event(app.visible[*pos]).date().human()),
            ChronoRow::Separator { .. } => None,
        })
        .collect();
    let date_w = dates
        .iter()
        .flatten()
        .map(|d| d.width())
        .max()
        .unwrap_or(0)
        .min(inner.width as usize / 2);
    let mut lines: Vec<Line<'_>> = Vec::with_capacity(rows.len());
    for (row, date) in rows.iter().zip(dates) {
        match *row {
            ChronoRow::Separator { year, month } => {
                // Point::human writes years before 1 as "44 BC".
                let label = match month {
                    Some(m) => format!("── {} ", Point::month(year, m as u8).human(false)),
                    None => format!("── {} ", Point::year(year).human(false)),
                };
                let fill = (inner.width as usize).saturating_sub(label.width());
                lines.push(Line::from(Span::styled(
                    format!("{label}{}", "─".repeat(fill)),
                    theme.separator(),
                )));
            }
            ChronoRow::Event(pos) => {
                let ix = app.visible[pos];
                let e = t.event(ix);
                let selected = pos == app.selected;
                let is_hit = hits.is_some_and(|h| h.binary_search(&pos).is_ok());
                // Both marks can hold at once: linked to the selection, and a hit.
                let gutter = format!(
                    "{}{}",
                    if linked_to(ix) { '↔' } else { ' ' },
                    if is_hit { '*' } else { ' ' }
                );
                let date = date.unwrap_or_default();
                let pad = date_w.saturating_sub(date.width());
                let date_style = if e.status().is_future() {
                    theme.future()
                } else {
                    Style::new()
                };
                let mut spans = vec![
                    Span::styled(gutter, theme.linked()),
                    Span::styled(format!("{date}{}", " ".repeat(pad)), date_style),
                    Span::raw(format!(" {} ", status_marker(e.status()))),
                    Span::styled(if e.has_links() { "⇄ " } else { "  " }, theme.dim()),
                ];
                let used: usize = spans.iter().map(|s| s.content.width()).sum();
                let (title, cut) =
                    super::text::fit(e.title(), (inner.width as usize).saturating_sub(used));
                match (&needle, is_hit) {
                    (Some(n), true) => {
                        let mut at = 0;
                        for r in n.ranges(e.title()) {
                            if r.start >= title.len() {
                                break;
                            }
                            let end = r.end.min(title.len());
                            spans.push(Span::raw(&title[at..r.start]));
                            spans.push(Span::styled(&title[r.start..end], theme.hit()));
                            at = end;
                        }
                        spans.push(Span::raw(&title[at..]));
                    }
                    _ => spans.push(Span::raw(title)),
                }
                if cut {
                    spans.push(Span::styled("…", theme.dim()));
                }
                let mut line = Line::from(spans);
                if selected {
                    let used: usize = line.spans.iter().map(|s| s.content.width()).sum();
                    if used < inner.width as usize {
                        line.spans
                            .push(Span::raw(" ".repeat(inner.width as usize - used)));
                    }
                    line = line.style(if focused {
                        theme.selected()
                    } else {
                        theme.selected_unfocused()
                    });
                }
                lines.push(line);
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    #[test]
    fn titles_are_cut_with_an_ellipsis() {
        assert_eq!(
            super::super::text::fit("Russia launches", 20),
            ("Russia launches", false)
        );
        assert_eq!(
            super::super::text::fit("Russia launches", 8),
            ("Russia", true)
        );
        assert_eq!(super::super::text::fit("日本語", 4), ("日", true));
        assert_eq!(super::super::text::fit("abc", 0), ("", true));
    }
}
