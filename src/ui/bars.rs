//! The one-line bars: the density strip, the status line and the key hints.

use super::Theme;
use crate::app::{App, PromptKind, keymap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// "12 Apr 2025" for short spans, "Apr 2025" for longer ones.
fn day_label(day: i32, with_day: bool) -> String {
    match crate::model::date::from_day_number(day) {
        Some(d) if with_day => d.format("%-d %b %Y").to_string(),
        Some(d) => d.format("%b %Y").to_string(),
        None => String::new(),
    }
}

/// Events over time in the filtered list, squeezed into the width; the
/// column holding the selection is shown reversed.
pub fn density(app: &App, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
    let d = &app.density;
    if d.counts.is_empty() || area.width < 20 {
        return;
    }
    let short = d.last_day() - d.first_day < 366;
    let first = day_label(d.first_day, short);
    let last = day_label(d.last_day(), short);
    let columns = (area.width as usize)
        .saturating_sub(first.width() + last.width() + 2)
        .max(1);
    let per_column = d.counts.len().div_ceil(columns);
    // A short span is stretched: each bucket takes several columns.
    let repeat = (columns / d.counts.len()).max(1);
    let buckets: Vec<u32> = d
        .counts
        .chunks(per_column)
        .map(|c| c.iter().sum())
        .collect();
    let max = buckets.iter().copied().max().unwrap_or(1).max(1);
    let selected_column = app.current().and_then(|ix| {
        let day = app.timeline.earliest_days()[ix as usize];
        (day != i32::MIN)
            .then(|| ((day - d.first_day).max(0) / d.bucket_days) as usize / per_column)
    });
    let mut spans = vec![Span::styled(format!("{first} "), theme.dim())];
    for (i, &n) in buckets.iter().enumerate() {
        let bar = if n == 0 {
            '·'
        } else {
            BARS[((n as u64 * 7) / max as u64) as usize]
        };
        let style = if Some(i) == selected_column {
            theme.selected()
        } else if n == 0 {
            theme.dim()
        } else {
            theme.label()
        };
        spans.push(Span::styled(bar.to_string().repeat(repeat), style));
    }
    spans.push(Span::styled(format!(" {last}"), theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Position, filters as the CLI writes them, search hits, history depth; or
/// the open prompt.
pub fn status(app: &App, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
    if let Some(prompt) = &app.prompt {
        let sigil = match prompt.kind {
            PromptKind::Search => "/",
            PromptKind::Goto => ":",
            PromptKind::Dates if prompt.within => "dates, certainly within (Tab: can fall in): ",
            PromptKind::Dates => "dates, can fall in (Tab: certainly within): ",
        };
        let mut spans = vec![Span::styled(sigil, theme.label())];
        spans.extend(super::input::spans(&prompt.input, theme));
        if prompt.kind == PromptKind::Dates && prompt.input.value().is_empty() {
            spans.push(Span::styled(
                " A..B, A.., ..B or A; empty clears",
                theme.dim(),
            ));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
    let t = &app.timeline;
    let mut spans: Vec<Span<'_>> = Vec::new();
    if app.visible.is_empty() {
        spans.push(Span::raw("no events"));
    } else {
        spans.push(Span::raw(format!(
            "event {} of {}",
            app.selected + 1,
            app.visible.len()
        )));
    }
    if !app.filter.is_empty() {
        // Beside the count, so it survives a narrow terminal.
        let vague = match app.vague_kept {
            0 => String::new(),
            n => format!("{n} by vague dates; "),
        };
        spans.push(Span::styled(
            format!(" ({vague}filtered from {})", t.len()),
            theme.dim(),
        ));
        spans.push(Span::styled(
            format!("  {}", app.filter_as_cli()),
            theme.label(),
        ));
    }
    if let Some(s) = &app.search {
        let at = s
            .hits
            .iter()
            .position(|&h| h == app.selected)
            .map(|p| format!("{}/", p + 1))
            .unwrap_or_default();
        spans.push(Span::styled(
            format!("  /{}: {at}{} hits", s.query, s.hits.len()),
            theme.hit(),
        ));
    }
    let (back, forward) = app.history.depth();
    if back + forward > 0 {
        spans.push(Span::styled(format!("  ◀ {back} ▶ {forward}"), theme.dim()));
    }
    if let Some(m) = &app.message {
        spans.push(Span::styled(format!("  {m}"), theme.message()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn footer(app: &App, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
    let mut spans: Vec<Span<'_>> = Vec::new();
    for (key, help) in keymap::footer(app.mode()) {
        spans.push(Span::styled(format!(" {key} "), theme.selected_unfocused()));
        spans.push(Span::styled(format!(" {help}  "), Style::new()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
