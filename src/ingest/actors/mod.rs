//! The people, organisations and countries a sentence names, with their
//! titles, merged so that "Mr Rubio", "Marco Rubio" and "Rubio" are one
//! actor, and reusing the ids of a timeline given with `--actors`.

mod names;
mod registry;
mod words;

pub use names::{Mention, mentions};
pub use registry::Registry;

#[cfg(test)]
mod tests;
