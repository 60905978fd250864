//! The seed timeline built into the binary, with its one source text.

use super::{Format, LoadError, load_bytes};
use crate::model::Timeline;

pub const BUILTIN_NAME: &str = "data/rubio-witkoff-paris.json";
const BUILTIN_TIMELINE: &str = include_str!("../../data/rubio-witkoff-paris.json");
const BUILTIN_SOURCE_PATH: &str = "sources/2025-04-16-rubio-witkoff-paris.txt";
const BUILTIN_SOURCE: &str = include_str!("../../data/sources/2025-04-16-rubio-witkoff-paris.txt");

/// The seed timeline built into the binary.
pub fn load_builtin() -> Result<Timeline, LoadError> {
    load_bytes(
        BUILTIN_NAME,
        BUILTIN_TIMELINE.as_bytes(),
        Format::Document,
        &|path| {
            if path == BUILTIN_SOURCE_PATH {
                Ok(BUILTIN_SOURCE.as_bytes().to_vec())
            } else {
                Err(format!("cannot read text file '{path}': not built in"))
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_timeline_loads() {
        let t = load_builtin().unwrap_or_else(|e| panic!("{e}"));
        assert!(t.len() >= 20, "seed has {} events", t.len());
        assert!(t.find_event("witkoff-putin-st-petersburg").is_some());
    }
}
