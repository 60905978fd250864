//! Text search over events: every word of the query, in any order, each in
//! the title, summary, place, a quote, an actor's name or alias, or a topic,
//! in any case and with or without accents. The query's words are folded
//! ("Kraków" → "krakow"); each is looked for as it is and as every accented
//! spelling of it the text holds ("kraków"), by scans of the text store.
//! The longest word goes first; later words scan too while most events are
//! left, or are checked on the events left, in text order.

use crate::model::{ActorIx, EventIx, Timeline};
use crate::search::{Needle, words};

/// One folded word, and needles for it and for each of its spellings.
struct Word<'w> {
    folded: &'w str,
    needles: Vec<Needle>,
}

impl<'w> Word<'w> {
    fn new(t: &Timeline, folded: &'w str) -> Word<'w> {
        let mut needles = vec![t.needle(folded)];
        needles.extend(t.folded().spellings(folded).iter().map(|s| t.needle(s)));
        Word { folded, needles }
    }

    fn is_in(&self, text: &str) -> bool {
        self.needles.iter().any(|n| n.is_in(text))
    }
}

/// For each event, whether it holds every word of `query`; `None` for a
/// query without words.
pub(crate) fn search_hits(t: &Timeline, query: &str) -> Option<Vec<bool>> {
    let words = words(query);
    let (first, rest) = words.split_first()?;
    let mut hits = word_hits(t, &Word::new(t, first));
    for word in rest {
        let word = Word::new(t, word);
        let left = hits.iter().filter(|&&h| h).count();
        if left == 0 {
            break;
        }
        if left * 4 < t.len() {
            // Few events left: checking each is cheaper than a scan, which
            // also maps every match of a common word to its event.
            let mut holds = t.text_holds_among(&word.needles, &hits);
            add_name_hits(t, &word, &mut holds);
            for (hit, holds) in hits.iter_mut().zip(holds) {
                *hit &= holds;
            }
        } else {
            for (hit, other) in hits.iter_mut().zip(word_hits(t, &word)) {
                *hit &= other;
            }
        }
    }
    Some(hits)
}

/// The events that hold one word anywhere.
fn word_hits(t: &Timeline, word: &Word<'_>) -> Vec<bool> {
    let mut hits = t.text_matches_any(&word.needles).unwrap_or_else(|| {
        (0..t.len() as EventIx)
            .map(|e| {
                let ev = t.event(e);
                word.is_in(ev.title())
                    || word.is_in(ev.summary())
                    || word.is_in(ev.place())
                    || ev.quotes().any(|q| word.is_in(q.text()))
            })
            .collect()
    });
    add_name_hits(t, word, &mut hits);
    hits
}

/// Marks the events whose actors' names or aliases, or topics, hold a word.
fn add_name_hits(t: &Timeline, word: &Word<'_>, hits: &mut [bool]) {
    let folded = t.folded();
    for (a, names) in folded.actors.iter().enumerate() {
        if names.contains(word.folded) {
            for &e in t.events_of_actor(a as ActorIx) {
                hits[e as usize] = true;
            }
        }
    }
    let topics: Vec<bool> = folded
        .topics
        .iter()
        .map(|k| k.contains(word.folded))
        .collect();
    if topics.contains(&true) {
        for (e, hit) in hits.iter_mut().enumerate().filter(|(_, h)| !**h) {
            *hit = t
                .event(e as EventIx)
                .topic_ixs()
                .iter()
                .any(|&k| topics[k as usize]);
        }
    }
}
