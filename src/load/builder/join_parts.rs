//! Joins a builder that read the second part of a file into the builder that
//! read the first, so both cores can parse one large JSON Lines file. The
//! text is joined without copying; actor, source, role and topic ids are
//! re-interned; event id references are appended, all resolved later; every
//! index into the other builder's tables is mapped into this one's.

use crate::load::builder::{Builder, EventOrigin, NONE, PendingQuote, RawDerivation, RawEvent};
use crate::model::timeline::Span;
use crate::model::{EventActor, Link, Quote, Str};

impl Builder {
    /// Appends `other`, which read lines after this builder's; its line
    /// numbers are counted from `line_offset`.
    pub fn absorb(&mut self, mut other: Builder, line_offset: usize) {
        let shift = self.arena.absorb(std::mem::take(&mut other.arena));
        let sh = |s: Str| Str {
            start: s.start.wrapping_add(shift),
            len: s.len,
        };

        // Sources: declarations move over; a second declaration is a clash.
        let mut source_map = Vec::with_capacity(other.sources.len());
        for (slot, mut src) in other.sources.into_iter().enumerate() {
            let id = other.source_ids.key(slot as u32);
            let (to, new) = self.source_ids.intern(&self.hasher, id);
            source_map.push(to);
            (
                src.id,
                src.outlet,
                src.title,
                src.url,
                src.text,
                src.text_file,
            ) = (
                sh(src.id),
                sh(src.outlet),
                sh(src.title),
                sh(src.url),
                sh(src.text),
                sh(src.text_file),
            );
            if new {
                self.sources.push(src);
                continue;
            }
            let Some(file) = src.file else { continue };
            if let Some(first) = self.sources[to as usize].file {
                // Imported rows on both sides of the split name the same
                // article or actor: one declaration, not a clash.
                if !self.lenient {
                    self.diagnose_duplicate(file, None, "source", id, first);
                }
                continue;
            }
            self.sources[to as usize] = src;
        }

        let alias_base = self.aliases.len() as u32;
        self.aliases.extend(other.aliases.iter().map(|&s| sh(s)));
        let mut actor_map = Vec::with_capacity(other.actors.len());
        for (slot, mut actor) in other.actors.into_iter().enumerate() {
            let id = other.actor_ids.key(slot as u32);
            let (to, new) = self.actor_ids.intern(&self.hasher, id);
            actor_map.push(to);
            (actor.id, actor.name, actor.title) = (sh(actor.id), sh(actor.name), sh(actor.title));
            actor.alias_start += alias_base;
            if new {
                self.actors.push(actor);
                continue;
            }
            let Some(file) = actor.file else { continue };
            if let Some(first) = self.actors[to as usize].file {
                if !self.lenient {
                    self.diagnose_duplicate(file, None, "actor", id, first);
                }
                continue;
            }
            self.actors[to as usize] = actor;
        }

        let remap =
            |into: &mut crate::model::IdTable, from: &crate::model::IdTable, hasher| -> Vec<u32> {
                (0..from.len() as u32)
                    .map(|k| into.intern(hasher, from.key(k)).0)
                    .collect()
            };
        let role_map = remap(&mut self.roles, &other.roles, &self.hasher);
        let topic_map = remap(&mut self.topics, &other.topics, &self.hasher);

        // Event id references follow this builder's.
        let event_base = self.events.len() as u32;
        let ref_base = self
            .event_refs
            .absorb(std::mem::take(&mut other.event_refs));
        let event_ref = |r: u32| r + ref_base;

        let (actors_base, countries_base, topics_base, quotes_base, links_base) = (
            self.event_actors.len() as u32,
            self.event_countries.len() as u32,
            self.event_topics.len() as u32,
            self.quotes.len() as u32,
            self.links.len() as u32,
        );
        let derivation_base = self.derivations.len() as u32;
        let sources_base = self.event_sources.len() as u32;
        self.event_sources
            .extend(other.event_sources.iter().map(|&s| source_map[s as usize]));
        self.late_links
            .extend(other.late_links.iter().map(|(from, l)| {
                let link = Link {
                    other: event_ref(l.other),
                    kind: l.kind,
                };
                (event_ref(*from), link)
            }));
        self.late_sources.extend(
            other
                .late_sources
                .iter()
                .map(|&(event, source)| (event_ref(event), source_map[source as usize])),
        );
        if self.title.is_none() {
            self.title = other.title.map(sh);
        }
        self.event_actors
            .extend(other.event_actors.iter().map(|a| EventActor {
                actor: actor_map[a.actor as usize],
                role: role_map[a.role as usize],
            }));
        self.event_countries
            .extend_from_slice(&other.event_countries);
        self.event_topics
            .extend(other.event_topics.iter().map(|&t| topic_map[t as usize]));
        self.quotes.extend(other.quotes.iter().map(|q| Quote {
            source: source_map[q.source as usize],
            text: if q.text.len == 0 { q.text } else { sh(q.text) },
            ..*q
        }));
        self.links.extend(other.links.iter().map(|l| Link {
            other: event_ref(l.other),
            kind: l.kind,
        }));
        self.derivations
            .extend(other.derivations.iter().map(|d| RawDerivation {
                phrase: sh(d.phrase),
                anchor_slot: if d.anchor_day.is_some() {
                    0
                } else if d.anchor_is_source {
                    source_map[d.anchor_slot as usize]
                } else {
                    event_ref(d.anchor_slot)
                },
                ..*d
            }));
        let at = |s: Span, base: u32| Span {
            start: s.start + base,
            len: s.len,
        };
        let line = |l: u32| if l == 0 { 0 } else { l + line_offset as u32 };
        self.event_origins
            .extend(other.event_origins.iter().map(|o| EventOrigin {
                file: o.file,
                line: line(o.line),
            }));
        self.events.extend(other.events.iter().map(|e| RawEvent {
            slot: event_ref(e.slot),
            title: sh(e.title),
            summary: sh(e.summary),
            place: sh(e.place),
            actors: at(e.actors, actors_base),
            countries: at(e.countries, countries_base),
            topics: at(e.topics, topics_base),
            quotes: at(e.quotes, quotes_base),
            links: at(e.links, links_base),
            sources: at(e.sources, sources_base),
            date_origin: sh(e.date_origin),
            derivation: if e.derivation == NONE {
                NONE
            } else {
                e.derivation + derivation_base
            },
            ..e.clone()
        }));
        self.pending_quotes
            .extend(other.pending_quotes.into_iter().map(|p| PendingQuote {
                event: p.event + event_base,
                quote: p.quote + quotes_base,
                text: p.text,
            }));
        self.rows += other.rows;
        for file in other.lenient_files {
            if !self.lenient_files.contains(&file) {
                self.lenient_files.push(file);
            }
        }
        self.diags.append_shifted(other.diags, line_offset);
        self.skipped.append_shifted(other.skipped, line_offset);
    }
}
