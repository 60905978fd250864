//! The words the rules are made of, as data: month and weekday names,
//! number words, units, seasons, parts of the day and the words that
//! mark a sentence's tense.

use crate::model::derive::Season;
use chrono::Weekday;

/// Month names and their usual abbreviations.
pub const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

pub const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

pub const SEASONS: &[(&str, Season)] = &[
    ("spring", Season::Spring),
    ("summer", Season::Summer),
    ("autumn", Season::Fall),
    ("fall", Season::Fall),
    ("winter", Season::Winter),
];

/// Capitalised words that make a weekday the name of one day ("Black
/// Monday", "Good Friday", "Super Tuesday"), not the last or next such weekday.
pub const NAMED_DAY_WORDS: &[&str] = &[
    "black", "bloody", "good", "holy", "easter", "palm", "ash", "maundy", "shrove", "super",
    "cyber", "giving", "whit", "blue", "red",
];

/// Words of scale that make a number an amount: "$300 million a year".
pub const AMOUNT_WORDS: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "percent", "dollars", "euros",
    "pounds", "times", "once", "twice",
];

/// Cardinal number words.
pub const NUMBERS: &[(&str, u32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("single", 1),
];

/// Words that stand for an unknown count ("several years" -> PXY).
pub const FUZZY_COUNTS: &[&str] = &["several", "many", "few", "some", "recent", "numerous"];

/// Ordinals as words, for quarters and days of the month.
pub const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("final", 4),
];

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The TIMEX3 duration for `n` of this unit ("P3Y", "PT2H"); `None` for an unknown count.
    pub fn duration(self, n: Option<u32>) -> String {
        let count = |k: u32| n.map_or_else(|| "X".to_string(), |n| (n * k).to_string());
        match self {
            Unit::Second => format!("PT{}S", count(1)),
            Unit::Minute => format!("PT{}M", count(1)),
            Unit::Hour => format!("PT{}H", count(1)),
            Unit::Day => format!("P{}D", count(1)),
            Unit::Week => format!("P{}W", count(1)),
            Unit::Weekend => format!("P{}WE", count(1)),
            Unit::Month => format!("P{}M", count(1)),
            Unit::Quarter => format!("P{}Q", count(1)),
            Unit::Year => format!("P{}Y", count(1)),
            Unit::Decade => match n {
                Some(_) => format!("P{}Y", count(10)),
                None => "PXDE".to_string(),
            },
            Unit::Century => match n {
                Some(_) => format!("P{}Y", count(100)),
                None => "PXY".to_string(),
            },
        }
    }
}

/// Unit names, singular and plural.
pub const UNITS: &[(&str, Unit)] = &[
    ("second", Unit::Second),
    ("seconds", Unit::Second),
    ("minute", Unit::Minute),
    ("minutes", Unit::Minute),
    ("hour", Unit::Hour),
    ("hours", Unit::Hour),
    ("day", Unit::Day),
    ("days", Unit::Day),
    ("week", Unit::Week),
    ("weeks", Unit::Week),
    ("weekend", Unit::Weekend),
    ("weekends", Unit::Weekend),
    ("month", Unit::Month),
    ("months", Unit::Month),
    ("quarter", Unit::Quarter),
    ("quarters", Unit::Quarter),
    ("year", Unit::Year),
    ("years", Unit::Year),
    ("decade", Unit::Decade),
    ("decades", Unit::Decade),
    ("century", Unit::Century),
    ("centuries", Unit::Century),
];

/// Adverbs and adjectives of recurrence: "weekly" -> P1W.
pub const SET_WORDS: &[(&str, &str)] = &[
    ("hourly", "PT1H"),
    ("daily", "P1D"),
    ("nightly", "P1D"),
    ("weekly", "P1W"),
    ("fortnightly", "P2W"),
    ("monthly", "P1M"),
    ("quarterly", "P3M"),
    ("annual", "P1Y"),
    ("annually", "P1Y"),
    ("yearly", "P1Y"),
];

/// Parts of the day and their TIMEX3 codes.
pub const DAY_PARTS: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
    ("overnight", "NI"),
];

/// Words for the present, the past and the future as a whole.
pub const REFS: &[(&[&str], &str)] = &[
    (&["now"], "PRESENT_REF"),
    (&["right", "now"], "PRESENT_REF"),
    (&["current"], "PRESENT_REF"),
    (&["presently"], "PRESENT_REF"),
    (&["currently"], "PRESENT_REF"),
    (&["nowadays"], "PRESENT_REF"),
    (&["at", "present"], "PRESENT_REF"),
    (&["at", "the", "moment"], "PRESENT_REF"),
    (&["recently"], "PAST_REF"),
    (&["lately"], "PAST_REF"),
    (&["the", "past"], "PAST_REF"),
    (&["recent"], "PAST_REF"),
    (&["the", "time", "being"], "PRESENT_REF"),
    (&["soon"], "FUTURE_REF"),
    (&["the", "near", "term"], "FUTURE_REF"),
    (&["the", "long", "term"], "FUTURE_REF"),
    (&["the", "short", "term"], "FUTURE_REF"),
    (&["the", "future"], "FUTURE_REF"),
    (&["the", "coming", "days"], "FUTURE_REF"),
];

/// Words that put a sentence in the future: "will", "is scheduled to".
pub const FUTURE_MARKERS: &[&str] = &[
    "will",
    "ll",
    "shall",
    "would",
    "scheduled",
    "due",
    "expected",
    "expects",
    "plans",
    "planned",
    "planning",
    "upcoming",
    "intends",
    "aims",
    "going",
    "set",
    "wants",
    "hopes",
    "seeks",
    "tomorrow",
    "next",
];

/// Irregular past forms (regular ones end in -ed).
pub const PAST_MARKERS: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "ago",
    "yesterday",
    "last",
    "met",
    "went",
    "came",
    "took",
    "gave",
    "made",
    "held",
    "saw",
    "left",
    "won",
    "lost",
    "began",
    "found",
    "thought",
    "brought",
    "bought",
    "sent",
    "spent",
    "fell",
    "rose",
    "struck",
    "became",
    "ran",
    "paid",
    "led",
    "knew",
    "shot",
    "sold",
    "wrote",
    "spoke",
    "broke",
    "chose",
    "flew",
    "drove",
    "got",
    "hit",
    "quit",
    "cut",
    "put",
    "set",
    "felt",
    "kept",
    "meant",
    "stood",
    "heard",
    "won",
    "beat",
    "caught",
    "fought",
    "taught",
    "sought",
    "earlier",
    "previously",
];

/// Words ending in -ed that are not past forms.
pub const NOT_PAST: &[&str] = &[
    "need",
    "speed",
    "indeed",
    "red",
    "bed",
    "feed",
    "seed",
    "hundred",
    "proceed",
    "exceed",
    "succeed",
    "weed",
    "breed",
    "deed",
    "shed",
    "bred",
    "ed",
    "united",
    "limited",
    "expected",
    "scheduled",
    "planned",
    "based",
    "related",
    "alleged",
    "supposed",
];

pub fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}
