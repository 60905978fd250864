//! `dateline dates` must stay linear in the length of the text: tagging
//! 10 MB should take about ten times as long as 1 MB.
//!
//!   cargo bench --bench dates

use chrono::NaiveDate;
use dateline::timex;

fn main() {
    divan::main();
}

const PARAGRAPH: &str = "The minister will travel to Paris on Thursday, a spokeswoman said on Wednesday. \
Talks held last weekend ended without a deal; more are expected on Saturday. \
Sales fell 3% in the first quarter of 2024 and rose in mid-March, three years after the crisis. \
Markets closed at 16:00 UTC and will reopen every Monday for the next six months.\n";

fn text(bytes: usize) -> String {
    PARAGRAPH.repeat(bytes / PARAGRAPH.len() + 1)
}

#[divan::bench(args = [1, 10])]
fn tag_megabytes(bencher: divan::Bencher, megabytes: usize) {
    let text = text(megabytes << 20);
    let published = NaiveDate::from_ymd_opt(2025, 4, 16).unwrap();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| timex::tag(divan::black_box(&text), published).len());
}

/// One sentence of 10 MB with no full stop: the sentence splitter cuts it.
#[divan::bench]
fn tag_one_long_run() {
    let text = "word 2024 ".repeat(1 << 20);
    let published = NaiveDate::from_ymd_opt(2025, 4, 16).unwrap();
    divan::black_box(timex::tag(&text, published).len());
}
