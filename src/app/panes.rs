//! The selectable rows of the event and actor panes, derived from the
//! selection so that update and render agree on what the cursor is on.

use super::App;
use crate::model::{ActorIx, EventIx};

/// A selectable row of the event pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventItem {
    Actor(ActorIx),
    Link(EventIx),
    Backlink(EventIx),
}

impl App {
    /// The event pane's actors, then links, then backlinks.
    pub fn event_items(&self) -> Vec<EventItem> {
        let Some(ix) = self.current() else {
            return Vec::new();
        };
        let e = self.timeline.event(ix);
        let mut items: Vec<EventItem> = Vec::new();
        for a in e.actors() {
            if !items.contains(&EventItem::Actor(a.actor)) {
                items.push(EventItem::Actor(a.actor));
            }
        }
        items.extend(e.links().iter().map(|l| EventItem::Link(l.other)));
        items.extend(e.backlinks().iter().map(|l| EventItem::Backlink(l.other)));
        items
    }

    /// The actor in focus: the one picked in the event pane, else the event's first.
    pub fn focused_actor(&self) -> Option<ActorIx> {
        let ix = self.current()?;
        let e = self.timeline.event(ix);
        match self.actor_pick {
            Some(a) if e.has_actor(a) => Some(a),
            _ => e.actors().first().map(|a| a.actor),
        }
    }

    /// The focused actor's events, in order: the actor pane's rows.
    pub fn actor_events(&self) -> &[EventIx] {
        match self.focused_actor() {
            Some(a) => self.timeline.events_of_actor(a),
            None => &[],
        }
    }
}
