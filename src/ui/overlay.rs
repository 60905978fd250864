//! Overlays: the help screen (from the key table), the pickers and the
//! loading progress. Every popup is clamped to the screen.

use super::Theme;
use crate::app::Picker;
use crate::app::keymap;
use crate::load::Progress;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Gauge, Paragraph};

/// A centred rectangle of at most `width` x `height`, inside `full`.
pub fn centred(full: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(full.width);
    let h = height.min(full.height);
    Rect::new(
        full.x + (full.width - w) / 2,
        full.y + (full.height - h) / 2,
        w,
        h,
    )
}

fn popup<'a>(title: &'a str, theme: &Theme) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border(true))
        .title(Span::styled(format!(" {title} "), theme.title(true)))
}

pub fn help(frame: &mut Frame<'_>, full: Rect, theme: &Theme) {
    let mut lines: Vec<Line<'_>> = Vec::new();
    for (context, rows) in keymap::help_sections() {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(context.title(), theme.label())));
        for (keys, help) in rows {
            lines.push(Line::from(vec![
                Span::raw(format!(" {keys:<15}")),
                Span::raw(help),
            ]));
        }
    }
    let area = centred(
        full,
        full.width.saturating_sub(4).min(140),
        full.height.saturating_sub(2),
    );
    let block = popup("Keys — Esc or ? closes", theme);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    // As many columns as the list needs to fit the height.
    let height = inner.height as usize;
    let columns = lines.len().div_ceil(height).max(1);
    let width = inner.width / columns as u16;
    for (i, chunk) in lines.chunks(height).enumerate() {
        // A column does not open with the blank line between sections.
        let chunk = match chunk.split_first() {
            Some((first, rest)) if first.spans.is_empty() => rest,
            _ => chunk,
        };
        let x = inner.x + width * i as u16;
        let w = if i + 1 == columns {
            inner.width - width * i as u16
        } else {
            width
        };
        frame.render_widget(
            Paragraph::new(chunk.to_vec()),
            Rect::new(x, inner.y, w, inner.height),
        );
    }
}

pub fn picker(p: &Picker, frame: &mut Frame<'_>, full: Rect, theme: &Theme) {
    let title = p.kind.title();
    let area = centred(full, 60, full.height.saturating_sub(4).max(5));
    let block = popup(title, theme);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    let mut prompt = vec![Span::styled("› ", theme.label())];
    prompt.extend(super::input::spans(&p.input, theme));
    prompt.push(Span::styled(
        format!(
            "  {} of {} · {} toggled",
            p.shown.len(),
            p.rows.len(),
            p.chosen.len()
        ),
        theme.dim(),
    ));
    let mut lines: Vec<Line<'_>> = vec![Line::from(prompt)];
    let height = inner.height.saturating_sub(1) as usize;
    let top = super::scroll_for(p.cursor, p.shown.len(), height);
    for (i, &row) in p.shown.iter().enumerate().skip(top).take(height) {
        let r = &p.rows[row];
        // [x] toggled; • in the filter now.
        let mark = match (p.is_chosen(r.value), p.is_in_filter(r.value)) {
            (true, _) => "[x] ",
            (false, true) => "[•] ",
            (false, false) => "[ ] ",
        };
        let count = format!("{:>6}  ", r.count);
        let mut line = Line::from(vec![
            Span::styled(mark, theme.linked()),
            Span::styled(
                count,
                if r.count == 0 {
                    theme.dim()
                } else {
                    theme.label()
                },
            ),
            Span::raw(r.label.as_str()),
            Span::styled(format!("  {}", r.detail), theme.dim()),
        ]);
        if i == p.cursor {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    if p.shown.is_empty() {
        lines.push(Line::from(Span::styled(
            "nothing matches (Space toggles: type names without spaces)",
            theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn loading(frame: &mut Frame<'_>, full: Rect, progress: Progress, theme: &Theme) {
    let area = centred(full, 60, 5);
    let block = popup("Loading — Esc cancels", theme);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let ratio = if progress.total_bytes == 0 {
        0.0
    } else {
        (progress.bytes as f64 / progress.total_bytes as f64).clamp(0.0, 1.0)
    };
    let label = format!(
        "{:.0} / {:.0} MB · {} events",
        progress.bytes as f64 / 1e6,
        progress.total_bytes as f64 / 1e6,
        progress.events
    );
    frame.render_widget(
        Gauge::default()
            .ratio(ratio)
            .label(label)
            .gauge_style(theme.label()),
        inner,
    );
}
