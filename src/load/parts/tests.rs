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

/// A file of `lines` numbered lines: its folder, path and size.
fn numbered_file(lines: usize) -> (tempfile::TempDir, std::path::PathBuf, u64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lines");
    let text: String = (0..lines).map(|i| format!("{i:04}\n")).collect();
    std::fs::write(&path, &text).unwrap();
    (dir, path, text.len() as u64)
}

fn parts_of(parts: usize) -> LoadOptions<'static> {
    LoadOptions {
        parallel_from: 0,
        parts,
        ..LoadOptions::default()
    }
}

/// Reads a part's lines, giving the numbers they hold and their count; a
/// part holding a line of `fail` fails with a problem naming that line.
fn numbers_read(
    fail: &'static [u32],
) -> impl Fn(&mut Builder, &mut dyn BufRead, Part<'_>) -> PartResult<Vec<u32>> + Sync {
    move |_, reader, _| {
        let mut numbers = Vec::new();
        each_line(reader, |l| {
            let n: u32 = std::str::from_utf8(l).unwrap().trim().parse().unwrap();
            numbers.push(n);
            Ok(())
        })
        .unwrap();
        if let Some(bad) = numbers.iter().find(|n| fail.contains(n)) {
            return Err(LoadError::Invalid {
                diagnostics: vec![crate::load::diagnostics::Diagnostic {
                    file: "lines".into(),
                    position: Some((*bad as usize + 1, 1)),
                    subject: None,
                    message: "bad".into(),
                }],
                total: 1,
            });
        }
        Ok((numbers.len(), numbers))
    }
}

#[test]
fn parts_come_back_in_file_order_whichever_core_reads_them() {
    let (_dir, path, total) = numbered_file(500);
    for parts in [2, 3, 8, 33] {
        let mut builder = Builder::new();
        let handle = std::fs::File::open(&path).unwrap();
        let values = read_lines(
            &mut builder,
            0,
            &path,
            handle,
            total,
            parts_of(parts),
            &numbers_read(&[]),
        )
        .unwrap();
        assert_eq!(values.len(), parts, "{parts} parts");
        let all: Vec<u32> = values.into_iter().flatten().collect();
        assert_eq!(all, (0..500).collect::<Vec<u32>>(), "{parts} parts");
    }
}

#[test]
fn the_first_failing_part_in_file_order_is_the_error() {
    let (_dir, path, total) = numbered_file(500);
    for parts in [3, 8, 33] {
        let handle = std::fs::File::open(&path).unwrap();
        let error = read_lines(
            &mut Builder::new(),
            0,
            &path,
            handle,
            total,
            parts_of(parts),
            &numbers_read(&[420, 130, 499]),
        )
        .unwrap_err();
        let LoadError::Invalid { diagnostics, .. } = error else {
            panic!("{parts} parts: {error:?}");
        };
        assert_eq!(diagnostics[0].position, Some((131, 1)), "{parts} parts");
    }
}
