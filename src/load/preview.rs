//! A preview of a large file: the events of its first few megabytes, built
//! while the whole file still loads, so that the browser has something to
//! show at once. Only formats of independent lines can be cut anywhere
//! (native JSON Lines, GDELT, ACLED, CSV); a JSON document or a Parquet
//! file has no preview.
//!
//! The preview is lenient where the whole load is strict about what the
//! head cannot know: a link to an event further on, an actor or a source
//! declared further on, a quote from such a source, a date derived from
//! such an anchor are left out, never reported. A problem the head itself
//! has (a bad line, a duplicate id) means no preview: the whole load will
//! report it.

use crate::load::builder::{Builder, NONE};
use crate::load::sniff::Sniffed;
use crate::load::{Format, InputFormat, LoadOptions, files, import, native, parts};
use crate::model::timeline::Span;
use crate::model::{IdTable, Timeline};
use std::io::Read;
use std::path::Path;

/// How much of the file the preview reads: a few thousand events of a
/// native file, parsed in a few tens of milliseconds.
pub const PREVIEW_BYTES: usize = 4 << 20;

/// The preview of a file, if it has one: a file at least four times
/// [`PREVIEW_BYTES`] (a smaller one loads whole about as fast) in a format
/// of independent lines, whose head reads without a problem.
pub fn preview_path(path: &Path, opts: LoadOptions<'_>) -> Option<Timeline> {
    preview_path_with(path, opts, PREVIEW_BYTES)
}

/// [`preview_path`] reading `head` bytes (and, when they hold no event,
/// four times as many once).
pub fn preview_path_with(path: &Path, opts: LoadOptions<'_>, head: usize) -> Option<Timeline> {
    let opts = LoadOptions {
        // The whole load reports the progress; the preview's would go back.
        progress: None,
        ..opts
    };
    let (handle, total) = files::open_regular(path, opts.limits.file).ok()?;
    for wanted in [head, head.saturating_mul(4)] {
        if total <= 4 * wanted as u64 {
            return None;
        }
        let mut bytes = Vec::with_capacity(wanted);
        (&handle).take(wanted as u64).read_to_end(&mut bytes).ok()?;
        // Read again from the start next time round.
        std::io::Seek::rewind(&mut &handle).ok()?;
        match preview_bytes(path, &bytes, opts)? {
            Preview::Built(t) => return Some(*t),
            Preview::NoEvents => continue,
        }
    }
    None
}

enum Preview {
    Built(Box<Timeline>),
    NoEvents,
}

/// The preview of a file's first bytes, cut at its last whole line.
fn preview_bytes(path: &Path, bytes: &[u8], opts: LoadOptions<'_>) -> Option<Preview> {
    let head = &bytes[..bytes.len().min(super::sniff::HEAD)];
    let sniffed = super::sniffed_format(path, head, opts).ok()?;
    let quoted = match sniffed {
        Sniffed::Native(Format::Lines) | Sniffed::Import(InputFormat::Gdelt) => false,
        Sniffed::Import(InputFormat::Acled | InputFormat::Csv) => true,
        _ => return None,
    };
    let whole = &bytes[..whole_lines(bytes, quoted)?];
    let mut builder = Builder::new();
    let file = builder.add_file(&path.display().to_string());
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let read_text = |relative: &str| {
        files::read_source_text(&base, relative, opts.limits.text, opts.allow_outside)
    };
    match sniffed {
        Sniffed::Native(_) => {
            let tally = parts::Tally::default();
            let part = parts::Part {
                at_start: true,
                total: whole.len() as u64,
                tally: &tally,
            };
            let mut reader = whole;
            native::json_lines::read(&mut builder, file, &mut reader, part, &read_text, opts)
                .ok()?;
        }
        Sniffed::Import(format) => import::read(
            &mut builder,
            file,
            format,
            import::Input::Bytes(whole),
            opts,
        )
        .ok()?,
        Sniffed::GdeltMentions => return None,
    }
    // Before anything asks which events the head declares; a duplicate id
    // is found here.
    builder.resolve_event_refs();
    if !builder.diags.is_empty() {
        return None;
    }
    if builder.event_count() == 0 {
        return Some(Preview::NoEvents);
    }
    leave_out_unread(&mut builder);
    builder.finish().ok().map(|t| Preview::Built(Box::new(t)))
}

/// The length of the whole lines at the start of `bytes`. Where fields may
/// be quoted (CSV), a line break inside quotes does not end a line: the
/// cut comes after the last break with an even count of quotes before it.
fn whole_lines(bytes: &[u8], quoted: bool) -> Option<usize> {
    if !quoted {
        return memchr::memrchr(b'\n', bytes).map(|p| p + 1);
    }
    let mut inside = false;
    let mut last = None;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => inside = !inside,
            b'\n' if !inside => last = Some(i + 1),
            _ => {}
        }
    }
    last
}

/// Renumbers the declared entries of one kind (actors or sources), leaving
/// out those only referred to: the map from old slot to new (or NONE).
fn declared_only<T>(
    slots: &mut Vec<T>,
    ids: &mut IdTable,
    hasher: &hashbrown::DefaultHashBuilder,
    declared: impl Fn(&T) -> bool,
) -> Vec<u32> {
    let mut map = vec![NONE; slots.len()];
    let mut kept_ids = IdTable::default();
    let mut next = 0u32;
    for (old, slot) in slots.iter().enumerate() {
        if declared(slot) {
            kept_ids.intern(hasher, ids.key(old as u32));
            map[old] = next;
            next += 1;
        }
    }
    let mut old = 0;
    slots.retain(|_| {
        old += 1;
        map[old - 1] != NONE
    });
    *ids = kept_ids;
    map
}

/// Leaves out what refers to something the head does not declare: the
/// actors, sources, links, quotes and date derivations that the rest of the
/// file would resolve.
fn leave_out_unread(b: &mut Builder) {
    let hasher = b.hasher.clone();
    let actor_map = declared_only(&mut b.actors, &mut b.actor_ids, &hasher, |a| {
        a.file.is_some()
    });
    let source_map = declared_only(&mut b.sources, &mut b.source_ids, &hasher, |s| {
        s.file.is_some()
    });
    let slot_event = &b.slot_event;
    let declared_event = |slot: u32| slot_event.get(slot as usize).is_some_and(|&e| e != NONE);
    b.late_links.retain(|(_, l)| declared_event(l.other));
    b.late_sources = std::mem::take(&mut b.late_sources)
        .into_iter()
        .filter_map(|(event, s)| Some((event, mapped(&source_map, s)?)))
        .collect();

    let mut actors = Vec::with_capacity(b.event_actors.len());
    let mut links = Vec::with_capacity(b.links.len());
    let mut sources = Vec::with_capacity(b.event_sources.len());
    let mut quotes = Vec::with_capacity(b.quotes.len());
    let mut quote_map = vec![NONE; b.quotes.len()];
    for e in &mut b.events {
        e.actors = kept(&mut actors, &b.event_actors, e.actors, |mut a| {
            a.actor = mapped(&actor_map, a.actor)?;
            Some(a)
        });
        e.links = kept(&mut links, &b.links, e.links, |l| {
            declared_event(l.other).then_some(l)
        });
        e.sources = kept(&mut sources, &b.event_sources, e.sources, |s| {
            mapped(&source_map, s)
        });
        let first = quotes.len() as u32;
        for old in e.quotes.start..e.quotes.start + e.quotes.len {
            let mut q = b.quotes[old as usize];
            if let Some(source) = mapped(&source_map, q.source) {
                q.source = source;
                quote_map[old as usize] = quotes.len() as u32;
                quotes.push(q);
            }
        }
        e.quotes = Span {
            start: first,
            len: quotes.len() as u32 - first,
        };
        if e.derivation != NONE {
            let d = &mut b.derivations[e.derivation as usize];
            let anchor = if d.anchor_day.is_some() {
                Some(d.anchor_slot)
            } else if d.anchor_is_source {
                mapped(&source_map, d.anchor_slot)
            } else {
                declared_event(d.anchor_slot).then_some(d.anchor_slot)
            };
            match anchor {
                Some(slot) => d.anchor_slot = slot,
                None => e.derivation = NONE,
            }
        }
    }
    (b.event_actors, b.links, b.event_sources, b.quotes) = (actors, links, sources, quotes);
    b.pending_quotes.retain_mut(|p| {
        p.quote = quote_map[p.quote as usize];
        p.quote != NONE
    });
}

fn mapped(map: &[u32], old: u32) -> Option<u32> {
    map.get(old as usize).copied().filter(|&new| new != NONE)
}

/// Appends the items of `span` in `flat` that `keep` keeps (as it changes
/// them) to `out`; the new span.
fn kept<T: Copy>(out: &mut Vec<T>, flat: &[T], span: Span, keep: impl Fn(T) -> Option<T>) -> Span {
    let first = out.len() as u32;
    out.extend(flat[span.range()].iter().filter_map(|&item| keep(item)));
    Span {
        start: first,
        len: out.len() as u32 - first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_never_falls_inside_quotes() {
        let csv = b"a,b\n1,\"two\nlines\"\n3,\"open\n";
        assert_eq!(whole_lines(csv, true), Some(18));
        assert_eq!(whole_lines(csv, false), Some(csv.len()));
        assert_eq!(whole_lines(b"no break", false), None);
    }
}
