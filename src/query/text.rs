//! Text search over events: every word of the query, in any order, each in
//! the title, summary, place, a quote, an actor's name or alias, or a topic,
//! in any case and with or without accents. The query's words are folded
//! ("Kraków" → "krakow"); each is looked for as it is and as every accented
//! spelling of it the text holds ("kraków"), by scans of the text store.
//! The rarest word (by a sample of the text) goes first; the later ones are
//! checked in each event that holds it, while the scan is at the event's
//! text, or, when even the rarest is in most events, scanned for too.

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
    let words = rarest_first(t, &words);
    let (_, seen) = words.first()?;
    // When even the rarest word is in most events, a scan for each of the
    // others costs less than checking them in every one of those.
    Some(all_words(t, &words, seen.saturating_mul(4) < t.len()))
}

/// The words, the rarest first as a sample of the text says (the longest
/// first among equals), each with the matches the sample foretells.
fn rarest_first<'w>(t: &Timeline, words: &'w [String]) -> Vec<(Word<'w>, usize)> {
    let mut words: Vec<(Word<'_>, usize)> = words
        .iter()
        .map(|w| {
            let word = Word::new(t, w);
            let seen = t.estimate_matches(&word.needles);
            (word, seen)
        })
        .collect();
    words.sort_by_key(|(_, seen)| *seen);
    words
}

/// The events that hold every word: each word scanned for and the hits
/// intersected, or, `in_scan`, the first scanned for and the others
/// checked in each event it finds.
fn all_words(t: &Timeline, words: &[(Word<'_>, usize)], in_scan: bool) -> Vec<bool> {
    let all = |_: EventIx, _: Option<usize>| true;
    let Some(((first, _), rest)) = words.split_first() else {
        return vec![false; t.len()];
    };
    if rest.is_empty() {
        return word_hits(t, first, &all);
    }
    if !in_scan {
        let mut hits = word_hits(t, first, &all);
        for (word, _) in rest {
            for (hit, other) in hits.iter_mut().zip(word_hits(t, word, &all)) {
                *hit &= other;
            }
        }
        return hits;
    }
    let rest: Vec<&Word<'_>> = rest.iter().map(|(w, _)| w).collect();
    // The events whose actors or topics hold each later word, found apart.
    let named: Vec<Vec<bool>> = rest
        .iter()
        .map(|w| {
            let mut named = vec![false; t.len()];
            add_name_hits(t, w, &mut named);
            named
        })
        .collect();
    // Only the first word is scanned for; the others are checked in each
    // event that holds it while the scan is there, its text in cache.
    let holds_rest = |e: EventIx, block: Option<usize>| {
        rest.iter()
            .zip(&named)
            .all(|(w, named)| named[e as usize] || event_holds(t, w, e, block))
    };
    word_hits(t, first, &holds_rest)
}

/// The events that hold `word` anywhere and for which `keep` says yes
/// (given the event's block when the word was found in its title, summary
/// or place).
fn word_hits(
    t: &Timeline,
    word: &Word<'_>,
    keep: &(dyn Fn(EventIx, Option<usize>) -> bool + Sync),
) -> Vec<bool> {
    let mut hits = t
        .text_matches_where(&word.needles, keep)
        .unwrap_or_else(|| {
            (0..t.len() as EventIx)
                .map(|e| event_holds(t, word, e, None) && keep(e, None))
                .collect()
        });
    let mut named = vec![false; t.len()];
    add_name_hits(t, word, &mut named);
    for (e, hit) in hits.iter_mut().enumerate() {
        if named[e] && !*hit {
            *hit = keep(e as EventIx, None);
        }
    }
    hits
}

/// Whether event `e`'s title, summary, place or a quote holds `word`; its
/// block in the text index, when known, gives the first three in text
/// order (their references are then in cache).
fn event_holds(t: &Timeline, word: &Word<'_>, e: EventIx, block: Option<usize>) -> bool {
    let ev = t.event(e);
    let fields = block.and_then(|j| t.folded().block_fields.get(j));
    let in_fields = match fields {
        Some(fields) => fields.iter().any(|&s| word.is_in(t.str(s))),
        None => word.is_in(ev.title()) || word.is_in(ev.summary()) || word.is_in(ev.place()),
    };
    in_fields || ev.quotes().any(|q| word.is_in(q.text()))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Format, load_bytes};

    /// A timeline of events whose title, summary, place and one quote are
    /// the texts given, four to an event.
    fn timeline(texts: &[String]) -> Timeline {
        let mut lines = vec![r#"{"dateline":1}"#.to_string()];
        lines.push(r#"{"actor":{"id":"a0","name":"Zoë Straße","kind":"person"}}"#.to_string());
        for (i, t) in texts.chunks(4).enumerate() {
            let s = |k: usize| serde_json::to_string(&t.get(k).cloned().unwrap_or_default());
            let (title, summary, place, quote) = (s(0).ok(), s(1).ok(), s(2).ok(), s(3).ok());
            let (Some(title), Some(summary), Some(place), Some(quote)) =
                (title, summary, place, quote)
            else {
                continue;
            };
            // The source holds the quote once, behind text of its own.
            lines.push(format!(
                r##"{{"source":{{"id":"s{i}","outlet":"O","title":"T","published":"2025-01-01","text":"# {} ~ {}"}}}}"##,
                &quote[1..quote.len() - 1],
                &summary[1..summary.len() - 1],
            ));
            let actors = if i % 5 == 0 {
                r#","actors":[{"id":"a0","role":"host"}]"#
            } else {
                ""
            };
            lines.push(format!(
                r##"{{"event":{{"id":"e{i}","title":"x{}","summary":{summary},"date":"2025","place":{{"name":{place}}}{actors},"quotes":[{{"source":"s{i}","text":"# {}"}}]}}}}"##,
                &title[1..title.len() - 1],
                &quote[1..quote.len() - 1],
            ));
        }
        let bytes = lines.join("\n");
        load_bytes("t.jsonl", bytes.as_bytes(), Format::Lines, &|_| {
            Err(String::new())
        })
        .unwrap()
    }

    /// Every word checked in every event's strings one by one.
    fn plain(t: &Timeline, query: &str) -> Vec<bool> {
        let folded = words(query);
        let words: Vec<Word<'_>> = folded.iter().map(|w| Word::new(t, w)).collect();
        (0..t.len() as EventIx)
            .map(|e| {
                words.iter().all(|w| {
                    let mut named = vec![false; t.len()];
                    add_name_hits(t, w, &mut named);
                    named[e as usize] || event_holds(t, w, e, None)
                })
            })
            .collect()
    }

    #[test]
    fn words_are_found_across_fields_quotes_and_names() {
        let texts: Vec<String> = [
            "Ab",
            "İstanbul talks",
            "Kraków",
            "in STRASSE",
            "b",
            "",
            "",
            "ob",
        ]
        .map(String::from)
        .to_vec();
        let t = timeline(&texts);
        assert_eq!(t.len(), 2);
        for (query, want) in [
            ("istanbul krakow", [true, false]),
            ("talks strasse", [true, false]),
            ("zoe ab", [true, false]),
            ("ob b", [false, true]),
            ("kraków nowhere", [false, false]),
        ] {
            assert_eq!(search_hits(&t, query).unwrap(), want, "{query}");
            let folded = words(query);
            let words = rarest_first(&t, &folded);
            for in_scan in [false, true] {
                assert_eq!(all_words(&t, &words, in_scan), want, "{query}");
            }
            assert_eq!(plain(&t, query), want, "{query}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// The scan for the first word, checking the others in each event
        /// it finds, agrees with checking every word in every event, on
        /// text with accents, characters whose casing changes byte lengths
        /// and words the actor's name holds.
        #[test]
        fn scanning_agrees_with_checking_each_event(
            texts in proptest::collection::vec("[abkoöÖsSßẞİIıi\u{307} .]{0,14}", 8..40),
            query in "(ab|ob|öb|İs|is|ßa|ss|zoe|strasse|kö|a|b) (ab|ob|is|ss|zo|ba|ö|k)",
        ) {
            let t = timeline(&texts);
            proptest::prop_assert_eq!(t.len(), texts.len().div_ceil(4));
            let want = plain(&t, &query);
            proptest::prop_assert_eq!(search_hits(&t, &query).unwrap_or_default(), want.clone());
            let folded = words(&query);
            let words = rarest_first(&t, &folded);
            for in_scan in [false, true] {
                proptest::prop_assert_eq!(all_words(&t, &words, in_scan), want.clone());
            }
        }
    }
}
