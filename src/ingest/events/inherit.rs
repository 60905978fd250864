//! Sentences that say what will happen next, with no planned day of their
//! own: candidates on the day the sentences before them planned.

use super::words::title;
use super::{Candidate, From, Rule};
use crate::model::Status;
use crate::timex;

/// How many sentences back a planned day still dates what follows.
const INHERIT_WINDOW: usize = 3;

/// "Rubio will be in Paris on Thursday. Macron will meet him": a sentence
/// that says what will happen, with no planned date of its own, happens on
/// the day the last sentences planned. Its derivation says so: the same day
/// as that event.
pub(super) fn inherited_candidates(text: &str, out: &mut Vec<Candidate>) {
    let mut by_sentence: std::collections::HashMap<usize, Vec<usize>> = Default::default();
    for (i, c) in out.iter().enumerate() {
        by_sentence.entry(c.bytes.start).or_default().push(i);
    }
    let mut planned: Option<(usize, usize)> = None; // (candidate, sentence number)
    let (mut byte, mut chars) = (0, 0);
    for (n, (base, raw)) in timex::scan::sentences(text).enumerate() {
        let lead = raw.len() - raw.trim_start().len();
        let sentence = raw.trim();
        let s0 = base + lead;
        let own = by_sentence.get(&s0).map_or(&[][..], Vec::as_slice);
        let day_planned = own
            .iter()
            .copied()
            .find(|&i| out[i].status == Status::Scheduled && out[i].date.is_exact_day());
        if let Some(i) = day_planned {
            planned = Some((i, n));
            continue;
        }
        let future = {
            let s = crate::timex::scan::Sentence::new(sentence);
            (0..s.len()).any(|k| {
                s.w(k) == "will" || s.w(k) == "ll" && matches!(s.w(k.wrapping_sub(1)), "'" | "’")
            })
        };
        let Some((from, _)) = planned.filter(|(_, at)| n - at <= INHERIT_WINDOW) else {
            continue;
        };
        if !future || sentence.is_empty() {
            continue;
        }
        chars += text[byte..s0].chars().count();
        byte = s0;
        let source = &out[from];
        let c = Candidate {
            title: title(sentence, 0..0),
            sentence: sentence.to_string(),
            start: chars,
            end: chars + sentence.chars().count(),
            bytes: s0..s0 + sentence.len(),
            date: source.date,
            phrase: source.phrase.clone(),
            rule: Rule::SameDay,
            from: From::Event(from),
            status: Status::Scheduled,
            follows: false,
        };
        out.push(c);
        // a run of plans keeps the day: each one counts from the last
        planned = Some((from, n));
    }
}
