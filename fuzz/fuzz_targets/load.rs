//! Feeds arbitrary bytes to the loader in both forms: it must never panic.
#![no_main]

use dateline::load::{load_bytes, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let read = |_: &str| -> Result<Vec<u8>, String> { Ok(b"Mr Rubio will travel to Paris.".to_vec()) };
    let _ = load_bytes("fuzz.json", data, Format::Document, &read);
    let _ = load_bytes("fuzz.jsonl", data, Format::Lines, &read);
});
