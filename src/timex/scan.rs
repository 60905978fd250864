//! Splits text into sentences and tokens, keeping byte offsets so every
//! expression maps back to its exact words. One pass, no backtracking:
//! the tagger stays linear in the length of the text.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, or letters and digits ("17th", "1990s", "FY2024").
    Word,
    /// Digits only.
    Num,
    /// One character that is neither a letter, a digit nor a space.
    Punct,
}

/// One token of a sentence: byte offsets into the sentence.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whitespace (or the sentence start) stands right before it.
    pub space_before: bool,
}

/// A sentence and its tokens; `lower` is the ASCII-lowercased text at the same offsets.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub lower: String,
    pub toks: Vec<Tok>,
}

impl<'a> Sentence<'a> {
    pub fn new(text: &'a str) -> Sentence<'a> {
        Sentence {
            text,
            lower: text.to_ascii_lowercase(),
            toks: tokens(text),
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The lowercased token `i`, or "" past the end.
    pub fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    /// The token `i` as written.
    pub fn orig(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// True when token `i` follows the one before it with no space ("mid-March").
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// True when token `i` starts with a capital letter.
    pub fn capital(&self, i: usize) -> bool {
        self.orig(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Token `i` is the number (digits) and nothing else.
    pub fn num(&self, i: usize) -> Option<u32> {
        (self.kind(i) == Some(TokKind::Num) && self.w(i).len() <= 9)
            .then(|| self.w(i).parse().ok())
            .flatten()
    }
}

pub fn tokens(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut cur: Option<Tok> = None;
    let mut space = true;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            let digit = c.is_ascii_digit();
            match &mut cur {
                Some(t) => {
                    t.end = i + c.len_utf8();
                    if !digit {
                        t.kind = TokKind::Word;
                    }
                }
                None => {
                    cur = Some(Tok {
                        start: i,
                        end: i + c.len_utf8(),
                        kind: if digit { TokKind::Num } else { TokKind::Word },
                        space_before: space,
                    })
                }
            }
            space = false;
            continue;
        }
        toks.extend(cur.take());
        if c.is_whitespace() {
            space = true;
        } else {
            toks.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                kind: TokKind::Punct,
                space_before: space,
            });
            space = false;
        }
    }
    toks.extend(cur);
    toks
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "prof",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "vs", "inc", "co", "corp", "ltd", "jr", "sr", "u", "s", "a", "m", "p",
];

/// Longest sentence handed to the matchers; longer runs without a full stop
/// are cut at a space so memory stays bounded on hostile input.
const MAX_SENTENCE: usize = 16 * 1024;

/// The sentences of `text` as (byte offset, slice). Lines are always
/// boundaries; so is `.`, `!` or `?` followed by a space, unless it ends a
/// known abbreviation.
pub fn sentences(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        while start < bytes.len() {
            let mut i = start;
            let mut cut = None;
            while i < bytes.len() {
                let b = bytes[i];
                if b == b'\n' {
                    cut = Some((i, i + 1));
                    break;
                }
                if matches!(b, b'.' | b'!' | b'?')
                    && bytes.get(i + 1).is_some_and(|n| n.is_ascii_whitespace())
                    && !ends_abbreviation(&bytes[start..i])
                {
                    cut = Some((i + 1, i + 1));
                    break;
                }
                if i - start >= MAX_SENTENCE && b == b' ' {
                    cut = Some((i, i + 1));
                    break;
                }
                i += 1;
            }
            let (end, next) = cut.unwrap_or((bytes.len(), bytes.len()));
            let s = start;
            start = next;
            if end > s {
                // Both ends sit on ASCII bytes (or the text's ends), so on char boundaries.
                return Some((s, &text[s..end]));
            }
        }
        None
    })
}

fn ends_abbreviation(before: &[u8]) -> bool {
    let word_start = before
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |p| p + 1);
    let word = &before[word_start..];
    !word.is_empty()
        && word.len() <= 4
        && ABBREVIATIONS
            .iter()
            .any(|a| a.as_bytes().eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_offsets_and_glue() {
        let s = Sentence::new("In mid-March, 17th of 2025");
        let words: Vec<&str> = (0..s.len()).map(|i| s.orig(i)).collect();
        assert_eq!(
            words,
            ["In", "mid", "-", "March", ",", "17th", "of", "2025"]
        );
        assert!(s.glued(2) && s.glued(3) && !s.glued(1));
        assert_eq!(s.num(7), Some(2025));
        assert_eq!(s.kind(5), Some(TokKind::Word));
    }

    #[test]
    fn sentences_split_at_stops_but_not_abbreviations() {
        let text = "Mr. Smith left on Jan. 5. He came back.\nNext line";
        let got: Vec<&str> = sentences(text).map(|(_, s)| s).collect();
        assert_eq!(
            got,
            ["Mr. Smith left on Jan. 5.", " He came back.", "Next line"]
        );
    }

    #[test]
    fn long_runs_are_cut() {
        let text = "word ".repeat(10_000);
        assert!(sentences(&text).all(|(_, s)| s.len() <= MAX_SENTENCE + 8));
    }
}
