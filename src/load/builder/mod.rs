//! Turns parsed records into the compact store, checking each as it comes.
//! References to things not seen yet (an actor declared in a later file, a
//! link to a later event) are interned as numbered slots and resolved once
//! everything is read, in [`Builder::finish`] (`resolve.rs`).

mod add_event;
mod add_quote;
mod join_parts;
mod order_and_index;
mod resolve;

use crate::load::diagnostics::{Diagnostic, Diagnostics};
use crate::load::native::schema::{ActorRecord, SourceRecord};
use crate::model::country::{self, CountryIx};
use crate::model::date::{DateValue, day_number};
use crate::model::derive::Rule;
use crate::model::{ActorKind, EventActor, Link, Quote, Str};
use crate::model::{IdTable as Interner, TextStore as Arena};
use crate::sanitize::{self, Lines};
use chrono::NaiveDate;
use hashbrown::DefaultHashBuilder;

pub(crate) const NONE: u32 = u32::MAX;

/// One char-to-byte checkpoint every this many characters of a source text.
pub(crate) const CHECKPOINT: usize = 32;

#[derive(Debug)]
pub(crate) struct SourceSlot {
    pub id: Str,
    pub outlet: Str,
    pub title: Str,
    pub url: Str,
    pub published: i32,
    pub text: Str,
    pub text_file: Str,
    pub file: Option<u16>,
    /// Byte offset of every CHECKPOINT-th character; empty for ASCII text.
    pub checkpoints: Vec<u32>,
    pub chars: u32,
    /// Its text could not be read (reported once, for the source): its
    /// quotes are not checked against an empty text.
    pub unreadable: bool,
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
    pub file: Option<u16>,
}

/// An event as read, in file order; lists are spans of the flat arrays.
#[derive(Debug, Clone)]
pub(crate) struct RawEvent {
    pub slot: u32,
    pub file: u16,
    pub title: Str,
    pub summary: Str,
    pub date: DateValue,
    pub status: crate::model::Status,
    pub place: Str,
    pub place_country: Option<CountryIx>,
    pub actors: (u32, u32),
    pub countries: (u32, u32),
    pub topics: (u32, u32),
    pub quotes: (u32, u32),
    pub links: (u32, u32),
    pub derivation: u32,
}

#[derive(Debug)]
pub(crate) struct RawDerivation {
    pub phrase: Str,
    pub anchor_is_source: bool,
    pub anchor_slot: u32,
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
    pub(crate) event_ids: Interner,
    /// For each event id slot, the event that declared it (or NONE).
    pub(crate) slot_event: Vec<u32>,
    pub(crate) events: Vec<RawEvent>,
    pub(crate) event_actors: Vec<EventActor>,
    pub(crate) event_countries: Vec<CountryIx>,
    pub(crate) event_topics: Vec<u32>,
    pub(crate) quotes: Vec<Quote>,
    /// Links whose `other` is still an event id slot.
    pub(crate) links: Vec<Link>,
    pub(crate) derivations: Vec<RawDerivation>,
    pub(crate) pending_quotes: Vec<PendingQuote>,
    pub(crate) diags: Diagnostics,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Reserves room for a timeline of about `bytes` bytes of JSON, so the
    /// large arrays are not copied as they grow. Untouched capacity costs no
    /// memory.
    pub fn reserve_for(&mut self, bytes: u64) {
        let bytes = bytes as usize;
        let events = bytes / 500;
        self.arena.reserve(bytes * 3 / 4);
        self.events.reserve(events);
        self.slot_event.reserve(events);
        self.event_ids.reserve(events, events * 8, &self.hasher);
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

    pub fn add_file(&mut self, name: &str) -> u16 {
        self.files.push(sanitize::line(name).into_owned());
        (self.files.len() - 1).min(u16::MAX as usize) as u16
    }

    pub fn event_count(&self) -> usize {
        self.events.len()
    }

    pub fn diagnose(
        &mut self,
        file: u16,
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

    /// Reports an id declared a second time, naming the file of the first.
    pub(crate) fn diagnose_duplicate(
        &mut self,
        file: u16,
        position: Option<(usize, usize)>,
        kind: &str,
        id: &str,
        first: u16,
    ) {
        let first = self.file_name(Some(first)).to_string();
        self.diagnose(
            file,
            position,
            Some(format!("{kind} '{id}'")),
            format!("duplicate {kind} id (first declared in {first})"),
        );
    }

    pub(crate) fn file_name(&self, file: Option<u16>) -> &str {
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
                published: 0,
                text: Str::default(),
                text_file: Str::default(),
                file: None,
                checkpoints: Vec::new(),
                chars: 0,
                unreadable: false,
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

    pub(crate) fn event_slot(&mut self, id: &str) -> u32 {
        let (slot, new) = self.event_ids.intern(&self.hasher, id);
        if new {
            self.slot_event.push(NONE);
        }
        slot
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
    fn country(&mut self, file: u16, subject: &str, code: &str) -> Option<CountryIx> {
        Self::country_code(code)
            .map_err(|message| self.diagnose(file, None, Some(subject.to_string()), message))
            .ok()
    }

    /// Adds a source whose text has been read (or `None` if reading failed,
    /// already diagnosed by the caller).
    pub fn add_source(&mut self, rec: SourceRecord<'_>, text: Option<&str>, file: u16) {
        let id = sanitize::line(rec.id.trim()).into_owned();
        let subject = format!("source '{id}'");
        if id.is_empty() {
            self.diagnose(file, None, Some("source".into()), "has an empty id".into());
            return;
        }
        let slot = self.source_slot(&id) as usize;
        if let Some(first) = self.sources[slot].file {
            self.diagnose_duplicate(file, None, "source", &id, first);
            return;
        }
        let published = match NaiveDate::parse_from_str(rec.published.trim(), "%Y-%m-%d") {
            Ok(d) => day_number(d),
            Err(_) => {
                let p = sanitize::line(&rec.published).into_owned();
                self.diagnose(
                    file,
                    None,
                    Some(subject.clone()),
                    format!("published '{p}' is not a real YYYY-MM-DD date"),
                );
                0
            }
        };
        let outlet = self.line(&rec.outlet);
        let title = self.line(&rec.title);
        let url = rec.url.as_deref().map(|u| self.line(u)).unwrap_or_default();
        let text_file = rec
            .text_file
            .as_deref()
            .map(|f| self.line(f))
            .unwrap_or_default();
        let clean = text.map(|t| sanitize::clean(t, Lines::Many));
        let body = clean.as_deref().unwrap_or("");
        let checkpoints = if body.is_ascii() {
            Vec::new()
        } else {
            body.char_indices()
                .step_by(CHECKPOINT)
                .map(|(b, _)| b as u32)
                .collect()
        };
        let chars = if body.is_ascii() {
            body.len()
        } else {
            body.chars().count()
        } as u32;
        let text = self.arena.push(body);
        let unreadable = clean.is_none();
        let s = &mut self.sources[slot];
        (s.outlet, s.title, s.url, s.published, s.text, s.text_file) =
            (outlet, title, url, published, text, text_file);
        s.file = Some(file);
        s.checkpoints = checkpoints;
        s.chars = chars;
        s.unreadable = unreadable;
    }

    pub fn add_actor(&mut self, rec: ActorRecord<'_>, file: u16) {
        let id = sanitize::line(rec.id.trim()).into_owned();
        let subject = format!("actor '{id}'");
        if id.is_empty() {
            self.diagnose(file, None, Some("actor".into()), "has an empty id".into());
            return;
        }
        let slot = self.actor_slot(&id) as usize;
        if let Some(first) = self.actors[slot].file {
            self.diagnose_duplicate(file, None, "actor", &id, first);
            return;
        }
        let name = self.line(&rec.name);
        if name.is_empty() {
            self.diagnose(
                file,
                None,
                Some(subject.clone()),
                "has an empty name".into(),
            );
        }
        let title = rec
            .title
            .as_deref()
            .map(|t| self.line(t))
            .unwrap_or_default();
        let country = rec
            .country
            .as_deref()
            .and_then(|c| self.country(file, &subject, c));
        let alias_start = self.aliases.len() as u32;
        for alias in &rec.aliases {
            let s = self.line(alias);
            self.aliases.push(s);
        }
        let a = &mut self.actors[slot];
        (a.name, a.kind, a.title, a.country) = (name, rec.kind, title, country);
        a.alias_start = alias_start;
        a.alias_len = rec.aliases.len() as u32;
        a.file = Some(file);
    }
}

pub(crate) fn ellipsize(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    out.push('…');
    out
}
