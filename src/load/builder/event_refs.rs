//! Event ids as read. Each mention of an event id (its declaration, a link
//! to it, a date anchored on it) is kept as a reference of its own while
//! the files are read, and all are resolved to id numbers in one pass at the
//! end. Looking each up in a table of a million ids as it came cost several
//! cache misses a mention, and joining the parts of a file looked up every
//! id of every part again, on one core. The pass groups the references by
//! hash so that each group's table fits in the cache, and resolves the
//! groups on every core; the hashing, the grouping and the numbering are
//! shared among the cores too.

use super::runs::{joined, runs_for};
use crate::model::{IdTable, Str, TextStore};
use hashbrown::{DefaultHashBuilder, HashTable};
use std::hash::BuildHasher;

/// About this many references to a group, so that its table stays in cache.
const GROUP_SIZE: usize = 8192;

#[derive(Debug, Default)]
pub(crate) struct EventRefs {
    text: TextStore,
    refs: Vec<Str>,
}

impl EventRefs {
    /// A new reference to the event id `id`.
    pub fn push(&mut self, id: &str) -> u32 {
        let r = self.refs.len() as u32;
        let s = self.text.push(id);
        self.refs.push(s);
        r
    }

    pub fn len(&self) -> u32 {
        self.refs.len() as u32
    }

    /// The id a reference names.
    pub fn get(&self, r: u32) -> &str {
        self.refs.get(r as usize).map_or("", |&s| self.text.get(s))
    }

    /// Whether the ids passed the 4 GiB a store holds (then some were lost).
    pub fn overflowed(&self) -> bool {
        self.text.overflowed
    }

    pub fn reserve(&mut self, refs: usize, bytes: usize) {
        self.refs.reserve(refs);
        self.text.reserve(bytes);
    }

    /// Appends `other`'s references after this one's; returns the number
    /// to add to each of `other`'s.
    pub fn absorb(&mut self, other: EventRefs) -> u32 {
        let base = self.refs.len() as u32;
        let shift = self.text.absorb(other.text);
        self.refs.extend(other.refs.iter().map(|s| Str {
            start: s.start.wrapping_add(shift),
            len: s.len,
        }));
        base
    }

    /// The ids, each once, numbered in the order they were first named;
    /// and for each reference, the number of its id.
    pub fn resolve(self, hasher: &DefaultHashBuilder) -> (IdTable, Vec<u32>) {
        let cores = runs_for(self.refs.len());
        let first = if cores == 1 {
            self.first_mentions(hasher)
        } else {
            self.first_mentions_grouped(hasher, cores)
        };
        self.number(first, cores)
    }

    /// For each reference, the first reference that names the same id.
    fn first_mentions(&self, hasher: &DefaultHashBuilder) -> Vec<u32> {
        let mut table: HashTable<u32> = HashTable::with_capacity(self.refs.len());
        (0..self.refs.len() as u32)
            .map(|r| {
                let id = self.get(r);
                self.first_in(&mut table, hasher.hash_one(id), r, hasher)
            })
            .collect()
    }

    /// The first reference in `table` naming the same id as `r` (whose
    /// hash is `hash`), or `r` itself, entered as the first.
    fn first_in(
        &self,
        table: &mut HashTable<u32>,
        hash: u64,
        r: u32,
        hasher: &DefaultHashBuilder,
    ) -> u32 {
        let id = self.get(r);
        if let Some(&f) = table.find(hash, |&f| self.get(f) == id) {
            return f;
        }
        table.insert_unique(hash, r, |&f| hasher.hash_one(self.get(f)));
        r
    }

    /// [`Self::first_mentions`] on every core: the references are grouped
    /// by bits of their hash (keeping their order within a group), each
    /// group's ids copied side by side, and each core resolves whole groups
    /// with a small table. Each core hashes and places one run of the
    /// references, into a share of each group that the counts set aside.
    fn first_mentions_grouped(&self, hasher: &DefaultHashBuilder, cores: usize) -> Vec<u32> {
        let n = self.refs.len();
        let bits = (n / GROUP_SIZE)
            .clamp(2, 1 << 16)
            .next_power_of_two()
            .trailing_zeros();
        // Bits 32 and up pick the group; the tables hash by the low 32.
        let group_of = |hash: u64| ((hash >> 32) as usize) & ((1 << bits) - 1);
        let groups = 1usize << bits;

        // The references in runs, one a core: each run's ids are hashed and
        // counted by group on its core.
        let run = n.div_ceil(cores).max(1);
        let mut hashed = vec![(0u16, 0u32); n];
        let counts: Vec<GroupCounts> = std::thread::scope(|scope| {
            let spawned: Vec<_> = hashed
                .chunks_mut(run)
                .enumerate()
                .map(|(c, out)| {
                    scope.spawn(move || {
                        let mut counts = GroupCounts {
                            refs: vec![0; groups],
                            bytes: vec![0; groups],
                        };
                        for (i, h) in out.iter_mut().enumerate() {
                            let id = self.get((c * run + i) as u32);
                            let hash = hasher.hash_one(id);
                            let g = group_of(hash);
                            *h = (g as u16, hash as u32);
                            counts.refs[g] += 1;
                            counts.bytes[g] += id.len();
                        }
                        counts
                    })
                })
                .collect();
            spawned.into_iter().map(joined).collect()
        });
        let bytes: usize = counts.iter().map(|c| c.bytes.iter().sum::<usize>()).sum();
        let mut grouped = Grouped {
            refs: vec![GroupedRef::default(); n],
            bytes: vec![0u8; bytes],
        };
        // Each group's place, and within it each run's part, in run order
        // (so a group keeps its references in order): every run gets a
        // slice of its own in each group.
        let mut starts = Vec::with_capacity(groups + 1);
        let mut shares: Vec<Vec<GroupShare<'_>>> =
            counts.iter().map(|_| Vec::with_capacity(groups)).collect();
        let (mut rest_refs, mut rest_bytes) = (&mut grouped.refs[..], &mut grouped.bytes[..]);
        let (mut placed, mut at) = (0, 0);
        for g in 0..groups {
            starts.push(placed);
            for (run_counts, run_shares) in counts.iter().zip(&mut shares) {
                let (refs, rest) = std::mem::take(&mut rest_refs).split_at_mut(run_counts.refs[g]);
                rest_refs = rest;
                let (bytes, rest) =
                    std::mem::take(&mut rest_bytes).split_at_mut(run_counts.bytes[g]);
                rest_bytes = rest;
                run_shares.push(GroupShare { refs, at, bytes });
                placed += run_counts.refs[g];
                at += run_counts.bytes[g];
            }
        }
        starts.push(placed);
        std::thread::scope(|scope| {
            let runs = shares.into_iter().zip(hashed.chunks(run)).enumerate();
            for (c, (mut run_shares, run_hashed)) in runs {
                scope.spawn(move || {
                    // How many references and bytes of each share are filled.
                    let mut filled = vec![(0usize, 0usize); groups];
                    for (i, &(g, hash)) in run_hashed.iter().enumerate() {
                        let r = c * run + i;
                        let (share, (k, b)) =
                            (&mut run_shares[g as usize], &mut filled[g as usize]);
                        let id = self.get(r as u32).as_bytes();
                        share.bytes[*b..*b + id.len()].copy_from_slice(id);
                        share.refs[*k] = GroupedRef {
                            hash,
                            r: r as u32,
                            at: (share.at + *b) as u32,
                            len: id.len() as u32,
                        };
                        (*k, *b) = (*k + 1, *b + id.len());
                    }
                });
            }
        });

        // Each core takes a run of whole groups of about equal size.
        let mut firsts = vec![0u32; n];
        let mut runs = Vec::with_capacity(cores);
        let (mut rest_in, mut rest_out) = (&grouped.refs[..], &mut firsts[..]);
        let (mut done, mut done_groups) = (0, 0);
        for c in 1..=cores {
            let target = n * c / cores;
            let g = starts
                .partition_point(|&s| s < target)
                .clamp(done_groups, groups);
            let end = starts[g];
            let (run_in, tail_in) = rest_in.split_at(end - done);
            let (run_out, tail_out) = rest_out.split_at_mut(end - done);
            runs.push((run_in, run_out, &starts[done_groups..=g]));
            (rest_in, rest_out, done, done_groups) = (tail_in, tail_out, end, g);
        }
        let bytes = &grouped.bytes[..];
        std::thread::scope(|scope| {
            for (run, out, bounds) in runs {
                scope.spawn(move || resolve_run(run, bytes, out, bounds));
            }
        });
        drop(grouped.bytes);

        let mut first = vec![0u32; n];
        for (g, &f) in grouped.refs.iter().zip(&firsts) {
            first[g.r as usize] = f;
        }
        first
    }

    /// Numbers the ids in order of first mention, from each reference's
    /// first mention (never after it).
    fn number(self, first: Vec<u32>, cores: usize) -> (IdTable, Vec<u32>) {
        if cores <= 1 || first.is_empty() {
            return self.number_in_one_run(first);
        }
        // Each core numbers the first mentions of a run of references from
        // 0 and gathers their ids; each run's count then gives the next
        // run's first number, and every reference takes its first mention's.
        let run = first.len().div_ceil(cores);
        let mut local = vec![0u32; first.len()];
        let runs: Vec<(TextStore, Vec<Str>)> = std::thread::scope(|scope| {
            let spawned: Vec<_> = local
                .chunks_mut(run)
                .enumerate()
                .map(|(c, out)| {
                    let (this, first) = (&self, &first);
                    scope.spawn(move || {
                        let (mut text, mut keys) = (TextStore::default(), Vec::new());
                        for (i, number) in out.iter_mut().enumerate() {
                            let r = c * run + i;
                            if first[r] as usize == r {
                                *number = keys.len() as u32;
                                keys.push(text.push(this.get(r as u32)));
                            }
                        }
                        (text, keys)
                    })
                })
                .collect();
            spawned.into_iter().map(joined).collect()
        });
        let mut bases = Vec::with_capacity(runs.len());
        let (mut text, mut keys) = (TextStore::default(), Vec::new());
        for (run_text, run_keys) in runs {
            bases.push(keys.len() as u32);
            let shift = text.absorb(run_text);
            keys.extend(run_keys.iter().map(|s| Str {
                start: s.start.wrapping_add(shift),
                len: s.len,
            }));
        }
        let mut numbers = first;
        std::thread::scope(|scope| {
            for part in numbers.chunks_mut(run) {
                let (local, bases) = (&local, &bases);
                scope.spawn(move || {
                    for f in part {
                        let at = *f as usize;
                        *f = bases[at / run] + local[at];
                    }
                });
            }
        });
        (IdTable::from_keys(text, keys.into()), numbers)
    }

    /// [`Self::number`] on one core.
    fn number_in_one_run(self, mut first: Vec<u32>) -> (IdTable, Vec<u32>) {
        let mut text = TextStore::default();
        let mut keys = Vec::new();
        for r in 0..first.len() {
            let f = first[r] as usize;
            first[r] = if f == r {
                let id = self.get(r as u32);
                keys.push(text.push(id));
                keys.len() as u32 - 1
            } else {
                // The first mention came earlier and holds its number now.
                first[f]
            };
        }
        (IdTable::from_keys(text, keys.into()), first)
    }
}

/// How many references of a run fall in each group, and their ids' bytes.
struct GroupCounts {
    refs: Vec<usize>,
    bytes: Vec<usize>,
}

/// A run's part of one group: its references, and their ids' bytes, which
/// start `at` in the whole.
struct GroupShare<'a> {
    refs: &'a mut [GroupedRef],
    at: usize,
    bytes: &'a mut [u8],
}

/// The references grouped by hash, each group's ids side by side in
/// `bytes`.
struct Grouped {
    refs: Vec<GroupedRef>,
    bytes: Vec<u8>,
}

#[derive(Debug, Clone, Copy, Default)]
struct GroupedRef {
    /// The low half of its id's hash.
    hash: u32,
    /// The reference.
    r: u32,
    /// Where its id lies in the group's bytes.
    at: u32,
    len: u32,
}

/// Resolves a run of whole groups (`bounds` are where they start in the
/// whole, and where the last ends): `out[i]` is the first reference naming
/// the id of `run[i]`. A group's ids lie side by side in `bytes`, so the
/// comparisons stay in the cache.
fn resolve_run(run: &[GroupedRef], bytes: &[u8], out: &mut [u32], bounds: &[usize]) {
    let id = |g: &GroupedRef| &bytes[g.at as usize..(g.at + g.len) as usize];
    // Spread over 64 bits: the table takes its tags from the top ones.
    let wide = |hash: u32| u64::from(hash).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    // Each entry is the place in `run` of a first mention.
    let mut table: HashTable<u32> = HashTable::with_capacity(GROUP_SIZE * 2);
    let base = bounds.first().copied().unwrap_or(0);
    for w in bounds.windows(2) {
        table.clear();
        for i in w[0] - base..w[1] - base {
            let g = &run[i];
            let this = id(g);
            let found = table.find(wide(g.hash), |&f| {
                let f = &run[f as usize];
                f.hash == g.hash && id(f) == this
            });
            out[i] = match found {
                Some(&f) => run[f as usize].r,
                None => {
                    table.insert_unique(wide(g.hash), i as u32, |&f| wide(run[f as usize].hash));
                    g.r
                }
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn refs_of(ids: &[String]) -> EventRefs {
        let mut refs = EventRefs::default();
        for id in ids {
            refs.push(id);
        }
        refs
    }

    /// What the resolution must give: ids numbered in order of first
    /// mention, the plain way.
    fn reference(ids: &[String]) -> (Vec<String>, Vec<u32>) {
        let mut unique: Vec<String> = Vec::new();
        let mut seen = std::collections::HashMap::new();
        let numbers = ids
            .iter()
            .map(|id| {
                *seen.entry(id.clone()).or_insert_with(|| {
                    unique.push(id.clone());
                    unique.len() as u32 - 1
                })
            })
            .collect();
        (unique, numbers)
    }

    fn keys(table: &IdTable) -> Vec<String> {
        (0..table.len() as u32)
            .map(|k| table.key(k).to_string())
            .collect()
    }

    #[test]
    fn numbers_ids_in_order_of_first_mention() {
        let ids: Vec<String> = ["e2", "e1", "e2", "", "e3", "e1", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let (table, numbers) = refs_of(&ids).resolve(&DefaultHashBuilder::default());
        assert_eq!(keys(&table), ["e2", "e1", "", "e3"]);
        assert_eq!(numbers, [0, 1, 0, 2, 3, 1, 2]);
        let hasher = DefaultHashBuilder::default();
        assert_eq!(table.get(&hasher, "e3"), Some(3));
    }

    #[test]
    fn grouped_resolution_agrees_with_one_table_on_a_large_input() {
        // Enough references for the grouped pass, with ids named many times
        // and across the joins of parts.
        let hasher = DefaultHashBuilder::default();
        let mut whole = EventRefs::default();
        let mut plain = Vec::new();
        for part in 0..3 {
            let mut refs = EventRefs::default();
            for i in 0..22_000u32 {
                let id = format!("e{}", (i * 7919 + part * 13) % 30_000);
                refs.push(&id);
                plain.push(id);
            }
            whole.absorb(refs);
        }
        assert!(whole.refs.len() >= crate::load::builder::runs::PARALLEL_FROM);
        let first = whole.first_mentions(&hasher);
        assert_eq!(whole.first_mentions_grouped(&hasher, 3), first);
        let (table, numbers) = whole.resolve(&hasher);
        let (unique, expected) = reference(&plain);
        assert_eq!(keys(&table), unique);
        assert_eq!(numbers, expected);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn grouped_and_plain_resolution_agree(
            ids in proptest::collection::vec("[a-dé]{0,3}", 0..300),
            cores in 1usize..5,
        ) {
            let refs = refs_of(&ids);
            let hasher = DefaultHashBuilder::default();
            let plain = refs.first_mentions(&hasher);
            prop_assert_eq!(refs.first_mentions_grouped(&hasher, cores), plain);
            let (table, numbers) = refs.resolve(&hasher);
            let (unique, expected) = reference(&ids);
            prop_assert_eq!(keys(&table), unique);
            prop_assert_eq!(numbers, expected);
        }

        #[test]
        fn numbering_on_several_cores_agrees_with_one(
            ids in proptest::collection::vec("[a-dé]{0,3}", 0..300),
            cores in 2usize..7,
        ) {
            let hasher = DefaultHashBuilder::default();
            let first = refs_of(&ids).first_mentions(&hasher);
            let (table, numbers) = refs_of(&ids).number(first, cores);
            let (unique, expected) = reference(&ids);
            prop_assert_eq!(keys(&table), unique);
            prop_assert_eq!(numbers, expected);
        }
    }
}
