//! Reads a file of independent lines (JSON Lines, a GDELT export) in parts
//! on every core: each part parses into a builder of its own, and the parts
//! are joined in file order.

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
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;

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
