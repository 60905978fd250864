//! The timeline model: events with honest dates, the actors and sources they
//! rest on, and the links between them. Nothing here knows about terminals.

pub mod country;
pub mod date;
pub mod derive;
mod facets;
pub(crate) mod folded;
mod kinds;
pub mod names;
pub(crate) mod table;
mod text;
mod text_index;
pub(crate) mod timeline;
pub(crate) use text_index::{QuoteSpan, TextIndex};
mod views;

pub use kinds::{ActorKind, LinkKind, Status};
pub(crate) use text::MappedText;
pub use text::{IdTable, TextStore};
pub use timeline::{
    ActorIx, Derivation, DerivationAnchor, EventActor, EventIx, ImportReport, Link, Quote,
    SourceIx, Str, Timeline, TimelineParts, thousands,
};
pub use views::{ActorRef, EventRef, QuoteRef, QuotedSpan, SourceRef};
