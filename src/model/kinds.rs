//! The small closed vocabularies of the data format.

use serde::{Deserialize, Serialize};
use zerocopy::{Immutable, IntoBytes, KnownLayout, TryFromBytes};

/// Whether an event happened, is planned, or is still going on.
// A fixed tag, so that a snapshot's events are read in place.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Deserialize,
    Serialize,
    TryFromBytes,
    IntoBytes,
    Immutable,
    KnownLayout,
)]
#[serde(rename_all = "lowercase")]
#[repr(u8)]
pub enum Status {
    #[default]
    Occurred,
    Scheduled,
    Expected,
    Ongoing,
    /// Announced, then called off: kept so the record shows it was planned.
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Occurred,
        Status::Scheduled,
        Status::Expected,
        Status::Ongoing,
        Status::Cancelled,
    ];

    /// A status by its name, in any case ("canceled" as the US writes it).
    pub fn parse(name: &str) -> Option<Status> {
        let name = name.trim();
        if name.eq_ignore_ascii_case("canceled") {
            return Some(Status::Cancelled);
        }
        Status::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(name))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Scheduled => "scheduled",
            Status::Expected => "expected",
            Status::Ongoing => "ongoing",
            Status::Cancelled => "cancelled",
        }
    }
    /// True for events that have not happened yet.
    pub fn is_future(self) -> bool {
        matches!(self, Status::Scheduled | Status::Expected)
    }
}

/// What kind of actor this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    #[serde(alias = "organization")]
    Organisation,
    Country,
    Group,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Country => "country",
            ActorKind::Group => "group",
        }
    }
}

/// How one event relates to another. A link is stored once, on the event it
/// starts from; the other end sees it as a backlink.
// Four bytes wide, so that a link has no padding and is read in place.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Deserialize,
    Serialize,
    TryFromBytes,
    IntoBytes,
    Immutable,
    KnownLayout,
)]
#[serde(rename_all = "kebab-case")]
#[repr(u32)]
pub enum LinkKind {
    Follows,
    Precedes,
    Causes,
    RespondsTo,
    PartOf,
    SameAs,
    #[default]
    Related,
}

impl LinkKind {
    pub const ALL: [LinkKind; 7] = [
        LinkKind::Follows,
        LinkKind::Precedes,
        LinkKind::Causes,
        LinkKind::RespondsTo,
        LinkKind::PartOf,
        LinkKind::SameAs,
        LinkKind::Related,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Follows => "follows",
            LinkKind::Precedes => "precedes",
            LinkKind::Causes => "causes",
            LinkKind::RespondsTo => "responds-to",
            LinkKind::PartOf => "part-of",
            LinkKind::SameAs => "same-as",
            LinkKind::Related => "related",
        }
    }

    /// How the link reads from its target's side.
    pub fn inverse_label(self) -> &'static str {
        match self {
            LinkKind::Follows => "followed by",
            LinkKind::Precedes => "preceded by",
            LinkKind::Causes => "caused by",
            LinkKind::RespondsTo => "answered by",
            LinkKind::PartOf => "has part",
            LinkKind::SameAs => "same as",
            LinkKind::Related => "related",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LinkKind::RespondsTo => "responds to",
            LinkKind::PartOf => "part of",
            LinkKind::SameAs => "same as",
            other => other.as_str(),
        }
    }
}
