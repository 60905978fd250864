//! Progress over the parts of one file: the tally all parts share, where a
//! part sits, and what one part counts and reports.

use crate::load::builder::Builder;
use crate::load::{LoadError, LoadOptions, Progress};
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
