//! Snapshots of built stores: the second time a large input is opened, its
//! store is mapped from the user's cache instead of being parsed again.
//!
//! A snapshot is written after a successful load of an input of 8 MB or
//! more, to a temporary file renamed into place (several dateline processes
//! at once never see a half-written one). It is used only when it was
//! written by this dateline, for this input read with these options, when
//! every file the load read (source texts too) still has its size,
//! modification time, inode and first and last MiB, and when its checksums
//! and every index in it check. Anything else is ignored and rebuilt.

pub mod cache;
mod check;
mod codec;
mod dates;
mod decode;
mod encode;
mod format;
mod key;
mod records;
#[cfg(test)]
mod tests;

use crate::load::{self, LoadError, LoadOptions};
use crate::model::Timeline;
use key::Fingerprint;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Whether and where snapshots are kept.
#[derive(Debug, Clone)]
pub struct Settings {
    pub enabled: bool,
    /// The cache directory; `None` turns snapshots off.
    pub dir: Option<PathBuf>,
    /// Inputs smaller than this are loaded without a snapshot.
    pub min_size: u64,
    /// The most the cache directory may hold.
    pub cap: u64,
}

impl Settings {
    /// From the environment: `DATELINE_SNAPSHOT=0` turns snapshots off;
    /// `DATELINE_SNAPSHOT_MIN` and `DATELINE_CACHE_MAX` (sizes like 8M,
    /// 4G) change the threshold and the cap.
    pub fn from_env() -> Settings {
        let size = |var: &str, default: u64| {
            std::env::var(var)
                .ok()
                .and_then(|v| load::parse_size(&v).ok())
                .unwrap_or(default)
        };
        Settings {
            enabled: std::env::var("DATELINE_SNAPSHOT").map_or(true, |v| v.trim() != "0"),
            dir: cache::default_dir(),
            min_size: size("DATELINE_SNAPSHOT_MIN", 8 << 20),
            cap: size("DATELINE_CACHE_MAX", 4 << 30),
        }
    }

    /// These settings, off when `off` (`--no-snapshot`).
    pub fn unless(mut self, off: bool) -> Settings {
        self.enabled &= !off;
        self
    }
}

/// A loaded timeline, and the snapshot still to write for it.
pub struct Opened {
    pub timeline: Timeline,
    /// True when the timeline came from a snapshot.
    pub reopened: bool,
    pub pending: Option<PendingWrite>,
}

/// A snapshot to write once the timeline is in use.
#[derive(Debug)]
pub struct PendingWrite {
    dir: PathBuf,
    name: String,
    key: String,
    inputs: Vec<PathBuf>,
    prints: Vec<Fingerprint>,
    cap: u64,
}

impl PendingWrite {
    /// Writes the snapshot of `t` (the timeline this write was made for);
    /// returns its path.
    pub fn write(self, t: &Timeline) -> std::io::Result<PathBuf> {
        std::fs::create_dir_all(&self.dir)?;
        let mut temp = tempfile::Builder::new()
            .prefix(".tmp-")
            .suffix(".snap")
            .tempfile_in(&self.dir)?;
        let about = encode::About {
            key: &self.key,
            inputs: &self.inputs,
            prints: &self.prints,
        };
        encode::write(temp.as_file_mut(), t, &about)?;
        let path = self.dir.join(&self.name);
        temp.persist(&path).map_err(|e| e.error)?;
        cache::trim(&self.dir, self.cap)?;
        Ok(path)
    }
}

/// Loads `path` from its snapshot when one is valid, else from the file;
/// a snapshot of a file loaded is written before returning.
pub fn load_or_open(
    path: &Path,
    opts: LoadOptions<'_>,
    settings: &Settings,
) -> Result<Loaded, LoadError> {
    let opened = open(path, opts, settings)?;
    let timeline = Arc::new(opened.timeline);
    let writing = opened.pending.map(|pending| {
        let shared = Arc::clone(&timeline);
        // A cache that cannot be written costs only the next open's time.
        std::thread::spawn(move || {
            let _ = pending.write(&shared);
        })
    });
    Ok(Loaded { timeline, writing })
}

/// A timeline a command opened, its snapshot written on a thread of its
/// own while the command works (writing one of a million events takes
/// about a second, most of it the kernel's). Dropping it waits for the
/// snapshot, so that it is there for the next open.
pub struct Loaded {
    timeline: Arc<Timeline>,
    writing: Option<std::thread::JoinHandle<()>>,
}

impl Loaded {
    /// The timeline, to be kept after this is dropped.
    pub fn shared(&self) -> Arc<Timeline> {
        Arc::clone(&self.timeline)
    }
}

/// A timeline with no snapshot to write (the built-in one).
impl From<Timeline> for Loaded {
    fn from(t: Timeline) -> Self {
        Loaded {
            timeline: Arc::new(t),
            writing: None,
        }
    }
}

impl std::ops::Deref for Loaded {
    type Target = Timeline;
    fn deref(&self) -> &Timeline {
        &self.timeline
    }
}

impl Drop for Loaded {
    fn drop(&mut self) {
        if let Some(writing) = self.writing.take() {
            let _ = writing.join();
        }
    }
}

/// Loads `path` from its snapshot when one is valid, else from the file,
/// leaving the snapshot's writing to the caller.
pub fn open(path: &Path, opts: LoadOptions<'_>, settings: &Settings) -> Result<Opened, LoadError> {
    open_then(path, opts, settings, || {})
}

/// [`open`], calling `before_load` only when the input is about to be read
/// (no sound snapshot): the browser shows the file's head then.
pub fn open_then(
    path: &Path,
    opts: LoadOptions<'_>,
    settings: &Settings,
    before_load: impl FnOnce(),
) -> Result<Opened, LoadError> {
    let Some(plan) = plan(path, &opts, settings) else {
        before_load();
        return load::load_path_with(path, opts).map(|timeline| Opened {
            timeline,
            reopened: false,
            pending: None,
        });
    };
    let Plan {
        dir,
        key,
        name,
        inputs,
    } = plan;
    if let Some(timeline) = reopen(&dir.join(&name), &key, &inputs) {
        return Ok(Opened {
            timeline,
            reopened: true,
            pending: None,
        });
    }
    before_load();
    let before: Vec<Fingerprint> = inputs.iter().map(|f| Fingerprint::of(f)).collect();
    let read = Mutex::new(Vec::new());
    let timeline = load::load_path_with(
        path,
        LoadOptions {
            read_paths: Some(&read),
            ..opts
        },
    )?;
    let read = read.into_inner().unwrap_or_default();
    let mut read: Vec<PathBuf> = read.iter().map(|p| canonical(p)).collect();
    read.sort();
    read.dedup();
    let prints: Vec<Fingerprint> = read.iter().map(|p| Fingerprint::of(p)).collect();
    // A file changed while it was read: its snapshot could hold both versions.
    let steady = before.iter().all(|b| prints.contains(b));
    let pending = (steady && !timeline.p.text.overflowed).then_some(PendingWrite {
        dir,
        name,
        key,
        inputs,
        prints,
        cap: settings.cap,
    });
    Ok(Opened {
        timeline,
        reopened: false,
        pending,
    })
}

/// Where an input's snapshot lives and what it is checked against; `None`
/// when the input is not snapshotted (turned off, standard input, small).
struct Plan {
    dir: PathBuf,
    key: String,
    name: String,
    inputs: Vec<PathBuf>,
}

fn plan(path: &Path, opts: &LoadOptions<'_>, settings: &Settings) -> Option<Plan> {
    let dir = match &settings.dir {
        Some(dir) if settings.enabled && path != Path::new("-") => dir.clone(),
        _ => return None,
    };
    let inputs = load::input_files(&[path.to_path_buf()]).ok()?;
    // Named as from anywhere, so a reopen from another folder finds it.
    let inputs: Vec<PathBuf> = inputs.iter().map(|p| canonical(p)).collect();
    let total: u64 = inputs
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    if total < settings.min_size {
        return None;
    }
    let key = key::key(path, opts);
    let name = key::file_name(&key);
    Some(Plan {
        dir,
        key,
        name,
        inputs,
    })
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// The snapshot at `file`, when it is for `key` over `inputs`, fresh and sound.
fn reopen(file: &Path, key: &str, inputs: &[PathBuf]) -> Option<Timeline> {
    let f = std::fs::File::open(file).ok()?;
    // SAFETY: the map is read-only and snapshot files are never written in
    // place (a new one is renamed over the old), so its bytes do not change
    // under us; everything read from it is checked before use.
    let map = unsafe { memmap2::MmapOptions::new().populate().map(&f) }.ok()?;
    let map = Arc::new(map);
    let prefix = decode::Prefix::read(&map).ok()?;
    if !prefix.same_version()
        || prefix.key != key
        || prefix.inputs != inputs
        || !prefix.prints.iter().all(Fingerprint::holds)
    {
        return None;
    }
    let timeline = decode::timeline(&map, &prefix).ok()?;
    // Recently used snapshots are the last the cap removes.
    let _ = f.set_modified(std::time::SystemTime::now());
    Some(timeline)
}
