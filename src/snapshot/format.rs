//! The layout of a snapshot file:
//!
//! ```text
//! header   64 bytes: magic, format version, where the two sections lie,
//!          and a checksum of each
//! meta     dateline's version, the key, the input files and their
//!          fingerprints, what the load reported, then every record
//!          and index of the store; the large tables as they lie in
//!          memory, each from a multiple of 8 bytes, read in place
//! text     from a page boundary: the store's text, then the event ids',
//!          roles' and topics' texts, mapped on reopen rather than read
//! ```
//!
//! The checksums are xxh3 (64 bits): they are there to catch a torn or
//! damaged file at memory speed, not a forger, so every offset and index is
//! bounds-checked as well.

use super::codec::Bad;

pub(crate) const MAGIC: [u8; 8] = *b"DTLNSNAP";
/// Raised whenever the layout or a record's encoding changes. The store's
/// tables are written as they lie in memory, so a snapshot from a machine
/// of the other byte order is another format.
pub(crate) const FORMAT: u32 = if cfg!(target_endian = "little") {
    4
} else {
    0x8000_0004
};
pub(crate) const HEADER: usize = 64;
pub(crate) const PAGE: u64 = 4096;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Header {
    pub format: u32,
    pub meta_len: u64,
    pub meta_hash: u64,
    pub text_offset: u64,
    pub text_len: u64,
    pub text_hash: u64,
}

impl Header {
    pub fn to_bytes(self) -> [u8; HEADER] {
        let mut b = [0u8; HEADER];
        b[..8].copy_from_slice(&MAGIC);
        b[8..12].copy_from_slice(&self.format.to_le_bytes());
        b[12..16].copy_from_slice(&(HEADER as u32).to_le_bytes());
        for (i, v) in [
            self.meta_len,
            self.meta_hash,
            self.text_offset,
            self.text_len,
            self.text_hash,
        ]
        .into_iter()
        .enumerate()
        {
            b[16 + i * 8..24 + i * 8].copy_from_slice(&v.to_le_bytes());
        }
        b
    }

    /// The header of `file`, refused unless it is this format's and its
    /// sections lie inside the file.
    pub fn read(file: &[u8]) -> Result<Header, Bad> {
        let b = file.get(..HEADER).ok_or(Bad("truncated header"))?;
        if b[..8] != MAGIC {
            return Err(Bad("not a snapshot"));
        }
        let word = |i: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&b[16 + i * 8..24 + i * 8]);
            u64::from_le_bytes(w)
        };
        let h = Header {
            format: u32::from_le_bytes([b[8], b[9], b[10], b[11]]),
            meta_len: word(0),
            meta_hash: word(1),
            text_offset: word(2),
            text_len: word(3),
            text_hash: word(4),
        };
        if h.format != FORMAT
            || b[12..16] != (HEADER as u32).to_le_bytes()
            || b[56..].iter().any(|&x| x != 0)
        {
            return Err(Bad("other format"));
        }
        let size = file.len() as u64;
        let meta_end = (HEADER as u64).checked_add(h.meta_len).ok_or(Bad("meta"))?;
        let text_end = h.text_offset.checked_add(h.text_len).ok_or(Bad("text"))?;
        if meta_end > h.text_offset || text_end != size {
            return Err(Bad("sections"));
        }
        Ok(h)
    }

    pub fn meta<'a>(&self, file: &'a [u8]) -> &'a [u8] {
        &file[HEADER..HEADER + self.meta_len as usize]
    }
}
