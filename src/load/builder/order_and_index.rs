//! Builds the store from a checked builder: events into chronological order,
//! links resolved to positions, backlinks, indexes by actor, country and
//! quoted source, and
//! the text index for search. The per-event lists stay in the order they were
//! read (spans point into them). The event records are turned into their
//! chronological form first, consuming the records as read so that both never
//! take their full room at once (the load's peak memory); the indexes are then
//! built from them by two threads.

use crate::load::builder::reorder::records_in_order;
use crate::load::builder::{Builder, NONE, RawEvent};
use crate::model::date::Day;
use crate::model::timeline::{ActorRec, EventRec, Postings, SourceRec, Span};
use crate::model::{
    Derivation, DerivationAnchor, Link, Quote, QuoteSpan, TextIndex, TimelineParts,
};

fn range(s: Span) -> std::ops::Range<usize> {
    s.start as usize..(s.start + s.len) as usize
}

impl Builder {
    pub(crate) fn build(mut self) -> TimelineParts {
        let n = self.events.len();
        // The chronological order is DateValue::sort_key's, then reading order.
        let mut keyed: Vec<((Day, u8, Day), u32)> = self
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.date.sort_key(), i as u32))
            .collect();
        keyed.sort_unstable();
        let order: Vec<u32> = keyed.into_iter().map(|(_, i)| i).collect();
        let mut rank = vec![0u32; n];
        for (new, &old) in order.iter().enumerate() {
            rank[old as usize] = new as u32;
        }
        // The text index is built from the records as read, on a second
        // thread, while this one turns links and derivations to places in
        // the chronology.
        let (text_index, slot_rank, derivations) = std::thread::scope(|scope| {
            let (raw, quotes, rank) = (&self.events, &self.quotes, &rank);
            let worker = scope.spawn(move || text_index(raw, quotes, rank));
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
            match worker.join() {
                Ok(built) => (built, slot_rank, derivations),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        });
        drop(rank);
        let raw = std::mem::take(&mut self.events);
        let mut events = records_in_order(raw, order);

        // Two threads share the indexes, each pass over the records reading
        // them in order.
        let this = &self;
        let (worker, (by_country, by_source, earliest, latest)) = std::thread::scope(|scope| {
            let events = &events;
            let worker = scope.spawn(|| {
                let (offsets, backlinks) = this.backlinks(events);
                (offsets, backlinks, this.actor_postings(events))
            });
            let by_country = this.country_postings(events);
            let by_source = this.source_postings(events);
            let earliest = events
                .iter()
                .map(|e| e.date.earliest().unwrap_or(Day::MIN))
                .collect();
            let latest = events
                .iter()
                .map(|e| e.date.latest().unwrap_or(Day::MAX))
                .collect();
            (worker.join(), (by_country, by_source, earliest, latest))
        });
        let (backlink_offsets, backlinks, by_actor) = match worker {
            Ok(built) => built,
            Err(panic) => std::panic::resume_unwind(panic),
        };
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
            backlinks,
            aliases: self.aliases,
            roles: self.roles,
            topics: self.topics,
            hasher: self.hasher,
            events,
            event_actors: self.event_actors,
            event_countries: self.event_countries,
            event_topics: self.event_topics,
            quotes: self.quotes,
            links: self.links,
            event_sources: self.event_sources,
            title: self.title,
            import_report: Default::default(),
            derivations,
            earliest,
            latest,
            event_ids: self.event_ids,
            slot_event: slot_rank,
            text_index,
            byte_counts: crate::search::english_counts(),
            text,
        }
    }

    /// The actor, country and source postings. Each is counted, then
    /// filled, in two passes over the chronological records, so no list of
    /// (key, event) pairs is ever held and every list comes out in order.
    fn actor_postings(&self, events: &[EventRec]) -> Postings {
        postings(self.actors.len(), events, |e| {
            self.event_actors[range(e.actors)].iter().map(|a| a.actor)
        })
    }

    fn country_postings(&self, events: &[EventRec]) -> Postings {
        postings(crate::model::country::all().len(), events, |e| {
            self.event_countries[range(e.countries)]
                .iter()
                .chain(e.place_country.as_ref())
                .map(|&c| c as u32)
        })
    }

    fn source_postings(&self, events: &[EventRec]) -> Postings {
        postings(self.sources.len(), events, |e| {
            self.quotes[range(e.quotes)].iter().map(|q| q.source)
        })
    }

    /// For each event, the links to it: offsets by event, then the links,
    /// each list sorted by linking event and kind.
    fn backlinks(&self, events: &[EventRec]) -> (Vec<u32>, Vec<Link>) {
        let mut offsets = vec![0u32; events.len() + 1];
        for e in events {
            for l in &self.links[range(e.links)] {
                offsets[l.other as usize + 1] += 1;
            }
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut next = offsets.clone();
        let mut backlinks = vec![Link::default(); offsets[events.len()] as usize];
        for (at, e) in (0u32..).zip(events) {
            for l in &self.links[range(e.links)] {
                let to = &mut next[l.other as usize];
                backlinks[*to as usize] = Link {
                    other: at,
                    kind: l.kind,
                };
                *to += 1;
            }
        }
        // Filled in chronological order already; one event's links of
        // several kinds still need the kind order.
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
            quotes[e.quotes.0 as usize..(e.quotes.0 + e.quotes.1) as usize]
                .iter()
                .map(move |q| QuoteSpan {
                    start: q.text.start,
                    end: q.text.start + q.text.len,
                    max_end: 0,
                    event: r,
                })
        })
        .collect();
    TextIndex {
        blocks: blocks.iter().map(|b| b.0).collect(),
        block_event: blocks.iter().map(|b| b.1).collect(),
        quotes: Vec::new(),
    }
    .with_quotes(spans)
}

/// One sorted list of events per key, each event once in a list (an actor
/// named twice by an event), from the keys each event gives. A count pass,
/// then a fill pass; the events come in chronological order, so each list is
/// filled in order and a repeat can only follow its first.
fn postings<'a, K>(
    keys: usize,
    events: &'a [EventRec],
    keys_of: impl Fn(&'a EventRec) -> K,
) -> Postings
where
    K: Iterator<Item = u32>,
{
    let mut offsets = vec![0u32; keys + 1];
    let mut last = vec![u32::MAX; keys];
    for (at, e) in (0u32..).zip(events) {
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
    for (at, e) in (0u32..).zip(events) {
        for k in keys_of(e) {
            let k = k as usize;
            if last[k] != at {
                last[k] = at;
                list[next[k] as usize] = at;
                next[k] += 1;
            }
        }
    }
    Postings {
        offsets,
        events: list,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::builder::reorder::{chronological_record, tests::raw};

    #[test]
    fn postings_are_sorted_and_hold_each_event_once() {
        let events: Vec<EventRec> = (0..4).map(|i| chronological_record(raw(i))).collect();
        // Event i names keys given by this table, with repeats.
        let table: [&[u32]; 4] = [&[2, 0, 2], &[], &[0], &[2, 1, 0, 0]];
        let p = postings(4, &events, |e| table[e.slot as usize].iter().copied());
        assert_eq!(p.offsets, vec![0, 3, 4, 6, 6]);
        assert_eq!(p.events, vec![0, 2, 3, 3, 0, 3]);
    }
}
