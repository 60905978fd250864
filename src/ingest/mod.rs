//! `dateline ingest`: a draft timeline from an article, in the native
//! format, that the loader accepts. Dates come from the tagger (`timex`);
//! every event quotes the sentence that dates it.

mod actors;
mod events;
mod places;

use crate::load::{self, Format};
use crate::model::country::{self, CountryIx};
use crate::model::{ActorKind, Timeline};
use crate::sanitize::{self, Lines};
use crate::timex::{self, TextError};
use chrono::NaiveDate;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

pub use actors::{Mention, mentions};
pub use events::{Candidate, candidates};

/// What `dateline ingest` was asked to do.
pub struct Options {
    pub article: PathBuf,
    pub published: NaiveDate,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// A timeline whose actor ids the draft reuses.
    pub actors: Option<std::sync::Arc<Timeline>>,
    pub out: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error(transparent)]
    Text(#[from] TextError),
    #[error("{path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("-o {0}: the draft must end in .json or .jsonl")]
    OutName(String),
    #[error("the draft does not load (a bug in dateline ingest, please report it):\n{0}")]
    Draft(String),
}

/// What was written.
pub struct Summary {
    pub events: usize,
    pub actors: usize,
    pub source_file: PathBuf,
}

fn slug(text: &str, words: usize) -> String {
    let mut out = String::new();
    for w in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(words)
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w.to_ascii_lowercase());
    }
    if out.is_empty() { "event".into() } else { out }
}

/// A draft: its records as JSON, each event already serialised so that a
/// long article does not hold a tree of values per event.
pub struct Draft {
    pub source: Value,
    pub actors: Vec<Value>,
    pub events: Vec<String>,
}

/// The draft of an article.
pub fn draft(text: &str, published: NaiveDate, source: Value, known: Option<&Timeline>) -> Draft {
    let source_id = source["id"].as_str().unwrap_or("article").to_string();
    let cands = candidates(text, published);
    let mut registry = actors::Registry::default();
    let mut ids: Vec<String> = Vec::new();
    let mut used: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut next_suffix: std::collections::HashMap<String, usize> =
        std::collections::HashMap::new();
    let mut events = Vec::new();
    for c in &cands {
        let mut id = slug(&c.title, 5);
        let base = id.clone();
        let n = next_suffix.entry(base.clone()).or_insert(2);
        while used.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        used.insert(id.clone());
        ids.push(id.clone());
        let mut actor_ids: Vec<String> = Vec::new();
        let mut countries: Vec<CountryIx> = Vec::new();
        let mut place = None;
        for m in mentions(&c.sentence) {
            if let Some(a) = registry.add(&m, known)
                && !actor_ids.contains(&a)
            {
                if m.kind == ActorKind::Country && place.is_none() {
                    // "in Paris", "in Ukraine": where it happens
                    let at = c.sentence.find(&format!("in {}", m.name));
                    if at.is_some() {
                        place = m.country.map(|k| (m.name.clone(), k));
                    }
                }
                actor_ids.push(a);
            }
        }
        for a in &actor_ids {
            if let Some(k) = registry.get(a).and_then(|a| a.country)
                && !countries.contains(&k)
            {
                countries.push(k);
            }
        }
        let anchor = match &c.from {
            events::From::Source => json!({ "source": source_id }),
            events::From::Event(e) => json!({ "event": ids[*e] }),
        };
        let links: Vec<Value> = match &c.from {
            events::From::Event(e) if c.follows => {
                vec![json!({ "to": ids[*e], "kind": "follows" })]
            }
            _ => Vec::new(),
        };
        let mut event = json!({
            "id": id,
            "title": c.title,
            "summary": c.sentence,
            "date": c.date.edtf(),
            "derivation": { "phrase": c.phrase, "anchor": anchor, "rule": c.rule.to_string() },
            "status": c.status,
            "actors": actor_ids.iter().map(|a| json!({ "id": a })).collect::<Vec<_>>(),
            "countries": countries.iter().map(|&k| country::code(k)).collect::<Vec<_>>(),
            "quotes": [{ "source": source_id, "text": c.sentence, "start": c.start, "end": c.end }],
            "links": links,
        });
        if let Some((name, k)) = place {
            event["place"] = json!({ "name": name, "country": country::code(k) });
        }
        events.push(event.to_string());
    }
    let actors: Vec<Value> = registry
        .actors
        .iter()
        .map(|a| {
            let mut v = json!({
                "id": a.id,
                "name": a.name,
                "kind": a.kind.as_str(),
                "aliases": a.aliases,
            });
            if let Some(t) = &a.title {
                v["title"] = json!(t);
            }
            if let Some(k) = a.country {
                v["country"] = json!(country::code(k));
            }
            v
        })
        .collect();
    Draft {
        source,
        actors,
        events,
    }
}

/// The draft in the form `out`'s extension asks for: a JSON document with
/// one record a line, or JSON Lines.
fn render(d: &Draft, format: Format) -> String {
    let size: usize = d.events.iter().map(|e| e.len() + 16).sum();
    let mut out = String::with_capacity(size + 4096);
    let actors = d.actors.iter().map(Value::to_string);
    match format {
        Format::Document => {
            out.push_str("{\n  \"dateline\": 1,\n  \"sources\": [\n    ");
            out.push_str(&d.source.to_string());
            out.push_str("\n  ],\n  \"actors\": [");
            for (i, a) in actors.enumerate() {
                out.push_str(if i == 0 { "\n    " } else { ",\n    " });
                out.push_str(&a);
            }
            out.push_str("\n  ],\n  \"events\": [");
            for (i, e) in d.events.iter().enumerate() {
                out.push_str(if i == 0 { "\n    " } else { ",\n    " });
                out.push_str(e);
            }
            out.push_str("\n  ]\n}\n");
        }
        Format::Lines => {
            out.push_str("{\"dateline\": 1}\n{\"source\": ");
            out.push_str(&d.source.to_string());
            out.push_str("}\n");
            for a in actors {
                out.push_str("{\"actor\": ");
                out.push_str(&a);
                out.push_str("}\n");
            }
            for e in &d.events {
                out.push_str("{\"event\": ");
                out.push_str(e);
                out.push_str("}\n");
            }
        }
    }
    out
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), IngestError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| IngestError::Write {
            path: dir.display().to_string(),
            source,
        })?;
    }
    std::fs::write(path, bytes).map_err(|source| IngestError::Write {
        path: path.display().to_string(),
        source,
    })
}

/// Drafts a timeline from an article and writes it with the article beside it.
pub fn run(opts: &Options) -> Result<Summary, IngestError> {
    let out_name = opts.out.display().to_string();
    let format = match opts.out.extension().and_then(|e| e.to_str()) {
        Some("json") => Format::Document,
        Some("jsonl") => Format::Lines,
        _ => return Err(IngestError::OutName(out_name)),
    };
    let raw = timex::read_text(Some(&opts.article))?;
    // The loader cleans source text once; quoting the cleaned text keeps spans exact.
    let text = sanitize::clean(&raw, Lines::Many).into_owned();
    let stem = opts
        .article
        .file_stem()
        .and_then(|s| s.to_str())
        .map_or_else(|| "article".to_string(), |s| slug(s, 12));
    let rel = format!("sources/{stem}.txt");
    let published = opts.published.format("%Y-%m-%d").to_string();
    let first_line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let mut source = json!({
        "id": format!("article-{published}"),
        "outlet": opts.outlet.clone().unwrap_or_else(|| "Unnamed outlet".into()),
        "title": opts.title.clone().unwrap_or_else(|| first_line.chars().take(200).collect()),
        "published": published,
        "text_file": rel,
    });
    if let Some(u) = &opts.url {
        source["url"] = json!(u);
    }
    let d = draft(&text, opts.published, source, opts.actors.as_deref());
    let body = render(&d, format);
    // Strict check before anything is written: a draft that would not load is a bug.
    let name = out_name.clone();
    let check = load::load_bytes(&name, body.as_bytes(), format, &|p| {
        if p == rel {
            Ok(text.as_bytes().to_vec())
        } else {
            Err(format!("cannot read text file '{p}'"))
        }
    });
    if let Err(e) = check {
        return Err(IngestError::Draft(e.to_string()));
    }
    let dir = opts.out.parent().map(Path::to_path_buf).unwrap_or_default();
    let source_file = dir.join(&rel);
    write(&source_file, text.as_bytes())?;
    write(&opts.out, body.as_bytes())?;
    Ok(Summary {
        events: d.events.len(),
        actors: d.actors.len(),
        source_file,
    })
}
