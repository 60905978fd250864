//! Every name in a sentence, left to right, classified as a person's, an
//! organisation's or a country's, with the title and country around it.

use super::words::{HONORIFICS, NOT_NAMES, ORG_WORDS, SAYING, TITLE_GLUE, TITLE_WORDS};
use crate::ingest::places::country_of;
use crate::model::ActorKind;
use crate::model::country::{self, CountryIx};
use crate::timex::scan::{Sentence, TokKind};

/// A mention of an actor in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub name: String,
    pub kind: ActorKind,
    pub title: Option<String>,
    pub country: Option<CountryIx>,
    pub honorific: bool,
    /// A single word that names someone only if already known ("Rubio").
    pub weak: bool,
    /// Two capitalised words with no cue: a person's name if the surname is already a person's.
    pub maybe_person: bool,
}

impl Mention {
    /// A country named as an actor, by its own name.
    fn country(c: CountryIx) -> Mention {
        Mention {
            name: country::name(c).to_string(),
            kind: ActorKind::Country,
            title: None,
            country: Some(c),
            honorific: false,
            weak: false,
            maybe_person: false,
        }
    }
}

/// True when the words around tokens `start..end` say they name a person:
/// a lower-case title before ("envoy Steve Witkoff") or a verb of saying beside.
fn person_cue(s: &Sentence, start: usize, end: usize) -> bool {
    let before = (start.saturating_sub(3)..start).map(|k| s.w(k));
    let titled = before.clone().any(|w| {
        TITLE_WORDS.iter().any(|t| t.eq_ignore_ascii_case(w))
            || matches!(
                w,
                "envoy" | "spokeswoman" | "spokesman" | "analyst" | "head" | "founder"
            )
    });
    let said = SAYING.contains(&s.w(start.wrapping_sub(1)))
        || SAYING.contains(&s.w(end))
        || (s.w(end) == "," && SAYING.contains(&s.w(end + 1)));
    // "Steve Witkoff, President Donald Trump's special envoy": an apposition with a title
    let apposition = s.w(end) == ","
        && (end + 1..end + 8).any(|k| {
            TITLE_WORDS.iter().any(|t| t.eq_ignore_ascii_case(s.w(k))) || s.w(k) == "envoy"
        });
    titled || said || apposition
}

fn capital_word(s: &Sentence, i: usize) -> bool {
    s.kind(i) == Some(TokKind::Word) && s.capital(i)
}

/// Every name in a sentence, left to right.
pub fn mentions(text: &str) -> Vec<Mention> {
    let s = Sentence::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if !capital_word(&s, i) {
            i += 1;
            continue;
        }
        // a run of capitalised words, "of" inside, hyphens glued ("Jean-Noel")
        let start = i;
        let mut end = i + 1;
        loop {
            if capital_word(&s, end) {
                end += 1;
                // a middle initial: "Michael R. Golden"
                if s.orig(end - 1).len() == 1
                    && s.w(end) == "."
                    && s.glued(end)
                    && capital_word(&s, end + 1)
                {
                    end += 1;
                }
            } else if (s.w(end) == "-" && s.glued(end) && s.glued(end + 1) || s.w(end) == "of")
                && capital_word(&s, end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        i = end;
        out.extend(classify(&s, start, end));
    }
    out
}

fn classify(s: &Sentence, start: usize, end: usize) -> Vec<Mention> {
    let word = |k: usize| s.orig(k);
    let mut k = start;
    while k < end && NOT_NAMES.contains(&word(k)) {
        k += 1;
    }
    // "French President", "US special envoy": a country before the title
    let mut country = None;
    let mut title_start = k;
    if k < end
        && let Some(c) = country_of(word(k))
    {
        if k + 1 < end && TITLE_WORDS.contains(&word(k + 1)) {
            country = Some(c);
            k += 1;
        } else if k + 1 == end || !capital_word(s, k + 1) {
            let mut out = vec![Mention::country(c)];
            out.extend(classify(s, k + 1, end));
            return out;
        }
    } else {
        title_start = k;
    }
    let mut honorific = false;
    let mut t = k;
    while t < end {
        let w = word(t);
        if HONORIFICS.contains(&w) {
            honorific = true;
            t += 1;
            if s.w(t) == "." {
                t += 1;
            }
            break;
        }
        if TITLE_WORDS.contains(&w) || (t > k && TITLE_GLUE.contains(&w)) {
            t += 1;
        } else {
            break;
        }
    }
    let name_start = t;
    if name_start >= end {
        return Vec::new();
    }
    let text_of =
        |a: usize, b: usize| -> String { s.text[s.toks[a].start..s.toks[b - 1].end].to_string() };
    let name = text_of(name_start, end);
    let title = (name_start > title_start && !honorific).then(|| text_of(title_start, name_start));
    let n_words = (name_start..end)
        .filter(|&x| s.kind(x) == Some(TokKind::Word))
        .count();
    let org = (name_start..end).any(|x| ORG_WORDS.contains(&word(x)));
    if org {
        // "General Motors", "Foreign Ministry": title words belong to an organisation's name
        return vec![Mention {
            name: text_of(title_start.max(k.min(name_start)), end),
            kind: ActorKind::Organisation,
            title: None,
            country,
            honorific: false,
            weak: false,
            maybe_person: false,
        }];
    }
    let kind = if let Some(c) = country_of(&name) {
        return vec![Mention::country(c)];
    } else if honorific || title.is_some() || (n_words >= 2 && person_cue(s, title_start, end)) {
        ActorKind::Person
    } else if n_words >= 2 {
        // two capitalised words with nothing that says "person": a company, a product, a place
        ActorKind::Organisation
    } else if name.len() >= 2 && name.chars().all(|c| c.is_ascii_uppercase()) {
        ActorKind::Organisation
    } else {
        return vec![Mention {
            name,
            kind: ActorKind::Person,
            title: None,
            country: None,
            honorific: false,
            weak: true,
            maybe_person: false,
        }];
    };
    let maybe_person = kind == ActorKind::Organisation && !org;
    vec![Mention {
        name,
        kind,
        title,
        country,
        honorific,
        weak: false,
        maybe_person,
    }]
}
