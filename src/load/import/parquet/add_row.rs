//! One decoded row into the builder: a GDELT row through the mapping of
//! GDELT's exports, a row of dateline's columns as an event (with the
//! actors and sources it names declared on first sight).

use super::layout::{
    N_ACTORS, N_COUNTRIES, N_DATE, N_DATE_ORIGIN, N_ID, N_PLACE, N_PLACE_COUNTRY, N_SOURCES,
    N_STATUS, N_SUMMARY, N_TITLE, N_TOPICS, NATIVE_COLUMNS,
};
use super::values::{Dates, fix_cameo_codes, text};
use crate::load::builder::{Builder, FileIx};
use crate::load::import::gdelt;
use crate::load::import::rows::declare_textless_source;
use crate::load::native::schema::{ActorRecord, ActorRoleRecord, EventRecord, Item, PlaceRecord};
use crate::model::{ActorKind, Status};
use ::parquet::record::{Field, Row};
use std::borrow::Cow;

pub(super) fn add_gdelt_row(
    builder: &mut Builder,
    file: FileIx,
    row_no: usize,
    row: &Row,
    slots: &[usize],
    actors: &mut gdelt::Actors,
) -> Result<Option<gdelt::ArticleRow>, String> {
    let mut values: [Cow<'_, str>; gdelt::EVENT_COLUMNS] =
        std::array::from_fn(|_| Cow::Borrowed(""));
    for ((_, field), &slot) in row.get_column_iter().zip(slots) {
        if let Some(t) = text(field, Dates::Compact) {
            values[slot] = t;
        }
    }
    fix_cameo_codes(&mut values);
    let fields: [&str; gdelt::EVENT_COLUMNS] = std::array::from_fn(|i| &*values[i]);
    gdelt::add_row(builder, file, row_no, &fields, actors)
}

pub(super) fn add_native_row(
    builder: &mut Builder,
    file: FileIx,
    row_no: usize,
    row: &Row,
    slots: &[usize],
) -> Result<(), String> {
    let mut cells: [Option<&Field>; NATIVE_COLUMNS.len()] = [None; NATIVE_COLUMNS.len()];
    for ((_, field), &slot) in row.get_column_iter().zip(slots) {
        cells[slot] = Some(field);
    }
    let one = |slot: usize| {
        cells[slot]
            .and_then(|f| text(f, Dates::Iso))
            .filter(|t| !t.trim().is_empty())
    };
    let many = |slot: usize| -> Vec<Item<'_>> {
        match cells[slot] {
            Some(Field::ListInternal(list)) => list
                .elements()
                .iter()
                .filter_map(|f| text(f, Dates::Iso))
                .filter(|t| !t.trim().is_empty())
                .map(Item)
                .collect(),
            // A list flattened to one cell, as CSV exports write it.
            Some(f) => text(f, Dates::Iso)
                .map(|t| {
                    t.split(';')
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(|t| Item(Cow::Owned(t.to_string())))
                        .collect()
                })
                .unwrap_or_default(),
            None => Vec::new(),
        }
    };
    let required = |slot: usize| {
        one(slot).ok_or_else(|| format!("has no {} (column {0} is empty)", NATIVE_COLUMNS[slot]))
    };
    let id = required(N_ID)?;
    let title = required(N_TITLE)?;
    let date = required(N_DATE)?;
    let status = match one(N_STATUS) {
        None => Status::Occurred,
        Some(s) => parse_status(&s).ok_or_else(|| {
            format!(
                "status '{}' is not one of occurred, scheduled, expected, ongoing, cancelled",
                crate::sanitize::line(&s)
            )
        })?,
    };
    let actors: Vec<ActorRoleRecord<'_>> = many(N_ACTORS)
        .into_iter()
        .map(|Item(id)| ActorRoleRecord { id, role: None })
        .collect();
    for actor in &actors {
        // An actor known only by its id: declared once, named by it.
        if !builder.has_actor(&actor.id) {
            let rec = ActorRecord {
                id: Cow::Borrowed(&actor.id),
                name: Cow::Borrowed(&actor.id),
                kind: ActorKind::Group,
                title: None,
                country: None,
                aliases: Vec::new(),
            };
            builder.add_actor(rec, file);
        }
    }
    let sources = many(N_SOURCES);
    for source in &sources {
        // A slice carries no sources table: a source is known by its id,
        // a URL when it is one, and carries no text.
        let url = source.contains("://").then_some(&**source);
        declare_textless_source(builder, file, source, url, None, None);
    }
    let place_name = one(N_PLACE);
    let place_country = one(N_PLACE_COUNTRY);
    let place = (place_name.is_some() || place_country.is_some()).then_some(PlaceRecord {
        name: place_name,
        country: place_country,
    });
    let record = EventRecord {
        id,
        title,
        summary: one(N_SUMMARY),
        date,
        date_value: None,
        derivation: None,
        date_origin: one(N_DATE_ORIGIN),
        status,
        place,
        actors,
        countries: many(N_COUNTRIES),
        topics: many(N_TOPICS),
        sources,
        quotes: Vec::new(),
        links: Vec::new(),
    };
    // A rejected event (bad date, unknown source) is skipped and counted
    // by the builder, with its reason.
    builder.add_event(record, file, Some(row_no));
    Ok(())
}

pub(super) fn parse_status(s: &str) -> Option<Status> {
    Some(match s.trim().to_ascii_lowercase().as_str() {
        "occurred" => Status::Occurred,
        "scheduled" => Status::Scheduled,
        "expected" => Status::Expected,
        "ongoing" => Status::Ongoing,
        "cancelled" | "canceled" => Status::Cancelled,
        _ => return None,
    })
}
