//! Event counts per value of each facet, under every other criterion, so a
//! picker shows what choosing each value would give.

use super::{Facet, Filter, apply};
use crate::fold::fold;
use crate::model::country::CountryIx;
use crate::model::{ActorIx, EventIx, Status, Timeline};

/// The events under every criterion but `facet`'s, or `None` for all.
fn rest(t: &Timeline, filter: &Filter, facet: Facet) -> Option<Vec<EventIx>> {
    let rest = filter.without(facet);
    (!rest.is_empty()).then(|| apply(t, &rest))
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

/// Event counts per topic (numbered as the timeline's topic table) under
/// every criterion but the topic one.
pub fn topic_counts(t: &Timeline, filter: &Filter) -> Vec<usize> {
    let mut counts = vec![0usize; t.topic_count()];
    let mut count = |e: EventIx| {
        let topics = t.event(e).topic_ixs();
        for (i, &k) in topics.iter().enumerate() {
            if !topics[..i].contains(&k) {
                counts[k as usize] += 1;
            }
        }
    };
    match rest(t, filter, Facet::Topic) {
        Some(events) => events.into_iter().for_each(&mut count),
        None => (0..t.len() as EventIx).for_each(&mut count),
    }
    counts
}

/// Event counts per status, in the order of [`Status::ALL`], under every
/// criterion but the status one.
pub fn status_counts(t: &Timeline, filter: &Filter) -> [usize; Status::ALL.len()] {
    let mut counts = [0usize; Status::ALL.len()];
    let mut count = |e: EventIx| {
        let s = t.event(e).status();
        if let Some(i) = Status::ALL.iter().position(|&x| x == s) {
            counts[i] += 1;
        }
    };
    match rest(t, filter, Facet::Status) {
        Some(events) => events.into_iter().for_each(&mut count),
        None => (0..t.len() as EventIx).for_each(&mut count),
    }
    counts
}

/// Every place of the timeline with its event count under every criterion
/// but the place one, most events (in the whole timeline) first.
pub fn place_counts(t: &Timeline, filter: &Filter) -> Vec<(String, usize)> {
    let places = t.places();
    let Some(events) = rest(t, filter, Facet::Place) else {
        return places;
    };
    // Places are grouped as `Timeline::places` groups them: folded.
    let index: hashbrown::HashMap<String, usize> = places
        .iter()
        .enumerate()
        .map(|(i, (p, _))| (fold(p), i))
        .collect();
    let mut counts = vec![0usize; places.len()];
    for e in events {
        let place = t.event(e).place();
        if let Some(&i) = index.get(&fold(place)) {
            counts[i] += 1;
        }
    }
    places
        .into_iter()
        .zip(counts)
        .map(|((p, _), n)| (p, n))
        .collect()
}
