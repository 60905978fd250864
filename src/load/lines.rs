//! The JSON Lines form: one record per line, `{"source": {...}}`,
//! `{"actor": {...}}` or `{"event": {...}}`, after an optional
//! `{"dateline": 1}`. Each line is parsed on its own, so one bad line is
//! reported with its line number and the rest are still checked.

use super::builder::Builder;
use super::document::add_source;
use super::records::LineRecord;
use super::{LoadError, LoadOptions, Progress, TextReader, json_error};
use std::io::BufRead;

pub(super) fn read(
    builder: &mut Builder,
    file: u16,
    mut reader: impl BufRead,
    total: u64,
    read_text: &TextReader<'_>,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    let mut line = Vec::with_capacity(4096);
    let mut line_no = 0usize;
    let mut bytes = 0u64;
    let mut records = 0usize;
    loop {
        line.clear();
        let n = match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                builder.diagnose(
                    file,
                    Some((line_no + 1, 1)),
                    None,
                    format!("cannot read: {}", super::io_reason(&e)),
                );
                return Ok(());
            }
        };
        line_no += 1;
        bytes += n as u64;
        let mut text: &[u8] = &line;
        if line_no == 1 {
            text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
        }
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        records += 1;
        match serde_json::from_slice::<LineRecord<'_>>(text) {
            Ok(LineRecord::Dateline(1)) => {}
            Ok(LineRecord::Dateline(v)) => builder.diagnose(
                file,
                Some((line_no, 1)),
                None,
                format!("format version {v} is not supported (this dateline reads version 1)"),
            ),
            Ok(LineRecord::Source(s)) => add_source(builder, s, file, read_text),
            Ok(LineRecord::Actor(a)) => builder.add_actor(a, file),
            Ok(LineRecord::Event(e)) => builder.add_event(e, file, Some(line_no)),
            Err(e) => {
                let (position, message) = json_error(&e);
                let column = position.map_or(1, |(_, c)| c);
                builder.diagnose(file, Some((line_no, column)), None, message);
            }
        }
        if line_no.is_multiple_of(8192) {
            if opts.cancelled() {
                return Err(LoadError::Cancelled);
            }
            opts.report(Progress {
                bytes,
                total_bytes: total,
                events: builder.event_count(),
            });
        }
    }
    if records == 0 {
        builder.diagnose(
            file,
            None,
            None,
            "is empty (expected one JSON record per line)".into(),
        );
    }
    opts.report(Progress {
        bytes,
        total_bytes: total,
        events: builder.event_count(),
    });
    Ok(())
}
