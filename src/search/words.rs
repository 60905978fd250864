//! A search as people type it: words, each found anywhere, in any case and
//! with or without accents. The query is split and folded once here; the
//! timeline's scan finds each word, and the hit sets are intersected.

use crate::fold::{fold_text, fold_text_mapped};
use std::ops::Range;

/// The folded words of a query, longest first (the longest is likely the
/// rarest, so later words only check its hits), without repeats.
pub fn words(query: &str) -> Vec<String> {
    let folded = fold_text(query);
    let mut words: Vec<String> = Vec::new();
    for w in folded.split_whitespace() {
        if !words.iter().any(|k| k == w) {
            words.push(w.to_string());
        }
    }
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
}

/// Whether `hay` holds `word` (already folded), accents and case aside.
pub fn holds(hay: &str, word: &str) -> bool {
    if hay.is_ascii() {
        return hay
            .as_bytes()
            .windows(word.len().max(1))
            .any(|w| w.eq_ignore_ascii_case(word.as_bytes()));
    }
    fold_text(hay).contains(word)
}

/// Marks where the words of a search stand in a text, for highlighting.
#[derive(Debug, Clone)]
pub struct Highlighter {
    words: Vec<String>,
}

impl Highlighter {
    pub fn new(query: &str) -> Highlighter {
        Highlighter {
            words: words(query),
        }
    }

    /// The byte ranges of `hay` that match a word, in order, merged where
    /// they touch.
    pub fn ranges(&self, hay: &str) -> Vec<Range<usize>> {
        let (folded, from) = if hay.is_ascii() {
            (hay.to_ascii_lowercase(), (0..hay.len()).collect())
        } else {
            fold_text_mapped(hay)
        };
        let mut found: Vec<Range<usize>> = Vec::new();
        for word in self.words.iter().filter(|w| !w.is_empty()) {
            for (at, _) in folded.match_indices(word.as_str()) {
                let start = from[at];
                let last = from[at + word.len() - 1];
                let end = last + hay[last..].chars().next().map_or(0, char::len_utf8);
                found.push(start..end);
            }
        }
        found.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in found {
            match merged.last_mut() {
                Some(m) if r.start <= m.end => m.end = m.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_deduplicated_and_longest_first() {
        assert_eq!(words("Witkoff  PUTIN witkoff"), ["witkoff", "putin"]);
        assert_eq!(words("Noël"), ["noel"]);
        assert!(words("   ").is_empty());
    }

    #[test]
    fn holds_ignores_case_and_accents() {
        assert!(holds("Jean-Noël Barrot", "noel"));
        assert!(holds("PEACE talks", "peace"));
        assert!(!holds("Peace", "talks"));
    }

    #[test]
    fn highlights_each_word_in_the_original_text() {
        let hay = "Barrot (Jean-Noël) meets Putin";
        let h = Highlighter::new("putin noel");
        let shown: Vec<&str> = h.ranges(hay).into_iter().map(|r| &hay[r]).collect();
        assert_eq!(shown, ["Noël", "Putin"]);
        let h = Highlighter::new("rub");
        assert_eq!(h.ranges("Rubio rubio"), vec![0..3, 6..9]);
    }
}
