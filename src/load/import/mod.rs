//! Timelines kept in other tools' formats, read as they are: each format is
//! one file here that turns its rows into the records of
//! [`crate::load::native::schema`] and hands them to the same [`Builder`]
//! the native readers use, row by row.
//!
//! Imported files are other people's data, so a row that cannot be read is
//! skipped and counted ([`Builder::skip_row`]) instead of failing the load;
//! the load report says how many rows were read and which were skipped.

pub(crate) mod acled;
mod cells;
pub(crate) mod csv;
pub(crate) mod gdelt;
mod html;
pub(crate) mod ics;
pub(crate) mod parquet;
pub(crate) mod rows;
pub(crate) mod tables;
mod timelinejs;

use crate::load::builder::Builder;
use crate::load::builder::FileIx;
use crate::load::{LoadError, LoadOptions};
use chrono::NaiveDate;
use std::path::Path;

/// The formats dateline reads; `--format` takes their names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// dateline's own JSON document or JSON Lines.
    Native,
    /// GDELT 2.0 Events export (and its Mentions file).
    Gdelt,
    Acled,
    /// TimelineJS3 or TimelineJS2 JSON, or the TimelineJS Google-Sheet CSV.
    TimelineJs,
    Ics,
    /// CSV or TSV with a header, from a spreadsheet.
    Csv,
    /// A Parquet slice in dateline's own columns or GDELT 2.0 Event columns.
    Parquet,
}

impl InputFormat {
    pub const NAMES: [&'static str; 7] = [
        "native",
        "gdelt",
        "acled",
        "timelinejs",
        "ics",
        "csv",
        "parquet",
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Native => "native",
            InputFormat::Gdelt => "gdelt",
            InputFormat::Acled => "acled",
            InputFormat::TimelineJs => "timelinejs",
            InputFormat::Ics => "ics",
            InputFormat::Csv => "csv",
            InputFormat::Parquet => "parquet",
        }
    }

    pub fn parse(name: &str) -> Option<InputFormat> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "native" | "json" | "jsonl" | "dateline" => InputFormat::Native,
            "gdelt" => InputFormat::Gdelt,
            "acled" => InputFormat::Acled,
            "timelinejs" | "tljs" => InputFormat::TimelineJs,
            "ics" | "ical" | "icalendar" => InputFormat::Ics,
            "csv" | "tsv" => InputFormat::Csv,
            "parquet" => InputFormat::Parquet,
            _ => return None,
        })
    }
}

impl std::str::FromStr for InputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        InputFormat::parse(s).ok_or_else(|| {
            format!(
                "unknown format '{}' (expected one of {})",
                crate::sanitize::line(s),
                InputFormat::NAMES.join(", ")
            )
        })
    }
}

/// What the user told the importers.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// `--format`: read every file as this format instead of sniffing.
    pub format: Option<InputFormat>,
    /// `--map title=Headline,date=When`: which column holds which field.
    pub map: Vec<(String, String)>,
    /// `--month-first`: read `4/5/2025` as April 5 in CSV imports.
    pub month_first: bool,
    /// `--day-first`: read `4/5/2025` as 4 May in CSV imports.
    pub day_first: bool,
    /// `--recur-until`: the last day recurring calendar events expand to.
    pub recur_until: Option<NaiveDate>,
}

impl ImportOptions {
    /// Parses `--map` values: `field=Column` pairs separated by commas.
    pub fn parse_map(text: &str) -> Result<Vec<(String, String)>, String> {
        text.split(',')
            .filter(|p| !p.trim().is_empty())
            .map(|pair| match pair.split_once('=') {
                Some((field, column)) if !field.trim().is_empty() && !column.trim().is_empty() => {
                    Ok((field.trim().to_ascii_lowercase(), column.trim().to_string()))
                }
                _ => Err(format!(
                    "--map takes field=Column pairs separated by commas, not '{}'",
                    crate::sanitize::line(pair)
                )),
            })
            .collect()
    }
}

/// Where an imported file's bytes come from.
pub(crate) enum Input<'a> {
    /// A file on disk: large line-oriented files are read in parts.
    File {
        path: &'a Path,
        handle: std::fs::File,
    },
    /// Bytes in memory (standard input, tests, the fuzzer).
    Bytes(&'a [u8]),
}

/// Reads one imported file into the builder. Rows that cannot be read are
/// skipped and counted; only a file that cannot be read at all is an error.
pub(crate) fn read(
    builder: &mut Builder,
    file: FileIx,
    format: InputFormat,
    input: Input<'_>,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    builder.lenient = true;
    let result = match (format, input) {
        (InputFormat::Gdelt, Input::File { path, handle }) => {
            gdelt::read(builder, file, path, handle, opts)
        }
        // Parquet needs seeking: its footer says where the columns are.
        (InputFormat::Parquet, Input::File { handle, .. }) => {
            parquet::read_file(builder, file, handle, opts)
        }
        (InputFormat::Parquet, Input::Bytes(bytes)) => {
            parquet::read_bytes(builder, file, bytes, opts)
        }
        // Native files are read strictly, by load::native.
        (InputFormat::Native, _) => Ok(()),
        (format, input) => {
            // The other formats read a row at a time from one reader.
            let mut file_reader;
            let mut bytes;
            let reader: &mut dyn std::io::BufRead = match input {
                Input::File { handle, .. } => {
                    file_reader = std::io::BufReader::with_capacity(1 << 20, handle);
                    &mut file_reader
                }
                Input::Bytes(b) => {
                    bytes = b;
                    &mut bytes
                }
            };
            read_rows(builder, file, format, reader, opts)
        }
    };
    builder.lenient = false;
    result
}

/// Dispatches a format read from one reader.
fn read_rows(
    builder: &mut Builder,
    file: FileIx,
    format: InputFormat,
    reader: &mut dyn std::io::BufRead,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    match format {
        InputFormat::Gdelt => gdelt::read_reader(builder, file, reader, opts),
        InputFormat::Acled => acled::read(builder, file, reader, opts),
        InputFormat::Csv => csv::read(builder, file, reader, opts),
        InputFormat::TimelineJs => timelinejs::read(builder, file, reader, opts),
        InputFormat::Ics => ics::read(builder, file, reader, opts),
        other => {
            let _ = reader;
            builder.diagnose(
                file,
                None,
                None,
                format!("{} files cannot be read yet", other.as_str()),
            );
            Ok(())
        }
    }
}
