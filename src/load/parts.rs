//! Reads a file of independent lines (JSON Lines, a GDELT export) in parts
//! on every core: each part parses into a builder of its own, and the parts
//! are joined in file order.

use crate::load::builder::Builder;
use crate::load::builder::FileIx;
use crate::load::{LoadError, LoadOptions, Progress};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// Progress summed over the parts of a file read in parallel.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    bytes: AtomicU64,
    events: AtomicUsize,
}

/// Where a part of a file sits, and the progress all parts share.
#[derive(Clone, Copy)]
pub(crate) struct Part<'a> {
    /// The part starts the file (so may begin with a byte-order mark).
    pub at_start: bool,
    pub total: u64,
    pub tally: &'a Tally,
}

/// Counts what one part has read and reports the sum of all parts every
/// few thousand lines; fails when the load was cancelled.
pub(crate) struct PartProgress<'a, 'o> {
    part: Part<'a>,
    opts: LoadOptions<'o>,
    bytes: u64,
    lines: usize,
    reported: (u64, usize),
}

impl<'a, 'o> PartProgress<'a, 'o> {
    pub(crate) fn new(part: Part<'a>, opts: LoadOptions<'o>) -> Self {
        PartProgress {
            part,
            opts,
            bytes: 0,
            lines: 0,
            reported: (0, 0),
        }
    }

    /// Counts a line of `bytes` bytes.
    pub(crate) fn line(&mut self, builder: &Builder, bytes: usize) -> Result<(), LoadError> {
        self.bytes += bytes as u64;
        self.lines += 1;
        if self.lines.is_multiple_of(8192) {
            if self.opts.cancelled() {
                return Err(LoadError::Cancelled);
            }
            self.report(builder);
        }
        Ok(())
    }

    /// Adds what this part read since its last report to the shared tally.
    pub(crate) fn report(&mut self, builder: &Builder) {
        let events = builder.event_count();
        let (db, de) = (self.bytes - self.reported.0, events - self.reported.1);
        let b = self.part.tally.bytes.fetch_add(db, Ordering::Relaxed) + db;
        let e = self.part.tally.events.fetch_add(de, Ordering::Relaxed) + de;
        self.reported = (self.bytes, events);
        self.opts.report(Progress {
            bytes: b,
            total_bytes: self.part.total.max(b),
            events: e,
        });
    }
}

/// What a part's reader returns: the lines it read and what else it keeps.
pub(crate) type PartResult<T> = Result<(usize, T), LoadError>;

/// Reads `path` (open as `handle`, `total` bytes) with `read_part`, in two
/// parts on two threads when the file is large enough and the machine has
/// the cores. Returns each part's value in file order.
pub(crate) fn read_lines<T: Send + Default>(
    builder: &mut Builder,
    file: FileIx,
    path: &Path,
    handle: std::fs::File,
    total: u64,
    opts: LoadOptions<'_>,
    read_part: &(dyn Fn(&mut Builder, &mut dyn BufRead, Part<'_>) -> PartResult<T> + Sync),
) -> Result<Vec<T>, LoadError> {
    let tally = Tally::default();
    let first_part = Part {
        at_start: true,
        total,
        tally: &tally,
    };
    let split = (total >= opts.parallel_from && two_cores())
        .then(|| split_point(path, total))
        .flatten();
    let Some(mid) = split else {
        let mut reader = BufReader::with_capacity(1 << 20, handle);
        return Ok(vec![read_part(builder, &mut reader, first_part)?.1]);
    };
    let mut second_handle = match std::fs::File::open(path) {
        Ok(h) => h,
        Err(e) => {
            builder.cannot_read(file, None, &e);
            return Ok(Vec::new());
        }
    };
    let mut second = builder.for_part();
    second.reserve_for(total - mid);
    let (first, rest) = std::thread::scope(|s| {
        let worker = s.spawn(move || {
            if let Err(e) = second_handle.seek(SeekFrom::Start(mid)) {
                second.cannot_read(file, None, &e);
                return (second, Ok((0, T::default())));
            }
            let mut reader = BufReader::with_capacity(1 << 20, second_handle);
            let part = Part {
                at_start: false,
                ..first_part
            };
            let result = read_part(&mut second, &mut reader, part);
            (second, result)
        });
        let mut reader = BufReader::with_capacity(1 << 20, handle.take(mid));
        let first = read_part(builder, &mut reader, first_part);
        let rest = worker.join().map_err(|_| LoadError::Cancelled);
        (first, rest)
    });
    let (first_lines, first_value) = first?;
    let (second, second_result) = rest?;
    let (_, second_value) = second_result?;
    builder.absorb(second, first_lines);
    Ok(vec![first_value, second_value])
}

fn two_cores() -> bool {
    std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
}

/// The offset just after the first newline at or past the middle of the file.
fn split_point(path: &Path, total: u64) -> Option<u64> {
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
