//! The accent-folded side of search. Most text is ASCII and is scanned as
//! it is; the few strings with accents or letters like "ø" and "ß" are
//! folded once ("Kraków" → "krakow") into a small text of their own, with
//! each string's event, so an ASCII word finds them by the same fast scan.
//! Actor names and topics are folded alongside. Built on the first search.

use super::timeline::{ActorIx, EventIx, Timeline};
use crate::fold::fold_text;
use crate::search::Needle;

#[derive(Debug, Default)]
pub(crate) struct FoldedIndex {
    /// Folded strings that differ from their lower case, one a line.
    text: String,
    /// Where each string starts in `text`, in order.
    starts: Vec<u32>,
    /// The event each string belongs to.
    owner: Vec<EventIx>,
    /// Each actor's name and aliases, folded, one a line.
    pub actors: Vec<String>,
    /// Each topic, folded.
    pub topics: Vec<String>,
}

impl FoldedIndex {
    fn build(t: &Timeline) -> FoldedIndex {
        let part = |range: std::ops::Range<usize>| {
            let mut text = String::new();
            let mut starts = Vec::new();
            let mut owner = Vec::new();
            for e in range {
                let ev = t.event(e as EventIx);
                let strings = [ev.title(), ev.summary(), ev.place()]
                    .into_iter()
                    .chain(ev.quotes().map(|q| q.text()));
                for s in strings.filter(|s| !s.is_ascii()) {
                    let folded = fold_text(s);
                    if folded != s.to_lowercase() {
                        starts.push(text.len() as u32);
                        owner.push(e as EventIx);
                        text.push_str(&folded);
                        text.push('\n');
                    }
                }
            }
            (text, starts, owner)
        };
        let mid = t.len() / 2;
        let ((mut text, mut starts, mut owner), (text2, starts2, owner2)) =
            std::thread::scope(|s| {
                let second = s.spawn(|| part(mid..t.len()));
                (part(0..mid), second.join().unwrap_or_default())
            });
        let base = text.len() as u32;
        text.push_str(&text2);
        starts.extend(starts2.into_iter().map(|s| s + base));
        owner.extend(owner2);
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
            text,
            starts,
            owner,
            actors,
            topics,
        }
    }

    /// Marks the events whose folded strings hold `needle`.
    pub fn mark(&self, needle: &Needle, hits: &mut [bool]) {
        if self.text.is_empty() || needle.is_empty() {
            return;
        }
        let mut mark = |at: usize| {
            let i = self.starts.partition_point(|&s| s as usize <= at);
            if i > 0 {
                hits[self.owner[i - 1] as usize] = true;
            }
        };
        if needle.scans_fast() {
            needle.for_each_match(&self.text, self.text.len(), &mut mark);
        } else {
            for (i, &start) in self.starts.iter().enumerate() {
                let end = self
                    .starts
                    .get(i + 1)
                    .map_or(self.text.len(), |&s| s as usize);
                if needle.is_in(&self.text[start as usize..end]) {
                    hits[self.owner[i] as usize] = true;
                }
            }
        }
    }
}

impl Timeline {
    pub(crate) fn folded(&self) -> &FoldedIndex {
        self.folded.get_or_init(|| FoldedIndex::build(self))
    }
}
