//! The tense of the words around an expression, which decides whether
//! "on Thursday" is the last Thursday or the next one.

use super::lexicon::{FUTURE_MARKERS, NOT_PAST, PAST_MARKERS};
use super::scan::{Sentence, TokKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    /// "is visiting", "begins": present forms that news uses for what is planned.
    Present,
    Future,
    Unknown,
}

/// How far from the expression to look, in tokens, so that a long
/// sentence costs no more than a short one.
const WINDOW: usize = 24;

fn marker(s: &Sentence, i: usize) -> Option<Tense> {
    if s.kind(i) != Some(TokKind::Word) {
        return None;
    }
    let w = s.w(i);
    if FUTURE_MARKERS.contains(&w) {
        // "set" and "going" only as "set to", "going to"; "due" as "due to"
        if matches!(w, "set" | "going" | "due") && s.w(i + 1) != "to" {
            return None;
        }
        if w == "ll" && !matches!(s.w(i.wrapping_sub(1)), "'" | "’") {
            return None;
        }
        return Some(Tense::Future);
    }
    // "to be held", "will be signed": a participle after "be" is not past
    let after_be = s.w(i.wrapping_sub(1)) == "be";
    if PAST_MARKERS.contains(&w) && !after_be {
        return Some(Tense::Past);
    }
    // "will be finalized", "to be held": the participle after "be" is not past
    if w == "be" {
        return Some(Tense::Future);
    }
    if w.len() > 4 && w.ends_with("ed") && !NOT_PAST.contains(&w) && !w.ends_with("eed") {
        if s.w(i.wrapping_sub(1)) == "be" {
            return None;
        }
        return Some(Tense::Past);
    }
    if matches!(w, "is" | "are" | "am") && s.w(i + 1).ends_with("ing") {
        return Some(Tense::Present);
    }
    None
}

/// The tense nearest to tokens `start..end`: first to the left, then to the right.
pub fn tense_at(s: &Sentence, start: usize, end: usize) -> Tense {
    // "since November" looks back, "until Friday" forward, whatever the verb.
    match s.w(start.wrapping_sub(1)) {
        "since" => return Tense::Past,
        "until" | "till" => return Tense::Future,
        _ => {}
    }
    let left = (start.saturating_sub(WINDOW)..start).rev();
    let right = end..(end + WINDOW).min(s.len());
    left.chain(right)
        .find_map(|i| marker(s, i))
        .unwrap_or(Tense::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(text: &str, word: &str) -> Tense {
        let s = Sentence::new(text);
        let i = (0..s.len()).find(|&i| s.w(i) == word).unwrap();
        tense_at(&s, i, i + 1)
    }

    #[test]
    fn reads_the_nearest_marker() {
        assert_eq!(
            tense("The minister will travel on Monday", "monday"),
            Tense::Future
        );
        assert_eq!(
            tense("The minister travelled on Monday", "monday"),
            Tense::Past
        );
        assert_eq!(
            tense("She said talks would resume on Monday", "monday"),
            Tense::Future
        );
        assert_eq!(
            tense("Talks are expected on Saturday", "saturday"),
            Tense::Future
        );
        assert_eq!(
            tense("On Monday, police arrested him", "monday"),
            Tense::Past
        );
        assert_eq!(
            tense("He is visiting Rome on Monday", "monday"),
            Tense::Present
        );
        assert_eq!(tense("Monday", "monday"), Tense::Unknown);
        assert_eq!(
            tense("The deal said it will be finalized by Monday", "monday"),
            Tense::Future
        );
        assert_eq!(
            tense("Markets closed until Monday", "monday"),
            Tense::Future
        );
        assert_eq!(
            tense("The best week since November", "november"),
            Tense::Past
        );
    }

    #[test]
    fn words_ending_in_ed_that_are_not_past() {
        assert_eq!(tense("They need help on Monday", "monday"), Tense::Unknown);
    }
}
