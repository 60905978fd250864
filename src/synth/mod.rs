//! Synthetic timelines of any size, in the JSON Lines form, for benchmarks and
//! tests: one actor per 100 events (10,000 for a million; at least 20, or
//! one per event below that) with Zipf-like frequency, ~200 countries, 1–4 quotes
//! and 0–3 links per event, 20 years of dates at mixed precision, text with
//! non-ASCII words. Quotes are real spans of generated source texts, so the
//! output passes every check the loader makes. Same seed, same bytes.

mod gdelt;
mod words;

pub use gdelt::write as write_gdelt;

use crate::model::country;
use std::io::{self, Write};
use words::*;

/// A small, fast, deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Samples ranks 0..n with probability proportional to 1/(rank+1).
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize) -> Zipf {
        let mut total = 0.0;
        let cumulative = (0..n)
            .map(|r| {
                total += 1.0 / (r as f64 + 1.0);
                total
            })
            .collect();
        Zipf { cumulative }
    }
    fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        self.cumulative
            .partition_point(|&c| c < x)
            .min(self.cumulative.len() - 1)
    }
}

/// Actors for a timeline of `events` events: one per hundred events, at
/// least twenty (or one per event below that), so a million events have
/// 10,000 actors and three events three.
pub fn actors_for(events: usize) -> usize {
    (events / 100).max(events.min(20)).max(1)
}
const COUNTRIES: usize = 200;
const EVENTS_PER_SOURCE: usize = 64;

fn json_str(out: &mut impl Write, s: &str) -> io::Result<()> {
    serde_json::to_writer(&mut *out, s).map_err(io::Error::other)
}

struct Actor {
    name: String,
    kind: &'static str,
    country: usize,
}

fn make_actors(rng: &mut Rng, count: usize) -> Vec<Actor> {
    (0..count)
        .map(|i| {
            let country = rng.below(COUNTRIES);
            match i % 10 {
                0..=6 => Actor {
                    name: format!("{} {}", rng.pick(FIRST), rng.pick(LAST)),
                    kind: "person",
                    country,
                },
                7..=8 => Actor {
                    name: format!("{} of {}", rng.pick(ORG), country::name(country as u16)),
                    kind: "organisation",
                    country,
                },
                _ => Actor {
                    name: format!("{} Group {i}", rng.pick(LAST)),
                    kind: "group",
                    country,
                },
            }
        })
        .collect()
}

/// A date in 2006–2025 at mixed precision, as EDTF.
fn make_date(rng: &mut Rng) -> String {
    let year = 2006 + rng.below(20);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    match rng.below(100) {
        0..=69 => format!("{year:04}-{month:02}-{day:02}"),
        70..=81 => format!("{year:04}-{month:02}"),
        82..=85 => format!("{year:04}"),
        86..=91 => format!(
            "{year:04}-{month:02}-{day:02}/{year:04}-{month:02}-{:02}",
            (day + 1 + rng.below(3)).min(28)
        ),
        92..=94 => format!("../{year:04}-{month:02}"),
        95..=96 => format!("{year:04}-{month:02}-{day:02}/.."),
        _ => format!("{year:04}-{month:02}~"),
    }
}

/// Writes a timeline of `events` events to `out`.
pub fn write(out: &mut impl Write, events: usize, seed: u64) -> io::Result<()> {
    let mut rng = Rng(seed ^ 0x5EED_DA7E_11E5);
    let actors = make_actors(&mut rng, actors_for(events));
    let zipf_actor = Zipf::new(actors.len());
    let zipf_country = Zipf::new(COUNTRIES);
    writeln!(out, "{{\"dateline\":1}}")?;
    for (i, a) in actors.iter().enumerate() {
        write!(out, "{{\"actor\":{{\"id\":\"a{i}\",\"name\":")?;
        json_str(out, &a.name)?;
        writeln!(
            out,
            ",\"kind\":\"{}\",\"country\":\"{}\"}}}}",
            a.kind,
            country::code(a.country as u16)
        )?;
    }
    let mut done = 0;
    let mut source_no = 0;
    while done < events {
        let batch = EVENTS_PER_SOURCE.min(events - done);
        // Each event's quotes, then one source text holding them all.
        let mut text = String::new();
        let mut chars = 0usize;
        let mut spans: Vec<Vec<(usize, usize, String)>> = Vec::with_capacity(batch);
        for _ in 0..batch {
            let n = 1 + [0, 0, 0, 1, 1, 2, 3][rng.below(7)];
            let mut quotes = Vec::with_capacity(n);
            for _ in 0..n {
                let speaker = &actors[zipf_actor.sample(&mut rng)].name;
                let quote = rng.pick(SAYING).to_string();
                let lead = format!("{speaker} said: “");
                text.push_str(&lead);
                chars += lead.chars().count();
                let len = quote.chars().count();
                quotes.push((chars, chars + len, quote.clone()));
                text.push_str(&quote);
                text.push_str("”. ");
                chars += len + 3;
            }
            spans.push(quotes);
        }
        write!(
            out,
            "{{\"source\":{{\"id\":\"s{source_no}\",\"outlet\":\"Synthetic Wire\",\"title\":\"Dispatch {source_no}\",\"published\":\"2025-12-31\",\"text\":"
        )?;
        json_str(out, &text)?;
        writeln!(out, "}}}}")?;
        for quotes in spans {
            let id = done;
            let a1 = zipf_actor.sample(&mut rng);
            let a2 = zipf_actor.sample(&mut rng);
            let place_country = zipf_country.sample(&mut rng);
            write!(out, "{{\"event\":{{\"id\":\"e{id}\",\"title\":")?;
            json_str(
                out,
                &format!(
                    "{} {} {} in {}",
                    actors[a1].name,
                    rng.pick(VERB),
                    actors[a2].name,
                    rng.pick(CITY)
                ),
            )?;
            write!(out, ",\"summary\":")?;
            json_str(
                out,
                &format!(
                    "Talks on {} and {} went on as officials from {} weighed next steps, said {}.",
                    rng.pick(TOPIC),
                    rng.pick(TOPIC),
                    country::name(place_country as u16),
                    actors[a2].name
                ),
            )?;
            write!(
                out,
                ",\"date\":\"{}\",\"status\":\"{}\"",
                make_date(&mut rng),
                rng.pick(STATUSES)
            )?;
            write!(out, ",\"place\":{{\"name\":")?;
            json_str(out, rng.pick(CITY))?;
            write!(
                out,
                ",\"country\":\"{}\"}}",
                country::code(place_country as u16)
            )?;
            write!(
                out,
                ",\"actors\":[{{\"id\":\"a{a1}\",\"role\":\"{}\"}}",
                rng.pick(ROLES)
            )?;
            if a2 != a1 {
                write!(
                    out,
                    ",{{\"id\":\"a{a2}\",\"role\":\"{}\"}}",
                    rng.pick(ROLES)
                )?;
            }
            let c2 = actors[a2].country;
            write!(
                out,
                "],\"countries\":[\"{}\"",
                country::code(actors[a1].country as u16)
            )?;
            if c2 != actors[a1].country {
                write!(out, ",\"{}\"", country::code(c2 as u16))?;
            }
            write!(out, "],\"topics\":[\"{}\"],\"quotes\":[", rng.pick(TOPIC))?;
            for (k, (start, end, quote)) in quotes.iter().enumerate() {
                let sep = if k == 0 { "" } else { "," };
                write!(
                    out,
                    "{sep}{{\"source\":\"s{source_no}\",\"start\":{start},\"end\":{end},\"text\":"
                )?;
                json_str(out, quote)?;
                write!(out, "}}")?;
            }
            write!(out, "],\"links\":[")?;
            let links = if id == 0 {
                0
            } else {
                [0, 0, 1, 1, 2, 3][rng.below(6)]
            };
            for k in 0..links {
                let sep = if k == 0 { "" } else { "," };
                write!(
                    out,
                    "{sep}{{\"to\":\"e{}\",\"kind\":\"{}\"}}",
                    rng.below(id),
                    rng.pick(KINDS)
                )?;
            }
            writeln!(out, "]}}}}")?;
            done += 1;
        }
        source_no += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Format, load_bytes};

    fn generate(events: usize, seed: u64) -> Vec<u8> {
        let mut out = Vec::new();
        write(&mut out, events, seed).unwrap();
        out
    }

    #[test]
    fn output_loads_and_is_deterministic() {
        let bytes = generate(300, 7);
        assert_eq!(bytes, generate(300, 7));
        assert_ne!(bytes, generate(300, 8));
        let t = load_bytes("gen.jsonl", &bytes, Format::Lines, &|_| {
            Err("no files".into())
        })
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.len(), 300);
        assert_eq!(t.actor_count(), 20);
        assert_eq!(actors_for(3), 3);
        assert_eq!(actors_for(10_000), 100);
        assert_eq!(actors_for(1_000_000), 10_000);
        assert!(t.quote_count() >= 300);
    }

    #[test]
    fn zipf_favours_low_ranks() {
        let z = Zipf::new(1000);
        let mut rng = Rng(1);
        let low = (0..10_000).filter(|_| z.sample(&mut rng) < 10).count();
        assert!(low > 2_000, "{low}");
    }
}
