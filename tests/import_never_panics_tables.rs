//! The ACLED and spreadsheet importers never panic: arbitrary bytes, and
//! text made of the characters tables are made of (delimiters, quotes, line
//! breaks, digits and date separators), load or fail with a message naming
//! the file.

use dateline::load::{ImportOptions, InputFormat, LoadOptions, load_path_with};
use proptest::prelude::*;

fn load_as(bytes: &[u8], format: Option<InputFormat>, month_first: bool) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("t.csv");
    std::fs::write(&path, bytes).expect("written");
    let import = ImportOptions {
        format,
        month_first,
        ..ImportOptions::default()
    };
    let opts = LoadOptions {
        import: Some(&import),
        ..LoadOptions::default()
    };
    if let Err(e) = load_path_with(&path, opts) {
        assert!(e.to_string().contains("t.csv"), "{e}");
    }
}

fn tableish() -> impl Strategy<Value = String> {
    let header = prop_oneof![
        Just("event_id_cnty,event_date,time_precision,actor1,assoc_actor_1,actor2,country,source,notes,fatalities\n".to_string()),
        Just("date,end,title,summary,actors,countries,url,source,status\n".to_string()),
        Just(String::new()),
    ];
    let body = proptest::collection::vec(
        prop_oneof![
            Just(","),
            Just(";"),
            Just("\t"),
            Just("\""),
            Just("\n"),
            Just("\r\n"),
            Just("/"),
            Just("-"),
            Just("0"),
            Just("1"),
            Just("13"),
            Just("2025"),
            Just("97"),
            Just("December"),
            Just("FR"),
            Just("Narnia"),
            Just("http://"),
            Just("a"),
            Just(" "),
            Just("\u{feff}"),
            Just("é"),
            Just("~"),
            Just(".."),
        ],
        0..80,
    )
    .prop_map(|parts| parts.concat());
    (header, body).prop_map(|(h, b)| h + &b)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        load_as(&bytes, Some(InputFormat::Acled), false);
        load_as(&bytes, Some(InputFormat::Csv), false);
    }

    #[test]
    fn table_like_text_never_panics(text in tableish(), month_first in any::<bool>()) {
        load_as(text.as_bytes(), Some(InputFormat::Acled), month_first);
        load_as(text.as_bytes(), Some(InputFormat::Csv), month_first);
        load_as(text.as_bytes(), None, month_first);
    }

    #[test]
    fn utf16_text_never_panics(text in tableish(), little in any::<bool>()) {
        let mut bytes = if little { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for unit in text.encode_utf16() {
            bytes.extend(if little { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        // An odd trailing byte, as a cut file may have.
        bytes.push(b'x');
        load_as(&bytes, None, false);
    }
}
