//! GDELT 2.0 Events exports (`*.export.CSV`: TAB-separated, no header, 61
//! columns) and their Mentions files (16 columns), row by row.
//!
//! A row is one coded (actor, action, actor) triple of one article. Its
//! date is SQLDATE at day precision; GDELT's coder may have resolved a
//! relative phrase against the article's date (DATEADDED), so every date
//! carries that origin. Rows of one article are chained in time order by
//! `related` links. Sources have a URL and an outlet but no text.

use super::rows::{RowProgress, host_of, slug, title_case};
use super::tables;
use crate::load::builder::FileIx;
use crate::load::builder::{Builder, SourceText};
use crate::load::native::schema::SourceRecord;
use crate::load::native::schema::{ActorRecord, ActorRoleRecord, EventRecord, Item, PlaceRecord};
use crate::load::parts::{self, Part, PartProgress, PartResult};
use crate::load::{LoadError, LoadOptions};
use crate::model::{ActorKind, LinkKind, Status};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::hash::{BuildHasher, BuildHasherDefault};
use std::io::BufRead;
use std::path::{Path, PathBuf};

pub(crate) const EVENT_COLUMNS: usize = 61;
const MENTION_COLUMNS: usize = 16;

// Column positions of the GDELT 2.0 Event codebook.
const ID: usize = 0;
const SQLDATE: usize = 1;
const ACTOR1: usize = 5;
const ACTOR2: usize = 15;
const EVENT_CODE: usize = 26;
const ROOT_CODE: usize = 28;
const GOLDSTEIN: usize = 30;
const NUM_MENTIONS: usize = 31;
const NUM_SOURCES: usize = 32;
const NUM_ARTICLES: usize = 33;
const AVG_TONE: usize = 34;
const ACTION_GEO_TYPE: usize = 51;
const ACTION_GEO_NAME: usize = 52;
const ACTION_GEO_COUNTRY: usize = 53;
const DATEADDED: usize = 59;
const SOURCEURL: usize = 60;

// Offsets within an actor's block of ten columns.
const CODE: usize = 0;
const NAME: usize = 1;
const COUNTRY: usize = 2;
const TYPE1: usize = 7;

/// The columns [`add_row`] reads; a reader that can pick columns reads
/// only these and leaves the others empty.
pub(crate) const USED_COLUMNS: [usize; 22] = [
    ID,
    SQLDATE,
    ACTOR1 + CODE,
    ACTOR1 + NAME,
    ACTOR1 + COUNTRY,
    ACTOR1 + TYPE1,
    ACTOR2 + CODE,
    ACTOR2 + NAME,
    ACTOR2 + COUNTRY,
    ACTOR2 + TYPE1,
    EVENT_CODE,
    ROOT_CODE,
    GOLDSTEIN,
    NUM_MENTIONS,
    NUM_SOURCES,
    NUM_ARTICLES,
    AVG_TONE,
    ACTION_GEO_TYPE,
    ACTION_GEO_NAME,
    ACTION_GEO_COUNTRY,
    DATEADDED,
    SOURCEURL,
];

/// Reads an Events export, in parts on every core when it is large.
pub(crate) fn read(
    builder: &mut Builder,
    file: FileIx,
    path: &Path,
    handle: std::fs::File,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    let total = handle.metadata().map(|m| m.len()).unwrap_or(0);
    let read_part = |b: &mut Builder, reader: &mut dyn BufRead, part: Part<'_>| {
        read_rows(b, file, reader, part, opts)
    };
    let parts = parts::read_lines(builder, file, path, handle, total, opts, &read_part)?;
    link_articles(builder, parts.into_iter().flatten().collect());
    Ok(())
}

/// Reads an Events export from one reader (bytes in memory).
pub(crate) fn read_reader(
    builder: &mut Builder,
    file: FileIx,
    reader: &mut dyn BufRead,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    let tally = parts::Tally::default();
    let part = Part {
        at_start: true,
        total: 0,
        tally: &tally,
    };
    let (_, rows) = read_rows(builder, file, reader, part, opts)?;
    link_articles(builder, rows);
    Ok(())
}

/// (article URL's hash, day, event number) of a row, to chain each
/// article's rows once every part is read.
pub(crate) type ArticleRow = (u64, i32, u64);

fn read_rows(
    builder: &mut Builder,
    file: FileIx,
    reader: &mut dyn BufRead,
    part: Part<'_>,
    opts: LoadOptions<'_>,
) -> PartResult<Vec<ArticleRow>> {
    let mut progress = PartProgress::new(part, opts);
    let mut by_article: Vec<ArticleRow> = Vec::new();
    let tick = |b: &Builder, bytes: usize| progress.line(b, bytes);
    let lines = each_row(builder, file, reader, tick, |builder, line_no, text| {
        let text = std::str::from_utf8(text).map_err(|_| "is not valid UTF-8".to_string())?;
        // One vectorised pass finds every TAB of the line.
        let mut fields = [""; EVENT_COLUMNS];
        let (mut count, mut start) = (0, 0);
        let ends = memchr::memchr_iter(b'\t', text.as_bytes()).chain([text.len()]);
        for end in ends {
            if count < EVENT_COLUMNS {
                fields[count] = text.get(start..end).unwrap_or_default();
            }
            count += 1;
            start = end + 1;
        }
        if count != EVENT_COLUMNS {
            return Err(format!(
                "expected {EVENT_COLUMNS} TAB-separated columns of a GDELT 2.0 event, found {count}"
            ));
        }
        if let Some(row) = add_row(builder, file, line_no, &fields)? {
            by_article.push(row);
        }
        Ok(())
    })?;
    progress.report(builder);
    Ok((lines, by_article))
}

/// Walks the lines of a TAB-separated export: each non-empty one is a row,
/// counted, and skipped with the reason `row` gives when it cannot be read.
/// Returns the number of lines.
fn each_row(
    builder: &mut Builder,
    file: FileIx,
    reader: &mut dyn BufRead,
    mut tick: impl FnMut(&Builder, usize) -> Result<(), LoadError>,
    mut row: impl FnMut(&mut Builder, usize, &[u8]) -> Result<(), String>,
) -> Result<usize, LoadError> {
    let mut line_no = 0usize;
    let error = parts::each_line(reader, |line| {
        line_no += 1;
        tick(builder, line.len())?;
        let text = trim_line_end(line);
        if text.is_empty() {
            return Ok(());
        }
        builder.count_row();
        if let Err(why) = row(builder, line_no, text) {
            builder.skip_row(file, Some(line_no), why);
        }
        Ok(())
    })?;
    if let Some(e) = error {
        builder.cannot_read(file, Some((line_no + 1, 1)), &e);
    }
    Ok(line_no)
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Adds one event row given as its 61 fields by codebook position (from a
/// TAB-separated line or a Parquet row); returns its place among its
/// article's rows, for [`link_articles`].
pub(crate) fn add_row(
    builder: &mut Builder,
    file: FileIx,
    line_no: usize,
    f: &[&str; EVENT_COLUMNS],
) -> Result<Option<ArticleRow>, String> {
    let number: u64 = f[ID]
        .parse()
        .map_err(|_| format!("GLOBALEVENTID '{}' is not a number", f[ID]))?;
    let day = compact_date(f[SQLDATE]).ok_or_else(|| {
        format!(
            "SQLDATE '{}' is not a real YYYYMMDD date",
            crate::sanitize::line(f[SQLDATE])
        )
    })?;
    let reported = compact_timestamp(f[DATEADDED]);
    let url = f[SOURCEURL].trim();

    let mut actors = Vec::with_capacity(2);
    let mut countries: Vec<Item<'_>> = Vec::with_capacity(3);
    let (mut actor1, mut actor2) = (None, None);
    for (block, role) in [(ACTOR1, "source"), (ACTOR2, "target")] {
        let Some(actor) = declare_actor(builder, file, &f[block..block + 10]) else {
            continue;
        };
        if let Some(c) = actor.country
            && !countries.iter().any(|x| &*x.0 == c)
        {
            countries.push(Item(Cow::Borrowed(c)));
        }
        if block == ACTOR1 {
            actor1 = Some(actor.name);
        } else {
            actor2 = Some(actor.name);
        }
        actors.push(ActorRoleRecord {
            id: Cow::Owned(actor.id),
            role: Some(Cow::Borrowed(role)),
        });
    }

    let place =
        (f[ACTION_GEO_TYPE] != "0" && !f[ACTION_GEO_NAME].is_empty()).then(|| PlaceRecord {
            name: Some(Cow::Borrowed(f[ACTION_GEO_NAME])),
            country: tables::iso_of_fips(f[ACTION_GEO_COUNTRY]).map(Cow::Borrowed),
        });

    let code = f[EVENT_CODE];
    let label = tables::cameo_event(code);
    let mut topics: Vec<Item<'_>> = Vec::with_capacity(2);
    if let Some(label) = label {
        topics.push(Item(Cow::Borrowed(label)));
    }
    if let Some(root) = tables::cameo_event(f[ROOT_CODE])
        && Some(root) != label
    {
        topics.push(Item(Cow::Borrowed(root)));
    }
    // Built with push_str: format! costs a tenth of a large import's time.
    let mut title = String::with_capacity(96);
    match label {
        Some(label) => title.push_str(label),
        None => concat_into(&mut title, &["CAMEO event ", code]),
    }
    match (actor1, actor2) {
        (Some(one), Some(two)) => concat_into(&mut title, &[": ", &one, " → ", &two]),
        (Some(one), None) => concat_into(&mut title, &[": ", &one]),
        (None, Some(two)) => concat_into(&mut title, &[": → ", &two]),
        (None, None) => {}
    }
    let summary = summary(f, code);

    let mut sources = Vec::new();
    if !url.is_empty() {
        if !builder.has_source(url) {
            let published = reported
                .as_ref()
                .map(|(d, _)| d.format("%Y-%m-%d").to_string());
            let rec = SourceRecord {
                id: Cow::Borrowed(url),
                outlet: Cow::Borrowed(host_of(url)),
                title: Cow::Borrowed(""),
                url: Some(Cow::Borrowed(url)),
                published: published.map(Cow::Owned),
                text_file: None,
                text: None,
            };
            builder.add_source(rec, None, SourceText::Absent, file);
        }
        sources.push(Item(Cow::Borrowed(url)));
    }

    let origin = match reported {
        Some((added, time)) => {
            let mut origin = format!(
                "coded by GDELT; reported {} {time}",
                iso_day(&f[DATEADDED].trim()[..8])
            );
            let before = (added - day).num_days();
            if before != 0 {
                origin.push_str(&format!(
                    " ({before} days after this date: GDELT's coder resolved a relative phrase)"
                ));
            }
            origin
        }
        None => "coded by GDELT".to_string(),
    };
    let id = format!("gdelt-{number}");
    let record = EventRecord {
        id: Cow::Borrowed(&id),
        title: Cow::Owned(title),
        summary: Some(Cow::Owned(summary)),
        date: Cow::Owned(iso_day(f[SQLDATE].trim())),
        derivation: None,
        date_origin: Some(Cow::Owned(origin)),
        status: Status::Occurred,
        place,
        actors,
        countries,
        topics,
        sources,
        quotes: Vec::new(),
        links: Vec::new(),
    };
    if !builder.add_event(record, file, Some(line_no)) || url.is_empty() {
        return Ok(None);
    }
    // A fixed hash, so the parts read on other threads agree.
    let article =
        BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(url);
    Ok(Some((article, crate::model::date::day_number(day), number)))
}

/// The figures a row carries that no field of an event holds.
fn summary(f: &[&str; EVENT_COLUMNS], code: &str) -> String {
    let mut out = String::with_capacity(160);
    concat_into(&mut out, &["CAMEO ", code]);
    if let Some(root) = tables::cameo_event(f[ROOT_CODE]) {
        concat_into(&mut out, &[" (root ", f[ROOT_CODE], ": ", root, ")"]);
    }
    for (label, column) in [
        ("; Goldstein scale ", GOLDSTEIN),
        ("; mentions ", NUM_MENTIONS),
        ("; sources ", NUM_SOURCES),
        ("; articles ", NUM_ARTICLES),
        ("; average tone ", AVG_TONE),
    ] {
        if !f[column].is_empty() {
            concat_into(&mut out, &[label, f[column]]);
        }
    }
    out.push('.');
    out
}

fn concat_into(out: &mut String, parts: &[&str]) {
    for p in parts {
        out.push_str(p);
    }
}

struct DeclaredActor<'r> {
    id: String,
    name: String,
    country: Option<&'r str>,
}

/// Declares the actor of a ten-column block once; `None` for an empty one.
fn declare_actor<'r>(
    builder: &mut Builder,
    file: FileIx,
    block: &'r [&'r str],
) -> Option<DeclaredActor<'r>> {
    let code = block[CODE].trim();
    let raw_name = block[NAME].trim();
    if (code.is_empty() || code == "0") && (raw_name.is_empty() || raw_name == "0") {
        return None;
    }
    let country = tables::iso_of_cameo_country(block[COUNTRY].trim());
    let mut key = String::with_capacity(code.len() + 1 + raw_name.len());
    concat_into(&mut key, &[code, " ", raw_name]);
    let id = slug(&key);
    if let Some(name) = builder.declared_actor_name(&id) {
        let name = name.to_string();
        return Some(DeclaredActor { id, name, country });
    }
    let name = if raw_name.is_empty() || raw_name == "0" {
        code.to_string()
    } else {
        title_case(raw_name)
    };
    {
        let type_code = block[TYPE1].trim();
        let kind = match tables::cameo_type(type_code) {
            Some((_, kind)) => kind,
            // A bare country code ("ISR") names the country itself.
            None if !code.is_empty() && code == block[COUNTRY].trim() => ActorKind::Country,
            None => ActorKind::Group,
        };
        let title = tables::cameo_type(type_code).map(|(label, _)| label);
        builder.add_actor(
            ActorRecord {
                id: Cow::Borrowed(&id),
                name: Cow::Borrowed(&name),
                kind,
                title: title.map(Cow::Borrowed),
                country: country.map(Cow::Borrowed),
                aliases: Vec::new(),
            },
            file,
        );
    }
    Some(DeclaredActor { id, name, country })
}

/// Chains the rows of each article in time order with `related` links:
/// one link per neighbour, never all pairs.
pub(crate) fn link_articles(builder: &mut Builder, mut rows: Vec<ArticleRow>) {
    use std::fmt::Write;
    rows.sort_unstable();
    // Two buffers for the ids, reused: this runs on one core after the parts.
    let (mut from, mut to) = (String::new(), String::new());
    for pair in rows.windows(2) {
        let ((a_article, _, a), (b_article, _, b)) = (pair[0], pair[1]);
        if a_article == b_article {
            from.clear();
            to.clear();
            // Writing to a String cannot fail.
            let _ = (write!(from, "gdelt-{a}"), write!(to, "gdelt-{b}"));
            builder.add_late_link(&from, &to, LinkKind::Related);
        }
    }
}

/// `20250807` → 2025-08-07.
fn compact_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    NaiveDate::from_ymd_opt(number(0..4)? as i32, number(4..6)?, number(6..8)?)
}

/// `20250807` (checked by `compact_date`) → `2025-08-07`.
fn iso_day(digits: &str) -> String {
    format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8])
}

/// `20250807220000` → (2025-08-07, "22:00").
fn compact_timestamp(text: &str) -> Option<(NaiveDate, String)> {
    let text = text.trim();
    if text.len() != 14 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let day = compact_date(&text[..8])?;
    Some((day, format!("{}:{}", &text[8..10], &text[10..12])))
}

/// Reads a Mentions file: each mention is a further source of its event.
/// Mentions of events not loaded are dropped when the timeline is built.
pub(crate) fn read_mentions(
    builder: &mut Builder,
    file: FileIx,
    reader: &mut dyn BufRead,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    builder.lenient = true;
    let mut progress = RowProgress::new(opts, 0);
    let tick = |b: &Builder, bytes: usize| progress.row(b, bytes);
    let read = each_row(builder, file, reader, tick, |builder, _, text| {
        add_mention(builder, file, text)
    });
    builder.lenient = false;
    read.map(|_| ())
}

fn add_mention(builder: &mut Builder, file: FileIx, text: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(text).map_err(|_| "is not valid UTF-8".to_string())?;
    let f: Vec<&str> = text.split('\t').collect();
    if f.len() != MENTION_COLUMNS {
        return Err(format!(
            "expected {MENTION_COLUMNS} TAB-separated columns of a GDELT 2.0 mention, found {}",
            f.len()
        ));
    }
    let number: u64 = f[0].parse().map_err(|_| {
        format!(
            "GLOBALEVENTID '{}' is not a number",
            crate::sanitize::line(f[0])
        )
    })?;
    let url = f[5].trim();
    if url.is_empty() {
        return Err("has no MentionIdentifier".into());
    }
    if !builder.has_source(url) {
        let published = compact_timestamp(f[2]).map(|(d, _)| d.format("%Y-%m-%d").to_string());
        let outlet = if f[4].trim().is_empty() {
            host_of(url)
        } else {
            f[4].trim()
        };
        let rec = SourceRecord {
            id: Cow::Borrowed(url),
            outlet: Cow::Borrowed(outlet),
            title: Cow::Borrowed(""),
            url: Some(Cow::Borrowed(url)),
            published: published.map(Cow::Owned),
            text_file: None,
            text: None,
        };
        builder.add_source(rec, None, SourceText::Absent, file);
    }
    builder.add_late_source(&format!("gdelt-{number}"), url);
    Ok(())
}

/// Adds the Mentions file beside each Events export given (same
/// timestamp, `.mentions.CSV`) unless it is there already.
pub(crate) fn add_mentions_beside(files: &mut Vec<PathBuf>) {
    let mut found = Vec::new();
    for path in files.iter() {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let lower = name.to_ascii_lowercase();
        let Some(stem_len) = lower.find(".export.") else {
            continue;
        };
        let (stem, tail) = name.split_at(stem_len);
        let tail = &tail[".export.".len()..];
        let mentions = path.with_file_name(format!("{stem}.mentions.{tail}"));
        if mentions.is_file() && !files.contains(&mentions) && !found.contains(&mentions) {
            found.push(mentions);
        }
    }
    files.extend(found);
}
