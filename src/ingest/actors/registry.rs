//! The actors of a draft as mentions add up: the forms of a name merged into
//! one actor, ids made from names, and the ids of a known timeline reused.

use super::Mention;
use crate::model::country::{self, CountryIx};
use crate::model::{ActorKind, Timeline};

/// An actor of the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub title: Option<String>,
    pub country: Option<CountryIx>,
    pub aliases: Vec<String>,
}

/// The actors of a draft, as mentions add up.
#[derive(Default)]
pub struct Registry {
    pub actors: Vec<Actor>,
    /// (kind, name, alias or a person's surname) -> index, so a long text stays linear.
    index: std::collections::HashMap<(u8, String), usize>,
}

fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "actor".into() } else { out }
}

fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

impl Registry {
    fn keys(kind: ActorKind, name: &str) -> Vec<(u8, String)> {
        let mut keys = vec![(kind as u8, name.to_string())];
        if kind == ActorKind::Person {
            keys.push((kind as u8 | 0x80, surname(name).to_string()));
        }
        keys
    }

    fn remember(&mut self, ix: usize, kind: ActorKind, name: &str) {
        for k in Self::keys(kind, name) {
            self.index.entry(k).or_insert(ix);
        }
    }

    /// The id for a mention, adding or merging an actor; reuses `known`'s ids.
    pub fn add(&mut self, m: &Mention, known: Option<&Timeline>) -> Option<String> {
        let person_key = (ActorKind::Person as u8 | 0x80, surname(&m.name).to_string());
        if m.maybe_person && self.index.contains_key(&person_key) {
            let as_person = Mention {
                kind: ActorKind::Person,
                maybe_person: false,
                ..m.clone()
            };
            return self.add(&as_person, known);
        }
        // a person named by surname alone joins the person of that surname
        let found = Self::keys(m.kind, &m.name)
            .into_iter()
            .find_map(|k| self.index.get(&k).copied());
        if let Some(ix) = found {
            let a = &mut self.actors[ix];
            // "Marco Rubio" after "Mr Rubio": keep the fuller name
            if m.name.len() > a.name.len() && m.kind == ActorKind::Person {
                let old = std::mem::replace(&mut a.name, m.name.clone());
                a.aliases.push(old);
            } else if a.name != m.name && !a.aliases.contains(&m.name) && a.aliases.len() < 16 {
                a.aliases.push(m.name.clone());
            }
            if a.title.is_none() {
                a.title = m.title.clone();
            }
            if a.country.is_none() {
                a.country = m.country;
            }
            let id = a.id.clone();
            self.remember(ix, m.kind, &m.name);
            return Some(id);
        }
        if let Some(t) = known.filter(|_| !m.weak || m.name.len() > 3)
            && let Some(ix) = t.find_actors(&m.name).into_iter().find(|&ix| {
                let a = t.actor(ix);
                a.name().eq_ignore_ascii_case(&m.name)
                    || a.aliases().any(|x| x.eq_ignore_ascii_case(&m.name))
                    || (m.kind == ActorKind::Person && surname(a.name()) == surname(&m.name))
            })
        {
            let a = t.actor(ix);
            let id = a.id().to_string();
            if let Some(&at) = self.index.get(&(u8::MAX, id.clone())) {
                self.remember(at, m.kind, &m.name);
                return Some(id);
            }
            self.actors.push(Actor {
                id: id.clone(),
                name: a.name().to_string(),
                kind: a.kind(),
                title: (!a.title().is_empty()).then(|| a.title().to_string()),
                country: a.country(),
                aliases: a.aliases().map(str::to_string).collect(),
            });
            let at = self.actors.len() - 1;
            self.index.insert((u8::MAX, id.clone()), at);
            self.remember(at, m.kind, &m.name);
            return Some(id);
        }
        if m.weak {
            return None;
        }
        let base = match m.kind {
            ActorKind::Country => m
                .country
                .map_or_else(|| slug(&m.name), |c| country::code(c).to_ascii_lowercase()),
            ActorKind::Person => slug(surname(&m.name)),
            _ => slug(&m.name),
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.index.contains_key(&(u8::MAX, id.clone())) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.actors.push(Actor {
            id: id.clone(),
            name: m.name.clone(),
            kind: m.kind,
            title: m.title.clone(),
            country: m.country,
            aliases: Vec::new(),
        });
        let at = self.actors.len() - 1;
        self.index.insert((u8::MAX, id.clone()), at);
        self.remember(at, m.kind, &m.name);
        Some(id)
    }

    pub fn get(&self, id: &str) -> Option<&Actor> {
        let ix = *self.index.get(&(u8::MAX, id.to_string()))?;
        self.actors.get(ix)
    }
}
