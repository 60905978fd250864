//! Property tests: bytes that claim to be Parquet (its `PAR1` magic) never
//! panic the loader, nor does a real slice with some of its bytes changed.

use dateline::load::{LoadOptions, load_any_bytes};
use proptest::prelude::*;

fn no_files(_: &str) -> Result<Vec<u8>, String> {
    Err("no files in this test".into())
}

fn load(bytes: &[u8]) {
    if let Err(e) = load_any_bytes("x.parquet", bytes, LoadOptions::default(), &no_files) {
        // Whatever went wrong is said of the file.
        assert!(e.to_string().contains("x.parquet"), "{e}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_after_the_magic_never_panic(
        body in proptest::collection::vec(any::<u8>(), 0..600),
        trailer in any::<bool>(),
    ) {
        let mut bytes = b"PAR1".to_vec();
        bytes.extend(&body);
        if trailer {
            bytes.extend(b"PAR1");
        }
        load(&bytes);
    }

    #[test]
    fn a_damaged_slice_never_panics(
        changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let mut bytes = std::fs::read("tests/fixtures/parquet/gdelt-slice.parquet").unwrap();
        let len = bytes.len();
        for (at, value) in changes {
            bytes[at.index(len)] = value;
        }
        load(&bytes);
    }
}
