//! Resolves what the builder left open (references to things declared later),
//! checks dates against their derivations, sorts the events into chronological
//! order and builds the indexes.

use super::builder::{Builder, NONE};
use super::diag::LoadError;
use crate::model::date::{Day, from_day_number};
use crate::model::{
    Derivation, DerivationAnchor, Link, QuoteSpan, TextIndex, Timeline, TimelineParts,
};
use crate::sanitize;

use crate::model::timeline::{
    ActorRec, EventRec, NO_DERIVATION, Postings, SourceRec, Span, group_by_key,
};

impl Builder {
    /// Resolves, validates and indexes everything read so far.
    pub fn finish(mut self) -> Result<Timeline, LoadError> {
        self.check_references();
        self.check_pending_quotes();
        self.check_derivations();
        if self.arena.overflowed {
            self.diagnose(
                0,
                None,
                None,
                "the timeline's text passes 4 GiB, more than one store holds".into(),
            );
        }
        if !self.diags.is_empty() {
            return Err(self.diags.into_error());
        }
        Ok(Timeline::from_parts(self.build()))
    }

    fn subject_of_event(&self, event: u32) -> (u16, String) {
        let e = &self.events[event as usize];
        let id = self.event_ids.key(e.slot);
        (e.file, format!("event '{id}'"))
    }

    fn check_references(&mut self) {
        let mut problems: Vec<(u32, String)> = Vec::new();
        for (ix, e) in self.events.iter().enumerate() {
            let ix = ix as u32;
            let actors =
                &self.event_actors[e.actors.0 as usize..(e.actors.0 + e.actors.1) as usize];
            for a in actors {
                let actor = &self.actors[a.actor as usize];
                if actor.file.is_none() {
                    problems.push((ix, format!("unknown actor '{}'", self.arena.get(actor.id))));
                }
            }
            let links = &self.links[e.links.0 as usize..(e.links.0 + e.links.1) as usize];
            for l in links {
                if self.slot_event[l.other as usize] == NONE {
                    let target = self.event_ids.key(l.other);
                    problems.push((
                        ix,
                        format!("unknown link target '{target}' ({})", l.kind.as_str()),
                    ));
                }
            }
            let quotes = &self.quotes[e.quotes.0 as usize..(e.quotes.0 + e.quotes.1) as usize];
            for q in quotes {
                let source = &self.sources[q.source as usize];
                if source.file.is_none() {
                    problems.push((
                        ix,
                        format!("quote from unknown source '{}'", self.arena.get(source.id)),
                    ));
                }
            }
            if e.derivation != NONE {
                let d = &self.derivations[e.derivation as usize];
                let known = if d.anchor_is_source {
                    self.sources[d.anchor_slot as usize].file.is_some()
                } else {
                    self.slot_event[d.anchor_slot as usize] != NONE
                };
                if !known {
                    let (kind, id) = if d.anchor_is_source {
                        (
                            "source",
                            self.arena.get(self.sources[d.anchor_slot as usize].id),
                        )
                    } else {
                        ("event", self.event_ids.key(d.anchor_slot))
                    };
                    problems.push((
                        ix,
                        format!("date derivation anchored on unknown {kind} '{id}'"),
                    ));
                }
            }
        }
        for (event, message) in problems {
            let (file, subject) = self.subject_of_event(event);
            self.diagnose(file, None, Some(subject), message);
        }
    }

    fn check_pending_quotes(&mut self) {
        for pending in std::mem::take(&mut self.pending_quotes) {
            let source = self.quotes[pending.quote as usize].source;
            if self.sources[source as usize].file.is_none() {
                continue; // reported by check_references
            }
            match self.verify_quote(pending.quote, &pending.text) {
                Ok(s) => self.quotes[pending.quote as usize].text = s,
                Err(e) => {
                    let (file, subject) = self.subject_of_event(pending.event);
                    self.diagnose(file, None, Some(subject), e);
                }
            }
        }
    }

    fn check_derivations(&mut self) {
        let mut problems = Vec::new();
        for (ix, e) in self.events.iter().enumerate() {
            if e.derivation == NONE {
                continue;
            }
            let d = &self.derivations[e.derivation as usize];
            let anchor_day: Option<Day> = if d.anchor_is_source {
                let s = &self.sources[d.anchor_slot as usize];
                s.file.map(|_| s.published)
            } else {
                match self.slot_event[d.anchor_slot as usize] {
                    NONE => None,
                    anchor => {
                        let date = self.events[anchor as usize].date;
                        if !date.is_exact_day() {
                            let (file, subject) = self.subject_of_event(ix as u32);
                            problems.push((file, subject, format!("date derivation is anchored on an event without a single exact day ({})", date.edtf())));
                            continue;
                        }
                        date.earliest()
                    }
                }
            };
            let Some(anchor) = anchor_day.and_then(from_day_number) else {
                continue; // unknown anchor: reported by check_references
            };
            let computed = d.rule.apply(anchor);
            if computed.map(|c| c.shape) != Some(e.date.shape) {
                let (file, subject) = self.subject_of_event(ix as u32);
                let phrase = self.arena.get(d.phrase);
                let want = computed.map_or_else(|| "no date".to_string(), |c| c.edtf());
                problems.push((
                    file,
                    subject,
                    format!(
                        "date {} does not follow from its derivation: \"{phrase}\" ({}) from {} gives {want}",
                        e.date.edtf(),
                        d.rule,
                        anchor.format("%Y-%m-%d"),
                    ),
                ));
            }
        }
        for (file, subject, message) in problems {
            self.diagnose(
                file,
                None,
                Some(subject),
                sanitize::line(&message).into_owned(),
            );
        }
    }

    /// Builds the store with events in chronological order. The per-event
    /// lists stay in the order they were read (spans point into them), so
    /// every pass below is sequential except one gather of the event records.
    fn build(mut self) -> TimelineParts {
        let n = self.events.len();
        let bounds: Vec<(Day, Day)> = self
            .events
            .iter()
            .map(|e| {
                (
                    e.date.earliest().unwrap_or(Day::MIN),
                    e.date.latest().unwrap_or(Day::MAX),
                )
            })
            .collect();
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

        // Backlinks and postings, gathered in reading order, then each list
        // sorted into chronological order.
        let mut backlink_pairs: Vec<(u32, Link)> = Vec::with_capacity(self.links.len());
        let mut actor_pairs: Vec<(u32, u32)> = Vec::with_capacity(self.event_actors.len());
        let mut country_pairs: Vec<(u32, u32)> = Vec::with_capacity(self.event_countries.len() + n);
        let range = |(start, len): (u32, u32)| start as usize..(start + len) as usize;
        for (e, &at) in self.events.iter().zip(&rank) {
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
        }
        let (offsets, mut backlinks) = group_by_key(n, &backlink_pairs);
        drop(backlink_pairs);
        for w in offsets.windows(2) {
            backlinks[w[0] as usize..w[1] as usize]
                .sort_unstable_by_key(|l| (l.other, l.kind as u8));
        }

        let derivations: Vec<Derivation> = self
            .derivations
            .iter()
            .map(|d| Derivation {
                phrase: d.phrase,
                anchor: if d.anchor_is_source {
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
            .zip(offsets.windows(2))
            .map(|(&old, w)| {
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
                    backlinks: Span {
                        start: w[0],
                        len: w[1] - w[0],
                    },
                }
            })
            .collect();
        let text_index = {
            let mut blocks: Vec<(u32, u32)> = self
                .events
                .iter()
                .zip(&rank)
                .map(|(e, &r)| (e.title.start, r))
                .collect();
            if !blocks.is_sorted() {
                blocks.sort_unstable();
            }
            let quotes = self
                .events
                .iter()
                .zip(&rank)
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
        };
        let earliest = order.iter().map(|&old| bounds[old as usize].0).collect();
        let latest = order.iter().map(|&old| bounds[old as usize].1).collect();

        // The builder reserved by estimate; give back what was not used.
        self.event_countries.shrink_to_fit();
        self.event_actors.shrink_to_fit();
        self.event_topics.shrink_to_fit();
        self.quotes.shrink_to_fit();
        self.links.shrink_to_fit();
        self.aliases.shrink_to_fit();
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
            by_actor: Postings::build(self.actors.len(), actor_pairs),
            by_country: Postings::build(crate::model::country::all().len(), country_pairs),
            aliases: self.aliases,
            roles: self.roles,
            topics: self.topics,
            hasher: self.hasher.clone(),
            events,
            event_actors: self.event_actors,
            event_countries: self.event_countries,
            event_topics: self.event_topics,
            quotes: self.quotes,
            links: self.links,
            backlinks,
            derivations,
            earliest,
            latest,
            event_ids: self.event_ids,
            slot_event: slot_rank,
            text_index,
            byte_counts: crate::search::english_counts(),
            text: {
                let mut text = self.arena;
                text.shrink_to_fit();
                text
            },
        }
    }
}
