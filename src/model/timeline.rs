//! The compact in-memory store. Every string lives in one shared text buffer
//! and is referenced by an 8-byte [`Str`]; per-event lists (actors, countries,
//! quotes, links) are slices of flat arrays; indexes by actor, country and date
//! are built once at load. Events are held in chronological order, so an
//! event's index is its position in the chronology.

mod records;
mod report;

pub(crate) use records::{ActorRec, EventRec, NO_COUNTRY, NO_DERIVATION, Postings, SourceRec};
pub use records::{Derivation, DerivationAnchor, EventActor, Link, Quote, Span, Str};
pub use report::{ImportReport, thousands};

use super::country::CountryIx;
use super::date::Day;
use super::table::Table;

pub type EventIx = u32;
pub type ActorIx = u32;
pub type SourceIx = u32;

/// Everything a loaded timeline holds. Built by the loader; read through
/// [`Timeline`]'s methods and the `*Ref` views.
#[derive(Debug)]
pub struct TimelineParts {
    pub(crate) text: super::TextStore,
    pub(crate) sources: Vec<SourceRec>,
    pub(crate) actors: Vec<ActorRec>,
    pub(crate) aliases: Table<Str>,
    pub(crate) roles: super::IdTable,
    pub(crate) topics: super::IdTable,
    pub(crate) events: Table<EventRec>,
    pub(crate) event_actors: Table<EventActor>,
    pub(crate) event_countries: Table<CountryIx>,
    pub(crate) event_topics: Table<u32>,
    pub(crate) quotes: Table<Quote>,
    pub(crate) links: Table<Link>,
    pub(crate) backlinks: Table<Link>,
    /// Source indexes of the events' `sources` spans.
    pub(crate) event_sources: Table<u32>,
    pub(crate) title: Option<Str>,
    pub(crate) import_report: ImportReport,
    pub(crate) derivations: Vec<Derivation>,
    /// Earliest and latest day of each event (open ends as MIN/MAX), dense for range scans.
    pub(crate) earliest: Table<Day>,
    pub(crate) latest: Table<Day>,
    pub(crate) by_actor: Postings,
    pub(crate) by_country: Postings,
    /// The events quoting each source, for the source view.
    pub(crate) by_source: Postings,
    /// Event ids as read; `slot_event` maps each to its place in the chronology.
    pub(crate) event_ids: super::IdTable,
    pub(crate) slot_event: Table<EventIx>,
    pub(crate) hasher: hashbrown::DefaultHashBuilder,
    pub(crate) text_index: super::TextIndex,
    /// Byte counts from a sample of the text, to pick search pivots.
    pub(crate) byte_counts: crate::search::ByteCounts,
}

/// A loaded, validated and indexed timeline.
#[derive(Debug, Default)]
pub struct Timeline {
    pub(crate) p: TimelineParts,
    /// The accent-folded strings, built on the first search that needs them.
    pub(crate) folded: std::sync::OnceLock<super::folded::FoldedIndex>,
    /// For a store read back from a snapshot, the bytes it held when it
    /// was built, so that `check` says the same on every open.
    pub(crate) built_bytes: Option<usize>,
}

impl Default for TimelineParts {
    fn default() -> Self {
        TimelineParts {
            text: Default::default(),
            sources: Vec::new(),
            actors: Vec::new(),
            aliases: Table::default(),
            roles: Default::default(),
            topics: Default::default(),
            events: Table::default(),
            event_actors: Table::default(),
            event_countries: Table::default(),
            event_topics: Table::default(),
            quotes: Table::default(),
            links: Table::default(),
            backlinks: Table::default(),
            event_sources: Table::default(),
            title: None,
            import_report: ImportReport::default(),
            derivations: Vec::new(),
            earliest: Table::default(),
            latest: Table::default(),
            by_actor: Default::default(),
            by_country: Default::default(),
            by_source: Default::default(),
            event_ids: Default::default(),
            slot_event: Table::default(),
            hasher: Default::default(),
            text_index: Default::default(),
            byte_counts: crate::search::english_counts(),
        }
    }
}

impl Timeline {
    pub(crate) fn from_parts(mut p: TimelineParts) -> Timeline {
        let texts: Vec<&str> = p.text.segments().map(|(_, s)| s).collect();
        p.byte_counts = crate::search::sample_counts(texts.iter().copied());
        Timeline {
            p,
            folded: std::sync::OnceLock::new(),
            built_bytes: None,
        }
    }

    /// A search needle tuned to this timeline's text.
    pub fn needle(&self, query: &str) -> crate::search::Needle {
        crate::search::Needle::with_counts(query, &self.p.byte_counts)
    }

    /// The text of a string reference held by this timeline.
    pub fn str(&self, s: Str) -> &str {
        self.p.text.get(s)
    }

    /// What the load of imported files skipped.
    pub fn import_report(&self) -> &ImportReport {
        &self.p.import_report
    }
    /// The timeline's own title, when its file gives one.
    pub fn title(&self) -> Option<&str> {
        self.p.title.map(|t| self.str(t))
    }
    pub fn len(&self) -> usize {
        self.p.events.len()
    }
    pub fn is_empty(&self) -> bool {
        self.p.events.is_empty()
    }
    pub fn actor_count(&self) -> usize {
        self.p.actors.len()
    }
    pub fn source_count(&self) -> usize {
        self.p.sources.len()
    }
    pub fn link_count(&self) -> usize {
        self.p.links.len()
    }
    pub fn quote_count(&self) -> usize {
        self.p.quotes.len()
    }

    /// The event at position `ix` of the chronology.
    pub fn event(&self, ix: EventIx) -> super::EventRef<'_> {
        super::EventRef::new(self, ix)
    }
    pub fn actor(&self, ix: ActorIx) -> super::ActorRef<'_> {
        super::ActorRef::new(self, ix)
    }
    pub fn source(&self, ix: SourceIx) -> super::SourceRef<'_> {
        super::SourceRef::new(self, ix)
    }

    /// Finds an event by its id (exact).
    pub fn find_event(&self, id: &str) -> Option<EventIx> {
        let slot = self.p.event_ids.get(&self.p.hasher, id)?;
        // An id only linked to or named, never declared, has no event.
        self.p
            .slot_event
            .get(slot as usize)
            .copied()
            .filter(|&e| e != u32::MAX)
    }

    /// Events of one actor, in chronological order.
    pub fn events_of_actor(&self, actor: ActorIx) -> &[EventIx] {
        self.p.by_actor.get(actor)
    }

    /// Events that involve a country (listed or as the place), in order.
    pub fn events_of_country(&self, country: CountryIx) -> &[EventIx] {
        self.p.by_country.get(country as u32)
    }

    /// Countries that appear in at least one event, with their event counts.
    pub fn countries_in_use(&self) -> Vec<(CountryIx, usize)> {
        (0..self.p.by_country.offsets.len().saturating_sub(1))
            .map(|c| (c as CountryIx, self.p.by_country.get(c as u32).len()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    pub fn earliest_days(&self) -> &[Day] {
        &self.p.earliest
    }
    pub fn latest_days(&self) -> &[Day] {
        &self.p.latest
    }

    pub fn role_name(&self, role: u32) -> &str {
        self.p.roles.key(role)
    }

    /// Approximate bytes held by the store (text, records and indexes).
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        if let Some(bytes) = self.built_bytes {
            return bytes;
        }
        let p = &self.p;
        p.text.capacity()
            + p.sources.capacity() * size_of::<SourceRec>()
            + p.actors.capacity() * size_of::<ActorRec>()
            + p.aliases.heap_bytes()
            + p.roles.heap_bytes()
            + p.topics.heap_bytes()
            + p.events.heap_bytes()
            + p.event_actors.heap_bytes()
            + p.event_countries.heap_bytes()
            + p.event_topics.heap_bytes()
            + p.quotes.heap_bytes()
            + p.links.heap_bytes()
            + p.backlinks.heap_bytes()
            + p.derivations.capacity() * size_of::<Derivation>()
            + p.earliest.heap_bytes()
            + p.latest.heap_bytes()
            + [&p.by_actor, &p.by_country, &p.by_source]
                .iter()
                .map(|x| x.events.heap_bytes() + x.offsets.heap_bytes())
                .sum::<usize>()
            + p.event_ids.heap_bytes()
            + p.slot_event.heap_bytes()
            + p.text_index.heap_bytes()
    }
}
