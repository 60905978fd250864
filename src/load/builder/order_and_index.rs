//! Builds the store from a checked builder: events into chronological order,
//! links resolved to positions, backlinks, indexes by actor, country and
//! quoted source, and
//! the text index for search. The per-event lists stay in the order they were
//! read (spans point into them). The event records are turned into their
//! chronological form last, consuming the records as read so that both never
//! take their full room at once (the load's peak memory); the indexes are
//! built before, by two threads, from the records as read.

use crate::load::builder::reorder::records_in_order;
use crate::load::builder::runs::map_in_runs;
use crate::load::builder::{Builder, NONE, RawEvent};
use crate::model::date::Day;
use crate::model::timeline::{ActorRec, NO_COUNTRY, Postings, SourceRec, Span};
use crate::model::{
    Derivation, DerivationAnchor, Link, Quote, QuoteSpan, TextIndex, TimelineParts,
};

/// The reading places of `events` in chronological order: by
/// DateValue::sort_key, then reading order. Each key is packed into one
/// integer that orders the same way, and the two halves are sorted on two
/// cores and merged.
fn chronological_order(events: &[RawEvent]) -> Vec<u32> {
    // A day as an unsigned number in the same order.
    let day = |d: Day| u128::from((d as u32) ^ 0x8000_0000);
    let mut keys: Vec<u128> = map_in_runs(events.len(), |i| {
        let (earliest, vague, span) = events[i].date.value().sort_key();
        day(earliest) << 72 | u128::from(vague) << 64 | day(span) << 32 | i as u128
    });
    let (front, back) = keys.split_at_mut(events.len() / 2);
    std::thread::scope(|scope| {
        scope.spawn(|| front.sort_unstable());
        back.sort_unstable();
    });
    let (front, back) = keys.split_at(events.len() / 2);
    let (mut a, mut b) = (front.iter().peekable(), back.iter().peekable());
    let mut order = Vec::with_capacity(events.len());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x <= y => a.next(),
            (Some(_), Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(&key) => order.push(key as u32),
            None => return order,
        }
    }
}

impl Builder {
    pub(crate) fn build(mut self) -> TimelineParts {
        // Only messages needed where each event was read.
        self.event_origins = Vec::new();
        let n = self.events.len();
        let order = chronological_order(&self.events);
        let mut rank = vec![0u32; n];
        for (new, &old) in order.iter().enumerate() {
            rank[old as usize] = new as u32;
        }
        // Each event id's place in the chronology, for links and lookups.
        let slot_rank: Vec<u32> = self
            .slot_event
            .iter()
            .map(|&e| if e == NONE { NONE } else { rank[e as usize] })
            .collect();
        for l in &mut self.links {
            l.other = slot_rank[l.other as usize];
        }
        let derivations = self.derivations_in_order(&slot_rank);

        // The indexes are built from the records as read, before they are
        // reordered, by two threads, each pass reading the records in order.
        let (read, places) = (&self.events, &rank);
        let this = &self;
        let (worker, (text_index, by_country, by_source)) = std::thread::scope(|scope| {
            let worker = scope.spawn(move || {
                let (offsets, backlinks) = this.backlinks(read, places);
                (offsets, backlinks, this.actor_postings(read, places))
            });
            let text_index = text_index(read, &this.quotes, places);
            let by_country = this.country_postings(read, places);
            let by_source = this.source_postings(read, places);
            (worker.join(), (text_index, by_country, by_source))
        });
        let (backlink_offsets, backlinks, by_actor) = match worker {
            Ok(built) => built,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        drop(rank);
        let raw = std::mem::take(&mut self.events);
        let mut events = records_in_order(raw, order);
        let earliest = map_in_runs(n, |p| events[p].date.value().earliest().unwrap_or(Day::MIN));
        let latest = map_in_runs(n, |p| events[p].date.value().latest().unwrap_or(Day::MAX));
        for (e, w) in events.iter_mut().zip(backlink_offsets.windows(2)) {
            e.backlinks = Span {
                start: w[0],
                len: w[1] - w[0],
            };
        }

        // The builder reserved by estimate; give back what was not used.
        self.event_countries.shrink_to_fit();
        self.event_actors.shrink_to_fit();
        self.event_topics.shrink_to_fit();
        self.quotes.shrink_to_fit();
        self.links.shrink_to_fit();
        self.aliases.shrink_to_fit();
        let mut text = self.arena;
        text.shrink_to_fit();
        TimelineParts {
            sources: self
                .sources
                .iter()
                .map(|s| SourceRec {
                    id: s.id,
                    outlet: s.outlet,
                    title: s.title,
                    url: s.url,
                    published: s.published,
                    has_text: s.text_state == super::SourceText::Given,
                    text: s.text,
                    text_file: s.text_file,
                })
                .collect(),
            actors: self
                .actors
                .iter()
                .map(|a| ActorRec {
                    id: a.id,
                    name: a.name,
                    kind: a.kind,
                    title: a.title,
                    country: a.country,
                    aliases: Span {
                        start: a.alias_start,
                        len: a.alias_len,
                    },
                })
                .collect(),
            by_actor,
            by_country,
            by_source,
            backlinks: backlinks.into(),
            aliases: self.aliases.into(),
            roles: self.roles,
            topics: self.topics,
            hasher: self.hasher,
            events: events.into(),
            event_actors: self.event_actors.into(),
            event_countries: self.event_countries.into(),
            event_topics: self.event_topics.into(),
            quotes: self.quotes.into(),
            links: self.links.into(),
            event_sources: self.event_sources.into(),
            title: self.title,
            import_report: Default::default(),
            derivations,
            earliest: earliest.into(),
            latest: latest.into(),
            event_ids: self.event_ids,
            slot_event: slot_rank.into(),
            text_index,
            byte_counts: crate::search::english_counts(),
            text,
        }
    }

    /// The actor, country and source postings. Each is counted, then
    /// filled, in two passes over the records as read, so no list of
    /// (key, event) pairs is ever held.
    fn actor_postings(&self, raw: &[RawEvent], rank: &[u32]) -> Postings {
        postings(self.actors.len(), raw, rank, |e| {
            self.event_actors[e.actors.range()].iter().map(|a| a.actor)
        })
    }

    fn country_postings(&self, raw: &[RawEvent], rank: &[u32]) -> Postings {
        postings(crate::model::country::all().len(), raw, rank, |e| {
            self.event_countries[e.countries.range()]
                .iter()
                .chain((e.place_country != NO_COUNTRY).then_some(&e.place_country))
                .map(|&c| c as u32)
        })
    }

    fn source_postings(&self, raw: &[RawEvent], rank: &[u32]) -> Postings {
        postings(self.sources.len(), raw, rank, |e| {
            self.quotes[e.quotes.range()].iter().map(|q| q.source)
        })
    }

    /// For each event, the links to it: offsets by chronological place,
    /// then the links, each list sorted by linking event and kind.
    fn backlinks(&self, raw: &[RawEvent], rank: &[u32]) -> (Vec<u32>, Vec<Link>) {
        let mut offsets = vec![0u32; raw.len() + 1];
        for e in raw {
            for l in &self.links[e.links.range()] {
                offsets[l.other as usize + 1] += 1;
            }
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut next = offsets.clone();
        let mut backlinks = vec![Link::default(); offsets[raw.len()] as usize];
        for (e, &at) in raw.iter().zip(rank) {
            for l in &self.links[e.links.range()] {
                let to = &mut next[l.other as usize];
                backlinks[*to as usize] = Link {
                    other: at,
                    kind: l.kind,
                };
                *to += 1;
            }
        }
        for w in offsets.windows(2) {
            backlinks[w[0] as usize..w[1] as usize]
                .sort_unstable_by_key(|l| (l.other, l.kind as u8));
        }
        (offsets, backlinks)
    }

    /// The derivations, their event anchors turned into chronological places.
    fn derivations_in_order(&self, slot_rank: &[u32]) -> Vec<Derivation> {
        self.derivations
            .iter()
            .map(|d| Derivation {
                phrase: d.phrase,
                anchor: if let Some(day) = d.anchor_day {
                    DerivationAnchor::Day(day)
                } else if d.anchor_is_source {
                    DerivationAnchor::Source(d.anchor_slot)
                } else {
                    DerivationAnchor::Event(slot_rank[d.anchor_slot as usize])
                },
                rule: d.rule,
            })
            .collect()
    }
}

/// Where each event's title and quotes lie in the text store, from the
/// records as read and each one's place in the chronology.
fn text_index(raw: &[RawEvent], quotes: &[Quote], rank: &[u32]) -> TextIndex {
    let mut blocks: Vec<(u32, u32)> = raw
        .iter()
        .zip(rank)
        .map(|(e, &r)| (e.title.start, r))
        .collect();
    if !blocks.is_sorted() {
        blocks.sort_unstable();
    }
    let spans = raw
        .iter()
        .zip(rank)
        .flat_map(|(e, &r)| {
            quotes[e.quotes.range()].iter().map(move |q| QuoteSpan {
                start: q.text.start,
                end: q.text.start + q.text.len,
                max_end: 0,
                event: r,
            })
        })
        .collect();
    TextIndex {
        blocks: blocks.iter().map(|b| b.0).collect::<Vec<_>>().into(),
        block_event: blocks.iter().map(|b| b.1).collect::<Vec<_>>().into(),
        quotes: Default::default(),
    }
    .with_quotes(spans)
}

/// One sorted list of events per key, each event once in a list (an actor
/// named twice by an event), from the keys each record as read gives and
/// its place in the chronology. A count pass, then a fill pass, then each
/// list sorted; one record's keys come together, so a repeat within it is
/// seen as it comes.
fn postings<'a, K>(
    keys: usize,
    raw: &'a [RawEvent],
    rank: &[u32],
    keys_of: impl Fn(&'a RawEvent) -> K,
) -> Postings
where
    K: Iterator<Item = u32>,
{
    let mut offsets = vec![0u32; keys + 1];
    let mut last = vec![u32::MAX; keys];
    for (e, &at) in raw.iter().zip(rank) {
        for k in keys_of(e) {
            let k = k as usize;
            if last[k] != at {
                last[k] = at;
                offsets[k + 1] += 1;
            }
        }
    }
    for i in 1..offsets.len() {
        offsets[i] += offsets[i - 1];
    }
    let mut next = offsets.clone();
    let mut list = vec![0u32; offsets[keys] as usize];
    last.fill(u32::MAX);
    for (e, &at) in raw.iter().zip(rank) {
        for k in keys_of(e) {
            let k = k as usize;
            if last[k] != at {
                last[k] = at;
                list[next[k] as usize] = at;
                next[k] += 1;
            }
        }
    }
    for w in offsets.windows(2) {
        list[w[0] as usize..w[1] as usize].sort_unstable();
    }
    Postings {
        offsets: offsets.into(),
        events: list.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::builder::reorder::tests::raw;
    use crate::model::date::DateValue;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn chronological_order_is_the_sort_keys_then_reading_order(
            dates in proptest::collection::vec(0usize..12, 0..200),
        ) {
            // Days, months, years, ranges and open ends, BCE among them,
            // with many ties.
            const EDTF: [&str; 12] = [
                "2025-04-16", "2025-04", "2025", "2025-04-16/2025-04-20", "../2025-04",
                "2025-04/..", "-0043-03-15", "-0043", "2025-04-15", "2025-04-16/2025-04-17",
                "1900", "2025-04-16/..",
            ];
            let events: Vec<RawEvent> = dates
                .iter()
                .enumerate()
                .map(|(i, &d)| RawEvent {
                    date: DateValue::parse_edtf(EDTF[d]).expect("a date").into(),
                    ..raw(i as u32)
                })
                .collect();
            let mut expected: Vec<((Day, u8, Day), u32)> = events
                .iter()
                .enumerate()
                .map(|(i, e)| (e.date.value().sort_key(), i as u32))
                .collect();
            expected.sort_unstable();
            let expected: Vec<u32> = expected.into_iter().map(|(_, i)| i).collect();
            prop_assert_eq!(chronological_order(&events), expected);
        }
    }

    #[test]
    fn postings_are_sorted_and_hold_each_event_once() {
        let events: Vec<RawEvent> = (0..4).map(raw).collect();
        // Record i names keys given by this table, with repeats; its place in
        // the chronology is rank[i].
        let table: [&[u32]; 4] = [&[2, 0, 2], &[], &[0], &[2, 1, 0, 0]];
        let rank = [3, 0, 2, 1];
        let p = postings(4, &events, &rank, |e| {
            table[e.slot as usize].iter().copied()
        });
        assert_eq!(*p.offsets, [0, 3, 4, 6, 6]);
        assert_eq!(*p.events, [1, 2, 3, 1, 1, 3]);
    }
}
