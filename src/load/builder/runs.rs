//! Passes over every event shared among the cores: the events are cut into
//! one run a core, each run's results kept in order. A small timeline is
//! done on the calling thread, where a thread would cost more than it saves.

use std::ops::Range;

/// Below this many items one core does the whole pass.
pub(super) const PARALLEL_FROM: usize = 1 << 16;

/// How many runs `n` items are cut into: one a core, or one for few.
pub(super) fn runs_for(n: usize) -> usize {
    if n < PARALLEL_FROM {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |c| c.get())
}

/// `f` of each of `0..n`, in order.
pub(crate) fn map_in_runs<T: Send + Clone + Default>(
    n: usize,
    f: impl Fn(usize) -> T + Sync,
) -> Vec<T> {
    map_in(runs_for(n), n, f)
}

fn map_in<T: Send + Clone + Default>(
    runs: usize,
    n: usize,
    f: impl Fn(usize) -> T + Sync,
) -> Vec<T> {
    if runs <= 1 {
        return (0..n).map(f).collect();
    }
    let mut out = vec![T::default(); n];
    let run = n.div_ceil(runs).max(1);
    std::thread::scope(|scope| {
        for (c, part) in out.chunks_mut(run).enumerate() {
            let f = &f;
            scope.spawn(move || {
                for (i, v) in part.iter_mut().enumerate() {
                    *v = f(c * run + i);
                }
            });
        }
    });
    out
}

/// What `f` gives for each run of `0..n`, joined in order.
pub(crate) fn flat_map_in_runs<T: Send>(
    n: usize,
    f: impl Fn(Range<usize>) -> Vec<T> + Sync,
) -> Vec<T> {
    flat_map_in(runs_for(n), n, f)
}

fn flat_map_in<T: Send>(
    runs: usize,
    n: usize,
    f: impl Fn(Range<usize>) -> Vec<T> + Sync,
) -> Vec<T> {
    if runs <= 1 {
        return f(0..n);
    }
    let run = n.div_ceil(runs).max(1);
    let parts: Vec<Vec<T>> = std::thread::scope(|scope| {
        let spawned: Vec<_> = (0..n)
            .step_by(run)
            .map(|start| {
                let f = &f;
                scope.spawn(move || f(start..(start + run).min(n)))
            })
            .collect();
        spawned.into_iter().map(joined).collect()
    });
    parts.into_iter().flatten().collect()
}

/// A scoped thread's result, its panic raised again here.
pub(crate) fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_give_what_one_pass_gives_in_order() {
        for n in [0, 1, 5, 64, 1000] {
            for runs in [1, 2, 3, 7] {
                let square = |i: usize| i * i;
                let one: Vec<usize> = (0..n).map(square).collect();
                assert_eq!(map_in(runs, n, square), one, "{n} in {runs}");
                // Items yield 0, 1 or 2 results each.
                let some = |r: Range<usize>| r.flat_map(|i| vec![i; i % 3]).collect();
                let one: Vec<usize> = some(0..n);
                assert_eq!(flat_map_in(runs, n, some), one, "{n} in {runs}");
            }
        }
    }
}
