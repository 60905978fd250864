//! What the command line prints: the chronology as a table or JSON Lines, one
//! event in full, and the actors and countries with their event counts.
//! All text comes from the store, which sanitized it at load.

use crate::model::country;
use crate::model::date::format_day;
use crate::model::{EventIx, EventRef, Timeline};
use crate::{present, sanitize};
use serde::Serialize;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

fn pad(out: &mut impl Write, text: &str, width: usize) -> io::Result<()> {
    out.write_all(text.as_bytes())?;
    for _ in text.width()..width {
        out.write_all(b" ")?;
    }
    Ok(())
}

/// "1 source", "2 sources".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What `dateline check` prints for a timeline that loaded without
/// problems: its counts and the memory it takes (per event when it has any).
pub fn check_summary(t: &Timeline) -> String {
    let bytes = t.heap_bytes();
    let rest = format!(
        "{}, {}, {}, {}",
        counted(t.actor_count(), "actor", "actors"),
        counted(t.source_count(), "source", "sources"),
        counted(t.link_count(), "link", "links"),
        counted(t.quote_count(), "quote", "quotes"),
    );
    if t.is_empty() {
        return format!(
            "ok, but the timeline has no events: {rest} (in memory: {:.1} MB)",
            bytes as f64 / 1e6
        );
    }
    format!(
        "ok: {}, {rest} (in memory: {:.1} MB, {} bytes an event)",
        counted(t.len(), "event", "events"),
        bytes as f64 / 1e6,
        bytes / t.len()
    )
}

/// The chronology as an aligned table: date, status, id, title.
pub fn list_table(out: &mut impl Write, t: &Timeline, events: &[EventIx]) -> io::Result<()> {
    let dates: Vec<String> = events.iter().map(|&e| t.event(e).date().human()).collect();
    let date_w = dates.iter().map(|d| d.width()).max().unwrap_or(4).max(4);
    let id_w = events
        .iter()
        .map(|&e| t.event(e).id().width())
        .max()
        .unwrap_or(2)
        .max(2);
    pad(out, "DATE", date_w)?;
    out.write_all(b"  STATUS     ")?;
    pad(out, "ID", id_w)?;
    out.write_all(b"  TITLE\n")?;
    for (&e, date) in events.iter().zip(&dates) {
        let ev = t.event(e);
        pad(out, date, date_w)?;
        out.write_all(b"  ")?;
        pad(out, ev.status().as_str(), 9)?;
        out.write_all(b"  ")?;
        pad(out, ev.id(), id_w)?;
        writeln!(out, "  {}", ev.title())?;
    }
    Ok(())
}

#[derive(Serialize)]
struct LinkJson<'a> {
    to: &'a str,
    kind: &'static str,
}

/// Links (or backlinks) as `{to, kind}` with the other event's id.
fn links_json<'a>(t: &'a Timeline, links: &[crate::model::Link]) -> Vec<LinkJson<'a>> {
    links
        .iter()
        .map(|l| LinkJson {
            to: t.event(l.other).id(),
            kind: l.kind.as_str(),
        })
        .collect()
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    source: &'a str,
    text: &'a str,
    start: u32,
    end: u32,
}

#[derive(Serialize)]
struct ActorRoleJson<'a> {
    id: &'a str,
    name: &'a str,
    role: &'a str,
}

#[derive(Serialize)]
struct EventJson<'a> {
    id: &'a str,
    title: &'a str,
    summary: &'a str,
    date: String,
    date_display: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_origin: Option<&'a str>,
    earliest: Option<String>,
    latest: Option<String>,
    precision: &'static str,
    status: &'static str,
    actors: Vec<&'a str>,
    countries: Vec<&'static str>,
    place: Option<&'a str>,
    place_country: Option<&'static str>,
    topics: Vec<&'a str>,
    links: Vec<LinkJson<'a>>,
    quotes: Vec<QuoteJson<'a>>,
    /// Every source the event rests on, quoted or not.
    sources: Vec<&'a str>,
}

fn event_json<'a>(t: &'a Timeline, e: &EventRef<'a>) -> EventJson<'a> {
    let date = e.date();
    EventJson {
        id: e.id(),
        title: e.title(),
        summary: e.summary(),
        date: date.edtf(),
        date_display: date.human(),
        date_origin: e.date_origin(),
        earliest: e.earliest().map(format_day),
        latest: e.latest().map(format_day),
        precision: date.precision().as_str(),
        status: e.status().as_str(),
        actors: e.actors().iter().map(|a| t.actor(a.actor).id()).collect(),
        countries: e.countries().iter().map(|&c| country::code(c)).collect(),
        place: Some(e.place()).filter(|p| !p.is_empty()),
        place_country: e.place_country().map(country::code),
        topics: e.topics().collect(),
        links: links_json(t, e.links()),
        quotes: e
            .quotes()
            .map(|q| QuoteJson {
                source: q.source().id(),
                text: q.text(),
                start: q.q.char_start,
                end: q.q.char_end,
            })
            .collect(),
        sources: e.sources().iter().map(|s| s.id()).collect(),
    }
}

/// One JSON object per line per event.
pub fn list_json(out: &mut impl Write, t: &Timeline, events: &[EventIx]) -> io::Result<()> {
    for &e in events {
        serde_json::to_writer(&mut *out, &event_json(t, &t.event(e)))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// One event with everything known about it.
pub fn show_text(out: &mut impl Write, t: &Timeline, ix: EventIx) -> io::Result<()> {
    let e = t.event(ix);
    writeln!(out, "{}  {}", e.id(), e.title())?;
    let date = e.date();
    writeln!(
        out,
        "  date      {} [{}; {}]",
        date,
        date.edtf(),
        date.precision().as_str()
    )?;
    if let Some(d) = present::derivation(t, &e) {
        writeln!(out, "            {d}")?;
    }
    if let Some(origin) = e.date_origin() {
        writeln!(out, "            {origin}")?;
    }
    writeln!(out, "  status    {}", e.status().as_str())?;
    let place = present::place(&e);
    if !place.is_empty() {
        writeln!(out, "  place     {place}")?;
    }
    if !e.summary().is_empty() {
        writeln!(out, "  summary   {}", e.summary())?;
    }
    let countries: Vec<String> = present::countries(&e)
        .into_iter()
        .map(present::country_label)
        .collect();
    if !countries.is_empty() {
        writeln!(out, "  countries {}", countries.join(", "))?;
    }
    let topics: Vec<&str> = e.topics().collect();
    if !topics.is_empty() {
        writeln!(out, "  topics    {}", topics.join(", "))?;
    }
    if !e.actors().is_empty() {
        writeln!(out, "actors")?;
        for a in e.actors() {
            let actor = t.actor(a.actor);
            let role = t.role_name(a.role);
            let role = if role.is_empty() {
                String::new()
            } else {
                format!(" — {role}")
            };
            writeln!(
                out,
                "  {} ({}, {}){role}",
                actor.name(),
                actor.id(),
                actor.kind().as_str()
            )?;
        }
    }
    let unquoted: Vec<_> = e.sources().into_iter().filter(|s| !s.has_text()).collect();
    if !unquoted.is_empty() {
        writeln!(out, "sources")?;
        for s in unquoted {
            writeln!(out, "  {}", present::source_line(&s))?;
        }
    }
    if e.quotes().len() > 0 {
        writeln!(out, "quotes")?;
        for q in e.quotes() {
            let s = q.source();
            writeln!(
                out,
                "  {} chars {}..{} — {}, {}",
                s.id(),
                q.q.char_start,
                q.q.char_end,
                s.outlet(),
                s.published()
                    .map_or_else(|| "no date".to_string(), format_day)
            )?;
            let (before, after) = q.context();
            let shown = sanitize::for_display;
            writeln!(
                out,
                "    {}«{}»{}",
                shown(before.trim_start()),
                shown(q.text()),
                shown(after.trim_end())
            )?;
        }
    }
    let link_line = |out: &mut dyn Write, label: &str, arrow: &str, other: EventIx| {
        let o = t.event(other);
        writeln!(
            out,
            "  {label} {arrow} {}  ({}) {}",
            o.id(),
            o.date(),
            o.title()
        )
    };
    if !e.links().is_empty() {
        writeln!(out, "links")?;
        for l in e.links() {
            link_line(out, l.kind.label(), "→", l.other)?;
        }
    }
    if !e.backlinks().is_empty() {
        writeln!(out, "backlinks")?;
        for l in e.backlinks() {
            link_line(out, l.kind.inverse_label(), "←", l.other)?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    event: EventJson<'a>,
    derivation: Option<String>,
    actor_roles: Vec<ActorRoleJson<'a>>,
    backlinks: Vec<LinkJson<'a>>,
}

/// One event as a JSON object, with roles, derivation and backlinks.
pub fn show_json(out: &mut impl Write, t: &Timeline, ix: EventIx) -> io::Result<()> {
    let e = t.event(ix);
    let value = ShowJson {
        event: event_json(t, &e),
        derivation: present::derivation(t, &e),
        actor_roles: e
            .actors()
            .iter()
            .map(|a| {
                let actor = t.actor(a.actor);
                ActorRoleJson {
                    id: actor.id(),
                    name: actor.name(),
                    role: t.role_name(a.role),
                }
            })
            .collect(),
        backlinks: links_json(t, e.backlinks()),
    };
    serde_json::to_writer_pretty(&mut *out, &value)?;
    out.write_all(b"\n")
}

/// Every actor with its event count, most events first.
pub fn actors(out: &mut impl Write, t: &Timeline) -> io::Result<()> {
    let mut rows: Vec<u32> = (0..t.actor_count() as u32).collect();
    rows.sort_by_key(|&a| {
        (
            std::cmp::Reverse(t.events_of_actor(a).len()),
            t.actor(a).id(),
        )
    });
    let id_w = rows
        .iter()
        .map(|&a| t.actor(a).id().width())
        .max()
        .unwrap_or(2)
        .max(2);
    pad(out, "EVENTS", 6)?;
    out.write_all(b"  ")?;
    pad(out, "ID", id_w)?;
    out.write_all(b"  KIND          NAME\n")?;
    for a in rows {
        let actor = t.actor(a);
        write!(out, "{:>6}  ", actor.events().len())?;
        pad(out, actor.id(), id_w)?;
        out.write_all(b"  ")?;
        pad(out, actor.kind().as_str(), 12)?;
        write!(out, "  {}", actor.name())?;
        if !actor.title().is_empty() {
            write!(out, " — {}", actor.title())?;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Every country that appears, with its event count, most events first.
pub fn countries(out: &mut impl Write, t: &Timeline) -> io::Result<()> {
    let mut rows = t.countries_in_use();
    rows.sort_by_key(|&(c, n)| (std::cmp::Reverse(n), country::code(c)));
    writeln!(out, "EVENTS  CODE  NAME")?;
    for (c, n) in rows {
        writeln!(out, "{n:>6}  {}    {}", country::code(c), country::name(c))?;
    }
    Ok(())
}
