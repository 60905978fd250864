//! The people, organisations and countries a sentence names, with their
//! titles, merged so that "Mr Rubio", "Marco Rubio" and "Rubio" are one
//! actor, and reusing the ids of a timeline given with `--actors`.

use super::places::country_of;
use crate::model::country::{self, CountryIx};
use crate::model::{ActorKind, Timeline};
use crate::timex::scan::{Sentence, TokKind};

/// An actor of the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub title: Option<String>,
    pub country: Option<CountryIx>,
    pub aliases: Vec<String>,
}

/// Words that open a title before a name: "Prime Minister", "US special envoy".
const TITLE_WORDS: &[&str] = &[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Foreign",
    "Secretary",
    "Chancellor",
    "Governor",
    "Senator",
    "Sen",
    "Rep",
    "Representative",
    "General",
    "Gen",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Chief",
    "Executive",
    "CEO",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Spokesman",
    "Spokeswoman",
    "Ambassador",
    "Mayor",
    "Judge",
    "Justice",
    "Director",
    "Commissioner",
    "Envoy",
    "Special",
    "Speaker",
    "Leader",
    "Admiral",
    "Colonel",
    "Captain",
    "Defence",
    "Defense",
    "Finance",
    "Interior",
    "Deputy",
    "Sheikh",
    "Crown",
    "Premier",
    "Analyst",
    "Economist",
    "Officer",
    "Founder",
    "Co-founder",
];

/// Words that may follow a title word inside the title: "Secretary of State".
const TITLE_GLUE: &[&str] = &["of", "State", "the", "Affairs", "Trade", "Energy", "Health"];

/// Honorifics: the name after them is a person's.
const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Dr", "Sir", "Lord", "Lady", "Dame"];

/// Words that make a name an organisation's.
const ORG_WORDS: &[&str] = &[
    "Department",
    "Ministry",
    "Office",
    "House",
    "Council",
    "Union",
    "Party",
    "Agency",
    "Association",
    "Fund",
    "Court",
    "Commission",
    "Army",
    "Force",
    "Forces",
    "Corporation",
    "Corp",
    "Inc",
    "Ltd",
    "LLC",
    "PLC",
    "Company",
    "Group",
    "Bank",
    "Airlines",
    "Airways",
    "Motors",
    "Exchange",
    "University",
    "Committee",
    "Parliament",
    "Congress",
    "Senate",
    "Administration",
    "Government",
    "Organisation",
    "Organization",
    "Institute",
    "Reserve",
    "Authority",
    "Board",
    "Federation",
    "Nations",
    "Times",
    "Post",
    "News",
    "Press",
    "Pentagon",
    "Kremlin",
    "Nato",
    "NATO",
    "Commission",
    "Service",
    "Bureau",
    "Police",
    "Navy",
    "Systems",
    "Industries",
    "Holdings",
    "Media",
    "Network",
    "Club",
    "League",
    "Foundation",
    "Coalition",
];

/// Capitalised words that start sentences without naming anyone.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "More",
    "Both",
    "Several",
    "There",
    "It",
    "Its",
    "This",
    "That",
    "These",
    "Those",
    "They",
    "She",
    "He",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "After",
    "Before",
    "While",
    "As",
    "For",
    "From",
    "With",
    "By",
    "If",
    "When",
    "Since",
    "Until",
    "During",
    "Some",
    "Many",
    "Most",
    "All",
    "No",
    "Not",
    "So",
    "Yet",
    "However",
    "Meanwhile",
    "Also",
    "Other",
    "Another",
    "Each",
    "Every",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Last",
    "Next",
    "This",
    "Earlier",
    "Later",
    "Photo",
    "Pool",
    "Via",
    "According",
    "Although",
    "Despite",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Which",
    "Under",
    "Over",
    "Between",
    "Among",
    "Into",
    "About",
    "Against",
    "Instead",
    "Because",
    "Such",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Middle",
    "East",
    "West",
    "North",
    "South",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "St",
    "New",
    "Los",
    "San",
    "Saint",
    "Prior",
];

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

/// Verbs of saying: the name next to one is a person's.
const SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "stated",
    "added",
    "announced",
    "explained",
    "wrote",
];

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
            let mut out = vec![Mention {
                name: country::name(c).to_string(),
                kind: ActorKind::Country,
                title: None,
                country: Some(c),
                honorific: false,
                weak: false,
                maybe_person: false,
            }];
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
        return vec![Mention {
            name: country::name(c).to_string(),
            kind: ActorKind::Country,
            title: None,
            country: Some(c),
            honorific: false,
            weak: false,
            maybe_person: false,
        }];
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

/// The actors of a draft, as mentions add up.
#[derive(Default)]
pub struct Registry {
    pub actors: Vec<Actor>,
    /// (kind, name, alias or a person's surname) -> index, so a long text stays linear.
    index: std::collections::HashMap<(u8, String), usize>,
}

fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "actor".into() } else { out }
}

fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

impl Registry {
    fn keys(kind: ActorKind, name: &str) -> Vec<(u8, String)> {
        let mut keys = vec![(kind as u8, name.to_string())];
        if kind == ActorKind::Person {
            keys.push((kind as u8 | 0x80, surname(name).to_string()));
        }
        keys
    }

    fn remember(&mut self, ix: usize, kind: ActorKind, name: &str) {
        for k in Self::keys(kind, name) {
            self.index.entry(k).or_insert(ix);
        }
    }

    /// The id for a mention, adding or merging an actor; reuses `known`'s ids.
    pub fn add(&mut self, m: &Mention, known: Option<&Timeline>) -> Option<String> {
        let person_key = (ActorKind::Person as u8 | 0x80, surname(&m.name).to_string());
        if m.maybe_person && self.index.contains_key(&person_key) {
            let as_person = Mention {
                kind: ActorKind::Person,
                maybe_person: false,
                ..m.clone()
            };
            return self.add(&as_person, known);
        }
        // a person named by surname alone joins the person of that surname
        let found = Self::keys(m.kind, &m.name)
            .into_iter()
            .find_map(|k| self.index.get(&k).copied());
        if let Some(ix) = found {
            let a = &mut self.actors[ix];
            // "Marco Rubio" after "Mr Rubio": keep the fuller name
            if m.name.len() > a.name.len() && m.kind == ActorKind::Person {
                let old = std::mem::replace(&mut a.name, m.name.clone());
                a.aliases.push(old);
            } else if a.name != m.name && !a.aliases.contains(&m.name) && a.aliases.len() < 16 {
                a.aliases.push(m.name.clone());
            }
            if a.title.is_none() {
                a.title = m.title.clone();
            }
            if a.country.is_none() {
                a.country = m.country;
            }
            let id = a.id.clone();
            self.remember(ix, m.kind, &m.name);
            return Some(id);
        }
        if let Some(t) = known.filter(|_| !m.weak || m.name.len() > 3)
            && let Some(ix) = t.find_actors(&m.name).into_iter().find(|&ix| {
                let a = t.actor(ix);
                a.name().eq_ignore_ascii_case(&m.name)
                    || a.aliases().any(|x| x.eq_ignore_ascii_case(&m.name))
                    || (m.kind == ActorKind::Person && surname(a.name()) == surname(&m.name))
            })
        {
            let a = t.actor(ix);
            let id = a.id().to_string();
            if let Some(&at) = self.index.get(&(u8::MAX, id.clone())) {
                self.remember(at, m.kind, &m.name);
                return Some(id);
            }
            self.actors.push(Actor {
                id: id.clone(),
                name: a.name().to_string(),
                kind: a.kind(),
                title: (!a.title().is_empty()).then(|| a.title().to_string()),
                country: a.country(),
                aliases: a.aliases().map(str::to_string).collect(),
            });
            let at = self.actors.len() - 1;
            self.index.insert((u8::MAX, id.clone()), at);
            self.remember(at, m.kind, &m.name);
            return Some(id);
        }
        if m.weak {
            return None;
        }
        let base = match m.kind {
            ActorKind::Country => m
                .country
                .map_or_else(|| slug(&m.name), |c| country::code(c).to_ascii_lowercase()),
            ActorKind::Person => slug(surname(&m.name)),
            _ => slug(&m.name),
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.index.contains_key(&(u8::MAX, id.clone())) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.actors.push(Actor {
            id: id.clone(),
            name: m.name.clone(),
            kind: m.kind,
            title: m.title.clone(),
            country: m.country,
            aliases: Vec::new(),
        });
        let at = self.actors.len() - 1;
        self.index.insert((u8::MAX, id.clone()), at);
        self.remember(at, m.kind, &m.name);
        Some(id)
    }

    pub fn get(&self, id: &str) -> Option<&Actor> {
        let ix = *self.index.get(&(u8::MAX, id.to_string()))?;
        self.actors.get(ix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        mentions(text)
            .into_iter()
            .map(|m| (m.name, m.title))
            .collect()
    }

    #[test]
    fn people_with_their_titles() {
        assert_eq!(
            names("He met Prime Minister Giorgia Meloni in Rome."),
            [
                (
                    "Giorgia Meloni".to_string(),
                    Some("Prime Minister".to_string())
                ),
                ("Italy".to_string(), None)
            ]
        );
        let m = &mentions("French President Emmanuel Macron spoke.")[0];
        assert_eq!(
            (m.name.as_str(), m.country.map(country::code)),
            ("Emmanuel Macron", Some("FR"))
        );
    }

    #[test]
    fn one_actor_for_every_form_of_a_name() {
        let mut r = Registry::default();
        let ids: Vec<String> = ["Mr Rubio said.", "Marco Rubio left.", "Rubio agreed."]
            .iter()
            .flat_map(|t| mentions(t))
            .filter_map(|m| r.add(&m, None))
            .collect();
        assert_eq!(ids, ["rubio", "rubio", "rubio"]);
        assert_eq!(r.actors.len(), 1);
        assert_eq!(r.actors[0].name, "Marco Rubio");
    }

    #[test]
    fn title_words_inside_an_organisation_s_name() {
        let m = &mentions("The board of General Motors met.")[0];
        assert_eq!(
            (m.name.as_str(), m.kind),
            ("General Motors", ActorKind::Organisation)
        );
    }

    #[test]
    fn countries_by_demonym_and_capital() {
        let kinds: Vec<ActorKind> = mentions("Moscow has refused, the French said.")
            .iter()
            .map(|m| m.kind)
            .collect();
        assert_eq!(kinds, [ActorKind::Country, ActorKind::Country]);
    }
}
