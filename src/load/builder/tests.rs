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

#[test]
fn a_source_whose_url_is_its_id_keeps_the_text_once() {
    use crate::load::native::schema::SourceRecord;
    use std::borrow::Cow;
    let mut b = Builder::new();
    let file = b.add_file("t.export.CSV");
    let source = |id: &'static str, url: &'static str| SourceRecord {
        id: Cow::Borrowed(id),
        outlet: Cow::Borrowed("example.org"),
        title: Cow::Borrowed(""),
        url: Some(Cow::Borrowed(url)),
        published: None,
        text_file: None,
        text: None,
    };
    b.add_source(
        source("https://example.org/a", " https://example.org/a\t"),
        None,
        SourceText::Absent,
        file,
    );
    b.add_source(
        source("s2", "https://example.org/b\u{1b}"),
        None,
        SourceText::Absent,
        file,
    );
    let (a, other) = (&b.sources[0], &b.sources[1]);
    assert_eq!(a.url, a.id);
    assert_eq!(b.arena.get(a.url), "https://example.org/a");
    assert_ne!(other.url, other.id);
    assert_eq!(b.arena.get(other.url), "https://example.org/b\u{241b}");
}
