//! The real binary in a pseudo-terminal (util-linux `script`): Esc on the
//! loading screen says the load was cancelled and exits with status 1.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[test]
fn esc_on_the_loading_screen_says_cancelled_and_exits_1() {
    // A named pipe that nothing writes to: the load never ends by itself.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("never.jsonl");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let bin = std::fs::canonicalize(env!("CARGO_BIN_EXE_dateline")).unwrap();
    let mut script = Command::new("script")
        .arg("-qfec")
        .arg(format!(
            "stty rows 24 cols 80 && exec '{}' '{}'",
            bin.display(),
            fifo.display()
        ))
        .arg("/dev/null")
        .env("TERM", "xterm-256color")
        .stdin(Stdio::piped())
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
    let shown = |text: &str| String::from_utf8_lossy(&screen.lock().unwrap()).contains(text);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !shown("Esc cancels") {
        assert!(Instant::now() < deadline, "the loading screen never showed");
        std::thread::sleep(Duration::from_millis(50));
    }
    // Past the browser's query about key reporting (two seconds at most
    // when the terminal does not answer), so the key is read as a key.
    std::thread::sleep(Duration::from_millis(2500));
    let mut stdin = script.stdin.take().unwrap();
    stdin.write_all(b"\x1b").unwrap();
    stdin.flush().unwrap();
    let status = loop {
        if let Some(status) = script.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = script.kill();
            panic!("Esc did not end the browser");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    drop(stdin);
    reader.join().unwrap();
    assert_eq!(status.code(), Some(1));
    assert!(
        shown("dateline: loading cancelled"),
        "the message is printed"
    );
}
