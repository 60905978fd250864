//! The terminal side: sets the terminal up and always restores it (on quit,
//! on error, on panic, on SIGTERM, SIGHUP, SIGINT and SIGQUIT; on SIGTSTP
//! until SIGCONT), loads the timeline on a background thread while the
//! screen is live, and runs the event loop.

use crate::app::{Action, App, Effect, ExportOutcome, ExportRequest, keymap};
use crate::load::{self, LoadError, LoadOptions, Progress};
use crate::model::Timeline;
use crate::query::spec::FilterSpec;
use crate::ui::{self, Theme};
use base64::Engine;
use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, KeyboardEnhancementFlags, MouseEventKind, PopKeyboardEnhancementFlags,
    PushKeyboardEnhancementFlags,
};
use ratatui::crossterm::terminal::{Clear, ClearType, EnterAlternateScreen};
use ratatui::crossterm::{execute, terminal};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, mpsc};
use std::time::{Duration, Instant};

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

/// Carries out what the app asked for, the app itself doing no I/O;
/// answers come back to it as actions.
fn carry_out(app: &mut App, input: Option<&std::path::Path>) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout();
    for effect in std::mem::take(&mut app.outbox) {
        match effect {
            Effect::Copy(text) => {
                // OSC 52: the terminal puts the (base64) text on the clipboard,
                // if it allows it; nothing comes back to say whether it did.
                let data = base64::engine::general_purpose::STANDARD.encode(text);
                write!(out, "\x1b]52;c;{data}\x07")?;
                out.flush()?;
            }
            Effect::Export(request) => {
                let answer = export(app, request, input);
                app.update(answer);
            }
        }
    }
    Ok(())
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
        // A paste then comes as one event, which no key binding can act on.
        execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
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
    let _ = execute!(out, DisableBracketedPaste, DisableMouseCapture, Show);
    // try_restore: restore() prints on failure, and printing to a closed
    // terminal panics.
    let _ = ratatui::try_restore();
}

/// Sets the terminal up again after a stop: what `TerminalGuard::start`
/// and `disambiguate_keys` did, without asking the terminal anything.
fn reenter_terminal(enhanced_keys: bool) {
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
fn hold(screen: &Mutex<()>) -> Option<MutexGuard<'_, ()>> {
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

/// Handles the signals that concern the terminal, on a thread of its own:
/// the main thread may be blocked reading a terminal that is gone.
/// SIGTERM, SIGHUP (the terminal closed), SIGINT and SIGQUIT restore the
/// terminal and exit with 128 + the signal. SIGTSTP restores it and stops
/// the process; SIGCONT sets it up again and asks for a whole new frame
/// (the shell drew over the screen meanwhile).
fn watch_signals(
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

/// The action for an input event, if any.
fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => keymap::dispatch(app.mode(), &key),
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
            MouseEventKind::Down(_) => Some(match ui::item_at(app, m.column, m.row) {
                Some((pane, index)) => Action::SelectItem { pane, index },
                None => Action::Click {
                    column: m.column,
                    row: m.row,
                },
            }),
            _ => None,
        },
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
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
    /// The head of the file, to browse while the rest loads.
    Preview(Box<Timeline>),
    Done(Box<Result<Arc<Timeline>, LoadError>>),
}

/// Writes an export: the one place the browser writes a file. Never over
/// the input, never over an existing file unless the user said so, and
/// through a temporary file renamed into place. The answer is an action.
pub fn export(app: &App, request: ExportRequest, input: Option<&std::path::Path>) -> Action {
    let mut opts = crate::export::Options::new(request.format);
    // The browser groups TimelineJS slides by country.
    opts.group = Some(crate::export::Group::Country);
    opts.description = request.description.clone();
    let inputs: Vec<&std::path::Path> = input.into_iter().collect();
    let outcome = match crate::export::write_file(
        &request.path,
        &inputs,
        request.replace,
        &app.timeline,
        &request.events,
        &opts,
    ) {
        Ok(written) => ExportOutcome::Wrote {
            // Where it is, whatever directory the path was typed relative to.
            path: std::fs::canonicalize(&request.path)
                .unwrap_or(request.path)
                .display()
                .to_string(),
            events: written.events,
            notes: written.notes(),
        },
        Err(crate::export::ExportError::Exists(_)) => ExportOutcome::Exists(request),
        Err(e) => ExportOutcome::Failed(e.to_string()),
    };
    Action::Exported(outcome)
}

/// The name default export files start with: the timeline file's or
/// directory's name.
fn export_base(path: Option<&std::path::Path>) -> String {
    let path = path.unwrap_or(std::path::Path::new(load::BUILTIN_NAME));
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "timeline".into())
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

/// A loaded timeline, shared, with what search needs gathered on a thread
/// of its own so that the first search does not wait for it.
fn prepared(t: Timeline) -> Arc<Timeline> {
    let t = Arc::new(t);
    let shared = Arc::clone(&t);
    std::thread::spawn(move || shared.prepare_search());
    t
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
