//! Case-insensitive substring search. ASCII needles run on `memchr2` over the
//! needle's rarest byte in both cases, then verify; other needles compare
//! lower-cased text.

use memchr::memchr2_iter;

/// A prepared search string.
#[derive(Debug, Clone)]
pub struct Needle {
    lower: String,
    ascii: bool,
    /// Index in the needle of the byte to scan for.
    pivot: usize,
}

/// English letter frequency, most common first: the scan pivots on the rarest.
const COMMON: &[u8] = b"etaoinshrdlcumwfgypbvkjxqz";

fn rarity(b: u8) -> usize {
    match COMMON.iter().position(|&c| c == b.to_ascii_lowercase()) {
        Some(p) => p + 1,
        None if b == b' ' => 0,
        None => COMMON.len() + 1,
    }
}

impl Needle {
    pub fn new(query: &str) -> Needle {
        let lower = query.to_lowercase();
        let ascii = lower.is_ascii();
        let pivot = if ascii {
            (0..lower.len())
                .max_by_key(|&i| rarity(lower.as_bytes()[i]))
                .unwrap_or(0)
        } else {
            0
        };
        Needle {
            lower,
            ascii,
            pivot,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }

    pub fn as_str(&self) -> &str {
        &self.lower
    }

    /// Byte offset of the first match in `hay`.
    pub fn find(&self, hay: &str) -> Option<usize> {
        if self.lower.is_empty() {
            return Some(0);
        }
        if !self.ascii {
            return find_unicode(hay, &self.lower);
        }
        let needle = self.lower.as_bytes();
        let h = hay.as_bytes();
        if h.len() < needle.len() {
            return None;
        }
        let p = needle[self.pivot];
        for at in memchr2_iter(p, p.to_ascii_uppercase(), &h[self.pivot..]) {
            let start = at;
            match h.get(start..start + needle.len()) {
                Some(window) if window.eq_ignore_ascii_case(needle) => return Some(start),
                Some(_) => {}
                None => return None,
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
