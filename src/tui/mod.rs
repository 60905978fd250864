//! The terminal side: sets the terminal up and always restores it (on quit,
//! on error, on panic, on SIGTERM, SIGHUP, SIGINT and SIGQUIT; on SIGTSTP
//! until SIGCONT), loads the timeline on a background thread while the
//! screen is live, and runs the event loop.

mod effects;
mod input;
mod loading;
mod terminal;
mod watchers;

pub use effects::export;

use effects::{carry_out, export_base};
use input::action_for;
use loading::{LoadMessage, prepared};
use terminal::{TerminalGuard, hold};
use watchers::{Watch, watch_signals, watch_waits};

use crate::app::{Action, App, keymap};
use crate::load::{self, LoadError, LoadOptions, Progress};
use crate::query::spec::FilterSpec;
use crate::ui::{self, Theme};
use ratatui::crossterm::event::{self, Event};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

/// Events handled between two frames at most: a flood of input still lets
/// the screen catch up now and then.
const DRAIN_LIMIT: usize = 4096;

#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("the terminal")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("loading cancelled")]
    Cancelled,
    #[error(transparent)]
    Filter(#[from] crate::query::spec::SpecError),
}

/// What the browser opens, how it reads it, and under which filter.
pub struct Source {
    /// A timeline file or directory; `None` is the built-in timeline.
    pub path: Option<PathBuf>,
    pub import: load::ImportOptions,
    pub limits: load::Limits,
    pub allow_outside: Vec<PathBuf>,
    /// The filter the command line gave.
    pub filter: FilterSpec,
    /// Whether and where the loaded store's snapshot is kept.
    pub snapshot: crate::snapshot::Settings,
}

pub fn run(source: Source) -> Result<(), TuiError> {
    let Source {
        path,
        import,
        limits,
        allow_outside,
        filter,
        snapshot,
    } = source;
    let input = path.clone();
    let signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    let theme = Theme::from_env();
    let cancel = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel::<LoadMessage>();
    // The snapshot being written, waited for on quitting so that the next
    // open finds it.
    let writer: Arc<Mutex<Option<std::thread::JoinHandle<()>>>> = Arc::default();
    let writer_for_load = Arc::clone(&writer);
    let mut app = match path {
        None => App::with_filter(prepared(load::load_builtin()?), &filter)?,
        Some(path) => {
            let total = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            let cancel = Arc::clone(&cancel);
            let writer = writer_for_load;
            std::thread::spawn(move || {
                let progress_tx = tx.clone();
                let report = move |p: Progress| {
                    let _ = progress_tx.send(LoadMessage::Progress(p));
                };
                let opts = LoadOptions {
                    progress: Some(&report),
                    cancel: Some(&cancel),
                    import: Some(&import),
                    limits,
                    allow_outside: &allow_outside,
                    ..LoadOptions::default()
                };
                // The head is shown only when the file itself is read: a
                // sound snapshot opens faster than the head would.
                let show_head = || {
                    if let Some(head) = load::preview::preview_path(&path, opts) {
                        let _ = tx.send(LoadMessage::Preview(Box::new(head)));
                    }
                };
                let result =
                    crate::snapshot::open_then(&path, opts, &snapshot, show_head).map(|opened| {
                        let t = prepared(opened.timeline);
                        if let Some(pending) = opened.pending {
                            // Written while the user browses: the first frame does not wait.
                            let shared = Arc::clone(&t);
                            let writing = std::thread::spawn(move || {
                                let _ = pending.write(&shared);
                            });
                            if let Ok(mut slot) = writer.lock() {
                                *slot = Some(writing);
                            }
                        }
                        t
                    });
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
    let screen = Arc::new(Mutex::new(()));
    let repaint = Arc::new(AtomicBool::new(false));
    {
        let (enhanced, screen, repaint) = (
            Arc::clone(&enhanced),
            Arc::clone(&screen),
            Arc::clone(&repaint),
        );
        std::thread::spawn(move || watch_signals(signals, enhanced, screen, repaint));
    }
    // crossterm reads a closed terminal in a loop that never returns. When
    // a wait for input outlasts its timeout by far, the terminal is gone:
    // restore what can be restored and leave.
    let waiting = Arc::new(Watch::default());
    let watched = Arc::clone(&waiting);
    let watched_keys = Arc::clone(&enhanced);
    std::thread::spawn(move || watch_waits(watched, watched_keys));
    let mut guard = TerminalGuard::start(Arc::clone(&enhanced))?;
    let mut asked_about_keys = false;
    let size = guard.terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    app.export_base = export_base(input.as_deref());
    loop {
        {
            let _held = hold(&screen);
            if repaint.swap(false, Ordering::Relaxed) {
                // Back from a stop: the screen was cleared (it held what
                // the shell drew), so forget the last frame and draw the
                // next one whole. (Terminal::clear would ask the terminal
                // where its cursor is and wait for an answer.) Its size
                // may have changed meanwhile.
                guard.terminal.swap_buffers();
                let size = guard.terminal.size()?;
                app.update(Action::Resize(size.width, size.height));
            }
            guard
                .terminal
                .draw(|frame| ui::render(&app, frame, &theme))?;
        }
        if !asked_about_keys {
            asked_about_keys = true;
            guard.disambiguate_keys(&waiting)?;
        }
        if app.quit {
            cancel.store(true, Ordering::Relaxed);
            if app.cancelled {
                return Err(TuiError::Cancelled);
            }
            // The screen is the shell's again while the snapshot finishes.
            drop(guard);
            let writing = writer.lock().ok().and_then(|mut slot| slot.take());
            if let Some(writing) = writing {
                if !writing.is_finished() {
                    // A second or so at a million events: say why the
                    // prompt has not come back yet.
                    eprintln!("dateline: finishing the snapshot that reopens this file fast…");
                }
                let _ = writing.join();
            }
            return Ok(());
        }
        if app.loading.is_some() {
            // The preview is drawn at once, before the whole timeline (even
            // when it comes right behind) and before waiting for keys.
            let mut draw_now = false;
            while let Ok(message) = rx.try_recv() {
                match message {
                    LoadMessage::Progress(p) => app.update(Action::LoadProgress(p)),
                    // A head the command line's filter does not resolve on
                    // (an actor further on) is not shown: the whole decides.
                    LoadMessage::Preview(head) if app.loading_screen() => {
                        let progress = app.loading.unwrap_or_default();
                        if let Ok(partial) = App::partial(prepared(*head), &filter, progress) {
                            let size = app.size;
                            app = partial;
                            app.update(Action::Resize(size.0, size.1));
                            app.export_base = export_base(input.as_deref());
                            draw_now = true;
                            break;
                        }
                    }
                    LoadMessage::Preview(_) => {}
                    LoadMessage::Done(result) if app.partial => {
                        let whole = (*result)?;
                        app.update(Action::Loaded(crate::app::Loaded(whole)));
                        // Drawn at once: the wait for keys below is a
                        // quarter of a second once nothing loads.
                        draw_now = true;
                    }
                    LoadMessage::Done(result) => {
                        let size = app.size;
                        app = App::with_filter((*result)?, &filter)?;
                        app.update(Action::Resize(size.0, size.1));
                        app.export_base = export_base(input.as_deref());
                        // Drawn at once, not after the wait for keys below
                        // (a quarter of a second once nothing loads).
                        draw_now = true;
                    }
                }
            }
            if draw_now {
                continue;
            }
        }
        // While the loading screen shows, the loaded timeline is looked for
        // often (a reopen from a snapshot takes a fifth of a second); while
        // a preview is browsed, the progress is redrawn a few times a second.
        let timeout = Duration::from_millis(if app.loading_screen() {
            10
        } else if app.loading.is_some() {
            50
        } else {
            250
        });
        // Everything already typed or pasted is handled before the next
        // frame: keys after a paste act at once, not one frame each. (The
        // shortest wait that still reads: a zero one does not look.)
        let mut wait = timeout;
        for _ in 0..DRAIN_LIMIT {
            waiting.start();
            let ready = event::poll(wait)?;
            let event = if ready { Some(event::read()?) } else { None };
            waiting.stop();
            let Some(event) = event else { break };
            let events: Vec<Event> = match event {
                Event::Key(key) => keymap::presses(key).map(Event::Key).collect(),
                other => vec![other],
            };
            for event in events {
                if let Some(action) = action_for(&app, event) {
                    app.update(action);
                }
                if app.quit {
                    break;
                }
            }
            if app.quit {
                break;
            }
            wait = Duration::from_millis(1);
        }
        carry_out(&mut app, input.as_deref())?;
    }
}
