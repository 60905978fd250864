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

/// "12 Apr 2025" for short spans, "Apr 2025" for longer ones (years
/// before 1 as "44 BC", as dates show them).
fn day_label(day: i32, with_day: bool) -> String {
    use crate::model::date::Point;
    use chrono::Datelike;
    match crate::model::date::from_day_number(day) {
        Some(d) if with_day => Point::from_naive(d).human(false),
        Some(d) => Point::month(d.year(), d.month() as u8).human(false),
        None => String::new(),
    }
}

/// Events over time in the filtered list, squeezed into the width; the
/// column holding the selection is shown reversed.
pub fn density(app: &App, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
    let d = &app.density;
    if (d.counts.is_empty() && d.open_start == 0) || area.width < 20 {
        return;
    }
    let selected_day = app
        .current()
        .map(|ix| app.timeline.earliest_days()[ix as usize]);
    let mut spans = Vec::new();
    if d.open_start > 0 {
        // Dates open at the start have no day on the axis: counted before it.
        let style = if selected_day == Some(i32::MIN) {
            theme.selected()
        } else {
            theme.label()
        };
        spans.push(Span::styled(format!("before: {}", d.open_start), style));
        spans.push(Span::styled(" │ ", theme.dim()));
    }
    if d.counts.is_empty() {
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
    let lead: usize = spans.iter().map(|s| s.content.width()).sum();
    let short = d.last_day() - d.first_day < 366;
    let first = day_label(d.first_day, short);
    let last = day_label(d.last_day(), short);
    let columns = (area.width as usize)
        .saturating_sub(lead + first.width() + last.width() + 2)
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
    let selected_column = selected_day.and_then(|day| {
        (day != i32::MIN)
            .then(|| ((day - d.first_day).max(0) / d.bucket_days) as usize / per_column)
    });
    spans.push(Span::styled(format!("{first} "), theme.dim()));
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
        let sigil: String = match &prompt.kind {
            PromptKind::Search => "/".into(),
            PromptKind::Goto => ":".into(),
            PromptKind::Dates if prompt.within => {
                "dates, certainly within (Tab: can fall in): ".into()
            }
            PromptKind::Dates => "dates, can fall in (Tab: certainly within): ".into(),
            PromptKind::ExportFormat => format!(
                "export {} events as (timelinejs, ics, csv, markdown, jsonl): ",
                app.visible.len()
            ),
            PromptKind::ExportPath(format) => format!("export {} to: ", format.as_str()),
            PromptKind::ExportReplace(request) => format!(
                "{} exists: replace it? (y/n) ",
                crate::sanitize::line(&request.path.display().to_string())
            ),
        };
        let room = (area.width as usize).saturating_sub(sigil.width());
        let mut spans = vec![Span::styled(sigil, theme.label())];
        if !matches!(prompt.kind, PromptKind::ExportReplace(_)) {
            spans.extend(super::input::spans(&prompt.input, theme, room));
        }
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
    // A message answers the last key: it comes first, so it is not cut.
    if let Some(m) = &app.message {
        spans.push(Span::styled(format!("{m}  "), theme.message()));
    }
    if app.visible.is_empty() {
        spans.push(Span::raw("no events"));
    } else {
        spans.push(Span::raw(format!(
            "event {} of {}",
            app.selected + 1,
            app.visible.len()
        )));
    }
    if let Some(note) = app.loading_note() {
        // Beside the count, which it qualifies: so far.
        spans.push(Span::styled(format!(" so far, {note}"), theme.label()));
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
            format!(
                "  /{}: {at}{} hits",
                crate::present::typed_excerpt(&s.query, 24),
                s.hits.len()
            ),
            theme.hit(),
        ));
    }
    let (back, forward) = app.history.depth();
    if back + forward > 0 {
        spans.push(Span::styled(format!("  ◀ {back} ▶ {forward}"), theme.dim()));
    }
    // The timeline's own title (a TimelineJS title slide, a calendar's
    // name) last, so a narrow line cuts it first.
    if let Some(title) = t.title() {
        spans.push(Span::styled(format!("  · {title}"), theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The key hints that fit; the ways to get help and to leave always do.
pub fn footer(app: &App, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
    let hints = keymap::footer_hints(app.mode());
    let width = |h: &keymap::Hint| h.key.width() + h.help.width() + 5;
    let mut room =
        (area.width as usize).saturating_sub(hints.iter().filter(|h| h.essential).map(width).sum());
    let mut spans: Vec<Span<'_>> = Vec::new();
    for h in &hints {
        if !h.essential {
            if width(h) > room {
                continue;
            }
            room -= width(h);
        }
        spans.push(Span::styled(
            format!(" {} ", h.key),
            theme.selected_unfocused(),
        ));
        spans.push(Span::styled(format!(" {}  ", h.help), Style::new()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
