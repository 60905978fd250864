//! Where each searchable string lies in the text store, so a search can scan
//! the store's few large segments at memory speed instead of calling a
//! substring search on millions of short strings, then map each match back
//! to its event.

use super::table::Table;
use super::timeline::{EventIx, Timeline};
use crate::search::Needle;

/// One quote's span in the text store.
#[derive(
    Debug,
    Clone,
    Copy,
    zerocopy::TryFromBytes,
    zerocopy::IntoBytes,
    zerocopy::Immutable,
    zerocopy::KnownLayout,
)]
#[repr(C)]
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
    pub blocks: Table<u32>,
    /// The event of each block.
    pub block_event: Table<EventIx>,
    /// Quote spans sorted by start.
    pub quotes: Table<QuoteSpan>,
}

impl TextIndex {
    pub fn heap_bytes(&self) -> usize {
        self.blocks.heap_bytes() + self.block_event.heap_bytes() + self.quotes.heap_bytes()
    }

    /// Builds the quote list, computing the running maximum of ends.
    pub fn with_quotes(mut self, mut spans: Vec<QuoteSpan>) -> TextIndex {
        spans.sort_unstable_by_key(|q| (q.start, q.end));
        let mut max_end = 0;
        for q in &mut spans {
            max_end = max_end.max(q.end);
            q.max_end = max_end;
        }
        self.quotes = spans.into();
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
    /// quotes contains one of `needles` (one pass for all of them); `None`
    /// when one of them needs the slow path.
    pub fn text_matches_any(&self, needles: &[Needle]) -> Option<Vec<bool>> {
        self.text_matches_where(needles, &|_, _| true)
    }

    /// About how many times `needles` occur in the text store: the matches
    /// in 64 slices of 16 KiB spread over it, scaled to the whole (or all
    /// of them, in a smaller text). A tenth of a millisecond, to choose
    /// which word of a search to scan for first.
    pub(crate) fn estimate_matches(&self, needles: &[Needle]) -> usize {
        const SLICES: usize = 64;
        const SLICE: usize = 16 << 10;
        let total: usize = self.p.text.segments().map(|(_, s)| s.len()).sum();
        let step = (total / SLICES).max(SLICE);
        let (mut seen, mut sampled) = (0usize, 0usize);
        let mut skipped = 0usize;
        for (_, text) in self.p.text.segments() {
            let mut at = skipped.min(text.len());
            while at < text.len() {
                let mut from = at;
                while !text.is_char_boundary(from) {
                    from += 1;
                }
                let mut to = (at + SLICE).min(text.len());
                while !text.is_char_boundary(to) {
                    to += 1;
                }
                if let Some(slice) = text.get(from..to) {
                    Needle::for_each_match_of_any(needles, slice, slice.len(), &mut |_, _| {
                        seen += 1
                    });
                    sampled += slice.len();
                }
                at += step;
            }
            skipped = at - text.len();
        }
        if sampled == 0 {
            return 0;
        }
        (seen as u128 * total as u128 / sampled as u128) as usize
    }

    /// [`Timeline::text_matches_any`], keeping only the events for which
    /// `keep` says yes. It is asked once an event while the scan is at the
    /// event's text, which is then in cache, with the event's block when
    /// the match lies in its title, summary or place (for
    /// [`FoldedIndex::block_fields`](super::folded::FoldedIndex)).
    pub(crate) fn text_matches_where(
        &self,
        needles: &[Needle],
        keep: &(dyn Fn(EventIx, Option<usize>) -> bool + Sync),
    ) -> Option<Vec<bool>> {
        if needles.is_empty() || needles.iter().any(|n| !n.scans_fast() || n.is_empty()) {
            return None;
        }
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let total: usize = self.p.text.segments().map(|(_, s)| s.len()).sum();
        // Several chunks a thread, so that one that finds more to map back
        // does not leave the others idle at the end.
        let chunk_len = (total / (threads * 4)).max(MIN_CHUNK);
        Some(self.scan_text(needles, keep, chunk_len, threads))
    }

    /// The scan of [`Timeline::text_matches_where`], over chunks of about
    /// `chunk_len` bytes shared out among `threads` threads.
    fn scan_text(
        &self,
        needles: &[Needle],
        keep: &(dyn Fn(EventIx, Option<usize>) -> bool + Sync),
        chunk_len: usize,
        threads: usize,
    ) -> Vec<bool> {
        let chunks = chunks(self.p.text.segments(), chunk_len);
        let fields = &self.folded().block_fields;
        let next = std::sync::atomic::AtomicUsize::new(0);
        // Each thread takes the next chunk until none is left, and lists
        // the events it keeps (an event once for a run of matches in it).
        let scan = || {
            let mut hits: Vec<EventIx> = Vec::new();
            let mut last: Option<EventIx> = None;
            let mut owners = vec![Owners::default(); needles.len()];
            while let Some(&(base, text, end)) =
                chunks.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
            {
                Needle::for_each_match_of_any(needles, text, end, &mut |at, i| {
                    let len = needles[i].match_len(text, at) as u32;
                    if let Some((e, block)) = owners[i].owner(self, fields, base + at as u32, len)
                        && last != Some(e)
                    {
                        last = Some(e);
                        if keep(e, block) {
                            hits.push(e);
                        }
                    }
                });
            }
            hits
        };
        let lists: Vec<Vec<EventIx>> = std::thread::scope(|s| {
            let others: Vec<_> = (1..threads.min(chunks.len()))
                .map(|_| s.spawn(scan))
                .collect();
            let mut lists = vec![scan()];
            for h in others {
                lists.push(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            }
            lists
        });
        let mut found = vec![false; self.len()];
        for e in lists.into_iter().flatten() {
            found[e as usize] = true;
        }
        found
    }
}

/// Chunks smaller than this are not worth a thread's time.
const MIN_CHUNK: usize = 256 << 10;

/// The segments cut into chunks of about `chunk_len` bytes, at character
/// boundaries: each is the offset it starts at, the text from there to
/// the end of its segment (a match may run past the cut) and the length
/// of the chunk proper (where a match must start).
fn chunks<'a>(
    segments: impl Iterator<Item = (u32, &'a str)>,
    chunk_len: usize,
) -> Vec<(u32, &'a str, usize)> {
    let mut out = Vec::new();
    for (base, text) in segments {
        let mut from = 0;
        while from < text.len() {
            let mut to = from.saturating_add(chunk_len.max(1)).min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            out.push((base + from as u32, &text[from..], to - from));
            from = to;
        }
    }
    out
}

/// Maps matches, which come about in text order, to the events that hold
/// them: each lookup starts where the previous one ended, and the
/// blocks' fields are read in text order too.
#[derive(Debug, Clone, Default)]
struct Owners {
    block: usize,
    quote: usize,
}

impl Owners {
    /// The event whose title, summary, place or quote holds
    /// `[at, at + len)` (the loader writes an event's place after its
    /// title and summary).
    fn owner(
        &mut self,
        t: &Timeline,
        fields: &[[super::Str; 3]],
        at: u32,
        len: u32,
    ) -> Option<(EventIx, Option<usize>)> {
        let index = &t.p.text_index;
        let end = at + len;
        let i = seek(&index.blocks, self.block, at, |&b| b);
        self.block = i;
        if i > 0
            && let Some(f) = fields.get(i - 1)
            && f.iter().any(|s| at >= s.start && end <= s.start + s.len)
        {
            return Some((index.block_event[i - 1], Some(i - 1)));
        }
        let quotes = &index.quotes;
        let mut j = seek(quotes, self.quote, at, |q| q.start);
        self.quote = j;
        while j > 0 && quotes[j - 1].max_end >= end {
            let q = &quotes[j - 1];
            if q.end >= end {
                return Some((q.event, None));
            }
            j -= 1;
        }
        None
    }
}

/// `items.partition_point(|x| key(x) <= at)` for items sorted by `key`,
/// searched forward from `hint` (the previous answer) by doubling steps
/// unless `at` went back: matches come about in order, so the answer is
/// mostly at the hint or just past it.
fn seek<T>(items: &[T], hint: usize, at: u32, key: impl Fn(&T) -> u32) -> usize {
    let len = items.len();
    if hint > len || (hint > 0 && key(&items[hint - 1]) > at) {
        return items.partition_point(|x| key(x) <= at);
    }
    let (mut i, mut step) = (hint, 1);
    while i + step <= len && key(&items[i + step - 1]) <= at {
        i += step;
        step *= 2;
    }
    i + items[i..(i + step).min(len)].partition_point(|x| key(x) <= at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Format, load_bytes};

    proptest::proptest! {
        #[test]
        fn seeking_from_a_hint_agrees_with_a_binary_search(
            mut items in proptest::collection::vec(0u32..50, 0..40),
            hint in 0usize..45,
            at in 0u32..55,
        ) {
            items.sort_unstable();
            proptest::prop_assert_eq!(
                seek(&items, hint, at, |&x| x),
                items.partition_point(|&x| x <= at)
            );
        }
    }

    #[test]
    fn chunks_cut_at_character_boundaries_and_cover_every_byte() {
        let text = "aé€b😀cdéé";
        for len in 1..12 {
            let cut = chunks([(100, text)].into_iter(), len);
            let mut at = 100;
            for &(base, rest, end) in &cut {
                assert_eq!(base, at);
                assert!(end >= 1 && end <= rest.len());
                assert_eq!(rest, &text[(base - 100) as usize..]);
                at += end as u32;
            }
            assert_eq!(at as usize, 100 + text.len());
        }
    }

    #[test]
    fn estimates_rank_words_by_how_often_they_occur() {
        let mut bytes = Vec::new();
        crate::synth::write(&mut bytes, 400, 3).unwrap();
        let t = load_bytes("gen.jsonl", &bytes, Format::Lines, &|_| Err(String::new())).unwrap();
        let seen = |w: &str| t.estimate_matches(&[t.needle(w)]);
        // A text this small is read whole: every match counted once.
        let mut talks = 0;
        for (_, text) in t.p.text.segments() {
            t.needle("talks")
                .for_each_match(text, text.len(), |_| talks += 1);
        }
        assert_eq!(seen("talks"), talks);
        assert_eq!(seen("zzqq"), 0);
        assert!(seen("e") > seen("talks") && seen("talks") > seen("kraków"));
    }

    /// Scanning in many small chunks on several threads finds exactly what
    /// checking each event's strings finds.
    #[test]
    fn chunked_scans_agree_with_checking_each_event() {
        let mut bytes = Vec::new();
        crate::synth::write(&mut bytes, 400, 3).unwrap();
        let t = load_bytes("gen.jsonl", &bytes, Format::Lines, &|_| Err(String::new())).unwrap();
        let queries: &[&[&str]] = &[
            &["kraków"],
            &["krakow", "kraków"],
            &["istanbul", "i\u{307}stanbul"],
            &["talks", "said"],
            &["é"],
            &["e"],
            &["straße", "ss"],
            &["zz"],
        ];
        for q in queries {
            let needles: Vec<Needle> = q.iter().map(|s| t.needle(s)).collect();
            let each: Vec<bool> = (0..t.len() as EventIx)
                .map(|e| {
                    let ev = t.event(e);
                    needles.iter().any(|n| {
                        n.is_in(ev.title())
                            || n.is_in(ev.summary())
                            || n.is_in(ev.place())
                            || ev.quotes().any(|q| n.is_in(q.text()))
                    })
                })
                .collect();
            assert!(needles.iter().all(Needle::scans_fast), "{q:?}");
            for (chunk_len, threads) in [(usize::MAX, 1), (1, 2), (7, 3), (1000, 2)] {
                assert_eq!(
                    t.scan_text(&needles, &|_, _| true, chunk_len, threads),
                    each,
                    "{q:?}"
                );
            }
            // Keeping some events keeps exactly those, on any cut.
            // The block given is the event's own.
            let index = &t.p.text_index;
            let keep = |e: EventIx, block: Option<usize>| {
                assert!(block.is_none_or(|j| index.block_event[j] == e));
                e % 3 != 1
            };
            let want: Vec<bool> = each
                .iter()
                .enumerate()
                .map(|(e, &hit)| hit && e % 3 != 1)
                .collect();
            for (chunk_len, threads) in [(usize::MAX, 1), (7, 3)] {
                assert_eq!(
                    t.scan_text(&needles, &keep, chunk_len, threads),
                    want,
                    "{q:?}"
                );
            }
        }
    }
}
