//! Which events a view holds, and what they take along: the actors and
//! sources they name, the links that stay inside the view.

use super::one_line;
use crate::model::country;
use crate::model::{ActorIx, DerivationAnchor, EventIx, EventRef, Link, SourceIx, Timeline};

/// A filter as the command line writes it (`--actor putin --country FR`),
/// to say in an export what it holds.
pub fn describe(t: &Timeline, f: &crate::query::Filter) -> String {
    use crate::model::date::format_day;
    let mut parts: Vec<String> = Vec::new();
    for &a in &f.actors {
        parts.push(format!("--actor {}", t.actor(a).id()));
    }
    for &c in &f.countries {
        parts.push(format!("--country {}", country::code(c)));
    }
    if let Some(from) = f.from {
        parts.push(format!("--from {}", format_day(from)));
    }
    if let Some(to) = f.to {
        parts.push(format!("--to {}", format_day(to)));
    }
    if let Some(q) = f.search.as_deref().filter(|q| !q.is_empty()) {
        parts.push(format!("--search {:?}", one_line(q)));
    }
    parts.join(" ")
}

/// A view of a timeline: the events it shows, in chronological order, and
/// what they take along.
pub struct Selection<'t> {
    pub t: &'t Timeline,
    pub events: Vec<EventIx>,
    in_view: Vec<bool>,
}

impl<'t> Selection<'t> {
    /// The events given, in chronological order, each once.
    pub fn new(t: &'t Timeline, events: &[EventIx]) -> Selection<'t> {
        let mut in_view = vec![false; t.len()];
        for &e in events {
            if let Some(slot) = in_view.get_mut(e as usize) {
                *slot = true;
            }
        }
        // Events are stored in chronological order, so their indexes sort them.
        let events = (0..t.len() as EventIx)
            .filter(|&e| in_view[e as usize])
            .collect();
        Selection { t, events, in_view }
    }

    pub fn contains(&self, e: EventIx) -> bool {
        self.in_view.get(e as usize).copied().unwrap_or(false)
    }

    /// An event's links whose target is in the view.
    pub fn links_in_view(&self, e: &EventRef<'t>) -> impl Iterator<Item = &'t Link> + '_ {
        e.links().iter().filter(|l| self.contains(l.other))
    }

    /// Links from events in the view to events outside it.
    pub fn dropped_links(&self) -> usize {
        self.events
            .iter()
            .map(|&e| {
                let ev = self.t.event(e);
                ev.links().len() - self.links_in_view(&ev).count()
            })
            .sum()
    }

    /// Derivations anchored on an event outside the view.
    pub fn anchors_outside(&self) -> usize {
        self.events
            .iter()
            .filter(|&&e| {
                matches!(self.t.event(e).derivation().map(|d| d.anchor),
                    Some(DerivationAnchor::Event(a)) if !self.contains(a))
            })
            .count()
    }

    /// Every actor the events name, in the order of the timeline's actors.
    pub fn actors(&self) -> Vec<ActorIx> {
        let mut seen = vec![false; self.t.actor_count()];
        for &e in &self.events {
            for a in self.t.event(e).actors() {
                seen[a.actor as usize] = true;
            }
        }
        (0..self.t.actor_count() as ActorIx)
            .filter(|&a| seen[a as usize])
            .collect()
    }

    /// Every source the events quote or anchor a date on.
    pub fn sources(&self) -> Vec<SourceIx> {
        let mut seen = vec![false; self.t.source_count()];
        for &e in &self.events {
            let ev = self.t.event(e);
            for s in ev.sources() {
                seen[s.ix as usize] = true;
            }
            if let Some(DerivationAnchor::Source(s)) = ev.derivation().map(|d| d.anchor) {
                seen[s as usize] = true;
            }
        }
        (0..self.t.source_count() as SourceIx)
            .filter(|&s| seen[s as usize])
            .collect()
    }

    /// The URL an event is best cited by: that of its first quoted source
    /// with one, else of the source its date is read from.
    pub fn url_of(&self, e: &EventRef<'t>) -> Option<&'t str> {
        e.quotes().find_map(|q| q.source().url()).or_else(|| {
            match e.derivation().map(|d| d.anchor) {
                Some(DerivationAnchor::Source(s)) => self.t.source(s).url(),
                _ => None,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_takes_its_events_in_order_once() {
        let t = crate::load::load_builtin().unwrap();
        let view = Selection::new(&t, &[5, 2, 5, 9_999]);
        assert_eq!(view.events, vec![2, 5]);
        assert!(view.contains(2) && !view.contains(3) && !view.contains(9_999));
    }

    #[test]
    fn a_selection_counts_links_leaving_it() {
        let t = crate::load::load_builtin().unwrap();
        let all: Vec<EventIx> = (0..t.len() as EventIx).collect();
        assert_eq!(Selection::new(&t, &all).dropped_links(), 0);
        let with_links = all
            .iter()
            .copied()
            .find(|&e| !t.event(e).links().is_empty())
            .unwrap();
        let alone = Selection::new(&t, &[with_links]);
        let out = t.event(with_links).links().len();
        assert_eq!(alone.dropped_links(), out);
    }
}
