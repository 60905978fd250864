//! The lines of a buffered reader, passed uncopied where they lie whole in
//! its buffer.

use crate::load::LoadError;
use std::io::BufRead;

/// Calls `line` with each line of `reader`, its line break included (the
/// last line may have none). A line that lies whole in the reader's buffer
/// is passed from there, uncopied. Stops at the first error of `line`; a
/// read error ends the lines and is returned inside `Ok`, after the lines
/// read before it.
pub(crate) fn each_line(
    reader: &mut dyn BufRead,
    mut line: impl FnMut(&[u8]) -> Result<(), LoadError>,
) -> Result<Option<std::io::Error>, LoadError> {
    // A line cut by the end of the buffer, gathered across reads.
    let mut spill: Vec<u8> = Vec::new();
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Ok(Some(e)),
        };
        if buf.is_empty() {
            if !spill.is_empty() {
                line(&spill)?;
            }
            return Ok(None);
        }
        let mut start = 0;
        if !spill.is_empty() {
            let Some(i) = memchr::memchr(b'\n', buf) else {
                spill.extend_from_slice(buf);
                let n = buf.len();
                reader.consume(n);
                continue;
            };
            spill.extend_from_slice(&buf[..=i]);
            line(&spill)?;
            spill.clear();
            start = i + 1;
        }
        let from = start;
        for i in memchr::memchr_iter(b'\n', &buf[from..]) {
            let end = from + i + 1;
            line(&buf[start..end])?;
            start = end;
        }
        spill.extend_from_slice(&buf[start..]);
        let n = buf.len();
        reader.consume(n);
    }
}
