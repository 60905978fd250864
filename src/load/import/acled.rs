//! ACLED exports as CSV, by header name (the current lower-case layout and
//! the older upper-case one), or header-less in the version-5 column order.
//!
//! A row is one event at one place on one day. Its date is `event_date`
//! (written day first) at the precision `time_precision` gives; notes
//! become the summary with the fatality count; actors keep their roles and
//! their kind from the inter codes; sources are outlet names without text.

mod columns;

use super::cells::{self, DateOrder, is_blank};
use super::rows::{RowProgress, Step, Table, declare_source, slug};
use crate::load::builder::Builder;
use crate::load::native::schema::{ActorRecord, ActorRoleRecord, EventRecord, Item, PlaceRecord};
use crate::load::{LoadError, LoadOptions};
use crate::model::{ActorKind, LinkKind, Status};
use columns::{Columns, V5_COLUMNS};
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::BufRead;

/// Reads an ACLED export.
pub(crate) fn read(
    builder: &mut Builder,
    file: crate::load::FileIx,
    reader: &mut dyn BufRead,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    let Some(mut table) = Table::open_for(builder, file, reader) else {
        return Ok(());
    };
    let mut progress = RowProgress::new(opts, 0);
    let mut columns: Option<Columns> = None;
    // The last event of each long note (by a hash of it, so that a large
    // export's notes are not held twice), to chain the events one report
    // was split into.
    let mut by_notes: HashMap<u64, String> = HashMap::new();
    loop {
        let row = match table.next_row(&mut progress, builder)? {
            Step::Row(row) => row,
            Step::End => break,
            Step::Broken(line, why) => {
                builder.diagnose(file, Some((line, 1)), None, format!("cannot read: {why}"));
                break;
            }
        };
        let cells = match (row.cells, &columns) {
            (Ok(cells), _) => cells,
            (Err(why), Some(_)) => {
                builder.count_row();
                builder.skip_row(file, Some(row.line), why);
                continue;
            }
            (Err(why), None) => {
                builder.diagnose(file, Some((row.line, 1)), None, why);
                return Ok(());
            }
        };
        let Some(cols) = &columns else {
            let found = Columns::of(cells.iter());
            if found.id.is_some() && found.date.is_some() {
                columns = Some(found);
                continue;
            }
            let first: Vec<&str> = cells.iter().take(7).collect();
            if is_headerless_v5(&first.join(",")) {
                columns = Some(Columns::of(V5_COLUMNS));
                // This first row is data: read it below.
            } else {
                builder.diagnose(file, Some((row.line, 1)), None, NOT_ACLED.into());
                return Ok(());
            }
            let Some(cols) = &columns else { continue };
            add_counted(builder, file, row.line, cols, &cells, &mut by_notes);
            continue;
        };
        add_counted(builder, file, row.line, cols, &cells, &mut by_notes);
    }
    if columns.is_none() {
        builder.diagnose(file, None, None, format!("is empty ({NOT_ACLED})"));
    }
    Ok(())
}

const NOT_ACLED: &str = "is not an ACLED export: expected a header with event_id_cnty and \
event_date (the current lower-case layout, or the version-5 upper-case one), or header-less \
rows in the version-5 column order (GWNO, EVENT_ID_CNTY, EVENT_ID_NO_CNTY, EVENT_DATE, ...)";

fn add_counted(
    builder: &mut Builder,
    file: crate::load::FileIx,
    line: usize,
    cols: &Columns,
    cells: &csv::StringRecord,
    by_notes: &mut HashMap<u64, String>,
) {
    builder.count_row();
    let cell = |c: Option<usize>| c.and_then(|i| cells.get(i)).unwrap_or("").trim();
    match add_row(builder, file, line, cols, cells) {
        Ok(Some(id)) => {
            let notes = cell(cols.notes);
            // Short notes ("Peaceful protest.") repeat without being one report.
            if notes.len() >= 60
                && let Some(previous) = by_notes.insert(hash_of(notes), id.clone())
            {
                builder.add_late_link(&previous, &id, LinkKind::Related);
            }
        }
        Ok(None) => {}
        Err(why) => builder.skip_row(file, Some(line), why),
    }
}

/// Adds one row as an event; returns its id when it was added.
fn add_row(
    builder: &mut Builder,
    file: crate::load::FileIx,
    line: usize,
    cols: &Columns,
    cells: &csv::StringRecord,
) -> Result<Option<String>, String> {
    let cell = |c: Option<usize>| c.and_then(|i| cells.get(i)).unwrap_or("").trim();
    let id = cell(cols.id);
    if id.is_empty() {
        return Err("event_id_cnty is empty".into());
    }
    let written = cell(cols.date);
    if written.is_empty() {
        return Err("event_date is empty".into());
    }
    let (date, origin) = date_of(written, cell(cols.precision))
        .map_err(|why| format!("event_date '{}' {why}", crate::sanitize::line(written)))?;

    let mut actors: Vec<ActorRoleRecord<'_>> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    for (actor, assoc, inter, role) in [
        (cols.actor1, cols.assoc1, cols.inter1, "actor1"),
        (cols.actor2, cols.assoc2, cols.inter2, "actor2"),
    ] {
        let name = cell(actor);
        let lead = (!is_blank(name)).then_some(name);
        if let Some(name) = lead
            && let Some(id) = declare_actor(builder, file, name, inter_kind(cell(inter)))
        {
            actors.push(role_of(id, role.to_string()));
            names.push(name);
        }
        for other in cells::list(cell(assoc)).filter(|a| !is_blank(a)) {
            let with = lead.unwrap_or(role);
            if let Some(id) = declare_actor(builder, file, other, None) {
                actors.push(role_of(id, format!("associated with {with}")));
            }
        }
    }

    let country_name = cell(cols.country);
    let country = cells::country_code(country_name);
    let location = cell(cols.location);
    let admin1 = cell(cols.admin1);
    let mut place_name = location.to_string();
    if !admin1.is_empty() && !admin1.eq_ignore_ascii_case(location) {
        if !place_name.is_empty() {
            place_name.push_str(", ");
        }
        place_name.push_str(admin1);
    }
    // A country name dateline does not know stays readable in the place.
    if country.is_none() && !country_name.is_empty() {
        if !place_name.is_empty() {
            place_name.push_str(", ");
        }
        place_name.push_str(country_name);
    }
    let place = (!place_name.is_empty() || country.is_some()).then(|| PlaceRecord {
        name: (!place_name.is_empty()).then_some(Cow::Borrowed(place_name.as_str())),
        country: country.map(Cow::Borrowed),
    });

    let mut topics: Vec<Item<'_>> = Vec::new();
    let fatalities = cell(cols.fatalities);
    let deaths = fatalities.parse::<u64>().ok();
    let kinds = [cols.event_type, cols.sub_event_type, cols.disorder]
        .into_iter()
        .map(cell)
        .chain(cells::list(cell(cols.tags)))
        .chain(deaths.filter(|&n| n > 0).map(|_| "fatalities"));
    for topic in kinds {
        if !is_blank(topic) && !topics.iter().any(|t| t.eq_ignore_ascii_case(topic)) {
            topics.push(Item(Cow::Borrowed(topic)));
        }
    }

    let mut sources: Vec<Item<'_>> = Vec::new();
    for outlet in cells::list(cell(cols.source)) {
        if let Some(sid) = declare_source(builder, file, None, outlet)
            && !sources.iter().any(|s| **s == *sid)
        {
            sources.push(Item(Cow::Owned(sid)));
        }
    }

    let kind = [cols.sub_event_type, cols.event_type]
        .into_iter()
        .map(cell)
        .find(|t| !is_blank(t))
        .unwrap_or("Event");
    let mut title = kind.to_string();
    if !location.is_empty() {
        title.push_str(&format!(" in {location}"));
    }
    match names.as_slice() {
        [one, two] => title.push_str(&format!(": {one} → {two}")),
        [one] => title.push_str(&format!(": {one}")),
        _ => {}
    }
    let mut summary = cell(cols.notes).to_string();
    if !fatalities.is_empty() {
        if !summary.is_empty() {
            summary.push(' ');
        }
        summary.push_str(&format!("Fatalities (ACLED): {fatalities}."));
    }

    let record = EventRecord {
        id: Cow::Borrowed(id),
        title: Cow::Owned(title),
        summary: (!summary.is_empty()).then_some(Cow::Owned(summary)),
        date: Cow::Owned(date),
        date_value: None,
        derivation: None,
        date_origin: Some(Cow::Owned(origin)),
        status: Status::Occurred,
        place,
        actors,
        countries: country
            .map(|c| Item(Cow::Borrowed(c)))
            .into_iter()
            .collect(),
        topics,
        sources,
        quotes: Vec::new(),
        links: Vec::new(),
    };
    Ok(builder
        .add_event(record, file, Some(line))
        .then(|| id.to_string()))
}

fn hash_of(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

fn role_of(id: String, role: String) -> ActorRoleRecord<'static> {
    ActorRoleRecord {
        id: Cow::Owned(id),
        role: Some(Cow::Owned(role)),
    }
}

/// The EDTF date of `event_date` at `time_precision`, and what it rests on.
fn date_of(written: &str, precision: &str) -> Result<(String, String), String> {
    let read = cells::read_date(written, DateOrder::DayFirst)?;
    let day = read.edtf.as_str();
    let is_day = day.len() == 10;
    let (date, meaning) = match precision.trim() {
        "2" if is_day => (format!("{day}~"), "a day within about a week of this one"),
        "3" if is_day => (day[..7].to_string(), "the month only"),
        "1" | "" => (day.to_string(), "the day"),
        _ => (day.to_string(), "not one ACLED defines; read as written"),
    };
    let precision = if precision.trim().is_empty() {
        "not given".to_string()
    } else {
        crate::sanitize::line(precision.trim()).into_owned()
    };
    let origin = format!("ACLED: event_date {written}, time precision {precision} ({meaning})");
    Ok((date, origin))
}

/// The kind and description of an actor from its inter code (a number in
/// older exports, words in newer ones).
fn inter_kind(code: &str) -> Option<(ActorKind, &'static str)> {
    Some(match cells::header_key(code).as_str() {
        "1" | "stateforces" => (ActorKind::Organisation, "State forces"),
        "2" | "rebelgroup" | "rebelgroups" => (ActorKind::Group, "Rebel group"),
        "3" | "politicalmilitia" | "politicalmilitias" => (ActorKind::Group, "Political militia"),
        "4" | "identitymilitia" | "identitymilitias" => (ActorKind::Group, "Identity militia"),
        "5" | "rioters" => (ActorKind::Group, "Rioters"),
        "6" | "protesters" => (ActorKind::Group, "Protesters"),
        "7" | "civilians" => (ActorKind::Group, "Civilians"),
        "8" | "externalotherforces" | "otherforces" | "externalforces" => {
            (ActorKind::Organisation, "External/other forces")
        }
        _ => return None,
    })
}

/// Declares an actor once by the slug of its name; returns its id.
fn declare_actor(
    builder: &mut Builder,
    file: crate::load::FileIx,
    name: &str,
    kind: Option<(ActorKind, &'static str)>,
) -> Option<String> {
    let id = slug(name);
    if id.is_empty() {
        return None;
    }
    if !builder.has_actor(&id) {
        let (kind, title) = kind.map_or((ActorKind::Group, None), |(k, t)| (k, Some(t)));
        builder.add_actor(
            ActorRecord {
                id: Cow::Borrowed(&id),
                name: Cow::Borrowed(name),
                kind,
                title: title.map(Cow::Borrowed),
                country: actor_country(name).map(Cow::Borrowed),
                aliases: Vec::new(),
            },
            file,
        );
    }
    Some(id)
}

/// The country an ACLED actor name carries: "Civilians (Nigeria)",
/// "Police Forces of Morocco (1999-)".
fn actor_country(name: &str) -> Option<&'static str> {
    let (base, paren) = match name.rsplit_once('(') {
        Some((base, rest)) => (base.trim(), rest.trim_end_matches(')').trim()),
        None => (name, ""),
    };
    cells::country_code(paren).or_else(|| {
        let (_, of) = base.split_once(" of ")?;
        cells::country_code(of).or_else(|| cells::country_code(of.rsplit(" of ").next()?))
    })
}

/// Whether a header-less first row reads as ACLED's version-5 layout:
/// GWNO (a number), EVENT_ID_CNTY ("20MOR"), EVENT_ID_NO_CNTY (a number),
/// EVENT_DATE (a date as ACLED writes them), YEAR, TIME_PRECISION (1 to 3).
pub(crate) fn is_headerless_v5(first_line: &str) -> bool {
    let f: Vec<&str> = first_line.splitn(7, ',').collect();
    if f.len() < 7 {
        return false;
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let id_cnty = f[1].trim_start_matches(|c: char| c.is_ascii_digit());
    digits(f[0])
        && f[1].len() > id_cnty.len()
        && !id_cnty.is_empty()
        && id_cnty.bytes().all(|b| b.is_ascii_uppercase())
        && digits(f[2])
        && cells::read_date(f[3], DateOrder::DayFirst).is_ok()
        && digits(f[4])
        && matches!(f[5], "1" | "2" | "3")
}

#[cfg(test)]
mod tests;
