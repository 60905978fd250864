//! Round trips through the encoding, and damaged snapshots read without a
//! panic: every byte of the store is checked, not trusted.

use super::decode::{Prefix, timeline};
use super::encode::{About, write};
use super::format::{HEADER, Header};
use super::key::Fingerprint;
use crate::model::Timeline;
use memmap2::MmapMut;
use proptest::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

fn encoded(t: &Timeline) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let inputs = [PathBuf::from("/data/t.jsonl")];
    let prints = [Fingerprint {
        path: PathBuf::from("/data/t.jsonl"),
        seen: None,
    }];
    let about = About {
        key: "/data/t.jsonl\noptions",
        inputs: &inputs,
        prints: &prints,
    };
    write(&mut out, t, &about).unwrap();
    out.into_inner()
}

fn mapped(bytes: &[u8]) -> Arc<memmap2::Mmap> {
    let mut map = MmapMut::map_anon(bytes.len().max(1)).unwrap();
    map[..bytes.len()].copy_from_slice(bytes);
    let map = map.make_read_only().unwrap();
    Arc::new(map)
}

fn decoded(bytes: &[u8]) -> Result<Timeline, super::codec::Bad> {
    // An anonymous map is a page long at least: keep the exact length.
    let file = tempfile::tempfile().unwrap();
    std::io::Write::write_all(&mut &file, bytes).unwrap();
    let map = match unsafe { memmap2::Mmap::map(&file) } {
        Ok(m) => Arc::new(m),
        Err(_) => mapped(bytes),
    };
    let prefix = Prefix::read(&map)?;
    timeline(&map, &prefix)
}

/// Everything a user can see of a timeline, as text.
fn seen(t: &Timeline) -> String {
    let all: Vec<u32> = (0..t.len() as u32).collect();
    let mut out = Vec::new();
    crate::report::list_json(&mut out, t, &all).unwrap();
    for &e in &all {
        crate::report::show_json(&mut out, t, e).unwrap();
        let id = t.event(e).id().to_string();
        assert_eq!(t.find_event(&id), Some(e));
    }
    for s in 0..t.source_count() as u32 {
        let _ = t.source(s).quoted_spans();
    }
    crate::report::actors(&mut out, t).unwrap();
    crate::report::countries(&mut out, t).unwrap();
    let mut text = String::from_utf8(out).unwrap();
    text.push_str(&crate::report::check_summary(t));
    text.push_str(&format!("{:?}", t.import_report()));
    text
}

fn synthetic(events: usize, seed: u64) -> Timeline {
    let mut bytes = Vec::new();
    crate::synth::write(&mut bytes, events, seed).unwrap();
    crate::load::load_bytes("t.jsonl", &bytes, crate::load::Format::Lines, &|_| {
        Err("no texts".into())
    })
    .unwrap()
}

#[test]
fn the_builtin_timeline_comes_back_the_same() {
    let t = crate::load::load_builtin().unwrap();
    let back = decoded(&encoded(&t)).unwrap();
    assert_eq!(seen(&back), seen(&t));
    assert!(back.p.derivations.len() == t.p.derivations.len() && !t.p.quotes.is_empty());
}

#[test]
fn a_truncated_or_other_version_snapshot_is_refused() {
    let bytes = encoded(&crate::load::load_builtin().unwrap());
    for cut in [0, 10, HEADER, bytes.len() / 2, bytes.len() - 1] {
        assert!(decoded(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut other = bytes.clone();
    other[8] ^= 1;
    assert!(decoded(&other).is_err());
}

/// Recomputes both checksums, as a forger would.
fn reseal(bytes: &mut [u8]) {
    let Ok(mut h) = Header::read(bytes) else {
        return;
    };
    h.meta_hash = twox_hash::XxHash3_64::oneshot(h.meta(bytes));
    h.text_hash = twox_hash::XxHash3_64::oneshot(&bytes[h.text_offset as usize..]);
    bytes[..HEADER].copy_from_slice(&h.to_bytes());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn synthetic_timelines_come_back_the_same(events in 0usize..120, seed in any::<u64>()) {
        let t = synthetic(events, seed);
        let back = decoded(&encoded(&t)).unwrap();
        prop_assert_eq!(seen(&back), seen(&t));
    }

    #[test]
    fn flipped_bytes_are_caught_by_the_checksum(at in any::<prop::sample::Index>(), bit in 0u8..8) {
        let mut bytes = encoded(&crate::load::load_builtin().unwrap());
        let i = at.index(bytes.len());
        let h = Header::read(&bytes).unwrap();
        // The padding between the sections is not read.
        let padding = HEADER + h.meta_len as usize..h.text_offset as usize;
        prop_assume!(!padding.contains(&i));
        bytes[i] ^= 1 << bit;
        prop_assert!(decoded(&bytes).is_err());
    }

    #[test]
    fn forged_snapshots_never_panic(
        changes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        events in 1usize..40,
    ) {
        let mut bytes = encoded(&synthetic(events, 7));
        for (at, v) in changes {
            let i = HEADER + at.index(bytes.len() - HEADER);
            bytes[i] = v;
        }
        reseal(&mut bytes);
        if let Ok(t) = decoded(&bytes) {
            // Whatever got through must be safe to show.
            let _ = seen_lenient(&t);
        }
    }

    #[test]
    fn random_bytes_never_panic(mut bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if bytes.len() >= 8 {
            bytes[..8].copy_from_slice(&super::format::MAGIC);
        }
        let _ = decoded(&bytes);
    }
}

/// Like `seen`, without asserting what a forged store may well break
/// (ids found again, text as it was).
fn seen_lenient(t: &Timeline) -> usize {
    let all: Vec<u32> = (0..t.len() as u32).collect();
    let mut out = Vec::new();
    let _ = crate::report::list_json(&mut out, t, &all);
    for &e in &all {
        let _ = crate::report::show_json(&mut out, t, e);
        let _ = t.find_event(t.event(e).id());
    }
    for s in 0..t.source_count() as u32 {
        let _ = t.source(s).quoted_spans();
    }
    let _ = crate::report::actors(&mut out, t);
    let _ = crate::report::countries(&mut out, t);
    out.len() + crate::report::check_summary(t).len()
}

#[test]
fn a_reopened_store_reads_its_tables_in_place() {
    let t = synthetic(300, 11);
    let back = decoded(&encoded(&t)).unwrap();
    let p = &back.p;
    assert!(p.events.is_mapped() && p.quotes.is_mapped() && p.links.is_mapped());
    assert!(p.event_actors.is_mapped() && p.by_actor.events.is_mapped());
    assert!(p.text_index.quotes.is_mapped() && p.slot_event.is_mapped());
    assert_eq!(p.events.heap_bytes() + p.quotes.heap_bytes(), 0);
    assert_eq!(seen(&back), seen(&t));
}

/// Where `table`'s bytes lie in a snapshot.
fn table_at<T: zerocopy::IntoBytes + zerocopy::Immutable>(bytes: &[u8], table: &[T]) -> usize {
    let at = memchr::memmem::find(bytes, zerocopy::IntoBytes::as_bytes(table)).unwrap();
    // Past the header: an empty table would be "found" at 0.
    assert!(at >= HEADER);
    at
}

#[test]
fn an_event_or_link_record_with_a_value_no_enum_has_is_refused() {
    let t = synthetic(50, 3);
    // The forgeries below reach the fourth event and the second link.
    assert!(t.p.events.len() >= 4 && t.p.links.len() >= 2);
    let bytes = encoded(&t);
    let events = table_at(&bytes, &t.p.events);
    let links = table_at(&bytes, &t.p.links);
    let size = std::mem::size_of::<crate::model::timeline::EventRec>();
    // Byte 50 of a record is its status, byte 34 its date's shape, and
    // byte 4 of a link the low byte of its kind.
    for at in [events + 50, events + 3 * size + 34, links + 8 + 4] {
        let mut forged = bytes.clone();
        forged[at] = 200;
        reseal(&mut forged);
        assert!(decoded(&forged).is_err(), "byte {at}");
    }
    let mut fine = bytes.clone();
    reseal(&mut fine);
    assert!(decoded(&fine).is_ok());
}
