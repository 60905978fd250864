//! Loading bytes held in memory: standard input, a fuzzer's bytes, a
//! native timeline whose source texts a function supplies.

use super::sniff::{self, Sniffed};
use super::{
    Builder, Format, LoadError, LoadOptions, files, human_size, import, io_reason, native, parts,
    sniffed_format,
};
use crate::model::Timeline;
use std::path::Path;

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
