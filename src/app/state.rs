//! The plain data the browser's state is made of besides the app itself:
//! the effects it asks of the terminal, a place in the history, the prompt
//! and the active search.

use super::{ExportRequest, LineInput};
use crate::model::EventIx;
use crate::query::Filter;

/// What the app asks the terminal side to do: the app itself does no I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the system clipboard (OSC 52).
    Copy(String),
    /// Write an export; the answer comes back as `Action::Exported`.
    Export(ExportRequest),
}

/// A place in the history: the event shown and the filter it was shown under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub event: EventIx,
    pub filter: Filter,
}

/// What a prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    Goto,
    /// A date range for the filter: `A..B`, `A..`, `..B` or `A`.
    Dates,
    /// Export: the format, by name or its first letters.
    ExportFormat,
    /// Export: the file to write, filled with a default name.
    ExportPath(crate::export::Format),
    /// Export: the file exists; `y` replaces it.
    ExportReplace(ExportRequest),
}

/// A text prompt at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: LineInput,
    /// For dates: keep only events certainly within the range (Tab).
    pub within: bool,
}

impl Prompt {
    pub fn new(kind: PromptKind, input: LineInput) -> Prompt {
        Prompt {
            kind,
            input,
            within: false,
        }
    }
}

/// The active search: its query and the positions of its hits in the list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub hits: Vec<usize>,
    /// Every event the query matches, whatever the filter (sorted).
    pub matching: Vec<EventIx>,
}
