//! The terminal side: sets the terminal up and always restores it (on quit,
//! on error, on panic, on SIGTERM and SIGHUP), loads the timeline on a
//! background thread while the screen is live, and runs the event loop.

use crate::app::{Action, App, keymap};
use crate::load::{self, LoadError, LoadOptions, Progress};
use crate::model::Timeline;
use crate::query::spec::FilterSpec;
use crate::ui::{self, Theme};
use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, KeyboardEnhancementFlags,
    MouseEventKind, PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use ratatui::crossterm::{execute, terminal};
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("the terminal")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Filter(#[from] crate::query::spec::SpecError),
}

/// Restores the terminal when dropped, whatever way the loop ends.
struct TerminalGuard {
    terminal: DefaultTerminal,
    /// Whether keyboard enhancement was pushed (the signal thread reads it
    /// too, to undo it).
    enhanced: Arc<AtomicBool>,
}

impl TerminalGuard {
    fn start(enhanced: Arc<AtomicBool>) -> std::io::Result<TerminalGuard> {
        // ratatui::init also installs a panic hook that restores the terminal.
        let terminal = ratatui::init();
        execute!(std::io::stdout(), EnableMouseCapture)?;
        Ok(TerminalGuard { terminal, enhanced })
    }

    /// Where the terminal can tell Ctrl-i from Tab, asks it to. The query
    /// waits for the terminal's answer (two seconds where none comes), so it
    /// runs once the first frame is on screen; `waiting` covers it, since it
    /// reads the terminal too.
    fn disambiguate_keys(&self, waiting: &Watch) -> std::io::Result<()> {
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

fn restore_terminal(enhanced_keys: bool) {
    let mut out = std::io::stdout();
    if enhanced_keys {
        let _ = execute!(out, PopKeyboardEnhancementFlags);
    }
    // The cursor too: leaving from a signal skips the Terminal's own drop.
    let _ = execute!(out, DisableMouseCapture, Show);
    // try_restore: restore() prints on failure, and printing to a closed
    // terminal panics.
    let _ = ratatui::try_restore();
}

/// When the main thread began waiting for input, if it is waiting.
#[derive(Default)]
struct Watch {
    since: std::sync::Mutex<Option<std::time::Instant>>,
}

impl Watch {
    fn start(&self) {
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
    fn stop(&self) {
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

enum LoadMessage {
    Progress(Progress),
    Done(Box<Result<Timeline, LoadError>>),
}

/// A loaded timeline, shared, with what search needs gathered on a thread
/// of its own so that the first search does not wait for it.
fn prepared(t: Timeline) -> Arc<Timeline> {
    let t = Arc::new(t);
    let shared = Arc::clone(&t);
    std::thread::spawn(move || shared.prepare_search());
    t
}

/// Opens the browser on a timeline file or directory, or the built-in one,
/// under the filter the command line gave.
pub fn run(path: Option<PathBuf>, filter: FilterSpec) -> Result<(), TuiError> {
    let mut signals = Signals::new([SIGTERM, SIGHUP])?;
    let theme = Theme::from_env();
    let cancel = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel::<LoadMessage>();
    let mut app = match path {
        None => App::with_filter(prepared(load::load_builtin()?), &filter)?,
        Some(path) => {
            let total = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            let cancel = Arc::clone(&cancel);
            std::thread::spawn(move || {
                let progress_tx = tx.clone();
                let report = move |p: Progress| {
                    let _ = progress_tx.send(LoadMessage::Progress(p));
                };
                let opts = LoadOptions {
                    progress: Some(&report),
                    cancel: Some(&cancel),
                    ..LoadOptions::default()
                };
                let result = load::load_path_with(&path, opts);
                let _ = tx.send(LoadMessage::Done(Box::new(result)));
            });
            App::loading(Progress {
                total_bytes: total,
                ..Progress::default()
            })
        }
    };

    // Both watchers start before the terminal is touched: setting it up
    // reads it too, and the terminal may vanish at any moment.
    let enhanced = Arc::new(AtomicBool::new(false));
    // On SIGTERM or SIGHUP (the terminal closed) restore the terminal and
    // leave from a thread of its own: the main thread may be blocked reading
    // a terminal that is gone.
    let signalled = Arc::clone(&enhanced);
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore_terminal(signalled.load(Ordering::Relaxed));
            std::process::exit(128 + signal);
        }
    });
    // crossterm reads a closed terminal in a loop that never returns. When
    // a wait for input outlasts its timeout by far, the terminal is gone:
    // restore what can be restored and leave.
    let waiting = Arc::new(Watch::default());
    let watched = Arc::clone(&waiting);
    let watched_keys = Arc::clone(&enhanced);
    std::thread::spawn(move || {
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
    });
    let mut guard = TerminalGuard::start(Arc::clone(&enhanced))?;
    let mut asked_about_keys = false;
    let size = guard.terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    loop {
        guard
            .terminal
            .draw(|frame| ui::render(&app, frame, &theme))?;
        if !asked_about_keys {
            asked_about_keys = true;
            guard.disambiguate_keys(&waiting)?;
        }
        if app.quit {
            cancel.store(true, Ordering::Relaxed);
            return Ok(());
        }
        if app.loading.is_some() {
            while let Ok(message) = rx.try_recv() {
                match message {
                    LoadMessage::Progress(p) => app.loading = Some(p),
                    LoadMessage::Done(result) => {
                        let size = app.size;
                        app = App::with_filter(prepared((*result)?), &filter)?;
                        app.update(Action::Resize(size.0, size.1));
                    }
                }
            }
        }
        let timeout = Duration::from_millis(if app.loading.is_some() { 50 } else { 250 });
        waiting.start();
        let ready = event::poll(timeout)?;
        let event = if ready { Some(event::read()?) } else { None };
        waiting.stop();
        let Some(event) = event else { continue };
        let action = match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                keymap::dispatch(app.mode(), &key)
            }
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollDown => Some(Action::Scroll {
                    column: m.column,
                    row: m.row,
                    down: true,
                }),
                MouseEventKind::ScrollUp => Some(Action::Scroll {
                    column: m.column,
                    row: m.row,
                    down: false,
                }),
                MouseEventKind::Down(_) => Some(match ui::item_at(&app, m.column, m.row) {
                    Some((pane, index)) => Action::SelectItem { pane, index },
                    None => Action::Click {
                        column: m.column,
                        row: m.row,
                    },
                }),
                _ => None,
            },
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(action) = action {
            app.update(action);
        }
    }
}
