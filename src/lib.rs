//! dateline: browse news timelines in which every event traces back to the
//! words of its source.

pub mod app;
pub mod export;
pub mod fold;
pub mod ingest;
pub mod load;
pub mod model;
pub mod present;
pub mod query;
pub mod report;
pub mod sanitize;
pub mod search;
pub mod snapshot;
mod swar;
pub mod synth;
pub mod timex;
pub mod tui;
pub mod ui;
