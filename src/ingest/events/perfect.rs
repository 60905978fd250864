//! Sentences with no date of their own but a present perfect ("Moscow has
//! refused"): candidates dated before the article.

use super::words::title;
use super::{Candidate, From, Rule};
use crate::model::Status;
use crate::timex;
use chrono::NaiveDate;

/// Adverbs that may stand between "has" and its participle.
const PERFECT_ADVERBS: &[&str] = &[
    "effectively",
    "already",
    "also",
    "not",
    "never",
    "long",
    "repeatedly",
    "recently",
    "since",
    "now",
    "just",
    "largely",
    "so",
    "far",
    "still",
    "previously",
    "reportedly",
];

/// Past participles that do not end in -ed or -en.
const PARTICIPLES: &[&str] = &[
    "made", "kept", "said", "held", "met", "led", "been", "won", "lost", "paid", "sent", "spent",
    "left", "brought", "bought", "taught", "told", "sold", "found", "built", "put", "set", "cut",
    "hit", "begun", "done", "gone", "seen", "grown", "shown", "known", "drawn", "thrown", "flown",
    "struck", "fought", "sought", "thought", "felt", "heard", "won", "become", "come", "run",
];

/// "has effectively refused", "have been held": a present perfect, as (byte span, ongoing).
fn present_perfect(sentence: &str) -> Option<(std::ops::Range<usize>, bool)> {
    let s = crate::timex::scan::Sentence::new(sentence);
    for i in 0..s.len() {
        if !matches!(s.w(i), "has" | "have") {
            continue;
        }
        // "could have affected" is no perfect of something that happened
        if matches!(
            s.w(i.wrapping_sub(1)),
            "could" | "would" | "should" | "might" | "must" | "may" | "will" | "to"
        ) {
            continue;
        }
        let mut j = i + 1;
        while PERFECT_ADVERBS.contains(&s.w(j)) {
            j += 1;
        }
        let w = s.w(j);
        let participle =
            PARTICIPLES.contains(&w) || (w.len() > 3 && (w.ends_with("ed") || w.ends_with("en")));
        if !participle {
            continue;
        }
        let mut end = j;
        let mut ongoing = false;
        if w == "been" {
            let next = s.w(j + 1);
            if next.ends_with("ing") {
                ongoing = true;
                end = j + 1;
            } else if next.ends_with("ed") || next.ends_with("en") || PARTICIPLES.contains(&next) {
                end = j + 1;
            }
        }
        return Some((s.toks[i].start..s.toks[end].end, ongoing));
    }
    None
}

/// Sentences with no date of their own but a present perfect ("Moscow has
/// refused"): something that happened before the article.
pub(super) fn perfect_candidates(text: &str, published: NaiveDate, out: &mut Vec<Candidate>) {
    let dated: std::collections::HashSet<usize> = out.iter().map(|c| c.bytes.start).collect();
    let Some(date) = Rule::BeforeAnchor.apply(published) else {
        return;
    };
    let (mut byte, mut chars) = (0, 0);
    for (base, raw) in timex::scan::sentences(text) {
        let lead = raw.len() - raw.trim_start().len();
        let sentence = raw.trim();
        let s0 = base + lead;
        if sentence.is_empty() || dated.contains(&s0) {
            continue;
        }
        let Some((span, ongoing)) = present_perfect(sentence) else {
            continue;
        };
        chars += text[byte..s0].chars().count();
        byte = s0;
        let start = chars;
        out.push(Candidate {
            title: title(sentence, 0..0),
            sentence: sentence.to_string(),
            start,
            end: start + sentence.chars().count(),
            bytes: s0..s0 + sentence.len(),
            date,
            phrase: sentence[span].to_string(),
            rule: Rule::BeforeAnchor,
            from: From::Source,
            status: if ongoing {
                Status::Ongoing
            } else {
                Status::Occurred
            },
            follows: false,
        });
    }
}
