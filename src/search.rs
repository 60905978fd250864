//! Case-insensitive substring search. Every needle scans with `memchr2` for
//! one byte in both cases (its rarest ASCII byte, or the lead byte of its
//! first character), then verifies each candidate; nothing is lower-cased
//! or copied per haystack.

use memchr::memchr2_iter;

/// A prepared search string.
#[derive(Debug, Clone)]
pub struct Needle {
    lower: String,
    ascii: bool,
    /// Byte index in the needle of the byte to scan for.
    pivot: usize,
    /// The two forms of that byte to scan for.
    scan: (u8, u8),
    /// False when casing changes a character's UTF-8 length (İ, ß): such
    /// needles take the slow character-by-character path.
    fixed_layout: bool,
}

/// Whether lower- and upper-casing `c` keeps its UTF-8 length, so a match
/// in any case has the needle's byte layout.
fn same_width_cases(c: char) -> bool {
    let mut upper = c.to_uppercase();
    let mut lower = c.to_lowercase();
    let (Some(u), None) = (upper.next(), upper.next()) else {
        return false;
    };
    let (Some(l), None) = (lower.next(), lower.next()) else {
        return false;
    };
    u.len_utf8() == c.len_utf8() && l.len_utf8() == c.len_utf8()
}

/// English letter frequency, most common first: without a sample of the
/// text, the scan pivots on the rarest of these.
const COMMON: &[u8] = b"etaoinshrdlcumwfgypbvkjxqz";

/// Byte counts, used to pick the rarest byte of a needle to scan for.
pub type ByteCounts = [u32; 256];

/// Counts standing in for a sample: spaces most common, then letters in
/// English order, then everything else.
pub fn english_counts() -> ByteCounts {
    let mut counts = [1u32; 256];
    counts[b' ' as usize] = 1000;
    for (i, &c) in COMMON.iter().enumerate() {
        let n = 900 - 30 * i as u32;
        counts[c as usize] = n;
        counts[c.to_ascii_uppercase() as usize] = n / 10;
    }
    counts
}

/// Counts the bytes of up to 64 slices of 16 KiB spread over `texts`.
pub fn sample_counts<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> ByteCounts {
    const SLICE: usize = 16 << 10;
    let total: usize = texts.clone().map(str::len).sum();
    let step = (total / 64).max(SLICE);
    let mut counts = [0u32; 256];
    let mut skipped = 0usize;
    for text in texts {
        let mut at = skipped.min(text.len());
        while at < text.len() {
            for &b in &text.as_bytes()[at..(at + SLICE).min(text.len())] {
                counts[b as usize] += 1;
            }
            at += step;
        }
        skipped = at - text.len();
    }
    counts
}

impl Needle {
    pub fn new(query: &str) -> Needle {
        Needle::with_counts(query, &english_counts())
    }

    /// A needle that scans for its byte that is rarest in `counts`.
    pub fn with_counts(query: &str, counts: &ByteCounts) -> Needle {
        let rarity = |b: u8| {
            std::cmp::Reverse(
                counts[b.to_ascii_lowercase() as usize] + counts[b.to_ascii_uppercase() as usize],
            )
        };
        let lower = query.to_lowercase();
        let ascii = lower.is_ascii();
        let bytes = lower.as_bytes();
        // U+0130 (İ) is the one character whose lower case is two characters
        // ("i" and U+0307); a needle holding that pair may match it.
        let fixed_layout = lower.chars().all(same_width_cases) && !lower.contains('\u{307}');
        let rarest_ascii = (0..bytes.len())
            .filter(|&i| bytes[i].is_ascii())
            .max_by_key(|&i| rarity(bytes[i]));
        let (pivot, scan) = match (rarest_ascii, fixed_layout) {
            (Some(i), true) => (i, (bytes[i], bytes[i].to_ascii_uppercase())),
            _ => {
                // Scan for the lead byte of the first character in either case.
                let first = lower.chars().next().unwrap_or(' ');
                let mut buf = [0u8; 4];
                let lead_lower = first.encode_utf8(&mut buf).as_bytes()[0];
                let upper = first.to_uppercase().next().unwrap_or(first);
                let lead_upper = upper.encode_utf8(&mut buf).as_bytes()[0];
                (0, (lead_lower, lead_upper))
            }
        };
        Needle {
            lower,
            ascii,
            pivot,
            scan,
            fixed_layout,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }

    /// Byte offset of the first match in `hay`.
    pub fn find(&self, hay: &str) -> Option<usize> {
        if self.lower.is_empty() {
            return Some(0);
        }
        if !self.fixed_layout {
            return find_unicode(hay, &self.lower);
        }
        let needle = self.lower.as_bytes();
        let h = hay.as_bytes();
        if self.ascii && h.len() < needle.len() {
            return None;
        }
        let (a, b) = self.scan;
        let from = self.pivot.min(h.len());
        for at in memchr2_iter(a, b, &h[from..]) {
            // `at` is where the needle would start (the pivot sits `pivot` bytes in).
            let start = at;
            if self.ascii {
                match h.get(start..start + needle.len()) {
                    Some(window) if window.eq_ignore_ascii_case(needle) => return Some(start),
                    Some(_) => continue,
                    None => return None,
                }
            }
            if hay.is_char_boundary(start) && starts_with_lower(&hay[start..], &self.lower) {
                return Some(start);
            }
        }
        None
    }

    /// Whether a scan of a long text finds every match of this needle
    /// ([`Needle::for_each_match`]) without checking character by character
    /// from every position.
    pub fn scans_fast(&self) -> bool {
        self.fixed_layout || self.stable_run().is_some() || self.lead_bytes().is_some()
    }

    /// The byte length of the match that starts at `start` in `hay`:
    /// lower-casing may change byte lengths (İ, ẞ), so it is counted.
    pub fn match_len(&self, hay: &str, start: usize) -> usize {
        if self.fixed_layout {
            self.lower.len()
        } else {
            end_of_match(hay, start, &self.lower) - start
        }
    }

    /// Calls `found` with the start of every match that starts before `end`
    /// (overlapping matches included), in increasing order.
    pub fn for_each_match(&self, hay: &str, end: usize, found: impl FnMut(usize)) {
        self.for_each_match_in_blocks(hay, end, 256 << 10, found);
    }

    /// [`Needle::for_each_match`], lower-casing `block_len` bytes at a time.
    fn for_each_match_in_blocks(
        &self,
        hay: &str,
        end: usize,
        block_len: usize,
        mut found: impl FnMut(usize),
    ) {
        if let Some((run_at, run)) = self.ascii_run() {
            // Every match has the needle's layout: the run sits `run_at`
            // bytes in.
            let verify = |run_start: usize, found: &mut dyn FnMut(usize)| {
                if let Some(start) = run_start.checked_sub(run_at)
                    && start < end
                    && self.matches_at(hay, start)
                {
                    found(start);
                }
            };
            return for_each_run(hay, end + run_at, &run, block_len, verify, &mut found);
        }
        if let Some((chars_before, run)) = self.stable_run().filter(|_| !self.fixed_layout) {
            // The text before the run is at most four bytes for each
            // character of the needle before it; look back that far.
            let reach = 4 * chars_before;
            let mut last: Option<usize> = None;
            let verify = |run_start: usize, found: &mut dyn FnMut(usize)| {
                for start in run_start.saturating_sub(reach)..=run_start {
                    if start >= end || last.is_some_and(|l| start <= l) {
                        continue;
                    }
                    if hay.is_char_boundary(start) && starts_with_lower(&hay[start..], &self.lower)
                    {
                        last = Some(start);
                        found(start);
                    }
                }
            };
            return for_each_run(hay, end + reach, &run, block_len, verify, &mut found);
        }
        if !self.fixed_layout
            && let Some(leads) = self.lead_bytes()
        {
            // Nothing ASCII to scan for ("ß"): scan for the lead bytes of
            // the characters a match can start with.
            let before_end = &hay.as_bytes()[..end.min(hay.len())];
            let mut check = |at: usize| {
                if hay.is_char_boundary(at) && starts_with_lower(&hay[at..], &self.lower) {
                    found(at);
                }
            };
            match leads[..] {
                [a] => memchr::memchr_iter(a, before_end).for_each(&mut check),
                [a, b] => memchr2_iter(a, b, before_end).for_each(&mut check),
                [a, b, c, ..] => memchr::memchr3_iter(a, b, c, before_end).for_each(&mut check),
                [] => {}
            }
            return;
        }
        let mut from = 0;
        while from < end {
            let Some(at) = hay.get(from..).and_then(|rest| self.find(rest)) else {
                return;
            };
            let start = from + at;
            if start >= end {
                return;
            }
            found(start);
            from = start + hay[start..].chars().next().map_or(1, char::len_utf8);
        }
    }

    /// The needle's longest run of ASCII bytes (lower case) and where it
    /// starts, when the needle's layout is fixed and the run is long enough
    /// to be worth a vectorised search.
    fn ascii_run(&self) -> Option<(usize, Vec<u8>)> {
        if !self.fixed_layout {
            return None;
        }
        let bytes = self.lower.as_bytes();
        longest_run(bytes, u8::is_ascii).map(|r| (r.start, bytes[r].to_vec()))
    }

    /// The first bytes of every character whose lower case begins with the
    /// needle's first character, when there are at most three of them.
    fn lead_bytes(&self) -> Option<Vec<u8>> {
        let first = self.lower.chars().next()?;
        let mut leads = vec![first.encode_utf8(&mut [0u8; 4]).as_bytes()[0]];
        for c in (0..=LAST_CASED).filter_map(char::from_u32) {
            if c.to_lowercase().next() == Some(first) {
                let lead = c.encode_utf8(&mut [0u8; 4]).as_bytes()[0];
                if !leads.contains(&lead) {
                    leads.push(lead);
                }
            }
        }
        (leads.len() <= 3).then_some(leads)
    }

    /// For a needle whose matches may differ from it in byte length: its
    /// longest run of ASCII bytes that only ASCII lower-cases to, so that
    /// every match holds the run as it is (in any ASCII case), and the
    /// number of characters before the run. Not `i` or `k`: İ and the
    /// Kelvin sign lower-case to them.
    fn stable_run(&self) -> Option<(usize, Vec<u8>)> {
        let bytes = self.lower.as_bytes();
        let run = longest_run(bytes, |&b| b.is_ascii() && !matches!(b, b'i' | b'k'))?;
        let chars_before = self.lower[..run.start].chars().count();
        Some((chars_before, bytes[run].to_vec()))
    }

    /// Whether the needle matches `hay` starting at byte `start`.
    fn matches_at(&self, hay: &str, start: usize) -> bool {
        if self.ascii {
            return hay
                .as_bytes()
                .get(start..start + self.lower.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(self.lower.as_bytes()));
        }
        hay.is_char_boundary(start) && starts_with_lower(&hay[start..], &self.lower)
    }

    pub fn is_in(&self, hay: &str) -> bool {
        self.find(hay).is_some()
    }

    /// Every match in `hay` as byte ranges, for highlighting.
    pub fn ranges(&self, hay: &str) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        if self.lower.is_empty() {
            return out;
        }
        let mut from = 0;
        while let Some(at) = hay.get(from..).and_then(|rest| self.find(rest)) {
            let start = from + at;
            let end = end_of_match(hay, start, &self.lower);
            if end <= start {
                break;
            }
            out.push(start..end);
            from = end;
        }
        out
    }
}

/// No character past this one has a lower case other than itself (a test
/// checks), so a search for the characters that lower-case to a given one
/// stops here.
const LAST_CASED: u32 = 0x1_FFFF;

/// The longest run of bytes satisfying `keep`, if at least two long.
fn longest_run(bytes: &[u8], keep: impl Fn(&u8) -> bool) -> Option<std::ops::Range<usize>> {
    let mut best = 0..0;
    let mut start = None;
    for i in 0..=bytes.len() {
        match (bytes.get(i).is_some_and(&keep), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if i - s > best.len() {
                    best = s..i;
                }
                start = None;
            }
            _ => {}
        }
    }
    (best.len() >= 2).then_some(best)
}

/// Large texts: lower-cases ASCII a block at a time and finds `run` with a
/// vectorised substring search, handing `verify` each place it starts
/// before `run_end`, in order.
fn for_each_run(
    hay: &str,
    run_end: usize,
    run: &[u8],
    block_len: usize,
    mut verify: impl FnMut(usize, &mut dyn FnMut(usize)),
    found: &mut dyn FnMut(usize),
) {
    let finder = memchr::memmem::Finder::new(run);
    let bytes = hay.as_bytes();
    let mut lowered = Vec::with_capacity(block_len + run.len());
    let mut block = 0;
    while block < run_end.min(bytes.len()) {
        // The block, plus enough to see a run that starts in it.
        let stop = (block + block_len + run.len()).min(bytes.len());
        lowered.clear();
        lowered.extend(bytes[block..stop].iter().map(u8::to_ascii_lowercase));
        for at in finder.find_iter(&lowered) {
            let run_start = block + at;
            if run_start >= block + block_len || run_start >= run_end {
                break;
            }
            verify(run_start, found);
        }
        block += block_len;
    }
}

/// Where a match that starts at `start` ends, counting characters, since
/// lower-casing can change byte lengths.
fn end_of_match(hay: &str, start: usize, lower: &str) -> usize {
    let mut need = lower.chars().count();
    let mut end = start;
    for (i, c) in hay[start..].char_indices() {
        if need == 0 {
            break;
        }
        end = start + i + c.len_utf8();
        need -= c.to_lowercase().count().min(need);
    }
    end
}

fn find_unicode(hay: &str, lower: &str) -> Option<usize> {
    let first = lower.chars().next()?;
    hay.char_indices()
        .filter(|(_, c)| c.to_lowercase().next() == Some(first))
        .find(|&(i, _)| starts_with_lower(&hay[i..], lower))
        .map(|(i, _)| i)
}

fn starts_with_lower(hay: &str, lower: &str) -> bool {
    let mut want = lower.chars();
    for c in hay.chars().flat_map(char::to_lowercase) {
        match want.next() {
            None => return true,
            Some(w) if w == c => {}
            Some(_) => return false,
        }
    }
    want.next().is_none()
}

/// Unicode-aware case-insensitive equality.
pub fn eq_ignore_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ascii_case_insensitively() {
        let n = Needle::new("PuTin");
        assert_eq!(n.find("Witkoff met putin in St Petersburg"), Some(12));
        assert!(n.is_in("PUTIN"));
        assert!(!n.is_in("Puti"));
        assert!(Needle::new("st pete").is_in("in St Petersburg"));
        assert!(!Needle::new("zz").is_in("z"));
    }

    #[test]
    fn finds_non_ascii() {
        assert!(Needle::new("ÉTRANGÈRES").is_in("Affaires étrangères"));
        assert!(Needle::new("мир").is_in("Мир и война"));
        assert_eq!(Needle::new("мир").find("война, МИР"), Some(12));
    }

    #[test]
    fn mixed_needles_use_an_ascii_pivot() {
        assert!(Needle::new("Kraków").is_in("talks in KRAKÓW today"));
        assert!(Needle::new("kraków").is_in("w Krakowie i Kraków"));
        assert!(!Needle::new("kraków").is_in("Krakow"));
        assert!(Needle::new("Straße").is_in("STRASSE Straße"));
        assert!(Needle::new("İstanbul").is_in("in İstanbul"));
        assert_eq!(Needle::new("ès").find("TRÈS"), Some(2));
    }

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
        assert_eq!(Needle::new("ß").lead_bytes(), Some(vec![0xC3, 0xE1]));
        // "i̇" starts with ASCII i, which İ (0xC4) lower-cases to as well.
        assert_eq!(
            Needle::new("i\u{307}").lead_bytes(),
            Some(vec![b'i', b'I', 0xC4])
        );
        let n = Needle::new("ß");
        assert_eq!(n.match_len("ẞ", 0), 3);
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

    proptest::proptest! {
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

        #[test]
        fn agrees_with_lowercasing_both(hay in "[a-zA-Zéàèçôö ÉÀÈÇÔÖ]{0,30}", needle in "[a-zA-Zéèö ÉÖ]{1,4}") {
            let expected = hay.to_lowercase().contains(&needle.to_lowercase());
            proptest::prop_assert_eq!(Needle::new(&needle).is_in(&hay), expected);
        }
    }

    #[test]
    fn ranges_cover_each_match() {
        let hay = "Rubio and rubio and RUBIO";
        let n = Needle::new("rubio");
        let found: Vec<&str> = n.ranges(hay).into_iter().map(|r| &hay[r]).collect();
        assert_eq!(found, ["Rubio", "rubio", "RUBIO"]);
        assert_eq!(Needle::new("È").ranges("éÈ"), vec![2..4]);
    }

    #[test]
    fn equality_ignores_case() {
        assert!(eq_ignore_case("Mr Rubio", "mr rubio"));
        assert!(eq_ignore_case("Émile", "émile"));
        assert!(!eq_ignore_case("Rubio", "Rubi"));
    }
}
