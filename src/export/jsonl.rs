//! The native JSON Lines form of exactly the events in view, with every
//! actor and source they reference, so the file loads on its own: source
//! texts are written inline, links to events outside the view are dropped,
//! and a date derived from an event outside the view keeps that event's day
//! as its anchor.

use super::{Selection, Written};
use crate::model::country;
use crate::model::date::format_day;
use crate::model::{DerivationAnchor, EventRef, SourceRef};
use serde::Serialize;
use std::io::{self, Write};

/// The native format's version this writes.
const VERSION: u32 = crate::load::native::FORMAT_VERSION;

/// One line of output; one lives at a time, so its size costs nothing.
#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
#[allow(clippy::large_enum_variant)]
enum Line<'a> {
    Dateline(u32),
    Title(&'a str),
    Source(SourceOut<'a>),
    Actor(ActorOut<'a>),
    Event(EventOut<'a>),
}

#[derive(Serialize)]
struct SourceOut<'a> {
    id: &'a str,
    outlet: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    /// Absent for a source that carries no verbatim text.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

#[derive(Serialize)]
struct ActorOut<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<&'a str>,
}

#[derive(Serialize)]
struct PlaceOut<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'static str>,
}

#[derive(Serialize)]
struct RoleOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    role: &'a str,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    source: &'a str,
    text: &'a str,
    start: u32,
    end: u32,
}

#[derive(Serialize)]
struct LinkOut<'a> {
    to: &'a str,
    kind: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum AnchorOut<'a> {
    Source(&'a str),
    Event(&'a str),
    /// The day of an anchor event left out of the view.
    Day(String),
}

#[derive(Serialize)]
struct DerivationOut<'a> {
    phrase: &'a str,
    anchor: AnchorOut<'a>,
    rule: String,
}

#[derive(Serialize)]
struct EventOut<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    summary: &'a str,
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    derivation: Option<DerivationOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_origin: Option<&'a str>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<PlaceOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    actors: Vec<RoleOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    countries: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    topics: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    quotes: Vec<QuoteOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    links: Vec<LinkOut<'a>>,
}

fn source<'a>(s: &SourceRef<'a>) -> SourceOut<'a> {
    SourceOut {
        id: s.id(),
        outlet: s.outlet(),
        title: s.title(),
        url: s.url(),
        published: s.published().map(format_day),
        text: s.has_text().then(|| s.text()),
    }
}

fn event<'a>(view: &Selection<'a>, e: &EventRef<'a>) -> EventOut<'a> {
    let t = view.t;
    let derivation = e.derivation().map(|d| DerivationOut {
        phrase: t.str(d.phrase),
        anchor: match d.anchor {
            DerivationAnchor::Source(s) => AnchorOut::Source(t.source(s).id()),
            DerivationAnchor::Event(a) if view.contains(a) => AnchorOut::Event(t.event(a).id()),
            DerivationAnchor::Event(a) => {
                AnchorOut::Day(t.event(a).earliest().map(format_day).unwrap_or_default())
            }
            DerivationAnchor::Day(day) => AnchorOut::Day(format_day(day)),
        },
        rule: d.rule.to_string(),
    });
    let place = (!e.place().is_empty() || e.place_country().is_some()).then(|| PlaceOut {
        name: e.place(),
        country: e.place_country().map(country::code),
    });
    EventOut {
        id: e.id(),
        title: e.title(),
        summary: e.summary(),
        date: e.date().edtf(),
        derivation,
        date_origin: e.date_origin(),
        status: e.status().as_str(),
        place,
        actors: e
            .actors()
            .iter()
            .map(|a| RoleOut {
                id: t.actor(a.actor).id(),
                role: t.role_name(a.role),
            })
            .collect(),
        countries: e.countries().iter().map(|&c| country::code(c)).collect(),
        topics: e.topics().collect(),
        // Sources the event names without quoting them.
        sources: e
            .sources()
            .iter()
            .filter(|s| !e.quotes().any(|q| q.q.source == s.ix))
            .map(|s| s.id())
            .collect(),
        quotes: e
            .quotes()
            .map(|q| QuoteOut {
                source: q.source().id(),
                text: q.text(),
                start: q.q.char_start,
                end: q.q.char_end,
            })
            .collect(),
        links: view
            .links_in_view(e)
            .map(|l| LinkOut {
                to: t.event(l.other).id(),
                kind: l.kind.as_str(),
            })
            .collect(),
    }
}

fn line(out: &mut dyn Write, record: &Line<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")
}

pub(super) fn write(out: &mut dyn Write, view: &Selection<'_>) -> io::Result<Written> {
    let t = view.t;
    line(out, &Line::Dateline(VERSION))?;
    if let Some(title) = t.title() {
        line(out, &Line::Title(title))?;
    }
    for s in view.sources() {
        line(out, &Line::Source(source(&t.source(s))))?;
    }
    for a in view.actors() {
        let a = t.actor(a);
        line(
            out,
            &Line::Actor(ActorOut {
                id: a.id(),
                name: a.name(),
                kind: a.kind().as_str(),
                title: a.title(),
                country: a.country_code(),
                aliases: a.aliases().collect(),
            }),
        )?;
    }
    for &e in &view.events {
        line(out, &Line::Event(event(view, &t.event(e))))?;
    }
    Ok(Written {
        events: view.events.len(),
        dropped_links: view.dropped_links(),
        inlined_anchors: view.anchors_outside(),
        ..Written::default()
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_data::{all, assert_no_controls, builtin, hostile};
    use super::super::{Format, Options, to_bytes};
    use crate::load::{Format as LoadFormat, load_bytes};
    use crate::model::{EventIx, Timeline};

    fn reload(bytes: &[u8]) -> Timeline {
        load_bytes("export.jsonl", bytes, LoadFormat::Lines, &|p| {
            Err(format!("a standalone file reads no {p}"))
        })
        .unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(bytes)))
    }

    /// Everything `list --json` and `show --json` print, which covers every
    /// field of an event, its actors, quotes and links.
    fn described(t: &Timeline, events: &[EventIx]) -> Vec<String> {
        events
            .iter()
            .map(|&e| {
                let mut out = Vec::new();
                crate::report::show_json(&mut out, t, e).unwrap();
                let ev = t.event(e);
                let sources: Vec<String> = ev
                    .quotes()
                    .map(|q| {
                        let s = q.source();
                        format!(
                            "{}|{}|{}|{:?}|{:?}",
                            s.id(),
                            s.outlet(),
                            s.title(),
                            s.url(),
                            s.published()
                        )
                    })
                    .collect();
                format!("{}\n{sources:?}", String::from_utf8(out).unwrap())
            })
            .collect()
    }

    #[test]
    fn the_whole_builtin_timeline_comes_back_the_same() {
        let t = builtin();
        let (bytes, written) = to_bytes(&t, &all(&t), &Options::new(Format::Jsonl));
        assert_eq!(written.events, t.len());
        assert_eq!(written.dropped_links, 0);
        let back = reload(&bytes);
        assert_eq!(back.len(), t.len());
        assert_eq!(back.actor_count(), t.actor_count());
        assert_eq!(back.quote_count(), t.quote_count());
        assert_eq!(back.link_count(), t.link_count());
        assert_eq!(described(&back, &all(&back)), described(&t, &all(&t)));
    }

    #[test]
    fn a_filtered_view_loads_on_its_own() {
        let t = builtin();
        let putin = t.find_actors("putin");
        let filter = crate::query::Filter {
            actors: putin,
            ..Default::default()
        };
        let events = crate::query::apply(&t, &filter);
        assert!(!events.is_empty());
        let (bytes, written) = to_bytes(&t, &events, &Options::new(Format::Jsonl));
        let back = reload(&bytes);
        assert_eq!(back.len(), events.len());
        assert_eq!(written.events, events.len());
        // Only the actors the view names come along.
        let named: usize = {
            let mut ids: Vec<&str> = events
                .iter()
                .flat_map(|&e| t.event(e).actors().iter().map(|a| t.actor(a.actor).id()))
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids.len()
        };
        assert_eq!(back.actor_count(), named);
        assert!(back.actor_count() < t.actor_count());
        // Links leaving the view were dropped and counted.
        let kept_links = back.link_count();
        let had_links: usize = events.iter().map(|&e| t.event(e).links().len()).sum();
        assert_eq!(kept_links + written.dropped_links, had_links);
    }

    #[test]
    fn hostile_text_round_trips_and_anchors_outside_stay_inline() {
        let t = hostile();
        let (bytes, _) = to_bytes(&t, &all(&t), &Options::new(Format::Jsonl));
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert_no_controls(&text, &['\n']);
        assert_eq!(text.lines().count(), 1 + 2 + 2 + t.len());
        let back = reload(&bytes);
        assert_eq!(described(&back, &all(&back)), described(&t, &all(&t)));

        // e6's date is derived from e1: without e1 the anchor's day comes inline.
        let e6 = t.find_event("e6").unwrap();
        let (bytes, written) = to_bytes(&t, &[e6], &Options::new(Format::Jsonl));
        assert_eq!(written.inlined_anchors, 1);
        assert!(String::from_utf8_lossy(&bytes).contains(r#""anchor":{"day":"2025-04-17"}"#));
        let back = reload(&bytes);
        let shown = crate::present::derivation(&back, &back.event(0)).unwrap();
        assert!(shown.contains("that day"), "{shown}");
    }
}
