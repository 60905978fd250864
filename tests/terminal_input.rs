//! Input to the real binary in a pseudo-terminal (util-linux `script`): a
//! paste longer than one read of the terminal lands in the prompt at once,
//! and every key of a long burst acts without waiting for another.

mod pty;

use pty::start_browser;

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
    session.wait_for(from, "the help did not open", |s| s.contains("Esc closes"));
}
