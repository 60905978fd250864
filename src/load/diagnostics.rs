//! Diagnostics a user can act on: each names the file, and the line:column or
//! the record it is about.

use std::fmt;

/// One problem found while loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based line and column, when the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    /// What the problem is about: "event 'paris-talks'".
    pub subject: Option<String>,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        if let Some(subject) = &self.subject {
            write!(f, ": {subject}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Why a timeline could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Every problem found (up to a cap), and how many there were in all.
    #[error("{}", render(.diagnostics, *.total))]
    Invalid {
        diagnostics: Vec<Diagnostic>,
        total: usize,
    },
    #[error("loading was cancelled")]
    Cancelled,
}

fn render(diagnostics: &[Diagnostic], total: usize) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&crate::sanitize::line(&d.to_string()));
        out.push('\n');
    }
    if total > diagnostics.len() {
        out.push_str(&format!("... and {} more\n", total - diagnostics.len()));
    }
    out.push_str(&format!(
        "{total} problem{} found",
        if total == 1 { "" } else { "s" }
    ));
    out
}

/// Most diagnostics kept; the rest are only counted.
pub const MAX_DIAGNOSTICS: usize = 200;

/// Collects diagnostics up to [`MAX_DIAGNOSTICS`].
#[derive(Debug, Default)]
pub struct Diagnostics {
    pub kept: Vec<Diagnostic>,
    pub total: usize,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.total += 1;
        if self.kept.len() < MAX_DIAGNOSTICS {
            self.kept.push(d);
        }
    }
    /// Appends diagnostics of a part of a file that starts `line_offset`
    /// lines in.
    pub fn append_shifted(&mut self, other: Diagnostics, line_offset: usize) {
        let only_counted = other.total - other.kept.len();
        for mut d in other.kept {
            if let Some((line, column)) = d.position {
                d.position = Some((line + line_offset, column));
            }
            self.push(d);
        }
        self.total += only_counted;
    }
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }
    pub fn into_error(self) -> LoadError {
        LoadError::Invalid {
            diagnostics: self.kept,
            total: self.total,
        }
    }
}
