//! Loading from the file system: paths and directories gathered, each file
//! opened, its format found, and handed to its reader.

use super::inputs::timeline_files;
use super::sniff::{self, Sniffed};
use super::{
    Builder, Format, LoadError, LoadOptions, files, import, io_reason, load_stdin, native, parts,
    sniffed_format,
};
use crate::model::Timeline;
use std::path::{Path, PathBuf};

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
