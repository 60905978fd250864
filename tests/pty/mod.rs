//! The real binary in a pseudo-terminal (util-linux `script`), for the
//! terminal tests: start it, type into it, signal it, read what it prints.

// Each test file uses a part of this.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The parent of process `pid`, from /proc.
pub fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // pid (comm) state ppid ...
    let (_, after_comm) = stat.rsplit_once(')')?;
    after_comm.split_whitespace().nth(1)?.parse().ok()
}

pub fn descends_from(mut pid: u32, ancestor: u32) -> bool {
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
pub fn find_program_under(ancestor: u32, program: &Path) -> Option<u32> {
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
pub struct Session {
    pub script: std::process::Child,
    keyboard: Option<std::process::ChildStdin>,
    screen: Arc<Mutex<Vec<u8>>>,
    reader: Option<std::thread::JoinHandle<()>>,
    pub browser: u32,
    /// The browser's own cache folder, so no test writes snapshots into the
    /// cache of whoever runs the tests.
    pub cache: tempfile::TempDir,
}

impl Session {
    /// What the browser printed so far.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.screen.lock().unwrap()).into_owned()
    }

    /// How many bytes the browser printed so far.
    pub fn printed(&self) -> usize {
        self.screen.lock().unwrap().len()
    }

    /// Types (or pastes) bytes into the terminal, all in one write.
    pub fn send(&mut self, bytes: &[u8]) {
        let keyboard = self.keyboard.as_mut().unwrap();
        keyboard.write_all(bytes).unwrap();
        keyboard.flush().unwrap();
    }

    /// Waits until what the browser printed after byte `from` satisfies
    /// `done`, and returns it.
    pub fn wait_for(&self, from: usize, what: &str, done: impl Fn(&str) -> bool) -> String {
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

    pub fn signal(&self, signal: &str) {
        let sent = Command::new("kill")
            .args([signal, &self.browser.to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
    }

    /// Waits for `script` to end and returns its exit code and everything
    /// the browser printed.
    pub fn wait(&mut self) -> (Option<i32>, String) {
        let status = self.script.wait().unwrap();
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        (status.code(), self.screen())
    }
}

pub fn binary() -> PathBuf {
    std::fs::canonicalize(env!("CARGO_BIN_EXE_dateline")).unwrap()
}

/// Starts the browser in a pseudo-terminal and waits until it runs and has
/// taken over the screen. Nothing answers its terminal queries.
pub fn start_browser() -> Session {
    start_browser_on(None)
}

/// The same, on a timeline file.
pub fn start_browser_on(path: Option<&Path>) -> Session {
    let bin = binary();
    let arg = path.map_or(String::new(), |p| format!(" '{}'", p.display()));
    let cache = tempfile::tempdir().expect("a cache folder");
    let mut script = Command::new("script")
        .arg("-qfec")
        // A terminal of a real size: the first frame then has content.
        .arg(format!(
            "stty rows 40 cols 120 && exec '{}'{arg}",
            bin.display()
        ))
        .arg("/dev/null")
        .env("TERM", "xterm-256color")
        .env("XDG_CACHE_HOME", cache.path())
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
        cache,
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
pub fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let (_, rest) = stat.rsplit_once(')')?;
            rest.split_whitespace().next().map(|state| state != "Z")
        })
        .unwrap_or(false)
}

/// The state of process `pid`: R running, S sleeping, T stopped...
pub fn state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (_, rest) = stat.rsplit_once(')')?;
    rest.split_whitespace().next()?.chars().next()
}

pub fn wait_for_state(pid: u32, wanted: char, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while state(pid) != Some(wanted) {
        assert!(Instant::now() < deadline, "{what}: state {:?}", state(pid));
        std::thread::sleep(Duration::from_millis(20));
    }
}
