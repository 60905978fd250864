//! Jumps between events: following links and an actor's events, going back
//! and forward through the history with the filter each place had.

use super::{App, EventItem, Pane, Place};
use crate::model::EventIx;
use crate::query::Filter;

impl App {
    /// Shows an event, clearing the filter if it hides the event.
    pub(super) fn show_event(&mut self, ix: EventIx) {
        if self.visible.binary_search(&ix).is_err() {
            self.filter = Filter::default();
            self.refilter(None);
            self.message = Some("filters cleared to show the event".into());
        }
        if let Ok(pos) = self.visible.binary_search(&ix) {
            self.selected = usize::MAX;
            self.select_position(pos);
        }
    }

    /// Where the browser is now, for the history.
    pub(super) fn here(&self) -> Option<Place> {
        self.current().map(|event| Place {
            event,
            filter: self.filter.clone(),
        })
    }

    /// Returns to a place of the history, with the filter it had.
    pub(super) fn go_to(&mut self, place: Place) {
        if place.filter != self.filter {
            self.filter = place.filter;
            self.refilter(Some(place.event));
        }
        self.show_event(place.event);
    }

    /// A jump recorded in the history.
    pub fn jump_to(&mut self, ix: EventIx) {
        if let Some(here) = self.here() {
            if here.event == ix {
                return;
            }
            self.history.jump(here);
        }
        self.show_event(ix);
    }

    pub(super) fn activate(&mut self) {
        match self.focus {
            Pane::Chronology => self.focus = Pane::Event,
            Pane::Event => match self.event_items().get(self.event_cursor).copied() {
                Some(EventItem::Link(to)) | Some(EventItem::Backlink(to)) => self.jump_to(to),
                Some(EventItem::Actor(a)) => {
                    self.actor_pick = Some(a);
                    self.actor_cursor = 0;
                    self.focus = Pane::Actor;
                }
                None => {}
            },
            Pane::Actor => {
                if let Some(&e) = self.actor_events().get(self.actor_cursor) {
                    self.jump_to(e);
                }
            }
            Pane::Quotes => self.open_source(),
        }
    }
}
