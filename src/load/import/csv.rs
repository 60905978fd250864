//! CSV and TSV files with a header, as spreadsheets save them: the
//! delimiter (comma, TAB or semicolon) is found from the header, columns by
//! common names (or `--map title=Headline,date=When`), lists in a cell are
//! `;`-separated, and UTF-16 "Unicode text" is decoded first.

mod columns;

use super::cells::{self, CellDate, DateOrder};
use super::rows::{RowProgress, Step, Table, declare_source, slug};
use crate::load::builder::Builder;
use crate::load::native::schema::{ActorRecord, ActorRoleRecord, EventRecord, Item, PlaceRecord};
use crate::load::{LoadError, LoadOptions};
use crate::model::{ActorKind, Status};
use columns::*;
use std::borrow::Cow;
use std::io::BufRead;

/// Reads a spreadsheet CSV or TSV.
pub(crate) fn read(
    builder: &mut Builder,
    file: crate::load::FileIx,
    reader: &mut dyn BufRead,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    let head = match reader.fill_buf() {
        Ok(head) => head,
        Err(e) => {
            builder.cannot_read(file, None, &e);
            return Ok(());
        }
    };
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            builder.cannot_read(file, None, &e);
            return Ok(());
        }
        let text = decode_utf16(&bytes);
        let mut decoded = text.as_bytes();
        // An ACLED export saved as "Unicode text" is still ACLED.
        let first = text.lines().next().unwrap_or("").to_ascii_lowercase();
        if opts.import.and_then(|i| i.format).is_none() && first.contains("event_id_cnty") {
            return super::acled::read(builder, file, &mut decoded, opts);
        }
        return read_utf8(builder, file, &mut decoded, opts);
    }
    read_utf8(builder, file, reader, opts)
}

/// UTF-16 with a byte order mark (little- or big-endian) as UTF-8; a
/// lone surrogate becomes U+FFFD, as it cannot be shown anyway.
fn decode_utf16(bytes: &[u8]) -> String {
    let little = bytes.starts_with(b"\xFF\xFE");
    let units = bytes[2.min(bytes.len())..].chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

fn read_utf8(
    builder: &mut Builder,
    file: crate::load::FileIx,
    reader: &mut dyn BufRead,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    let Some(mut table) = Table::open_for(builder, file, reader) else {
        return Ok(());
    };
    let order = match opts.import {
        Some(i) if i.month_first => DateOrder::MonthFirst,
        Some(i) if i.day_first => DateOrder::DayFirst,
        _ => DateOrder::Unknown,
    };
    let map = opts.import.map(|i| i.map.as_slice()).unwrap_or_default();
    let mut progress = RowProgress::new(opts, 0);
    let mut columns: Option<Columns> = None;
    loop {
        let row = match table.next_row(&mut progress, builder)? {
            Step::Row(row) => row,
            Step::End => break,
            Step::Broken(line, why) => {
                builder.diagnose(file, Some((line, 1)), None, format!("cannot read: {why}"));
                break;
            }
        };
        let Some(cols) = &columns else {
            let header = match row.cells {
                Ok(cells) => cells,
                Err(why) => {
                    builder.diagnose(file, Some((row.line, 1)), None, format!("header: {why}"));
                    return Ok(());
                }
            };
            match Columns::of(&header, map, table.delimiter) {
                Ok(found) => columns = Some(found),
                Err(why) => {
                    builder.diagnose(file, Some((row.line, 1)), None, why);
                    return Ok(());
                }
            }
            continue;
        };
        builder.count_row();
        let result = row
            .cells
            .and_then(|cells| add_row(builder, file, row.line, cols, &cells, order));
        if let Err(why) = result {
            builder.skip_row(file, Some(row.line), why);
        }
    }
    if columns.is_none() {
        let why = "is empty (expected a header row naming a date and a title column)";
        builder.diagnose(file, None, None, why.into());
    }
    Ok(())
}

/// Adds one row as an event.
fn add_row(
    builder: &mut Builder,
    file: crate::load::FileIx,
    line: usize,
    cols: &Columns,
    cells: &::csv::StringRecord,
    order: DateOrder,
) -> Result<(), String> {
    let cell = |f: usize| cols.at[f].and_then(|c| cells.get(c)).unwrap_or("").trim();
    let (date, origin) = date_of(cols, &cell, order)?;

    let summary = cell(SUMMARY);
    let title = match cell(TITLE) {
        "" => first_words(summary),
        t => t.to_string(),
    };
    if title.is_empty() {
        let looked: Vec<&str> = [TITLE, SUMMARY]
            .into_iter()
            .map(|f| cols.name(f))
            .filter(|n| !n.is_empty())
            .collect();
        let verb = if looked.len() == 1 { "is" } else { "are" };
        return Err(format!(
            "has no title ({} {verb} empty)",
            looked.join(" and ")
        ));
    }
    let id = match cell(ID) {
        "" => {
            let mut base: String = slug(&title).chars().take(48).collect();
            while base.ends_with('-') {
                base.pop();
            }
            format!("{base}-{line}")
        }
        id => id.to_string(),
    };

    let mut codes: Vec<&'static str> = Vec::new();
    for name in cells::list(cell(COUNTRIES)) {
        let code = cells::country_code(name).ok_or_else(|| {
            format!(
                "{} '{}' is not a country dateline knows (a name like France, or an \
                 ISO 3166-1 alpha-2 code like FR)",
                cols.name(COUNTRIES),
                crate::sanitize::line(name)
            )
        })?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    let status = match cell(STATUS) {
        "" => Status::Occurred,
        s => status_of(s).ok_or_else(|| {
            format!(
                "{} '{}' is not a status (occurred, scheduled, expected, ongoing, cancelled)",
                cols.name(STATUS),
                crate::sanitize::line(s)
            )
        })?,
    };

    let mut actors: Vec<ActorRoleRecord<'_>> = Vec::new();
    for name in cells::list(cell(ACTORS)) {
        let aid = slug(name);
        if aid.is_empty() || actors.iter().any(|a| *a.id == *aid) {
            continue;
        }
        if !builder.has_actor(&aid) {
            builder.add_actor(
                ActorRecord {
                    id: Cow::Borrowed(&aid),
                    name: Cow::Borrowed(name),
                    kind: ActorKind::Group,
                    title: None,
                    country: None,
                    aliases: Vec::new(),
                },
                file,
            );
        }
        actors.push(ActorRoleRecord {
            id: Cow::Owned(aid),
            role: None,
        });
    }

    let outlets: Vec<&str> = cells::list(cell(SOURCE)).collect();
    let urls: Vec<&str> = cells::list(cell(URL)).collect();
    let mut sources: Vec<Item<'_>> = Vec::new();
    let mut add = |sid: Option<String>| {
        if let Some(sid) = sid
            && !sources.iter().any(|s| **s == *sid)
        {
            sources.push(Item(Cow::Owned(sid)));
        }
    };
    if urls.is_empty() {
        for outlet in &outlets {
            add(declare_source(builder, file, None, outlet));
        }
    }
    for (i, url) in urls.iter().enumerate() {
        // Outlets pair with URLs by position, or one outlet names them all.
        let outlet = match outlets.len() {
            1 => outlets[0],
            n if n == urls.len() => outlets[i],
            _ => "",
        };
        add(declare_source(builder, file, Some(url), outlet));
    }

    let place = cell(PLACE);
    let place = (!place.is_empty()).then_some(PlaceRecord {
        name: Some(Cow::Borrowed(place)),
        country: match codes.as_slice() {
            [one] => Some(Cow::Borrowed(*one)),
            _ => None,
        },
    });
    let record = EventRecord {
        id: Cow::Owned(id),
        title: Cow::Owned(title),
        summary: (!summary.is_empty()).then_some(Cow::Borrowed(summary)),
        date: Cow::Owned(date),
        date_value: None,
        derivation: None,
        date_origin: origin.map(Cow::Owned),
        status,
        place,
        actors,
        countries: codes.iter().map(|c| Item(Cow::Borrowed(*c))).collect(),
        topics: cells::list(cell(TOPICS))
            .map(|t| Item(Cow::Borrowed(t)))
            .collect(),
        sources,
        quotes: Vec::new(),
        links: Vec::new(),
    };
    builder.add_event(record, file, Some(line));
    Ok(())
}

/// The EDTF date of a row from its date, or start and end, columns, and
/// a note of how it was read when it was not EDTF already.
fn date_of<'c>(
    cols: &Columns,
    cell: &dyn Fn(usize) -> &'c str,
    order: DateOrder,
) -> Result<(String, Option<String>), String> {
    let start_field =
        if cols.at[DATE].is_some() && (!cell(DATE).is_empty() || cols.at[START].is_none()) {
            DATE
        } else {
            START
        };
    let read = |field: usize| -> Result<Option<(CellDate, &'c str)>, String> {
        let text = cell(field);
        if text.is_empty() {
            return Ok(None);
        }
        cells::read_date(text, order)
            .map(|d| Some((d, text)))
            .map_err(|why| {
                format!(
                    "{} '{}' {why}",
                    cols.name(field),
                    crate::sanitize::line(text)
                )
            })
    };
    let start = read(start_field)?;
    let end = if cols.at[END].is_some() {
        read(END)?
    } else {
        None
    };
    let how = match order {
        DateOrder::MonthFirst => "month first",
        _ => "day first",
    };
    let mut notes = Vec::new();
    for (field, part) in [(start_field, &start), (END, &end)] {
        if let Some((d, text)) = part
            && !d.as_given
        {
            notes.push(format!("{} '{}' read {how}", cols.name(field), text));
        }
    }
    let origin = (!notes.is_empty()).then(|| format!("spreadsheet: {}", notes.join("; ")));
    let date = match (start, end) {
        (Some((s, _)), Some((e, _))) if s.edtf != e.edtf => format!("{}/{}", s.edtf, e.edtf),
        (Some((s, _)), _) => s.edtf,
        (None, Some((e, _))) => format!("../{}", e.edtf),
        (None, None) => {
            let looked: Vec<&str> = [DATE, START]
                .into_iter()
                .map(|f| cols.name(f))
                .filter(|n| !n.is_empty())
                .collect();
            return Err(format!("has no date ({} is empty)", looked.join(" and ")));
        }
    };
    Ok((date, origin))
}

/// A title from a summary: its first sentence, at most about 80 characters.
fn first_words(summary: &str) -> String {
    let sentence = summary.split(". ").next().unwrap_or(summary);
    if sentence.chars().count() <= 80 {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(80).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

fn status_of(text: &str) -> Option<Status> {
    Some(match cells::header_key(text).as_str() {
        "occurred" | "happened" | "done" | "past" => Status::Occurred,
        "scheduled" | "planned" | "confirmed" => Status::Scheduled,
        "expected" | "tentative" | "likely" => Status::Expected,
        "ongoing" | "inprogress" | "continuing" => Status::Ongoing,
        "cancelled" | "canceled" | "calledoff" => Status::Cancelled,
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
