//! Drawing: a pure function of `&App`. Each pane gets only what it draws and
//! builds only its visible rows.

mod bars;
mod chronology;
mod details;
mod input;
mod overlay;
mod pane_lines;
mod quotes;
mod source;
mod text;
pub mod theme;

use crate::app::{App, Pane, Rect as AppRect};
pub use details::item_at;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};
pub use theme::Theme;

fn rect(r: AppRect) -> Rect {
    Rect::new(r.x, r.y, r.width, r.height)
}

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame<'_>, theme: &Theme) {
    let full = frame.area();
    let areas = crate::app::layout_for(full.width, full.height, app.view());
    if areas.too_small {
        let msg = format!(
            "enlarge the terminal (at least {}x{})",
            crate::app::MIN_SIZE.0,
            crate::app::MIN_SIZE.1
        );
        frame.render_widget(
            Paragraph::new(msg).wrap(ratatui::widgets::Wrap { trim: true }),
            full,
        );
        return;
    }
    if let Some(progress) = app.loading.filter(|_| app.loading_screen()) {
        overlay::loading(frame, full, progress, theme);
        return;
    }
    // Panes the layout leaves out (zoom, one detail pane) have no area.
    let shown = |r: AppRect| r.width > 0 && r.height > 0;
    if shown(areas.chronology) {
        chronology::render(app, frame, rect(areas.chronology), theme);
    }
    if shown(areas.event) {
        details::render_event(app, frame, rect(areas.event), theme);
    }
    if shown(areas.actor) {
        details::render_actor(app, frame, rect(areas.actor), theme);
    }
    if shown(areas.quotes) {
        quotes::render(app, frame, rect(areas.quotes), theme);
    }
    bars::density(app, frame, rect(areas.density), theme);
    bars::status(app, frame, rect(areas.status), theme);
    bars::footer(app, frame, rect(areas.footer), theme);
    if let Some(view) = &app.source {
        source::render(app, view, frame, rect(areas.body), theme);
    }
    if let Some(picker) = &app.picker {
        overlay::picker(picker, app.loading_note(), frame, full, theme);
    }
    if app.help {
        overlay::help(app.help_scroll, frame, full, theme);
    }
}

/// A pane's frame: its number, its title, focus shown by border and title.
fn pane_block<'a>(pane: Pane, extra: String, app: &App, theme: &Theme) -> Block<'a> {
    let focused = app.focus == pane && app.picker.is_none() && !app.help;
    let number = |p: Pane| Pane::ALL.iter().position(|&q| q == p).unwrap_or(0) + 1;
    let mut title = vec![Span::styled(
        format!(" {} {} ", number(pane), pane.title()),
        theme.title(focused),
    )];
    let areas = app.areas();
    if app.zoom {
        title.push(Span::styled(" z: all panes ", theme.dim()));
    } else if areas.single_detail && pane != Pane::Chronology {
        // The other detail panes, one key away.
        for other in [Pane::Event, Pane::Actor, Pane::Quotes] {
            if other != pane {
                title.push(Span::styled(
                    format!(" {} {} ", number(other), other.title()),
                    theme.dim(),
                ));
            }
        }
    }
    if !extra.is_empty() {
        title.push(Span::styled(format!(" {extra} "), theme.dim()));
    }
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(theme.border(focused))
        .title(Line::from(title))
}

/// The first visible line of a list of `len` lines keeping `cursor` in view,
/// scrolling no further than needed so the lines above stay visible, and
/// keeping a few lines below the cursor in sight, so that what comes next
/// shows before the cursor gets there.
fn scroll_for(cursor: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    let below = SCROLL_MARGIN.min(height.saturating_sub(1) / 2);
    (cursor + 1 + below)
        .saturating_sub(height)
        .min(len - height)
}

/// Lines kept in view below the cursor of a scrolled list.
const SCROLL_MARGIN: usize = 3;

fn label<'a>(name: &'a str, theme: &Theme) -> Span<'a> {
    Span::styled(name, theme.label())
}

fn plain<'a>(text: impl Into<std::borrow::Cow<'a, str>>) -> Span<'a> {
    Span::styled(text, Style::new())
}

#[cfg(test)]
mod tests {
    use super::scroll_for;

    #[test]
    fn scrolling_keeps_lines_below_the_cursor_in_view() {
        // Everything fits: no scrolling.
        assert_eq!(scroll_for(9, 10, 10), 0);
        // Near the top: the first screen stays.
        assert_eq!(scroll_for(5, 100, 10), 0);
        // Further down, three lines show below the cursor.
        assert_eq!(scroll_for(6, 100, 10), 0);
        assert_eq!(scroll_for(7, 100, 10), 1);
        assert_eq!(scroll_for(50, 100, 10), 44);
        // At the end, the last screen.
        assert_eq!(scroll_for(99, 100, 10), 90);
        assert_eq!(scroll_for(97, 100, 10), 90);
        // A short view keeps the cursor visible first.
        assert_eq!(scroll_for(5, 100, 1), 5);
        assert_eq!(scroll_for(5, 100, 2), 4);
        assert_eq!(scroll_for(5, 100, 3), 4);
        assert_eq!(scroll_for(5, 100, 0), 0);
    }
}
