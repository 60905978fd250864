//! Reads a file of independent lines (JSON Lines, a GDELT export) in parts
//! on every core: each part parses into a builder of its own, and the parts
//! are joined in file order.

use crate::load::builder::Builder;
use crate::load::builder::FileIx;
use crate::load::{LoadError, LoadOptions, Progress};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;

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

/// What a part's reader returns: the lines it read and what else it keeps.
pub(crate) type PartResult<T> = Result<(usize, T), LoadError>;

/// Parts per core by default: a few more parts than cores, so a core whose
/// part ends early takes another instead of idling while the last runs.
/// Each part beyond the first costs a join, so only a few.
const PARTS_PER_CORE: usize = 2;

/// How many parts a file of `total` bytes is read in.
fn part_count(total: u64, opts: &LoadOptions<'_>) -> usize {
    if total < opts.parallel_from {
        return 1;
    }
    if opts.parts > 0 {
        return opts.parts;
    }
    // For measuring: DATELINE_LOAD_PARTS=N reads in N parts (1: one thread).
    let forced = std::env::var("DATELINE_LOAD_PARTS").ok();
    if let Some(n) = forced
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n| n > 0)
    {
        return n;
    }
    match cores() {
        1 => 1,
        n => n * PARTS_PER_CORE,
    }
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Reads `path` (open as `handle`, `total` bytes) with `read_part`: in
/// several parts on every core when the file is large enough and the
/// machine has the cores, each part into a builder of its own, joined in
/// file order. Returns each part's value in file order.
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
    let starts = match part_count(total, &opts) {
        1 => vec![0],
        n => split_points(path, total, n),
    };
    if starts.len() < 2 {
        let mut reader = BufReader::with_capacity(1 << 20, handle);
        return Ok(vec![read_part(builder, &mut reader, first_part)?.1]);
    }
    let ends: Vec<u64> = starts[1..].iter().copied().chain([total]).collect();
    // Part 0 reads into `builder` with the handle already open; each other
    // part into a builder of its own, opening a handle of its own (a cloned
    // one shares the position).
    let others: Vec<PartBuilder<'_>> = starts[1..]
        .iter()
        .zip(&ends[1..])
        .map(|(&start, &end)| {
            let mut b = builder.for_part();
            b.reserve_for(end - start);
            PartBuilder::Own(Box::new(b))
        })
        .collect();
    let mut first_handle = Some(handle);
    let jobs: Vec<Job<'_>> = std::iter::once(PartBuilder::First(&mut *builder))
        .chain(others)
        .map(|b| Mutex::new(Some((b, first_handle.take()))))
        .collect();
    let next = AtomicUsize::new(0);
    let work = |done: &Sender<_>| {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(i) else { break };
            let Some((mut b, handle)) = lock(job).take() else {
                continue;
            };
            let part = Part {
                at_start: i == 0,
                ..first_part
            };
            let range = (starts[i], ends[i]);
            let result = read_one(b.get(), file, path, handle, range, part, read_part);
            // The receiver goes only when the load has failed already.
            let _ = done.send((i, result, b));
        }
    };
    std::thread::scope(|s| {
        let (done, finished) = std::sync::mpsc::channel();
        for _ in 1..cores().min(starts.len()) {
            let done = done.clone();
            s.spawn(move || work(&done));
        }
        work(&done);
        drop(done);
        // Join the parts in file order as they finish, while the other
        // cores still read the last ones.
        let mut waiting: Vec<Option<(PartResult<T>, PartBuilder<'_>)>> =
            starts.iter().map(|_| None).collect();
        let mut first: Option<&mut Builder> = None;
        let mut values = Vec::with_capacity(starts.len());
        let mut lines = 0;
        while values.len() < starts.len() {
            let Some((result, b)) = waiting[values.len()].take() else {
                match finished.recv() {
                    Ok((i, result, b)) => waiting[i] = Some((result, b)),
                    // A reader panicked: the scope raises it again.
                    Err(_) => return Err(LoadError::Cancelled),
                }
                continue;
            };
            let (n, value) = result?;
            match b {
                PartBuilder::First(b) => first = Some(b),
                PartBuilder::Own(part) => {
                    if let Some(into) = first.as_deref_mut() {
                        into.absorb(*part, lines);
                    }
                }
            }
            lines += n;
            values.push(value);
        }
        Ok(values)
    })
}

/// The builder a part reads into: the caller's for the first part, one of
/// its own for each other, joined into the first when read.
enum PartBuilder<'b> {
    First(&'b mut Builder),
    Own(Box<Builder>),
}

impl PartBuilder<'_> {
    fn get(&mut self) -> &mut Builder {
        match self {
            PartBuilder::First(b) => b,
            PartBuilder::Own(b) => b,
        }
    }
}

/// A part still to read: its builder, and the open file for the first.
type Job<'b> = Mutex<Option<(PartBuilder<'b>, Option<std::fs::File>)>>;

/// A lock that a panicked holder does not poison for the others (a panic
/// in a part reaches the caller when the threads are joined).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Reads the bytes `start..end` of `path` into `builder`.
fn read_one<T: Default>(
    builder: &mut Builder,
    file: FileIx,
    path: &Path,
    handle: Option<std::fs::File>,
    (start, end): (u64, u64),
    part: Part<'_>,
    read_part: &(dyn Fn(&mut Builder, &mut dyn BufRead, Part<'_>) -> PartResult<T> + Sync),
) -> PartResult<T> {
    let opened = match handle {
        Some(h) => Ok(h),
        None => std::fs::File::open(path),
    };
    let mut handle = match opened.and_then(|mut h| h.seek(SeekFrom::Start(start)).map(|_| h)) {
        Ok(h) => h,
        Err(e) => {
            builder.cannot_read(file, None, &e);
            return Ok((0, T::default()));
        }
    };
    let mut reader = BufReader::with_capacity(1 << 20, (&mut handle).take(end - start));
    read_part(builder, &mut reader, part)
}

/// Where each of about `n` parts starts: 0, then the offset just after the
/// first newline at or past each `k * total / n`. Fewer when lines are
/// longer than a part.
fn split_points(path: &Path, total: u64, n: usize) -> Vec<u64> {
    let mut starts = vec![0];
    let Ok(mut h) = std::fs::File::open(path) else {
        return starts;
    };
    for k in 1..n as u64 {
        let from = (total / n as u64 * k).max(*starts.last().unwrap_or(&0));
        match line_after(&mut h, from) {
            Some(p) if p < total && Some(&p) != starts.last() => starts.push(p),
            Some(_) => {}
            None => break,
        }
    }
    starts
}

/// The offset just after the first newline at or past `from`.
fn line_after(h: &mut std::fs::File, from: u64) -> Option<u64> {
    h.seek(SeekFrom::Start(from)).ok()?;
    let mut window = vec![0u8; 1 << 16];
    let mut at = from;
    loop {
        let n = h.read(&mut window).ok()?;
        if n == 0 {
            return None;
        }
        if let Some(i) = memchr::memchr(b'\n', &window[..n]) {
            return Some(at + i as u64 + 1);
        }
        at += n as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &[u8], capacity: usize) -> Vec<Vec<u8>> {
        let mut reader = BufReader::with_capacity(capacity, text);
        let mut out = Vec::new();
        let error = each_line(&mut reader, |l| {
            out.push(l.to_vec());
            Ok(())
        });
        assert!(matches!(error, Ok(None)));
        out
    }

    #[test]
    fn lines_come_whole_whatever_the_buffer() {
        let text = b"first\n\nthird line, longer than the buffer\r\nlast";
        let want: Vec<Vec<u8>> = vec![
            b"first\n".to_vec(),
            b"\n".to_vec(),
            b"third line, longer than the buffer\r\n".to_vec(),
            b"last".to_vec(),
        ];
        for capacity in [1, 2, 5, 7, 64, 1 << 16] {
            assert_eq!(lines_of(text, capacity), want, "buffer of {capacity}");
        }
        assert!(lines_of(b"", 8).is_empty());
        assert_eq!(lines_of(b"a\n", 8), vec![b"a\n".to_vec()]);
    }

    #[test]
    fn a_line_error_stops_the_lines() {
        let mut reader = BufReader::with_capacity(4, &b"a\nb\nc\n"[..]);
        let mut seen = 0;
        let result = each_line(&mut reader, |_| {
            seen += 1;
            if seen == 2 {
                return Err(LoadError::Cancelled);
            }
            Ok(())
        });
        assert!(matches!(result, Err(LoadError::Cancelled)));
        assert_eq!(seen, 2);
    }

    #[test]
    fn parts_start_just_after_a_newline_and_never_twice() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lines");
        let text = "aaaa\nbb\ncccccccccccccccccccc\nd\n";
        std::fs::write(&path, text).unwrap();
        let total = text.len() as u64;
        let starts = split_points(&path, total, 8);
        assert_eq!(starts[0], 0);
        for w in starts.windows(2) {
            assert!(w[0] < w[1], "{starts:?}");
        }
        for &s in &starts[1..] {
            assert_eq!(text.as_bytes()[s as usize - 1], b'\n', "{starts:?}");
        }
        assert_eq!(starts, vec![0, 5, 8, 29]);
        assert_eq!(split_points(&path, total, 1), vec![0]);
    }
}
