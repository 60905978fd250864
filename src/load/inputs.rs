//! The timeline files a load reads: a path itself, or the files of a
//! directory with a known extension, with GDELT mentions files found beside
//! their exports.

use super::{import, io_reason};
use std::path::{Path, PathBuf};

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
pub(super) fn timeline_files(path: &Path) -> Result<Vec<PathBuf>, String> {
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
