//! dateline's own format: a JSON document or JSON Lines, read strictly.

pub(crate) mod fast_event_line;
pub(crate) mod json_document;
pub(crate) mod json_lines;
pub mod schema;
