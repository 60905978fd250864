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
mod files;
pub mod import;
pub mod native;
mod parts;
pub mod preview;
mod sniff;

pub use builder::{Builder, FileIx, SourceText};
pub use diagnostics::{Diagnostic, LoadError, MAX_DIAGNOSTICS};
pub use files::{Limits, human_size, parse_size};
pub use import::{ImportOptions, InputFormat};

use crate::model::Timeline;
use sniff::Sniffed;
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
    /// JSON Lines files (and GDELT exports) at least this large are read
    /// in parts on every core.
    pub parallel_from: u64,
    /// How many parts such a file is read in; 0 lets the loader choose
    /// from the number of cores.
    pub parts: usize,
    /// `--format`, `--map` and the other import flags.
    pub import: Option<&'a ImportOptions>,
    /// How much is read of one file and of one source text.
    pub limits: Limits,
    /// `--allow-outside`: folders source texts may be read from besides
    /// the timeline's own.
    pub allow_outside: &'a [PathBuf],
    /// When set, every file the load reads (source texts too) is added
    /// here, so a snapshot of the result can tell when it is stale.
    pub read_paths: Option<&'a std::sync::Mutex<Vec<PathBuf>>>,
}

impl Default for LoadOptions<'_> {
    fn default() -> Self {
        LoadOptions {
            progress: None,
            cancel: None,
            parallel_from: 8 << 20,
            parts: 0,
            import: None,
            limits: Limits::default(),
            allow_outside: &[],
            read_paths: None,
        }
    }
}

impl LoadOptions<'_> {
    pub(crate) fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::Relaxed))
    }
    /// Notes that the load reads `path`.
    pub(crate) fn reads(&self, path: &Path) {
        if let Some(paths) = self.read_paths
            && let Ok(mut paths) = paths.lock()
        {
            paths.push(path.to_path_buf());
        }
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
    if path == Path::new("-") {
        return load_stdin(opts);
    }
    load_paths_with(&[path.to_path_buf()], opts)
}

/// Loads a timeline of any format from standard input (`-`), read up to
/// the same limit as a file; source texts are found from the current folder.
pub fn load_stdin(opts: LoadOptions<'_>) -> Result<Timeline, LoadError> {
    use std::io::Read;
    const NAME: &str = "standard input";
    let mut bytes = Vec::new();
    let read = std::io::stdin()
        .lock()
        .take(opts.limits.file + 1)
        .read_to_end(&mut bytes);
    let problem = match read {
        Err(e) => Some(format!("cannot read: {}", io_reason(&e))),
        Ok(_) if bytes.len() as u64 > opts.limits.file => Some(format!(
            "is more than the {} dateline reads of one file (raise it with --max-file-size)",
            human_size(opts.limits.file)
        )),
        Ok(_) => None,
    };
    if let Some(message) = problem {
        let mut builder = Builder::new();
        let file = builder.add_file(NAME);
        builder.diagnose(file, None, None, message);
        return Err(builder.diags.into_error());
    }
    let read_text = |relative: &str| {
        files::read_source_text(
            Path::new(""),
            relative,
            opts.limits.text,
            opts.allow_outside,
        )
    };
    load_any_bytes(NAME, &bytes, opts, &read_text)
}

/// Loads several files or directories into one timeline.
pub fn load_paths_with(paths: &[PathBuf], opts: LoadOptions<'_>) -> Result<Timeline, LoadError> {
    let mut builder = Builder::new();
    let mut files: Vec<PathBuf> = Vec::new();
    for path in paths {
        match timeline_files(path) {
            Ok(found) => {
                for f in found {
                    if !files.contains(&f) {
                        files.push(f);
                    }
                }
            }
            Err(message) => {
                let file = builder.add_file(&path.display().to_string());
                builder.diagnose(file, None, None, message);
            }
        }
    }
    if !builder.diags.is_empty() {
        return Err(builder.diags.into_error());
    }
    import::gdelt::add_mentions_beside(&mut files);
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

/// The files a load of `paths` reads, source texts aside.
pub(crate) fn input_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = Vec::new();
    for path in paths {
        for f in timeline_files(path)? {
            if !files.contains(&f) {
                files.push(f);
            }
        }
    }
    import::gdelt::add_mentions_beside(&mut files);
    Ok(files)
}

/// Extensions of the files read from a directory; others (an article's
/// `.txt`, a README) are left alone.
pub const DIRECTORY_EXTENSIONS: [&str; 7] =
    ["json", "jsonl", "ndjson", "csv", "tsv", "ics", "parquet"];

/// The timeline files a path names: itself, or the files of a directory
/// with a known extension.
fn timeline_files(path: &Path) -> Result<Vec<PathBuf>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("cannot list: {}", io_reason(&e)))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        // Devices and FIFOs with a timeline's name are read, to be refused
        // by name rather than skipped in silence.
        .filter(|p| !p.is_dir())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| DIRECTORY_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(
            "no timeline files in this directory (*.json, *.jsonl, *.ndjson, *.csv, *.tsv, *.ics, *.parquet)"
                .into(),
        );
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
    let read_text = |relative: &str| {
        opts.reads(&base.join(relative));
        files::read_source_text(&base, relative, opts.limits.text, opts.allow_outside)
    };
    opts.reads(path);
    let (mut handle, total) = match files::open_regular(path, opts.limits.file) {
        Ok(opened) => opened,
        Err(message) => {
            builder.diagnose(file, None, None, message);
            return Ok(());
        }
    };
    let sniffed = match head_of(&mut handle) {
        Ok(head) => sniffed_format(path, &head, opts),
        Err(e) => Err(format!("cannot read: {}", io_reason(&e))),
    };
    let sniffed = match sniffed {
        Ok(s) => s,
        Err(message) => {
            builder.diagnose(file, None, None, message);
            return Ok(());
        }
    };
    let format = match sniffed {
        Sniffed::Native(format) => format,
        Sniffed::Import(format) => {
            let input = import::Input::File { path, handle };
            return import::read(builder, file, format, input, opts);
        }
        Sniffed::GdeltMentions => {
            let mut reader = std::io::BufReader::with_capacity(1 << 20, handle);
            return import::gdelt::read_mentions(builder, file, &mut reader, opts);
        }
    };
    match format {
        Format::Lines => {
            let read_part =
                |b: &mut Builder, reader: &mut dyn std::io::BufRead, part: parts::Part<'_>| {
                    native::json_lines::read(b, file, reader, part, &read_text, opts)
                };
            let records: usize =
                parts::read_lines(builder, file, path, handle, total, opts, &read_part)?
                    .into_iter()
                    .sum();
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
            let mut capped = std::io::Read::take(handle, opts.limits.file);
            if let Err(e) = std::io::Read::read_to_end(&mut capped, &mut bytes) {
                builder.cannot_read(file, None, &e);
                return Ok(());
            }
            native::json_document::read(builder, file, &bytes, &read_text, opts)
        }
    }
}

/// The first bytes of a file, with the file rewound to its start.
fn head_of(handle: &mut std::fs::File) -> std::io::Result<Vec<u8>> {
    use std::io::{Read, Seek, SeekFrom};
    let mut head = Vec::with_capacity(sniff::HEAD);
    handle
        .by_ref()
        .take(sniff::HEAD as u64)
        .read_to_end(&mut head)?;
    handle.seek(SeekFrom::Start(0))?;
    Ok(head)
}

/// The format a file is read as: `--format` when given, else its content's.
fn sniffed_format(path: &Path, head: &[u8], opts: LoadOptions<'_>) -> Result<Sniffed, String> {
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

/// Loads a file of any format held in memory (standard input, a fuzzer's
/// bytes): its format found from the content, or `opts.import`'s
/// `--format`; `read_text` supplies native source texts.
pub fn load_any_bytes(
    name: &str,
    bytes: &[u8],
    opts: LoadOptions<'_>,
    read_text: &dyn Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<Timeline, LoadError> {
    let mut builder = Builder::new();
    let file = builder.add_file(name);
    match sniffed_format(
        Path::new(name),
        &bytes[..bytes.len().min(sniff::HEAD)],
        opts,
    ) {
        Err(message) => builder.diagnose(file, None, None, message),
        Ok(Sniffed::Native(format)) => {
            drop(builder);
            return load_bytes(name, bytes, format, read_text);
        }
        Ok(Sniffed::Import(format)) => import::read(
            &mut builder,
            file,
            format,
            import::Input::Bytes(bytes),
            opts,
        )?,
        Ok(Sniffed::GdeltMentions) => {
            import::gdelt::read_mentions(&mut builder, file, &mut { bytes }, opts)?
        }
    }
    builder.finish()
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
            let tally = parts::Tally::default();
            let part = parts::Part {
                at_start: true,
                total: bytes.len() as u64,
                tally: &tally,
            };
            let mut reader = bytes;
            if native::json_lines::read(&mut builder, file, &mut reader, part, read_text, opts)?.1
                == 0
            {
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
