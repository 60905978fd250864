//! The shared text store: every string of a timeline, referenced by 8-byte
//! [`Str`]s. It holds one or more segments so that timelines read in
//! parallel can be joined without copying their text.

use super::Str;
use hashbrown::{DefaultHashBuilder, HashTable};
use std::hash::BuildHasher;
use std::sync::{Arc, OnceLock};

/// The text of one segment: built in memory, or a range of a snapshot
/// file mapped read-only and checked to be UTF-8 once, when it was mapped.
#[derive(Debug)]
enum Segment {
    Owned(String),
    Mapped(MappedText),
}

/// A UTF-8 range of a memory-mapped file.
#[derive(Debug, Clone)]
pub(crate) struct MappedText {
    map: Arc<memmap2::Mmap>,
    start: usize,
    len: usize,
}

impl MappedText {
    /// The range `start..start + len` of `map`, or `None` when it lies
    /// outside the map or is not UTF-8.
    pub(crate) fn new(map: Arc<memmap2::Mmap>, start: usize, len: usize) -> Option<MappedText> {
        let bytes = map.get(start..start.checked_add(len)?)?;
        // SIMD validation: several times std's speed on accented text.
        simdutf8::basic::from_utf8(bytes).ok()?;
        Some(MappedText { map, start, len })
    }

    fn as_str(&self) -> &str {
        let bytes = &self.map[self.start..self.start + self.len];
        // SAFETY: `new` checked that this very range is UTF-8, and the map
        // is read-only: snapshot files are replaced by renaming a new file
        // over them, never written in place.
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }
}

impl Segment {
    fn as_str(&self) -> &str {
        match self {
            Segment::Owned(s) => s,
            Segment::Mapped(m) => m.as_str(),
        }
    }
    fn len(&self) -> usize {
        self.as_str().len()
    }
}

impl Default for Segment {
    fn default() -> Self {
        Segment::Owned(String::new())
    }
}

#[derive(Debug, Default)]
pub struct TextStore {
    /// Segments and the offset each starts at; `push` appends to the last.
    segments: Vec<(u32, Segment)>,
    /// Set when the text would pass 4 GiB, which 32-bit offsets cannot address.
    pub overflowed: bool,
}

impl TextStore {
    fn len(&self) -> usize {
        self.segments
            .last()
            .map_or(0, |(base, s)| *base as usize + s.len())
    }

    /// A store holding one mapped text (read back from a snapshot).
    pub(crate) fn mapped(text: MappedText) -> TextStore {
        TextStore {
            segments: vec![(0, Segment::Mapped(text))],
            overflowed: false,
        }
    }

    /// The last segment if it can grow, after adding one that can if not.
    fn growable(&mut self) -> &mut String {
        if !matches!(self.segments.last(), Some((_, Segment::Owned(_)))) {
            let base = self.len() as u32;
            self.segments.push((base, Segment::default()));
        }
        match self.segments.last_mut() {
            Some((_, Segment::Owned(s))) => s,
            _ => unreachable!("an owned segment was just pushed"),
        }
    }

    pub fn reserve(&mut self, bytes: usize) {
        self.growable().reserve(bytes);
    }

    pub fn push(&mut self, s: &str) -> Str {
        let start = self.len();
        if start + s.len() > u32::MAX as usize {
            self.overflowed = true;
            return Str::default();
        }
        self.growable().push_str(s);
        Str {
            start: start as u32,
            len: s.len() as u32,
        }
    }

    pub fn get(&self, s: Str) -> &str {
        let segment = match self.segments.as_slice() {
            [only] => only,
            many => {
                let i = many.partition_point(|(base, _)| *base <= s.start);
                match many.get(i.wrapping_sub(1)) {
                    Some(seg) => seg,
                    None => return "",
                }
            }
        };
        let from = (s.start - segment.0) as usize;
        segment
            .1
            .as_str()
            .get(from..from + s.len as usize)
            .unwrap_or("")
    }

    /// Appends another store's segments; returns the shift to add to its
    /// [`Str`] offsets.
    pub fn absorb(&mut self, other: TextStore) -> u32 {
        let shift = self.len();
        if shift + other.len() > u32::MAX as usize {
            self.overflowed = true;
        }
        self.overflowed |= other.overflowed;
        for (base, text) in other.segments {
            self.segments.push(((base as usize + shift) as u32, text));
        }
        shift as u32
    }

    /// Each segment's text with the offset it starts at.
    pub fn segments(&self) -> impl Iterator<Item = (u32, &str)> + Clone {
        self.segments.iter().map(|(base, s)| (*base, s.as_str()))
    }

    pub fn shrink_to_fit(&mut self) {
        for (_, s) in &mut self.segments {
            if let Segment::Owned(s) = s {
                s.shrink_to_fit();
            }
        }
    }

    /// Bytes held in memory (mapped text is the page cache's, not ours).
    pub fn capacity(&self) -> usize {
        self.segments
            .iter()
            .map(|(_, s)| match s {
                Segment::Owned(s) => s.capacity(),
                Segment::Mapped(_) => 0,
            })
            .sum()
    }

    /// Every byte of text, whatever the segments.
    pub(crate) fn total_len(&self) -> usize {
        self.len()
    }
}

/// Maps strings (ids, roles, topics) to dense numbers. The keys live in a
/// compact text store of their own: lookups then touch a few megabytes, not
/// the whole timeline's text, which keeps a million-id table cache-friendly.
#[derive(Debug, Default)]
pub struct IdTable {
    text: TextStore,
    keys: super::table::Table<Str>,
    table: HashTable<u32>,
    /// The last string interned: runs of the same id (an article's quotes
    /// all naming its source) skip the hash table.
    last: Option<u32>,
    /// For a table read back from a snapshot, which holds the keys only:
    /// the hash table, built on the first lookup.
    lazy: OnceLock<HashTable<u32>>,
}

impl IdTable {
    pub fn get(&self, hasher: &DefaultHashBuilder, s: &str) -> Option<u32> {
        let (keys, text) = (&self.keys, &self.text);
        let table = if self.table.len() == keys.len() {
            &self.table
        } else {
            self.lazy.get_or_init(|| {
                let mut table = HashTable::with_capacity(keys.len());
                for (k, &key) in keys.iter().enumerate() {
                    table.insert_unique(hasher.hash_one(text.get(key)), k as u32, |&j| {
                        hasher.hash_one(text.get(keys[j as usize]))
                    });
                }
                table
            })
        };
        table
            .find(hasher.hash_one(s), |&k| {
                keys.get(k as usize).is_some_and(|&key| text.get(key) == s)
            })
            .copied()
    }

    /// A table of `keys` in `text`, its hash table built on the first
    /// lookup (made for snapshots: lookups by id are rare, listing is not).
    pub(crate) fn from_keys(text: TextStore, keys: super::table::Table<Str>) -> IdTable {
        IdTable {
            text,
            keys,
            ..IdTable::default()
        }
    }

    /// The text and keys, as a snapshot stores them.
    pub(crate) fn parts(&self) -> (&TextStore, &[Str]) {
        (&self.text, &self.keys)
    }

    /// The string numbered `k`.
    pub fn key(&self, k: u32) -> &str {
        self.keys.get(k as usize).map_or("", |&s| self.text.get(s))
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Makes room for `n` strings of about `bytes` bytes in all.
    pub fn reserve(&mut self, n: usize, bytes: usize, hasher: &DefaultHashBuilder) {
        let (keys, text) = (&self.keys, &self.text);
        self.table
            .reserve(n, |&j| hasher.hash_one(text.get(keys[j as usize])));
        self.keys.vec_mut().reserve(n);
        self.text.reserve(bytes);
    }

    /// Bytes held by the table and its keys.
    pub fn heap_bytes(&self) -> usize {
        self.keys.heap_bytes() + self.table.capacity() * 5 + self.text.capacity()
    }

    /// The number for `s`, and whether it is new.
    pub fn intern(&mut self, hasher: &DefaultHashBuilder, s: &str) -> (u32, bool) {
        if let Some(k) = self.last.filter(|&k| self.key(k) == s) {
            return (k, false);
        }
        let (k, new) = self.intern_hashed(hasher, s);
        self.last = Some(k);
        (k, new)
    }

    fn intern_hashed(&mut self, hasher: &DefaultHashBuilder, s: &str) -> (u32, bool) {
        let hash = hasher.hash_one(s);
        let (keys, text) = (&self.keys, &self.text);
        if let Some(&k) = self.table.find(hash, |&k| text.get(keys[k as usize]) == s) {
            return (k, false);
        }
        let k = self.keys.len() as u32;
        let key = self.text.push(s);
        self.keys.vec_mut().push(key);
        let (keys, text) = (&self.keys, &self.text);
        self.table
            .insert_unique(hash, k, |&j| hasher.hash_one(text.get(keys[j as usize])));
        (k, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interns_each_string_once() {
        let (hasher, mut ids) = (DefaultHashBuilder::default(), IdTable::default());
        assert_eq!(ids.intern(&hasher, "putin"), (0, true));
        assert_eq!(ids.intern(&hasher, "macron"), (1, true));
        assert_eq!(ids.intern(&hasher, "putin"), (0, false));
        assert_eq!(ids.get(&hasher, "macron"), Some(1));
        assert_eq!(ids.get(&hasher, "nobody"), None);
        assert_eq!(
            (ids.key(0), ids.key(1), ids.key(7)),
            ("putin", "macron", "")
        );
    }

    #[test]
    fn strings_survive_joining_stores() {
        let mut a = TextStore::default();
        let s1 = a.push("Witkoff");
        let mut b = TextStore::default();
        let s2 = b.push("Putin");
        let s3 = b.push("Macron");
        let shift = a.absorb(b);
        let moved = |s: Str| Str {
            start: s.start + shift,
            len: s.len,
        };
        assert_eq!(a.get(s1), "Witkoff");
        assert_eq!(a.get(moved(s2)), "Putin");
        assert_eq!(a.get(moved(s3)), "Macron");
        let s4 = a.push("Meloni");
        assert_eq!(a.get(s4), "Meloni");
        assert_eq!(a.get(Str::default()), "");
    }
}
