//! The JSON Lines form: one record per line, `{"source": {...}}`,
//! `{"actor": {...}}` or `{"event": {...}}`, after an optional
//! `{"dateline": 1}`. Each line is parsed on its own, so one bad line is
//! reported with its line number and the rest are still checked.

use super::json_document::add_source;
use crate::load::builder::Builder;
use crate::load::builder::FileIx;
use crate::load::native::schema::LineRecord;
use crate::load::parts::{self, Part, PartProgress};
use crate::load::{LoadError, LoadOptions, TextReader, json_error};
use std::io::BufRead;

/// Reads records from `reader` into `builder`; returns the lines and the
/// records read.
pub(crate) fn read(
    builder: &mut Builder,
    file: FileIx,
    reader: &mut dyn BufRead,
    part: Part<'_>,
    read_text: &TextReader<'_>,
    opts: LoadOptions<'_>,
) -> Result<(usize, usize), LoadError> {
    let mut line_no = 0usize;
    let mut records = 0usize;
    let mut progress = PartProgress::new(part, opts);
    let error = parts::each_line(reader, |line| {
        line_no += 1;
        progress.line(builder, line.len())?;
        let mut text: &[u8] = line;
        if line_no == 1 && part.at_start {
            text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
        }
        if text.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        records += 1;
        // Plain event lines, most of a large file, skip serde's generality.
        if let Some(event) = super::fast_event_line::event_line(text) {
            builder.add_event(event, file, Some(line_no));
        } else {
            read_record(builder, file, text, line_no, read_text);
        }
        Ok(())
    })?;
    if let Some(e) = error {
        builder.cannot_read(file, Some((line_no + 1, 1)), &e);
        return Ok((line_no, records));
    }
    progress.report(builder);
    Ok((line_no, records))
}

/// Reads one line with serde, reporting any problem with its line number.
fn read_record(
    builder: &mut Builder,
    file: FileIx,
    text: &[u8],
    line_no: usize,
    read_text: &TextReader<'_>,
) {
    // Checked as UTF-8 at SIMD speed first, the line is parsed from a
    // `str`, which serde does not check again (source texts are long).
    let parsed = match simdutf8::basic::from_utf8(text) {
        Ok(text) => serde_json::from_str::<LineRecord<'_>>(text),
        Err(_) => serde_json::from_slice::<LineRecord<'_>>(text),
    };
    match parsed {
        Ok(LineRecord::Dateline(v)) => {
            if let Err(message) = super::check_version(v) {
                builder.diagnose(file, Some((line_no, 1)), None, message);
            }
        }
        Ok(LineRecord::Title(t)) => builder.set_title(&t),
        Ok(LineRecord::Source(s)) => add_source(builder, s, file, read_text),
        Ok(LineRecord::Actor(a)) => builder.add_actor(a, file),
        Ok(LineRecord::Event(e)) => {
            builder.add_event(e, file, Some(line_no));
        }
        Err(e) => {
            let (position, message) = json_error(&e);
            let column = position.map_or(1, |(_, c)| c);
            builder.diagnose(file, Some((line_no, column)), None, message);
        }
    }
}
