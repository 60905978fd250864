//! Reads timeline files (a JSON document or JSON Lines), or a directory of
//! them, into a [`Timeline`], reporting every problem found in one run.

//!
//! Where a row becomes an event: each reader parses its format into the
//! records of [`native::schema`] and hands them to the [`Builder`], which
//! checks each as it comes (`builder/add_event.rs`, `builder/add_quote.rs`),
//! joins the parts read in parallel (`builder/join_parts.rs`), resolves
//! references once everything is read (`builder/resolve.rs`) and finally
//! orders and indexes the store (`builder/order_and_index.rs`).

mod builder;
mod diagnostics;
mod native;

pub use builder::Builder;
pub use diagnostics::{Diagnostic, LoadError, MAX_DIAGNOSTICS};

use crate::model::Timeline;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// How far a load has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub bytes: u64,
    pub total_bytes: u64,
    pub events: usize,
}

/// Progress reporting and cancellation for a load running in the background.
#[derive(Clone, Copy)]
pub struct LoadOptions<'a> {
    pub progress: Option<&'a (dyn Fn(Progress) + Sync)>,
    pub cancel: Option<&'a AtomicBool>,
    /// JSON Lines files at least this large are parsed by two threads.
    pub parallel_from: u64,
}

impl Default for LoadOptions<'_> {
    fn default() -> Self {
        LoadOptions {
            progress: None,
            cancel: None,
            parallel_from: 8 << 20,
        }
    }
}

impl LoadOptions<'_> {
    pub(crate) fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::Relaxed))
    }
    pub(crate) fn report(&self, p: Progress) {
        if let Some(f) = self.progress {
            f(p);
        }
    }
}

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

/// Reads the text of a source, given the path the timeline file names.
pub(crate) type TextReader<'a> = dyn Fn(&str) -> Result<Vec<u8>, String> + 'a;

/// Loads a timeline file or a directory of timeline files.
pub fn load_path(path: &Path) -> Result<Timeline, LoadError> {
    load_path_with(path, LoadOptions::default())
}

pub fn load_path_with(path: &Path, opts: LoadOptions<'_>) -> Result<Timeline, LoadError> {
    let mut builder = Builder::new();
    let files = match timeline_files(path) {
        Ok(files) => files,
        Err(message) => {
            let file = builder.add_file(&path.display().to_string());
            builder.diagnose(file, None, None, message);
            return Err(builder.diags.into_error());
        }
    };
    let total: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    builder.reserve_for(total);
    for file in files {
        read_file(&mut builder, &file, opts)?;
    }
    builder.finish()
}

/// The timeline files a path names: itself, or the `.json`/`.jsonl` files of a directory.
fn timeline_files(path: &Path) -> Result<Vec<PathBuf>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("cannot list: {}", io_reason(&e)))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                ["json", "jsonl", "ndjson"].contains(&e.to_ascii_lowercase().as_str())
            })
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err("no timeline files (*.json, *.jsonl) in this directory".into());
    }
    Ok(files)
}

pub(crate) fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.split_once(" (os error") {
        Some((reason, _)) => reason.to_string(),
        None => text,
    }
}

fn read_file(builder: &mut Builder, path: &Path, opts: LoadOptions<'_>) -> Result<(), LoadError> {
    let name = path.display().to_string();
    let file = builder.add_file(&name);
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let read_text = |relative: &str| read_source_text(&base, relative);
    let handle = match std::fs::File::open(path) {
        Ok(h) => h,
        Err(e) => {
            builder.diagnose(file, None, None, format!("cannot read: {}", io_reason(&e)));
            return Ok(());
        }
    };
    let total = handle.metadata().map(|m| m.len()).unwrap_or(0);
    match Format::of_path(path) {
        Format::Lines => {
            let tally = native::json_lines::Tally::default();
            let split = (total >= opts.parallel_from && two_cores())
                .then(|| split_point(path, total))
                .flatten();
            let records = match split {
                None => {
                    let reader = std::io::BufReader::with_capacity(1 << 20, handle);
                    let part = native::json_lines::Part {
                        at_start: true,
                        total,
                        tally: &tally,
                    };
                    native::json_lines::read(builder, file, reader, part, &read_text, opts)?.1
                }
                Some(mid) => read_in_two(builder, file, path, handle, mid, total, &tally, opts)?,
            };
            if records == 0 {
                builder.diagnose(
                    file,
                    None,
                    None,
                    "is empty (expected one JSON record per line)".into(),
                );
            }
            Ok(())
        }
        Format::Document => {
            let mut bytes = Vec::with_capacity(total as usize);
            if let Err(e) = std::io::Read::read_to_end(&mut { handle }, &mut bytes) {
                builder.diagnose(file, None, None, format!("cannot read: {}", io_reason(&e)));
                return Ok(());
            }
            native::json_document::read(builder, file, &bytes, &read_text, opts)
        }
    }
}

fn two_cores() -> bool {
    std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
}

/// The offset just after the first newline at or past the middle of the file.
fn split_point(path: &Path, total: u64) -> Option<u64> {
    use std::io::{Read, Seek, SeekFrom};
    // A file of its own: a cloned handle would share the reading position.
    let mut h = std::fs::File::open(path).ok()?;
    let mid = total / 2;
    h.seek(SeekFrom::Start(mid)).ok()?;
    let mut window = vec![0u8; 1 << 20];
    let mut at = mid;
    loop {
        let n = h.read(&mut window).ok()?;
        if n == 0 {
            return None;
        }
        if let Some(i) = memchr::memchr(b'\n', &window[..n]) {
            return Some(at + i as u64 + 1).filter(|&p| p < total);
        }
        at += n as u64;
    }
}

/// Reads the two halves of a JSON Lines file on two threads and joins them.
/// Returns the number of records read.
#[allow(clippy::too_many_arguments)]
fn read_in_two(
    builder: &mut Builder,
    file: u16,
    path: &Path,
    handle: std::fs::File,
    mid: u64,
    total: u64,
    tally: &native::json_lines::Tally,
    opts: LoadOptions<'_>,
) -> Result<usize, LoadError> {
    use std::io::{BufReader, Read, Seek, SeekFrom};
    let base = path.parent().unwrap_or(Path::new(""));
    let mut second_handle = match std::fs::File::open(path) {
        Ok(h) => h,
        Err(e) => {
            builder.diagnose(file, None, None, format!("cannot read: {}", io_reason(&e)));
            return Ok(1);
        }
    };
    let mut second = builder.for_part();
    second.reserve_for(total - mid);
    let (first, rest) = std::thread::scope(|s| {
        let worker = s.spawn(move || {
            let read_text = |relative: &str| read_source_text(base, relative);
            if let Err(e) = second_handle.seek(SeekFrom::Start(mid)) {
                second.diagnose(file, None, None, format!("cannot read: {}", io_reason(&e)));
                return (second, Ok((0, 0)));
            }
            let reader = BufReader::with_capacity(1 << 20, second_handle);
            let part = native::json_lines::Part {
                at_start: false,
                total,
                tally,
            };
            let result =
                native::json_lines::read(&mut second, file, reader, part, &read_text, opts);
            (second, result)
        });
        let read_text = |relative: &str| read_source_text(base, relative);
        let reader = BufReader::with_capacity(1 << 20, handle.take(mid));
        let part = native::json_lines::Part {
            at_start: true,
            total,
            tally,
        };
        let first = native::json_lines::read(builder, file, reader, part, &read_text, opts);
        let rest = worker.join().map_err(|_| LoadError::Cancelled);
        (first, rest)
    });
    let (first_lines, first_records) = first?;
    let (second, second_result) = rest?;
    let (_, second_records) = second_result?;
    builder.absorb(second, first_lines);
    Ok(first_records + second_records)
}

fn read_source_text(base: &Path, relative: &str) -> Result<Vec<u8>, String> {
    let rel = Path::new(relative);
    if rel.is_absolute() {
        return Err(format!(
            "text_file '{relative}' must be relative to the timeline file"
        ));
    }
    let full = base.join(rel);
    std::fs::read(&full).map_err(|e| {
        let hint = if e.kind() == std::io::ErrorKind::NotFound {
            " (text_file is relative to the timeline file: was the timeline moved away from its text files? its quotes are not checked)"
        } else {
            " (its quotes are not checked)"
        };
        format!(
            "cannot read text file '{}': {}{hint}",
            full.display(),
            io_reason(&e)
        )
    })
}

/// Loads a timeline held in memory; `read_text` supplies source texts.
pub fn load_bytes(
    name: &str,
    bytes: &[u8],
    format: Format,
    read_text: &dyn Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<Timeline, LoadError> {
    let mut builder = Builder::new();
    let file = builder.add_file(name);
    let opts = LoadOptions::default();
    match format {
        Format::Document => {
            native::json_document::read(&mut builder, file, bytes, read_text, opts)?
        }
        Format::Lines => {
            let tally = native::json_lines::Tally::default();
            let part = native::json_lines::Part {
                at_start: true,
                total: bytes.len() as u64,
                tally: &tally,
            };
            if native::json_lines::read(&mut builder, file, bytes, part, read_text, opts)?.1 == 0 {
                builder.diagnose(
                    file,
                    None,
                    None,
                    "is empty (expected one JSON record per line)".into(),
                );
            }
        }
    }
    builder.finish()
}

pub const BUILTIN_NAME: &str = "data/rubio-witkoff-paris.json";
const BUILTIN_TIMELINE: &str = include_str!("../../data/rubio-witkoff-paris.json");
const BUILTIN_SOURCE_PATH: &str = "sources/2025-04-16-rubio-witkoff-paris.txt";
const BUILTIN_SOURCE: &str = include_str!("../../data/sources/2025-04-16-rubio-witkoff-paris.txt");

/// The seed timeline built into the binary.
pub fn load_builtin() -> Result<Timeline, LoadError> {
    load_bytes(
        BUILTIN_NAME,
        BUILTIN_TIMELINE.as_bytes(),
        Format::Document,
        &|path| {
            if path == BUILTIN_SOURCE_PATH {
                Ok(BUILTIN_SOURCE.as_bytes().to_vec())
            } else {
                Err(format!("cannot read text file '{path}': not built in"))
            }
        },
    )
}

/// Decodes a source text, naming the line and column of the first bad byte.
pub(crate) fn decode_text(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let good = &e.as_bytes()[..at];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        format!("is not valid UTF-8 at line {line} column {column}")
    })
}

/// Splits serde_json's message from its position suffix.
pub(crate) fn json_error(e: &serde_json::Error) -> (Option<(usize, usize)>, String) {
    let text = e.to_string();
    let message = match text.rsplit_once(" at line ") {
        Some((m, _)) => m.to_string(),
        None => text,
    };
    let position = (e.line() > 0).then(|| (e.line(), e.column()));
    let message = builder::ellipsize(&message, 200);
    (position, crate::sanitize::line(&message).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_timeline_loads() {
        let t = load_builtin().unwrap_or_else(|e| panic!("{e}"));
        assert!(t.len() >= 20, "seed has {} events", t.len());
        assert!(t.find_event("witkoff-putin-st-petersburg").is_some());
    }

    #[test]
    fn decode_names_the_bad_byte() {
        assert_eq!(
            decode_text(b"ok\nab\xffc".to_vec()).unwrap_err(),
            "is not valid UTF-8 at line 2 column 3"
        );
    }
}
