//! How many parts a file is read in, and where each part starts: just
//! after a newline.

use crate::load::LoadOptions;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// Parts per core by default: more parts than cores, so a core whose part
/// ends early takes another instead of idling while the last runs. A part
/// is joined by the core that read it while the others read on, so only
/// the last join is left when the reading ends; each join costs a little,
/// so not many more.
const PARTS_PER_CORE: usize = 4;

/// How many parts a file of `total` bytes is read in.
pub(super) fn part_count(total: u64, opts: &LoadOptions<'_>) -> usize {
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

pub(super) fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Where each of about `n` parts starts: 0, then the offset just after the
/// first newline at or past each `k * total / n`. Fewer when lines are
/// longer than a part.
pub(super) fn split_points(path: &Path, total: u64, n: usize) -> Vec<u64> {
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
