//! The real binary in a pseudo-terminal (util-linux `script`): on SIGTERM
//! and SIGHUP it restores the terminal — mouse reporting off, the cursor
//! shown, the alternate screen left — and exits with 128 + the signal.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The pid of `parent`'s first child, waiting for it to appear.
fn child_of(parent: u32) -> u32 {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        for entry in std::fs::read_dir("/proc").unwrap().flatten() {
            let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
                continue;
            };
            // pid (comm) state ppid ...
            let after_comm = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
            let ppid = after_comm
                .split_whitespace()
                .nth(1)
                .and_then(|p| p.parse::<u32>().ok());
            if ppid == Some(parent) {
                return entry.file_name().to_string_lossy().parse().unwrap();
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the browser did not start");
}

fn run_and_signal(signal: &str) -> (Option<i32>, String) {
    let bin = env!("CARGO_BIN_EXE_dateline");
    let script = Command::new("script")
        .args(["-qfec", bin, "/dev/null"])
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("util-linux `script` runs the browser in a pseudo-terminal");
    let browser = child_of(script.id());
    // Let it draw its first frame before the signal.
    std::thread::sleep(Duration::from_millis(700));
    let sent = Command::new("kill")
        .args([signal, &browser.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let out = script.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
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
