use super::*;
use crate::timex::scan::Sentence;

fn spans(text: &str) -> Vec<String> {
    let s = Sentence::new(text);
    find(&s)
        .into_iter()
        .map(|f| s.text[s.toks[f.start].start..s.toks[f.end - 1].end].to_string())
        .collect()
}

#[test]
fn numbers_that_count_things_are_not_years() {
    assert_eq!(spans("About 2000 people marched in 2011."), ["2011"]);
    assert_eq!(
        spans("It cost $2015 and 1,999 units, 2010-11."),
        Vec::<String>::new()
    );
}

#[test]
fn may_and_march_need_a_capital_and_a_context() {
    assert_eq!(spans("Prices may march higher."), Vec::<String>::new());
    assert_eq!(spans("It opened in May."), ["May"]);
    assert_eq!(spans("April Smith spoke."), Vec::<String>::new());
}

#[test]
fn modifiers_join_the_date() {
    assert_eq!(
        spans("Work began in mid-March and ends early 2024."),
        ["mid-March", "early 2024"]
    );
    assert_eq!(spans("by the end of last year"), ["the end of last year"]);
}

#[test]
fn counts_read_words_and_hyphens() {
    let s = Sentence::new("twenty-five years");
    assert_eq!(count(&s, 0), Some((Some(25), 3)));
    let s = Sentence::new("several days");
    assert_eq!(count(&s, 0), Some((None, 1)));
}
