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
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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

/// The help overlay, from the key table: as many columns as make it fit,
/// else one column that scrolls. Keys and help line up in each column and
/// a line too long for its column ends in "…".
pub fn help(scroll: usize, frame: &mut Frame<'_>, full: Rect, theme: &Theme) {
    let sections = keymap::help_sections();
    let key_w = sections
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|(k, _)| k.width()))
        .max()
        .unwrap_or(0);
    let (iw, ih) = keymap::help_inner(full.width, full.height);
    let (columns, max_scroll) = keymap::help_layout(iw, ih);
    let col_w = (iw.min(if columns == 1 { 78 } else { iw }) as usize / columns.max(1))
        .saturating_sub(1)
        .max(1);
    // The key column, narrowed on small screens so the help keeps room.
    let key_w = key_w.min(col_w / 3).max(1);
    let mut lines: Vec<Line<'_>> = Vec::new();
    for (context, rows) in sections {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(context.title(), theme.label())));
        for (keys, help) in rows {
            let keys = fit(&keys, key_w);
            let pad = key_w.saturating_sub(keys.width());
            let room = col_w.saturating_sub(key_w + 2);
            lines.push(Line::from(vec![
                Span::styled(format!(" {keys}{} ", " ".repeat(pad)), theme.label()),
                Span::raw(fit(help, room)),
            ]));
        }
    }
    let scroll = scroll.min(max_scroll);
    let title = if max_scroll > 0 {
        let at = format!(
            "Keys {}–{} of {}",
            scroll + 1,
            (scroll + ih as usize).min(lines.len()),
            lines.len()
        );
        // The ways to scroll and close, where the frame has room for them.
        let more = " · j/k PgUp/PgDn scroll · Esc closes";
        if at.width() + more.width() + 4 <= iw as usize {
            at + more
        } else {
            at
        }
    } else {
        "Keys · Esc or ? closes".to_string()
    };
    // One column reads best at a line's natural length, not the screen's.
    let draw_w = if columns == 1 { iw.min(78) } else { iw };
    let area = centred(full, draw_w + 2, ih + 2);
    let block = popup(&title, theme);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let height = inner.height as usize;
    let lines: Vec<Line<'_>> = lines.into_iter().skip(scroll).collect();
    let width = inner.width / columns as u16;
    for (i, chunk) in lines.chunks(height).take(columns).enumerate() {
        // A column does not open with the blank line between sections.
        let chunk = match chunk.split_first() {
            Some((first, rest)) if first.spans.is_empty() && i > 0 => rest,
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

/// `text` within `width` columns, ending in "…" when cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// A picker; `loading` ("loading… 42%") while its counts are the preview's.
pub fn picker(
    p: &Picker,
    loading: Option<String>,
    frame: &mut Frame<'_>,
    full: Rect,
    theme: &Theme,
) {
    let title = match loading {
        Some(note) => format!("{} — counts so far, {note}", p.kind.title()),
        None => p.kind.title().to_string(),
    };
    let area = centred(full, 60, full.height.saturating_sub(4).max(5));
    let block = popup(&title, theme);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    let counts = format!(
        "  {} of {} · {} toggled",
        p.shown.len(),
        p.rows.len(),
        p.chosen.len()
    );
    // A long query (a paste) scrolls: the cursor stays in view.
    let room = (inner.width as usize).saturating_sub(2 + counts.chars().count());
    let mut prompt = vec![Span::styled("› ", theme.label())];
    prompt.extend(super::input::spans(&p.input, theme, room));
    prompt.push(Span::styled(counts, theme.dim()));
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
