//! No importer panics, whatever it is given: arbitrary bytes read as each
//! format and as whatever the content looks like, and GDELT-like rows with
//! fields cut, swapped or filled with junk.

use dateline::load::{ImportOptions, InputFormat, LoadOptions, load_any_bytes};
use proptest::prelude::*;

fn no_files(_: &str) -> Result<Vec<u8>, String> {
    Err("no files here".into())
}

fn load_as(bytes: &[u8], format: Option<InputFormat>) {
    let import = ImportOptions {
        format,
        ..ImportOptions::default()
    };
    let opts = LoadOptions {
        import: Some(&import),
        ..LoadOptions::default()
    };
    if let Ok(t) = load_any_bytes("x.csv", bytes, opts, &no_files) {
        // Whatever loaded is a consistent timeline.
        let earliest = t.earliest_days();
        assert!(earliest.windows(2).all(|w| w[0] <= w[1]));
        let report = t.import_report();
        assert!(report.skipped_total <= report.rows || report.rows == 0);
    }
}

const GDELT_ROW: &str = include_str!("fixtures/gdelt/20250807220000.export.CSV");

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_any_importer(bytes in proptest::collection::vec(any::<u8>(), 0..768)) {
        load_as(&bytes, None);
        for name in InputFormat::NAMES {
            load_as(&bytes, InputFormat::parse(name));
        }
    }

    #[test]
    fn mangled_gdelt_rows_load_or_are_skipped(
        row in 0usize..13,
        cuts in proptest::collection::vec((0usize..61, "[^\t\n]{0,12}"), 0..6),
    ) {
        let line = GDELT_ROW.lines().nth(row).unwrap();
        let mut fields: Vec<String> = line.split('\t').map(str::to_string).collect();
        for (at, junk) in &cuts {
            if let Some(f) = fields.get_mut(*at) {
                *f = junk.clone();
            }
        }
        let text = format!("{line}\n{}\n", fields.join("\t"));
        let import = ImportOptions { format: Some(InputFormat::Gdelt), ..ImportOptions::default() };
        let opts = LoadOptions { import: Some(&import), ..LoadOptions::default() };
        match load_any_bytes("g.export.CSV", text.as_bytes(), opts, &no_files) {
            Ok(t) => {
                let report = t.import_report();
                prop_assert_eq!(report.rows, 2);
                // Each row is an event or a skipped row (a copy of the
                // first is skipped as a duplicate id), never lost.
                prop_assert_eq!(t.len() + report.skipped_total, 2);
            }
            Err(e) => prop_assert!(e.to_string().contains("g.export.CSV"), "{}", e),
        }
    }
}
