//! One of the store's flat arrays: built in memory by a load, or read in
//! place from a mapped snapshot. A reopened timeline then keeps its records
//! in the page cache, shared and clean, instead of a private copy of each.

use memmap2::Mmap;
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use zerocopy::{Immutable, KnownLayout, TryFromBytes};

pub(crate) struct Table<T> {
    inner: Inner<T>,
}

enum Inner<T> {
    Owned(Vec<T>),
    /// `len` records at `ptr`, inside `map`, which this table keeps alive.
    Mapped {
        map: Arc<Mmap>,
        ptr: *const T,
        len: usize,
    },
}

// SAFETY: a mapped table only reads memory that `map` (itself Send and
// Sync) owns and never writes it, so it is shared as a `&[T]` would be;
// an owned one is a `Vec<T>`, and the bounds are those a `Vec<T>` has,
// plus `Sync` for sending a mapped table's shared records.
unsafe impl<T: Send + Sync> Send for Table<T> {}
unsafe impl<T: Sync> Sync for Table<T> {}

impl<T> Table<T> {
    /// Bytes this table holds on the heap (none when mapped).
    pub fn heap_bytes(&self) -> usize {
        match &self.inner {
            Inner::Owned(v) => v.capacity() * std::mem::size_of::<T>(),
            Inner::Mapped { .. } => 0,
        }
    }

    #[cfg(test)]
    pub fn is_mapped(&self) -> bool {
        matches!(self.inner, Inner::Mapped { .. })
    }
}

impl<T: TryFromBytes + KnownLayout + Immutable> Table<T> {
    /// The `len` records at `at` in `map`, or `None` when they lie outside
    /// it, are not aligned for `T`, or any of them is not a valid `T`
    /// (an enum's tag out of range, say).
    pub fn mapped(map: Arc<Mmap>, at: usize, len: usize) -> Option<Table<T>> {
        let bytes_len = len.checked_mul(std::mem::size_of::<T>())?;
        let bytes = map.get(at..at.checked_add(bytes_len)?)?;
        let records = <[T]>::try_ref_from_bytes_with_elems(bytes, len).ok()?;
        let ptr = records.as_ptr();
        Some(Table {
            inner: Inner::Mapped { map, ptr, len },
        })
    }
}

impl<T> Deref for Table<T> {
    type Target = [T];
    #[inline]
    fn deref(&self) -> &[T] {
        match &self.inner {
            Inner::Owned(v) => v,
            // SAFETY: `mapped` checked that these `len` records lie inside
            // the map, are aligned and each a valid `T`; the map lives as
            // long as this table and is read-only (snapshots are replaced by
            // renaming a new file over them, never written in place).
            Inner::Mapped { ptr, len, .. } => unsafe { std::slice::from_raw_parts(*ptr, *len) },
        }
    }
}

impl<T: Clone> Table<T> {
    /// The records as a vector to change, copied first when mapped (only
    /// the loader's own tables and tests change records).
    #[inline]
    pub fn vec_mut(&mut self) -> &mut Vec<T> {
        if let Inner::Mapped { .. } = self.inner {
            self.inner = Inner::Owned(self.deref().to_vec());
        }
        match &mut self.inner {
            Inner::Owned(v) => v,
            Inner::Mapped { .. } => unreachable!("copied above"),
        }
    }
}

impl<T: Clone> DerefMut for Table<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.vec_mut()
    }
}

impl<T> From<Vec<T>> for Table<T> {
    fn from(v: Vec<T>) -> Self {
        Table {
            inner: Inner::Owned(v),
        }
    }
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Vec::new().into()
    }
}

impl<T: Clone> Clone for Table<T> {
    fn clone(&self) -> Self {
        match &self.inner {
            Inner::Owned(v) => v.clone().into(),
            Inner::Mapped { map, ptr, len } => Table {
                inner: Inner::Mapped {
                    map: Arc::clone(map),
                    ptr: *ptr,
                    len: *len,
                },
            },
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for Table<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: PartialEq> PartialEq for Table<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<'a, T> IntoIterator for &'a Table<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn map_of(bytes: &[u8]) -> Arc<Mmap> {
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(bytes).unwrap();
        Arc::new(unsafe { Mmap::map(&f) }.unwrap())
    }

    #[test]
    fn a_mapped_table_reads_its_records_in_place() {
        let values: Vec<u32> = vec![7, 8, 9, 10];
        let mut bytes = vec![0u8; 8];
        bytes.extend(values.iter().flat_map(|v| v.to_ne_bytes()));
        let map = map_of(&bytes);
        let t = Table::<u32>::mapped(Arc::clone(&map), 8, 4).unwrap();
        assert!(t.is_mapped());
        assert_eq!(&t[..], &values[..]);
        assert_eq!(t.heap_bytes(), 0);
        // Past the end, misaligned: refused.
        assert!(Table::<u32>::mapped(Arc::clone(&map), 8, 5).is_none());
        assert!(Table::<u32>::mapped(Arc::clone(&map), 6, 1).is_none());
        assert!(Table::<u32>::mapped(map, usize::MAX - 2, 1).is_none());
    }

    #[test]
    fn an_invalid_record_refuses_the_table() {
        let map = map_of(&[0, 1, 2, 1]);
        assert!(Table::<bool>::mapped(Arc::clone(&map), 0, 2).is_some());
        assert!(Table::<bool>::mapped(map, 0, 3).is_none());
    }

    #[test]
    fn changing_a_mapped_table_changes_a_copy() {
        let map = map_of(&[1, 0, 0, 0, 2, 0, 0, 0]);
        let mut t = Table::<u32>::mapped(Arc::clone(&map), 0, 2).unwrap();
        t[1] = 5;
        assert!(!t.is_mapped());
        assert_eq!(t[0], u32::from_ne_bytes([1, 0, 0, 0]));
        assert_eq!(t[1], 5);
        assert_eq!(&map[4..], &[2, 0, 0, 0]);
    }
}
