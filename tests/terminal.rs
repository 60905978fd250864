//! The real binary in a pseudo-terminal (util-linux `script`): on SIGTERM,
//! SIGHUP, SIGINT and SIGQUIT it restores the terminal — mouse reporting and
//! bracketed paste off, the cursor shown, the alternate screen left — and
//! exits with 128 + the signal; on SIGTSTP it restores the terminal and
//! stops, and on SIGCONT takes the screen again and draws all of it. A
//! paste longer than the terminal's reads lands in the prompt at once.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The parent of process `pid`, from /proc.
fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // pid (comm) state ppid ...
    let (_, after_comm) = stat.rsplit_once(')')?;
    after_comm.split_whitespace().nth(1)?.parse().ok()
}

fn descends_from(mut pid: u32, ancestor: u32) -> bool {
    while let Some(parent) = parent_of(pid) {
        if parent == ancestor {
            return true;
        }
        if parent <= 1 {
            return false;
        }
        pid = parent;
    }
    false
}

/// The pid of the process under `ancestor` running `program`. `script`
/// starts it through `$SHELL -c`, which may or may not exec it, so the
/// browser is found by what it runs, not by its place in the tree.
fn find_program_under(ancestor: u32, program: &Path) -> Option<u32> {
    std::fs::read_dir("/proc")
        .ok()?
        .flatten()
        .find_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let exe: PathBuf = std::fs::read_link(entry.path().join("exe")).ok()?;
            (exe == program && descends_from(pid, ancestor)).then_some(pid)
        })
}

/// `script` running the browser, with a thread gathering what it prints.
struct Session {
    script: std::process::Child,
    keyboard: Option<std::process::ChildStdin>,
    screen: Arc<Mutex<Vec<u8>>>,
    reader: Option<std::thread::JoinHandle<()>>,
    browser: u32,
}

impl Session {
    /// What the browser printed so far.
    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.screen.lock().unwrap()).into_owned()
    }

    /// How many bytes the browser printed so far.
    fn printed(&self) -> usize {
        self.screen.lock().unwrap().len()
    }

    /// Types (or pastes) bytes into the terminal, all in one write.
    fn send(&mut self, bytes: &[u8]) {
        let keyboard = self.keyboard.as_mut().unwrap();
        keyboard.write_all(bytes).unwrap();
        keyboard.flush().unwrap();
    }

    /// Waits until what the browser printed after byte `from` satisfies
    /// `done`, and returns it.
    fn wait_for(&self, from: usize, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let printed = self.screen.lock().unwrap()[from..].to_vec();
            let text = String::from_utf8_lossy(&printed).into_owned();
            if done(&text) {
                return text;
            }
            assert!(Instant::now() < deadline, "{what}: {text:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn signal(&self, signal: &str) {
        let sent = Command::new("kill")
            .args([signal, &self.browser.to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
    }

    /// Waits for `script` to end and returns its exit code and everything
    /// the browser printed.
    fn wait(&mut self) -> (Option<i32>, String) {
        let status = self.script.wait().unwrap();
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        (status.code(), self.screen())
    }
}

fn binary() -> PathBuf {
    std::fs::canonicalize(env!("CARGO_BIN_EXE_dateline")).unwrap()
}

/// Starts the browser in a pseudo-terminal and waits until it runs and has
/// taken over the screen. Nothing answers its terminal queries.
fn start_browser() -> Session {
    start_browser_on(None)
}

/// The same, on a timeline file.
fn start_browser_on(path: Option<&Path>) -> Session {
    let bin = binary();
    let arg = path.map_or(String::new(), |p| format!(" '{}'", p.display()));
    let mut script = Command::new("script")
        .arg("-qfec")
        // A terminal of a real size: the first frame then has content.
        .arg(format!(
            "stty rows 40 cols 120 && exec '{}'{arg}",
            bin.display()
        ))
        .arg("/dev/null")
        .env("TERM", "xterm-256color")
        // What is written here reaches the browser as typed keys.
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("util-linux `script` runs the browser in a pseudo-terminal");
    let keyboard = script.stdin.take();
    let screen = Arc::new(Mutex::new(Vec::new()));
    let reader = {
        let screen = Arc::clone(&screen);
        let mut stdout = script.stdout.take().unwrap();
        std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                screen.lock().unwrap().extend_from_slice(&chunk[..n]);
            }
        })
    };
    // Signal only once the browser runs and has taken over the screen.
    let deadline = Instant::now() + Duration::from_secs(30);
    let browser = loop {
        let on_screen = screen
            .lock()
            .unwrap()
            .windows(8)
            .any(|w| w == b"\x1b[?1049h");
        if let Some(pid) = find_program_under(script.id(), &bin)
            && on_screen
        {
            break pid;
        }
        assert!(Instant::now() < deadline, "the browser did not start");
        std::thread::sleep(Duration::from_millis(50));
    };
    Session {
        script,
        keyboard,
        screen,
        reader: Some(reader),
        browser,
    }
}

impl Drop for Session {
    /// Closes the terminal, which ends the browser, even when a test failed.
    fn drop(&mut self) {
        let _ = self.script.kill();
        let _ = self.script.wait();
    }
}

/// Running or sleeping, as opposed to gone or a zombie.
fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let (_, rest) = stat.rsplit_once(')')?;
            rest.split_whitespace().next().map(|state| state != "Z")
        })
        .unwrap_or(false)
}

fn run_and_signal(signal: &str) -> (Option<i32>, String) {
    let mut session = start_browser();
    session.signal(signal);
    session.wait()
}

/// What the browser set up, each with what undoes it.
const SET_UP: [(&str, &str, &str); 4] = [
    ("\u{1b}[?1049h", "\u{1b}[?1049l", "alternate screen"),
    ("\u{1b}[?1000h", "\u{1b}[?1000l", "mouse reporting"),
    ("\u{1b}[?2004h", "\u{1b}[?2004l", "bracketed paste"),
    ("\u{1b}[?25l", "\u{1b}[?25h", "hidden cursor"),
];

fn assert_restored(screen: &str) {
    let entered = screen
        .find("\u{1b}[?1049h")
        .expect("the browser entered the alternate screen");
    let tail = &screen[entered..];
    for (_, undo, what) in SET_UP {
        assert!(tail.contains(undo), "{what} not undone after a signal");
    }
}

/// The state of process `pid`: R running, S sleeping, T stopped...
fn state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (_, rest) = stat.rsplit_once(')')?;
    rest.split_whitespace().next()?.chars().next()
}

fn wait_for_state(pid: u32, wanted: char, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while state(pid) != Some(wanted) {
        assert!(Instant::now() < deadline, "{what}: state {:?}", state(pid));
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn sigterm_restores_the_terminal_and_exits() {
    let (code, screen) = run_and_signal("-TERM");
    assert_eq!(code, Some(128 + 15));
    assert_restored(&screen);
}

#[test]
fn sighup_restores_the_terminal_and_exits() {
    let (code, screen) = run_and_signal("-HUP");
    assert_eq!(code, Some(128 + 1));
    assert_restored(&screen);
}

#[test]
fn sigint_restores_the_terminal_and_exits() {
    let (code, screen) = run_and_signal("-INT");
    assert_eq!(code, Some(128 + 2));
    assert_restored(&screen);
}

#[test]
fn sigquit_restores_the_terminal_and_exits() {
    let (code, screen) = run_and_signal("-QUIT");
    assert_eq!(code, Some(128 + 3));
    assert_restored(&screen);
}

#[test]
fn sigint_while_loading_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.jsonl");
    let generated = Command::new(binary())
        .args(["gen", "--events", "50000"])
        .stdout(std::fs::File::create(&big).unwrap())
        .status()
        .unwrap();
    assert!(generated.success());
    let mut session = start_browser_on(Some(&big));
    session.wait_for(0, "the load was shown", |s| s.contains("Loading"));
    session.signal("-INT");
    let (code, screen) = session.wait();
    assert_eq!(code, Some(128 + 2));
    assert_restored(&screen);
}

#[test]
fn sigtstp_restores_the_terminal_and_sigcont_redraws_all() {
    let mut session = start_browser();
    session.wait_for(0, "a first frame", |s| s.contains("Chronology"));
    let before_stop = session.printed();
    session.signal("-TSTP");
    wait_for_state(session.browser, 'T', "the browser did not stop");
    // `script`, like a shell, stops too when its child stops, and passes
    // nothing on until continued; continued, it continues the browser, as
    // `fg` would. (Continued before it stopped, it would stop for good.)
    let deadline = Instant::now() + Duration::from_secs(5);
    while state(session.script.id()) != Some('T') && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let sent = Command::new("kill")
        .args(["-CONT", &session.script.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    session.signal("-CONT");
    // The terminal restored before the stop, then set up again and the
    // whole frame drawn anew, not only what changed (nothing did).
    let out = session.wait_for(before_stop, "no whole frame after SIGCONT", |s| {
        s.find("\u{1b}[?1049l")
            .and_then(|left| s[left..].find("\u{1b}[?1049h").map(|back| left + back))
            .is_some_and(|back| s[back..].contains("Chronology") && s[back..].contains("Quotes"))
    });
    let left = out.find("\u{1b}[?1049l").unwrap();
    let back = left + out[left..].find("\u{1b}[?1049h").unwrap();
    for (set_up, undo, what) in SET_UP {
        assert!(out[..back].contains(undo), "{what} not undone on SIGTSTP");
        assert!(
            out[back..].contains(set_up),
            "{what} not set up again on SIGCONT"
        );
    }
    assert_ne!(state(session.browser), Some('T'));
    session.signal("-TERM");
    let (code, screen) = session.wait();
    assert_eq!(code, Some(128 + 15));
    assert_restored(&screen[before_stop + back..]);
}

/// The frame's text: ratatui moves the cursor over cells that stay blank
/// rather than writing spaces; a move stands for a space here.
fn cursor_moves_as_spaces(printed: &str) -> String {
    let mut out = String::new();
    let mut rest = printed;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(&rest[..at]);
        let sequence = &rest[at + 2..];
        let end = sequence
            .find(|c: char| !(c.is_ascii_digit() || c == ';' || c == '?'))
            .unwrap_or(sequence.len());
        if sequence[end..].starts_with('H') {
            out.push(' ');
        }
        rest = sequence.get(end + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

#[test]
fn a_long_paste_lands_at_once_and_keys_after_it_act() {
    let mut session = start_browser();
    session.wait_for(0, "a first frame", |s| s.contains("Chronology"));
    // Past crossterm's 1,024-byte reads, with line breaks, a tab and
    // controls that must not act, and keys typed right after it.
    let mut burst = b"/\x1b[200~".to_vec();
    for i in 0..80 {
        burst.extend_from_slice(format!("line {i:02} of the paste\n").as_bytes());
    }
    burst.extend_from_slice(b"bell\x07\x1b[2Jtab\there PASTEEND\x1b[201~");
    burst.extend_from_slice(b"zq");
    assert!(burst.len() > 1500);
    let from = session.printed();
    session.send(&burst);
    // The prompt scrolls to show the end of the text, the typed keys after
    // the paste; newlines and tabs became spaces, the controls are gone.
    let screen = session.wait_for(from, "the paste and the keys after it", |s| {
        s.contains("PASTEENDzq")
    });
    let text = cursor_moves_as_spaces(&screen);
    assert!(text.contains("bell[2Jtab here PASTEENDzq"), "{text:?}");
    assert!(!screen.contains('\u{7}'));
    // Enter runs the search at once.
    let from = session.printed();
    session.send(b"\r");
    session.wait_for(from, "the search ran", |s| s.contains("no match for"));
}

#[test]
fn a_terminal_closed_during_startup_ends_the_browser() {
    // The browser is still waiting for the terminal to answer its query
    // about key reporting when the terminal goes away.
    let mut session = start_browser();
    session.script.kill().unwrap();
    session.wait();
    let deadline = Instant::now() + Duration::from_secs(20);
    while alive(session.browser) {
        assert!(
            Instant::now() < deadline,
            "the browser outlived its terminal"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn the_first_frame_comes_before_the_terminal_query() {
    // Asking the terminal about key reporting waits for an answer that may
    // never come (none does here): the screen must not wait with it.
    let session = start_browser();
    let deadline = Instant::now() + Duration::from_secs(30);
    let screen = loop {
        let screen = session.screen();
        if screen.contains("\u{1b}[?u") {
            break screen;
        }
        assert!(Instant::now() < deadline, "the browser never asked");
        std::thread::sleep(Duration::from_millis(50));
    };
    let frame = screen
        .find("Chronology")
        .unwrap_or_else(|| panic!("a frame was drawn: {screen:?}"));
    let query = screen.find("\u{1b}[?u").unwrap();
    assert!(
        frame < query,
        "the first frame waited for the terminal query"
    );
}

#[test]
fn keys_past_one_read_are_all_handled() {
    // More keys at once than one read of the terminal takes (1,024 bytes):
    // the last one, which opens the help, must act without another key
    // arriving after it.
    let mut session = start_browser();
    session.wait_for(0, "a first frame", |s| s.contains("Chronology"));
    let mut burst = b"jk".repeat(700);
    burst.push(b'?');
    let from = session.printed();
    session.send(&burst);
    session.wait_for(from, "the help did not open", |s| {
        s.contains("Esc or ? closes")
    });
}
