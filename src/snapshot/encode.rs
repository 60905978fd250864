//! Writes a timeline's snapshot.

use super::codec::{Enc, Put};
use super::format::{FORMAT, HEADER, Header, PAGE};
use super::key::{Fingerprint, put_path};
use crate::model::{TextStore, Timeline};
use std::hash::Hasher;
use std::io::{Seek, SeekFrom, Write};
use std::path::PathBuf;

/// What a snapshot says about itself before the store.
pub(crate) struct About<'a> {
    pub key: &'a str,
    /// The timeline files the input named (a directory's listing).
    pub inputs: &'a [PathBuf],
    /// Every file read, source texts included.
    pub prints: &'a [Fingerprint],
}

pub(crate) fn write<F: Write + Seek>(
    out: &mut F,
    t: &Timeline,
    about: &About<'_>,
) -> std::io::Result<()> {
    let p = &t.p;
    let texts: [&TextStore; 4] = [
        &p.text,
        p.event_ids.parts().0,
        p.roles.parts().0,
        p.topics.parts().0,
    ];
    out.write_all(&[0u8; HEADER])?;
    let mut e = Enc::new(out);
    env!("CARGO_PKG_VERSION").to_string().put(&mut e);
    about.key.to_string().put(&mut e);
    e.len(about.inputs.len());
    for path in about.inputs {
        put_path(&mut e, path);
    }
    about.prints.put(&mut e);
    p.import_report.put(&mut e);
    for text in texts {
        e.len(text.total_len());
    }
    p.title.put(&mut e);
    p.sources.put(&mut e);
    p.actors.put(&mut e);
    // The tables below are written as they lie in memory and read in place.
    e.table(&p.aliases);
    e.table(p.roles.parts().1);
    e.table(p.topics.parts().1);
    e.table(&p.events);
    e.table(&p.event_actors);
    e.table(&p.event_countries);
    e.table(&p.event_topics);
    e.table(&p.quotes);
    e.table(&p.links);
    e.table(&p.backlinks);
    e.table(&p.event_sources);
    p.derivations.put(&mut e);
    e.table(&p.earliest);
    e.table(&p.latest);
    p.by_actor.put(&mut e);
    p.by_country.put(&mut e);
    p.by_source.put(&mut e);
    e.table(p.event_ids.parts().1);
    e.table(&p.slot_event);
    e.table(&p.text_index.blocks);
    e.table(&p.text_index.block_event);
    e.table(&p.text_index.quotes);
    p.byte_counts.as_slice().put(&mut e);
    e.len(t.heap_bytes());
    let (meta_hash, meta_len) = e.finish()?;
    let meta_end = HEADER as u64 + meta_len;
    let text_offset = meta_end.div_ceil(PAGE) * PAGE;
    out.write_all(&vec![0u8; (text_offset - meta_end) as usize])?;
    let mut hasher = twox_hash::XxHash3_64::with_seed(0);
    let mut text_len = 0u64;
    for text in texts {
        for (_, segment) in text.segments() {
            hasher.write(segment.as_bytes());
            out.write_all(segment.as_bytes())?;
            text_len += segment.len() as u64;
        }
    }
    let header = Header {
        format: FORMAT,
        meta_len,
        meta_hash,
        text_offset,
        text_len,
        text_hash: hasher.finish(),
    };
    out.seek(SeekFrom::Start(0))?;
    out.write_all(&header.to_bytes())?;
    out.flush()
}
