//! Reads a file of independent lines (JSON Lines, a GDELT export) in parts
//! on every core: each part parses into a builder of its own, and the parts
//! are joined in file order as soon as they can be, by the core that read
//! the last one while the others read on.

mod lines;
mod progress;
mod split;
#[cfg(test)]
mod tests;

pub(crate) use lines::each_line;
pub(crate) use progress::{Part, PartProgress, Tally};
use split::{cores, part_count, split_points};

use crate::load::builder::Builder;
use crate::load::builder::FileIx;
use crate::load::{LoadError, LoadOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// What a part's reader returns: the lines it read and what else it keeps.
pub(crate) type PartResult<T> = Result<(usize, T), LoadError>;

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
    let joins = Joins {
        state: Mutex::new(Joined {
            first: None,
            values: Vec::with_capacity(starts.len()),
            lines: 0,
            failed: None,
        }),
        waiting: Mutex::new(starts.iter().map(|_| None).collect()),
        stop: AtomicBool::new(false),
    };
    let work = || {
        while !joins.stop.load(Ordering::Relaxed) {
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
            lock(&joins.waiting)[i] = Some((result, b));
            // Join what is ready now, while the other cores read on, unless
            // another core is joining already (it or the last pass takes
            // this part).
            if let Some(mut state) = try_lock(&joins.state) {
                joins.join_ready(&mut state);
            }
        }
    };
    std::thread::scope(|s| {
        for _ in 1..cores().min(starts.len()) {
            s.spawn(work);
        }
        work();
    });
    // Every reader is done: join what is left, in file order.
    let mut state = lock(&joins.state);
    joins.join_ready(&mut state);
    if let Some(error) = state.failed.take() {
        return Err(error);
    }
    if state.values.len() < starts.len() {
        // Readers stop early only on an error, returned above; should a part
        // still be missing, fail rather than return part of the file.
        return Err(LoadError::Cancelled);
    }
    Ok(std::mem::take(&mut state.values))
}

/// The parts read so far, waiting to be joined in file order, and the join.
struct Joins<'b, T> {
    state: Mutex<Joined<'b, T>>,
    waiting: Mutex<Vec<Option<ReadPart<'b, T>>>>,
    /// Set on an error: the readers take no further part.
    stop: AtomicBool,
}

/// A part read: what its reader returned, and the builder it read into.
type ReadPart<'b, T> = (PartResult<T>, PartBuilder<'b>);

/// The parts joined so far: the first part's builder holding them all,
/// each part's value, the lines read, and the first error in file order.
struct Joined<'b, T> {
    first: Option<&'b mut Builder>,
    values: Vec<T>,
    lines: usize,
    failed: Option<LoadError>,
}

impl<'b, T> Joins<'b, T> {
    /// Joins the parts read, in file order, until one is still being read.
    fn join_ready(&self, state: &mut Joined<'b, T>) {
        while state.failed.is_none() {
            let next = state.values.len();
            let Some((result, b)) = lock(&self.waiting).get_mut(next).and_then(Option::take) else {
                return;
            };
            let (n, value) = match result {
                Ok(read) => read,
                Err(e) => {
                    state.failed = Some(e);
                    self.stop.store(true, Ordering::Relaxed);
                    return;
                }
            };
            match b {
                PartBuilder::First(b) => state.first = Some(b),
                PartBuilder::Own(part) => {
                    if let Some(into) = state.first.as_deref_mut() {
                        into.absorb(*part, state.lines);
                    }
                }
            }
            state.lines += n;
            state.values.push(value);
        }
    }
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

/// [`lock`] if no one holds it now.
fn try_lock<T>(m: &Mutex<T>) -> Option<std::sync::MutexGuard<'_, T>> {
    match m.try_lock() {
        Ok(guard) => Some(guard),
        Err(std::sync::TryLockError::Poisoned(p)) => Some(p.into_inner()),
        Err(std::sync::TryLockError::WouldBlock) => None,
    }
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
