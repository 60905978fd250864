//! The slots of sources and actors as read, the forms events, derivations
//! and waiting quotes take until the end, and the interning of an id into
//! its slot or event reference.

use super::{Builder, FileIx};
use crate::model::country::CountryIx;
use crate::model::date::Day;
use crate::model::derive::Rule;
use crate::model::{ActorKind, Str};

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

impl Builder {
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
}
