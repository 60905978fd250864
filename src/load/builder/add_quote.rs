//! Quotes and date derivations as the builder reads them: a quote is checked
//! to stand verbatim at its character span as soon as its source is known;
//! a derivation's rule is parsed and its anchor interned.

use crate::load::builder::{
    Builder, CHECKPOINT, NONE, PendingQuote, RawDerivation, SourceSlot, SourceText, ellipsize,
};
use crate::load::native::schema::{AnchorRecord, DerivationRecord, QuoteRecord};
use crate::model::date::DateValue;
use crate::model::derive::Rule;
use crate::model::{Quote, Str};
use crate::sanitize::{self, Lines};

/// The span of a quote written without `start` and `end`, until the loader finds it.
const UNPLACED: u32 = u32::MAX;

impl Builder {
    pub(crate) fn add_quote(&mut self, q: QuoteRecord<'_>, event: u32, problems: &mut Vec<String>) {
        let source = self.source_slot(&sanitize::line(q.source.trim()));
        let text = sanitize::clean(&q.text, Lines::Many);
        let (start, end) = match (q.start, q.end) {
            (Some(s), Some(e)) if e <= s => {
                problems.push(format!("quote span {s}..{e} is empty or reversed"));
                return;
            }
            (Some(s), Some(e)) => (s, e),
            (None, None) if text.is_empty() => {
                problems.push("quote text is empty".to_string());
                return;
            }
            (None, None) => (UNPLACED, UNPLACED),
            _ => {
                problems.push("quote gives only one of start and end: give both or neither".into());
                return;
            }
        };
        let quote_ix = self.quotes.len() as u32;
        self.quotes.push(Quote {
            source,
            text: Str::default(),
            char_start: start,
            char_end: end,
        });
        if self.sources[source as usize].file.is_some() {
            match self.verify_quote(quote_ix, &text) {
                Ok(s) => self.quotes[quote_ix as usize].text = s,
                Err(e) => problems.push(e),
            }
        } else {
            self.pending_quotes.push(PendingQuote {
                event,
                quote: quote_ix,
                text: text.into_owned(),
            });
        }
    }

    /// Checks that the quote's text stands at its span in its (declared)
    /// source; a quote written without a span gets the text's one occurrence.
    pub(crate) fn verify_quote(&mut self, quote_ix: u32, text: &str) -> Result<Str, String> {
        let declared = &self.sources[self.quotes[quote_ix as usize].source as usize];
        match declared.text_state {
            // The source's own error says why; one per quote would bury it.
            SourceText::Unreadable => return Ok(Str::default()),
            SourceText::Absent => {
                let id = self.arena.get(declared.id);
                return Err(format!(
                    "quote from source '{id}', which has no verbatim text to quote"
                ));
            }
            SourceText::Given => {}
        }
        if self.quotes[quote_ix as usize].char_start == UNPLACED {
            let (start, end) = self.place_quote(quote_ix, text)?;
            let q = &mut self.quotes[quote_ix as usize];
            (q.char_start, q.char_end) = (start, end);
        }
        let q = self.quotes[quote_ix as usize];
        let source = &self.sources[q.source as usize];
        let id = self.arena.get(source.id);
        let body = self.arena.get(source.text);
        let (Some(start), Some(end)) = (
            self.byte_offset(source, q.char_start),
            self.byte_offset(source, q.char_end),
        ) else {
            return Err(format!(
                "quote span {}..{} lies outside the text of source '{id}' ({} characters)",
                q.char_start, q.char_end, source.chars
            ));
        };
        let found = &body[start..end];
        if found == text {
            return Ok(Str {
                start: source.text.start + start as u32,
                len: (end - start) as u32,
            });
        }
        let mut message = format!(
            "quote not found verbatim at {}..{} of source '{id}': the span holds \"{}\"",
            q.char_start,
            q.char_end,
            sanitize::line(&ellipsize(found, 60))
        );
        if let Some(at) = (!text.is_empty()).then(|| body.find(text)).flatten() {
            let char_at = body[..at].chars().count();
            let char_end = char_at + text.chars().count();
            message.push_str(&format!(" (the quote stands at {char_at}..{char_end})"));
        }
        Err(message)
    }

    /// The character span of the one occurrence of `text` in the quote's source.
    fn place_quote(&self, quote_ix: u32, text: &str) -> Result<(u32, u32), String> {
        let source = &self.sources[self.quotes[quote_ix as usize].source as usize];
        let id = self.arena.get(source.id);
        let body = self.arena.get(source.text);
        let chars_to = |b: usize| body[..b].chars().count() as u32;
        let Some(at) = body.find(text) else {
            return Err(format!(
                "quote \"{}\" (written without start and end) is not in the text of source '{id}'",
                sanitize::line(&ellipsize(text, 60))
            ));
        };
        let (start, end) = (chars_to(at), chars_to(at + text.len()));
        let step = text.chars().next().map_or(1, char::len_utf8);
        if let Some(again) = body[at + step..].find(text) {
            let again = chars_to(at + step + again);
            return Err(format!(
                "quote \"{}\" (written without start and end) occurs more than once in source '{id}' (at {start} and {again}): give its start and end",
                sanitize::line(&ellipsize(text, 60))
            ));
        }
        Ok((start, end))
    }

    fn byte_offset(&self, source: &SourceSlot, char_ix: u32) -> Option<usize> {
        if char_ix > source.chars {
            return None;
        }
        let body = self.arena.get(source.text);
        if source.checkpoints.is_empty() {
            return Some(char_ix as usize);
        }
        let k = char_ix as usize / CHECKPOINT;
        let base = *source.checkpoints.get(k)? as usize;
        let rest = char_ix as usize % CHECKPOINT;
        match body[base..].char_indices().nth(rest) {
            Some((b, _)) => Some(base + b),
            None => Some(body.len()),
        }
    }

    pub(crate) fn add_derivation(
        &mut self,
        d: DerivationRecord<'_>,
        problems: &mut Vec<String>,
    ) -> u32 {
        let Some(rule) = Rule::parse(d.rule.trim()) else {
            problems.push(format!(
                "derivation rule '{}' is unknown (known: {})",
                sanitize::line(&d.rule),
                Rule::NAMES
            ));
            return NONE;
        };
        let phrase = self.line(&d.phrase);
        let mut anchor_day = None;
        let (anchor_is_source, anchor_slot) = match &d.anchor {
            AnchorRecord::Source(s) => (true, self.source_slot(&sanitize::line(s.trim()))),
            AnchorRecord::Event(e) => (false, self.event_ref(&sanitize::line(e.trim()))),
            AnchorRecord::Day(day) => {
                match DateValue::parse_edtf(day)
                    .ok()
                    .filter(DateValue::is_exact_day)
                {
                    Some(date) => anchor_day = date.earliest(),
                    None => {
                        problems.push(format!(
                            "derivation anchor day '{}' is not a day (YYYY-MM-DD)",
                            sanitize::line(day)
                        ));
                        return NONE;
                    }
                }
                (false, 0)
            }
        };
        self.derivations.push(RawDerivation {
            phrase,
            anchor_is_source,
            anchor_slot,
            anchor_day,
            rule,
        });
        self.derivations.len() as u32 - 1
    }
}
