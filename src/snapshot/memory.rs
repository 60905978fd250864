//! Room for the decoded tables of a reopen. A reopen at 1M events fills
//! about 250 MB of fresh vectors, and most of its time went to the kernel
//! faulting them in a 4 KiB page at a time: asking for huge pages on the
//! large ones makes that about 500 times fewer faults.

/// Tables smaller than this keep ordinary pages (no huge page would fit).
const LARGE: usize = 4 << 20;
const HUGE_PAGE: usize = 2 << 20;

/// An empty vector with room for `n` values, backed by huge pages where the
/// system gives them on request.
pub(crate) fn room<T>(n: usize) -> Vec<T> {
    let v: Vec<T> = Vec::with_capacity(n);
    let bytes = v.capacity().saturating_mul(std::mem::size_of::<T>());
    if bytes >= LARGE {
        advise_huge(v.as_ptr() as usize, bytes);
    }
    v
}

#[cfg(target_os = "linux")]
fn advise_huge(start: usize, len: usize) {
    // Only the whole huge pages inside the allocation: the advice must not
    // reach memory the allocator gave to anything else.
    let from = start.next_multiple_of(HUGE_PAGE);
    let to = (start + len) / HUGE_PAGE * HUGE_PAGE;
    if to > from {
        // SAFETY: the range lies inside an allocation this vector owns and
        // nothing has been written to yet; MADV_HUGEPAGE changes only how
        // the kernel backs it, never its contents. A refusal (no THP, an
        // old kernel) leaves ordinary pages, so its result is not needed.
        unsafe {
            libc::madvise(from as *mut libc::c_void, to - from, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge(_start: usize, _len: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_is_empty_with_the_capacity_asked_for() {
        for n in [0, 1, 1000, 3 << 20] {
            let mut v: Vec<u32> = room(n);
            assert!(v.is_empty() && v.capacity() >= n);
            v.extend((0..n as u32).rev());
            assert_eq!(v.first().copied(), n.checked_sub(1).map(|x| x as u32));
            assert_eq!(v.len(), n);
        }
    }
}
