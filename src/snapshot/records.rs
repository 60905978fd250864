//! How each record of the store is written and read back. Enums are
//! written as small numbers and read back by a checked match.

use super::codec::{Bad, Dec, Enc, Get, Put};
use crate::model::date::DateValue;
use crate::model::timeline::{ActorRec, EventRec, Postings, SourceRec};
use crate::model::{ActorKind, EventActor, ImportReport, Link, LinkKind, QuoteSpan, Status, Str};
use crate::model::{Quote, timeline::Span};

impl Put for Str {
    fn put(&self, e: &mut Enc<'_>) {
        e.u32(self.start);
        e.u32(self.len);
    }
}
impl Get for Str {
    const MIN: usize = 8;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        let (start, len) = (d.u32()?, d.u32()?);
        if u64::from(start) + u64::from(len) > d.text_len {
            return Err(Bad("string out of range"));
        }
        Ok(Str { start, len })
    }
}

impl Put for Span {
    fn put(&self, e: &mut Enc<'_>) {
        e.u32(self.start);
        e.u32(self.len);
    }
}
impl Get for Span {
    const MIN: usize = 8;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        Ok(Span {
            start: d.u32()?,
            len: d.u32()?,
        })
    }
}

/// An enum written as its place in a list of every value.
pub(super) fn put_in<T: PartialEq + Copy>(e: &mut Enc<'_>, all: &[T], v: T) {
    e.u8(all.iter().position(|&x| x == v).unwrap_or(0) as u8);
}
pub(super) fn get_in<T: Copy>(d: &mut Dec<'_>, all: &[T]) -> Result<T, Bad> {
    all.get(d.u8()? as usize).copied().ok_or(Bad("enum"))
}

const ACTOR_KINDS: [ActorKind; 4] = [
    ActorKind::Person,
    ActorKind::Organisation,
    ActorKind::Country,
    ActorKind::Group,
];
impl Put for SourceRec {
    fn put(&self, e: &mut Enc<'_>) {
        for s in [self.id, self.outlet, self.title, self.url] {
            s.put(e);
        }
        self.published.put(e);
        self.has_text.put(e);
        self.text.put(e);
        self.text_file.put(e);
    }
}
impl Get for SourceRec {
    const MIN: usize = 50;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        Ok(SourceRec {
            id: Str::get(d)?,
            outlet: Str::get(d)?,
            title: Str::get(d)?,
            url: Str::get(d)?,
            published: Option::get(d)?,
            has_text: d.bool()?,
            text: Str::get(d)?,
            text_file: Str::get(d)?,
        })
    }
}

impl Put for ActorRec {
    fn put(&self, e: &mut Enc<'_>) {
        self.id.put(e);
        self.name.put(e);
        put_in(e, &ACTOR_KINDS, self.kind);
        self.title.put(e);
        self.country.put(e);
        self.aliases.put(e);
    }
}
impl Get for ActorRec {
    const MIN: usize = 34;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        Ok(ActorRec {
            id: Str::get(d)?,
            name: Str::get(d)?,
            kind: get_in(d, &ACTOR_KINDS)?,
            title: Str::get(d)?,
            country: Option::get(d)?,
            aliases: Span::get(d)?,
        })
    }
}

impl Put for EventRec {
    fn put(&self, e: &mut Enc<'_>) {
        e.u32(self.slot);
        self.title.put(e);
        self.summary.put(e);
        self.date.put(e);
        e.u32(self.derivation);
        put_in(e, &Status::ALL, self.status);
        self.place.put(e);
        self.place_country.put(e);
        for s in [
            self.actors,
            self.countries,
            self.topics,
            self.quotes,
            self.links,
            self.backlinks,
            self.sources,
        ] {
            s.put(e);
        }
        self.date_origin.put(e);
    }
}
impl Get for EventRec {
    const MIN: usize = 4 + 16 + 9 + 4 + 1 + 8 + 1 + 56 + 8;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        Ok(EventRec {
            slot: d.u32()?,
            title: Str::get(d)?,
            summary: Str::get(d)?,
            date: DateValue::get(d)?,
            derivation: d.u32()?,
            status: get_in(d, &Status::ALL)?,
            place: Str::get(d)?,
            place_country: Option::get(d)?,
            actors: Span::get(d)?,
            countries: Span::get(d)?,
            topics: Span::get(d)?,
            quotes: Span::get(d)?,
            links: Span::get(d)?,
            backlinks: Span::get(d)?,
            sources: Span::get(d)?,
            date_origin: Str::get(d)?,
        })
    }
}

impl Put for EventActor {
    fn put(&self, e: &mut Enc<'_>) {
        e.u32(self.actor);
        e.u32(self.role);
    }
}
impl Get for EventActor {
    const MIN: usize = 8;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        Ok(EventActor {
            actor: d.u32()?,
            role: d.u32()?,
        })
    }
}

impl Put for Quote {
    fn put(&self, e: &mut Enc<'_>) {
        e.u32(self.source);
        self.text.put(e);
        e.u32(self.char_start);
        e.u32(self.char_end);
    }
}
impl Get for Quote {
    const MIN: usize = 20;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        Ok(Quote {
            source: d.u32()?,
            text: Str::get(d)?,
            char_start: d.u32()?,
            char_end: d.u32()?,
        })
    }
}

impl Put for Link {
    fn put(&self, e: &mut Enc<'_>) {
        e.u32(self.other);
        put_in(e, &LinkKind::ALL, self.kind);
    }
}
impl Get for Link {
    const MIN: usize = 5;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        Ok(Link {
            other: d.u32()?,
            kind: get_in(d, &LinkKind::ALL)?,
        })
    }
}

impl Put for QuoteSpan {
    fn put(&self, e: &mut Enc<'_>) {
        for v in [self.start, self.end, self.max_end, self.event] {
            e.u32(v);
        }
    }
}
impl Get for QuoteSpan {
    const MIN: usize = 16;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        Ok(QuoteSpan {
            start: d.u32()?,
            end: d.u32()?,
            max_end: d.u32()?,
            event: d.u32()?,
        })
    }
}

impl Put for Postings {
    fn put(&self, e: &mut Enc<'_>) {
        self.offsets.put(e);
        self.events.put(e);
    }
}
impl Get for Postings {
    const MIN: usize = 16;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        Ok(Postings {
            offsets: Vec::get(d)?,
            events: Vec::get(d)?,
        })
    }
}

impl Put for ImportReport {
    fn put(&self, e: &mut Enc<'_>) {
        e.len(self.rows);
        e.len(self.skipped_total);
        self.skipped.put(e);
    }
}
impl Get for ImportReport {
    const MIN: usize = 24;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        let rows = usize::try_from(d.u64()?).map_err(|_| Bad("rows"))?;
        let skipped_total = usize::try_from(d.u64()?).map_err(|_| Bad("rows"))?;
        let skipped: Vec<String> = Vec::get(d)?;
        // `summary` subtracts one from the other.
        if skipped_total > rows || skipped.len() > skipped_total {
            return Err(Bad("import report"));
        }
        Ok(ImportReport {
            rows,
            skipped_total,
            skipped,
        })
    }
}
