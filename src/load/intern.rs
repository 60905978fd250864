//! The shared text buffer and id tables that the builder fills.

use crate::model::Str;
use hashbrown::{DefaultHashBuilder, HashTable};
use std::hash::BuildHasher;

/// One growing buffer holding every string of a timeline.
#[derive(Debug, Default)]
pub struct Arena {
    pub text: String,
    /// Set when the text would pass 4 GiB, which 32-bit offsets cannot address.
    pub overflowed: bool,
}

impl Arena {
    pub fn push(&mut self, s: &str) -> Str {
        let start = self.text.len();
        if start + s.len() > u32::MAX as usize {
            self.overflowed = true;
            return Str::default();
        }
        self.text.push_str(s);
        Str {
            start: start as u32,
            len: s.len() as u32,
        }
    }

    pub fn get(&self, s: Str) -> &str {
        self.text.get(s.range()).unwrap_or("")
    }
}

/// Maps strings to dense numbers, keeping each string once in the arena.
#[derive(Debug, Default)]
pub struct Interner {
    pub keys: Vec<Str>,
    table: HashTable<u32>,
}

impl Interner {
    pub fn get(&self, arena: &Arena, hasher: &DefaultHashBuilder, s: &str) -> Option<u32> {
        let keys = &self.keys;
        self.table
            .find(hasher.hash_one(s), |&k| arena.get(keys[k as usize]) == s)
            .copied()
    }

    /// The number for `s`, and whether it is new.
    pub fn intern(
        &mut self,
        arena: &mut Arena,
        hasher: &DefaultHashBuilder,
        s: &str,
    ) -> (u32, bool) {
        if let Some(k) = self.get(arena, hasher, s) {
            return (k, false);
        }
        let k = self.keys.len() as u32;
        self.keys.push(arena.push(s));
        let keys = &self.keys;
        self.table.insert_unique(hasher.hash_one(s), k, |&j| {
            hasher.hash_one(arena.get(keys[j as usize]))
        });
        (k, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interns_each_string_once() {
        let (mut arena, hasher, mut ids) = (
            Arena::default(),
            DefaultHashBuilder::default(),
            Interner::default(),
        );
        assert_eq!(ids.intern(&mut arena, &hasher, "putin"), (0, true));
        assert_eq!(ids.intern(&mut arena, &hasher, "macron"), (1, true));
        assert_eq!(ids.intern(&mut arena, &hasher, "putin"), (0, false));
        assert_eq!(ids.get(&arena, &hasher, "macron"), Some(1));
        assert_eq!(ids.get(&arena, &hasher, "nobody"), None);
        assert_eq!(arena.text, "putinmacron");
    }
}
