//! The fixed-size records and references the store is made of: string and
//! slice references, the source, actor and event records, an actor's part,
//! a quote, a link, and the posting lists of the indexes.

use super::{ActorIx, EventIx, SourceIx};
use crate::model::country::CountryIx;
use crate::model::date::{Day, StoredDate};
use crate::model::derive::Rule;
use crate::model::kinds::{ActorKind, LinkKind, Status};
use crate::model::table::Table;
use std::ops::Range;
use zerocopy::{Immutable, IntoBytes, KnownLayout, TryFromBytes};

/// A string in the shared text buffer.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, TryFromBytes, IntoBytes, Immutable, KnownLayout,
)]
#[repr(C)]
pub struct Str {
    pub(crate) start: u32,
    pub(crate) len: u32,
}

impl Str {
    pub fn is_empty(self) -> bool {
        self.len == 0
    }
}

/// A slice of one of the flat per-event arrays.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, TryFromBytes, IntoBytes, Immutable, KnownLayout,
)]
#[repr(C)]
pub struct Span {
    pub(crate) start: u32,
    pub(crate) len: u32,
}

impl Span {
    pub(crate) fn range(self) -> Range<usize> {
        self.start as usize..self.start as usize + self.len as usize
    }
}

#[derive(Debug, Clone)]
pub(crate) struct SourceRec {
    pub id: Str,
    pub outlet: Str,
    pub title: Str,
    pub url: Str,
    pub published: Option<Day>,
    /// False for sources that carry no verbatim text (imported outlets and
    /// URLs): their events have no quotes from them.
    pub has_text: bool,
    pub text: Str,
    /// Where the text came from, as the timeline file names it.
    pub text_file: Str,
}

#[derive(Debug, Clone)]
pub(crate) struct ActorRec {
    pub id: Str,
    pub name: Str,
    pub kind: ActorKind,
    pub title: Str,
    pub country: Option<CountryIx>,
    pub aliases: Span,
}

/// How a relative date was read: the phrase, its anchor and the rule.
#[derive(Debug, Clone, Copy)]
pub struct Derivation {
    pub phrase: Str,
    pub anchor: DerivationAnchor,
    pub rule: Rule,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DerivationAnchor {
    /// The publication date of a source.
    Source(SourceIx),
    /// The date of another event.
    Event(EventIx),
    /// A day given as such (the day of an event left out of an exported view).
    Day(Day),
}

/// An event's record. Its layout is fixed and has no padding, so that a
/// snapshot's events are read in place; every field is checked on reading.
#[derive(Debug, Clone, TryFromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(C)]
pub(crate) struct EventRec {
    /// The id's number in the timeline's event id table.
    pub slot: u32,
    pub title: Str,
    pub summary: Str,
    pub date: StoredDate,
    pub derivation: u32,
    pub place: Str,
    /// The place's country, or [`NO_COUNTRY`].
    pub place_country: CountryIx,
    pub status: Status,
    /// Explicit, so that the record has no padding bytes.
    pub _reserved: u8,
    pub actors: Span,
    pub countries: Span,
    pub topics: Span,
    pub quotes: Span,
    pub links: Span,
    pub backlinks: Span,
    /// Sources named by the event beyond those its quotes cite.
    pub sources: Span,
    /// Where an imported date came from ("coded by GDELT; …"), or empty.
    pub date_origin: Str,
}

pub(crate) const NO_DERIVATION: u32 = u32::MAX;
/// An event's `place_country` when its place names no country.
pub(crate) const NO_COUNTRY: CountryIx = CountryIx::MAX;

/// An actor's part in one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, TryFromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(C)]
pub struct EventActor {
    pub actor: ActorIx,
    /// Index into the role table.
    pub role: u32,
}

/// A verbatim quote: a span of a source's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, TryFromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(C)]
pub struct Quote {
    pub source: SourceIx,
    /// Byte range in the shared text buffer.
    pub(crate) text: Str,
    /// The span in characters, as the data file gives it.
    pub char_start: u32,
    pub char_end: u32,
}

/// A typed link to another event (or, among backlinks, from another event).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, TryFromBytes, IntoBytes, Immutable, KnownLayout,
)]
#[repr(C)]
pub struct Link {
    pub other: EventIx,
    pub kind: LinkKind,
}

/// Compressed lists of event indexes, one list per key (actor, country).
#[derive(Debug, Clone, Default)]
pub(crate) struct Postings {
    pub offsets: Table<u32>,
    pub events: Table<EventIx>,
}

impl Postings {
    pub fn get(&self, key: u32) -> &[EventIx] {
        let k = key as usize;
        match (self.offsets.get(k), self.offsets.get(k + 1)) {
            (Some(&a), Some(&b)) => &self.events[a as usize..b as usize],
            _ => &[],
        }
    }
}
