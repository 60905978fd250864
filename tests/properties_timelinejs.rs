//! Property tests: the TimelineJS importer never panics, whatever the
//! bytes or the field values, and what it loads has valid dates.

use dateline::load::{ImportOptions, InputFormat, LoadOptions, load_paths_with};
use proptest::prelude::*;

fn load_as_timelinejs(bytes: &[u8]) -> Result<dateline::model::Timeline, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = dir.path().join("t.json");
    std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
    let import = ImportOptions {
        format: Some(InputFormat::TimelineJs),
        ..ImportOptions::default()
    };
    let opts = LoadOptions {
        import: Some(&import),
        ..LoadOptions::default()
    };
    load_paths_with(&[path], opts).map_err(|e| e.to_string())
}

/// A date field as TimelineJS files write them: numbers, strings, blanks.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("null".to_string()),
        Just("\"\"".to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        (-20000i32..20000).prop_map(|n| n.to_string()),
        (0u8..40).prop_map(|n| format!("\"{n:02}\"")),
        "[-0-9a-z,.<>&; ]{0,12}".prop_map(|s| format!("{s:?}")),
        (-1e12f64..1e12).prop_map(|f| f.to_string()),
    ]
}

fn slide() -> impl Strategy<Value = String> {
    (field(), field(), field(), field(), field(), "[ -~]{0,20}").prop_map(
        |(y, m, d, ey, em, headline)| {
            let text = format!("<p>{headline} &amp");
            format!(
                r#"{{"start_date": {{"year": {y}, "month": {m}, "day": {d}}},
                    "end_date": {{"year": {ey}, "month": {em}}},
                    "text": {{"headline": {headline:?}, "text": {text:?}}},
                    "media": {{"url": {headline:?}}}, "group": {m}}}"#
            )
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = load_as_timelinejs(&bytes);
        let mut sheet = b"Year,Month,Day,Headline,Text,Type\n".to_vec();
        sheet.extend_from_slice(&bytes);
        let _ = load_as_timelinejs(&sheet);
    }

    #[test]
    fn any_field_values_load_or_are_skipped(
        slides in proptest::collection::vec(slide(), 0..6),
        eras in proptest::collection::vec(slide(), 0..3),
    ) {
        let doc = format!(
            r#"{{"title": {{"text": {{"headline": "T"}}}}, "eras": [{}], "events": [{}]}}"#,
            eras.join(","),
            slides.join(",")
        );
        match load_as_timelinejs(doc.as_bytes()) {
            Ok(t) => {
                let report = t.import_report();
                prop_assert_eq!(report.rows, 1 + slides.len() + eras.len());
                prop_assert!(t.len() <= slides.len() + eras.len());
                for ix in 0..t.len() as u32 {
                    let date = t.event(ix).date();
                    prop_assert!(date.earliest() <= date.latest());
                }
            }
            // Only a document that is not JSON fails as a whole.
            Err(e) => prop_assert!(e.contains("is not TimelineJS JSON"), "{}", e),
        }
    }
}
