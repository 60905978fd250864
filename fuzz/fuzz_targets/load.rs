//! Feeds arbitrary bytes to the loader in both native forms and to every
//! importer, forced and sniffed: none may panic.
#![no_main]

use dateline::load::{Format, ImportOptions, InputFormat, LoadOptions, load_any_bytes, load_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let read = |_: &str| -> Result<Vec<u8>, String> { Ok(b"Mr Rubio will travel to Paris.".to_vec()) };
    let _ = load_bytes("fuzz.json", data, Format::Document, &read);
    let _ = load_bytes("fuzz.jsonl", data, Format::Lines, &read);
    let formats = std::iter::once(None).chain(InputFormat::NAMES.iter().map(|n| InputFormat::parse(n)));
    for format in formats {
        let import = ImportOptions { format, ..ImportOptions::default() };
        let opts = LoadOptions { import: Some(&import), ..LoadOptions::default() };
        let _ = load_any_bytes("fuzz.csv", data, opts, &read);
    }
});
