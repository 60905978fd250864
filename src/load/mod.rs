//! Reads timeline files (a JSON document or JSON Lines), or a directory of
//! them, into a [`Timeline`](crate::model::Timeline), reporting every problem found in one run.

//!
//! Where a row becomes an event: each reader parses its format into the
//! records of [`native::schema`] and hands them to the [`Builder`], which
//! checks each as it comes (`builder/add_event.rs`, `builder/add_quote.rs`),
//! joins the parts read in parallel (`builder/join_parts.rs`), resolves
//! references once everything is read (`builder/resolve.rs`) and finally
//! orders and indexes the store (`builder/order_and_index.rs`).

mod builder;
mod builtin;
mod diagnostics;
mod files;
mod format;
mod from_files;
mod from_memory;
pub mod import;
mod inputs;
pub mod native;
mod options;
mod parts;
pub mod preview;
mod reasons;
mod sniff;

pub use builder::{Builder, FileIx, SourceText};
pub use builtin::{BUILTIN_NAME, load_builtin};
pub use diagnostics::{Diagnostic, LoadError, MAX_DIAGNOSTICS};
pub use files::{Limits, human_size, parse_size};
pub use format::Format;
pub use from_files::{load_path, load_path_with, load_paths_with};
pub use from_memory::{load_any_bytes, load_bytes, load_stdin};
pub use import::{ImportOptions, InputFormat};
pub use inputs::DIRECTORY_EXTENSIONS;
pub use options::{LoadOptions, Progress};

pub(crate) use inputs::input_files;
pub(crate) use options::TextReader;
pub(crate) use reasons::{decode_text, io_reason, json_error};

// Finding a file's format, for the loaders beside it and the preview.
use format::sniffed_format;
