//! Catches a decoder's panic on damaged input without the default hook
//! printing "panicked at …" over the clean message the loader gives.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Set while this thread runs code whose panics are caught and reported.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, turning a panic into `Err` silently on this thread only; a
/// panic anywhere else still reaches whatever hook was installed.
pub(super) fn catch_quietly<T>(f: impl FnOnce() -> T) -> Result<T, ()> {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caught_panic_becomes_an_error_and_values_pass_through() {
        assert_eq!(catch_quietly(|| 7), Ok(7));
        assert_eq!(catch_quietly(|| -> u8 { panic!("damaged") }), Err(()));
        // Quiet mode ends with the call.
        assert!(!QUIET.with(Cell::get));
    }
}
