//! The two watchers that start before the terminal is touched: one for the
//! signals that concern the terminal, one for a wait for input that a
//! closed terminal never ends.

use super::terminal::{hold, reenter_terminal, restore_terminal};
use signal_hook::consts::{SIGCONT, SIGSTOP, SIGTSTP};
use signal_hook::iterator::Signals;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// Handles the signals that concern the terminal, on a thread of its own:
/// the main thread may be blocked reading a terminal that is gone.
/// SIGTERM, SIGHUP (the terminal closed), SIGINT and SIGQUIT restore the
/// terminal and exit with 128 + the signal. SIGTSTP restores it and stops
/// the process; SIGCONT sets it up again and asks for a whole new frame
/// (the shell drew over the screen meanwhile).
pub(super) fn watch_signals(
    mut signals: Signals,
    enhanced: Arc<AtomicBool>,
    screen: Arc<Mutex<()>>,
    repaint: Arc<AtomicBool>,
) {
    // Set from SIGTSTP to SIGCONT: the screen, held so that no frame is
    // drawn on the restored terminal.
    let mut stopped: Option<Option<MutexGuard<'_, ()>>> = None;
    for signal in signals.forever() {
        let enhanced_keys = enhanced.load(Ordering::Relaxed);
        match signal {
            SIGTSTP => {
                let held = stopped.take().unwrap_or_else(|| hold(&screen));
                restore_terminal(enhanced_keys);
                // The default action of SIGTSTP is replaced by this
                // handler; SIGSTOP stops the process the same way.
                let _ = signal_hook::low_level::raise(SIGSTOP);
                stopped = Some(held);
            }
            SIGCONT => {
                // Keyboard flags are a stack: push them again only if the
                // stop popped them.
                let was_stopped = stopped.is_some();
                let held = stopped.take().unwrap_or_else(|| hold(&screen));
                reenter_terminal(enhanced_keys && was_stopped);
                repaint.store(true, Ordering::Relaxed);
                drop(held);
            }
            _ => {
                let _held = stopped.take().unwrap_or_else(|| hold(&screen));
                restore_terminal(enhanced_keys);
                std::process::exit(128 + signal);
            }
        }
    }
}

/// When the main thread began waiting for input, if it is waiting.
#[derive(Default)]
pub(super) struct Watch {
    since: std::sync::Mutex<Option<std::time::Instant>>,
}

impl Watch {
    pub(super) fn start(&self) {
        if let Ok(mut since) = self.since.lock() {
            *since = Some(std::time::Instant::now());
        }
    }
    /// Counts the current wait, if any, from now.
    fn restart(&self) {
        if let Ok(mut since) = self.since.lock()
            && since.is_some()
        {
            *since = Some(std::time::Instant::now());
        }
    }
    pub(super) fn stop(&self) {
        if let Ok(mut since) = self.since.lock() {
            *since = None;
        }
    }
    fn stuck_for(&self) -> Duration {
        self.since
            .lock()
            .ok()
            .and_then(|s| s.map(|t| t.elapsed()))
            .unwrap_or_default()
    }
}

/// Restores what can be restored and leaves when a wait for input outlasts
/// its timeout by far: the terminal is gone.
pub(super) fn watch_waits(watched: Arc<Watch>, watched_keys: Arc<AtomicBool>) {
    let tick = Duration::from_millis(500);
    let mut last = std::time::Instant::now();
    loop {
        std::thread::sleep(tick);
        // A long gap between ticks means the whole process was stopped
        // (SIGSTOP, a debugger): the wait did not outlast its timeout.
        if last.elapsed() > 3 * tick {
            watched.restart();
        }
        last = std::time::Instant::now();
        if watched.stuck_for() > Duration::from_secs(3) {
            restore_terminal(watched_keys.load(Ordering::Relaxed));
            std::process::exit(1);
        }
    }
}
