//! Parquet slices: a table cut from a larger store (DuckDB, Spark,
//! BigQuery) and opened here. Two layouts are read, told apart by their
//! column names: dateline's own (as `dateline list --json` names the
//! fields) and GDELT 2.0 Events (the codebook's names). Only the columns
//! the mapping uses are decoded.
//!
//! GDELT rows go through the same mapping as GDELT's TAB-separated
//! exports ([`gdelt::add_row`]). Diagnostics name a row by its number in
//! the file (1 = the first row) where text formats name a line.

mod quiet_panic;
mod values;

use crate::load::builder::{Builder, FileIx, SourceText};
use crate::load::import::gdelt;
use crate::load::import::rows::{RowProgress, host_of};
use crate::load::import::tables::GDELT_EVENT_COLUMNS;
use crate::load::native::schema::{
    ActorRecord, ActorRoleRecord, EventRecord, Item, PlaceRecord, SourceRecord,
};
use crate::load::{LoadError, LoadOptions};
use crate::model::{ActorKind, Status};
use ::parquet::file::metadata::ParquetMetaData;
use ::parquet::file::reader::{ChunkReader, FileReader, SerializedFileReader};
use ::parquet::record::reader::RowIter;
use ::parquet::record::{Field, Row};
use ::parquet::schema::types::Type;
use std::borrow::Cow;
use values::{Dates, fix_cameo_codes, text};

/// dateline's columns, as `dateline list --json` names them.
const NATIVE_COLUMNS: [&str; 12] = [
    "id",
    "title",
    "summary",
    "date",
    "status",
    "actors",
    "countries",
    "place",
    "place_country",
    "topics",
    "date_origin",
    "sources",
];
const N_ID: usize = 0;
const N_TITLE: usize = 1;
const N_SUMMARY: usize = 2;
const N_DATE: usize = 3;
const N_STATUS: usize = 4;
const N_ACTORS: usize = 5;
const N_COUNTRIES: usize = 6;
const N_PLACE: usize = 7;
const N_PLACE_COUNTRY: usize = 8;
const N_TOPICS: usize = 9;
const N_DATE_ORIGIN: usize = 10;
const N_SOURCES: usize = 11;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    Native,
    Gdelt,
}

/// Reads a Parquet file on disk (it needs seeking: the footer comes first).
pub(crate) fn read_file(
    builder: &mut Builder,
    file: FileIx,
    handle: std::fs::File,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    read_from(builder, file, handle, opts)
}

/// Reads a Parquet file held in memory (standard input, tests).
pub(crate) fn read_bytes(
    builder: &mut Builder,
    file: FileIx,
    bytes: &[u8],
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    read_from(builder, file, bytes::Bytes::copy_from_slice(bytes), opts)
}

fn read_from<R: ChunkReader + 'static>(
    builder: &mut Builder,
    file: FileIx,
    source: R,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    // A damaged file must not bring the program down: the decoder's rare
    // assertions on corrupt input become a diagnostic like its errors.
    let file_len = source.len();
    let opened = quiet_panic::catch_quietly(|| SerializedFileReader::new(source));
    let reader = match opened {
        Ok(Ok(reader)) => reader,
        Ok(Err(e)) => {
            let why = format!("is not a readable Parquet file: {e}");
            builder.diagnose(file, None, None, why);
            return Ok(());
        }
        Err(_) => {
            let why = "is not a readable Parquet file: its metadata is damaged";
            builder.diagnose(file, None, None, why.into());
            return Ok(());
        }
    };
    if let Err(why) = check_chunks(reader.metadata(), file_len) {
        builder.diagnose(
            file,
            None,
            None,
            format!("is not a readable Parquet file: {why}"),
        );
        return Ok(());
    }
    let meta = reader.metadata().file_metadata();
    let total_rows = u64::try_from(meta.num_rows()).unwrap_or(0);
    let root = meta.schema_descr().root_schema();
    let fields = root.get_fields();
    let names: Vec<&str> = fields.iter().map(|f| f.name()).collect();
    let Some((layout, mut slots)) = choose_layout(&names) else {
        let found = if names.is_empty() {
            "no columns".to_string()
        } else {
            format!("columns {}", names.join(", "))
        };
        let why = format!(
            "has {found}; expected dateline's columns (at least id, title, date; also {}) \
             or GDELT 2.0 Event columns (at least GLOBALEVENTID, SQLDATE; as the codebook names them)",
            NATIVE_COLUMNS[N_SUMMARY..].join(", ")
        );
        builder.diagnose(file, None, None, why);
        return Ok(());
    };
    // A projection keeps the file's order of columns.
    slots.sort_unstable();
    let projection = Type::group_type_builder(root.name())
        .with_fields(slots.iter().map(|&(i, _)| fields[i].clone()).collect())
        .build();
    let rows = projection.and_then(|p| reader.get_row_iter(Some(p)));
    let mut rows = match rows {
        Ok(rows) => rows,
        Err(e) => {
            builder.diagnose(file, None, None, format!("cannot be read: {e}"));
            return Ok(());
        }
    };
    let slots: Vec<usize> = slots.into_iter().map(|(_, slot)| slot).collect();
    let mut progress = RowProgress::new(opts, total_rows);
    let mut articles = Vec::new();
    let mut row_no = 0usize;
    while let Some(row) = next_row(&mut rows) {
        row_no += 1;
        progress.row(builder, 1)?;
        let row = match row {
            Ok(row) => row,
            Err(why) => {
                builder.diagnose(
                    file,
                    Some((row_no, 1)),
                    None,
                    format!("row {row_no}: {why}"),
                );
                break;
            }
        };
        builder.count_row();
        let result = match layout {
            Layout::Gdelt => {
                add_gdelt_row(builder, file, row_no, &row, &slots).map(|a| articles.extend(a))
            }
            Layout::Native => add_native_row(builder, file, row_no, &row, &slots),
        };
        if let Err(why) = result {
            builder.skip_row(file, Some(row_no), why);
        }
    }
    if layout == Layout::Gdelt {
        gdelt::link_articles(builder, articles);
    }
    Ok(())
}

/// Every column chunk lies within the file: the decoder asserts as much
/// (a damaged footer would otherwise panic it).
fn check_chunks(meta: &ParquetMetaData, file_len: u64) -> Result<(), String> {
    for group in meta.row_groups() {
        for chunk in group.columns() {
            let start = chunk
                .dictionary_page_offset()
                .unwrap_or(chunk.data_page_offset());
            let len = chunk.compressed_size();
            let end = u64::try_from(start)
                .ok()
                .zip(u64::try_from(len).ok())
                .and_then(|(s, l)| s.checked_add(l));
            if end.is_none_or(|end| end > file_len) {
                return Err(format!(
                    "column {} says it lies at bytes {start}+{len}, outside the file's {file_len}",
                    chunk.column_path()
                ));
            }
        }
    }
    Ok(())
}

/// The next row, or why it cannot be decoded.
fn next_row(rows: &mut RowIter<'_>) -> Option<Result<Row, String>> {
    match quiet_panic::catch_quietly(|| rows.next()) {
        Ok(None) => None,
        Ok(Some(Ok(row))) => Some(Ok(row)),
        Ok(Some(Err(e))) => Some(Err(format!("cannot be decoded: {e}"))),
        Err(_) => Some(Err("cannot be decoded: the file is damaged".into())),
    }
}

/// Which layout the column names are, and for each column read, its
/// position in the file and its slot in the layout.
fn choose_layout(names: &[&str]) -> Option<(Layout, Vec<(usize, usize)>)> {
    let find = |name: &str| names.iter().position(|n| n.eq_ignore_ascii_case(name));
    if find("GLOBALEVENTID").is_some() && find("SQLDATE").is_some() {
        let slots = gdelt::USED_COLUMNS
            .iter()
            .filter_map(|&pos| find(GDELT_EVENT_COLUMNS[pos]).map(|i| (i, pos)))
            .collect();
        return Some((Layout::Gdelt, slots));
    }
    if [N_ID, N_TITLE, N_DATE]
        .iter()
        .all(|&slot| find(NATIVE_COLUMNS[slot]).is_some())
    {
        let slots = (0..NATIVE_COLUMNS.len())
            .filter_map(|slot| find(NATIVE_COLUMNS[slot]).map(|i| (i, slot)))
            .collect();
        return Some((Layout::Native, slots));
    }
    None
}

fn add_gdelt_row(
    builder: &mut Builder,
    file: FileIx,
    row_no: usize,
    row: &Row,
    slots: &[usize],
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
    gdelt::add_row(builder, file, row_no, &fields)
}

fn add_native_row(
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
        if !builder.has_source(source) {
            let url = source.contains("://").then_some(&**source);
            let rec = SourceRecord {
                id: Cow::Borrowed(source),
                outlet: Cow::Borrowed(url.map_or("", host_of)),
                title: Cow::Borrowed(""),
                url: url.map(Cow::Borrowed),
                published: None,
                text_file: None,
                text: None,
            };
            builder.add_source(rec, None, SourceText::Absent, file);
        }
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

fn parse_status(s: &str) -> Option<Status> {
    Some(match s.trim().to_ascii_lowercase().as_str() {
        "occurred" => Status::Occurred,
        "scheduled" => Status::Scheduled,
        "expected" => Status::Expected,
        "ongoing" => Status::Ongoing,
        "cancelled" | "canceled" => Status::Cancelled,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_are_told_apart_by_their_column_names() {
        let (layout, slots) = choose_layout(&["SQLDATE", "x", "GLOBALEVENTID"]).unwrap();
        assert!(layout == Layout::Gdelt);
        assert_eq!(slots, vec![(2, 0), (0, 1)]);
        let (layout, slots) = choose_layout(&["Date", "title", "id", "topics"]).unwrap();
        assert!(layout == Layout::Native);
        assert_eq!(
            slots,
            vec![(2, N_ID), (1, N_TITLE), (0, N_DATE), (3, N_TOPICS)]
        );
        assert!(choose_layout(&["id", "title"]).is_none());
        assert!(choose_layout(&["GLOBALEVENTID"]).is_none());
    }

    #[test]
    fn statuses_are_read_in_any_case() {
        assert_eq!(parse_status(" Scheduled"), Some(Status::Scheduled));
        assert_eq!(parse_status("canceled"), Some(Status::Cancelled));
        assert_eq!(parse_status("maybe"), None);
    }
}
