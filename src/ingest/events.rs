//! Candidate events: one for each happening the text dates, with its
//! date and derivation from the tagger, a status from tense and modality,
//! and the sentence itself as summary and verbatim quote.

use crate::model::Status;
use crate::model::date::{DateValue, day_number};
use crate::model::derive::Rule;
use crate::timex::{self, Anchor, Kind, Tense, Timex};
use chrono::NaiveDate;

/// What the date of a candidate event is counted from.
#[derive(Debug, Clone, PartialEq)]
pub enum From {
    Source,
    /// The index of another candidate event.
    Event(usize),
}

/// One candidate event, before actors are attached.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub title: String,
    pub sentence: String,
    /// Character span of the sentence (the quote).
    pub start: usize,
    pub end: usize,
    /// Byte span of the sentence.
    pub bytes: std::ops::Range<usize>,
    pub date: DateValue,
    pub phrase: String,
    pub rule: Rule,
    pub from: From,
    pub status: Status,
    /// The text says it follows the event it counts from ("the following day").
    pub follows: bool,
}

/// Words that make a happening expected rather than certain.
const EXPECTED: &[&str] = &[
    "expected", "likely", "may", "might", "could", "possible", "probably",
];

/// A date written in full at the head of a line, equal to the publication
/// day ("date 2025-04-16 ..."): the article's own dateline, not a happening.
fn is_dateline(text: &str, t: &Timex, published: NaiveDate) -> bool {
    let Some(d) = &t.derived else { return false };
    if !matches!(d.rule, Rule::AsWritten(_))
        || d.date.earliest() != Some(day_number(published))
        || d.date.latest() != Some(day_number(published))
    {
        return false;
    }
    // only a short way back: a dateline opens its line
    let mut from = t.bytes.start.saturating_sub(64);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let line_start = match text[from..t.bytes.start].rfind('\n') {
        Some(p) => from + p + 1,
        None if from == 0 => 0,
        None => return false,
    };
    let before = text[line_start..t.bytes.start]
        .trim()
        .trim_end_matches(':')
        .to_ascii_lowercase();
    matches!(
        before.as_str(),
        "" | "date" | "dated" | "published" | "updated" | "posted"
    )
}

/// The status of a happening from the words before its date and the date itself.
fn status(sentence: &str, t: &Timex, date: &DateValue, published: NaiveDate) -> Status {
    let lower = sentence.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| EXPECTED.contains(w)) {
        return Status::Expected;
    }
    // "has been arrested" -> occurred; "has been fighting" -> ongoing
    if let Some(k) = words
        .windows(2)
        .position(|w| matches!(w[0], "has" | "have") && w[1] == "been")
    {
        return match words.get(k + 2) {
            Some(w) if w.ends_with("ing") => Status::Ongoing,
            _ => Status::Occurred,
        };
    }
    let today = day_number(published);
    let future = date.earliest().is_some_and(|d| d > today);
    let past = date.latest().is_some_and(|d| d < today);
    match t.tense {
        Tense::Future => Status::Scheduled,
        Tense::Present if future => Status::Scheduled,
        Tense::Present => Status::Ongoing,
        Tense::Past => Status::Occurred,
        Tense::Unknown if future => Status::Scheduled,
        Tense::Unknown if past => Status::Occurred,
        Tense::Unknown => Status::Occurred,
    }
}

/// Prepositions that belong to a date, left out of a title.
const DATE_PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "by", "during", "since", "until", "from", "over",
];

/// A title from the sentence's own words: the sentence without its date, at most twelve words.
fn title(sentence: &str, date_at: std::ops::Range<usize>) -> String {
    let before: Vec<&str> = sentence[..date_at.start].split_whitespace().collect();
    let mut before = before;
    if before
        .last()
        .is_some_and(|w| DATE_PREPOSITIONS.contains(&w.to_ascii_lowercase().as_str()))
    {
        before.pop();
    }
    let after = sentence[date_at.end..].trim_start_matches([',', ' ']);
    let words: Vec<&str> = before.into_iter().chain(after.split_whitespace()).collect();
    let mut out = words.iter().take(12).copied().collect::<Vec<_>>().join(" ");
    while out.ends_with(['.', ',', ';', ':', '(', '-']) {
        out.pop();
    }
    let out = out
        .trim_start_matches(['“', '"', '(', '‘', '\'', '`'])
        .to_string();
    if out.is_empty() {
        sentence.trim().to_string()
    } else {
        out
    }
}

/// "more than three years after Russia launched the war": the clause after
/// "after" happened before the anchor minus that many years.
fn years_after(text: &str, t: &Timex) -> Option<Rule> {
    if t.kind != Kind::Duration || !t.text.to_ascii_lowercase().starts_with("more than") {
        return None;
    }
    let n: u32 = t.value.strip_prefix('P')?.strip_suffix('Y')?.parse().ok()?;
    text[t.bytes.end..]
        .trim_start()
        .starts_with("after ")
        .then_some(Rule::MoreThanYearsBefore(n))
}

/// Adverbs that may stand between "has" and its participle.
const PERFECT_ADVERBS: &[&str] = &[
    "effectively",
    "already",
    "also",
    "not",
    "never",
    "long",
    "repeatedly",
    "recently",
    "since",
    "now",
    "just",
    "largely",
    "so",
    "far",
    "still",
    "previously",
    "reportedly",
];

/// Past participles that do not end in -ed or -en.
const PARTICIPLES: &[&str] = &[
    "made", "kept", "said", "held", "met", "led", "been", "won", "lost", "paid", "sent", "spent",
    "left", "brought", "bought", "taught", "told", "sold", "found", "built", "put", "set", "cut",
    "hit", "begun", "done", "gone", "seen", "grown", "shown", "known", "drawn", "thrown", "flown",
    "struck", "fought", "sought", "thought", "felt", "heard", "won", "become", "come", "run",
];

/// "has effectively refused", "have been held": a present perfect, as (byte span, ongoing).
fn present_perfect(sentence: &str) -> Option<(std::ops::Range<usize>, bool)> {
    let s = crate::timex::scan::Sentence::new(sentence);
    for i in 0..s.len() {
        if !matches!(s.w(i), "has" | "have") {
            continue;
        }
        // "could have affected" is no perfect of something that happened
        if matches!(
            s.w(i.wrapping_sub(1)),
            "could" | "would" | "should" | "might" | "must" | "may" | "will" | "to"
        ) {
            continue;
        }
        let mut j = i + 1;
        while PERFECT_ADVERBS.contains(&s.w(j)) {
            j += 1;
        }
        let w = s.w(j);
        let participle =
            PARTICIPLES.contains(&w) || (w.len() > 3 && (w.ends_with("ed") || w.ends_with("en")));
        if !participle {
            continue;
        }
        let mut end = j;
        let mut ongoing = false;
        if w == "been" {
            let next = s.w(j + 1);
            if next.ends_with("ing") {
                ongoing = true;
                end = j + 1;
            } else if next.ends_with("ed") || next.ends_with("en") || PARTICIPLES.contains(&next) {
                end = j + 1;
            }
        }
        return Some((s.toks[i].start..s.toks[end].end, ongoing));
    }
    None
}

/// Sentences with no date of their own but a present perfect ("Moscow has
/// refused"): something that happened before the article.
fn perfect_candidates(text: &str, published: NaiveDate, out: &mut Vec<Candidate>) {
    let dated: std::collections::HashSet<usize> = out.iter().map(|c| c.bytes.start).collect();
    let Some(date) = Rule::BeforeAnchor.apply(published) else {
        return;
    };
    let (mut byte, mut chars) = (0, 0);
    for (base, raw) in timex::scan::sentences(text) {
        let lead = raw.len() - raw.trim_start().len();
        let sentence = raw.trim();
        let s0 = base + lead;
        if sentence.is_empty() || dated.contains(&s0) {
            continue;
        }
        let Some((span, ongoing)) = present_perfect(sentence) else {
            continue;
        };
        chars += text[byte..s0].chars().count();
        byte = s0;
        let start = chars;
        out.push(Candidate {
            title: title(sentence, 0..0),
            sentence: sentence.to_string(),
            start,
            end: start + sentence.chars().count(),
            bytes: s0..s0 + sentence.len(),
            date,
            phrase: sentence[span].to_string(),
            rule: Rule::BeforeAnchor,
            from: From::Source,
            status: if ongoing {
                Status::Ongoing
            } else {
                Status::Occurred
            },
            follows: false,
        });
    }
}

/// Every candidate event of a text.
pub fn candidates(text: &str, published: NaiveDate) -> Vec<Candidate> {
    let all = timex::tag(text, published);
    let mut out: Vec<Candidate> = Vec::new();
    // index of the candidate made from each expression, for anaphoric anchors
    let mut made_from: Vec<Option<usize>> = vec![None; all.len()];
    for (ix, t) in all.iter().enumerate() {
        let (date, rule, from, phrase) = if let Some(rule) = years_after(text, t) {
            let Some(date) = rule.apply(published) else {
                continue;
            };
            let end = text[t.bytes.end..]
                .find(['.', ',', ';'])
                .map_or(text.len(), |p| t.bytes.end + p);
            (
                date,
                rule,
                From::Source,
                text[t.bytes.start..end].trim().to_string(),
            )
        } else {
            let Some(d) = &t.derived else { continue };
            // "the lowest since October 9, 2002": a point of comparison, not when it happened
            let before = text[t.sentence.start..t.bytes.start]
                .split_whitespace()
                .next_back();
            if before.is_some_and(|w| w.eq_ignore_ascii_case("since")) {
                continue;
            }
            if !matches!(t.kind, Kind::Date | Kind::Time)
                || t.value.ends_with("_REF")
                || is_dateline(text, t, published)
            {
                continue;
            }
            let (rule, from) = match d.anchor {
                Anchor::Published => (d.rule, From::Source),
                Anchor::Expression(a) => match made_from.get(a).copied().flatten() {
                    Some(e) => (d.rule, From::Event(e)),
                    None => (Rule::AsWritten(d.date), From::Source),
                },
            };
            (d.date, rule, from, t.text.clone())
        };
        // the sentence, without the spaces around it (nor a dateline that opens it)
        let mut from_byte = t.sentence.start;
        if let Some(d) = all[..ix]
            .iter()
            .rev()
            .take_while(|d| d.sentence == t.sentence)
            .find(|d| is_dateline(text, d, published))
        {
            from_byte = d.bytes.end;
        }
        let raw = &text[from_byte..t.sentence.end];
        let lead = raw.len() - raw.trim_start().len();
        let sentence = raw.trim();
        if sentence.is_empty() {
            continue;
        }
        let s0 = from_byte + lead;
        let mut same_sentence = out.iter().rev().take_while(|c| c.bytes.start == s0);
        if same_sentence.any(|c| c.date == date) {
            continue; // the same sentence and date: one happening
        }
        let start = t.start - text[s0..t.bytes.start].chars().count();
        let end = start + sentence.chars().count();
        let local = t.bytes.start - s0..t.bytes.end - s0;
        made_from[ix] = Some(out.len());
        out.push(Candidate {
            title: title(sentence, local),
            sentence: sentence.to_string(),
            start,
            end,
            bytes: s0..s0 + sentence.len(),
            status: status(sentence, t, &date, published),
            follows: matches!(from, From::Event(_)),
            date,
            phrase,
            rule,
            from,
        });
    }
    inherited_candidates(text, &mut out);
    perfect_candidates(text, published, &mut out);
    out
}

/// How many sentences back a planned day still dates what follows.
const INHERIT_WINDOW: usize = 3;

/// "Rubio will be in Paris on Thursday. Macron will meet him": a sentence
/// that says what will happen, with no planned date of its own, happens on
/// the day the last sentences planned. Its derivation says so: the same day
/// as that event.
fn inherited_candidates(text: &str, out: &mut Vec<Candidate>) {
    let mut by_sentence: std::collections::HashMap<usize, Vec<usize>> = Default::default();
    for (i, c) in out.iter().enumerate() {
        by_sentence.entry(c.bytes.start).or_default().push(i);
    }
    let mut planned: Option<(usize, usize)> = None; // (candidate, sentence number)
    let (mut byte, mut chars) = (0, 0);
    for (n, (base, raw)) in timex::scan::sentences(text).enumerate() {
        let lead = raw.len() - raw.trim_start().len();
        let sentence = raw.trim();
        let s0 = base + lead;
        let own = by_sentence.get(&s0).map_or(&[][..], Vec::as_slice);
        let day_planned = own
            .iter()
            .copied()
            .find(|&i| out[i].status == Status::Scheduled && out[i].date.is_exact_day());
        if let Some(i) = day_planned {
            planned = Some((i, n));
            continue;
        }
        let future = {
            let s = crate::timex::scan::Sentence::new(sentence);
            (0..s.len()).any(|k| {
                s.w(k) == "will" || s.w(k) == "ll" && matches!(s.w(k.wrapping_sub(1)), "'" | "’")
            })
        };
        let Some((from, _)) = planned.filter(|(_, at)| n - at <= INHERIT_WINDOW) else {
            continue;
        };
        if !future || sentence.is_empty() {
            continue;
        }
        chars += text[byte..s0].chars().count();
        byte = s0;
        let source = &out[from];
        let c = Candidate {
            title: title(sentence, 0..0),
            sentence: sentence.to_string(),
            start: chars,
            end: chars + sentence.chars().count(),
            bytes: s0..s0 + sentence.len(),
            date: source.date,
            phrase: source.phrase.clone(),
            rule: Rule::SameDay,
            from: From::Event(from),
            status: Status::Scheduled,
            follows: false,
        };
        out.push(c);
        // a run of plans keeps the day: each one counts from the last
        planned = Some((from, n));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wed() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 4, 16).unwrap()
    }

    fn one(text: &str) -> Candidate {
        let mut all = candidates(text, wed());
        assert_eq!(all.len(), 1, "{text}");
        all.remove(0)
    }

    #[test]
    fn status_from_tense_and_modality() {
        assert_eq!(
            one("The minister will visit Rome on Thursday.").status,
            Status::Scheduled
        );
        assert_eq!(
            one("She is scheduled to visit on Thursday.").status,
            Status::Scheduled
        );
        assert_eq!(
            one("More talks are expected on Saturday.").status,
            Status::Expected
        );
        assert_eq!(
            one("Police have been searching since last month.").status,
            Status::Ongoing
        );
        assert_eq!(
            one("He has been arrested last week.").status,
            Status::Occurred
        );
        assert_eq!(
            one("The envoy met Putin last Friday.").status,
            Status::Occurred
        );
        assert_eq!(
            one("Vance is visiting Italy later in the week.").status,
            Status::Scheduled
        );
    }

    #[test]
    fn titles_and_quotes_are_the_sentence_s_own_words() {
        let c = one("Intro.\nThe envoy met Putin last Friday in St Petersburg.");
        assert_eq!(c.title, "The envoy met Putin in St Petersburg");
        assert_eq!(
            c.sentence,
            "The envoy met Putin last Friday in St Petersburg."
        );
        assert_eq!((c.start, c.end), (7, 7 + c.sentence.chars().count()));
    }

    #[test]
    fn a_date_after_since_is_no_happening_s_date() {
        assert!(candidates("It was the lowest close since October 9, 2002.", wed()).is_empty());
    }

    #[test]
    fn the_dateline_is_not_a_happening() {
        assert!(candidates("Headline\n2025-04-16\nNothing dated here.", wed()).is_empty());
    }

    #[test]
    fn a_present_perfect_happened_before_the_article() {
        let c = one("Moscow has effectively refused to accept a ceasefire.");
        assert_eq!(
            (c.phrase.as_str(), c.date.edtf()),
            ("has effectively refused", "../2025-04-15".to_string())
        );
        let c = one("Rebels have been fighting in the north.");
        assert_eq!(c.status, Status::Ongoing);
        assert!(candidates("They talk a lot.", wed()).is_empty());
    }

    #[test]
    fn what_will_happen_next_takes_the_planned_day() {
        let all = candidates(
            "Rubio will be in Paris on Thursday. Macron will meet him. Talks ended.",
            wed(),
        );
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].sentence, "Macron will meet him.");
        assert_eq!(
            (all[1].date.edtf(), &all[1].from),
            ("2025-04-17".to_string(), &From::Event(0))
        );
    }

    #[test]
    fn years_after_dates_the_clause() {
        let c = one("Peace talks came more than three years after Russia launched the war.");
        assert_eq!(c.date.edtf(), "../2022-04-15");
        assert_eq!(
            c.phrase,
            "more than three years after Russia launched the war"
        );
    }

    #[test]
    fn a_following_day_is_anchored_on_its_event() {
        let all = candidates(
            "The plane crashed on March 3. The following day, rescuers arrived.",
            wed(),
        );
        assert_eq!(all[1].from, From::Event(0));
        assert_eq!(all[1].date.edtf(), "2025-03-04");
    }
}
