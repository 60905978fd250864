//! dateline's own format: a JSON document or JSON Lines, read strictly.

pub(crate) mod fast_event_line;
pub(crate) mod json_document;
pub(crate) mod json_lines;
pub mod schema;

/// The native format's version written today. Version 2 added the
/// timeline's `title`, events' `sources` and `date_origin`, the `cancelled`
/// status, and sources without a publication date or text; version 1 files
/// read as before.
pub const FORMAT_VERSION: u32 = 2;

pub(crate) fn check_version(version: u32) -> Result<(), String> {
    if (1..=FORMAT_VERSION).contains(&version) {
        Ok(())
    } else {
        Err(format!(
            "format version {version} is not supported (this dateline reads versions 1 to {FORMAT_VERSION})"
        ))
    }
}
