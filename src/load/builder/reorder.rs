//! The event records put into chronological order in place: the records as
//! read are already in the store's form, so ordering them is a permutation
//! of one array, with no second array of records (this step sets the
//! load's peak memory).

use crate::load::builder::RawEvent;
use crate::model::timeline::EventRec;

/// The event records in chronological order (`order` lists the reading
/// places in that order), moved within their own array.
pub(crate) fn records_in_order(mut records: Vec<RawEvent>, mut order: Vec<u32>) -> Vec<EventRec> {
    // Place j takes the record read at order[j]: follow each cycle of that
    // permutation, each record copied once; the cycle's first is held aside
    // while the others move into their places. A place filled is marked in
    // `order` itself, so each step reads one entry of it and one record
    // (both cache misses in a large timeline), not a third array as well.
    const FILLED: u32 = u32::MAX;
    for start in 0..records.len() {
        if order[start] == FILLED {
            continue;
        }
        let first = records[start].clone();
        let mut j = start;
        loop {
            let k = std::mem::replace(&mut order[j], FILLED) as usize;
            if k == start {
                records[j] = first;
                break;
            }
            records[j] = records[k].clone();
            j = k;
        }
    }
    records
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::timeline::{NO_COUNTRY, NO_DERIVATION, Span};

    pub(crate) fn raw(slot: u32) -> RawEvent {
        RawEvent {
            slot,
            title: Default::default(),
            summary: Default::default(),
            date: crate::model::date::DateValue::parse_edtf("2024-01-01")
                .expect("a date")
                .into(),
            derivation: NO_DERIVATION,
            place: Default::default(),
            place_country: NO_COUNTRY,
            status: Default::default(),
            _reserved: 0,
            actors: Span {
                start: slot,
                len: 1,
            },
            countries: Span::default(),
            topics: Span::default(),
            quotes: Span::default(),
            links: Span::default(),
            backlinks: Span::default(),
            sources: Span::default(),
            date_origin: Default::default(),
        }
    }

    #[test]
    fn records_follow_the_given_order_whatever_its_cycles() {
        // Several cycles and a fixed point.
        for n in [0usize, 1, 2, 7, 70_003] {
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
        }
    }
}
