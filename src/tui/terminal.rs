//! The terminal set up, restored and set up again: the guard that restores
//! it whatever way the loop ends, and the lock that keeps a frame from being
//! drawn while the terminal is restored or re-entered.

use super::watchers::Watch;
use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    KeyboardEnhancementFlags, PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use ratatui::crossterm::terminal::{Clear, ClearType, EnterAlternateScreen};
use ratatui::crossterm::{execute, terminal};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Restores the terminal when dropped, whatever way the loop ends.
pub(super) struct TerminalGuard {
    pub(super) terminal: DefaultTerminal,
    /// Whether keyboard enhancement was pushed (the signal thread reads it
    /// too, to undo it).
    enhanced: Arc<AtomicBool>,
}

impl TerminalGuard {
    pub(super) fn start(enhanced: Arc<AtomicBool>) -> std::io::Result<TerminalGuard> {
        // ratatui::init also installs a panic hook that restores the terminal.
        let terminal = ratatui::init();
        // A paste then comes as one event, which no key binding can act on.
        execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
        Ok(TerminalGuard { terminal, enhanced })
    }

    /// Where the terminal can tell Ctrl-i from Tab, asks it to. The query
    /// waits for the terminal's answer (two seconds where none comes), so it
    /// runs once the first frame is on screen; `waiting` covers it, since it
    /// reads the terminal too.
    pub(super) fn disambiguate_keys(&self, waiting: &Watch) -> std::io::Result<()> {
        waiting.start();
        let supported = terminal::supports_keyboard_enhancement().unwrap_or(false);
        waiting.stop();
        if supported {
            execute!(
                std::io::stdout(),
                PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
            )?;
            self.enhanced.store(true, Ordering::Relaxed);
        }
        Ok(())
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal(self.enhanced.load(Ordering::Relaxed));
    }
}

pub(super) fn restore_terminal(enhanced_keys: bool) {
    let mut out = std::io::stdout();
    if enhanced_keys {
        let _ = execute!(out, PopKeyboardEnhancementFlags);
    }
    // The cursor too: leaving from a signal skips the Terminal's own drop.
    let _ = execute!(out, DisableBracketedPaste, DisableMouseCapture, Show);
    // try_restore: restore() prints on failure, and printing to a closed
    // terminal panics.
    let _ = ratatui::try_restore();
}

/// Sets the terminal up again after a stop: what `TerminalGuard::start`
/// and `disambiguate_keys` did, without asking the terminal anything.
pub(super) fn reenter_terminal(enhanced_keys: bool) {
    let mut out = std::io::stdout();
    let _ = terminal::enable_raw_mode();
    let _ = execute!(
        out,
        EnterAlternateScreen,
        Clear(ClearType::All),
        EnableMouseCapture,
        EnableBracketedPaste,
        Hide
    );
    if enhanced_keys {
        let _ = execute!(
            out,
            PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
        );
    }
}

/// The screen, held while a frame is drawn and while the signal thread
/// restores or re-enters the terminal, so that the two never interleave.
/// A draw stuck on a terminal that no longer reads is waited for briefly.
pub(super) fn hold(screen: &Mutex<()>) -> Option<MutexGuard<'_, ()>> {
    let deadline = Instant::now() + Duration::from_millis(500);
    loop {
        match screen.try_lock() {
            Ok(held) => return Some(held),
            Err(std::sync::TryLockError::Poisoned(p)) => return Some(p.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(std::sync::TryLockError::WouldBlock) => return None,
        }
    }
}
