//! Parquet slices open as they are, in dateline's own columns or GDELT's.
//! The files are written here with the parquet crate's writer (nulls, a
//! bad date, integers where GDELT's files have digits); the slice in
//! tests/fixtures/parquet was cut by DuckDB from the GDELT fixture with the
//! README's query.

use assert_cmd::Command;
use dateline::load::load_path;
use dateline::model::{Status, Timeline, country};
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const SLICE: &str = "tests/fixtures/parquet/gdelt-slice.parquet";
const EXPORT: &str = "tests/fixtures/gdelt/20250807220000.export.CSV";

/// One column's values, row by row (`None` = null).
enum Col {
    Str(&'static str, Vec<Option<&'static str>>),
    I32(&'static str, Vec<Option<i32>>),
    I64(&'static str, Vec<Option<i64>>),
    F64(&'static str, Vec<Option<f64>>),
    /// A LIST of strings.
    List(&'static str, Vec<Option<Vec<&'static str>>>),
}

fn write_parquet(path: &Path, cols: &[Col], compression: Compression) {
    let fields: Vec<String> = cols
        .iter()
        .map(|c| match c {
            Col::Str(n, _) => format!("OPTIONAL BYTE_ARRAY {n} (UTF8);"),
            Col::I32(n, _) => format!("OPTIONAL INT32 {n};"),
            Col::I64(n, _) => format!("OPTIONAL INT64 {n};"),
            Col::F64(n, _) => format!("OPTIONAL DOUBLE {n};"),
            Col::List(n, _) => format!(
                "OPTIONAL GROUP {n} (LIST) {{ REPEATED GROUP list {{ OPTIONAL BYTE_ARRAY element (UTF8); }} }}"
            ),
        })
        .collect();
    let schema = parse_message_type(&format!("message schema {{ {} }}", fields.join(" "))).unwrap();
    let props = WriterProperties::builder()
        .set_compression(compression)
        .build();
    let file = std::fs::File::create(path).unwrap();
    let mut writer = SerializedFileWriter::new(file, Arc::new(schema), Arc::new(props)).unwrap();
    let mut group = writer.next_row_group().unwrap();
    for col in cols {
        let mut w = group.next_column().unwrap().unwrap();
        fn flat<T: Clone>(values: &[Option<T>]) -> (Vec<T>, Vec<i16>) {
            let defs = values.iter().map(|v| i16::from(v.is_some())).collect();
            (values.iter().flatten().cloned().collect(), defs)
        }
        let bytes = |v: &[Option<&str>]| -> Vec<Option<ByteArray>> {
            v.iter().map(|s| s.map(ByteArray::from)).collect()
        };
        match col {
            Col::Str(_, v) => {
                let (vals, defs) = flat(&bytes(v));
                w.typed::<ByteArrayType>()
                    .write_batch(&vals, Some(&defs), None)
            }
            Col::I32(_, v) => {
                let (vals, defs) = flat(v);
                w.typed::<Int32Type>().write_batch(&vals, Some(&defs), None)
            }
            Col::I64(_, v) => {
                let (vals, defs) = flat(v);
                w.typed::<Int64Type>().write_batch(&vals, Some(&defs), None)
            }
            Col::F64(_, v) => {
                let (vals, defs) = flat(v);
                w.typed::<DoubleType>()
                    .write_batch(&vals, Some(&defs), None)
            }
            Col::List(_, rows) => {
                // Definition levels: 0 null list, 1 empty, 3 an element.
                let (mut vals, mut defs, mut reps) = (Vec::new(), Vec::new(), Vec::new());
                for row in rows {
                    match row {
                        None => {
                            defs.push(0);
                            reps.push(0);
                        }
                        Some(items) if items.is_empty() => {
                            defs.push(1);
                            reps.push(0);
                        }
                        Some(items) => {
                            for (i, item) in items.iter().enumerate() {
                                vals.push(ByteArray::from(*item));
                                defs.push(3);
                                reps.push(i16::from(i > 0));
                            }
                        }
                    }
                }
                w.typed::<ByteArrayType>()
                    .write_batch(&vals, Some(&defs), Some(&reps))
            }
        }
        .unwrap();
        w.close().unwrap();
    }
    group.close().unwrap();
    writer.close().unwrap();
}

/// Five rows of dateline's columns: two good, a bad date, no id, a bad
/// status.
fn native_file(dir: &Path) -> PathBuf {
    let path = dir.join("native.parquet");
    let cols = [
        Col::Str(
            "id",
            vec![
                Some("talks"),
                Some("truce"),
                Some("bad-date"),
                None,
                Some("odd"),
            ],
        ),
        Col::Str(
            "title",
            vec![
                Some("Talks open"),
                Some("Truce agreed"),
                Some("Never"),
                Some("No id"),
                Some("Odd"),
            ],
        ),
        Col::Str(
            "date",
            vec![
                Some("2025-03-04"),
                Some("2025-03~"),
                Some("2025-13-45"),
                Some("2025"),
                Some("2025"),
            ],
        ),
        Col::Str(
            "status",
            vec![Some("scheduled"), None, None, None, Some("maybe")],
        ),
        Col::List(
            "actors",
            vec![Some(vec!["un", "eu"]), None, Some(vec![]), None, None],
        ),
        Col::Str(
            "topics",
            vec![Some("diplomacy; talks"), None, None, None, None],
        ),
        Col::List(
            "countries",
            vec![Some(vec!["FR"]), Some(vec![]), None, None, None],
        ),
        Col::Str("place", vec![Some("Geneva"), None, None, None, None]),
        Col::Str("place_country", vec![Some("CH"), None, None, None, None]),
        Col::Str(
            "summary",
            vec![None, Some("Both sides sign."), None, None, None],
        ),
        Col::List(
            "sources",
            vec![
                Some(vec!["https://www.example.org/talks", "wire-report"]),
                None,
                None,
                None,
                None,
            ],
        ),
        Col::I32("unused", vec![Some(1), Some(2), Some(3), Some(4), Some(5)]),
    ];
    write_parquet(&path, &cols, Compression::SNAPPY);
    path
}

fn load(path: &Path) -> Timeline {
    load_path(path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn native_columns_map_to_events_and_bad_rows_are_skipped_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = native_file(dir.path());
    let t = load(&path);
    assert_eq!(t.len(), 2);
    let e = t.event(t.find_event("talks").unwrap());
    assert_eq!(e.title(), "Talks open");
    assert_eq!(e.date().edtf(), "2025-03-04");
    assert_eq!(e.status(), Status::Scheduled);
    let actors: Vec<&str> = e.actors().iter().map(|a| t.actor(a.actor).id()).collect();
    assert_eq!(actors, ["un", "eu"]);
    assert_eq!(e.topics().collect::<Vec<_>>(), ["diplomacy", "talks"]);
    let countries: Vec<&str> = e.countries().iter().map(|&c| country::code(c)).collect();
    assert_eq!(countries, ["FR"]);
    assert_eq!(e.place(), "Geneva");
    assert_eq!(e.place_country().map(country::code), Some("CH"));
    // Sources known only by their ids: a URL gives its outlet.
    let sources: Vec<(&str, &str, &str)> = e
        .sources()
        .iter()
        .map(|s| (s.id(), s.outlet(), s.url().unwrap_or("")))
        .collect();
    assert_eq!(
        sources,
        [
            (
                "https://www.example.org/talks",
                "example.org",
                "https://www.example.org/talks"
            ),
            ("wire-report", "", ""),
        ]
    );
    let truce = t.event(t.find_event("truce").unwrap());
    assert_eq!(truce.date().edtf(), "2025-03~");
    assert_eq!(truce.summary(), "Both sides sign.");
    assert_eq!(truce.status(), Status::Occurred);
    assert!(truce.actors().is_empty());

    let report = t.import_report();
    assert_eq!((report.rows, report.skipped_total), (5, 3), "{report:?}");
    let all = report.skipped.join("\n");
    assert!(all.contains("native.parquet:3:"), "{all}");
    assert!(all.contains("native.parquet:4:1: has no id"), "{all}");
    assert!(all.contains("native.parquet:5:1: status 'maybe'"), "{all}");

    let check = Command::cargo_bin("dateline")
        .unwrap()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1);
    let out = String::from_utf8_lossy(&check.get_output().stdout).into_owned();
    assert!(out.contains("native.parquet:4:1: has no id"), "{out}");
    assert!(out.contains("3 of 5 rows skipped"), "{out}");
    let list = Command::cargo_bin("dateline")
        .unwrap()
        .args(["list", "--json"])
        .arg(&path)
        .assert()
        .success();
    let out = String::from_utf8_lossy(&list.get_output().stdout).into_owned();
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // The month (2025-03~) sorts before a day in it.
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (&rows[0]["id"], &rows[1]["id"]),
        (&"truce".into(), &"talks".into())
    );
    assert_eq!(rows[1]["place_country"], "CH");
    assert_eq!(rows[1]["actors"], serde_json::json!(["un", "eu"]));
}

/// GDELT's columns as a tool writes them after reading the exports with
/// inferred types: integers for ids, dates and CAMEO codes.
fn gdelt_file(dir: &Path) -> PathBuf {
    let path = dir.join("gdelt.parquet");
    let url = "https://example.org/a";
    let cols = [
        Col::I32("GLOBALEVENTID", vec![Some(1), Some(2), Some(3), Some(4)]),
        Col::I32(
            "SQLDATE",
            vec![Some(20250807), Some(20251345), None, Some(20250806)],
        ),
        Col::Str(
            "Actor1Code",
            vec![Some("ISR"), Some("ISR"), Some("ISR"), None],
        ),
        Col::Str(
            "Actor1Name",
            vec![Some("ISRAEL"), Some("ISRAEL"), Some("ISRAEL"), None],
        ),
        Col::Str(
            "Actor1CountryCode",
            vec![Some("ISR"), Some("ISR"), Some("ISR"), None],
        ),
        Col::Str("Actor2Name", vec![None, None, None, Some("UNITED NATIONS")]),
        Col::Str("Actor2Code", vec![None, None, None, Some("IGOUNO")]),
        Col::I32("EventCode", vec![Some(43), Some(43), Some(43), Some(1011)]),
        Col::I32("EventRootCode", vec![Some(4), Some(4), Some(4), Some(10)]),
        Col::F64("GoldsteinScale", vec![Some(2.8), None, None, Some(-5.0)]),
        Col::I64("NumMentions", vec![Some(3), None, None, None]),
        Col::I32("ActionGeo_Type", vec![Some(1), None, None, Some(0)]),
        Col::Str("ActionGeo_FullName", vec![Some("Jordan"), None, None, None]),
        Col::Str("ActionGeo_CountryCode", vec![Some("JO"), None, None, None]),
        Col::I64(
            "DATEADDED",
            vec![Some(20250807220000), None, None, Some(20250807220000)],
        ),
        Col::Str(
            "SOURCEURL",
            vec![Some(url), Some(url), Some(url), Some(url)],
        ),
    ];
    write_parquet(&path, &cols, Compression::GZIP(Default::default()));
    path
}

#[test]
fn gdelt_columns_go_through_gdelts_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let t = load(&gdelt_file(dir.path()));
    assert_eq!(t.len(), 2);
    let e = t.event(t.find_event("gdelt-1").unwrap());
    assert_eq!(e.date().edtf(), "2025-08-07");
    // CAMEO 043 read back from the integer 43.
    assert!(
        e.title().starts_with("Host a visit: Israel"),
        "{}",
        e.title()
    );
    assert!(
        e.summary()
            .starts_with("CAMEO 043 (root 04: Consult); Goldstein scale 2.8; mentions 3"),
        "{}",
        e.summary()
    );
    assert_eq!(e.place(), "Jordan");
    assert_eq!(e.place_country().map(country::code), Some("JO"));
    assert_eq!(
        e.date_origin(),
        Some("coded by GDELT; reported 2025-08-07 22:00")
    );
    let other = t.event(t.find_event("gdelt-4").unwrap());
    assert!(
        other.summary().starts_with("CAMEO 1011 (root 10: Demand)"),
        "{}",
        other.summary()
    );
    assert!(other.place().is_empty());
    assert!(
        other.date_origin().unwrap().contains("1 days after"),
        "{:?}",
        other.date_origin()
    );

    let report = t.import_report();
    assert_eq!((report.rows, report.skipped_total), (4, 2), "{report:?}");
    let all = report.skipped.join("\n");
    assert!(
        all.contains("gdelt.parquet:2:1: SQLDATE '20251345' is not a real YYYYMMDD date"),
        "{all}"
    );
    assert!(
        all.contains("gdelt.parquet:3:1: SQLDATE '' is not"),
        "{all}"
    );
}

#[test]
fn a_duckdb_slice_reads_like_the_rows_it_was_cut_from() {
    // The export alone, without its Mentions file beside it.
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("20250807220000.export.CSV");
    std::fs::copy(EXPORT, &export).unwrap();
    let json = |path: &Path| {
        let out = Command::cargo_bin("dateline")
            .unwrap()
            .args(["list", "--json"])
            .arg(path)
            .assert()
            .success();
        String::from_utf8_lossy(&out.get_output().stdout).into_owned()
    };
    let from_csv = json(&export);
    // The slice keeps the rows dated from July 2025 on.
    let expected: Vec<&str> = from_csv
        .lines()
        .filter(|l| !l.contains("\"date\":\"2024-"))
        .collect();
    let from_slice = json(Path::new(SLICE));
    assert_eq!(expected.len(), 11);
    assert_eq!(from_slice.lines().collect::<Vec<_>>(), expected);

    Command::cargo_bin("dateline")
        .unwrap()
        .arg("check")
        .arg(SLICE)
        .assert()
        .success();
    let show = Command::cargo_bin("dateline")
        .unwrap()
        .args(["show", "gdelt-1256322778"])
        .arg(SLICE)
        .assert()
        .success();
    let out = String::from_utf8_lossy(&show.get_output().stdout).into_owned();
    assert!(
        out.contains("Consult (general): United Arab Emirates → United States"),
        "{out}"
    );
}

#[test]
fn a_file_with_neither_layout_names_its_columns_and_both_layouts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.parquet");
    let cols = [
        Col::Str("headline", vec![Some("x")]),
        Col::I32("when", vec![Some(1)]),
    ];
    write_parquet(&path, &cols, Compression::UNCOMPRESSED);
    let Err(err) = load_path(&path) else {
        panic!("neither layout fails")
    };
    let err = err.to_string();
    assert!(err.contains("other.parquet"), "{err}");
    assert!(err.contains("has columns headline, when"), "{err}");
    assert!(
        err.contains("dateline's columns (at least id, title, date"),
        "{err}"
    );
    assert!(
        err.contains("GDELT 2.0 Event columns (at least GLOBALEVENTID, SQLDATE"),
        "{err}"
    );
    Command::cargo_bin("dateline")
        .unwrap()
        .arg("check")
        .arg(&path)
        .assert()
        .failure();
}

#[test]
fn a_truncated_file_is_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read(SLICE).unwrap();
    let path = dir.path().join("cut.parquet");
    std::fs::write(&path, &good[..good.len() / 2]).unwrap();
    let Err(err) = load_path(&path) else {
        panic!("a truncated file fails")
    };
    let err = err.to_string();
    assert!(
        err.contains("cut.parquet: is not a readable Parquet file"),
        "{err}"
    );
}

#[test]
fn a_damaged_file_is_one_clean_message_without_a_panic_report() {
    let out = Command::cargo_bin("dateline")
        .unwrap()
        .arg("check")
        .arg("tests/fixtures/parquet/damaged-footer.parquet")
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("damaged-footer.parquet"), "{err}");
    assert!(err.contains("the file is damaged"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
