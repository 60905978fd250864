//! How each record of the store is written and read back. Enums are
//! written as small numbers and read back by a checked match.

use super::codec::{Bad, Dec, Enc, Get, Put, u16_at, u32_at};
use super::dates::{DATE_BYTES, get_date_fixed, put_date_fixed};
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
        let b = d.take(8)?.try_into().map_err(|_| Bad("truncated"))?;
        str_at::<8>(b, 0, d.text_len)
    }
    fn get_many(d: &mut Dec<'_>, n: usize) -> Result<Vec<Self>, Bad> {
        d.fixed_many::<_, 8>(n, |b, text_len| str_at(b, 0, text_len))
    }
}

/// The string at `at` in a record's bytes, checked against the text's length.
#[inline(always)]
fn str_at<const N: usize>(b: &[u8; N], at: usize, text_len: u64) -> Result<Str, Bad> {
    let (start, len) = (u32_at(b, at), u32_at(b, at + 4));
    if u64::from(start) + u64::from(len) > text_len {
        return Err(Bad("string out of range"));
    }
    Ok(Str { start, len })
}

#[inline(always)]
fn span_at<const N: usize>(b: &[u8; N], at: usize) -> Span {
    Span {
        start: u32_at(b, at),
        len: u32_at(b, at + 4),
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
    fn get_many(d: &mut Dec<'_>, n: usize) -> Result<Vec<Self>, Bad> {
        d.fixed_many::<_, 8>(n, |b, _| Ok(span_at(b, 0)))
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

/// Every event takes the same bytes (a date is written at its longest,
/// a missing country as zeros), so events are read with one length check.
const EVENT_BYTES: usize = 4 + 8 + 8 + DATE_BYTES + 4 + 1 + 8 + 3 + 56 + 8;

impl Put for EventRec {
    fn put(&self, e: &mut Enc<'_>) {
        e.u32(self.slot);
        self.title.put(e);
        self.summary.put(e);
        put_date_fixed(e, &self.date);
        e.u32(self.derivation);
        put_in(e, &Status::ALL, self.status);
        self.place.put(e);
        e.u8(u8::from(self.place_country.is_some()));
        e.u16(self.place_country.unwrap_or(0));
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
    const MIN: usize = EVENT_BYTES;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        let b = d
            .take(EVENT_BYTES)?
            .try_into()
            .map_err(|_| Bad("truncated"))?;
        event_at(b, d.text_len)
    }
    fn get_many(d: &mut Dec<'_>, n: usize) -> Result<Vec<Self>, Bad> {
        d.fixed_many(n, event_at)
    }
}

#[inline(always)]
fn event_at(b: &[u8; EVENT_BYTES], text_len: u64) -> Result<EventRec, Bad> {
    const D: usize = 20;
    const P: usize = D + DATE_BYTES + 5;
    let date_bytes = b[D..D + DATE_BYTES]
        .try_into()
        .map_err(|_| Bad("truncated"))?;
    let place_country = match b[P + 8] {
        0 => None,
        1 => Some(u16_at(b, P + 9)),
        _ => return Err(Bad("option")),
    };
    const S: usize = P + 11;
    Ok(EventRec {
        slot: u32_at(b, 0),
        title: str_at(b, 4, text_len)?,
        summary: str_at(b, 12, text_len)?,
        date: get_date_fixed(date_bytes)?,
        derivation: u32_at(b, D + DATE_BYTES),
        status: *Status::ALL
            .get(b[D + DATE_BYTES + 4] as usize)
            .ok_or(Bad("enum"))?,
        place: str_at(b, P, text_len)?,
        place_country,
        actors: span_at(b, S),
        countries: span_at(b, S + 8),
        topics: span_at(b, S + 16),
        quotes: span_at(b, S + 24),
        links: span_at(b, S + 32),
        backlinks: span_at(b, S + 40),
        sources: span_at(b, S + 48),
        date_origin: str_at(b, S + 56, text_len)?,
    })
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
    fn get_many(d: &mut Dec<'_>, n: usize) -> Result<Vec<Self>, Bad> {
        d.fixed_many::<_, 8>(n, |b, _| {
            Ok(EventActor {
                actor: u32_at(b, 0),
                role: u32_at(b, 4),
            })
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
    fn get_many(d: &mut Dec<'_>, n: usize) -> Result<Vec<Self>, Bad> {
        d.fixed_many::<_, 20>(n, |b, text_len| {
            Ok(Quote {
                source: u32_at(b, 0),
                text: str_at(b, 4, text_len)?,
                char_start: u32_at(b, 12),
                char_end: u32_at(b, 16),
            })
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
    fn get_many(d: &mut Dec<'_>, n: usize) -> Result<Vec<Self>, Bad> {
        d.fixed_many::<_, 5>(n, |b, _| {
            Ok(Link {
                other: u32_at(b, 0),
                kind: *LinkKind::ALL.get(b[4] as usize).ok_or(Bad("enum"))?,
            })
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
    fn get_many(d: &mut Dec<'_>, n: usize) -> Result<Vec<Self>, Bad> {
        d.fixed_many::<_, 16>(n, |b, _| {
            Ok(QuoteSpan {
                start: u32_at(b, 0),
                end: u32_at(b, 4),
                max_end: u32_at(b, 8),
                event: u32_at(b, 12),
            })
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
