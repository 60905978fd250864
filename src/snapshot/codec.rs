//! The byte encoding of a snapshot: little-endian numbers, lengths before
//! lists, the large tables as they lie in memory (in the machine's byte
//! order), written through a buffer that hashes what it writes, and read
//! back by a cursor that checks every length against the bytes left.

use crate::model::table::Table;
use memmap2::Mmap;
use std::hash::Hasher;
use std::io::Write;
use std::sync::Arc;
use twox_hash::XxHash3_64;
use zerocopy::{Immutable, IntoBytes, KnownLayout, TryFromBytes};

/// Where a table's records start, counted from the start of the file (the
/// meta section starts at a multiple of it): every record type's alignment
/// divides it, so the records are read where they lie.
pub(crate) const TABLE_ALIGN: usize = 8;

/// Writes values into a buffer, hashing and flushing it in large chunks
/// (hashing each small field on its own would cost more than the rest).
pub(crate) struct Enc<'w> {
    out: &'w mut dyn Write,
    buf: Vec<u8>,
    hash: XxHash3_64,
    written: u64,
    error: Option<std::io::Error>,
}

const CHUNK: usize = 1 << 20;

impl<'w> Enc<'w> {
    pub fn new(out: &'w mut dyn Write) -> Enc<'w> {
        Enc {
            out,
            buf: Vec::with_capacity(CHUNK + 4096),
            hash: XxHash3_64::with_seed(0),
            written: 0,
            error: None,
        }
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
        if self.buf.len() >= CHUNK {
            self.flush();
        }
    }

    fn flush(&mut self) {
        self.hash.write(&self.buf);
        self.written += self.buf.len() as u64;
        if self.error.is_none()
            && let Err(e) = self.out.write_all(&self.buf)
        {
            self.error = Some(e);
        }
        self.buf.clear();
    }

    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.bytes(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.bytes(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.bytes(&v.to_le_bytes());
    }
    pub fn i32(&mut self, v: i32) {
        self.bytes(&v.to_le_bytes());
    }
    pub fn i64(&mut self, v: i64) {
        self.bytes(&v.to_le_bytes());
    }
    pub fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }
    /// Bytes with their length before them.
    pub fn blob(&mut self, b: &[u8]) {
        self.len(b.len());
        self.bytes(b);
    }

    /// Records as they lie in memory, after their count and zeros up to
    /// the next multiple of [`TABLE_ALIGN`], so that they can be read in
    /// place. Large tables go straight to the output, not through the buffer.
    pub fn table<T: IntoBytes + Immutable>(&mut self, records: &[T]) {
        self.len(records.len());
        let at = self.written as usize + self.buf.len();
        let pad = (TABLE_ALIGN - at % TABLE_ALIGN) % TABLE_ALIGN;
        self.bytes(&[0; TABLE_ALIGN][..pad]);
        let bytes = records.as_bytes();
        if bytes.len() < CHUNK {
            self.bytes(bytes);
            return;
        }
        self.flush();
        self.hash.write(bytes);
        self.written += bytes.len() as u64;
        if self.error.is_none()
            && let Err(e) = self.out.write_all(bytes)
        {
            self.error = Some(e);
        }
    }

    /// The hash and the number of bytes written, or the first write error.
    pub fn finish(mut self) -> std::io::Result<(u64, u64)> {
        self.flush();
        match self.error {
            Some(e) => Err(e),
            None => Ok((self.hash.finish(), self.written)),
        }
    }
}

/// Why bytes could not be decoded. Never shown in detail: a snapshot that
/// does not decode is simply rebuilt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bad(pub &'static str);

/// Reads values back, never past the end.
pub(crate) struct Dec<'a> {
    buf: &'a [u8],
    pos: usize,
    /// The length of the text that the [`crate::model::Str`]s read next
    /// point into; each is checked against it.
    pub text_len: u64,
    /// The mapped file `buf` lies in, at `base`: tables are then read in
    /// place rather than copied.
    map: Option<&'a Arc<Mmap>>,
    base: usize,
}

impl<'a> Dec<'a> {
    pub fn new(buf: &'a [u8]) -> Dec<'a> {
        Dec {
            buf,
            pos: 0,
            text_len: 0,
            map: None,
            base: 0,
        }
    }

    /// A cursor over `map[start..end]`; `None` when the range is not in it.
    pub fn in_map(map: &'a Arc<Mmap>, start: usize, end: usize) -> Option<Dec<'a>> {
        Some(Dec {
            buf: map.get(start..end)?,
            pos: 0,
            text_len: 0,
            map: Some(map),
            base: start,
        })
    }

    /// A table written by [`Enc::table`]: read in place from a mapped file
    /// (each record checked to be a valid `T`, its alignment too), else
    /// copied out record by record.
    pub fn table<T: TryFromBytes + KnownLayout + Immutable>(&mut self) -> Result<Table<T>, Bad> {
        let size = std::mem::size_of::<T>();
        let n = self.len(size)?;
        let pad = (TABLE_ALIGN - (self.base + self.pos) % TABLE_ALIGN) % TABLE_ALIGN;
        self.take(pad)?;
        let at = self.base + self.pos;
        let bytes = self.take(n.checked_mul(size).ok_or(Bad("length"))?)?;
        match self.map {
            Some(map) => Table::mapped(Arc::clone(map), at, n).ok_or(Bad("table")),
            None => bytes
                .chunks_exact(size.max(1))
                .map(|c| T::try_read_from_bytes(c).map_err(|_| Bad("table")))
                .collect::<Result<Vec<T>, Bad>>()
                .map(Table::from),
        }
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], Bad> {
        let end = self.pos.checked_add(n).ok_or(Bad("length"))?;
        let b = self.buf.get(self.pos..end).ok_or(Bad("truncated"))?;
        self.pos = end;
        Ok(b)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Bad> {
        let b = self.take(N)?;
        b.try_into().map_err(|_| Bad("truncated"))
    }

    pub fn u8(&mut self) -> Result<u8, Bad> {
        Ok(self.array::<1>()?[0])
    }
    pub fn u16(&mut self) -> Result<u16, Bad> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    pub fn u32(&mut self) -> Result<u32, Bad> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    pub fn u64(&mut self) -> Result<u64, Bad> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    pub fn i32(&mut self) -> Result<i32, Bad> {
        Ok(i32::from_le_bytes(self.array()?))
    }
    pub fn i64(&mut self) -> Result<i64, Bad> {
        Ok(i64::from_le_bytes(self.array()?))
    }
    pub fn bool(&mut self) -> Result<bool, Bad> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Bad("bool")),
        }
    }
    /// A list's length, which cannot exceed what the bytes left could hold
    /// at `min` bytes an item (so a forged length allocates nothing big).
    pub fn len(&mut self, min: usize) -> Result<usize, Bad> {
        let n = usize::try_from(self.u64()?).map_err(|_| Bad("length"))?;
        let left = self.buf.len() - self.pos;
        if n.checked_mul(min.max(1)).is_none_or(|need| need > left) {
            return Err(Bad("length"));
        }
        Ok(n)
    }
    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }
    pub fn blob(&mut self) -> Result<&'a [u8], Bad> {
        let n = self.len(1)?;
        self.take(n)
    }
    pub fn string(&mut self) -> Result<String, Bad> {
        let b = self.blob()?;
        String::from_utf8(b.to_vec()).map_err(|_| Bad("utf-8"))
    }
}

/// The little-endian number at `at` in a record's fixed bytes (the
/// offsets are constants, so the compiler drops the bounds checks).
#[inline(always)]
pub(crate) fn u32_at<const N: usize>(b: &[u8; N], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// A value that can be written to a snapshot.
pub(crate) trait Put {
    fn put(&self, e: &mut Enc<'_>);
}

/// A value that can be read back from a snapshot; `MIN` is the fewest
/// bytes it takes.
pub(crate) trait Get: Sized {
    const MIN: usize;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad>;

    /// `n` values in a row (numbers override it to read them in bulk).
    fn get_many(d: &mut Dec<'_>, n: usize) -> Result<Vec<Self>, Bad> {
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(Self::get(d)?);
        }
        Ok(v)
    }
}

impl<T: Put> Put for [T] {
    fn put(&self, e: &mut Enc<'_>) {
        e.len(self.len());
        for v in self {
            v.put(e);
        }
    }
}

impl<T: Put> Put for Vec<T> {
    fn put(&self, e: &mut Enc<'_>) {
        self.as_slice().put(e);
    }
}

impl<T: Get> Get for Vec<T> {
    const MIN: usize = 8;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        let n = d.len(T::MIN)?;
        T::get_many(d, n)
    }
}

impl<T: Put> Put for Option<T> {
    fn put(&self, e: &mut Enc<'_>) {
        match self {
            None => e.u8(0),
            Some(v) => {
                e.u8(1);
                v.put(e);
            }
        }
    }
}

impl<T: Get> Get for Option<T> {
    const MIN: usize = 1;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        match d.u8()? {
            0 => Ok(None),
            1 => Ok(Some(T::get(d)?)),
            _ => Err(Bad("option")),
        }
    }
}

macro_rules! numbers {
    ($($t:ident),*) => {$(
        impl Put for $t {
            fn put(&self, e: &mut Enc<'_>) {
                e.$t(*self);
            }
        }
        impl Get for $t {
            const MIN: usize = std::mem::size_of::<$t>();
            fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
                d.$t()
            }
            fn get_many(d: &mut Dec<'_>, n: usize) -> Result<Vec<Self>, Bad> {
                const SIZE: usize = std::mem::size_of::<$t>();
                let bytes = d.take(n.checked_mul(SIZE).ok_or(Bad("length"))?)?;
                let mut v = Vec::with_capacity(n);
                v.extend(bytes.chunks_exact(SIZE).map(|c| {
                    let mut word = [0u8; SIZE];
                    word.copy_from_slice(c);
                    $t::from_le_bytes(word)
                }));
                Ok(v)
            }
        }
    )*};
}
numbers!(u8, u16, u32, u64, i32, i64);

impl Put for bool {
    fn put(&self, e: &mut Enc<'_>) {
        e.u8(u8::from(*self));
    }
}
impl Get for bool {
    const MIN: usize = 1;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        d.bool()
    }
}

impl Put for String {
    fn put(&self, e: &mut Enc<'_>) {
        e.blob(self.as_bytes());
    }
}
impl Get for String {
    const MIN: usize = 8;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        d.string()
    }
}

#[cfg(test)]
mod tests;
