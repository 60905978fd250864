//! GDELT Mentions files: each mention is a further source of its event.

use super::row::{compact_timestamp, declare_url_source, event_id};
use super::{MENTION_COLUMNS, each_row};
use crate::load::builder::{Builder, FileIx};
use crate::load::import::rows::RowProgress;
use crate::load::{LoadError, LoadOptions};
use std::io::BufRead;
use std::path::PathBuf;

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
    let outlet = Some(f[4].trim()).filter(|o| !o.is_empty());
    let published = compact_timestamp(f[2]).map(|(d, _)| d);
    declare_url_source(builder, file, url, outlet, published);
    builder.add_late_source(&event_id(f[0], number), url);
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
