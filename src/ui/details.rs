//! The event pane (title, date and its derivation, status, place, actors with
//! roles, links and backlinks, topics) and the actor pane (the actor in focus
//! and their events).

use super::text::wrap;
use super::{Theme, label, pane_block, plain, scroll_for};
use crate::app::{App, EventItem, Pane};
use crate::model::country;
use crate::present;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// A labelled value, wrapped under its label.
fn field(
    name: &str,
    value: String,
    width: usize,
    theme: &Theme,
    style: Style,
) -> Vec<Line<'static>> {
    let pad = 10usize;
    wrap(
        &[(value.as_str(), style)],
        width.saturating_sub(pad).max(10),
    )
    .into_iter()
    .enumerate()
    .map(|(i, line)| {
        let head = if i == 0 {
            format!("{name:<pad$}")
        } else {
            " ".repeat(pad)
        };
        let mut spans = vec![Span::styled(head, theme.label())];
        spans.extend(
            line.spans
                .into_iter()
                .map(|s| Span::styled(s.content.into_owned(), s.style)),
        );
        Line::from(spans)
    })
    .collect()
}

/// Draws selectable rows, keeping the cursor in view; `header` lines scroll with them.
fn render_list<'a>(
    frame: &mut Frame<'_>,
    inner: Rect,
    mut header: Vec<Line<'a>>,
    items: Vec<Line<'a>>,
    cursor: Option<usize>,
    focused: bool,
    theme: &Theme,
) {
    let first_item = header.len();
    let cursor_line = cursor.map(|c| first_item + c);
    let total = header.len() + items.len();
    let top = scroll_for(cursor_line.unwrap_or(0), total, inner.height as usize);
    header.extend(items);
    let mut lines: Vec<Line<'a>> = header
        .into_iter()
        .skip(top)
        .take(inner.height as usize)
        .collect();
    if let Some(c) = cursor_line.and_then(|c| c.checked_sub(top))
        && let Some(line) = lines.get_mut(c)
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

pub fn render_event(app: &App, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
    let t = &app.timeline;
    let current = app.current();
    let extra = current
        .map(|c| t.event(c).id().to_string())
        .unwrap_or_default();
    let block = pane_block(Pane::Event, extra, app, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(ix) = current else {
        frame.render_widget(
            Paragraph::new(Span::styled("no event selected", theme.dim())),
            inner,
        );
        return;
    };
    let e = t.event(ix);
    let width = inner.width as usize;
    let mut header: Vec<Line<'_>> = wrap(&[(e.title(), theme.title(false))], width);
    header.extend(field("date", e.date().human(), width, theme, Style::new()));
    if let Some(d) = present::derivation(t, &e) {
        header.extend(field("", d, width, theme, theme.dim()));
    }
    let status_style = if e.status().is_future() {
        theme.future()
    } else {
        Style::new()
    };
    header.extend(field(
        "status",
        e.status().as_str().to_string(),
        width,
        theme,
        status_style,
    ));
    let place = present::place(&e);
    if !place.is_empty() {
        header.extend(field("place", place, width, theme, Style::new()));
    }
    let countries: Vec<&str> = present::countries(&e)
        .into_iter()
        .map(country::code)
        .collect();
    if !countries.is_empty() {
        header.extend(field(
            "countries",
            countries.join(" "),
            width,
            theme,
            Style::new(),
        ));
    }
    let topics: Vec<&str> = e.topics().collect();
    if !topics.is_empty() {
        header.extend(field(
            "topics",
            topics.join(", "),
            width,
            theme,
            Style::new(),
        ));
    }
    if !e.summary().is_empty() {
        header.extend(wrap(&[(e.summary(), Style::new())], width));
    }
    let items = app.event_items();
    let mut rows: Vec<Line<'_>> = Vec::with_capacity(items.len() + 3);
    let mut heading_at: Vec<(usize, &str)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let heading = match item {
            EventItem::Actor(_) => "actors",
            EventItem::Link(_) => "links",
            EventItem::Backlink(_) => "backlinks",
        };
        if heading_at.last().is_none_or(|(_, h)| *h != heading) {
            heading_at.push((i, heading));
        }
        let line = match *item {
            EventItem::Actor(a) => {
                let actor = t.actor(a);
                let role = e
                    .actors()
                    .iter()
                    .find(|x| x.actor == a)
                    .map(|x| t.role_name(x.role))
                    .unwrap_or("");
                let mut spans = vec![plain("  "), plain(actor.name())];
                if !role.is_empty() {
                    spans.push(Span::styled(format!(" — {role}"), theme.dim()));
                }
                Line::from(spans)
            }
            EventItem::Link(to) | EventItem::Backlink(to) => {
                let (kind, arrow) = match *item {
                    EventItem::Link(_) => (
                        e.links()
                            .iter()
                            .find(|l| l.other == to)
                            .map_or("", |l| l.kind.label()),
                        "→",
                    ),
                    _ => (
                        e.backlinks()
                            .iter()
                            .find(|l| l.other == to)
                            .map_or("", |l| l.kind.inverse_label()),
                        "←",
                    ),
                };
                let other = t.event(to);
                Line::from(vec![
                    plain("  "),
                    Span::styled(format!("{kind} {arrow} "), theme.linked()),
                    plain(other.title()),
                    Span::styled(format!("  {}", other.date()), theme.dim()),
                ])
            }
        };
        rows.push(line);
    }
    // Headings go between items without being selectable: insert them and
    // shift the cursor accordingly.
    let mut cursor = app.event_cursor.min(items.len().saturating_sub(1));
    for (n, (at, heading)) in heading_at.iter().enumerate() {
        rows.insert(at + n, Line::from(label(heading, theme)));
        if cursor >= *at {
            cursor += 1;
        }
    }
    let focused = app.focus == Pane::Event;
    let cursor = (!items.is_empty() && focused).then_some(cursor);
    render_list(frame, inner, header, rows, cursor, focused, theme);
}

pub fn render_actor(app: &App, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
    let t = &app.timeline;
    let actor = app.focused_actor();
    let extra = actor
        .map(|a| t.actor(a).id().to_string())
        .unwrap_or_default();
    let block = pane_block(Pane::Actor, extra, app, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(a) = actor else {
        frame.render_widget(
            Paragraph::new(Span::styled("this event names no actor", theme.dim())),
            inner,
        );
        return;
    };
    let actor = t.actor(a);
    let width = inner.width as usize;
    let mut header: Vec<Line<'_>> = vec![Line::from(vec![
        Span::styled(actor.name(), theme.title(false)),
        Span::styled(format!("  {}", actor.kind().as_str()), theme.dim()),
    ])];
    if !actor.title().is_empty() {
        header.extend(field(
            "role",
            actor.title().to_string(),
            width,
            theme,
            Style::new(),
        ));
    }
    if let Some(c) = actor.country() {
        header.extend(field(
            "country",
            present::country_label(c),
            width,
            theme,
            Style::new(),
        ));
    }
    let aliases: Vec<&str> = actor.aliases().collect();
    if !aliases.is_empty() {
        header.extend(field(
            "aliases",
            aliases.join(", "),
            width,
            theme,
            Style::new(),
        ));
    }
    let events = actor.events();
    let count = if events.len() == 1 {
        "1 event".to_string()
    } else {
        format!("{} events", events.len())
    };
    header.push(Line::from(Span::styled(count, theme.label())));
    // Only the rows that fit are built: an actor may have many thousand events.
    let height = inner.height as usize;
    let cursor = app.actor_cursor.min(events.len().saturating_sub(1));
    let window_start = cursor.saturating_sub(height);
    let window_end = (cursor + height).min(events.len());
    let current = app.current();
    let rows: Vec<Line<'_>> = events[window_start..window_end]
        .iter()
        .map(|&ix| {
            let e = t.event(ix);
            let mark = if Some(ix) == current { "▸ " } else { "  " };
            Line::from(vec![
                Span::styled(mark, theme.linked()),
                Span::styled(format!("{}  ", e.date()), theme.dim()),
                plain(e.title()),
            ])
        })
        .collect();
    let focused = app.focus == Pane::Actor;
    let cursor = focused.then_some(cursor - window_start);
    render_list(frame, inner, header, rows, cursor, focused, theme);
}
