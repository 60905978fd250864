//! How each record of the store is written and read back. Enums are
//! written as small numbers and read back by a checked match.

use super::codec::{Bad, Dec, Enc, Get, Put, u32_at};
use crate::model::timeline::{ActorRec, Postings, SourceRec, Span};
use crate::model::{ActorKind, ImportReport, Str};

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

impl Put for Postings {
    fn put(&self, e: &mut Enc<'_>) {
        e.table(&self.offsets);
        e.table(&self.events);
    }
}
impl Get for Postings {
    const MIN: usize = 16;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        Ok(Postings {
            offsets: d.table()?,
            events: d.table()?,
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
