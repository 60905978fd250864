//! Text search over events: every word of the query, in any order, each in
//! the title, summary, place, a quote, an actor's name or alias, or a topic,
//! in any case and with or without accents. Each word's events are found
//! by one scan of the text store (and of the few folded strings with
//! accents); the words after the first only check the events still in.

use crate::model::{ActorIx, EventIx, Timeline};
use crate::search::{Needle, holds, words};

/// For each event, whether it holds every word of `query`; `None` for a
/// query without words.
pub(crate) fn search_hits(t: &Timeline, query: &str) -> Option<Vec<bool>> {
    let words = words(query);
    let (first, rest) = words.split_first()?;
    let mut hits = word_hits(t, first);
    for word in rest {
        let left = hits.iter().filter(|&&h| h).count();
        if left == 0 {
            break;
        }
        if left * 16 < t.len() {
            // Few events left: checking each is cheaper than a scan.
            let needle = t.needle(word);
            for (e, hit) in hits.iter_mut().enumerate().filter(|(_, h)| **h) {
                *hit = event_holds(t, e as EventIx, word, &needle);
            }
        } else {
            for (hit, other) in hits.iter_mut().zip(word_hits(t, word)) {
                *hit &= other;
            }
        }
    }
    Some(hits)
}

/// The events that hold one folded word anywhere.
fn word_hits(t: &Timeline, word: &str) -> Vec<bool> {
    let needle = t.needle(word);
    let mut hits = t.text_matches(&needle).unwrap_or_else(|| {
        (0..t.len() as EventIx)
            .map(|e| {
                let ev = t.event(e);
                needle.is_in(ev.title())
                    || needle.is_in(ev.summary())
                    || needle.is_in(ev.place())
                    || ev.quotes().any(|q| needle.is_in(q.text()))
            })
            .collect()
    });
    let folded = t.folded();
    folded.mark(&needle, &mut hits);
    for (a, names) in folded.actors.iter().enumerate() {
        if names.contains(word) {
            for &e in t.events_of_actor(a as ActorIx) {
                hits[e as usize] = true;
            }
        }
    }
    let topics: Vec<bool> = folded.topics.iter().map(|k| k.contains(word)).collect();
    if topics.contains(&true) {
        for (e, hit) in hits.iter_mut().enumerate() {
            if !*hit {
                *hit = t
                    .event(e as EventIx)
                    .topic_ixs()
                    .iter()
                    .any(|&k| topics[k as usize]);
            }
        }
    }
    hits
}

/// Whether one event holds a folded word anywhere (the check `word_hits`
/// must agree with).
pub(crate) fn event_holds(t: &Timeline, e: EventIx, word: &str, needle: &Needle) -> bool {
    let ev = t.event(e);
    let text = |s: &str| needle.is_in(s) || (!s.is_ascii() && holds(s, word));
    let folded = t.folded();
    text(ev.title())
        || text(ev.summary())
        || text(ev.place())
        || ev.quotes().any(|q| text(q.text()))
        || ev
            .actors()
            .iter()
            .any(|a| folded.actors[a.actor as usize].contains(word))
        || ev
            .topic_ixs()
            .iter()
            .any(|&k| folded.topics[k as usize].contains(word))
}
