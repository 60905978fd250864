//! The real binary in a pseudo-terminal (util-linux `script`): on SIGTERM
//! and SIGHUP it restores the terminal — mouse reporting off, the cursor
//! shown, the alternate screen left — and exits with 128 + the signal.

use std::io::Read;
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
    screen: Arc<Mutex<Vec<u8>>>,
    reader: Option<std::thread::JoinHandle<()>>,
    browser: u32,
}

impl Session {
    /// What the browser printed so far.
    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.screen.lock().unwrap()).into_owned()
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

/// Starts the browser in a pseudo-terminal and waits until it runs and has
/// taken over the screen. Nothing answers its terminal queries.
fn start_browser() -> Session {
    let bin = std::fs::canonicalize(env!("CARGO_BIN_EXE_dateline")).unwrap();
    let mut script = Command::new("script")
        .arg("-qfec")
        // A terminal of a real size: the first frame then has content.
        .arg(format!("stty rows 40 cols 120 && exec '{}'", bin.display()))
        .arg("/dev/null")
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("util-linux `script` runs the browser in a pseudo-terminal");
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
    let sent = Command::new("kill")
        .args([signal, &session.browser.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    session.wait()
}

fn assert_restored(screen: &str) {
    let entered = screen
        .find("\u{1b}[?1049h")
        .expect("the browser entered the alternate screen");
    let tail = &screen[entered..];
    for (sequence, what) in [
        ("\u{1b}[?1000l", "mouse reporting off"),
        ("\u{1b}[?25h", "cursor shown"),
        ("\u{1b}[?1049l", "alternate screen left"),
    ] {
        assert!(tail.contains(sequence), "{what} missing after a signal");
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
