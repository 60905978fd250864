//! GDELT 2.0 Events exports (`*.export.CSV`: TAB-separated, no header, 61
//! columns) and their Mentions files (16 columns), row by row.
//!
//! A row is one coded (actor, action, actor) triple of one article. Its
//! date is SQLDATE at day precision; GDELT's coder may have resolved a
//! relative phrase against the article's date (DATEADDED), so every date
//! carries that origin. Rows of one article are chained in time order by
//! `related` links. Sources have a URL and an outlet but no text.

mod actors;
mod mentions;
mod row;

pub(crate) use actors::Actors;

pub(crate) use mentions::{add_mentions_beside, read_mentions};
pub(crate) use row::add_row;

use crate::load::builder::{Builder, FileIx};
use crate::load::parts::{self, Part, PartProgress, PartResult};
use crate::load::{LoadError, LoadOptions};
use crate::model::LinkKind;
use std::io::BufRead;
use std::path::Path;

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
    // A part's event references are numbered from 0 in a builder of its
    // own (the first part's go on from the caller's), and each part's were
    // appended after the ones before when the parts were joined.
    let mut base = 0;
    let mut rows = Vec::new();
    for (i, (part_rows, refs)) in parts.into_iter().enumerate() {
        rows.extend(part_rows.into_iter().map(|mut row| {
            row.event_ref += base;
            row
        }));
        base = if i == 0 { refs } else { base + refs };
    }
    link_articles(builder, rows);
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
    let (_, (rows, _)) = read_rows(builder, file, reader, part, opts)?;
    link_articles(builder, rows);
    Ok(())
}

/// Where a row stands among its article's rows, to chain them once every
/// part is read: ordered by article (its URL's hash), day and event number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct ArticleRow {
    pub article: u64,
    pub day: i32,
    pub number: u64,
    /// The reference to the row's event id, which the link will name.
    pub event_ref: u32,
}

fn read_rows(
    builder: &mut Builder,
    file: FileIx,
    reader: &mut dyn BufRead,
    part: Part<'_>,
    opts: LoadOptions<'_>,
) -> PartResult<(Vec<ArticleRow>, u32)> {
    let mut progress = PartProgress::new(part, opts);
    let mut by_article: Vec<ArticleRow> = Vec::new();
    let mut actors = Actors::default();
    let tick = |b: &Builder, bytes: usize| progress.line(b, bytes);
    let lines = each_row(builder, file, reader, tick, |builder, line_no, text| {
        let text =
            simdutf8::basic::from_utf8(text).map_err(|_| "is not valid UTF-8".to_string())?;
        let mut fields = [""; EVENT_COLUMNS];
        let count = split_tabs(text, &mut fields);
        if count != EVENT_COLUMNS {
            return Err(format!(
                "expected {EVENT_COLUMNS} TAB-separated columns of a GDELT 2.0 event, found {count}"
            ));
        }
        if let Some(row) = add_row(builder, file, line_no, &fields, &mut actors)? {
            by_article.push(row);
        }
        Ok(())
    })?;
    progress.report(builder);
    Ok((lines, (by_article, builder.event_ref_count())))
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

/// Puts the TAB-separated fields of `text` into `fields`, as many as fit;
/// returns how many the text has. The TABs are found sixteen bytes at a
/// time in one pass over the line: a search per field cost more than the
/// fields' bytes, most of them a few characters long.
fn split_tabs<'t>(text: &'t str, fields: &mut [&'t str]) -> usize {
    let bytes = text.as_bytes();
    let (mut count, mut start) = (0, 0);
    let mut field_ends = |end: usize| {
        if let Some(field) = fields.get_mut(count) {
            // A TAB is one byte: both ends lie on character boundaries.
            *field = text.get(start..end).unwrap_or_default();
        }
        count += 1;
        start = end + 1;
    };
    let (blocks, tail) = bytes.as_chunks::<16>();
    for (i, block) in blocks.iter().enumerate() {
        let mut tabs = tabs_in(block);
        while tabs != 0 {
            field_ends(i * 16 + tabs.trailing_zeros() as usize);
            tabs &= tabs - 1;
        }
    }
    let tail_at = blocks.len() * 16;
    for (i, &b) in tail.iter().enumerate() {
        if b == b'\t' {
            field_ends(tail_at + i);
        }
    }
    field_ends(bytes.len());
    count
}

/// A bit for each TAB of the block, the first byte's lowest.
#[inline(always)]
fn tabs_in(block: &[u8; 16]) -> u32 {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
        };
        // SAFETY: SSE2 is part of every x86_64 machine; the load reads the
        // block's 16 bytes, unaligned.
        unsafe {
            let v = _mm_loadu_si128(block.as_ptr().cast());
            _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b'\t' as i8))) as u32
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        block
            .iter()
            .enumerate()
            .fold(0, |m, (i, &b)| m | u32::from(b == b'\t') << i)
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Chains the rows of each article in time order with `related` links:
/// one link per neighbour, never all pairs.
pub(crate) fn link_articles(builder: &mut Builder, mut rows: Vec<ArticleRow>) {
    rows.sort_unstable();
    for pair in rows.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        // The same event number twice is the same id: no link to itself.
        if from.article == to.article && from.number != to.number {
            builder.add_late_link_between_refs(from.event_ref, to.event_ref, LinkKind::Related);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn tabs_split_a_line_as_str_split_does(text in "[\ta-zé\u{2014}]{0,70}") {
            let expected: Vec<&str> = text.split('\t').collect();
            let mut fields = [""; 8];
            let count = split_tabs(&text, &mut fields);
            proptest::prop_assert_eq!(count, expected.len());
            let kept = expected.len().min(fields.len());
            proptest::prop_assert_eq!(&fields[..kept], &expected[..kept]);
        }
    }
}
