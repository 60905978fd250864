//! The tests of the builder's own bookkeeping.

use super::*;

#[test]
fn files_past_65535_are_named_rightly() {
    let mut b = Builder::new();
    let mut last = 0;
    for i in 0..70_000 {
        last = b.add_file(&format!("f{i}.jsonl"));
    }
    assert_eq!(last, 69_999);
    b.diagnose(last, None, None, "duplicate".into());
    assert_eq!(b.diags.kept[0].file, "f69999.jsonl");
}
