//! The tests of reading a file in parts: lines and split points.

use super::*;

fn lines_of(text: &[u8], capacity: usize) -> Vec<Vec<u8>> {
    let mut reader = BufReader::with_capacity(capacity, text);
    let mut out = Vec::new();
    let error = each_line(&mut reader, |l| {
        out.push(l.to_vec());
        Ok(())
    });
    assert!(matches!(error, Ok(None)));
    out
}

#[test]
fn lines_come_whole_whatever_the_buffer() {
    let text = b"first\n\nthird line, longer than the buffer\r\nlast";
    let want: Vec<Vec<u8>> = vec![
        b"first\n".to_vec(),
        b"\n".to_vec(),
        b"third line, longer than the buffer\r\n".to_vec(),
        b"last".to_vec(),
    ];
    for capacity in [1, 2, 5, 7, 64, 1 << 16] {
        assert_eq!(lines_of(text, capacity), want, "buffer of {capacity}");
    }
    assert!(lines_of(b"", 8).is_empty());
    assert_eq!(lines_of(b"a\n", 8), vec![b"a\n".to_vec()]);
}

#[test]
fn a_line_error_stops_the_lines() {
    let mut reader = BufReader::with_capacity(4, &b"a\nb\nc\n"[..]);
    let mut seen = 0;
    let result = each_line(&mut reader, |_| {
        seen += 1;
        if seen == 2 {
            return Err(LoadError::Cancelled);
        }
        Ok(())
    });
    assert!(matches!(result, Err(LoadError::Cancelled)));
    assert_eq!(seen, 2);
}

#[test]
fn parts_start_just_after_a_newline_and_never_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lines");
    let text = "aaaa\nbb\ncccccccccccccccccccc\nd\n";
    std::fs::write(&path, text).unwrap();
    let total = text.len() as u64;
    let starts = split_points(&path, total, 8);
    assert_eq!(starts[0], 0);
    for w in starts.windows(2) {
        assert!(w[0] < w[1], "{starts:?}");
    }
    for &s in &starts[1..] {
        assert_eq!(text.as_bytes()[s as usize - 1], b'\n', "{starts:?}");
    }
    assert_eq!(starts, vec![0, 5, 8, 29]);
    assert_eq!(split_points(&path, total, 1), vec![0]);
}
