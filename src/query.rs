//! Filters over a loaded timeline: by actor, country, date range and text.
//! Indexed criteria pick the candidates; the rest are checked per event,
//! on both cores when the candidate list is long.

use crate::model::country::CountryIx;
use crate::model::date::Day;
use crate::model::{ActorIx, EventIx, Timeline};
use crate::search::Needle;

/// What the chronology shows. Several actors (or countries) mean any of them;
/// different kinds of criteria must all hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub actors: Vec<ActorIx>,
    pub countries: Vec<CountryIx>,
    /// Inclusive day range; an event matches if its date can fall inside it.
    pub from: Option<Day>,
    pub to: Option<Day>,
    pub search: Option<String>,
}

/// Which criterion to leave out when counting the values of a picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Actor,
    Country,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.countries.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.search.as_deref().is_none_or(str::is_empty)
    }

    fn without(&self, facet: Facet) -> Filter {
        let mut f = self.clone();
        match facet {
            Facet::Actor => f.actors.clear(),
            Facet::Country => f.countries.clear(),
        }
        f
    }
}

/// A filter prepared against one timeline.
struct Prepared<'t> {
    t: &'t Timeline,
    f: &'t Filter,
    needle: Option<Needle>,
    /// For a text search: which actors' names or aliases match.
    actor_hits: Vec<bool>,
    /// For a text search: which events match, by their titles, summaries or
    /// quotes (one scan of the text store) or their actors (through the actor
    /// index). None: check event by event.
    search_hits: Option<Vec<bool>>,
}

impl<'t> Prepared<'t> {
    fn new(t: &'t Timeline, f: &'t Filter) -> Prepared<'t> {
        let needle = f
            .search
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(|q| t.needle(q));
        let actor_hits = match &needle {
            Some(n) => (0..t.actor_count() as ActorIx)
                .map(|a| {
                    let actor = t.actor(a);
                    n.is_in(actor.name()) || actor.aliases().any(|al| n.is_in(al))
                })
                .collect(),
            None => Vec::new(),
        };
        let search_hits = needle
            .as_ref()
            .and_then(|n| t.text_matches(n))
            .map(|mut hits| {
                for (a, _) in actor_hits.iter().enumerate().filter(|(_, hit)| **hit) {
                    for &e in t.events_of_actor(a as ActorIx) {
                        hits[e as usize] = true;
                    }
                }
                hits
            });
        Prepared {
            t,
            f,
            needle,
            actor_hits,
            search_hits,
        }
    }

    fn matches(&self, ix: EventIx) -> bool {
        let t = self.t;
        let f = self.f;
        let i = ix as usize;
        if f.from.is_some_and(|from| t.latest_days()[i] < from) {
            return false;
        }
        if f.to.is_some_and(|to| t.earliest_days()[i] > to) {
            return false;
        }
        if let (true, true, Some(hits)) = (
            f.actors.is_empty(),
            f.countries.is_empty(),
            &self.search_hits,
        ) {
            return hits[i];
        }
        let e = t.event(ix);
        if !f.actors.is_empty() && !f.actors.iter().any(|&a| e.has_actor(a)) {
            return false;
        }
        if !f.countries.is_empty() && !f.countries.iter().any(|&c| e.involves_country(c)) {
            return false;
        }
        match (&self.needle, &self.search_hits) {
            (None, _) => true,
            (Some(_), Some(hits)) => hits[i],
            (Some(n), None) => {
                n.is_in(e.title())
                    || n.is_in(e.summary())
                    || e.quotes().any(|q| n.is_in(q.text()))
                    || e.actors().iter().any(|a| self.actor_hits[a.actor as usize])
            }
        }
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
    /// earliest day, so everything after `to` is out.
    fn date_window(&self) -> std::ops::Range<usize> {
        let earliest = self.t.earliest_days();
        let end = match self.f.to {
            Some(to) => earliest.partition_point(|&d| d <= to),
            None => earliest.len(),
        };
        0..end
    }

    fn run(&self) -> Vec<EventIx> {
        const PARALLEL_FROM: usize = 50_000;
        let window = self.date_window();
        let simple =
            self.needle.is_none() && self.f.actors.is_empty() && self.f.countries.is_empty();
        if simple && self.f.from.is_none() {
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
        let one_kind = self.needle.is_none()
            && self.f.from.is_none()
            && self.f.to.is_none()
            && (self.f.actors.is_empty() != self.f.countries.is_empty());
        match self.candidates() {
            Some(list) if one_kind => list,
            Some(list) => {
                let list: Vec<EventIx> = list
                    .into_iter()
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

/// Event counts per actor under every criterion but the actor one, so a
/// picker shows what choosing each actor would give.
pub fn actor_counts(t: &Timeline, filter: &Filter) -> Vec<usize> {
    let mut counts = vec![0usize; t.actor_count()];
    let rest = filter.without(Facet::Actor);
    if rest.is_empty() {
        for (a, c) in counts.iter_mut().enumerate() {
            *c = t.events_of_actor(a as ActorIx).len();
        }
        return counts;
    }
    for e in apply(t, &rest) {
        let mut seen: Vec<ActorIx> = Vec::new();
        for a in t.event(e).actors() {
            if !seen.contains(&a.actor) {
                seen.push(a.actor);
                counts[a.actor as usize] += 1;
            }
        }
    }
    counts
}

/// Event counts per country (indexed as in `model::country`) under every
/// criterion but the country one.
pub fn country_counts(t: &Timeline, filter: &Filter) -> Vec<usize> {
    let table = crate::model::country::all().len();
    let mut counts = vec![0usize; table];
    let rest = filter.without(Facet::Country);
    if rest.is_empty() {
        for (c, n) in counts.iter_mut().enumerate() {
            *n = t.events_of_country(c as CountryIx).len();
        }
        return counts;
    }
    for e in apply(t, &rest) {
        let event = t.event(e);
        let mut seen: Vec<CountryIx> = Vec::new();
        for &c in event.countries().iter().chain(event.place_country().iter()) {
            if !seen.contains(&c) {
                seen.push(c);
                counts[c as usize] += 1;
            }
        }
    }
    counts
}
