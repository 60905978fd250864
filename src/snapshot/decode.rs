//! Reads a snapshot back into a timeline: the header and checksums first,
//! then every record, then a check that every index points inside its
//! table, so that nothing read from the file is trusted.

use super::check::check;
use super::codec::{Bad, Dec, Get};
use super::format::{HEADER, Header};
use super::key::{Fingerprint, get_path};
use crate::model::table::Table;
use crate::model::timeline::TimelineParts;
use crate::model::{IdTable, MappedText, Str, TextIndex, TextStore, Timeline};
use memmap2::Mmap;
use std::path::PathBuf;
use std::sync::Arc;

/// What a snapshot says about itself, read without the store.
#[derive(Debug)]
pub(crate) struct Prefix {
    pub header: Header,
    pub version: String,
    pub key: String,
    pub inputs: Vec<PathBuf>,
    pub prints: Vec<Fingerprint>,
    /// Where the store's records start in the meta section.
    records_at: usize,
}

impl Prefix {
    /// Reads the header and what the snapshot is for; checks no checksum.
    pub fn read(file: &[u8]) -> Result<Prefix, Bad> {
        let header = Header::read(file)?;
        let meta = header.meta(file);
        let mut d = Dec::new(meta);
        let version = d.string()?;
        let key = d.string()?;
        let n = d.len(8)?;
        let inputs = (0..n).map(|_| get_path(&mut d)).collect::<Result<_, _>>()?;
        let prints = Vec::get(&mut d)?;
        let records_at = meta.len() - d.remaining();
        Ok(Prefix {
            header,
            version,
            key,
            inputs,
            prints,
            records_at,
        })
    }

    /// True when this snapshot was written by this dateline.
    pub fn same_version(&self) -> bool {
        self.version == env!("CARGO_PKG_VERSION")
    }
}

/// The whole timeline, once the checksums match and every index checks.
pub(crate) fn timeline(map: &Arc<Mmap>, prefix: &Prefix) -> Result<Timeline, Bad> {
    let h = &prefix.header;
    let meta = h.meta(map);
    // Every read below is bounds-checked, so the records may be read while
    // their checksum is computed; nothing read is used unless it matches.
    let meta_hash = std::thread::scope(|s| {
        let hashing = s.spawn(|| twox_hash::XxHash3_64::oneshot(meta));
        let read = read_records(map, prefix);
        let hash = hashing.join().map_err(|_| Bad("meta checksum"));
        (read, hash)
    });
    match meta_hash {
        (read, Ok(hash)) if hash == h.meta_hash => read,
        _ => Err(Bad("meta checksum")),
    }
}

/// The timeline from the meta section's records and the mapped texts.
fn read_records(map: &Arc<Mmap>, prefix: &Prefix) -> Result<Timeline, Bad> {
    let h = &prefix.header;
    let meta_end = HEADER + h.meta_len as usize;
    let mut d = Dec::in_map(map, HEADER + prefix.records_at, meta_end).ok_or(Bad("meta"))?;
    let import_report = Get::get(&mut d)?;
    let lens = [d.u64()?, d.u64()?, d.u64()?, d.u64()?];
    if lens.iter().try_fold(0u64, |a, &b| a.checked_add(b)) != Some(h.text_len)
        || lens.iter().any(|&l| l > u64::from(u32::MAX))
    {
        return Err(Bad("text lengths"));
    }
    // The text is checked on a thread of its own while the records are read.
    let (texts, records) = std::thread::scope(|s| {
        let texts = s.spawn(|| texts(map, h, lens));
        let records = records(&mut d, lens[0], import_report);
        (texts.join().unwrap_or(Err(Bad("text"))), records)
    });
    let [text, ids_text, roles_text, topics_text] = texts?;
    let (mut p, [ids, roles, topics]) = records?;
    p.text = text;
    p.event_ids = IdTable::from_keys(ids_text, ids);
    p.roles = IdTable::from_keys(roles_text, roles);
    p.topics = IdTable::from_keys(topics_text, topics);
    let counts: Vec<u32> = Get::get(&mut d)?;
    p.byte_counts = counts.try_into().map_err(|_| Bad("byte counts"))?;
    let built_bytes = usize::try_from(d.u64()?).map_err(|_| Bad("size"))?;
    if d.remaining() != 0 {
        return Err(Bad("trailing bytes"));
    }
    check(&p)?;
    Ok(Timeline {
        p,
        folded: std::sync::OnceLock::new(),
        built_bytes: Some(built_bytes),
    })
}

/// The four texts (the store's, event ids', roles', topics'), mapped and
/// checked: their checksum, and that each is UTF-8.
fn texts(map: &Arc<Mmap>, h: &Header, lens: [u64; 4]) -> Result<[TextStore; 4], Bad> {
    let start = h.text_offset as usize;
    if twox_hash::XxHash3_64::oneshot(&map[start..]) != h.text_hash {
        return Err(Bad("text checksum"));
    }
    let mut at = start;
    let mut one = |len: u64| {
        let text = MappedText::new(Arc::clone(map), at, len as usize).ok_or(Bad("text not UTF-8"));
        at += len as usize;
        text.map(TextStore::mapped)
    };
    Ok([one(lens[0])?, one(lens[1])?, one(lens[2])?, one(lens[3])?])
}

/// The records and indexes, with the keys of the event id, role and topic
/// tables. The tables are read in place: each record is checked to be a
/// valid value here, and every index and string in [`check`].
fn records(
    d: &mut Dec<'_>,
    text_len: u64,
    import_report: crate::model::ImportReport,
) -> Result<(TimelineParts, [Table<Str>; 3]), Bad> {
    d.text_len = text_len;
    let title = Get::get(d)?;
    let sources = Get::get(d)?;
    let actors = Get::get(d)?;
    let aliases = d.table()?;
    let roles = d.table()?;
    let topics = d.table()?;
    let mut p = TimelineParts {
        title,
        sources,
        actors,
        aliases,
        import_report,
        events: d.table()?,
        event_actors: d.table()?,
        event_countries: d.table()?,
        event_topics: d.table()?,
        quotes: d.table()?,
        links: d.table()?,
        backlinks: d.table()?,
        event_sources: d.table()?,
        derivations: Get::get(d)?,
        earliest: d.table()?,
        latest: d.table()?,
        by_actor: Get::get(d)?,
        by_country: Get::get(d)?,
        by_source: Get::get(d)?,
        ..TimelineParts::default()
    };
    let ids = d.table()?;
    p.slot_event = d.table()?;
    p.text_index = TextIndex {
        blocks: d.table()?,
        block_event: d.table()?,
        quotes: d.table()?,
    };
    Ok((p, [ids, roles, topics]))
}
