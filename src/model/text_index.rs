//! Where each searchable string lies in the text store, so a search can scan
//! the store's few large segments at memory speed instead of calling a
//! substring search on millions of short strings, then map each match back
//! to its event.

use super::timeline::{EventIx, Timeline};
use crate::search::Needle;

/// One quote's span in the text store.
#[derive(Debug, Clone, Copy)]
pub(crate) struct QuoteSpan {
    pub start: u32,
    pub end: u32,
    /// The largest `end` of this span and every span before it, so a lookup
    /// knows how far back overlapping spans can reach.
    pub max_end: u32,
    pub event: EventIx,
}

#[derive(Debug, Default)]
pub(crate) struct TextIndex {
    /// Where each event's title starts, in text order (its summary follows it).
    pub blocks: Vec<u32>,
    /// The event of each block.
    pub block_event: Vec<EventIx>,
    /// Quote spans sorted by start.
    pub quotes: Vec<QuoteSpan>,
}

impl TextIndex {
    pub fn heap_bytes(&self) -> usize {
        self.blocks.capacity() * 4
            + self.block_event.capacity() * 4
            + self.quotes.capacity() * std::mem::size_of::<QuoteSpan>()
    }

    /// Builds the quote list, computing the running maximum of ends.
    pub fn with_quotes(mut self, mut spans: Vec<QuoteSpan>) -> TextIndex {
        spans.sort_unstable_by_key(|q| (q.start, q.end));
        let mut max_end = 0;
        for q in &mut spans {
            max_end = max_end.max(q.end);
            q.max_end = max_end;
        }
        self.quotes = spans;
        self
    }
}

impl Timeline {
    /// For each event, whether its title, summary, place or one of its
    /// quotes contains `needle`; `None` when the needle needs the slow path (made
    /// only of characters whose casing changes byte lengths, like "ß").
    pub fn text_matches(&self, needle: &Needle) -> Option<Vec<bool>> {
        self.text_matches_any(std::slice::from_ref(needle))
    }

    /// For each event, whether its title, summary, place or one of its
    /// quotes contains one of `needles` (one pass when they share an ASCII
    /// run); `None` when one of them needs the slow path.
    pub fn text_matches_any(&self, needles: &[Needle]) -> Option<Vec<bool>> {
        if needles.is_empty() || needles.iter().any(|n| !n.scans_fast() || n.is_empty()) {
            return None;
        }
        // Two chunks per segment, scanned on two threads.
        let mut chunks: Vec<(u32, &str, usize)> = Vec::new();
        for (base, text) in self.p.text.segments() {
            let mut mid = text.len() / 2;
            while !text.is_char_boundary(mid) {
                mid += 1;
            }
            chunks.push((base, text, mid));
            chunks.push((base + mid as u32, &text[mid..], text.len() - mid));
        }
        // Each chunk reports matches that start in its first `end` bytes.
        let scan = |list: &[(u32, &str, usize)]| -> Vec<EventIx> {
            let mut hits = Vec::new();
            for &(base, text, end) in list {
                Needle::for_each_match_of_any(needles, text, end, &mut |at, i| {
                    let len = needles[i].match_len(text, at) as u32;
                    if let Some(e) = self.owner(base + at as u32, len) {
                        hits.push(e);
                    }
                });
            }
            hits
        };
        let (first, second) = chunks.split_at(chunks.len() / 2);
        let (a, b) = std::thread::scope(|s| {
            let h = s.spawn(|| scan(second));
            (scan(first), h.join().unwrap_or_default())
        });
        let mut found = vec![false; self.len()];
        for e in a.into_iter().chain(b) {
            found[e as usize] = true;
        }
        Some(found)
    }

    /// The event whose title, summary, place or quote holds `[at, at + len)`
    /// (the loader writes an event's place after its title and summary).
    fn owner(&self, at: u32, len: u32) -> Option<EventIx> {
        let index = &self.p.text_index;
        let end = at + len;
        let i = index.blocks.partition_point(|&b| b <= at);
        if i > 0 {
            let event = index.block_event[i - 1];
            let e = &self.p.events[event as usize];
            let inside = |s: super::Str| at >= s.start && end <= s.start + s.len;
            if inside(e.title) || inside(e.summary) || inside(e.place) {
                return Some(event);
            }
        }
        let quotes = &index.quotes;
        let mut j = quotes.partition_point(|q| q.start <= at);
        while j > 0 && quotes[j - 1].max_end >= end {
            let q = &quotes[j - 1];
            if q.end >= end {
                return Some(q.event);
            }
            j -= 1;
        }
        None
    }
}
