//! What a load is given besides its paths: progress reporting,
//! cancellation, parallel reading, import flags and limits; and how far it
//! has come.

use super::{ImportOptions, Limits};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// How far a load has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub bytes: u64,
    pub total_bytes: u64,
    pub events: usize,
}

/// Progress reporting and cancellation for a load running in the background.
#[derive(Clone, Copy)]
pub struct LoadOptions<'a> {
    pub progress: Option<&'a (dyn Fn(Progress) + Sync)>,
    pub cancel: Option<&'a AtomicBool>,
    /// JSON Lines files (and GDELT exports) at least this large are read
    /// in parts on every core.
    pub parallel_from: u64,
    /// How many parts such a file is read in; 0 lets the loader choose
    /// from the number of cores.
    pub parts: usize,
    /// `--format`, `--map` and the other import flags.
    pub import: Option<&'a ImportOptions>,
    /// How much is read of one file and of one source text.
    pub limits: Limits,
    /// `--allow-outside`: folders source texts may be read from besides
    /// the timeline's own.
    pub allow_outside: &'a [PathBuf],
    /// When set, every file the load reads (source texts too) is added
    /// here, so a snapshot of the result can tell when it is stale.
    pub read_paths: Option<&'a std::sync::Mutex<Vec<PathBuf>>>,
}

impl Default for LoadOptions<'_> {
    fn default() -> Self {
        LoadOptions {
            progress: None,
            cancel: None,
            parallel_from: 8 << 20,
            parts: 0,
            import: None,
            limits: Limits::default(),
            allow_outside: &[],
            read_paths: None,
        }
    }
}

impl LoadOptions<'_> {
    pub(crate) fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::Relaxed))
    }
    /// Notes that the load reads `path`.
    pub(crate) fn reads(&self, path: &Path) {
        if let Some(paths) = self.read_paths
            && let Ok(mut paths) = paths.lock()
        {
            paths.push(path.to_path_buf());
        }
    }
    pub(crate) fn report(&self, p: Progress) {
        if let Some(f) = self.progress {
            f(p);
        }
    }
}
/// Reads the text of a source, given the path the timeline file names.
pub(crate) type TextReader<'a> = dyn Fn(&str) -> Result<Vec<u8>, String> + 'a;
