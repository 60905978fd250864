//! Eight bytes of text tested at once in a `u64` (read little-endian, so
//! the lowest marked byte is the first in the text). Each test marks a byte
//! by setting its top bit; a borrow can also mark bytes after a true one,
//! never before, so "any marked" and "the lowest marked" are exact.

/// The top bit of every byte.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// Marks the bytes of `word` equal to `byte`.
#[inline(always)]
pub(crate) fn bytes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGH_BITS
}

/// Marks the bytes of `word` below `bound` (at most 0x80).
#[inline(always)]
pub(crate) fn bytes_below(word: u64, bound: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(bound)) & !word & HIGH_BITS
}

/// How many bytes of `word` continue a UTF-8 character (0b10xx_xxxx).
#[inline(always)]
pub(crate) fn continuation_bytes(word: u64) -> u32 {
    (word & !(word << 1) & HIGH_BITS).count_ones()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index of the lowest marked byte, if any.
    fn first(marks: u64) -> Option<usize> {
        (marks != 0).then(|| marks.trailing_zeros() as usize / 8)
    }

    proptest::proptest! {
        #[test]
        fn each_test_agrees_with_the_bytes(bytes in proptest::array::uniform8(proptest::prelude::any::<u8>()), byte in proptest::prelude::any::<u8>(), bound in 0u8..=0x80) {
            let word = u64::from_le_bytes(bytes);
            proptest::prop_assert_eq!(first(bytes_equal(word, byte)), bytes.iter().position(|&b| b == byte));
            proptest::prop_assert_eq!(first(bytes_below(word, bound)), bytes.iter().position(|&b| b < bound));
            let continuing = bytes.iter().filter(|&&b| b & 0xC0 == 0x80).count() as u32;
            proptest::prop_assert_eq!(continuation_bytes(word), continuing);
        }
    }
}
