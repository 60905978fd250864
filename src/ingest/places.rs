//! Countries as news names them besides their name: by demonym ("French")
//! and by capital ("Moscow"), and a few short forms ("US", "UK").

use crate::model::country::{self, CountryIx};

/// (ISO code, demonyms, capitals and short forms).
const TABLE: &[(&str, &[&str])] = &[
    (
        "US",
        &[
            "American",
            "Americans",
            "Washington",
            "US",
            "U.S.",
            "USA",
            "America",
        ],
    ),
    (
        "GB",
        &[
            "British", "Briton", "Britons", "London", "UK", "Britain", "English", "Scottish",
            "Welsh",
        ],
    ),
    ("FR", &["French", "Paris"]),
    ("DE", &["German", "Germans", "Berlin"]),
    ("IT", &["Italian", "Italians", "Rome"]),
    ("ES", &["Spanish", "Madrid"]),
    ("PT", &["Portuguese", "Lisbon"]),
    ("NL", &["Dutch", "Amsterdam", "The Hague"]),
    ("BE", &["Belgian", "Brussels"]),
    ("CH", &["Swiss", "Bern", "Geneva"]),
    ("AT", &["Austrian", "Vienna"]),
    ("PL", &["Polish", "Warsaw"]),
    ("SE", &["Swedish", "Stockholm"]),
    ("NO", &["Norwegian", "Oslo"]),
    ("DK", &["Danish", "Copenhagen"]),
    ("FI", &["Finnish", "Helsinki"]),
    ("IE", &["Irish", "Dublin"]),
    ("GR", &["Greek", "Athens"]),
    ("TR", &["Turkish", "Ankara", "Istanbul"]),
    ("RU", &["Russian", "Russians", "Moscow", "Kremlin"]),
    ("UA", &["Ukrainian", "Ukrainians", "Kyiv", "Kiev"]),
    ("BY", &["Belarusian", "Minsk"]),
    ("CN", &["Chinese", "Beijing"]),
    ("JP", &["Japanese", "Tokyo"]),
    ("KR", &["South Korean", "Seoul"]),
    ("KP", &["North Korean", "Pyongyang"]),
    ("IN", &["Indian", "New Delhi", "Delhi"]),
    ("PK", &["Pakistani", "Islamabad"]),
    ("AF", &["Afghan", "Kabul"]),
    ("IR", &["Iranian", "Iranians", "Tehran"]),
    ("IQ", &["Iraqi", "Baghdad"]),
    ("SY", &["Syrian", "Damascus"]),
    ("IL", &["Israeli", "Israelis", "Jerusalem"]),
    ("PS", &["Palestinian", "Palestinians", "Gaza"]),
    ("LB", &["Lebanese", "Beirut"]),
    ("JO", &["Jordanian", "Amman"]),
    ("SA", &["Saudi", "Riyadh"]),
    ("AE", &["Emirati", "Abu Dhabi", "Dubai", "UAE"]),
    ("QA", &["Qatari", "Doha"]),
    ("EG", &["Egyptian", "Cairo"]),
    ("ZA", &["South African", "Pretoria", "Johannesburg"]),
    ("NG", &["Nigerian", "Abuja", "Lagos"]),
    ("KE", &["Kenyan", "Nairobi"]),
    ("ET", &["Ethiopian", "Addis Ababa"]),
    ("CA", &["Canadian", "Ottawa"]),
    ("MX", &["Mexican", "Mexico City"]),
    ("BR", &["Brazilian", "Brasilia"]),
    ("AR", &["Argentine", "Argentinian", "Buenos Aires"]),
    ("VE", &["Venezuelan", "Caracas"]),
    ("AU", &["Australian", "Canberra", "Sydney"]),
    ("NZ", &["New Zealand", "Wellington"]),
    ("SG", &["Singaporean", "Singapore"]),
    ("HU", &["Hungarian", "Budapest"]),
    ("CZ", &["Czech", "Prague"]),
    ("RO", &["Romanian", "Bucharest"]),
];

/// The country a word or name stands for: a country's name, demonym, capital or short form.
pub fn country_of(name: &str) -> Option<CountryIx> {
    let hit = TABLE
        .iter()
        .find(|(_, words)| words.contains(&name))
        .and_then(|(code, _)| country::by_code(code));
    // Country names, not two-letter codes: "It" and "IN" are words.
    hit.or_else(|| (name.len() > 3).then(|| country::find(name)).flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonyms_capitals_and_names() {
        let code = |n| country_of(n).map(country::code);
        assert_eq!(code("French"), Some("FR"));
        assert_eq!(code("Moscow"), Some("RU"));
        assert_eq!(code("Ukraine"), Some("UA"));
        assert_eq!(code("It"), None);
        assert_eq!(code("Boeing"), None);
    }
}
