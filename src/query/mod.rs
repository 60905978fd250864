//! Filters over a loaded timeline: by actor, country, topic, status, place,
//! date range and text. Indexed criteria pick the candidates; the rest are
//! checked per event, on both cores when the candidate list is long.

mod counts;
pub mod spec;
mod text;

pub use counts::{actor_counts, country_counts, place_counts, status_counts, topic_counts};

use crate::model::country::CountryIx;
use crate::model::date::Day;
use crate::model::{ActorIx, EventIx, Status, Timeline};

/// What the chronology shows. Several values of one kind mean any of them;
/// different kinds of criteria must all hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub actors: Vec<ActorIx>,
    pub countries: Vec<CountryIx>,
    /// Topics, as numbers of the timeline's topic table.
    pub topics: Vec<u32>,
    pub statuses: Vec<Status>,
    /// Place names as the timeline writes them.
    pub places: Vec<String>,
    /// Inclusive day range; an event matches if its date can fall inside it,
    /// or with `within`, only if its date lies wholly inside it.
    pub from: Option<Day>,
    pub to: Option<Day>,
    pub within: bool,
    /// Words that must all appear (see [`text`]).
    pub search: Option<String>,
}

/// Which criterion to leave out when counting the values of a picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Actor,
    Country,
    Topic,
    Status,
    Place,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.countries.is_empty()
            && self.topics.is_empty()
            && self.statuses.is_empty()
            && self.places.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.search.as_deref().is_none_or(str::is_empty)
    }

    /// The filter without one kind of criterion.
    pub fn without(&self, facet: Facet) -> Filter {
        let mut f = self.clone();
        match facet {
            Facet::Actor => f.actors.clear(),
            Facet::Country => f.countries.clear(),
            Facet::Topic => f.topics.clear(),
            Facet::Status => f.statuses.clear(),
            Facet::Place => f.places.clear(),
        }
        f
    }

    fn has_dates(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }
}

/// Whether an event at `place` is at one of `places`: in any case, and
/// with accents left out when either has any.
fn at_place(place: &str, places: &[String]) -> bool {
    places.iter().any(|p| {
        crate::search::eq_ignore_case(place, p)
            || ((!place.is_ascii() || !p.is_ascii())
                && crate::fold::fold(place) == crate::fold::fold(p))
    })
}

/// A filter prepared against one timeline.
struct Prepared<'t> {
    t: &'t Timeline,
    f: &'t Filter,
    /// For a text search: which events hold every word.
    search_hits: Option<Vec<bool>>,
    /// Criteria checked event by event (besides dates and the search).
    per_event: bool,
}

impl<'t> Prepared<'t> {
    fn new(t: &'t Timeline, f: &'t Filter) -> Prepared<'t> {
        let search_hits = f.search.as_deref().and_then(|q| text::search_hits(t, q));
        let per_event = !f.actors.is_empty()
            || !f.countries.is_empty()
            || !f.topics.is_empty()
            || !f.statuses.is_empty()
            || !f.places.is_empty();
        Prepared {
            t,
            f,
            search_hits,
            per_event,
        }
    }

    fn matches(&self, ix: EventIx) -> bool {
        let t = self.t;
        let f = self.f;
        let i = ix as usize;
        let (earliest, latest) = (t.earliest_days()[i], t.latest_days()[i]);
        if f.within {
            if f.from.is_some_and(|from| earliest < from) || f.to.is_some_and(|to| latest > to) {
                return false;
            }
        } else if f.from.is_some_and(|from| latest < from) || f.to.is_some_and(|to| earliest > to) {
            return false;
        }
        if let Some(hits) = &self.search_hits
            && !hits[i]
        {
            return false;
        }
        if !self.per_event {
            return true;
        }
        let e = t.event(ix);
        (f.actors.is_empty() || f.actors.iter().any(|&a| e.has_actor(a)))
            && (f.countries.is_empty() || f.countries.iter().any(|&c| e.involves_country(c)))
            && (f.topics.is_empty() || e.topic_ixs().iter().any(|k| f.topics.contains(k)))
            && (f.statuses.is_empty() || f.statuses.contains(&e.status()))
            && (f.places.is_empty() || at_place(e.place(), &f.places))
    }

    /// Candidate events from the most selective index, sorted.
    fn candidates(&self) -> Option<Vec<EventIx>> {
        let t = self.t;
        let union = |lists: Vec<&[EventIx]>| -> Vec<EventIx> {
            if lists.len() == 1 {
                return lists[0].to_vec();
            }
            let mut all: Vec<EventIx> = lists.concat();
            all.sort_unstable();
            all.dedup();
            all
        };
        let by_actor = (!self.f.actors.is_empty()).then(|| {
            self.f
                .actors
                .iter()
                .map(|&a| t.events_of_actor(a))
                .collect::<Vec<_>>()
        });
        let by_country = (!self.f.countries.is_empty()).then(|| {
            self.f
                .countries
                .iter()
                .map(|&c| t.events_of_country(c))
                .collect::<Vec<_>>()
        });
        let size = |l: &Option<Vec<&[EventIx]>>| {
            l.as_ref().map(|v| v.iter().map(|s| s.len()).sum::<usize>())
        };
        match (size(&by_actor), size(&by_country)) {
            (Some(a), Some(c)) if c < a => by_country.map(union),
            (Some(_), _) => by_actor.map(union),
            (None, Some(_)) => by_country.map(union),
            (None, None) => None,
        }
    }

    /// The date range as a slice of the chronology: events are sorted by
    /// earliest day, so everything after `to` is out, and with `within`
    /// everything before `from` too.
    fn date_window(&self) -> std::ops::Range<usize> {
        let earliest = self.t.earliest_days();
        let end = match self.f.to {
            Some(to) => earliest.partition_point(|&d| d <= to),
            None => earliest.len(),
        };
        let start = match self.f.from {
            Some(from) if self.f.within => earliest.partition_point(|&d| d < from),
            _ => 0,
        };
        start.min(end)..end
    }

    fn run(&self) -> Vec<EventIx> {
        const PARALLEL_FROM: usize = 50_000;
        let window = self.date_window();
        let others = self.search_hits.is_some()
            || !self.f.topics.is_empty()
            || !self.f.statuses.is_empty()
            || !self.f.places.is_empty();
        let simple = !others && self.f.actors.is_empty() && self.f.countries.is_empty();
        // The window is the answer when dates bound it alone: no `from`
        // (events can start before it), and no `to` under `within` (events
        // can end after it).
        let window_exact = if self.f.within {
            self.f.to.is_none()
        } else {
            self.f.from.is_none()
        };
        if simple && window_exact {
            return (window.start as EventIx..window.end as EventIx).collect();
        }
        let keep = |chunk: &[EventIx]| -> Vec<EventIx> {
            chunk.iter().copied().filter(|&e| self.matches(e)).collect()
        };
        let keep_range = |range: std::ops::Range<usize>| -> Vec<EventIx> {
            (range.start as EventIx..range.end as EventIx)
                .filter(|&e| self.matches(e))
                .collect()
        };
        // Only actors, or only countries: the index answers on its own.
        let one_kind = !others
            && !self.f.has_dates()
            && (self.f.actors.is_empty() != self.f.countries.is_empty());
        match self.candidates() {
            Some(list) if one_kind => list,
            Some(list) => {
                let list: Vec<EventIx> = list
                    .into_iter()
                    .skip_while(|&e| (e as usize) < window.start)
                    .take_while(|&e| (e as usize) < window.end)
                    .collect();
                if list.len() < PARALLEL_FROM {
                    keep(&list)
                } else {
                    let (a, b) = list.split_at(list.len() / 2);
                    let (mut left, right) = std::thread::scope(|s| {
                        let h = s.spawn(|| keep(b));
                        (keep(a), h.join().unwrap_or_default())
                    });
                    left.extend(right);
                    left
                }
            }
            None if window.len() < PARALLEL_FROM => keep_range(window),
            None => {
                let mid = window.start + window.len() / 2;
                let (mut left, right) = std::thread::scope(|s| {
                    let h = s.spawn(|| keep_range(mid..window.end));
                    (keep_range(window.start..mid), h.join().unwrap_or_default())
                });
                left.extend(right);
                left
            }
        }
    }
}

/// The events that pass `filter`, in chronological order.
pub fn apply(t: &Timeline, filter: &Filter) -> Vec<EventIx> {
    Prepared::new(t, filter).run()
}

/// Whether one event passes `filter` (the slow path `apply` must agree with).
pub fn matches(t: &Timeline, filter: &Filter, ix: EventIx) -> bool {
    Prepared::new(t, filter).matches(ix)
}

/// How many events the date range keeps only because their date is vague:
/// they can fall in the range but do not lie wholly inside it.
pub fn kept_by_vague_dates(t: &Timeline, filter: &Filter) -> usize {
    if !filter.has_dates() {
        return 0;
    }
    let can = Filter {
        within: false,
        ..filter.clone()
    };
    let certain = Filter {
        within: true,
        ..filter.clone()
    };
    apply(t, &can)
        .len()
        .saturating_sub(apply(t, &certain).len())
}
