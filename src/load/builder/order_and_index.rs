//! Builds the store from a checked builder: events into chronological order,
//! links resolved to positions, backlinks, indexes by actor, country and
//! quoted source, and
//! the text index for search. The per-event lists stay in the order they were
//! read (spans point into them), so every pass is sequential except one
//! gather of the event records; the indexes are built on a second thread.

use crate::load::builder::{Builder, NONE};
use crate::model::date::Day;
use crate::model::timeline::{
    ActorRec, EventRec, NO_DERIVATION, Postings, SourceRec, Span, group_by_key,
};
use crate::model::{Derivation, DerivationAnchor, Link, QuoteSpan, TextIndex, TimelineParts};

/// What the second thread builds.
struct Indexes {
    backlink_offsets: Vec<u32>,
    backlinks: Vec<Link>,
    by_actor: Postings,
    by_country: Postings,
    by_source: Postings,
}

/// What the first thread builds.
struct Records {
    derivations: Vec<Derivation>,
    events: Vec<EventRec>,
    earliest: Vec<Day>,
    latest: Vec<Day>,
    text_index: TextIndex,
}

fn range((start, len): (u32, u32)) -> std::ops::Range<usize> {
    start as usize..(start + len) as usize
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
        // Each event id's place in the chronology, for links and lookups.
        let slot_rank: Vec<u32> = self
            .slot_event
            .iter()
            .map(|&e| if e == NONE { NONE } else { rank[e as usize] })
            .collect();
        for l in &mut self.links {
            l.other = slot_rank[l.other as usize];
        }

        let this = &self;
        let (indexes, records) = std::thread::scope(|scope| {
            let worker = scope.spawn(|| this.indexes(&rank));
            let records = this.records_in_order(&order, &rank, &slot_rank);
            (worker.join(), records)
        });
        let indexes = match indexes {
            Ok(built) => built,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        let Records {
            derivations,
            mut events,
            earliest,
            latest,
            text_index,
        } = records;
        for (e, w) in events.iter_mut().zip(indexes.backlink_offsets.windows(2)) {
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
            by_actor: indexes.by_actor,
            by_country: indexes.by_country,
            by_source: indexes.by_source,
            backlinks: indexes.backlinks,
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

    /// Backlinks and the actor and country postings, gathered in reading
    /// order, then each list sorted into chronological order.
    fn indexes(&self, rank: &[u32]) -> Indexes {
        let n = self.events.len();
        let mut backlink_pairs: Vec<(u32, Link)> = Vec::with_capacity(self.links.len());
        let mut actor_pairs: Vec<(u32, u32)> = Vec::with_capacity(self.event_actors.len());
        let mut country_pairs: Vec<(u32, u32)> = Vec::with_capacity(self.event_countries.len() + n);
        let mut source_pairs: Vec<(u32, u32)> = Vec::with_capacity(self.quotes.len());
        for (e, &at) in self.events.iter().zip(rank) {
            for l in &self.links[range(e.links)] {
                backlink_pairs.push((
                    l.other,
                    Link {
                        other: at,
                        kind: l.kind,
                    },
                ));
            }
            for a in &self.event_actors[range(e.actors)] {
                actor_pairs.push((a.actor, at));
            }
            for &c in &self.event_countries[range(e.countries)] {
                country_pairs.push((c as u32, at));
            }
            if let Some(c) = e.place_country {
                country_pairs.push((c as u32, at));
            }
            for q in &self.quotes[range(e.quotes)] {
                source_pairs.push((q.source, at));
            }
        }
        let (backlink_offsets, mut backlinks) = group_by_key(n, &backlink_pairs);
        drop(backlink_pairs);
        for w in backlink_offsets.windows(2) {
            backlinks[w[0] as usize..w[1] as usize]
                .sort_unstable_by_key(|l| (l.other, l.kind as u8));
        }
        Indexes {
            backlink_offsets,
            backlinks,
            by_actor: Postings::build(self.actors.len(), actor_pairs),
            by_country: Postings::build(crate::model::country::all().len(), country_pairs),
            by_source: {
                // An event quotes a source several times, once in the index.
                let mut postings = Postings::build(self.sources.len(), source_pairs);
                postings.events.shrink_to_fit();
                postings
            },
        }
    }

    /// The event records in chronological order, with their derivations,
    /// day bounds and the text index.
    fn records_in_order(&self, order: &[u32], rank: &[u32], slot_rank: &[u32]) -> Records {
        let derivations = self
            .derivations
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
            .collect();
        let span = |(start, len): (u32, u32)| Span { start, len };
        let events: Vec<EventRec> = order
            .iter()
            .map(|&old| {
                let e = &self.events[old as usize];
                EventRec {
                    slot: e.slot,
                    title: e.title,
                    summary: e.summary,
                    date: e.date,
                    derivation: if e.derivation == NONE {
                        NO_DERIVATION
                    } else {
                        e.derivation
                    },
                    status: e.status,
                    place: e.place,
                    place_country: e.place_country,
                    actors: span(e.actors),
                    countries: span(e.countries),
                    topics: span(e.topics),
                    quotes: span(e.quotes),
                    links: span(e.links),
                    backlinks: Span::default(),
                    sources: span(e.sources),
                    date_origin: e.date_origin,
                }
            })
            .collect();
        let earliest = events
            .iter()
            .map(|e| e.date.earliest().unwrap_or(Day::MIN))
            .collect();
        let latest = events
            .iter()
            .map(|e| e.date.latest().unwrap_or(Day::MAX))
            .collect();
        Records {
            derivations,
            events,
            earliest,
            latest,
            text_index: self.text_index(rank),
        }
    }

    /// Where each event's title and quotes lie in the text store.
    fn text_index(&self, rank: &[u32]) -> TextIndex {
        let mut blocks: Vec<(u32, u32)> = self
            .events
            .iter()
            .zip(rank)
            .map(|(e, &r)| (e.title.start, r))
            .collect();
        if !blocks.is_sorted() {
            blocks.sort_unstable();
        }
        let quotes = self
            .events
            .iter()
            .zip(rank)
            .flat_map(|(e, &r)| {
                self.quotes[range(e.quotes)].iter().map(move |q| QuoteSpan {
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
        .with_quotes(quotes)
    }
}
