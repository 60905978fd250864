//! What the loading thread hands the event loop: its progress, the head of
//! the file to browse meanwhile, and the loaded timeline, prepared for
//! search.

use crate::load::{LoadError, Progress};
use crate::model::Timeline;
use std::sync::Arc;

pub(super) enum LoadMessage {
    Progress(Progress),
    /// The head of the file, to browse while the rest loads.
    Preview(Box<Timeline>),
    Done(Box<Result<Arc<Timeline>, LoadError>>),
}

/// A loaded timeline, shared, with what search needs gathered on a thread
/// of its own so that the first search does not wait for it.
pub(super) fn prepared(t: Timeline) -> Arc<Timeline> {
    let t = Arc::new(t);
    let shared = Arc::clone(&t);
    std::thread::spawn(move || shared.prepare_search());
    t
}
