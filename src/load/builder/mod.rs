//! Turns parsed records into the compact store, checking each as it comes.
//! References to things not seen yet (an actor declared in a later file, a
//! link to a later event) are interned as numbered slots and resolved once
//! everything is read, in [`Builder::finish`] (`resolve.rs`). Event ids are
//! not interned as they come but kept as references, all resolved in one
//! pass at the end (`event_refs.rs`).

mod add_event;
mod add_quote;
mod date_origins;
mod declare;
mod diagnose;
mod event_refs;
mod join_parts;
mod lookups;
mod order_and_index;
mod reorder;
mod resolve;
mod runs;
mod slots;
#[cfg(test)]
mod tests;

pub use slots::SourceText;
pub(crate) use slots::{ActorSlot, EventOrigin, PendingQuote, RawDerivation, RawEvent, SourceSlot};

use crate::load::diagnostics::Diagnostics;
use crate::model::country::CountryIx;
use crate::model::{EventActor, Link, Quote, Str};
use crate::model::{IdTable as Interner, TextStore as Arena};
use crate::sanitize;
use hashbrown::DefaultHashBuilder;

pub(crate) const NONE: u32 = u32::MAX;

/// A file's number among the files of one load.
pub type FileIx = u32;

/// One char-to-byte checkpoint every this many characters of a source text.
pub(crate) const CHECKPOINT: usize = 32;

#[derive(Debug, Default)]
pub struct Builder {
    pub(crate) arena: Arena,
    pub(crate) hasher: DefaultHashBuilder,
    pub(crate) files: Vec<String>,
    pub(crate) source_ids: Interner,
    pub(crate) sources: Vec<SourceSlot>,
    pub(crate) actor_ids: Interner,
    pub(crate) actors: Vec<ActorSlot>,
    pub(crate) aliases: Vec<Str>,
    pub(crate) roles: Interner,
    pub(crate) topics: Interner,
    /// Every mention of an event id, until they are resolved into
    /// `event_ids` by [`Builder::resolve_event_refs`].
    pub(crate) event_refs: event_refs::EventRefs,
    pub(crate) refs_resolved: bool,
    /// The event ids passed what their store holds.
    pub(crate) ids_overflowed: bool,
    /// Ids of the events added, gathered only when an importer asks
    /// whether one was (`has_event`): the set and how many events it holds.
    pub(crate) declared_ids: Option<(hashbrown::HashSet<String>, usize)>,
    pub(crate) event_ids: Interner,
    /// For each event id slot, the event that declared it (or NONE); set
    /// when event ids are resolved.
    pub(crate) slot_event: Vec<u32>,
    pub(crate) events: Vec<RawEvent>,
    /// The file and line of each event, beside `events`.
    pub(crate) event_origins: Vec<EventOrigin>,
    pub(crate) event_actors: Vec<EventActor>,
    pub(crate) event_countries: Vec<CountryIx>,
    pub(crate) event_topics: Vec<u32>,
    pub(crate) quotes: Vec<Quote>,
    /// Links whose `other` is still an event reference (a slot once
    /// resolved).
    pub(crate) links: Vec<Link>,
    /// Links added after their event (an importer that sees the rows of
    /// one article only at the end): `(from event reference, link)`.
    pub(crate) late_links: Vec<(u32, Link)>,
    /// Source slots of each event's `sources`, beyond its quotes'.
    pub(crate) event_sources: Vec<u32>,
    pub(crate) title: Option<Str>,
    /// `(event reference, source slot)` pairs added after their event (a GDELT
    /// Mentions file read before or after its events).
    pub(crate) late_sources: Vec<(u32, u32)>,
    /// True while an imported file is read: a row with a problem is
    /// skipped and counted instead of failing the load.
    pub(crate) lenient: bool,
    /// The files read leniently, in the order they were read.
    pub(crate) lenient_files: Vec<FileIx>,
    /// Data rows of imported files seen, and those skipped.
    pub(crate) rows: usize,
    pub(crate) skipped: Diagnostics,
    pub(crate) derivations: Vec<RawDerivation>,
    pub(crate) pending_quotes: Vec<PendingQuote>,
    pub(crate) diags: Diagnostics,
    pub(crate) recent_date_origins: date_origins::RecentDateOrigins,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Reserves room for a timeline of about `bytes` bytes of JSON or
    /// GDELT rows, so the large arrays and the event id table are not
    /// copied as they grow. Untouched capacity costs no memory; too little
    /// costs a copy and, for the id table, a rehash of every id.
    pub fn reserve_for(&mut self, bytes: u64) {
        let bytes = bytes as usize;
        // A GDELT row takes about 380 bytes, a native event line 500 to 800.
        let events = bytes / 360;
        self.arena.reserve(bytes * 3 / 4);
        self.events.reserve(events);
        self.event_origins.reserve(events);
        // A declaration and a link or two each, of ids of about 8 bytes.
        self.event_refs.reserve(events * 2, events * 16);
        self.event_actors.reserve(events * 3);
        self.event_countries.reserve(events * 3);
        self.event_topics.reserve(events * 2);
        self.quotes.reserve(events * 3);
        self.links.reserve(events * 2);
        // An export's rows name a new article (source) every few rows; a
        // table grown by doubling hashes every id again at each step.
        self.source_ids
            .reserve(events / 4, events * 16, &self.hasher);
    }

    /// An empty builder for another part of the same files, to be joined
    /// back with [`Builder::absorb`].
    pub fn for_part(&self) -> Builder {
        Builder {
            files: self.files.clone(),
            ..Builder::default()
        }
    }

    pub fn add_file(&mut self, name: &str) -> FileIx {
        self.files.push(sanitize::line(name).into_owned());
        (self.files.len() - 1) as FileIx
    }

    pub fn event_count(&self) -> usize {
        self.events.len()
    }

    /// The timeline's title (a TimelineJS title slide, a native `title`);
    /// the first one given wins.
    pub fn set_title(&mut self, title: &str) {
        if self.title.is_none() {
            let t = self.line(title);
            if !t.is_empty() {
                self.title = Some(t);
            }
        }
    }

    /// Names a further source of an event that may be declared before or
    /// after it; an event id never declared drops the pair.
    pub fn add_late_source(&mut self, event: &str, source: &str) {
        let event = self.event_ref(event);
        let source = self.source_slot(source);
        self.late_sources.push((event, source));
    }

    /// Links event `from` to event `to` after both may have been added; ids
    /// unknown at the end are reported as unknown link targets.
    pub fn add_late_link(&mut self, from: &str, to: &str, kind: crate::model::LinkKind) {
        if from != to {
            let (from, to) = (self.event_ref(from), self.event_ref(to));
            self.add_late_link_between_refs(from, to, kind);
        }
    }

    /// [`Self::add_late_link`] between two event references already made
    /// (each event's own, see [`Self::last_event_ref`]).
    pub(crate) fn add_late_link_between_refs(
        &mut self,
        from: u32,
        to: u32,
        kind: crate::model::LinkKind,
    ) {
        self.late_links.push((from, Link { other: to, kind }));
    }

    /// The reference to the id of the event added last, which names the
    /// event itself until ids are resolved.
    pub(crate) fn last_event_ref(&self) -> u32 {
        self.events.last().map_or(NONE, |e| e.slot)
    }

    /// How many event id references were made so far.
    pub(crate) fn event_ref_count(&self) -> u32 {
        self.event_refs.len()
    }

    pub(crate) fn line(&mut self, text: &str) -> Str {
        let clean = sanitize::line(text);
        self.arena.push(clean.trim())
    }
}

pub(crate) use crate::present::ellipsize;
