//! Code tables of the GDELT and CAMEO codebooks (see `tables/SOURCES.md`),
//! parsed once on first use.

use crate::model::ActorKind;
use hashbrown::HashMap;
use std::sync::OnceLock;

const CAMEO_EVENTS: &str = include_str!("tables/cameo_events.tsv");
const CAMEO_COUNTRIES: &str = include_str!("tables/cameo_countries.tsv");
const CAMEO_TYPES: &str = include_str!("tables/cameo_types.tsv");
const FIPS_ISO: &str = include_str!("tables/fips_iso.tsv");

/// `code → second column` of a TAB-separated table; empty values left out.
fn table(text: &'static str) -> HashMap<&'static str, &'static str> {
    text.lines()
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let key = cols.next()?.trim();
            let value = cols.next()?.trim();
            (!key.is_empty() && !value.is_empty()).then_some((key, value))
        })
        .collect()
}

/// The label of a CAMEO event code, kept as a string: "040", "1031".
pub(crate) fn cameo_event(code: &str) -> Option<&'static str> {
    static T: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    T.get_or_init(|| table(CAMEO_EVENTS))
        .get(code.trim())
        .copied()
}

/// ISO 3166-1 alpha-2 for a CAMEO actor country code ("RUS" → "RU").
pub(crate) fn iso_of_cameo_country(code: &str) -> Option<&'static str> {
    static T: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    T.get_or_init(|| table(CAMEO_COUNTRIES)).get(code).copied()
}

/// ISO 3166-1 alpha-2 for a FIPS 10-4 country code ("RS" → "RU").
pub(crate) fn iso_of_fips(code: &str) -> Option<&'static str> {
    static T: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    T.get_or_init(|| table(FIPS_ISO)).get(code.trim()).copied()
}

/// The label and kind of a CAMEO actor type code ("GOV" → Government).
pub(crate) fn cameo_type(code: &str) -> Option<(&'static str, ActorKind)> {
    static T: OnceLock<HashMap<&str, (&str, ActorKind)>> = OnceLock::new();
    T.get_or_init(|| {
        CAMEO_TYPES
            .lines()
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let code = cols.next()?.trim();
                let label = cols.next()?.trim();
                let kind = match cols.next()?.trim() {
                    "organisation" => ActorKind::Organisation,
                    _ => ActorKind::Group,
                };
                Some((code, (label, kind)))
            })
            .collect()
    })
    .get(code)
    .copied()
}

/// Rows of a table as `(first column, last column)`, for generating data.
fn rows(text: &'static str) -> Vec<(&'static str, &'static str)> {
    text.lines()
        .filter_map(|l| Some((l.split('\t').next()?, l.rsplit('\t').next()?)))
        .collect()
}

/// Every CAMEO event code with its label.
pub(crate) fn cameo_event_rows() -> Vec<(&'static str, &'static str)> {
    rows(CAMEO_EVENTS)
}

/// Every CAMEO country code that maps to an ISO code, with its name.
pub(crate) fn cameo_country_rows() -> Vec<(&'static str, &'static str)> {
    rows(CAMEO_COUNTRIES)
        .into_iter()
        .filter(|(code, _)| iso_of_cameo_country(code).is_some())
        .collect()
}

/// Every FIPS country code that maps to an ISO code, with its name.
pub(crate) fn fips_rows() -> Vec<(&'static str, &'static str)> {
    rows(FIPS_ISO)
        .into_iter()
        .filter(|(code, _)| iso_of_fips(code).is_some())
        .collect()
}

/// The codebook's names of the 61 columns, in order: the names a table
/// cut from the exports (a Parquet slice) gives them.
pub(crate) const GDELT_EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_keep_their_leading_zeros() {
        assert_eq!(cameo_event("040"), Some("Consult (general)"));
        assert!(cameo_event("1031").is_some());
        assert!(cameo_event("40").is_none());
        assert_eq!(cameo_event("01"), Some("Make public statement"));
    }

    #[test]
    fn country_codes_map_to_iso() {
        for (fips, iso) in [
            ("UK", "GB"),
            ("RS", "RU"),
            ("UP", "UA"),
            ("IS", "IL"),
            ("AS", "AU"),
            ("RP", "PH"),
        ] {
            assert_eq!(iso_of_fips(fips), Some(iso), "{fips}");
        }
        assert_eq!(iso_of_cameo_country("RUS"), Some("RU"));
        assert_eq!(iso_of_cameo_country("GBR"), Some("GB"));
        assert_eq!(iso_of_cameo_country("AFR"), None);
        assert_eq!(
            cameo_type("GOV").map(|t| t.1),
            Some(ActorKind::Organisation)
        );
        // Every mapped code is one the model knows.
        for text in [CAMEO_COUNTRIES, FIPS_ISO] {
            for (code, iso) in table(text) {
                assert!(
                    crate::model::country::by_code(iso).is_some(),
                    "{code} -> {iso}"
                );
            }
        }
    }
}
