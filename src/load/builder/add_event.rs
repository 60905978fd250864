//! Adds an event record to the builder: its id, title and summary, date and
//! derivation, place, actors with roles, countries, topics, quotes and
//! links, each checked as it comes; problems are reported with the event id.

use crate::load::builder::FileIx;
use crate::load::builder::{Builder, EventOrigin, NONE, RawEvent};
use crate::load::native::schema::EventRecord;
use crate::model::date::{DateValue, Point};
use crate::model::timeline::{NO_COUNTRY, NO_DERIVATION, Span};
use crate::model::{EventActor, Link, Str};
use crate::sanitize;

// An event read without a derivation is stored as the builder marks it.
const _: () = assert!(NONE == NO_DERIVATION);

impl Builder {
    /// Adds an event; returns whether it was added. While an imported file
    /// is read, an event with a problem is skipped and counted instead.
    pub fn add_event(&mut self, rec: EventRecord<'_>, file: FileIx, line: Option<usize>) -> bool {
        let position = line.map(|l| (l, 1));
        if self.lenient && self.lenient_files.last() != Some(&file) {
            self.lenient_files.push(file);
        }
        let id = sanitize::line(rec.id.trim());
        if id.is_empty() {
            self.diagnose(
                file,
                position,
                Some("event".into()),
                "has an empty id".into(),
            );
            return false;
        }
        let subject = || format!("event '{id}'");
        // A second event with this id is found when ids are resolved.
        let mut problems: Vec<String> = Vec::new();
        let parsed = match rec.date_value {
            Some(date) => Ok(date),
            None => DateValue::parse_edtf(&rec.date),
        };
        let date = match parsed {
            Ok(d) => d,
            Err(e) => {
                problems.push(format!("date: {}", sanitize::line(&e.to_string())));
                DateValue::single(Point::year(1))
            }
        };
        let title = self.line(&rec.title);
        if title.is_empty() {
            problems.push("has an empty title".into());
        }
        let summary = rec
            .summary
            .as_deref()
            .map(|s| self.line(s))
            .unwrap_or_default();
        let (place, place_country) = match &rec.place {
            Some(p) => (
                p.name.as_deref().map(|n| self.line(n)).unwrap_or_default(),
                p.country
                    .as_deref()
                    .and_then(|c| Self::country_code(c).map_err(|m| problems.push(m)).ok()),
            ),
            None => (Str::default(), None),
        };

        let actors_start = self.event_actors.len() as u32;
        for a in &rec.actors {
            let actor = self.actor_slot(&sanitize::line(a.id.trim()));
            let role_text = sanitize::line(a.role.as_deref().unwrap_or("").trim());
            let (role, _) = self.roles.intern(&self.hasher, &role_text);
            self.event_actors.push(EventActor { actor, role });
        }
        let countries_start = self.event_countries.len() as u32;
        for c in &rec.countries {
            match Self::country_code(c) {
                Ok(c) => self.event_countries.push(c),
                Err(m) => problems.push(m),
            }
        }
        let topics_start = self.event_topics.len() as u32;
        for t in &rec.topics {
            let (topic, _) = self
                .topics
                .intern(&self.hasher, sanitize::line(t.trim()).as_ref());
            self.event_topics.push(topic);
        }
        let event_ix = self.events.len() as u32;
        let quotes_start = self.quotes.len() as u32;
        for q in rec.quotes {
            self.add_quote(q, event_ix, &mut problems);
        }
        let sources_start = self.event_sources.len() as u32;
        for s in &rec.sources {
            let source = self.source_slot(&sanitize::line(s.trim()));
            if !self.event_sources[sources_start as usize..].contains(&source) {
                self.event_sources.push(source);
            }
        }
        let date_origin = rec
            .date_origin
            .as_deref()
            .map(|o| self.date_origin(o))
            .unwrap_or_default();
        let links_start = self.links.len() as u32;
        for l in &rec.links {
            let target_id = sanitize::line(l.to.trim());
            if target_id == id {
                problems.push(format!("links to itself ({})", l.kind.as_str()));
                continue;
            }
            let target = self.event_ref(&target_id);
            self.links.push(Link {
                other: target,
                kind: l.kind,
            });
        }
        let derivation = match rec.derivation {
            Some(d) => self.add_derivation(d, &mut problems),
            None => NONE,
        };
        if self.lenient && !problems.is_empty() {
            let message = format!("{}: {}", subject(), problems.join("; "));
            self.skip_row(file, line, message);
            // Nothing of a skipped row stays behind in the flat arrays.
            self.event_actors.truncate(actors_start as usize);
            self.event_countries.truncate(countries_start as usize);
            self.event_topics.truncate(topics_start as usize);
            self.quotes.truncate(quotes_start as usize);
            self.event_sources.truncate(sources_start as usize);
            self.links.truncate(links_start as usize);
            self.pending_quotes.retain(|p| p.event != event_ix);
            if derivation != NONE {
                self.derivations.truncate(derivation as usize);
            }
            return false;
        }
        for p in problems {
            self.diagnose(file, position, Some(subject()), p);
        }
        let slot = self.event_ref(&id);
        let span = |start: u32, end: usize| Span {
            start,
            len: end as u32 - start,
        };
        self.events.push(RawEvent {
            slot,
            title,
            summary,
            date: date.into(),
            derivation,
            place,
            place_country: place_country.unwrap_or(NO_COUNTRY),
            status: rec.status,
            _reserved: 0,
            actors: span(actors_start, self.event_actors.len()),
            countries: span(countries_start, self.event_countries.len()),
            topics: span(topics_start, self.event_topics.len()),
            quotes: span(quotes_start, self.quotes.len()),
            links: span(links_start, self.links.len()),
            // Known once the events are in order.
            backlinks: Span::default(),
            sources: span(sources_start, self.event_sources.len()),
            date_origin,
        });
        self.event_origins.push(EventOrigin {
            file,
            line: line.map_or(0, |l| l as u32),
        });
        true
    }
}
