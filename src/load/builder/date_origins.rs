//! Where imported dates came from, stored once while they repeat: the rows
//! of one GDELT file share a report time, so a few texts ("coded by GDELT;
//! reported 2025-08-07 22:00 (7 days after this date: …)", about a hundred
//! bytes each) come back row after row.

use super::Builder;
use crate::model::Str;
use std::hash::BuildHasher;

/// How many recent texts are remembered; a text takes the slot its hash
/// picks, so memory stays the same however many distinct texts come.
const SLOTS: usize = 64;

/// The last text seen in each slot, as given, with where it was stored.
#[derive(Debug, Default)]
pub(crate) struct RecentDateOrigins {
    slots: Vec<Option<(Box<str>, Str)>>,
}

impl Builder {
    /// The stored, cleaned text of a date's origin: the one stored for the
    /// same text a moment ago when there is one.
    pub(crate) fn date_origin(&mut self, raw: &str) -> Str {
        let slot = self.hasher.hash_one(raw) as usize % SLOTS;
        let recent = &mut self.recent_date_origins.slots;
        if recent.is_empty() {
            recent.resize(SLOTS, None);
        }
        if let Some((text, stored)) = &recent[slot]
            && **text == *raw
        {
            return *stored;
        }
        let stored = self.line(raw);
        self.recent_date_origins.slots[slot] = Some((raw.into(), stored));
        stored
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_origin_is_stored_once_and_others_apart() {
        let mut b = Builder::new();
        let first = b.date_origin("coded by GDELT; reported 2025-08-07 22:00");
        let other = b.date_origin("coded by GDELT; reported 2025-08-07 22:15");
        let again = b.date_origin("coded by GDELT; reported 2025-08-07 22:00");
        assert_eq!(first, again);
        assert_ne!(first, other);
        assert_eq!(
            b.arena.get(other),
            "coded by GDELT; reported 2025-08-07 22:15"
        );
        // Cleaned like any other line, the raw text remembered.
        let dirty = b.date_origin("  coded\u{1b}[31m  ");
        assert_eq!(b.date_origin("  coded\u{1b}[31m  "), dirty);
        assert!(!b.arena.get(dirty).contains('\u{1b}'));
        // Many distinct texts: each still comes back as itself.
        for i in 0..500 {
            let text = format!("reported {i}");
            let s = b.date_origin(&text);
            assert_eq!(b.arena.get(s), text);
        }
    }
}
