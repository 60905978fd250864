//! Case-insensitive substring search. Every needle scans with `memchr2` for
//! one byte in both cases (its rarest ASCII byte, or the lead byte of its
//! first character), then verifies each candidate; nothing is lower-cased
//! or copied per haystack.

mod pair;
mod scan;
mod words;

pub use words::{Highlighter, holds, words};

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
    /// False when casing changes a character's UTF-8 length (İ, ß): a
    /// match may then differ from the needle in byte length.
    fixed_layout: bool,
    /// For such a needle, the run of ASCII every match holds as it is, and
    /// the number of characters before it ([`scan::stable_run`]).
    stable: Option<(usize, Vec<u8>)>,
    /// The first bytes a match can begin with ([`scan::lead_bytes`]),
    /// found on first use.
    leads: std::sync::OnceLock<Vec<u8>>,
    /// The byte counts the needle was made with, to pick the bytes a scan
    /// compares first.
    counts: std::sync::Arc<ByteCounts>,
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
        let stable = if fixed_layout {
            None
        } else {
            scan::stable_run(&lower)
        };
        Needle {
            lower,
            ascii,
            pivot,
            scan,
            fixed_layout,
            stable,
            leads: std::sync::OnceLock::new(),
            counts: std::sync::Arc::new(*counts),
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
            // Every match holds the stable run: most texts are ruled out
            // without lower-casing them.
            if let Some((_, run)) = &self.stable
                && !hay
                    .as_bytes()
                    .windows(run.len())
                    .any(|w| w.eq_ignore_ascii_case(run))
            {
                return None;
            }
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
        // ASCII lower-cases to one character: no table to look up.
        let n = if c.is_ascii() {
            1
        } else {
            c.to_lowercase().count()
        };
        need -= n.min(need);
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
    for c in hay.chars() {
        if c.is_ascii() {
            // No table to look up for ASCII, the most of any text.
            match want.next() {
                None => return true,
                Some(w) if w == c.to_ascii_lowercase() => continue,
                Some(_) => return false,
            }
        }
        for l in c.to_lowercase() {
            match want.next() {
                None => return true,
                Some(w) if w == l => {}
                Some(_) => return false,
            }
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

    proptest::proptest! {
        #[test]
        fn agrees_with_lowercasing_both(hay in "[a-zA-Zéàèçôö ÉÀÈÇÔÖ]{0,30}", needle in "[a-zA-Zéèö ÉÖ]{1,4}") {
            let expected = hay.to_lowercase().contains(&needle.to_lowercase());
            proptest::prop_assert_eq!(Needle::new(&needle).is_in(&hay), expected);
        }

        /// Needles whose casing keeps byte lengths take the fast path, which
        /// leaves out the Kelvin sign (K, lower-cased "k"): they are not here.
        #[test]
        fn agrees_with_lowercasing_when_casing_changes_lengths(
            hay in "[abkisSßẞİK\u{212a}\u{307} ]{0,24}",
            needle in "(ßab|abß|ßkab|ßabi\u{307}|ssab|stra|ß|ẞß|i\u{307}s)",
        ) {
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
