//! The cursors: moving the one of the focused pane, putting the event or
//! actor pane's on a row, selecting a row of the chronology and keeping it
//! on screen.

use super::{App, EventItem, Pane};

impl App {
    /// Moves the cursor of the focused pane.
    pub(super) fn move_by(&mut self, delta: isize) {
        let step = |pos: usize, len: usize| -> usize {
            if len == 0 {
                return 0;
            }
            (pos as isize)
                .saturating_add(delta)
                .clamp(0, len as isize - 1) as usize
        };
        match self.focus {
            Pane::Chronology => {
                let to = step(self.selected, self.visible.len());
                self.select_position(to);
            }
            Pane::Event => {
                self.event_cursor = step(self.event_cursor, self.event_items().len());
                self.actor_pick = match self.event_items().get(self.event_cursor) {
                    Some(EventItem::Actor(a)) => Some(*a),
                    _ => self.actor_pick,
                };
                self.actor_cursor = 0;
            }
            Pane::Actor => self.actor_cursor = step(self.actor_cursor, self.actor_events().len()),
            Pane::Quotes => {
                let quotes = self
                    .current()
                    .map_or(0, |e| self.timeline.event(e).quotes().len());
                self.quote_cursor = step(self.quote_cursor, quotes);
            }
        }
    }

    /// Puts the cursor of the event or actor pane on a row.
    pub(super) fn select_item(&mut self, pane: Pane, index: usize) {
        self.focus = pane;
        match pane {
            Pane::Event => {
                let items = self.event_items();
                self.event_cursor = index.min(items.len().saturating_sub(1));
                if let Some(EventItem::Actor(a)) = items.get(self.event_cursor) {
                    self.actor_pick = Some(*a);
                    self.actor_cursor = 0;
                }
            }
            Pane::Actor => {
                self.actor_cursor = index.min(self.actor_events().len().saturating_sub(1))
            }
            Pane::Chronology | Pane::Quotes => {}
        }
    }

    /// Selects a row of the chronology and resets the detail panes.
    pub(super) fn select_position(&mut self, position: usize) {
        if position != self.selected {
            self.event_cursor = 0;
            self.actor_pick = None;
            self.actor_cursor = 0;
            self.quote_cursor = 0;
        }
        self.selected = position;
        self.keep_selection_visible();
    }

    pub(super) fn keep_selection_visible(&mut self) {
        let page = self.page();
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
        let max_offset = self.visible.len().saturating_sub(page);
        self.offset = self.offset.min(max_offset);
    }
}
