//! What every importer needs while it walks rows: progress and
//! cancellation, readable names from shouted ones, ids from names, an
//! outlet from a URL.

use crate::load::builder::Builder;
use crate::load::{LoadError, LoadOptions, Progress};

/// Reports progress and honours cancellation every few thousand rows.
pub(crate) struct RowProgress<'o> {
    opts: LoadOptions<'o>,
    bytes: u64,
    total: u64,
    rows: usize,
}

impl<'o> RowProgress<'o> {
    pub(crate) fn new(opts: LoadOptions<'o>, total: u64) -> Self {
        RowProgress {
            opts,
            bytes: 0,
            total,
            rows: 0,
        }
    }

    /// Counts a row of `bytes` bytes; fails when the load was cancelled.
    pub(crate) fn row(&mut self, builder: &Builder, bytes: usize) -> Result<(), LoadError> {
        self.bytes += bytes as u64;
        self.rows += 1;
        if self.rows.is_multiple_of(8192) {
            if self.opts.cancelled() {
                return Err(LoadError::Cancelled);
            }
            self.opts.report(Progress {
                bytes: self.bytes,
                total_bytes: self.total.max(self.bytes),
                events: builder.event_count(),
            });
        }
        Ok(())
    }
}

/// "NEW YORK" → "New York", "THE DRC" → "The DRC": names coded in capitals
/// read as names; short all-letter words that look like acronyms stay.
pub(crate) fn title_case(shouted: &str) -> String {
    if shouted.chars().any(|c| c.is_lowercase()) {
        return shouted.to_string();
    }
    let mut out = String::with_capacity(shouted.len());
    for (i, word) in shouted.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let vowels = word
            .chars()
            .filter(|c| matches!(c, 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'))
            .count();
        // "UN", "DRC", "NATO" stay; "THE", "NEW", "CAIRO" do not.
        let acronym = letters <= 4 && (vowels == 0 || ACRONYMS.contains(&word));
        if acronym {
            out.push_str(word);
            continue;
        }
        let mut first = true;
        for c in word.chars() {
            if first && c.is_alphabetic() {
                out.extend(c.to_uppercase());
                first = false;
            } else {
                out.extend(c.to_lowercase());
                if !c.is_alphabetic() && c != '\'' {
                    first = true;
                }
            }
        }
    }
    out
}

/// Capitalised short names with vowels that are read letter by letter.
const ACRONYMS: &[&str] = &[
    "UN", "EU", "US", "USA", "UK", "UAE", "NATO", "OPEC", "IMF", "ICC", "IAEA", "AU", "OAS", "IS",
    "ISIS", "ISIL", "AFP", "AP", "BBC", "CIA", "FBI", "EU", "IDF", "ANC", "OSCE", "UNICEF", "WHO",
    "ASEAN",
];

/// "Armed Islamic Group (GIA)" → "armed-islamic-group-gia": an id from a name.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// "https://www.bbc.co.uk/news/x" → "bbc.co.uk".
pub(crate) fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or(host);
    host.strip_prefix("www.").unwrap_or(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shouted_names_read_as_names() {
        assert_eq!(title_case("NEW YORK"), "New York");
        assert_eq!(title_case("THE DRC"), "The DRC");
        assert_eq!(title_case("UNITED NATIONS"), "United Nations");
        assert_eq!(title_case("UN"), "UN");
        assert_eq!(title_case("NATO"), "NATO");
        assert_eq!(title_case("CAIRO"), "Cairo");
        assert_eq!(title_case("O'BRIEN"), "O'brien");
        assert_eq!(title_case("Already Fine"), "Already Fine");
    }

    #[test]
    fn ids_and_hosts() {
        assert_eq!(slug("Armed Islamic Group (GIA)"), "armed-islamic-group-gia");
        assert_eq!(slug("  Søren  "), "søren");
        assert_eq!(host_of("https://www.bbc.co.uk/news/x?y"), "bbc.co.uk");
        assert_eq!(host_of("http://user@example.com:8080/a"), "example.com");
        assert_eq!(host_of("theweek.com"), "theweek.com");
    }
}
