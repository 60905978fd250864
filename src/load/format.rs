//! The format a timeline file is read as: one of the two native forms, or
//! an import format, from `--format` when given, else from its content.

use super::sniff::{self, Sniffed};
use super::{InputFormat, LoadOptions};
use std::path::Path;

/// The two forms of a timeline file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object with `sources`, `actors` and `events` arrays (`.json`).
    Document,
    /// One record per line: `{"event": {...}}` (`.jsonl`, `.ndjson`).
    Lines,
}

impl Format {
    pub fn of_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson") => {
                Format::Lines
            }
            _ => Format::Document,
        }
    }
}

/// The format a file is read as: `--format` when given, else its content's.
pub(super) fn sniffed_format(
    path: &Path,
    head: &[u8],
    opts: LoadOptions<'_>,
) -> Result<Sniffed, String> {
    let sniffed = sniff::sniff(head);
    match opts.import.and_then(|i| i.format) {
        None => sniffed.map_err(|why| {
            format!(
                "{why}; tried {}",
                "native JSON and JSON Lines, TimelineJS, GDELT, ACLED, iCalendar and CSV"
            )
        }),
        Some(InputFormat::Native) => Ok(match sniffed {
            Ok(Sniffed::Native(format)) => Sniffed::Native(format),
            _ => Sniffed::Native(Format::of_path(path)),
        }),
        Some(InputFormat::Gdelt) if sniffed == Ok(Sniffed::GdeltMentions) => {
            Ok(Sniffed::GdeltMentions)
        }
        Some(format) => Ok(Sniffed::Import(format)),
    }
}
