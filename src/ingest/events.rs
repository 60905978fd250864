//! Candidate events: one for each happening the text dates, with its
//! date and derivation from the tagger, a status from tense and modality,
//! and the sentence itself as summary and verbatim quote.

mod inherit;
mod perfect;
#[cfg(test)]
mod tests;
mod words;

use inherit::inherited_candidates;
use perfect::perfect_candidates;
use words::{is_dateline, status, title, years_after};

use crate::model::Status;
use crate::model::date::DateValue;
use crate::model::derive::Rule;
use crate::timex::{self, Anchor, Kind};
use chrono::NaiveDate;

/// What the date of a candidate event is counted from.
#[derive(Debug, Clone, PartialEq)]
pub enum From {
    Source,
    /// The index of another candidate event.
    Event(usize),
}

/// One candidate event, before actors are attached.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub title: String,
    pub sentence: String,
    /// Character span of the sentence (the quote).
    pub start: usize,
    pub end: usize,
    /// Byte span of the sentence.
    pub bytes: std::ops::Range<usize>,
    pub date: DateValue,
    pub phrase: String,
    pub rule: Rule,
    pub from: From,
    pub status: Status,
    /// The text says it follows the event it counts from ("the following day").
    pub follows: bool,
}

/// Every candidate event of a text.
pub fn candidates(text: &str, published: NaiveDate) -> Vec<Candidate> {
    let all = timex::tag(text, published);
    let mut out: Vec<Candidate> = Vec::new();
    // index of the candidate made from each expression, for anaphoric anchors
    let mut made_from: Vec<Option<usize>> = vec![None; all.len()];
    for (ix, t) in all.iter().enumerate() {
        let (date, rule, from, phrase) = if let Some(rule) = years_after(text, t) {
            let Some(date) = rule.apply(published) else {
                continue;
            };
            let end = text[t.bytes.end..]
                .find(['.', ',', ';'])
                .map_or(text.len(), |p| t.bytes.end + p);
            (
                date,
                rule,
                From::Source,
                text[t.bytes.start..end].trim().to_string(),
            )
        } else {
            let Some(d) = &t.derived else { continue };
            // "the lowest since October 9, 2002": a point of comparison, not when it happened
            let before = text[t.sentence.start..t.bytes.start]
                .split_whitespace()
                .next_back();
            if before.is_some_and(|w| w.eq_ignore_ascii_case("since")) {
                continue;
            }
            if !matches!(t.kind, Kind::Date | Kind::Time)
                || t.value.ends_with("_REF")
                || is_dateline(text, t, published)
            {
                continue;
            }
            let (rule, from) = match d.anchor {
                Anchor::Published => (d.rule, From::Source),
                Anchor::Expression(a) => match made_from.get(a).copied().flatten() {
                    Some(e) => (d.rule, From::Event(e)),
                    None => (Rule::AsWritten(d.date), From::Source),
                },
            };
            (d.date, rule, from, t.text.clone())
        };
        // the sentence, without the spaces around it (nor a dateline that opens it)
        let mut from_byte = t.sentence.start;
        if let Some(d) = all[..ix]
            .iter()
            .rev()
            .take_while(|d| d.sentence == t.sentence)
            .find(|d| is_dateline(text, d, published))
        {
            from_byte = d.bytes.end;
        }
        let raw = &text[from_byte..t.sentence.end];
        let lead = raw.len() - raw.trim_start().len();
        let sentence = raw.trim();
        if sentence.is_empty() {
            continue;
        }
        let s0 = from_byte + lead;
        let mut same_sentence = out.iter().rev().take_while(|c| c.bytes.start == s0);
        if same_sentence.any(|c| c.date == date) {
            continue; // the same sentence and date: one happening
        }
        let start = t.start - text[s0..t.bytes.start].chars().count();
        let end = start + sentence.chars().count();
        let local = t.bytes.start - s0..t.bytes.end - s0;
        made_from[ix] = Some(out.len());
        out.push(Candidate {
            title: title(sentence, local),
            sentence: sentence.to_string(),
            start,
            end,
            bytes: s0..s0 + sentence.len(),
            status: status(sentence, t, &date, published),
            follows: matches!(from, From::Event(_)),
            date,
            phrase,
            rule,
            from,
        });
    }
    inherited_candidates(text, &mut out);
    perfect_candidates(text, published, &mut out);
    out
}
