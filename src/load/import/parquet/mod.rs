//! Parquet slices: a table cut from a larger store (DuckDB, Spark,
//! BigQuery) and opened here. Two layouts are read, told apart by their
//! column names: dateline's own (as `dateline list --json` names the
//! fields) and GDELT 2.0 Events (the codebook's names). Only the columns
//! the mapping uses are decoded.
//!
//! GDELT rows go through the same mapping as GDELT's TAB-separated
//! exports ([`gdelt::add_row`]). Diagnostics name a row by its number in
//! the file (1 = the first row) where text formats name a line.

mod add_row;
mod layout;
mod quiet_panic;
#[cfg(test)]
mod tests;
mod values;

use crate::load::builder::{Builder, FileIx};
use crate::load::import::gdelt;
use crate::load::import::rows::RowProgress;
use crate::load::{LoadError, LoadOptions};
use ::parquet::file::metadata::ParquetMetaData;
use ::parquet::file::reader::{ChunkReader, FileReader, SerializedFileReader};
use ::parquet::record::Row;
use ::parquet::record::reader::RowIter;
use ::parquet::schema::types::Type;

use add_row::{add_gdelt_row, add_native_row};
use layout::{Layout, N_SUMMARY, NATIVE_COLUMNS, choose_layout};

/// Reads a Parquet file on disk (it needs seeking: the footer comes first).
pub(crate) fn read_file(
    builder: &mut Builder,
    file: FileIx,
    handle: std::fs::File,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    read_from(builder, file, handle, opts)
}

/// Reads a Parquet file held in memory (standard input, tests).
pub(crate) fn read_bytes(
    builder: &mut Builder,
    file: FileIx,
    bytes: &[u8],
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    read_from(builder, file, bytes::Bytes::copy_from_slice(bytes), opts)
}

fn read_from<R: ChunkReader + 'static>(
    builder: &mut Builder,
    file: FileIx,
    source: R,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    // A damaged file must not bring the program down: the decoder's rare
    // assertions on corrupt input become a diagnostic like its errors.
    let file_len = source.len();
    let opened = quiet_panic::catch_quietly(|| SerializedFileReader::new(source));
    let reader = match opened {
        Ok(Ok(reader)) => reader,
        Ok(Err(e)) => {
            let why = format!("is not a readable Parquet file: {e}");
            builder.diagnose(file, None, None, why);
            return Ok(());
        }
        Err(_) => {
            let why = "is not a readable Parquet file: its metadata is damaged";
            builder.diagnose(file, None, None, why.into());
            return Ok(());
        }
    };
    if let Err(why) = check_chunks(reader.metadata(), file_len) {
        builder.diagnose(
            file,
            None,
            None,
            format!("is not a readable Parquet file: {why}"),
        );
        return Ok(());
    }
    let meta = reader.metadata().file_metadata();
    let total_rows = u64::try_from(meta.num_rows()).unwrap_or(0);
    let root = meta.schema_descr().root_schema();
    let fields = root.get_fields();
    let names: Vec<&str> = fields.iter().map(|f| f.name()).collect();
    let Some((layout, mut slots)) = choose_layout(&names) else {
        let found = if names.is_empty() {
            "no columns".to_string()
        } else {
            format!("columns {}", names.join(", "))
        };
        let why = format!(
            "has {found}; expected dateline's columns (at least id, title, date; also {}) \
             or GDELT 2.0 Event columns (at least GLOBALEVENTID, SQLDATE; as the codebook names them)",
            NATIVE_COLUMNS[N_SUMMARY..].join(", ")
        );
        builder.diagnose(file, None, None, why);
        return Ok(());
    };
    // A projection keeps the file's order of columns.
    slots.sort_unstable();
    let projection = Type::group_type_builder(root.name())
        .with_fields(slots.iter().map(|&(i, _)| fields[i].clone()).collect())
        .build();
    let rows = projection.and_then(|p| reader.get_row_iter(Some(p)));
    let mut rows = match rows {
        Ok(rows) => rows,
        Err(e) => {
            builder.diagnose(file, None, None, format!("cannot be read: {e}"));
            return Ok(());
        }
    };
    let slots: Vec<usize> = slots.into_iter().map(|(_, slot)| slot).collect();
    let mut progress = RowProgress::new(opts, total_rows);
    let mut articles = Vec::new();
    let mut actors = gdelt::Actors::default();
    let mut row_no = 0usize;
    while let Some(row) = next_row(&mut rows) {
        row_no += 1;
        progress.row(builder, 1)?;
        let row = match row {
            Ok(row) => row,
            Err(why) => {
                builder.diagnose(
                    file,
                    Some((row_no, 1)),
                    None,
                    format!("row {row_no}: {why}"),
                );
                break;
            }
        };
        builder.count_row();
        let result = match layout {
            Layout::Gdelt => add_gdelt_row(builder, file, row_no, &row, &slots, &mut actors)
                .map(|a| articles.extend(a)),
            Layout::Native => add_native_row(builder, file, row_no, &row, &slots),
        };
        if let Err(why) = result {
            builder.skip_row(file, Some(row_no), why);
        }
    }
    if layout == Layout::Gdelt {
        gdelt::link_articles(builder, articles);
    }
    Ok(())
}

/// Every column chunk lies within the file: the decoder asserts as much
/// (a damaged footer would otherwise panic it).
fn check_chunks(meta: &ParquetMetaData, file_len: u64) -> Result<(), String> {
    for group in meta.row_groups() {
        for chunk in group.columns() {
            let start = chunk
                .dictionary_page_offset()
                .unwrap_or(chunk.data_page_offset());
            let len = chunk.compressed_size();
            let end = u64::try_from(start)
                .ok()
                .zip(u64::try_from(len).ok())
                .and_then(|(s, l)| s.checked_add(l));
            if end.is_none_or(|end| end > file_len) {
                return Err(format!(
                    "column {} says it lies at bytes {start}+{len}, outside the file's {file_len}",
                    chunk.column_path()
                ));
            }
        }
    }
    Ok(())
}

/// The next row, or why it cannot be decoded.
fn next_row(rows: &mut RowIter<'_>) -> Option<Result<Row, String>> {
    match quiet_panic::catch_quietly(|| rows.next()) {
        Ok(None) => None,
        Ok(Some(Ok(row))) => Some(Ok(row)),
        Ok(Some(Err(e))) => Some(Err(format!("cannot be decoded: {e}"))),
        Err(_) => Some(Err("cannot be decoded: the file is damaged".into())),
    }
}
