//! Word wrapping by display width, keeping each piece's style.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wraps styled pieces of text into lines of at most `width` columns,
/// breaking at spaces where it can.
pub fn wrap<'a>(pieces: &[(&'a str, Style)], width: usize) -> Vec<Line<'a>> {
    let width = width.max(1);
    let mut lines: Vec<Line<'a>> = Vec::new();
    let mut current: Vec<Span<'a>> = Vec::new();
    let mut used = 0usize;
    for &(text, style) in pieces {
        for (i, word) in text.split_inclusive(' ').enumerate() {
            let _ = i;
            let w: usize = word.chars().map(|c| c.width().unwrap_or(0)).sum();
            let trimmed_w = w - usize::from(word.ends_with(' '));
            if used > 0 && used + trimmed_w > width {
                lines.push(Line::from(std::mem::take(&mut current)));
                used = 0;
            }
            if trimmed_w > width {
                // A word longer than the line: cut it by columns.
                let mut piece_start = 0;
                let mut piece_w = 0;
                for (b, c) in word.char_indices() {
                    let cw = c.width().unwrap_or(0);
                    if used + piece_w + cw > width && (piece_w > 0 || used > 0) {
                        if piece_w > 0 {
                            current.push(Span::styled(&word[piece_start..b], style));
                        }
                        lines.push(Line::from(std::mem::take(&mut current)));
                        used = 0;
                        piece_start = b;
                        piece_w = 0;
                    }
                    piece_w += cw;
                }
                current.push(Span::styled(&word[piece_start..], style));
                used += piece_w;
                continue;
            }
            current.push(Span::styled(word, style));
            used += w;
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(Line::from(current));
    }
    lines
}

/// The end of `text` that fits in `width` columns, with room for an
/// ellipsis when the whole does not fit; and whether it was cut.
pub fn tail_within(text: &str, width: usize) -> (bool, &str) {
    if unicode_width::UnicodeWidthStr::width(text) <= width {
        return (false, text);
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut start = text.len();
    for (i, c) in text.char_indices().rev() {
        used += c.width().unwrap_or(0);
        if used > room {
            break;
        }
        start = i;
    }
    (true, &text[start..])
}

/// The longest head of `text` that fits `width` columns, leaving one for
/// "…" when it has to be cut; and whether it was cut.
pub fn fit(text: &str, width: usize) -> (&str, bool) {
    if text.width() <= width {
        return (text, false);
    }
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            return (text[..i].trim_end(), true);
        }
        used += w;
    }
    (text, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line<'_>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        let s = Style::new();
        assert_eq!(
            plain(&wrap(&[("one two three", s)], 7)),
            ["one two ", "three"]
        );
        assert_eq!(
            plain(&wrap(&[("abcdefghij", s)], 4)),
            ["abcd", "efgh", "ij"]
        );
        assert_eq!(plain(&wrap(&[("a ", s), ("b", s)], 10)), ["a b"]);
        assert_eq!(plain(&wrap(&[("", s)], 5)), [""]);
        assert_eq!(
            plain(&wrap(&[("日本語テキスト", s)], 4)),
            ["日本", "語テ", "キス", "ト"]
        );
    }

    #[test]
    fn long_prompt_text_keeps_its_end_in_view() {
        assert_eq!(tail_within("short", 10), (false, "short"));
        assert_eq!(tail_within("0123456789", 10), (false, "0123456789"));
        assert_eq!(tail_within("0123456789abc", 10), (true, "456789abc"));
        assert_eq!(tail_within("日本語テキスト", 7), (true, "キスト"));
        assert_eq!(tail_within("abc", 0), (true, ""));
    }
}
