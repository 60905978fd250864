//! Accents aside, without folding the text. Most text is ASCII; the words
//! that are not ("Kraków", "Jean-Noël") are gathered once, on the first
//! search, as a small vocabulary of distinct spellings, each folded
//! ("krakow"). A search word ("krakow", folded from what was typed) then
//! looks for itself and for each spelling of it the vocabulary holds
//! ("kraków"): every one by the same fast scan of the text store. Actor
//! names and topics, kept apart from the text, are folded alongside.

use super::text_index::QuoteSpan;
use super::timeline::{ActorIx, Str, Timeline};
use crate::fold::{fold_text, fold_text_mapped};

#[derive(Debug, Default)]
pub(crate) struct FoldedIndex {
    /// Distinct words with a non-ASCII character, in lower case, and each
    /// folded with the map back to its bytes.
    words: Vec<(String, String, Vec<usize>)>,
    /// The folded words one a line, to find a word in all of them at once,
    /// and where each starts.
    all_folded: String,
    starts: Vec<u32>,
    /// Each actor's name and aliases, folded, one a line.
    pub actors: Vec<String>,
    /// Each topic, folded.
    pub topics: Vec<String>,
    /// The title, summary and place of each block's event, in text order:
    /// scans that go through the text in order read them in order too,
    /// instead of one event record after another all over memory.
    pub block_fields: Vec<[Str; 3]>,
}

/// Longer "words" are not words (a URL, a run of symbols): left out.
const MAX_WORD: usize = 64;

/// The distinct words of `text` that hold a non-ASCII byte, as written. A
/// word is copied once, the first time: comparing with the copies, few and
/// close together, stays in cache, where comparing with the text where a
/// word was first seen would not.
fn accented_words(text: &str, into: &mut hashbrown::HashSet<Box<str>>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Skip ASCII eight bytes at a time.
        while let Some(chunk) = bytes.get(at..at + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            if word & 0x8080_8080_8080_8080 != 0 {
                break;
            }
            at += 8;
        }
        let Some(off) = bytes[at..].iter().position(|b| !b.is_ascii()) else {
            return;
        };
        let hit = at + off;
        let start = bytes[..hit]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |p| p + 1);
        let end = bytes[hit..]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(bytes.len(), |p| hit + p);
        if end - start <= MAX_WORD
            && let Some(word) = text.get(start..end)
            && !into.contains(word)
        {
            into.insert(word.into());
        }
        at = end;
    }
}

impl FoldedIndex {
    fn build(t: &Timeline) -> FoldedIndex {
        let block_fields = block_fields(t);
        // The words of each string a search looks in, string by string (the
        // store's text runs one string into the next), on two threads.
        let quotes = &t.p.text_index.quotes;
        let (fields_a, fields_b) = block_fields.split_at(block_fields.len() / 2);
        let (quotes_a, quotes_b) = quotes.split_at(quotes.len() / 2);
        let gather = |fields: &[[Str; 3]], quotes: &[QuoteSpan]| {
            let mut set = hashbrown::HashSet::new();
            let spans = quotes.iter().map(|q| Str {
                start: q.start,
                len: q.end - q.start,
            });
            for s in fields.iter().flatten().copied().chain(spans) {
                accented_words(t.str(s), &mut set);
            }
            set
        };
        let (mut words, more) = std::thread::scope(|s| {
            let h = s.spawn(|| gather(fields_b, quotes_b));
            (gather(fields_a, quotes_a), h.join().unwrap_or_default())
        });
        words.extend(more);
        let lower: hashbrown::HashSet<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut words: Vec<(String, String, Vec<usize>)> = lower
            .into_iter()
            .filter_map(|w| {
                let (folded, map) = fold_text_mapped(&w);
                // A word that folds to itself (Cyrillic, Greek) is found as it is.
                (folded != w).then_some((w, folded, map))
            })
            .collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut all_folded = String::new();
        let mut starts = Vec::with_capacity(words.len());
        for (_, folded, _) in &words {
            starts.push(all_folded.len() as u32);
            all_folded.push_str(folded);
            all_folded.push('\n');
        }
        let actors = (0..t.actor_count() as ActorIx)
            .map(|a| {
                let actor = t.actor(a);
                let mut all = fold_text(actor.name());
                for alias in actor.aliases() {
                    all.push('\n');
                    all.push_str(&fold_text(alias));
                }
                all
            })
            .collect();
        let topics = (0..t.topic_count() as u32)
            .map(|k| fold_text(t.topic_name(k)))
            .collect();
        FoldedIndex {
            words,
            all_folded,
            starts,
            actors,
            topics,
            block_fields,
        }
    }

    /// The spellings in the text of a folded word that are not the word
    /// itself: for "krakow", "kraków"; for "noel", "noël" (from
    /// "jean-noël"). Each is the part of a vocabulary word that folds to it.
    pub fn spellings(&self, word: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if word.is_empty() {
            return out;
        }
        for hit in memchr::memmem::find_iter(self.all_folded.as_bytes(), word.as_bytes()) {
            let i = self.starts.partition_point(|&s| s as usize <= hit) - 1;
            let (original, _, map) = &self.words[i];
            // Words hold no line break, so a hit lies within one word.
            let at = hit - self.starts[i] as usize;
            let start = map[at];
            let last = map[at + word.len() - 1];
            let end = last + original[last..].chars().next().map_or(0, char::len_utf8);
            let part = &original[start..end];
            if !part.is_ascii() && !out.iter().any(|o| o == part) {
                out.push(part.to_string());
            }
        }
        out
    }
}

/// Each block's event's title, summary and place, in block order: the
/// events are read in their own order and the fields scattered to their
/// blocks, so memory is read in order.
fn block_fields(t: &Timeline) -> Vec<[Str; 3]> {
    let index = &t.p.text_index;
    let mut block_of = vec![u32::MAX; t.p.events.len()];
    for (j, &e) in index.block_event.iter().enumerate() {
        if let Some(b) = block_of.get_mut(e as usize) {
            *b = j as u32;
        }
    }
    let mut fields = vec![[Str::default(); 3]; index.blocks.len()];
    for (e, &j) in t.p.events.iter().zip(&block_of) {
        if let Some(f) = fields.get_mut(j as usize) {
            *f = [e.title, e.summary, e.place];
        }
    }
    fields
}

impl Timeline {
    pub(crate) fn folded(&self) -> &FoldedIndex {
        self.folded.get_or_init(|| FoldedIndex::build(self))
    }

    /// Gathers what searching accents aside needs, which the first search
    /// would otherwise do (a fraction of a second at a million events): the
    /// browser calls it on a thread of its own once the timeline is loaded.
    pub fn prepare_search(&self) {
        self.folded();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_words_are_gathered_once() {
        let mut set = hashbrown::HashSet::new();
        accented_words(
            "Talks in Kraków, then KRAKÓW and Jean-Noël; plain text Kraków",
            &mut set,
        );
        let mut words: Vec<&str> = set.iter().map(|w| &**w).collect();
        words.sort();
        assert_eq!(words, ["Jean-Noël;", "KRAKÓW", "Kraków", "Kraków,"]);
    }

    #[test]
    fn spellings_of_a_folded_word() {
        let mut index = FoldedIndex {
            words: ["kraków,", "jean-noël", "noël"]
                .into_iter()
                .map(|w| {
                    let (f, m) = fold_text_mapped(w);
                    (w.to_string(), f, m)
                })
                .collect(),
            ..FoldedIndex::default()
        };
        for (_, folded, _) in &index.words {
            index.starts.push(index.all_folded.len() as u32);
            index.all_folded.push_str(folded);
            index.all_folded.push('\n');
        }
        assert_eq!(index.spellings("krakow"), ["kraków"]);
        assert_eq!(index.spellings("noel"), ["noël"]);
        assert_eq!(
            index.spellings("jean"),
            Vec::<String>::new(),
            "ASCII parts are found as typed"
        );
        assert_eq!(index.spellings("kow"), ["ków"]);
    }
}
