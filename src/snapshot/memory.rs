//! Room for the decoded tables of a reopen. A reopen at 1M events fills
//! about 300 MB of fresh vectors, and much of its time went to the kernel
//! faulting them in one 4 KiB page at a time (72,000 faults): a large
//! table is faulted in whole by one call before it is filled, which
//! costs the kernel less (about 7% of a reopen's CPU time at 1M).
//!
//! Huge pages (MADV_HUGEPAGE) were tried too: on a virtual machine whose
//! host takes back free memory, the fresh huge pages cost more to clear
//! than the faults they saved, and a reopen's time varied threefold.

/// Smaller tables are faulted in as they are filled.
const LARGE: usize = 1 << 20;
const PAGE: usize = 4096;

/// An empty vector with room for `n` values, its memory already faulted in
/// when it is large.
pub(crate) fn room<T>(n: usize) -> Vec<T> {
    let v: Vec<T> = Vec::with_capacity(n);
    let bytes = v.capacity().saturating_mul(std::mem::size_of::<T>());
    if bytes >= LARGE {
        populate(v.as_ptr() as usize, bytes);
    }
    v
}

#[cfg(target_os = "linux")]
fn populate(start: usize, len: usize) {
    // Only the whole pages inside the allocation.
    let from = start.next_multiple_of(PAGE);
    let to = (start + len) / PAGE * PAGE;
    if to > from {
        // SAFETY: the range lies inside an allocation this vector owns.
        // MADV_POPULATE_WRITE faults its pages in as a write would, without
        // writing: it changes no byte. A refusal (a kernel before 5.14)
        // leaves the pages to be faulted in as they are filled, so its
        // result is not needed.
        unsafe {
            libc::madvise(
                from as *mut libc::c_void,
                to - from,
                libc::MADV_POPULATE_WRITE,
            );
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn populate(_start: usize, _len: usize) {}

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
