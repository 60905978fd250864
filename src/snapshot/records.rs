//! How each record of the store is written and read back. Enums are
//! written as small numbers and read back by a checked match.

use super::codec::{Bad, Dec, Enc, Get, Put};
use crate::model::date::{DateShape, DateValue, Point, Precision};
use crate::model::derive::{Dir, Rule, Season};
use crate::model::timeline::{ActorRec, EventRec, Postings, SourceRec};
use crate::model::{
    ActorKind, Derivation, DerivationAnchor, EventActor, ImportReport, Link, LinkKind, QuoteSpan,
    Status, Str,
};
use crate::model::{Quote, timeline::Span};
use chrono::Weekday;

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
fn put_in<T: PartialEq + Copy>(e: &mut Enc<'_>, all: &[T], v: T) {
    e.u8(all.iter().position(|&x| x == v).unwrap_or(0) as u8);
}
fn get_in<T: Copy>(d: &mut Dec<'_>, all: &[T]) -> Result<T, Bad> {
    all.get(d.u8()? as usize).copied().ok_or(Bad("enum"))
}

const ACTOR_KINDS: [ActorKind; 4] = [
    ActorKind::Person,
    ActorKind::Organisation,
    ActorKind::Country,
    ActorKind::Group,
];
const PRECISIONS: [Precision; 3] = [Precision::Day, Precision::Month, Precision::Year];
const DIRS: [Dir; 3] = [Dir::Same, Dir::Before, Dir::After];
const SEASONS: [Season; 4] = [Season::Spring, Season::Summer, Season::Fall, Season::Winter];
const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

impl Put for Point {
    fn put(&self, e: &mut Enc<'_>) {
        e.i32(self.year);
        e.u8(self.month);
        e.u8(self.day);
        put_in(e, &PRECISIONS, self.precision);
    }
}
impl Get for Point {
    const MIN: usize = 7;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        Ok(Point {
            year: d.i32()?,
            month: d.u8()?,
            day: d.u8()?,
            precision: get_in(d, &PRECISIONS)?,
        })
    }
}

impl Put for DateValue {
    fn put(&self, e: &mut Enc<'_>) {
        match self.shape {
            DateShape::Single(p) => {
                e.u8(0);
                p.put(e);
            }
            DateShape::Interval(a, b) => {
                e.u8(1);
                a.put(e);
                b.put(e);
            }
            DateShape::Until(p) => {
                e.u8(2);
                p.put(e);
            }
            DateShape::Since(p) => {
                e.u8(3);
                p.put(e);
            }
        }
        e.u8(u8::from(self.approximate) | u8::from(self.uncertain) << 1);
    }
}
impl Get for DateValue {
    const MIN: usize = 9;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        let shape = match d.u8()? {
            0 => DateShape::Single(Point::get(d)?),
            1 => DateShape::Interval(Point::get(d)?, Point::get(d)?),
            2 => DateShape::Until(Point::get(d)?),
            3 => DateShape::Since(Point::get(d)?),
            _ => return Err(Bad("date shape")),
        };
        let flags = d.u8()?;
        if flags > 3 {
            return Err(Bad("date flags"));
        }
        Ok(DateValue {
            shape,
            approximate: flags & 1 != 0,
            uncertain: flags & 2 != 0,
        })
    }
}

impl Put for Rule {
    fn put(&self, e: &mut Enc<'_>) {
        let tag = |e: &mut Enc<'_>, t: u8| e.u8(t);
        match *self {
            Rule::SameDay => tag(e, 0),
            Rule::WeekdayBefore(w) => {
                tag(e, 1);
                put_in(e, &WEEKDAYS, w);
            }
            Rule::WeekdayAfter(w) => {
                tag(e, 2);
                put_in(e, &WEEKDAYS, w);
            }
            Rule::ThisWeek => tag(e, 3),
            Rule::RestOfWeek => tag(e, 4),
            Rule::PreviousWeek => tag(e, 5),
            Rule::PreviousWeekend => tag(e, 6),
            Rule::PreviousMonth => tag(e, 7),
            Rule::PreviousMonthToAnchor => tag(e, 8),
            Rule::BeforeAnchor => tag(e, 9),
            Rule::AfterAnchor => tag(e, 10),
            Rule::MoreThanYearsBefore(n) => {
                tag(e, 11);
                e.u32(n);
            }
            Rule::Days(n) => {
                tag(e, 12);
                e.i32(n);
            }
            Rule::Weeks(n) => {
                tag(e, 13);
                e.i32(n);
            }
            Rule::Weekend(n) => {
                tag(e, 14);
                e.i32(n);
            }
            Rule::Months(n) => {
                tag(e, 15);
                e.i32(n);
            }
            Rule::Years(n) => {
                tag(e, 16);
                e.i32(n);
            }
            Rule::Month(m, dir) => {
                tag(e, 17);
                e.u8(m);
                put_in(e, &DIRS, dir);
            }
            Rule::Date(m, day, dir) => {
                tag(e, 18);
                e.u8(m);
                e.u8(day);
                put_in(e, &DIRS, dir);
            }
            Rule::DayOfMonth(day, dir) => {
                tag(e, 19);
                e.u8(day);
                put_in(e, &DIRS, dir);
            }
            Rule::Quarter(q, years) => {
                tag(e, 20);
                e.u8(q);
                e.i32(years);
            }
            Rule::MonthOfYear(m, years) => {
                tag(e, 21);
                e.u8(m);
                e.i32(years);
            }
            Rule::WeekOfMonth(w, m, dir) => {
                tag(e, 22);
                e.u8(w);
                e.u8(m);
                put_in(e, &DIRS, dir);
            }
            Rule::Season(s, dir) => {
                tag(e, 23);
                put_in(e, &SEASONS, s);
                put_in(e, &DIRS, dir);
            }
            Rule::AsWritten(v) => {
                tag(e, 24);
                v.put(e);
            }
        }
    }
}
impl Get for Rule {
    const MIN: usize = 1;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        Ok(match d.u8()? {
            0 => Rule::SameDay,
            1 => Rule::WeekdayBefore(get_in(d, &WEEKDAYS)?),
            2 => Rule::WeekdayAfter(get_in(d, &WEEKDAYS)?),
            3 => Rule::ThisWeek,
            4 => Rule::RestOfWeek,
            5 => Rule::PreviousWeek,
            6 => Rule::PreviousWeekend,
            7 => Rule::PreviousMonth,
            8 => Rule::PreviousMonthToAnchor,
            9 => Rule::BeforeAnchor,
            10 => Rule::AfterAnchor,
            11 => Rule::MoreThanYearsBefore(d.u32()?),
            12 => Rule::Days(d.i32()?),
            13 => Rule::Weeks(d.i32()?),
            14 => Rule::Weekend(d.i32()?),
            15 => Rule::Months(d.i32()?),
            16 => Rule::Years(d.i32()?),
            17 => Rule::Month(d.u8()?, get_in(d, &DIRS)?),
            18 => Rule::Date(d.u8()?, d.u8()?, get_in(d, &DIRS)?),
            19 => Rule::DayOfMonth(d.u8()?, get_in(d, &DIRS)?),
            20 => Rule::Quarter(d.u8()?, d.i32()?),
            21 => Rule::MonthOfYear(d.u8()?, d.i32()?),
            22 => Rule::WeekOfMonth(d.u8()?, d.u8()?, get_in(d, &DIRS)?),
            23 => Rule::Season(get_in(d, &SEASONS)?, get_in(d, &DIRS)?),
            24 => Rule::AsWritten(DateValue::get(d)?),
            _ => return Err(Bad("rule")),
        })
    }
}

impl Put for Derivation {
    fn put(&self, e: &mut Enc<'_>) {
        self.phrase.put(e);
        match self.anchor {
            DerivationAnchor::Source(s) => {
                e.u8(0);
                e.u32(s);
            }
            DerivationAnchor::Event(ev) => {
                e.u8(1);
                e.u32(ev);
            }
            DerivationAnchor::Day(day) => {
                e.u8(2);
                e.i32(day);
            }
        }
        self.rule.put(e);
    }
}
impl Get for Derivation {
    const MIN: usize = 14;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        let phrase = Str::get(d)?;
        let anchor = match d.u8()? {
            0 => DerivationAnchor::Source(d.u32()?),
            1 => DerivationAnchor::Event(d.u32()?),
            2 => DerivationAnchor::Day(d.i32()?),
            _ => return Err(Bad("anchor")),
        };
        Ok(Derivation {
            phrase,
            anchor,
            rule: Rule::get(d)?,
        })
    }
}

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
