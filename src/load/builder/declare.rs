//! Sources and actors as declared: each checked once, its texts cleaned,
//! a source's text indexed by character for its quotes' spans.

use crate::load::builder::{Builder, CHECKPOINT, FileIx, SourceText};
use crate::load::native::schema::{ActorRecord, SourceRecord};
use crate::model::date::{day_number, parse_iso_date};
use crate::sanitize::{self, Lines};

impl Builder {
    /// Adds a source with its text as read (`state` says whether there is
    /// one, and if not, whether reading it failed, already diagnosed).
    pub fn add_source(
        &mut self,
        rec: SourceRecord<'_>,
        text: Option<&str>,
        state: SourceText,
        file: FileIx,
    ) {
        let id = sanitize::line(rec.id.trim());
        let subject = || format!("source '{id}'");
        if id.is_empty() {
            self.diagnose(file, None, Some("source".into()), "has an empty id".into());
            return;
        }
        let slot = self.source_slot(&id) as usize;
        if let Some(first) = self.sources[slot].file {
            self.diagnose_duplicate(file, None, "source", &id, first);
            return;
        }
        let published =
            rec.published
                .as_deref()
                .and_then(|published| match parse_iso_date(published.trim()) {
                    Some(d) => Some(day_number(d)),
                    None => {
                        let p = sanitize::line(published).into_owned();
                        self.diagnose(
                            file,
                            None,
                            Some(subject()),
                            format!("published '{p}' is not a real YYYY-MM-DD date"),
                        );
                        None
                    }
                });
        let outlet = self.line(&rec.outlet);
        let title = self.line(&rec.title);
        // An imported source's id is often its URL: the text is kept once.
        let url = match rec.url.as_deref().map(sanitize::line) {
            Some(u) if u.trim() == id => self.sources[slot].id,
            Some(u) => self.arena.push(u.trim()),
            None => Default::default(),
        };
        let text_file = rec
            .text_file
            .as_deref()
            .map(|f| self.line(f))
            .unwrap_or_default();
        let state = if text.is_some() {
            SourceText::Given
        } else {
            state
        };
        let clean = text.map(|t| sanitize::clean(t, Lines::Many));
        let body = clean.as_deref().unwrap_or("");
        let (checkpoints, chars) = checkpoints(body);
        let text = self.arena.push(body);
        let s = &mut self.sources[slot];
        (s.outlet, s.title, s.url, s.published, s.text, s.text_file) =
            (outlet, title, url, published, text, text_file);
        s.file = Some(file);
        s.text_state = state;
        s.checkpoints = checkpoints;
        s.chars = chars;
    }

    pub fn add_actor(&mut self, rec: ActorRecord<'_>, file: FileIx) {
        let id = sanitize::line(rec.id.trim()).into_owned();
        let subject = format!("actor '{id}'");
        if id.is_empty() {
            self.diagnose(file, None, Some("actor".into()), "has an empty id".into());
            return;
        }
        let slot = self.actor_slot(&id) as usize;
        if let Some(first) = self.actors[slot].file {
            self.diagnose_duplicate(file, None, "actor", &id, first);
            return;
        }
        let name = self.line(&rec.name);
        if name.is_empty() {
            self.diagnose(
                file,
                None,
                Some(subject.clone()),
                "has an empty name".into(),
            );
        }
        let title = rec
            .title
            .as_deref()
            .map(|t| self.line(t))
            .unwrap_or_default();
        let country = rec
            .country
            .as_deref()
            .and_then(|c| self.country(file, &subject, c));
        let alias_start = self.aliases.len() as u32;
        for alias in &rec.aliases {
            let s = self.line(alias);
            self.aliases.push(s);
        }
        let a = &mut self.actors[slot];
        (a.name, a.kind, a.title, a.country) = (name, rec.kind, title, country);
        a.alias_start = alias_start;
        a.alias_len = rec.aliases.len() as u32;
        a.file = Some(file);
    }
}

/// The byte offset of every [`CHECKPOINT`]-th character of `text` (none for
/// ASCII text, where offsets are positions), and its count of characters.
/// One pass over the bytes, counting those that start a character: source
/// texts run to megabytes.
pub(crate) fn checkpoints(text: &str) -> (Vec<u32>, u32) {
    if text.is_ascii() {
        return (Vec::new(), text.len() as u32);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
    let mut chars = 0usize;
    let mut one = |at: usize, b: u8, chars: &mut usize| {
        // Continuation bytes are 0b10xx_xxxx, -64..-1 as signed bytes.
        if (b as i8) >= -0x40 {
            if chars.is_multiple_of(CHECKPOINT) {
                out.push(at as u32);
            }
            *chars += 1;
        }
    };
    let (words, tail) = bytes.as_chunks::<8>();
    for (i, word) in words.iter().enumerate() {
        // Eight bytes at a time while no checkpoint falls among them.
        let w = u64::from_le_bytes(*word);
        let starts = 8 - crate::swar::continuation_bytes(w) as usize;
        if chars.next_multiple_of(CHECKPOINT) >= chars + starts {
            chars += starts;
            continue;
        }
        for (j, &b) in word.iter().enumerate() {
            one(i * 8 + j, b, &mut chars);
        }
    }
    for (j, &b) in tail.iter().enumerate() {
        one(words.len() * 8 + j, b, &mut chars);
    }
    (out, chars as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn checkpoints_agree_with_the_characters(text in "[a-zé€😀\\x{80}-\\x{7ff}]{0,200}") {
            let (points, chars) = checkpoints(&text);
            proptest::prop_assert_eq!(chars as usize, text.chars().count());
            if !text.is_ascii() {
                let expected: Vec<u32> = text
                    .char_indices()
                    .step_by(CHECKPOINT)
                    .map(|(b, _)| b as u32)
                    .collect();
                proptest::prop_assert_eq!(points, expected);
            }
        }
    }

    #[test]
    fn checkpoints_fall_on_every_32nd_character() {
        for text in ["", "plain ascii", "é", &"aé€😀".repeat(40), &"x".repeat(70)] {
            let (points, chars) = checkpoints(text);
            assert_eq!(chars as usize, text.chars().count(), "{text}");
            let expected: Vec<u32> = if text.is_ascii() {
                Vec::new()
            } else {
                text.char_indices()
                    .step_by(CHECKPOINT)
                    .map(|(b, _)| b as u32)
                    .collect()
            };
            assert_eq!(points, expected, "{text}");
        }
    }
}
