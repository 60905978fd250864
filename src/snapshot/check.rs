//! The checks a snapshot's store passes before it is used: every index
//! points inside its table, every list lies inside its array, every string
//! inside its text, so that nothing read from the file is trusted.

use super::codec::Bad;
use crate::model::Str;
use crate::model::timeline::{NO_COUNTRY, NO_DERIVATION, Postings, TimelineParts};

/// Every index points inside its table and every list lies inside its
/// array, so no lookup the rest of dateline makes can go out of bounds.
/// The tables of events, their lists and quotes are checked on a thread
/// of their own.
pub(super) fn check(p: &TimelineParts) -> Result<(), Bad> {
    std::thread::scope(|s| {
        let events = s.spawn(|| check_first(p));
        let rest = check_rest(p);
        events.join().unwrap_or(Err(Bad("events"))).and(rest)
    })
}

fn below(v: u32, n: u64, what: &'static str) -> Result<(), Bad> {
    if u64::from(v) < n {
        Ok(())
    } else {
        Err(Bad(what))
    }
}

fn within(s: crate::model::timeline::Span, len: usize, what: &'static str) -> Result<(), Bad> {
    if u64::from(s.start) + u64::from(s.len) <= len as u64 {
        Ok(())
    } else {
        Err(Bad(what))
    }
}

/// A string lies inside the text it points into.
fn inside(s: Str, text_len: u64, what: &'static str) -> Result<(), Bad> {
    if u64::from(s.start) + u64::from(s.len) <= text_len {
        Ok(())
    } else {
        Err(Bad(what))
    }
}

/// The events, their actors, countries and topics, and the quotes.
fn check_first(p: &TimelineParts) -> Result<(), Bad> {
    let n_countries = crate::model::country::all().len() as u64;
    let text_len = p.text.total_len() as u64;
    for e in &p.events {
        below(e.slot, p.event_ids.len() as u64, "event slot")?;
        if e.derivation != NO_DERIVATION {
            below(e.derivation, p.derivations.len() as u64, "derivation")?;
        }
        if e.place_country != NO_COUNTRY {
            below(e.place_country.into(), n_countries, "country")?;
        }
        for s in [e.title, e.summary, e.place, e.date_origin] {
            inside(s, text_len, "event string")?;
        }
        if !e.date.flags_known() || e._reserved != 0 {
            return Err(Bad("event record"));
        }
        within(e.actors, p.event_actors.len(), "event actors")?;
        within(e.countries, p.event_countries.len(), "event countries")?;
        within(e.topics, p.event_topics.len(), "event topics")?;
        within(e.quotes, p.quotes.len(), "event quotes")?;
        within(e.links, p.links.len(), "event links")?;
        within(e.backlinks, p.backlinks.len(), "event backlinks")?;
        within(e.sources, p.event_sources.len(), "event sources")?;
    }
    let (n_sources, n_actors) = (p.sources.len() as u64, p.actors.len() as u64);
    for a in &p.event_actors {
        below(a.actor, n_actors, "actor")?;
        below(a.role, p.roles.len() as u64, "role")?;
    }
    for &c in &p.event_countries {
        below(c.into(), n_countries, "country")?;
    }
    for &t in &p.event_topics {
        below(t, p.topics.len() as u64, "topic")?;
    }
    for q in &p.quotes {
        below(q.source, n_sources, "quote source")?;
        // A quote is a span of its source's text (views subtract the two).
        let text: Str = p.sources[q.source as usize].text;
        let (start, end) = (
            u64::from(q.text.start),
            u64::from(q.text.start) + u64::from(q.text.len),
        );
        if start < u64::from(text.start) || end > u64::from(text.start) + u64::from(text.len) {
            return Err(Bad("quote outside its source"));
        }
    }
    Ok(())
}

fn check_rest(p: &TimelineParts) -> Result<(), Bad> {
    let text_len = p.text.total_len() as u64;
    for &s in &p.aliases {
        inside(s, text_len, "alias")?;
    }
    for table in [&p.event_ids, &p.roles, &p.topics] {
        let (text, keys) = table.parts();
        let text_len = text.total_len() as u64;
        for &k in keys {
            inside(k, text_len, "key")?;
        }
    }
    let n_events = p.events.len() as u64;
    let n_sources = p.sources.len() as u64;
    let n_actors = p.actors.len() as u64;
    let n_countries = crate::model::country::all().len() as u64;
    for a in &p.actors {
        within(a.aliases, p.aliases.len(), "aliases")?;
        if let Some(c) = a.country {
            below(c.into(), n_countries, "country")?;
        }
    }
    for l in p.links.iter().chain(&p.backlinks) {
        below(l.other, n_events, "link")?;
    }
    for &s in &p.event_sources {
        below(s, n_sources, "event source")?;
    }
    for d in &p.derivations {
        match d.anchor {
            crate::model::DerivationAnchor::Source(s) => below(s, n_sources, "anchor")?,
            crate::model::DerivationAnchor::Event(e) => below(e, n_events, "anchor")?,
            crate::model::DerivationAnchor::Day(_) => {}
        }
    }
    if p.earliest.len() as u64 != n_events || p.latest.len() as u64 != n_events {
        return Err(Bad("day arrays"));
    }
    for (postings, keys) in [
        (&p.by_actor, n_actors),
        (&p.by_country, n_countries),
        (&p.by_source, n_sources),
    ] {
        check_postings(postings, keys, n_events)?;
    }
    for &e in p.slot_event.iter().chain(&p.text_index.block_event) {
        below(e, n_events, "event index")?;
    }
    if p.slot_event.len() != p.event_ids.len()
        || p.text_index.blocks.len() != p.text_index.block_event.len()
    {
        return Err(Bad("index lengths"));
    }
    for q in &p.text_index.quotes {
        below(q.event, n_events, "quote span")?;
        if q.start > q.end || u64::from(q.end) > text_len {
            return Err(Bad("quote span"));
        }
    }
    if p.text_index.blocks.iter().any(|&b| u64::from(b) > text_len) {
        return Err(Bad("text block"));
    }
    Ok(())
}

fn check_postings(p: &Postings, keys: u64, n_events: u64) -> Result<(), Bad> {
    let offsets = &p.offsets;
    if offsets.len() as u64 > keys + 1
        || offsets.first().is_some_and(|&o| o != 0)
        || offsets.windows(2).any(|w| w[0] > w[1])
        || offsets
            .last()
            .is_some_and(|&o| o as usize != p.events.len())
        || (offsets.is_empty() && !p.events.is_empty())
    {
        return Err(Bad("postings"));
    }
    if p.events.iter().any(|&e| u64::from(e) >= n_events) {
        return Err(Bad("postings"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts() -> TimelineParts {
        let mut bytes = Vec::new();
        crate::synth::write(&mut bytes, 60, 3).unwrap();
        let t = crate::load::load_bytes("t.jsonl", &bytes, crate::load::Format::Lines, &|_| {
            Err("no texts".into())
        })
        .unwrap();
        t.p
    }

    /// Breaks one index of a sound store.
    type Forgery = fn(&mut TimelineParts);

    /// Each check, whichever thread makes it, refuses an index one past
    /// its table.
    #[test]
    fn an_index_past_its_table_is_refused_in_every_table() {
        let p = parts();
        assert_eq!(check(&p), Ok(()));
        let forgeries: [(&str, Forgery); 12] = [
            ("event slot", |p| {
                p.events[5].slot = p.event_ids.len() as u32
            }),
            ("event actors", |p| {
                p.events[7].actors.start = p.event_actors.len() as u32
            }),
            ("actor", |p| p.event_actors[3].actor = p.actors.len() as u32),
            ("role", |p| p.event_actors[0].role = p.roles.len() as u32),
            ("topic", |p| p.event_topics[1] = p.topics.len() as u32),
            ("quote source", |p| {
                p.quotes[2].source = p.sources.len() as u32
            }),
            ("link", |p| p.links[0].other = p.events.len() as u32),
            ("event index", |p| p.slot_event[4] = p.events.len() as u32),
            ("event string", |p| {
                p.events[2].summary.start = p.text.total_len() as u32
            }),
            ("alias", |p| {
                let start = p.text.total_len() as u32;
                p.aliases.vec_mut().push(Str { start, len: 1 })
            }),
            ("quote span", |p| {
                p.text_index.quotes[1].end = p.text.total_len() as u32 + 1
            }),
            ("text block", |p| {
                p.text_index.blocks[0] = p.text.total_len() as u32 + 1
            }),
        ];
        for (what, forge) in forgeries {
            let mut p = parts();
            forge(&mut p);
            assert_eq!(check(&p), Err(Bad(what)), "{what}");
        }
    }
}
