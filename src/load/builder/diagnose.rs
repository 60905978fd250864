//! The messages of a load: rows counted and skipped, problems reported
//! with their file and position, and country codes checked.

use super::{Builder, FileIx};
use crate::load::diagnostics::Diagnostic;
use crate::model::country::{self, CountryIx};
use crate::sanitize;

impl Builder {
    /// Counts a data row of an imported file.
    pub fn count_row(&mut self) {
        self.rows += 1;
    }

    /// Skips a row of an imported file, saying why.
    pub fn skip_row(&mut self, file: FileIx, line: Option<usize>, message: String) {
        let file = self.files.get(file as usize).cloned().unwrap_or_default();
        self.skipped.push(Diagnostic {
            file,
            position: line.map(|l| (l, 1)),
            subject: None,
            message,
        });
    }

    pub fn diagnose(
        &mut self,
        file: FileIx,
        position: Option<(usize, usize)>,
        subject: Option<String>,
        message: String,
    ) {
        let file = self.files.get(file as usize).cloned().unwrap_or_default();
        self.diags.push(Diagnostic {
            file,
            position,
            subject,
            message,
        });
    }

    /// Reports a file (or a line of it) that could not be read.
    pub(crate) fn cannot_read(
        &mut self,
        file: FileIx,
        position: Option<(usize, usize)>,
        e: &std::io::Error,
    ) {
        let why = format!("cannot read: {}", crate::load::io_reason(e));
        self.diagnose(file, position, None, why);
    }

    /// Reports an id declared a second time, naming the file of the first.
    pub(crate) fn diagnose_duplicate(
        &mut self,
        file: FileIx,
        position: Option<(usize, usize)>,
        kind: &str,
        id: &str,
        first: FileIx,
    ) {
        let first = self.file_name(Some(first)).to_string();
        self.diagnose(
            file,
            position,
            Some(format!("{kind} '{id}'")),
            format!("duplicate {kind} id (first declared in {first})"),
        );
    }

    pub(crate) fn file_name(&self, file: Option<FileIx>) -> &str {
        file.and_then(|f| self.files.get(f as usize))
            .map_or("?", |s| s.as_str())
    }

    /// A country code, or the problem with it.
    pub(crate) fn country_code(code: &str) -> Result<CountryIx, String> {
        country::by_code(code.trim()).ok_or_else(|| {
            format!(
                "unknown country code '{}' (expected ISO 3166-1 alpha-2, like FR)",
                sanitize::line(code)
            )
        })
    }

    /// A country code, or `None` after reporting the problem.
    pub(super) fn country(&mut self, file: FileIx, subject: &str, code: &str) -> Option<CountryIx> {
        Self::country_code(code)
            .map_err(|message| self.diagnose(file, None, Some(subject.to_string()), message))
            .ok()
    }
}
