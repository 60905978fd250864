//! Synthetic GDELT 2.0 Events exports of any size, for the import
//! benchmark: 61 TAB-separated columns as GDELT writes them, actors drawn
//! from CAMEO country and type codes with Zipf-like frequency, CAMEO event
//! codes, FIPS place codes, a few rows per article URL, and about one date
//! in twenty resolved from a relative phrase. Same seed, same bytes.

use super::{Rng, Zipf};
use crate::load::import::tables;
use std::io::{self, Write};

const TYPES: [&str; 12] = [
    "", "", "", "GOV", "MIL", "COP", "BUS", "MED", "CVL", "OPP", "REB", "LEG",
];
const OUTLETS: [&str; 8] = [
    "dailyherald",
    "thetimes",
    "worldwire",
    "kyivpost",
    "lemonde",
    "apnews",
    "aljazeera",
    "example",
];
const PLACES: [&str; 8] = [
    "Capital District",
    "Northern Province",
    "Port City",
    "Border Region",
    "Old Town",
    "River Valley",
    "Central Highlands",
    "Coastal Plain",
];

/// Writes `events` rows of a GDELT 2.0 Events export to `out`.
pub fn write(out: &mut impl Write, events: usize, seed: u64) -> io::Result<()> {
    let mut rng = Rng(seed ^ 0x6DE1_7000_0000_0001);
    let countries = tables::cameo_country_rows();
    let codes: Vec<(&str, &str)> = tables::cameo_event_rows()
        .into_iter()
        .filter(|(c, _)| c.len() >= 3)
        .collect();
    let places = tables::fips_rows();
    let zipf_country = Zipf::new(countries.len());
    let zipf_place = Zipf::new(places.len());
    let mut article = 0usize;
    let mut rows_left_in_article = 0usize;
    for i in 0..events {
        if rows_left_in_article == 0 {
            article += 1;
            rows_left_in_article = 1 + rng.below(4);
        }
        rows_left_in_article -= 1;
        let year = 2015 + (article * 7 / (events / 10 + 1)).min(10);
        let (month, day) = (1 + article % 12, 1 + (article * 13) % 28);
        let added = chrono::NaiveDate::from_ymd_opt(year as i32, month as u32, day as u32)
            .unwrap_or_default();
        // Most rows are dated the day they are reported; some by a phrase
        // GDELT resolved ("yesterday", "last week", "last year").
        let back = match rng.below(20) {
            0 => [1, 3, 7, 30, 365][rng.below(5)],
            _ => 0,
        };
        let date = added - chrono::Duration::days(back);
        let id = 1_000_000_000u64 + i as u64;
        write!(
            out,
            "{id}\t{}\t{}\t{}\t{:.4}",
            date.format("%Y%m%d"),
            date.format("%Y%m"),
            date.format("%Y"),
            2015.0 + i as f64 / 1e7
        )?;
        for role in 0..2 {
            let empty = rng.below(100) < if role == 0 { 9 } else { 26 };
            if empty {
                out.write_all("\t".repeat(10).as_bytes())?;
                continue;
            }
            let (code, name) = countries[zipf_country.sample(&mut rng)];
            let kind = TYPES[rng.below(TYPES.len())];
            write!(
                out,
                "\t{code}{kind}\t{}\t{code}\t\t\t\t\t{kind}\t\t",
                name.to_uppercase()
            )?;
        }
        let (code, _) = codes[rng.below(codes.len())];
        let root = &code[..2];
        let quad = 1 + rng.below(4);
        let goldstein = (rng.below(200) as f64 - 100.0) / 10.0;
        let mentions = 1 + rng.below(20);
        write!(
            out,
            "\t{}\t{code}\t{}\t{root}\t{quad}\t{goldstein:.1}\t{mentions}\t1\t{mentions}\t{:.2}",
            u8::from(rng.below(2) == 0),
            &code[..3],
            -(rng.below(1000) as f64) / 100.0
        )?;
        for _ in 0..3 {
            let (fips, country) = places[zipf_place.sample(&mut rng)];
            let place = PLACES[rng.below(PLACES.len())];
            write!(
                out,
                "\t4\t{place}, {country}\t{fips}\t{fips}01\t\t{:.4}\t{:.4}\t-{}",
                rng.below(180) as f64 - 90.0,
                rng.below(360) as f64 - 180.0,
                1 + rng.below(99999)
            )?;
        }
        let outlet = OUTLETS[article % OUTLETS.len()];
        writeln!(
            out,
            "\t{}{:02}{:02}00\thttps://www.{outlet}.com/news/{year}/{month:02}/story-{article}.html",
            added.format("%Y%m%d"),
            rng.below(24),
            rng.below(4) * 15
        )?;
    }
    Ok(())
}
