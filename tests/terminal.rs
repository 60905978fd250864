//! The real binary in a pseudo-terminal (util-linux `script`): on SIGTERM,
//! SIGHUP, SIGINT and SIGQUIT it restores the terminal — mouse reporting and
//! bracketed paste off, the cursor shown, the alternate screen left — and
//! exits with 128 + the signal; on SIGTSTP it restores the terminal and
//! stops, and on SIGCONT takes the screen again and draws all of it.

mod pty;

use pty::{alive, binary, start_browser, start_browser_on, state, wait_for_state};
use std::process::Command;
use std::time::{Duration, Instant};

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
