//! ISO 3166-1 alpha-2 country codes with the names shown for them.

use std::sync::LazyLock;

/// Index of a country in [`all`]: two bytes per event reference.
pub type CountryIx = u16;

static TABLE: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    include_str!("countries.txt")
        .lines()
        .filter_map(|line| line.split_once(' '))
        .collect()
});

/// Every known country as (code, name), sorted by code.
pub fn all() -> &'static [(&'static str, &'static str)] {
    &TABLE
}

/// Every two-letter combination, AA to ZZ, mapped to its index in the table.
static BY_CODE: LazyLock<[Option<CountryIx>; 676]> = LazyLock::new(|| {
    let mut codes = [None; 676];
    for (i, (code, _)) in TABLE.iter().enumerate() {
        if let Some(slot) = letters(code.as_bytes()) {
            codes[slot] = Some(i as CountryIx);
        }
    }
    codes
});

fn letters(code: &[u8]) -> Option<usize> {
    let &[a, b] = code else { return None };
    let (a, b) = (a.to_ascii_uppercase(), b.to_ascii_uppercase());
    (a.is_ascii_uppercase() && b.is_ascii_uppercase())
        .then(|| (a - b'A') as usize * 26 + (b - b'A') as usize)
}

/// Looks up an upper-case or lower-case alpha-2 code.
pub fn by_code(code: &str) -> Option<CountryIx> {
    BY_CODE[letters(code.as_bytes())?]
}

/// Looks up a code or a full name, case-insensitively.
pub fn find(text: &str) -> Option<CountryIx> {
    by_code(text).or_else(|| {
        TABLE
            .iter()
            .position(|(_, name)| name.eq_ignore_ascii_case(text))
            .map(|i| i as CountryIx)
    })
}

pub fn code(ix: CountryIx) -> &'static str {
    TABLE.get(ix as usize).map_or("??", |(c, _)| c)
}

pub fn name(ix: CountryIx) -> &'static str {
    TABLE.get(ix as usize).map_or("unknown", |(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_resolve() {
        let fr = by_code("fr").unwrap();
        assert_eq!((code(fr), name(fr)), ("FR", "France"));
        assert_eq!(find("Russia"), by_code("RU"));
        assert_eq!(by_code("XX"), None);
        assert_eq!(by_code("F"), None);
        assert!(
            all().windows(2).all(|w| w[0].0 < w[1].0),
            "table must stay sorted"
        );
        assert!(all().len() > 240);
    }
}
