//! What a snapshot is for: the input as named and the options in force
//! (which together name the snapshot file), and a fingerprint of every
//! file the load read, checked again before the snapshot is used.

use super::codec::{Bad, Dec, Enc, Get, Put};
use crate::load::LoadOptions;
use std::fs::File;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{FileExt, MetadataExt};
use std::path::{Path, PathBuf};

/// The input and every option that changes what a load builds.
pub(crate) fn key(files_named: &Path, opts: &LoadOptions<'_>) -> String {
    let path = files_named
        .canonicalize()
        .unwrap_or_else(|_| files_named.to_path_buf());
    format!(
        "{}\n{:?}\n{:?}\n{:?}",
        path.display(),
        opts.import,
        opts.limits,
        opts.allow_outside
    )
}

/// The file name a key's snapshot has in the cache.
pub(crate) fn file_name(key: &str) -> String {
    format!(
        "{:016x}.snap",
        twox_hash::XxHash3_64::oneshot(key.as_bytes())
    )
}

/// How much of each end of a file is hashed.
const END: u64 = 1 << 20;

/// One file as it was when it was read: a change to its size, time, inode
/// or either end makes the snapshot stale (a change in the middle that
/// keeps size and time is not seen; that is the price of not rereading).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    pub path: PathBuf,
    /// `None` when the file could not be read (the load went on without it).
    pub seen: Option<Seen>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Seen {
    pub size: u64,
    pub mtime_ns: i64,
    pub inode: u64,
    pub ends_hash: u64,
}

impl Fingerprint {
    pub fn of(path: &Path) -> Fingerprint {
        Fingerprint {
            path: path.to_path_buf(),
            seen: seen(path).ok(),
        }
    }

    /// True when the file is still as it was.
    pub fn holds(&self) -> bool {
        seen(&self.path).ok() == self.seen
    }
}

fn seen(path: &Path) -> std::io::Result<Seen> {
    let file = File::open(path)?;
    let meta = file.metadata()?;
    let size = meta.len();
    let mut hasher = twox_hash::XxHash3_64::with_seed(0);
    let mut buf = vec![0u8; END.min(size) as usize];
    file.read_exact_at(&mut buf, 0)?;
    std::hash::Hasher::write(&mut hasher, &buf);
    if size > END {
        let tail = END.min(size - END);
        buf.resize(tail as usize, 0);
        file.read_exact_at(&mut buf, size - tail)?;
        std::hash::Hasher::write(&mut hasher, &buf);
    }
    Ok(Seen {
        size,
        mtime_ns: meta.mtime().saturating_mul(1_000_000_000) + meta.mtime_nsec(),
        inode: meta.ino(),
        ends_hash: std::hash::Hasher::finish(&hasher),
    })
}

pub(crate) fn put_path(e: &mut Enc<'_>, p: &Path) {
    e.blob(p.as_os_str().as_bytes());
}

pub(crate) fn get_path(d: &mut Dec<'_>) -> Result<PathBuf, Bad> {
    Ok(PathBuf::from(std::ffi::OsString::from_vec(
        d.blob()?.to_vec(),
    )))
}

impl Put for Fingerprint {
    fn put(&self, e: &mut Enc<'_>) {
        put_path(e, &self.path);
        match self.seen {
            None => e.u8(0),
            Some(s) => {
                e.u8(1);
                e.u64(s.size);
                e.i64(s.mtime_ns);
                e.u64(s.inode);
                e.u64(s.ends_hash);
            }
        }
    }
}

impl Get for Fingerprint {
    const MIN: usize = 9;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        let path = get_path(d)?;
        let seen = match d.u8()? {
            0 => None,
            1 => Some(Seen {
                size: d.u64()?,
                mtime_ns: d.i64()?,
                inode: d.u64()?,
                ends_hash: d.u64()?,
            }),
            _ => return Err(Bad("fingerprint")),
        };
        Ok(Fingerprint { path, seen })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_at_either_end_or_in_size_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.jsonl");
        let body = vec![b'a'; 3 << 20];
        std::fs::write(&path, &body).unwrap();
        let before = Fingerprint::of(&path);
        assert!(before.holds());
        let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
        let mut changed = body.clone();
        *changed.last_mut().unwrap() = b'b';
        std::fs::write(&path, &changed).unwrap();
        File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(mtime)
            .unwrap();
        assert!(!before.holds(), "same size and time, other last byte");
        std::fs::remove_file(&path).unwrap();
        assert!(!before.holds());
        assert_eq!(Fingerprint::of(&path).seen, None);
    }
}
