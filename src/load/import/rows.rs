//! What every importer needs while it walks rows: progress and
//! cancellation, readable names from shouted ones, ids from names, an
//! outlet from a URL.

use crate::load::builder::{Builder, SourceText};
use crate::load::native::schema::SourceRecord;
use crate::load::{LoadError, LoadOptions, Progress};
use std::borrow::Cow;
use std::io::BufRead;

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
    // Most names are ASCII: a byte at a time is several times faster.
    if text.is_ascii() {
        for b in text.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_lowercase() as char);
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
        while out.ends_with('-') {
            out.pop();
        }
        return out;
    }
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

/// Declares a source without text once: one per URL (outlet named, or
/// the URL's host), or one per outlet name when there is no URL. Returns
/// its id.
pub(crate) fn declare_source(
    builder: &mut Builder,
    file: crate::load::FileIx,
    url: Option<&str>,
    outlet: &str,
) -> Option<String> {
    let id = match url {
        Some(url) => url.to_string(),
        None => slug(outlet),
    };
    if id.is_empty() {
        return None;
    }
    let named = (!outlet.trim().is_empty()).then_some(outlet);
    declare_textless_source(builder, file, &id, url, named, None);
    Some(id)
}

/// Declares a source that carries no text under `id`, unless one was
/// declared already: its outlet (the URL's host when none is named) and,
/// when known, its URL and publication day. Every importer's sources are
/// declared here.
pub(crate) fn declare_textless_source(
    builder: &mut Builder,
    file: crate::load::FileIx,
    id: &str,
    url: Option<&str>,
    outlet: Option<&str>,
    published: Option<chrono::NaiveDate>,
) {
    if builder.has_source(id) {
        return;
    }
    // Worked out only for a new source: most rows name a known one.
    let outlet = outlet.or_else(|| url.map(host_of)).unwrap_or("");
    let rec = SourceRecord {
        id: Cow::Borrowed(id),
        outlet: Cow::Borrowed(outlet),
        title: Cow::Borrowed(""),
        url: url.map(Cow::Borrowed),
        published: published.map(|d| Cow::Owned(crate::model::date::iso_date(d))),
        text_file: None,
        text: None,
    };
    builder.add_source(rec, None, SourceText::Absent, file);
}

/// A delimited table (ACLED export, spreadsheet CSV/TSV) read record by
/// record with RFC 4180 quoting: quoted cells may hold the delimiter,
/// doubled quotes and line breaks.
pub(crate) struct Table<'r> {
    csv: csv::Reader<&'r mut dyn BufRead>,
    record: csv::ByteRecord,
    /// The delimiter found from the first line.
    pub delimiter: u8,
    read_to: u64,
}

/// What reading a [`Table`] gave next.
pub(crate) enum Step {
    Row(TableRow),
    End,
    /// Reading stopped at this line (an I/O error), for this reason.
    Broken(usize, String),
}

/// One record of a [`Table`].
pub(crate) struct TableRow {
    /// The line the record starts on, counted from 1.
    pub line: usize,
    /// Its cells, or why they are not text.
    pub cells: Result<csv::StringRecord, String>,
}

impl<'r> Table<'r> {
    /// Opens a table after a UTF-8 byte order mark, finding its delimiter
    /// (comma, TAB or semicolon) from the first line.
    /// Opens a table, or says on the file why it cannot be read.
    pub(crate) fn open_for(
        builder: &mut Builder,
        file: crate::load::FileIx,
        reader: &'r mut dyn BufRead,
    ) -> Option<Table<'r>> {
        Table::open(reader)
            .map_err(|e| {
                builder.cannot_read(file, None, &e);
            })
            .ok()
    }

    pub(crate) fn open(reader: &'r mut dyn BufRead) -> std::io::Result<Table<'r>> {
        let head = reader.fill_buf()?;
        if head.starts_with(b"\xEF\xBB\xBF") {
            reader.consume(3);
        }
        let head = reader.fill_buf()?;
        let first = head.split(|&b| b == b'\n').next().unwrap_or_default();
        let delimiter = sniff_delimiter(first);
        let csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            // Records end at LF only: with CR LF as one terminator the csv
            // crate gives every record after the first the line before its
            // own. A CR left at a row's end is trimmed with the cell.
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(reader);
        Ok(Table {
            csv,
            record: csv::ByteRecord::new(),
            delimiter,
            read_to: 0,
        })
    }

    /// The next record that has a non-empty cell; fails only when the
    /// load was cancelled.
    pub(crate) fn next_row(
        &mut self,
        progress: &mut RowProgress<'_>,
        builder: &Builder,
    ) -> Result<Step, LoadError> {
        loop {
            match self.csv.read_byte_record(&mut self.record) {
                Ok(false) => return Ok(Step::End),
                Ok(true) => {}
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    let why = match e.into_kind() {
                        csv::ErrorKind::Io(io) => crate::load::io_reason(&io),
                        other => format!("{other:?}"),
                    };
                    return Ok(Step::Broken(line, why));
                }
            }
            let (line, byte) = self
                .record
                .position()
                .map_or((0, self.read_to), |p| (p.line() as usize, p.byte()));
            progress.row(builder, byte.saturating_sub(self.read_to) as usize)?;
            self.read_to = byte;
            if self
                .record
                .iter()
                .all(|c| c.iter().all(u8::is_ascii_whitespace))
            {
                continue;
            }
            let cells = csv::StringRecord::from_byte_record(self.record.clone()).map_err(|e| {
                let column = e.utf8_error().field() + 1;
                format!("column {column} is not valid UTF-8 text")
            });
            return Ok(Step::Row(TableRow { line, cells }));
        }
    }
}

/// The delimiter of a header or first row: whichever of comma, TAB and
/// semicolon occurs most outside quotes (comma on a tie or none).
pub(crate) fn sniff_delimiter(first_line: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in first_line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b'\t' if !quoted => counts[1] += 1,
            b';' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    if counts[best] == 0 {
        return b',';
    }
    [b',', b'\t', b';'][best]
}

/// Reads `text` with one importer as a whole timeline, for tests.
#[cfg(test)]
pub(crate) fn read_text(
    read: fn(
        &mut Builder,
        crate::load::FileIx,
        &mut dyn BufRead,
        LoadOptions<'_>,
    ) -> Result<(), LoadError>,
    text: &[u8],
    opts: LoadOptions<'_>,
) -> Result<crate::model::Timeline, LoadError> {
    let mut builder = Builder::new();
    let file = builder.add_file("t.csv");
    builder.lenient = true;
    let mut reader = text;
    read(&mut builder, file, &mut reader, opts)?;
    builder.lenient = false;
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_textless_source_is_declared_once_with_its_hosts_outlet() {
        let mut b = Builder::new();
        let file = b.add_file("rows.csv");
        let url = "https://www.example.org/news/1";
        let day = chrono::NaiveDate::from_ymd_opt(2025, 8, 7);
        declare_textless_source(&mut b, file, url, Some(url), None, day);
        // A second declaration of the same id changes nothing.
        declare_textless_source(&mut b, file, url, Some(url), Some("Other"), None);
        declare_textless_source(&mut b, file, "wire", None, Some("The Wire"), None);
        declare_textless_source(&mut b, file, "bare", None, None, None);
        let t = b.finish().expect("a timeline");
        assert_eq!(t.source_count(), 3);
        let seen: Vec<_> = (0..3)
            .map(|i| {
                let s = t.source(i);
                (s.id(), s.outlet(), s.url(), s.published(), s.has_text())
            })
            .collect();
        let published = day.map(crate::model::date::day_number);
        assert_eq!(
            seen,
            [
                (url, "example.org", Some(url), published, false),
                ("wire", "The Wire", None, None, false),
                ("bare", "", None, None, false),
            ]
        );
    }

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
        assert_eq!(
            slug("Police Forces of Morocco (1999-)"),
            "police-forces-of-morocco-1999"
        );
        assert_eq!(slug("--"), "");
        assert_eq!(host_of("https://www.bbc.co.uk/news/x?y"), "bbc.co.uk");
        assert_eq!(host_of("http://user@example.com:8080/a"), "example.com");
        assert_eq!(host_of("theweek.com"), "theweek.com");
    }

    #[test]
    fn delimiters_are_found_outside_quotes() {
        assert_eq!(sniff_delimiter(b"date,title,summary"), b',');
        assert_eq!(sniff_delimiter(b"date\ttitle\tsummary"), b'\t');
        assert_eq!(sniff_delimiter(b"date;title;\"a, b, c\""), b';');
        assert_eq!(sniff_delimiter(b"\"a;b;c\",d"), b',');
        assert_eq!(sniff_delimiter(b"date"), b',');
    }

    #[test]
    fn tables_skip_a_bom_and_blank_rows_and_keep_quoted_lines() {
        let text = "\u{feff}a;b\n\n;\n\"x\ny\";2\n";
        let mut bytes = text.as_bytes();
        let mut table = Table::open(&mut bytes).unwrap();
        assert_eq!(table.delimiter, b';');
        let builder = Builder::new();
        let mut progress = RowProgress::new(LoadOptions::default(), 0);
        let mut rows = Vec::new();
        while let Step::Row(row) = table.next_row(&mut progress, &builder).unwrap() {
            let cells = row.cells.unwrap();
            rows.push((
                row.line,
                cells.iter().map(str::to_string).collect::<Vec<_>>(),
            ));
        }
        assert_eq!(rows[0], (1, vec!["a".to_string(), "b".to_string()]));
        assert_eq!(rows[1], (4, vec!["x\ny".to_string(), "2".to_string()]));
        assert_eq!(rows.len(), 2);

        // Windows line ends: the same lines, a CR left for the cell's trim.
        let mut bytes = "a,b\r\n\r\n\"x\r\ny\",2\r\nz,3\r\n".as_bytes();
        let mut table = Table::open(&mut bytes).unwrap();
        let mut lines = Vec::new();
        while let Step::Row(row) = table.next_row(&mut progress, &builder).unwrap() {
            let cells = row.cells.unwrap();
            lines.push((row.line, cells[0].to_string(), cells[1].trim().to_string()));
        }
        let line = |n, a: &str, b: &str| (n, a.to_string(), b.to_string());
        assert_eq!(
            lines,
            [line(1, "a", "b"), line(3, "x\r\ny", "2"), line(5, "z", "3")]
        );
    }
}
