//! How date derivations are written and read back (dates themselves lie
//! in the event records, read in place).

use super::codec::{Bad, Dec, Enc, Get, Put};
use crate::model::derive::Rule;
use crate::model::{Derivation, DerivationAnchor, Str};

impl Put for Derivation {
    fn put(&self, e: &mut Enc<'_>) {
        self.phrase.put(e);
        match self.anchor {
            DerivationAnchor::Source(s) => {
                e.u8(0);
                e.u32(s);
            }
            DerivationAnchor::Event(ev) => {
                e.u8(1);
                e.u32(ev);
            }
            DerivationAnchor::Day(day) => {
                e.u8(2);
                e.i32(day);
            }
        }
        // The rule's own text form, which the loader parses and checks.
        e.blob(self.rule.to_string().as_bytes());
    }
}
impl Get for Derivation {
    const MIN: usize = 21;
    fn get(d: &mut Dec<'_>) -> Result<Self, Bad> {
        let phrase = Str::get(d)?;
        let anchor = match d.u8()? {
            0 => DerivationAnchor::Source(d.u32()?),
            1 => DerivationAnchor::Event(d.u32()?),
            2 => DerivationAnchor::Day(d.i32()?),
            _ => return Err(Bad("anchor")),
        };
        Ok(Derivation {
            phrase,
            anchor,
            rule: std::str::from_utf8(d.blob()?)
                .ok()
                .and_then(Rule::parse)
                .ok_or(Bad("rule"))?,
        })
    }
}
