//! The event pane (title, date and its derivation, status, place, actors with
//! roles, links and backlinks, topics) and the actor pane (the actor in focus
//! and their events).

use super::pane_lines::{PaneLines, pinned_line};
use super::text::wrap;
use super::{Theme, label, pane_block, plain};
use crate::app::{App, EventItem, Pane};
use crate::model::country;
use crate::present;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

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

/// Which item of the event or actor pane is at a screen cell, if any.
pub fn item_at(app: &App, column: u16, row: u16) -> Option<(Pane, usize)> {
    let areas = app.areas();
    let theme = Theme { color: false };
    for (pane, area) in [(Pane::Event, areas.event), (Pane::Actor, areas.actor)] {
        let inner = Rect::new(
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            area.height.saturating_sub(2),
        );
        if !inner.contains(ratatui::layout::Position { x: column, y: row }) {
            continue;
        }
        let lines = match pane {
            Pane::Event => event_lines(app, inner.width as usize, &theme),
            _ => actor_lines(app, inner.width as usize, inner.height as usize, &theme),
        }?;
        return lines
            .item_at((row - inner.y) as usize, inner.height as usize)
            .map(|i| (pane, i));
    }
    None
}

pub fn render_event(app: &App, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
    let t = &app.timeline;
    let extra = app
        .current()
        .map(|c| t.event(c).id().to_string())
        .unwrap_or_default();
    let block = pane_block(Pane::Event, extra, app, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    match event_lines(app, inner.width as usize, theme) {
        Some(lines) => lines.render(frame, inner, app.focus == Pane::Event, theme),
        None => frame.render_widget(
            Paragraph::new(Span::styled("no event selected", theme.dim())),
            inner,
        ),
    }
}

/// The event pane: title, date and derivation, status, place, countries,
/// topics and summary, then its actors, links and backlinks (selectable).
fn event_lines<'a>(app: &'a App, width: usize, theme: &Theme) -> Option<PaneLines<'a>> {
    let t = &app.timeline;
    let e = t.event(app.current()?);
    let mut header: Vec<Line<'_>> = wrap(&[(e.title(), theme.title(false))], width);
    header.extend(field("date", e.date().human(), width, theme, Style::new()));
    if let Some(d) = present::derivation(t, &e) {
        header.extend(field("", d, width, theme, theme.dim()));
    }
    if let Some(origin) = e.date_origin() {
        header.extend(field("", origin.to_string(), width, theme, theme.dim()));
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
    let mut row_item: Vec<Option<usize>> = Vec::with_capacity(items.len() + 3);
    let mut cursor_row = None;
    let mut last_heading = "";
    for (i, item) in items.iter().enumerate() {
        // A heading goes before the first item of each kind; it is not selectable.
        let heading = match item {
            EventItem::Actor(_) => "actors",
            EventItem::Link(_) => "links",
            EventItem::Backlink(_) => "backlinks",
        };
        if heading != last_heading {
            rows.push(Line::from(label(heading, theme)));
            row_item.push(None);
            last_heading = heading;
        }
        if i == app.event_cursor.min(items.len() - 1) && app.focus == Pane::Event {
            cursor_row = Some(rows.len());
        }
        rows.push(event_item_line(t, &e, *item, theme));
        row_item.push(Some(i));
    }
    Some(PaneLines {
        pinned: pinned_line(e.title(), format!(" · {}", e.date().human()), width, theme),
        header,
        rows,
        row_item,
        cursor_row,
    })
}

fn event_item_line<'a>(
    t: &'a crate::model::Timeline,
    e: &crate::model::EventRef<'a>,
    item: EventItem,
    theme: &Theme,
) -> Line<'a> {
    match item {
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
            let (kind, arrow) = match item {
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
    }
}

pub fn render_actor(app: &App, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
    let t = &app.timeline;
    let extra = app
        .focused_actor()
        .map(|a| t.actor(a).id().to_string())
        .unwrap_or_default();
    let block = pane_block(Pane::Actor, extra, app, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    match actor_lines(app, inner.width as usize, inner.height as usize, theme) {
        Some(lines) => lines.render(frame, inner, app.focus == Pane::Actor, theme),
        None => frame.render_widget(
            Paragraph::new(Span::styled("this event names no actor", theme.dim())),
            inner,
        ),
    }
}

/// The actor pane: the actor in focus, then their events (selectable). Only
/// the rows that can show are built: an actor may have many thousand events.
fn actor_lines<'a>(
    app: &'a App,
    width: usize,
    height: usize,
    theme: &Theme,
) -> Option<PaneLines<'a>> {
    let t = &app.timeline;
    let actor = t.actor(app.focused_actor()?);
    // Name, kind and country on one line, so the events get the room.
    let country = actor
        .country()
        .map(|c| format!(", {}", present::country_label(c)))
        .unwrap_or_default();
    let mut header: Vec<Line<'_>> = vec![Line::from(vec![
        Span::styled(actor.name(), theme.title(false)),
        Span::styled(format!("  {}{country}", actor.kind().as_str()), theme.dim()),
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
    let cursor = app.actor_cursor.min(events.len().saturating_sub(1));
    let window_start = cursor.saturating_sub(height);
    let window_end = (cursor + height).min(events.len());
    let current = app.current();
    let window = &events[window_start..window_end];
    // Dates padded to the widest shown, so the titles line up.
    let dates: Vec<String> = window
        .iter()
        .map(|&ix| t.event(ix).date().human())
        .collect();
    let date_w = dates.iter().map(|d| d.width()).max().unwrap_or(0);
    let rows: Vec<Line<'_>> = window
        .iter()
        .zip(dates)
        .map(|(&ix, date)| {
            let e = t.event(ix);
            let mark = if Some(ix) == current { "▸ " } else { "  " };
            let pad = " ".repeat(date_w - date.width());
            let (title, cut) = super::text::fit(e.title(), width.saturating_sub(date_w + 4));
            let mut spans = vec![
                Span::styled(mark, theme.linked()),
                Span::styled(format!("{date}{pad}  "), theme.dim()),
                plain(title),
            ];
            if cut {
                spans.push(Span::styled("…", theme.dim()));
            }
            Line::from(spans)
        })
        .collect();
    let row_item = (window_start..window_end).map(Some).collect();
    let cursor_row =
        (app.focus == Pane::Actor && !events.is_empty()).then_some(cursor - window_start);
    Some(PaneLines {
        pinned: pinned_line(
            actor.name(),
            format!(" · {}", actor.kind().as_str()),
            width,
            theme,
        ),
        header,
        rows,
        row_item,
        cursor_row,
    })
}
