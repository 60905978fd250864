//! The data format as serde records. Strings borrow from the input where the
//! JSON has no escapes, so parsing allocates little; every record goes straight
//! into the store's builder.

use crate::model::{ActorKind, LinkKind, Status};
use serde::Deserialize;
use std::borrow::Cow;

type Text<'a> = Cow<'a, str>;

/// A string in a list that borrows from the input when it can (serde only
/// borrows a `Cow` that is a field of its own, not an element of a `Vec`).
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct Item<'a>(#[serde(borrow)] pub Text<'a>);

impl std::ops::Deref for Item<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRecord<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(borrow, default)]
    pub outlet: Text<'a>,
    #[serde(borrow, default)]
    pub title: Text<'a>,
    #[serde(borrow, default)]
    pub url: Option<Text<'a>>,
    /// YYYY-MM-DD; imported sources (an ACLED outlet) may not say.
    #[serde(borrow, default)]
    pub published: Option<Text<'a>>,
    /// The verbatim text in a file, relative to the timeline file.
    #[serde(borrow, default)]
    pub text_file: Option<Text<'a>>,
    /// Or the verbatim text inline. A source may have neither: then no
    /// quote can cite it, and its events say "no verbatim text".
    #[serde(borrow, default)]
    pub text: Option<Text<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorRecord<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(borrow)]
    pub name: Text<'a>,
    pub kind: ActorKind,
    #[serde(borrow, default)]
    pub title: Option<Text<'a>>,
    #[serde(borrow, default)]
    pub country: Option<Text<'a>>,
    #[serde(borrow, default)]
    pub aliases: Vec<Item<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventRecord<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(borrow)]
    pub title: Text<'a>,
    #[serde(borrow, default)]
    pub summary: Option<Text<'a>>,
    /// EDTF: 2025-04-11, 2025-03, ../2022-04-15, 2025-04-17/2025-04-20, 2022-02~.
    #[serde(borrow)]
    pub date: Text<'a>,
    /// The date already worked out, by an importer that reads it as a
    /// calendar day (GDELT's SQLDATE); `date` is then not parsed. Never
    /// read from a file.
    #[serde(skip)]
    pub date_value: Option<crate::model::date::DateValue>,
    #[serde(borrow, default)]
    pub derivation: Option<DerivationRecord<'a>>,
    /// Where an imported date came from when no phrase can be shown:
    /// "coded by GDELT; reported 2025-08-07 22:00".
    #[serde(borrow, default)]
    pub date_origin: Option<Text<'a>>,
    #[serde(default)]
    pub status: Status,
    #[serde(borrow, default)]
    pub place: Option<PlaceRecord<'a>>,
    #[serde(borrow, default)]
    pub actors: Vec<ActorRoleRecord<'a>>,
    #[serde(borrow, default)]
    pub countries: Vec<Item<'a>>,
    #[serde(borrow, default)]
    pub topics: Vec<Item<'a>>,
    /// Sources the event rests on beyond those its quotes cite.
    #[serde(borrow, default)]
    pub sources: Vec<Item<'a>>,
    #[serde(borrow, default)]
    pub quotes: Vec<QuoteRecord<'a>>,
    #[serde(borrow, default)]
    pub links: Vec<LinkRecord<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DerivationRecord<'a> {
    /// The words of the source: "last Friday".
    #[serde(borrow)]
    pub phrase: Text<'a>,
    #[serde(borrow)]
    pub anchor: AnchorRecord<'a>,
    /// One of the rules in `Rule::NAMES`.
    #[serde(borrow)]
    pub rule: Text<'a>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "lowercase")]
pub enum AnchorRecord<'a> {
    Source(#[serde(borrow)] Text<'a>),
    Event(#[serde(borrow)] Text<'a>),
    /// A day given inline (YYYY-MM-DD): an exported view keeps the day of an
    /// anchor event it leaves out.
    Day(#[serde(borrow)] Text<'a>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceRecord<'a> {
    #[serde(borrow, default)]
    pub name: Option<Text<'a>>,
    #[serde(borrow, default)]
    pub country: Option<Text<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorRoleRecord<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(borrow, default)]
    pub role: Option<Text<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteRecord<'a> {
    #[serde(borrow)]
    pub source: Text<'a>,
    #[serde(borrow)]
    pub text: Text<'a>,
    /// Character offsets (Unicode scalar values) into the source text, end
    /// exclusive; both absent means the loader finds the text's one occurrence.
    #[serde(default)]
    pub start: Option<u32>,
    #[serde(default)]
    pub end: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkRecord<'a> {
    #[serde(borrow)]
    pub to: Text<'a>,
    pub kind: LinkKind,
}

/// One line of the JSON Lines form. One record lives at a time, so the
/// size of the event variant costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "lowercase")]
pub enum LineRecord<'a> {
    Dateline(u32),
    /// The timeline's title (format version 2).
    Title(#[serde(borrow)] Text<'a>),
    Source(#[serde(borrow)] SourceRecord<'a>),
    Actor(#[serde(borrow)] ActorRecord<'a>),
    Event(#[serde(borrow)] EventRecord<'a>),
}
