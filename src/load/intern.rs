//! The text store and id tables the builder fills.

pub use crate::model::IdTable as Interner;
pub use crate::model::TextStore as Arena;
