//! Text from data files is untrusted: it is cleaned once, at load, so that no
//! byte from a file can reach the terminal as a control sequence.
//!
//! In multi-line text (source texts, which quote spans index) each character
//! maps to exactly one character, so character offsets mean the same before
//! and after cleaning. Controls become visible placeholders: C0 controls and
//! DEL their Unicode "control picture" (ESC shows as `␛`, so an injected
//! `ESC [31m` reads `␛[31m`), C1 controls, bidi overrides and isolates,
//! zero-width and other invisible format characters become `�`. Tabs become a
//! space; newlines stay only in multi-line text.
//!
//! The one zero-width character with a use is the joiner (U+200D) inside an
//! emoji sequence (👨‍👩‍👧). Terminals disagree on whether such a sequence is one
//! glyph two columns wide or its parts side by side, so dateline shows the
//! parts, without the joiner (👨👩👧), and counts their widths. One-line text
//! drops the joiner at once; multi-line text keeps it, to keep its offsets,
//! until [`for_display`] drops it where the text is shown.
//!
//! What the user types or pastes goes through [`typed`], the same rules.

use std::borrow::Cow;

/// The placeholder for invisible or direction-changing characters.
pub const PLACEHOLDER: char = '\u{FFFD}';

/// Whether a text is shown as one line (titles, names) or several (source texts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}')
}

/// The one character shown for `c`, or `None` when `c` is safe as it is.
fn replacement(c: char, lines: Lines) -> Option<char> {
    match c {
        '\n' if lines == Lines::Many => None,
        '\n' | '\t' | '\r' => Some(' '),
        '\u{2028}' | '\u{2029}' if lines == Lines::Many => Some('\n'),
        '\u{2028}' | '\u{2029}' => Some(' '),
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('\u{2421}'),
        '\u{80}'..='\u{9F}' => Some(PLACEHOLDER),
        c if is_invisible_format(c) => Some(PLACEHOLDER),
        _ => None,
    }
}

/// Bytes that can start a character `replacement` changes: C0 controls,
/// DEL, and the UTF-8 lead bytes of C1 controls, U+00AD, U+061C, U+180E,
/// U+2000-U+2FFF, U+FEFF/U+FFF9-U+FFFB and the U+E0000 tags.
static SUSPECT: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[0x7F] = true;
    t[0xC2] = true;
    t[0xD8] = true;
    t[0xE1] = true;
    t[0xE2] = true;
    t[0xEF] = true;
    t[0xF3] = true;
    t
};

/// Where the first byte in [`SUSPECT`] lies. Eight bytes are tested at once
/// and skipped when all are printable ASCII, as most of a timeline's text
/// is; only other words are looked at byte by byte.
#[inline]
fn first_suspect(b: &[u8]) -> Option<usize> {
    use crate::swar::{HIGH_BITS, bytes_below, bytes_equal};
    let (words, tail) = b.as_chunks::<8>();
    let mut at = 0;
    for word in words {
        let w = u64::from_le_bytes(*word);
        // Any byte not printable ASCII: high, a control or DEL.
        if (w & HIGH_BITS) | bytes_below(w, 0x20) | bytes_equal(w, 0x7F) != 0
            && let Some(p) = word.iter().position(|&c| SUSPECT[c as usize])
        {
            return Some(at + p);
        }
        at += 8;
    }
    tail.iter()
        .position(|&c| SUSPECT[c as usize])
        .map(|p| at + p)
}

/// Whether `text` holds a character that `replacement` changes, decided on
/// the UTF-8 bytes: only a few lead bytes can start such a character, so
/// ordinary text (accents, Cyrillic, curly quotes) never leaves this loop.
fn needs_cleaning(text: &str, lines: Lines) -> bool {
    let b = text.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < b.len() {
        // Skip bytes that cannot start a character needing a change.
        match first_suspect(&b[i..]) {
            Some(skip) => i += skip,
            None => return false,
        }
        let c = b[i];
        let hit = match c {
            b'\n' => lines == Lines::One,
            0x00..=0x1F | 0x7F => true,
            0xC2 => matches!(at(i + 1), 0x80..=0x9F | 0xAD),
            0xD8 => at(i + 1) == 0x9C,
            0xE1 => at(i + 1) == 0xA0 && at(i + 2) == 0x8E,
            0xE2 => match at(i + 1) {
                0x80 => matches!(at(i + 2), 0x8B..=0x8F | 0xA8..=0xAE),
                0x81 => matches!(at(i + 2), 0xA0..=0xAF),
                _ => false,
            },
            0xEF => matches!((at(i + 1), at(i + 2)), (0xBB, 0xBF) | (0xBF, 0xB9..=0xBB)),
            0xF3 => at(i + 1) == 0xA0 && matches!(at(i + 2), 0x80 | 0x81),
            _ => false,
        };
        if hit {
            return true;
        }
        i += 1;
    }
    false
}

/// The zero-width joiner, kept (or dropped) only inside emoji sequences.
const JOINER: char = '\u{200D}';

/// Pictographs that emoji sequences join: the Unicode Extended_Pictographic
/// blocks, close enough for the joiner's neighbours.
fn is_pictograph(c: char) -> bool {
    matches!(c,
        '\u{00A9}' | '\u{00AE}' | '\u{203C}' | '\u{2049}' | '\u{2122}' | '\u{2139}'
        | '\u{2194}'..='\u{21FF}'
        | '\u{2300}'..='\u{23FF}'
        | '\u{2460}'..='\u{27BF}'
        | '\u{2900}'..='\u{2BFF}'
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}'
        | '\u{1F000}'..='\u{1FAFF}')
}

/// What may stand right before the joiner of an emoji sequence: a
/// pictograph, or the emoji presentation selector or a skin tone after one
/// (skin tones are in the pictograph range already).
fn ends_emoji(c: char) -> bool {
    is_pictograph(c) || c == '\u{FE0F}'
}

/// Whether a joiner between `prev` and `next` sits inside an emoji sequence.
fn joins_emoji(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(ends_emoji) && next.is_some_and(is_pictograph)
}

/// Cleans `text` for display; borrows when nothing needs to change.
pub fn clean(text: &str, lines: Lines) -> Cow<'_, str> {
    if !needs_cleaning(text, lines) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut prev = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == JOINER && joins_emoji(prev, chars.peek().copied()) {
            if lines == Lines::Many {
                out.push(c);
            }
        } else {
            out.push(replacement(c, lines).unwrap_or(c));
        }
        prev = Some(c);
    }
    if out == text {
        return Cow::Borrowed(text);
    }
    Cow::Owned(out)
}

/// Multi-line text as shown: the joiners its cleaning kept inside emoji
/// sequences dropped (cleaning replaced every other one).
pub fn for_display(text: &str) -> Cow<'_, str> {
    if text.contains(JOINER) {
        Cow::Owned(text.chars().filter(|&c| c != JOINER).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Text the user typed or pasted, as a prompt holds and shows it: line
/// breaks and tabs become spaces, other controls are dropped (a paste's
/// escape sequences must not act, and have no place in a one-line query),
/// and the rest follows the rules for data.
pub fn typed(text: &str) -> String {
    let spaced: String = text
        .chars()
        .filter_map(|c| match c {
            '\n' | '\t' | '\r' | '\u{2028}' | '\u{2029}' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    line(&spaced).into_owned()
}

/// Cleans a one-line text.
pub fn line(text: &str) -> Cow<'_, str> {
    clean(text, Lines::One)
}

/// True if `text` holds nothing a terminal would act on (multi-line text
/// may hold the joiners of emoji sequences).
pub fn is_clean(text: &str, lines: Lines) -> bool {
    clean(text, lines) == text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(line("Witkoff met Putin"), Cow::Borrowed(_)));
        assert!(matches!(
            line("Barrot, ministre des Affaires étrangères"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escapes_become_visible_and_inert() {
        assert_eq!(line("a\u{1b}[31mred\u{7}"), "a\u{241b}[31mred\u{2407}");
        assert_eq!(
            line("osc\u{1b}]52;c;SGVsbG8=\u{7}"),
            "osc\u{241b}]52;c;SGVsbG8=\u{2407}"
        );
        assert_eq!(line("c1\u{9b}2J"), "c1\u{FFFD}2J");
        assert_eq!(line("del\u{7f}"), "del\u{2421}");
    }

    #[test]
    fn bidi_and_zero_width_are_replaced() {
        assert_eq!(
            line("a\u{202E}b\u{2066}c\u{200B}d\u{FEFF}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}"
        );
    }

    #[test]
    fn newlines_depend_on_the_field() {
        assert_eq!(clean("a\nb\tc\r", Lines::Many), "a\nb c ");
        assert_eq!(clean("a\nb", Lines::One), "a b");
        assert_eq!(clean("a\u{2029}b", Lines::Many), "a\nb");
    }

    proptest::proptest! {
        #[test]
        fn the_word_scan_finds_the_first_suspect_byte(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40), printable in 0usize..40) {
            // Printable ASCII first, so that whole words are skipped.
            let mut b = vec![b'a'; printable];
            b.extend(bytes);
            let by_bytes = b.iter().position(|&c| SUSPECT[c as usize]);
            proptest::prop_assert_eq!(first_suspect(&b), by_bytes);
        }

        #[test]
        fn the_byte_scan_agrees_with_the_character_rules(text in "\\PC*|[\\x00-\\x{a0}\\x{ad}\\x{61c}\\x{180e}\\x{2000}-\\x{2070}\\x{feff}\\x{fff0}-\\x{fffd}\\x{e0000}-\\x{e0080}a-z]{0,40}") {
            for lines in [Lines::One, Lines::Many] {
                let by_chars = text.chars().any(|c| replacement(c, lines).is_some());
                proptest::prop_assert_eq!(needs_cleaning(&text, lines), by_chars);
            }
        }
    }

    #[test]
    fn emoji_sequences_show_as_their_parts() {
        let family = "👨\u{200D}👩\u{200D}👧";
        // One-line text drops the joiner: three emoji, two columns each.
        assert_eq!(line(family), "👨👩👧");
        assert_eq!(
            unicode_width::UnicodeWidthStr::width(line(family).as_ref()),
            6
        );
        assert_eq!(line("❤\u{FE0F}\u{200D}🔥 fire"), "❤\u{FE0F}🔥 fire");
        // Multi-line text keeps it, one character for one, until shown.
        let text = format!("a {family} b");
        assert_eq!(clean(&text, Lines::Many), text);
        assert_eq!(for_display(&clean(&text, Lines::Many)), "a 👨👩👧 b");
        assert!(is_clean(&text, Lines::Many));
        // A joiner anywhere else is an invisible character like any other.
        assert_eq!(line("abcd\u{200D}31m"), "abcd\u{FFFD}31m");
        assert_eq!(line("👨\u{200D}"), "👨\u{FFFD}");
        assert_eq!(line("\u{200D}👩"), "\u{FFFD}👩");
        assert_eq!(clean("x\u{200D}👩", Lines::Many), "x\u{FFFD}👩");
    }

    #[test]
    fn typed_text_follows_the_rules_for_data() {
        assert_eq!(typed("abcd\u{200D}31m"), "abcd\u{FFFD}31m");
        assert_eq!(typed("a\u{202E}b"), "a\u{FFFD}b");
        assert_eq!(typed("one\ntwo\tthree\r\n"), "one two three  ");
        // A paste's escape sequences lose their controls and cannot act.
        assert_eq!(typed("x\u{1b}[2J\u{7}\u{9b}y\u{7f}"), "x[2Jy");
        assert_eq!(typed("👨\u{200D}👩\u{200D}👧"), "👨👩👧");
        assert_eq!(typed("Søren"), "Søren");
    }

    #[test]
    fn character_count_is_preserved() {
        let hostile = "x\u{1b}[2J\u{202E}y\u{200D}\u{85}z\n";
        for lines in [Lines::One, Lines::Many] {
            let cleaned = clean(hostile, lines);
            assert_eq!(cleaned.chars().count(), hostile.chars().count());
            assert!(is_clean(&cleaned, lines));
        }
        // In multi-line text, emoji sequences too.
        let emoji = "a👨\u{200D}👩\u{1b}\u{200D}👧";
        assert_eq!(
            clean(emoji, Lines::Many).chars().count(),
            emoji.chars().count()
        );
    }
}
