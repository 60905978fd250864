//! The event records put into chronological order without holding the
//! records as read and the chronological ones in full at once: this step
//! sets the load's peak memory.

use crate::load::builder::{NONE, RawEvent};
use crate::model::timeline::{EventRec, NO_COUNTRY, NO_DERIVATION, Span};

/// How many records as read are converted between two givings back of
/// their room (about 8 MB of them).
const RELEASE_EVERY: usize = 1 << 16;

/// The event records in chronological order (`order` lists the reading
/// places in that order). The records as read are first put, in place, into
/// reverse chronological order, then taken off their end one by one, their
/// room given back as it empties, so the two arrays together stay about the
/// size of one.
pub(crate) fn records_in_order(mut raw: Vec<RawEvent>, order: Vec<u32>) -> Vec<EventRec> {
    let n = raw.len();
    // Place j takes the record read at order[n - 1 - j]: follow each cycle
    // of that permutation.
    let mut done = vec![false; n];
    for start in 0..n {
        if done[start] {
            continue;
        }
        // Each record is copied once: the cycle's first is held aside while
        // the others move up into their places.
        let first = raw[start].clone();
        let mut j = start;
        loop {
            done[j] = true;
            let k = order[n - 1 - j] as usize;
            if k == start {
                raw[j] = first;
                break;
            }
            raw[j] = raw[k].clone();
            j = k;
        }
    }
    drop(done);
    drop(order);
    let mut events = Vec::with_capacity(n);
    while let Some(e) = raw.pop() {
        events.push(chronological_record(e));
        if raw.len().is_multiple_of(RELEASE_EVERY) {
            raw.shrink_to_fit();
        }
    }
    events
}

pub(crate) fn chronological_record(e: RawEvent) -> EventRec {
    let span = |(start, len): (u32, u32)| Span { start, len };
    EventRec {
        slot: e.slot,
        title: e.title,
        summary: e.summary,
        date: e.date.into(),
        derivation: if e.derivation == NONE {
            NO_DERIVATION
        } else {
            e.derivation
        },
        status: e.status,
        place: e.place,
        place_country: e.place_country.unwrap_or(NO_COUNTRY),
        _reserved: 0,
        actors: span(e.actors),
        countries: span(e.countries),
        topics: span(e.topics),
        quotes: span(e.quotes),
        links: span(e.links),
        backlinks: Span::default(),
        sources: span(e.sources),
        date_origin: e.date_origin,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn raw(slot: u32) -> RawEvent {
        RawEvent {
            slot,
            file: 0,
            line: 0,
            title: Default::default(),
            summary: Default::default(),
            date: crate::model::date::DateValue::parse_edtf("2024-01-01").expect("a date"),
            status: Default::default(),
            place: Default::default(),
            place_country: None,
            actors: (slot, 1),
            countries: (0, 0),
            topics: (0, 0),
            quotes: (0, 0),
            links: (0, 0),
            sources: (0, 0),
            derivation: NONE,
            date_origin: Default::default(),
        }
    }

    #[test]
    fn records_follow_the_given_order_whatever_its_cycles() {
        // Several cycles, a fixed point and more than one release chunk.
        for n in [0usize, 1, 2, 7, RELEASE_EVERY + 3] {
            let order: Vec<u32> = (0..n as u32)
                .map(|i| (i * 5 + 3) % n.max(1) as u32)
                .collect();
            let mut seen = order.clone();
            seen.sort_unstable();
            assert_eq!(seen, (0..n as u32).collect::<Vec<_>>(), "n = {n}");
            let events = records_in_order((0..n as u32).map(raw).collect(), order.clone());
            let slots: Vec<u32> = events.iter().map(|e| e.slot).collect();
            assert_eq!(slots, order, "n = {n}");
            assert!(events.iter().all(|e| e.actors.start == e.slot));
            assert!(events.iter().all(|e| e.derivation == NO_DERIVATION));
        }
    }
}
