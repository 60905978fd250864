//! Timelines the exporters' tests share.

use crate::model::{EventIx, Timeline};

/// Every field, holding every kind of hostile text: quotes, commas,
/// semicolons, newlines, HTML and `</script>`, escape sequences, a bidi
/// override, spreadsheet formulas; and every shape of date.
pub const HOSTILE: &str = include_str!("../../tests/good/hostile-export.json");

pub fn hostile() -> Timeline {
    crate::load::load_bytes(
        "hostile-export.json",
        HOSTILE.as_bytes(),
        crate::load::Format::Document,
        &|p| Err(format!("no file {p}")),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

pub fn all(t: &Timeline) -> Vec<EventIx> {
    (0..t.len() as EventIx).collect()
}

pub fn builtin() -> Timeline {
    crate::load::load_builtin().unwrap_or_else(|e| panic!("{e}"))
}

/// The characters no export may carry out: C0 controls but the line
/// structure's own, C1 controls, bidi overrides and invisible formatting.
pub fn assert_no_controls(text: &str, allowed: &[char]) {
    for (i, c) in text.char_indices() {
        let bad = (c.is_control() && !allowed.contains(&c))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}' | '\u{feff}');
        assert!(!bad, "U+{:04X} at byte {i}", c as u32);
    }
}
