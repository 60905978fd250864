//! The scanner against a plain reference.

use super::*;

#[test]
fn scans_find_matches_whose_casing_changes_lengths() {
    let starts = |needle: &str, hay: &str| {
        let mut got = Vec::new();
        Needle::new(needle).for_each_match(hay, hay.len(), |at| got.push(at));
        got
    };
    // ẞ (3 bytes) lower-cases to ß (2): the start is found by looking back.
    assert_eq!(starts("Straße", "x STRAẞE y straße"), [2, 13]);
    // The Kelvin sign and İ lower-case to ASCII k and i, so the run
    // that is scanned for leaves them out.
    assert_eq!(starts("ßkab", "ß\u{212a}ab"), [0]);
    assert_eq!(starts("ßabi\u{307}", "ẞabİ"), [0]);
    assert!(Needle::new("straße").scans_fast());
    // Nothing ASCII to scan for: the lead bytes of ß and ẞ.
    assert!(Needle::new("ßẞ").scans_fast());
    assert_eq!(starts("ßẞ", "aßßb ẞß ßSS"), [1, 7]);
    assert_eq!(lead_bytes("ß"), vec![0xC3, 0xE1]);
    // "i̇" starts with ASCII i, which İ (0xC4) lower-cases to as well.
    assert_eq!(lead_bytes("i\u{307}"), vec![b'i', b'I', 0xC4]);
    let n = Needle::new("ß");
    assert_eq!(n.match_len("ẞ", 0), 3);
}

proptest::proptest! {
    #[test]
    fn pairing_characters_agrees_with_lower_casing_all(
        hay in "[aAkKóÓßẞİi\u{307}\u{212a}]{0,6}",
        lower in "[akóßi\u{307}]{1,4}",
    ) {
        proptest::prop_assert_eq!(
            starts_with_lower_fixed(&hay, &lower),
            starts_with_lower(&hay, &lower)
        );
    }
}

#[test]
fn no_character_past_the_last_cased_one_changes_case() {
    for c in (LAST_CASED + 1..=char::MAX as u32).filter_map(char::from_u32) {
        assert!(c.to_lowercase().eq([c]), "{:X} lower-cases", c as u32);
    }
}

/// Every match start found the slow way, one `find` after another.
fn starts_slowly(n: &Needle, hay: &str, end: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = hay.get(from..).and_then(|rest| n.find(rest)) {
        let start = from + at;
        if start >= end {
            break;
        }
        out.push(start);
        from = start + hay[start..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

#[test]
fn spellings_of_a_word_share_one_pass() {
    let needles = [
        Needle::new("krakow"),
        Needle::new("kraków"),
        Needle::new("akó"),
    ];
    assert!(shared_run(&needles[..2]).is_some());
    let istanbul = [Needle::new("istanbul"), Needle::new("i\u{307}stanbul")];
    assert_eq!(
        shared_run(&istanbul).map(|a| a.run),
        Some(b"stanbul".to_vec())
    );
    let hay = "Krakow, KRAKÓW and kraków";
    let mut got = Vec::new();
    Needle::for_each_match_of_any(&needles, hay, hay.len(), &mut |at, i| got.push((at, i)));
    got.sort();
    assert_eq!(got, [(0, 0), (8, 1), (10, 2), (20, 1), (22, 2)]);
}

proptest::proptest! {
    /// One pass for several needles finds what one slow search for
    /// each finds: shared runs, runs of their own, and needles whose
    /// casing changes byte lengths among them.
    #[test]
    fn one_pass_for_several_needles_finds_each_ones_matches(
        hay in "[abcÓóKkßẞİi\u{307}\u{212a}S ]{0,80}",
        needles in proptest::collection::vec(
            "(ab|bca|óka|c ab|kÓ|abcab|ßab|abßc|cab ß|i\u{307}ab|bßaßb|ssab|kab|ßkab|ßabi\u{307}|ß|ó)",
            1..4,
        ),
        cut in 0usize..90,
    ) {
        let needles: Vec<Needle> = needles.iter().map(|n| Needle::new(n)).collect();
        let end = cut.min(hay.len());
        let mut got = Vec::new();
        Needle::for_each_match_of_any(&needles, &hay, end, &mut |at, i| got.push((at, i)));
        got.sort_unstable();
        got.dedup();
        let mut want: Vec<(usize, usize)> = needles
            .iter()
            .enumerate()
            .flat_map(|(i, n)| starts_slowly(n, &hay, end).into_iter().map(move |at| (at, i)))
            .collect();
        want.sort_unstable();
        proptest::prop_assert_eq!(got, want);
    }

    #[test]
    fn block_scan_finds_every_match_across_block_edges(
        hay in "[abcÓóKkßẞİi\u{307}\u{212a}S ]{0,80}",
        needle in "(ab|bca|óka|c ab|kÓ|abcab|ßab|abßc|cab ß|i\u{307}ab|bßaßb|ssab|kab|ßkab|ßabi\u{307})",
        block in 1usize..9,
        cut in 0usize..90,
    ) {
        let n = Needle::new(&needle);
        let end = cut.min(hay.len());
        let mut got = Vec::new();
        n.for_each_match_in_blocks(&hay, end, block, |at| got.push(at));
        proptest::prop_assert_eq!(got, starts_slowly(&n, &hay, end));
    }
}
