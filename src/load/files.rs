//! How dateline opens what it reads: regular files only (never a device,
//! FIFO or socket, and never blocking on one), each under a size limit the
//! user can raise, and source texts only from inside the timeline's own
//! folder unless the user allows another.

use crate::load::io_reason;
use std::fs::File;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// How much dateline reads at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A timeline or import file (the default admits a 3M-event file).
    pub file: u64,
    /// A source text (the default admits a 50 MB article).
    pub text: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file: 8 << 30,
            text: 256 << 20,
        }
    }
}

impl Limits {
    /// `--max-file-size SIZE` sets both limits.
    pub fn both(size: u64) -> Limits {
        Limits {
            file: size,
            text: size,
        }
    }
}

/// Parses a size as people write it: `8G`, `256MiB`, `500mb`, `1000000`.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let number: f64 = number.parse().map_err(|_| {
        format!(
            "'{}' is not a size (like 8G or 500M)",
            crate::sanitize::line(t)
        )
    })?;
    let scale: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        "t" | "tb" | "tib" => 1 << 40,
        _ => {
            return Err(format!(
                "'{}' is not a size (like 8G or 500M)",
                crate::sanitize::line(t)
            ));
        }
    };
    Ok((number * scale as f64) as u64)
}

/// "8 GiB", "256 MiB", "1.5 GiB".
pub fn human_size(bytes: u64) -> String {
    const UNITS: [(&str, u64); 4] = [
        ("TiB", 1 << 40),
        ("GiB", 1 << 30),
        ("MiB", 1 << 20),
        ("KiB", 1 << 10),
    ];
    for (name, size) in UNITS {
        if bytes >= size {
            let value = bytes as f64 / size as f64;
            return if value.fract() < 0.05 {
                format!("{value:.0} {name}")
            } else {
                format!("{value:.1} {name}")
            };
        }
    }
    format!("{bytes} bytes")
}

/// Opens a regular file of at most `limit` bytes, following links; says
/// what the path is when it is anything else. A FIFO is opened without
/// blocking, then refused.
pub(crate) fn open_regular(path: &Path, limit: u64) -> Result<(File, u64), String> {
    let handle = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(O_NONBLOCK)
        .open(path)
        .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    let meta = handle
        .metadata()
        .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    let kind = meta.file_type();
    let what = if kind.is_file() {
        None
    } else if kind.is_dir() {
        Some("a directory")
    } else if kind.is_fifo() {
        Some("a FIFO (named pipe)")
    } else if kind.is_socket() {
        Some("a socket")
    } else if kind.is_char_device() {
        Some("a character device")
    } else if kind.is_block_device() {
        Some("a block device")
    } else {
        Some("not a regular file")
    };
    if let Some(what) = what {
        return Err(format!("is {what}; dateline reads regular files"));
    }
    if meta.len() > limit {
        return Err(format!(
            "is {}, more than the {} dateline reads of one file (raise it with --max-file-size)",
            human_size(meta.len()),
            human_size(limit)
        ));
    }
    Ok((handle, meta.len()))
}

/// O_NONBLOCK: opening a FIFO must not wait for a writer.
const O_NONBLOCK: i32 = 0o4000;

/// Reads a whole regular file of at most `limit` bytes; a file that grows
/// past the limit while it is read is refused too.
pub(crate) fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let (handle, len) = open_regular(path, limit)?;
    let mut bytes = Vec::with_capacity(len as usize);
    handle
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "grew past the {} dateline reads of one file while it was read",
            human_size(limit)
        ));
    }
    Ok(bytes)
}

/// Reads a source's text file, named relative to the timeline file in
/// `base`; it must stay inside `base` (after `..` and links are resolved)
/// or inside one of `allowed`.
pub(crate) fn read_source_text(
    base: &Path,
    relative: &str,
    limit: u64,
    allowed: &[PathBuf],
) -> Result<Vec<u8>, String> {
    let rel = Path::new(relative);
    if rel.is_absolute() {
        return Err(format!(
            "text_file '{relative}' must be relative to the timeline file"
        ));
    }
    let full = base.join(rel);
    let cannot = |why: String| format!("cannot read text file '{}': {why}", full.display());
    let real = full.canonicalize().map_err(|e| {
        let hint = if e.kind() == std::io::ErrorKind::NotFound {
            " (text_file is relative to the timeline file: was the timeline moved away from its text files? its quotes are not checked)"
        } else {
            " (its quotes are not checked)"
        };
        cannot(format!("{}{hint}", io_reason(&e)))
    })?;
    let home = if base.as_os_str().is_empty() {
        Path::new(".")
    } else {
        base
    };
    let inside = |dir: &Path| dir.canonicalize().is_ok_and(|d| real.starts_with(d));
    if !inside(home) && !allowed.iter().any(|a| inside(a)) {
        return Err(format!(
            "text_file '{relative}' lies outside the timeline's folder ({}); pass --allow-outside PATH to read it",
            home.display()
        ));
    }
    read_regular(&real, limit).map_err(cannot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(parse_size("8G"), Ok(8 << 30));
        assert_eq!(parse_size("256MiB"), Ok(256 << 20));
        assert_eq!(parse_size("1.5g"), Ok(3 << 29));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5 parsecs").is_err());
        assert_eq!(human_size(8 << 30), "8 GiB");
        assert_eq!(human_size(3 << 29), "1.5 GiB");
    }

    #[test]
    fn devices_and_fifos_are_refused_without_blocking() {
        let err = open_regular(Path::new("/dev/zero"), 1 << 30).unwrap_err();
        assert!(err.contains("character device"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = open_regular(&fifo, 1 << 30).unwrap_err();
            assert!(err.contains("FIFO"), "{err}");
        }
        let err = open_regular(dir.path(), 1 << 30).unwrap_err();
        assert!(err.contains("directory"), "{err}");
    }

    #[test]
    fn files_past_the_limit_are_refused_by_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        std::fs::write(&path, vec![b' '; 2048]).unwrap();
        let err = read_regular(&path, 1024).unwrap_err();
        assert!(err.contains("2 KiB, more than the 1 KiB"), "{err}");
        assert_eq!(read_regular(&path, 4096).map(|b| b.len()), Ok(2048));
    }

    #[test]
    fn source_texts_stay_inside_the_timeline_folder() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("timeline");
        std::fs::create_dir_all(home.join("sources")).unwrap();
        std::fs::write(home.join("sources/a.txt"), "text").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        let read = |rel: &str, allowed: &[PathBuf]| read_source_text(&home, rel, 1 << 20, allowed);
        assert_eq!(read("sources/a.txt", &[]), Ok(b"text".to_vec()));
        assert_eq!(read("sources/../sources/a.txt", &[]), Ok(b"text".to_vec()));
        let err = read("../secret.txt", &[]).unwrap_err();
        assert!(err.contains("lies outside the timeline's folder"), "{err}");
        assert!(err.contains("--allow-outside"), "{err}");
        assert_eq!(
            read("../secret.txt", &[dir.path().to_path_buf()]),
            Ok(b"secret".to_vec())
        );
        // A link inside the folder that points out of it is outside too.
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), home.join("sources/link.txt"))
            .unwrap();
        assert!(read("sources/link.txt", &[]).is_err());
        let passwd = read("../../../../../../../../etc/passwd", &[]).unwrap_err();
        assert!(passwd.contains("outside"), "{passwd}");
    }
}
