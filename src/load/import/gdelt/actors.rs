//! The actors of a GDELT export, each worked out once per part. A million
//! rows name two million actors but only a few thousand distinct ones
//! (`USA`, `RUSGOV`, `POLICE`…): making each one's id, readable name and
//! country again on every row, and looking the id up, took a fifth of an
//! import. A row's actor block is looked up here by its raw fields instead.

use super::{CODE, COUNTRY, NAME, TYPE1};
use crate::load::builder::{Builder, FileIx};
use crate::load::import::rows::{slug, title_case};
use crate::load::import::tables;
use crate::load::native::schema::ActorRecord;
use crate::model::ActorKind;
use hashbrown::{DefaultHashBuilder, HashTable};
use std::borrow::Cow;
use std::hash::BuildHasher;

/// An actor as a row names it.
pub(crate) struct Actor {
    pub id: String,
    pub name: String,
    /// The ISO code of the block's country column, which is the row's, not
    /// the actor's: the same code may come with another country.
    pub country: Option<&'static str>,
}

/// The actors seen so far by one reader, by the raw fields that decide
/// them: the code, the name and the country column, trimmed.
#[derive(Default)]
pub(crate) struct Actors {
    seen: Vec<(Fields, Actor)>,
    by_fields: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl Actors {
    /// The actor of a ten-column block, declared in `builder` on its first
    /// sight; `None` for an empty block. The index is for [`Self::get`].
    pub fn of_block(&mut self, builder: &mut Builder, file: FileIx, block: &[&str]) -> Option<u32> {
        let (code, name, country) = (
            block[CODE].trim(),
            block[NAME].trim(),
            block[COUNTRY].trim(),
        );
        if (code.is_empty() || code == "0") && (name.is_empty() || name == "0") {
            return None;
        }
        let hash = self.hasher.hash_one((code, name, country));
        let seen = &self.seen;
        let same = |&i: &u32| seen[i as usize].0.parts() == (code, name, country);
        if let Some(&i) = self.by_fields.find(hash, same) {
            return Some(i);
        }
        let actor = declare(builder, file, (code, name, country), block[TYPE1].trim());
        let i = self.seen.len() as u32;
        self.seen.push((Fields::new(code, name, country), actor));
        let (seen, hasher) = (&self.seen, &self.hasher);
        self.by_fields
            .insert_unique(hash, i, |&j| hasher.hash_one(seen[j as usize].0.parts()));
        Some(i)
    }

    pub fn get(&self, i: u32) -> &Actor {
        &self.seen[i as usize].1
    }
}

/// The three fields that decide an actor, kept side by side.
struct Fields {
    text: Box<str>,
    code_len: u32,
    name_len: u32,
}

impl Fields {
    fn new(code: &str, name: &str, country: &str) -> Fields {
        Fields {
            text: [code, name, country].concat().into_boxed_str(),
            code_len: code.len() as u32,
            name_len: name.len() as u32,
        }
    }

    fn parts(&self) -> (&str, &str, &str) {
        let (code, rest) = self.text.split_at(self.code_len as usize);
        let (name, country) = rest.split_at(self.name_len as usize);
        (code, name, country)
    }
}

/// Works out the actor of a block (not empty) from its trimmed code,
/// name and country columns and its type code, and declares it, unless an
/// actor with its id was declared already, whose name is kept.
fn declare(
    builder: &mut Builder,
    file: FileIx,
    (code, raw_name, country_code): (&str, &str, &str),
    type_code: &str,
) -> Actor {
    let country = tables::iso_of_cameo_country(country_code);
    let id = slug(&[code, " ", raw_name].concat());
    if let Some(name) = builder.declared_actor_name(&id) {
        let name = name.to_string();
        return Actor { id, name, country };
    }
    let name = if raw_name.is_empty() || raw_name == "0" {
        code.to_string()
    } else {
        title_case(raw_name)
    };
    let cameo_type = tables::cameo_type(type_code);
    let kind = match cameo_type {
        Some((_, kind)) => kind,
        // A bare country code ("ISR") names the country itself.
        None if !code.is_empty() && code == country_code => ActorKind::Country,
        None => ActorKind::Group,
    };
    builder.add_actor(
        ActorRecord {
            id: Cow::Borrowed(&id),
            name: Cow::Borrowed(&name),
            kind,
            title: cameo_type.map(|(label, _)| Cow::Borrowed(label)),
            country: country.map(Cow::Borrowed),
            aliases: Vec::new(),
        },
        file,
    );
    Actor { id, name, country }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block<'a>(code: &'a str, name: &'a str, country: &'a str) -> [&'a str; 10] {
        let mut b = [""; 10];
        (b[CODE], b[NAME], b[COUNTRY], b[TYPE1]) = (code, name, country, "GOV");
        b
    }

    #[test]
    fn a_block_seen_again_is_the_same_actor_and_declared_once() {
        let mut builder = Builder::default();
        let file = builder.add_file("t.export.CSV");
        let mut actors = Actors::default();
        let a = actors.of_block(&mut builder, file, &block("RUSGOV", "RUSSIA", "RUS"));
        let again = actors.of_block(&mut builder, file, &block(" RUSGOV", "RUSSIA ", "RUS"));
        assert_eq!(a, again);
        let a = actors.get(a.expect("an actor"));
        assert_eq!(
            (a.id.as_str(), a.name.as_str(), a.country),
            ("rusgov-russia", "Russia", Some("RU"))
        );
        // Another country column: the same actor, the row's own country.
        let elsewhere = actors.of_block(&mut builder, file, &block("RUSGOV", "RUSSIA", "UKR"));
        assert_ne!(elsewhere, again);
        let elsewhere = actors.get(elsewhere.expect("an actor"));
        assert_eq!(
            (elsewhere.id.as_str(), elsewhere.country),
            ("rusgov-russia", Some("UA"))
        );
        assert_eq!(builder.declared_actor_name("rusgov-russia"), Some("Russia"));
        assert_eq!(
            actors.of_block(&mut builder, file, &block("0", "", "RUS")),
            None
        );
    }

    #[test]
    fn fields_keep_their_bounds() {
        let f = Fields::new("AB", "", "C");
        assert_eq!(f.parts(), ("AB", "", "C"));
        assert_ne!(f.parts(), ("A", "B", "C"));
    }
}
