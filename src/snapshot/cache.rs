//! The cache directory: where snapshots live, how big it may grow (least
//! recently used out first), and what `dateline cache info` and `clear` say.

use super::decode::Prefix;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// `$XDG_CACHE_HOME/dateline`, else `~/.cache/dateline`; `None` without
/// either (snapshots are then off).
pub fn default_dir() -> Option<PathBuf> {
    let from = |var: &str| {
        std::env::var_os(var)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    from("XDG_CACHE_HOME")
        .or_else(|| from("HOME").map(|h| h.join(".cache")))
        .map(|c| c.join("dateline"))
}

/// One snapshot in the cache.
#[derive(Debug, Clone)]
pub struct Entry {
    pub file: PathBuf,
    pub size: u64,
    /// When it was last written or opened.
    pub used: SystemTime,
    /// The input it was made from, when its header could be read.
    pub input: Option<String>,
}

fn is_snapshot(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "snap")
        && !p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(".tmp-"))
}

fn is_temp(p: &Path) -> bool {
    p.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with(".tmp-"))
}

/// The snapshots in `dir`, least recently used first.
pub fn entries(dir: &Path) -> io::Result<Vec<Entry>> {
    let listing = match fs::read_dir(dir) {
        Ok(l) => l,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for entry in listing.flatten() {
        let file = entry.path();
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() || !is_snapshot(&file) {
            continue;
        }
        out.push(Entry {
            input: input_of(&file),
            size: meta.len(),
            used: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
            file,
        });
    }
    out.sort_by_key(|e| e.used);
    Ok(out)
}

/// The input a snapshot was made from: the first line of its key.
fn input_of(file: &Path) -> Option<String> {
    let f = fs::File::open(file).ok()?;
    // SAFETY: mapped read-only; snapshots are never written in place.
    let map = unsafe { memmap2::Mmap::map(&f) }.ok()?;
    let prefix = Prefix::read(&map).ok()?;
    prefix.key.lines().next().map(str::to_string)
}

/// Removes the least recently used snapshots until the rest take at most
/// `cap` bytes, and temporary files a writer left over an hour ago.
pub(crate) fn trim(dir: &Path, cap: u64) -> io::Result<()> {
    let mut list = entries(dir)?;
    let mut total: u64 = list.iter().map(|e| e.size).sum();
    for e in list.drain(..) {
        if total <= cap {
            break;
        }
        if fs::remove_file(&e.file).is_ok() {
            total -= e.size;
        }
    }
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for entry in fs::read_dir(dir)?.flatten() {
        let path = entry.path();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t < an_hour_ago);
        if is_temp(&path) && old {
            let _ = fs::remove_file(&path);
        }
    }
    Ok(())
}

/// Removes every snapshot (and leftover temporary file); returns how many
/// snapshots and bytes went.
pub fn clear(dir: &Path) -> io::Result<(usize, u64)> {
    let list = entries(dir)?;
    let mut gone = (0, 0);
    for e in list {
        fs::remove_file(&e.file)?;
        gone.0 += 1;
        gone.1 += e.size;
    }
    if let Ok(listing) = fs::read_dir(dir) {
        for entry in listing.flatten() {
            if is_temp(&entry.path()) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
    Ok(gone)
}

/// What `dateline cache info` prints.
pub fn info(dir: &Path) -> io::Result<String> {
    let list = entries(dir)?;
    let total: u64 = list.iter().map(|e| e.size).sum();
    let mut out = format!(
        "{}\n{} snapshot{}, {}\n",
        dir.display(),
        list.len(),
        if list.len() == 1 { "" } else { "s" },
        crate::load::human_size(total)
    );
    for e in list.iter().rev() {
        let name = e.file.file_name().unwrap_or_default().to_string_lossy();
        out.push_str(&format!(
            "{name}  {:>9}  {}\n",
            crate::load::human_size(e.size),
            e.input
                .as_deref()
                .unwrap_or("(unreadable: will be replaced)")
        ));
    }
    Ok(out)
}
