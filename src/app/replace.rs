//! The whole timeline taking the place of the preview being browsed: the
//! user keeps their place. The same event stays selected (by id) on the
//! same row of the screen; the filter, the search, the history, an open
//! picker (with what was typed and toggled) and the source view carry over,
//! each mapped by id or name onto the whole timeline.

use super::{App, Picker, PickerKind, Place, SourceView};
use crate::model::{ActorIx, EventIx, SourceIx, Timeline};
use crate::query::Filter;
use std::sync::Arc;

/// A timeline loaded in the background, as a message to the app. Two are
/// equal when they are the same timeline.
#[derive(Clone)]
pub struct Loaded(pub Arc<Timeline>);

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Loaded {}

impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Loaded({} events)", self.0.len())
    }
}

/// Maps the indexes of one timeline onto another's, by id or name.
struct Remap<'a> {
    old: &'a Timeline,
    new: &'a Timeline,
    /// The new timeline's actors by id, made when first needed.
    actors: Option<hashbrown::HashMap<&'a str, ActorIx>>,
}

impl<'a> Remap<'a> {
    fn event(&self, e: EventIx) -> Option<EventIx> {
        self.new.find_event(self.old.event(e).id())
    }

    fn actor(&mut self, a: ActorIx) -> Option<ActorIx> {
        let new = self.new;
        let by_id = self.actors.get_or_insert_with(|| {
            (0..new.actor_count() as ActorIx)
                .map(|a| (new.actor(a).id(), a))
                .collect()
        });
        by_id.get(self.old.actor(a).id()).copied()
    }

    fn topic(&self, k: u32) -> Option<u32> {
        self.new.find_topic(self.old.topic_name(k))
    }

    fn source(&self, s: SourceIx) -> Option<SourceIx> {
        let id = self.old.source(s).id();
        (0..self.new.source_count() as SourceIx).find(|&n| self.new.source(n).id() == id)
    }

    /// A filter on the old timeline as one on the new. The command line's
    /// filter, unchanged, is resolved again: a name may match more actors
    /// in the whole timeline than in its head.
    fn filter(
        &mut self,
        f: &Filter,
        cli: Option<&(crate::query::spec::FilterSpec, Filter)>,
    ) -> Filter {
        if let Some((spec, resolved)) = cli
            && resolved == f
            && let Ok(again) = spec.resolve(self.new)
        {
            return again;
        }
        Filter {
            actors: f.actors.iter().filter_map(|&a| self.actor(a)).collect(),
            topics: f.topics.iter().filter_map(|&k| self.topic(k)).collect(),
            ..f.clone()
        }
    }

    /// A picker's value on the old timeline as one on the new (a place is
    /// numbered by its row, so it goes by its name).
    fn picker_value(&mut self, old: &Picker, new: &Picker, value: u32) -> Option<u32> {
        match old.kind {
            PickerKind::Actor => self.actor(value),
            PickerKind::Topic => self.topic(value),
            PickerKind::Country | PickerKind::Status => Some(value),
            PickerKind::Place => {
                let label = &old.rows.iter().find(|r| r.value == value)?.label;
                new.rows.iter().find(|r| &r.label == label).map(|r| r.value)
            }
        }
    }
}

impl App {
    /// "loading… 42%", while the whole timeline loads behind a preview.
    pub fn loading_note(&self) -> Option<String> {
        let p = self.loading.filter(|_| self.partial)?;
        let percent = (p.bytes * 100)
            .checked_div(p.total_bytes)
            .unwrap_or(0)
            .min(99);
        Some(format!("loading… {percent}%"))
    }

    /// Takes `whole` in place of the timeline browsed, keeping the user's
    /// place; the load is over.
    pub(super) fn replace_timeline(&mut self, whole: Arc<Timeline>) {
        let old = std::mem::replace(&mut self.timeline, Arc::clone(&whole));
        let mut map = Remap {
            old: &old,
            new: &whole,
            actors: None,
        };
        let current = self.current().and_then(|e| map.event(e));
        let row = self.selected.saturating_sub(self.offset);
        let cursors = (self.event_cursor, self.actor_cursor, self.quote_cursor);
        let actor_pick = self.actor_pick.and_then(|a| map.actor(a));
        let cli = self.cli_filter.take();
        self.filter = map.filter(&self.filter, cli.as_ref());
        self.history.remap(|p| {
            Some(Place {
                event: map.event(p.event)?,
                filter: map.filter(&p.filter, cli.as_ref()),
            })
        });
        if let Some((spec, _)) = cli {
            self.cli_filter = Some((spec, self.filter.clone()));
        }
        let search = self.search.take();
        self.refilter(current);
        if let Some(search) = search {
            self.run_search(&search.query);
        }
        // The selected event on the same row of the screen.
        self.offset = self.selected.saturating_sub(row);
        self.keep_selection_visible();
        if current.is_some() && self.current() == current {
            self.actor_pick = actor_pick;
            self.event_cursor = cursors.0.min(self.event_items().len().saturating_sub(1));
            self.actor_cursor = cursors.1.min(self.actor_events().len().saturating_sub(1));
            let quotes = current.map_or(0, |e| self.timeline.event(e).quotes().len());
            self.quote_cursor = cursors.2.min(quotes.saturating_sub(1));
        }
        if let Some(old_picker) = self.picker.take() {
            self.picker = Some(self.picker_again(&old_picker, &mut map));
        }
        if let Some(view) = self.source.take() {
            self.source = source_again(&view, &mut map);
            self.relayout_source();
        }
        self.loading = None;
        self.partial = false;
        let message = whole.import_report().summary().unwrap_or_else(|| {
            format!(
                "loaded: all {} events",
                crate::model::thousands(whole.len())
            )
        });
        // An answer to the last key (no match for a search) stays first.
        self.message = Some(match self.message.take() {
            Some(m) => format!("{m}; {message}"),
            None => message,
        });
    }

    /// The picker made anew on the whole timeline: the counts are the
    /// whole one's; what was typed and toggled, and the row under the
    /// cursor, stay.
    fn picker_again(&self, old: &Picker, map: &mut Remap<'_>) -> Picker {
        let on = old.shown.get(old.cursor).map(|&r| old.rows[r].value);
        let fresh = Picker::new(old.kind, &self.timeline, &self.filter, None);
        let on = on.and_then(|v| map.picker_value(old, &fresh, v));
        let chosen = old
            .chosen
            .iter()
            .filter_map(|&v| map.picker_value(old, &fresh, v))
            .collect();
        fresh.carry_over(old, chosen, on)
    }
}

/// The source view on the same source of the whole timeline, with the
/// same span in focus and the same scroll.
fn source_again(old: &SourceView, map: &mut Remap<'_>) -> Option<SourceView> {
    let source = map.source(old.source)?;
    let spans = map.new.source(source).quoted_spans();
    let current = old.current.and_then(|c| old.spans.get(c)).and_then(|s| {
        let event = map.event(s.event);
        spans
            .iter()
            .position(|n| (n.start, n.end, Some(n.event)) == (s.start, s.end, event))
    });
    Some(SourceView {
        source,
        spans,
        current,
        scroll: old.scroll,
        lines: Vec::new(),
        span_line: Vec::new(),
        height: 1,
    })
}
