//! What a load of imported files left out, and the thousands separator its
//! summary is written with.

/// What a load of imported files left out: rows read, rows skipped, and
/// the first skipped rows, each as "file:line: why".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub rows: usize,
    pub skipped_total: usize,
    pub skipped: Vec<String>,
}

impl ImportReport {
    /// "loaded 6,088 of 6,090 rows; 2 skipped: line 17: …", or `None`
    /// when nothing was skipped.
    pub fn summary(&self) -> Option<String> {
        let first = self.skipped.first()?;
        Some(format!(
            "loaded {} of {} rows; {} skipped: {first}",
            thousands(self.rows - self.skipped_total),
            thousands(self.rows),
            thousands(self.skipped_total),
        ))
    }
}

/// 6090 → "6,090".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
