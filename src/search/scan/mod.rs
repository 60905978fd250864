//! Scanning long texts (the text store's segments) for every match of a
//! needle: by a vectorised search for an ASCII run of it where it has one,
//! else by the lead bytes a match can begin with.

use super::pair::RunFinder;
use super::{Needle, end_of_match, starts_with_lower};
use memchr::memchr2_iter;

impl Needle {
    /// Whether a scan of a long text finds every match of this needle
    /// ([`Needle::for_each_match`]) without checking character by character
    /// from every position.
    pub fn scans_fast(&self) -> bool {
        self.fixed_layout || self.stable.is_some() || self.leads().is_some()
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
        if let Some(anchor) = self.anchor(0) {
            let needles = std::slice::from_ref(self);
            return scan_anchors(hay, end, needles, &mut [anchor], block_len, &mut |at, _| {
                found(at)
            });
        }
        if let Some(leads) = self.leads() {
            // Nothing ASCII to scan for ("ß"): scan for the lead bytes of
            // the characters a match can start with.
            let before_end = &hay.as_bytes()[..end.min(hay.len())];
            let mut check = |at: usize| {
                if self.matches_at(hay, at) {
                    found(at);
                }
            };
            match *leads {
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

    /// Calls `found(start, i)` for every match of `needles[i]` that starts
    /// before `end`, for every needle, in one pass over `hay` for all that
    /// hold a run of ASCII: each block is lower-cased once and searched for
    /// every run while it is in cache, and needles that share a run (the
    /// spellings of one word: "krakow" and "kraków" share "krak") are
    /// found by one search for it. The matches come block by block, so
    /// about in increasing order; a start may be reported twice when a
    /// needle holds the shared run twice.
    pub fn for_each_match_of_any(
        needles: &[Needle],
        hay: &str,
        end: usize,
        found: &mut dyn FnMut(usize, usize),
    ) {
        if let [one] = needles {
            return one.for_each_match(hay, end, |at| found(at, 0));
        }
        let mut anchors = Vec::new();
        match shared_run(needles) {
            Some(anchor) => anchors.push(anchor),
            None => {
                for (i, needle) in needles.iter().enumerate() {
                    match needle.anchor(i) {
                        Some(anchor) => anchors.push(anchor),
                        None => needle.for_each_match(hay, end, |at| found(at, i)),
                    }
                }
            }
        }
        scan_anchors(hay, end, needles, &mut anchors, 256 << 10, found);
    }

    /// The run of ASCII every match of this needle holds, and where, for
    /// the needle numbered `i` of a scan.
    fn anchor(&self, i: usize) -> Option<Anchor> {
        if let Some((at, run)) = self.ascii_run() {
            return Some(Anchor {
                run,
                members: vec![(i, Place::At(at), None)],
            });
        }
        let (chars_before, run) = self.stable.as_ref()?;
        // The text before the run is at most four bytes for each
        // character of the needle before it.
        Some(Anchor {
            run: run.clone(),
            members: vec![(i, Place::Within(4 * chars_before), None)],
        })
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

    /// The lead bytes to scan for, for a needle that changes byte lengths
    /// when lower-cased and has no stable run.
    fn leads(&self) -> Option<&[u8]> {
        if self.fixed_layout || self.stable.is_some() {
            return None;
        }
        let leads = self.first_bytes();
        (leads.len() <= 3).then_some(leads)
    }

    /// Every first byte a match can begin with.
    fn first_bytes(&self) -> &[u8] {
        self.leads.get_or_init(|| lead_bytes(&self.lower))
    }

    /// Whether a match can begin with byte `b`: a cheap test before
    /// [`Needle::matches_at`] at starts that are only possible.
    fn may_start_with(&self, b: u8) -> bool {
        self.lower.is_empty() || self.first_bytes().contains(&b)
    }

    /// Whether the needle matches `hay` starting at byte `start`.
    fn matches_at(&self, hay: &str, start: usize) -> bool {
        if self.ascii {
            return hay
                .as_bytes()
                .get(start..start + self.lower.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(self.lower.as_bytes()));
        }
        if !hay.is_char_boundary(start) {
            return false;
        }
        if self.fixed_layout {
            return starts_with_lower_fixed(&hay[start..], &self.lower);
        }
        starts_with_lower(&hay[start..], &self.lower)
    }
}

/// [`starts_with_lower`] without lower-casing through an iterator per
/// character while each character of `hay` lower-cases to one: then they
/// pair up with the characters of `lower` one to one.
fn starts_with_lower_fixed(hay: &str, lower: &str) -> bool {
    let mut chars = hay.chars();
    for want in lower.chars() {
        let Some(c) = chars.next() else {
            return false;
        };
        if c == want || (c.is_ascii() && c.to_ascii_lowercase() == want) {
            continue;
        }
        if c.is_ascii() {
            return false;
        }
        let mut lowered = c.to_lowercase();
        match (lowered.next(), lowered.next()) {
            (Some(l), None) if l == want => {}
            (Some(_), None) => return false,
            // Lower-cases to more than one character (İ): counted the long way.
            _ => return starts_with_lower(hay, lower),
        }
    }
    true
}

/// The shortest of the needles' runs (each one's ASCII run, or stable run
/// when casing may change its byte lengths) when every needle holds it
/// where every match holds it too, with where it stands in each (every
/// place, when more than once): "istanbul" and "i̇stanbul" share "stanbul".
fn shared_run(needles: &[Needle]) -> Option<Anchor> {
    let runs: Vec<Vec<u8>> = needles
        .iter()
        .map(|n| match n.ascii_run() {
            Some((_, run)) => Some(run),
            None => n.stable.as_ref().map(|(_, run)| run.clone()),
        })
        .collect::<Option<_>>()?;
    let run = runs.into_iter().min_by_key(Vec::len)?;
    // A needle whose casing may change byte lengths can only use a run of
    // bytes no other character lower-cases to (see [`stable_run`]).
    let stable = !run.iter().any(|b| matches!(b, b'i' | b'k'));
    let mut members = Vec::new();
    for (i, n) in needles.iter().enumerate() {
        if !n.fixed_layout && !stable {
            return None;
        }
        let before = members.len();
        for off in memchr::memmem::find_iter(n.lower.as_bytes(), &run) {
            let place = if n.fixed_layout {
                Place::At(off)
            } else {
                // At most four bytes of text for each character before.
                Place::Within(4 * n.lower[..off].chars().count())
            };
            members.push((i, place, None));
        }
        if members.len() == before {
            return None;
        }
    }
    Some(Anchor { run, members })
}

/// No character past this one has a lower case other than itself (a test
/// checks), so a search for the characters that lower-case to a given one
/// stops here.
const LAST_CASED: u32 = 0x1_FFFF;

/// The first bytes of every character whose lower case begins with the
/// first character of `lower`.
pub(super) fn lead_bytes(lower: &str) -> Vec<u8> {
    let Some(first) = lower.chars().next() else {
        return Vec::new();
    };
    let mut leads = vec![first.encode_utf8(&mut [0u8; 4]).as_bytes()[0]];
    for &(_, lead) in other_cases().iter().filter(|(l, _)| *l == first) {
        if !leads.contains(&lead) {
            leads.push(lead);
        }
    }
    leads
}

/// Every character whose lower case begins with a character other than
/// itself, as that character and its own first byte: found once, by
/// walking every cased character.
fn other_cases() -> &'static [(char, u8)] {
    static TABLE: std::sync::OnceLock<Vec<(char, u8)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..=LAST_CASED)
            .filter_map(char::from_u32)
            .filter_map(|c| {
                let lower = c.to_lowercase().next().filter(|&l| l != c)?;
                Some((lower, c.encode_utf8(&mut [0u8; 4]).as_bytes()[0]))
            })
            .collect()
    })
}

/// For a needle whose matches may differ from it in byte length: its
/// longest run of ASCII bytes that only ASCII lower-cases to, so that every
/// match holds the run as it is (in any ASCII case), and the number of
/// characters before the run. Not `i` or `k`: İ and the Kelvin sign
/// lower-case to them.
pub(super) fn stable_run(lower: &str) -> Option<(usize, Vec<u8>)> {
    let bytes = lower.as_bytes();
    let run = longest_run(bytes, |&b| b.is_ascii() && !matches!(b, b'i' | b'k'))?;
    let chars_before = lower[..run.start].chars().count();
    Some((chars_before, bytes[run].to_vec()))
}

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

/// Where a needle holds its anchor's run.
#[derive(Debug, Clone, Copy)]
enum Place {
    /// Exactly this many bytes in: the needle's layout is fixed.
    At(usize),
    /// At most this many bytes in: casing may change the length of what
    /// comes before the run (İ, ẞ).
    Within(usize),
}

/// A run of ASCII to search for, and the needles that hold it: each by
/// its number, where it holds the run, and the last start it reported
/// (for [`Place::Within`], whose look-backs overlap).
#[derive(Debug)]
struct Anchor {
    run: Vec<u8>,
    members: Vec<(usize, Place, Option<usize>)>,
}

/// Large texts: searches a block at a time for every anchor's run, in
/// any ASCII case, while the block is in cache ([`RunFinder`]), then
/// checks each needle that holds the run where it would start, reporting
/// `found(start, needle)` for starts before `end`.
fn scan_anchors(
    hay: &str,
    end: usize,
    needles: &[Needle],
    anchors: &mut [Anchor],
    block_len: usize,
    found: &mut dyn FnMut(usize, usize),
) {
    let finders: Vec<RunFinder> = anchors
        .iter()
        .filter_map(|a| {
            let (first, _, _) = a.members.first()?;
            Some(RunFinder::new(&a.run, &needles[*first].counts))
        })
        .collect();
    if finders.len() != anchors.len() {
        return;
    }
    let reach = anchors
        .iter()
        .flat_map(|a| &a.members)
        .map(|&(_, place, _)| match place {
            Place::At(n) | Place::Within(n) => n,
        })
        .max()
        .unwrap_or(0);
    let bytes = hay.as_bytes();
    let last_run = (end + reach).min(bytes.len());
    let mut block = 0;
    while block < last_run {
        let stop = (block + block_len).min(last_run);
        for (anchor, finder) in anchors.iter_mut().zip(&finders) {
            finder.for_each(bytes, block, stop, &mut |run_start| {
                for (i, place, last) in &mut anchor.members {
                    let needle = &needles[*i];
                    match *place {
                        Place::At(off) => {
                            if let Some(start) = run_start.checked_sub(off)
                                && start < end
                                && needle.matches_at(hay, start)
                            {
                                found(start, *i);
                            }
                        }
                        Place::Within(reach) => {
                            let from = run_start.saturating_sub(reach);
                            let before = bytes.get(from..=run_start).unwrap_or_default();
                            for (start, &b) in (from..).zip(before) {
                                if start >= end || last.is_some_and(|l| start <= l) {
                                    continue;
                                }
                                if needle.may_start_with(b) && needle.matches_at(hay, start) {
                                    *last = Some(start);
                                    found(start, *i);
                                }
                            }
                        }
                    }
                }
            });
        }
        block += block_len;
    }
}

#[cfg(test)]
mod tests;
