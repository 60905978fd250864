//! Turns parsed records into the compact store, checking each as it comes.
//! References to things not seen yet (an actor declared in a later file, a
//! link to a later event) are interned as numbered slots and resolved once
//! everything is read, in [`Builder::finish`] (`resolve.rs`). Event ids are
//! not interned as they come but kept as references, all resolved in one
//! pass at the end (`event_refs.rs`).

mod add_event;
mod add_quote;
mod declare;
mod event_refs;
mod join_parts;
mod order_and_index;
mod reorder;
mod resolve;

use crate::load::diagnostics::{Diagnostic, Diagnostics};
use crate::model::country::{self, CountryIx};
use crate::model::date::Day;
use crate::model::derive::Rule;
use crate::model::{ActorKind, EventActor, Link, Quote, Str};
use crate::model::{IdTable as Interner, TextStore as Arena};
use crate::sanitize;
use hashbrown::DefaultHashBuilder;

pub(crate) const NONE: u32 = u32::MAX;

/// A file's number among the files of one load.
pub type FileIx = u32;

/// One char-to-byte checkpoint every this many characters of a source text.
pub(crate) const CHECKPOINT: usize = 32;

#[derive(Debug)]
pub(crate) struct SourceSlot {
    pub id: Str,
    pub outlet: Str,
    pub title: Str,
    pub url: Str,
    pub published: Option<Day>,
    pub text: Str,
    pub text_file: Str,
    pub text_state: SourceText,
    pub file: Option<FileIx>,
    /// Byte offset of every CHECKPOINT-th character; empty for ASCII text.
    pub checkpoints: Vec<u32>,
    pub chars: u32,
}

/// Whether a source has verbatim text that quotes can cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceText {
    /// The text was read.
    Given,
    /// The source carries none (an ACLED outlet, a GDELT URL).
    Absent,
    /// Reading it failed, already reported: its quotes are not checked
    /// again, so one cause gives one message.
    Unreadable,
}

#[derive(Debug)]
pub(crate) struct ActorSlot {
    pub id: Str,
    pub name: Str,
    pub kind: ActorKind,
    pub title: Str,
    pub country: Option<CountryIx>,
    pub alias_start: u32,
    pub alias_len: u32,
    pub file: Option<FileIx>,
}

/// An event as read, in file order, already in the store's record form:
/// its lists are spans of the flat arrays, its slot an event id reference
/// until ids are resolved. Putting the events in chronological order is
/// then a permutation in place, with no second array of records.
pub(crate) type RawEvent = crate::model::timeline::EventRec;

/// Where an event was read, for a duplicate id's message.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EventOrigin {
    pub file: FileIx,
    /// The line (0: none).
    pub line: u32,
}

#[derive(Debug)]
pub(crate) struct RawDerivation {
    pub phrase: Str,
    pub anchor_is_source: bool,
    /// A source slot, or an event reference (an event slot once resolved).
    pub anchor_slot: u32,
    /// Set for an anchor given as a day; then the slot means nothing.
    pub anchor_day: Option<Day>,
    pub rule: Rule,
}

/// A quote whose source was not declared yet when it was read.
#[derive(Debug)]
pub(crate) struct PendingQuote {
    pub event: u32,
    pub quote: u32,
    pub text: String,
}

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

    /// Whether an actor with this id was declared already.
    pub fn has_actor(&self, id: &str) -> bool {
        self.declared_actor_name(id).is_some()
    }

    /// The name of the actor with this id, if it was declared already.
    pub fn declared_actor_name(&self, id: &str) -> Option<&str> {
        let slot = self.actor_ids.get(&self.hasher, id)?;
        let actor = &self.actors[slot as usize];
        actor.file.map(|_| self.arena.get(actor.name))
    }

    /// Whether an event with this id was added already. The first call
    /// gathers the ids added so far; later calls add only the new ones.
    pub fn has_event(&mut self, id: &str) -> bool {
        let (seen, upto) = self.declared_ids.get_or_insert_default();
        for e in &self.events[*upto..] {
            seen.insert(self.event_refs.get(e.slot).to_string());
        }
        *upto = self.events.len();
        seen.contains(id)
    }

    /// Whether a source with this id was declared already.
    pub fn has_source(&self, id: &str) -> bool {
        self.source_ids
            .get(&self.hasher, id)
            .is_some_and(|slot| self.sources[slot as usize].file.is_some())
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

    /// Counts a data row of an imported file.
    pub fn count_row(&mut self) {
        self.rows += 1;
    }

    /// Skips a row of an imported file, saying why.
    pub fn skip_row(&mut self, file: FileIx, line: Option<usize>, message: String) {
        let file = self.files.get(file as usize).cloned().unwrap_or_default();
        self.skipped.push(Diagnostic {
            file,
            position: line.map(|l| (l, 1)),
            subject: None,
            message,
        });
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
            let from = self.event_ref(from);
            let to = self.event_ref(to);
            self.late_links.push((from, Link { other: to, kind }));
        }
    }

    pub fn diagnose(
        &mut self,
        file: FileIx,
        position: Option<(usize, usize)>,
        subject: Option<String>,
        message: String,
    ) {
        let file = self.files.get(file as usize).cloned().unwrap_or_default();
        self.diags.push(Diagnostic {
            file,
            position,
            subject,
            message,
        });
    }

    /// Reports a file (or a line of it) that could not be read.
    pub(crate) fn cannot_read(
        &mut self,
        file: FileIx,
        position: Option<(usize, usize)>,
        e: &std::io::Error,
    ) {
        let why = format!("cannot read: {}", crate::load::io_reason(e));
        self.diagnose(file, position, None, why);
    }

    /// Reports an id declared a second time, naming the file of the first.
    pub(crate) fn diagnose_duplicate(
        &mut self,
        file: FileIx,
        position: Option<(usize, usize)>,
        kind: &str,
        id: &str,
        first: FileIx,
    ) {
        let first = self.file_name(Some(first)).to_string();
        self.diagnose(
            file,
            position,
            Some(format!("{kind} '{id}'")),
            format!("duplicate {kind} id (first declared in {first})"),
        );
    }

    pub(crate) fn file_name(&self, file: Option<FileIx>) -> &str {
        file.and_then(|f| self.files.get(f as usize))
            .map_or("?", |s| s.as_str())
    }

    pub(crate) fn line(&mut self, text: &str) -> Str {
        let clean = sanitize::line(text);
        self.arena.push(clean.trim())
    }

    pub(crate) fn source_slot(&mut self, id: &str) -> u32 {
        let (slot, new) = self.source_ids.intern(&self.hasher, id);
        if new {
            let key = self.arena.push(id);
            self.sources.push(SourceSlot {
                id: key,
                outlet: Str::default(),
                title: Str::default(),
                url: Str::default(),
                published: None,
                text: Str::default(),
                text_file: Str::default(),
                text_state: SourceText::Absent,
                file: None,
                checkpoints: Vec::new(),
                chars: 0,
            });
        }
        slot
    }

    pub(crate) fn actor_slot(&mut self, id: &str) -> u32 {
        let (slot, new) = self.actor_ids.intern(&self.hasher, id);
        if new {
            let key = self.arena.push(id);
            self.actors.push(ActorSlot {
                id: key,
                name: key,
                kind: ActorKind::Group,
                title: Str::default(),
                country: None,
                alias_start: 0,
                alias_len: 0,
                file: None,
            });
        }
        slot
    }

    /// A new reference to the event id `id`, resolved with all the others
    /// at the end.
    pub(crate) fn event_ref(&mut self, id: &str) -> u32 {
        debug_assert!(!self.refs_resolved, "event ids were resolved already");
        self.event_refs.push(id)
    }

    /// A country code, or the problem with it.
    pub(crate) fn country_code(code: &str) -> Result<CountryIx, String> {
        country::by_code(code.trim()).ok_or_else(|| {
            format!(
                "unknown country code '{}' (expected ISO 3166-1 alpha-2, like FR)",
                sanitize::line(code)
            )
        })
    }

    /// A country code, or `None` after reporting the problem.
    fn country(&mut self, file: FileIx, subject: &str, code: &str) -> Option<CountryIx> {
        Self::country_code(code)
            .map_err(|message| self.diagnose(file, None, Some(subject.to_string()), message))
            .ok()
    }
}

pub(crate) use crate::present::ellipsize;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_past_65535_are_named_rightly() {
        let mut b = Builder::new();
        let mut last = 0;
        for i in 0..70_000 {
            last = b.add_file(&format!("f{i}.jsonl"));
        }
        assert_eq!(last, 69_999);
        b.diagnose(last, None, None, "duplicate".into());
        assert_eq!(b.diags.kept[0].file, "f69999.jsonl");
    }
}
