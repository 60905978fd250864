//! dateline: browse news timelines in which every event traces back to the
//! words of its source.

pub mod load;
pub mod model;
pub mod query;
pub mod sanitize;
pub mod search;
