//! Writing an export to a file without ever harming what was read: a path
//! that names an input is refused, an existing file is kept unless the user
//! said to replace it, and the file appears whole or not at all (written to
//! a temporary file beside it, then renamed into place).

use super::{Options, Written};
use crate::model::{EventIx, Timeline};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}: is an input of this timeline; dateline never writes to the files it reads", .0.display())]
    InputFile(PathBuf),
    #[error("{}: is in a timeline directory this view was read from, and would be read with it next time; write it elsewhere", .0.display())]
    InInputDirectory(PathBuf),
    #[error("{}: exists (use --force to replace it)", .0.display())]
    Exists(PathBuf),
    #[error("{}: cannot write: {reason}", .path.display())]
    Io { path: PathBuf, reason: String },
}

impl ExportError {
    fn io(path: &Path, e: &std::io::Error) -> ExportError {
        ExportError::Io {
            path: path.to_path_buf(),
            reason: crate::load::io_reason(e),
        }
    }
}

/// Whether `target` is one of the files read from `input` (the file itself,
/// or a file inside the directory).
fn is_input(target: &Path, input: &Path) -> bool {
    let (Ok(target), Ok(input)) = (target.canonicalize(), input.canonicalize()) else {
        return false;
    };
    target == input || (input.is_dir() && target.starts_with(&input))
}

/// Whether `target` is a new file that a load of the directory `input`
/// would read along with the timeline.
fn joins_input_directory(target: &Path, input: &Path) -> bool {
    let read = target
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| {
            crate::load::DIRECTORY_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
        });
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    read && input.is_dir()
        && matches!((parent.canonicalize(), input.canonicalize()), (Ok(p), Ok(i)) if p == i)
}

/// Writes the export to `path`. `inputs` are the files or directories the
/// timeline was read from; `replace` allows replacing an existing file that
/// is not one of them.
pub fn write_file(
    path: &Path,
    inputs: &[&Path],
    replace: bool,
    t: &Timeline,
    events: &[EventIx],
    opts: &Options,
) -> Result<Written, ExportError> {
    if inputs.iter().any(|input| is_input(path, input)) {
        return Err(ExportError::InputFile(path.to_path_buf()));
    }
    if inputs
        .iter()
        .any(|input| joins_input_directory(path, input))
    {
        return Err(ExportError::InInputDirectory(path.to_path_buf()));
    }
    if !replace && path.exists() {
        return Err(ExportError::Exists(path.to_path_buf()));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".dateline-export-");
    // A temporary file is private (0600); the export is an ordinary file,
    // readable as the user's umask allows.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temp = builder
        .tempfile_in(dir)
        .map_err(|e| ExportError::io(path, &e))?;
    let written =
        super::write(temp.as_file_mut(), t, events, opts).map_err(|e| ExportError::io(path, &e))?;
    temp.as_file_mut()
        .flush()
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| ExportError::io(path, &e))?;
    if replace {
        temp.persist(path)
            .map_err(|e| ExportError::io(path, &e.error))?;
    } else {
        // No-clobber: a file that appeared since the check above is kept.
        temp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                ExportError::Exists(path.to_path_buf())
            } else {
                ExportError::io(path, &e.error)
            }
        })?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Format;

    fn setup() -> (tempfile::TempDir, Timeline, Vec<EventIx>) {
        let dir = tempfile::tempdir().unwrap();
        let t = crate::load::load_builtin().unwrap();
        let all = (0..t.len() as EventIx).collect();
        (dir, t, all)
    }

    #[test]
    fn refuses_an_input_file_and_a_file_in_an_input_directory() {
        let (dir, t, all) = setup();
        let input = dir.path().join("in.jsonl");
        std::fs::write(&input, "{}").unwrap();
        let opts = Options::new(Format::Csv);
        let err = write_file(&input, &[input.as_path()], true, &t, &all, &opts).unwrap_err();
        assert!(matches!(err, ExportError::InputFile(_)), "{err}");
        let err = write_file(&input, &[dir.path()], true, &t, &all, &opts).unwrap_err();
        assert!(matches!(err, ExportError::InputFile(_)), "{err}");
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "{}");
    }

    #[test]
    fn refuses_a_new_timeline_file_in_an_input_directory_but_not_a_report() {
        let (dir, t, all) = setup();
        let opts = Options::new(Format::Jsonl);
        let new = dir.path().join("view.JSONL");
        let err = write_file(&new, &[dir.path()], false, &t, &all, &opts).unwrap_err();
        assert!(matches!(err, ExportError::InInputDirectory(_)), "{err}");
        assert!(!new.exists());
        let report = dir.path().join("view.md");
        write_file(&report, &[dir.path()], false, &t, &all, &opts).unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let out = elsewhere.path().join("view.jsonl");
        write_file(&out, &[dir.path()], false, &t, &all, &opts).unwrap();
    }

    #[test]
    fn keeps_an_existing_file_unless_told_to_replace_it() {
        let (dir, t, all) = setup();
        let out = dir.path().join("out.csv");
        std::fs::write(&out, "mine").unwrap();
        let opts = Options::new(Format::Csv);
        let err = write_file(&out, &[], false, &t, &all, &opts).unwrap_err();
        assert!(matches!(err, ExportError::Exists(_)), "{err}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
        let written = write_file(&out, &[], true, &t, &all, &opts).unwrap();
        assert_eq!(written.events, t.len());
        assert!(std::fs::read_to_string(&out).unwrap().starts_with("id,"));
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_as_readable_as_any_other() {
        use std::os::unix::fs::PermissionsExt;
        let (dir, t, all) = setup();
        let out = dir.path().join("out.ics");
        write_file(&out, &[], false, &t, &all, &Options::new(Format::Ics)).unwrap();
        let plain = dir.path().join("plain");
        std::fs::write(&plain, "").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&out), mode(&plain));
    }

    #[test]
    fn leaves_no_temporary_file_behind() {
        let (dir, t, all) = setup();
        let out = dir.path().join("out.md");
        write_file(&out, &[], false, &t, &all, &Options::new(Format::Markdown)).unwrap();
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["out.md"]);
    }

    #[test]
    fn names_the_file_when_the_directory_is_missing() {
        let (dir, t, all) = setup();
        let out = dir.path().join("no/such/dir/out.csv");
        let err = write_file(&out, &[], false, &t, &all, &Options::new(Format::Csv)).unwrap_err();
        assert!(err.to_string().contains("out.csv: cannot write"), "{err}");
    }
}
