//! A temporal tagger for English news: finds every time expression in a
//! text and resolves it against the publication date the way a careful
//! reader would, giving its TIMEX3 value and, for dates, the rule and
//! anchor that dateline's loader can check again.
//!
//! Text is split into sentences and tokens (`scan`); matchers written
//! over word tables (`rules`, `lexicon`) find expressions; `tense` reads
//! the words around one; `resolve` applies a derivation rule.

pub mod lexicon;
mod output;
mod resolve;
pub mod rules;
pub mod scan;
pub mod tense;

use crate::model::date::{DateShape, DateValue, Precision};
use crate::model::derive::Rule;
use chrono::NaiveDate;
use std::ops::Range;

pub use output::{write_json, write_table};
pub use tense::Tense;

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Date,
    Time,
    Duration,
    Set,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Date => "DATE",
            Kind::Time => "TIME",
            Kind::Duration => "DURATION",
            Kind::Set => "SET",
        }
    }
}

/// What a derived date is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The publication date.
    Published,
    /// An earlier expression of the same text (its index in the result).
    Expression(usize),
}

/// A date in dateline's form: the rule, applied to the anchor day, gives `date`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Derived {
    pub date: DateValue,
    pub rule: Rule,
    pub anchor: Anchor,
    pub anchor_day: NaiveDate,
}

/// One time expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    /// Offsets in Unicode scalar values, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The same span in bytes.
    pub bytes: Range<usize>,
    /// The sentence that holds it, in bytes.
    pub sentence: Range<usize>,
    pub text: String,
    pub kind: Kind,
    /// The TIMEX3 value: 2025-04-11, 2025-W15, P3Y, PRESENT_REF.
    pub value: String,
    /// For dates: the derived date.
    pub derived: Option<Derived>,
    /// The tense of the words around it.
    pub tense: Tense,
}

/// Why a text or a publication date was refused.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error("{name}: not UTF-8 text (invalid byte at line {line}, column {column})")]
    NotUtf8 {
        name: String,
        line: usize,
        column: usize,
    },
    #[error("{name}: {source}")]
    Io {
        name: String,
        source: std::io::Error,
    },
    #[error("{0}: the text is empty")]
    Empty(String),
    #[error("--published '{0}': expected a day as YYYY-MM-DD")]
    PublishedSyntax(String),
    #[error("--published '{0}': not a real calendar day")]
    PublishedImpossible(String),
}

/// Checks that `bytes` are non-empty UTF-8 text; `name` names the input in errors.
pub fn text_from_bytes(bytes: Vec<u8>, name: &str) -> Result<String, TextError> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        TextError::NotUtf8 {
            name: name.to_string(),
            line,
            column,
        }
    })?;
    if text.trim().is_empty() {
        return Err(TextError::Empty(name.to_string()));
    }
    Ok(text)
}

/// Reads a text file, or standard input for `None` or `-`.
pub fn read_text(path: Option<&std::path::Path>) -> Result<String, TextError> {
    use std::io::Read;
    let stdin = path.is_none_or(|p| p.as_os_str() == "-");
    let name = if stdin {
        "standard input".to_string()
    } else {
        path.map(|p| p.display().to_string()).unwrap_or_default()
    };
    let mut bytes = Vec::new();
    let read = match path {
        Some(p) if !stdin => std::fs::File::open(p).and_then(|mut f| f.read_to_end(&mut bytes)),
        _ => std::io::stdin().lock().read_to_end(&mut bytes),
    };
    read.map_err(|source| TextError::Io {
        name: name.clone(),
        source,
    })?;
    text_from_bytes(bytes, &name)
}

/// A publication date: exactly YYYY-MM-DD, a real day.
pub fn parse_published(text: &str) -> Result<NaiveDate, TextError> {
    let t = text.trim();
    let shaped = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return Err(TextError::PublishedSyntax(text.to_string()));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .filter(|d| (1..=9999).contains(&chrono::Datelike::year(d)))
        .ok_or_else(|| TextError::PublishedImpossible(text.to_string()))
}

/// Turns byte offsets into character offsets, moving forward only.
struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl CharCursor<'_> {
    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            return self.text[..byte].chars().count();
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// True for a line that holds only the publication date (the dateline under a headline).
fn is_dateline(
    sentence: &str,
    found: &[rules::Found],
    s: &scan::Sentence,
    published: NaiveDate,
) -> bool {
    let [only] = found else { return false };
    let (Some(first), Some(last)) = (s.toks.get(only.start), s.toks.get(only.end.wrapping_sub(1)))
    else {
        return false;
    };
    let covered = sentence[..first.start].trim().is_empty()
        && sentence[last.end..]
            .trim_matches(|c: char| c.is_whitespace() || c == '.')
            .is_empty();
    let day = DateValue::single(crate::model::date::Point::from_naive(published));
    covered
        && matches!(&only.meaning, rules::Meaning::Fixed { date, .. } if date.shape == day.shape)
}

/// Every time expression of `text`, in order, resolved against `published`.
pub fn tag(text: &str, published: NaiveDate) -> Vec<Timex> {
    let mut out: Vec<Timex> = Vec::new();
    let mut cursor = CharCursor {
        text,
        byte: 0,
        chars: 0,
    };
    let mut cx = resolve::Context {
        published,
        last_day: None,
        last_month: None,
        last_date: None,
        sentence_day: None,
        near_from: 0,
    };
    // the index of the first expression of the sentence before this one
    let mut sentence_first = 0;
    for (base, sentence) in scan::sentences(text) {
        let s = scan::Sentence::new(sentence);
        let found = rules::find(&s);
        cx.near_from = sentence_first;
        sentence_first = out.len();
        if found.is_empty() || is_dateline(sentence, &found, &s, published) {
            continue;
        }
        cx.sentence_day = None;
        // a time with no day of its own, and where it ends: "at 16:15 UTC, June 1"
        let mut bare_time: Option<(usize, usize)> = None;
        for f in found {
            let implicit_day = matches!(f.meaning, rules::Meaning::Time { day: None, .. });
            let tense = tense::tense_at(&s, f.start, f.end);
            let Some(r) = resolve::resolve(&f.meaning, tense, &cx) else {
                continue;
            };
            let (b0, b1) = (base + s.toks[f.start].start, base + s.toks[f.end - 1].end);
            if let Some(d) = &r.derived
                && r.kind == Kind::Date
                && let DateShape::Single(p) | DateShape::Interval(p, _) = d.date.shape
                && let Some(first) = p.first()
                && !matches!(d.rule, Rule::BeforeAnchor | Rule::AfterAnchor)
            {
                cx.last_date = Some((out.len(), first));
                if p.precision != Precision::Year && matches!(d.date.shape, DateShape::Single(_)) {
                    cx.last_month = Some((out.len(), first));
                }
            }
            if let Some(d) = &r.derived
                && r.kind == Kind::Date
                && let DateShape::Single(p) = d.date.shape
                && p.precision == Precision::Day
                && let Some(day) = p.first()
            {
                cx.last_day = Some((out.len(), day));
                cx.sentence_day = Some(day);
                // the time just before, joined by a comma or "on", is on this day
                if let Some((ix, end)) = bare_time
                    && matches!(text[end..b0].trim(), "," | "on" | ", on")
                    && let Some(t) = out.get_mut(ix)
                    && let Some(clock) = t.value.find('T').map(|k| t.value[k..].to_string())
                {
                    t.value = format!("{}{clock}", day.format("%Y-%m-%d"));
                }
            }
            bare_time = (r.kind == Kind::Time && implicit_day).then_some((out.len(), b1));
            out.push(Timex {
                start: cursor.at(b0),
                end: cursor.at(b1),
                bytes: b0..b1,
                sentence: base..base + sentence.len(),
                text: text[b0..b1].to_string(),
                kind: r.kind,
                value: r.value,
                derived: r.derived,
                tense,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_news;
