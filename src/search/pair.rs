//! Finding a run of ASCII in text as it is, ASCII case aside, without
//! lower-casing a copy of the text first: two rare bytes of the run are
//! compared at once at sixteen positions, with the case bit of letters
//! cleared, and only where both agree is the whole run compared.

use super::ByteCounts;

/// A run of ASCII (lower case) to find in any ASCII case.
#[derive(Debug, Clone)]
pub(super) struct RunFinder {
    run: Vec<u8>,
    /// Where in the run the two bytes compared first stand.
    at: [usize; 2],
    /// Each of them masked (the case bit cleared for a letter) and the
    /// value the masked text byte must have: for a letter, exactly its two
    /// cases pass.
    mask: [u8; 2],
    want: [u8; 2],
}

impl RunFinder {
    /// A finder for `run` (lower case ASCII, at least one byte) comparing
    /// the two bytes of it that are rarest in `counts` first.
    pub fn new(run: &[u8], counts: &ByteCounts) -> RunFinder {
        let rarity = |b: u8| {
            counts[b.to_ascii_lowercase() as usize] as u64
                + counts[b.to_ascii_uppercase() as usize] as u64
        };
        let mut order: Vec<usize> = (0..run.len()).collect();
        order.sort_by_key(|&i| (rarity(run[i]), i));
        let first = order.first().copied().unwrap_or(0);
        let second = order.get(1).copied().unwrap_or(first);
        let at = [first, second];
        let form = |b: u8| {
            if b.is_ascii_alphabetic() {
                (0xDF, b.to_ascii_uppercase())
            } else {
                (0xFF, b)
            }
        };
        let (m0, w0) = form(run.get(first).copied().unwrap_or(0));
        let (m1, w1) = form(run.get(second).copied().unwrap_or(0));
        RunFinder {
            run: run.to_vec(),
            at,
            mask: [m0, m1],
            want: [w0, w1],
        }
    }

    /// Calls `found(r)` for every `r` in `from..to` where the run starts in
    /// `hay`, in increasing order; the run may end past `to`.
    pub fn for_each(&self, hay: &[u8], from: usize, to: usize, found: &mut dyn FnMut(usize)) {
        if self.run.is_empty() || hay.len() < self.run.len() {
            return;
        }
        let to = to.min(hay.len() - self.run.len() + 1);
        let mut r = from;
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU has AVX2, just checked.
                r = unsafe { self.sixty_four_at_a_time(hay, r, to, found) };
            }
            // SAFETY: SSE2 is part of every x86-64 CPU.
            r = unsafe { self.sixteen_at_a_time(hay, r, to, found) };
        }
        while r < to {
            if self.pair_at(hay, r) && self.run_at(hay, r) {
                found(r);
            }
            r += 1;
        }
    }

    fn pair_at(&self, hay: &[u8], r: usize) -> bool {
        (0..2).all(|k| hay[r + self.at[k]] & self.mask[k] == self.want[k])
    }

    /// Checks the whole run at `r + i` for each bit `i` set in `bits` (the
    /// places where the pair matched), calling `found` for each match.
    fn check_candidates(&self, hay: &[u8], r: usize, mut bits: u64, found: &mut dyn FnMut(usize)) {
        while bits != 0 {
            let start = r + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if self.run_at(hay, start) {
                found(start);
            }
        }
    }

    fn run_at(&self, hay: &[u8], r: usize) -> bool {
        hay.get(r..r + self.run.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(&self.run))
    }

    /// The scan of [`RunFinder::for_each`] with AVX2, 64 places a round
    /// (two vectors of 32, tested together, since most rounds find
    /// nothing): returns where it stopped.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn sixty_four_at_a_time(
        &self,
        hay: &[u8],
        mut r: usize,
        to: usize,
        found: &mut dyn FnMut(usize),
    ) -> usize {
        use std::arch::x86_64::{
            __m256i, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_movemask_epi8,
            _mm256_or_si256, _mm256_set1_epi8, _mm256_testz_si256,
        };
        let [a, b] = self.at;
        // Every load below reads within `hay` while this holds.
        let reach = a.max(b) + 64;
        let base = hay.as_ptr();
        let mask_a = _mm256_set1_epi8(self.mask[0] as i8);
        let want_a = _mm256_set1_epi8(self.want[0] as i8);
        let mask_b = _mm256_set1_epi8(self.mask[1] as i8);
        let want_b = _mm256_set1_epi8(self.want[1] as i8);
        let pair = |at: usize| -> __m256i {
            // SAFETY: `at + a + 32` and `at + b + 32` are at most
            // `r + reach <= hay.len()` (the loop's condition), and an
            // unaligned load needs no alignment.
            let (x, y) = unsafe {
                (
                    _mm256_loadu_si256(base.add(at + a).cast()),
                    _mm256_loadu_si256(base.add(at + b).cast()),
                )
            };
            _mm256_and_si256(
                _mm256_cmpeq_epi8(_mm256_and_si256(x, mask_a), want_a),
                _mm256_cmpeq_epi8(_mm256_and_si256(y, mask_b), want_b),
            )
        };
        while r + 64 <= to && r + reach <= hay.len() {
            let (low, high) = (pair(r), pair(r + 32));
            let either = _mm256_or_si256(low, high);
            if _mm256_testz_si256(either, either) == 0 {
                let bits = (_mm256_movemask_epi8(low) as u32 as u64)
                    | ((_mm256_movemask_epi8(high) as u32 as u64) << 32);
                self.check_candidates(hay, r, bits, found);
            }
            r += 64;
        }
        r
    }

    /// The scan of [`RunFinder::for_each`] with SSE2 (every x86-64 CPU has
    /// it): returns where it stopped, for the rest to be done a byte at a
    /// time.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "sse2")]
    fn sixteen_at_a_time(
        &self,
        hay: &[u8],
        mut r: usize,
        to: usize,
        found: &mut dyn FnMut(usize),
    ) -> usize {
        use std::arch::x86_64::{
            __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8,
            _mm_set1_epi8,
        };
        let [a, b] = self.at;
        let reach = a.max(b) + 16;
        let load = |from: usize| -> __m128i {
            let bytes = &hay[from..from + 16];
            // SAFETY: `bytes` holds exactly the 16 bytes read (the slice
            // was bounds-checked), and an unaligned load needs no alignment.
            unsafe { _mm_loadu_si128(bytes.as_ptr().cast()) }
        };
        let mask_a = _mm_set1_epi8(self.mask[0] as i8);
        let want_a = _mm_set1_epi8(self.want[0] as i8);
        let mask_b = _mm_set1_epi8(self.mask[1] as i8);
        let want_b = _mm_set1_epi8(self.want[1] as i8);
        while r + 16 <= to && r + reach <= hay.len() {
            let x = _mm_cmpeq_epi8(_mm_and_si128(load(r + a), mask_a), want_a);
            let y = _mm_cmpeq_epi8(_mm_and_si128(load(r + b), mask_b), want_b);
            let bits = _mm_movemask_epi8(_mm_and_si128(x, y)) as u32;
            self.check_candidates(hay, r, u64::from(bits), found);
            r += 16;
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(run: &str, hay: &str, from: usize, to: usize) -> Vec<usize> {
        let finder = RunFinder::new(run.as_bytes(), &super::super::english_counts());
        let mut got = Vec::new();
        finder.for_each(hay.as_bytes(), from, to, &mut |r| got.push(r));
        got
    }

    #[test]
    fn finds_every_case_of_the_run() {
        let hay = "Kraków KRAKOW krakow kRaK k-r-a-k @krak";
        assert_eq!(starts("krak", hay, 0, hay.len()), [0, 8, 15, 22, 36]);
        assert_eq!(starts("krak", hay, 1, 22), [8, 15]);
        // '@' and '`' differ from letters by the case bit only: not a match.
        assert_eq!(starts("@k", "`k @K", 0, 5), [3]);
        assert_eq!(starts("ab", "a", 0, 1), Vec::<usize>::new());
    }

    proptest::proptest! {
        /// The vectorised scan agrees with comparing at every position, on
        /// text long enough to take it, with letters, symbols that differ
        /// from them by the case bit, and multi-byte characters.
        #[test]
        fn agrees_with_comparing_everywhere(
            hay in "[abAB@`\\[{ ó€]{0,300}",
            run in "[ab@`\\[{ ]{1,5}",
            from in 0usize..310,
            to in 0usize..310,
        ) {
            let run = run.to_ascii_lowercase();
            let h = hay.as_bytes();
            let want: Vec<usize> = (from..to.min(h.len()))
                .filter(|&r| h.get(r..r + run.len()).is_some_and(|w| w.eq_ignore_ascii_case(run.as_bytes())))
                .collect();
            proptest::prop_assert_eq!(starts(&run, &hay, from, to), want);
        }
    }
}
