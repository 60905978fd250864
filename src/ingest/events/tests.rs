//! The tests of candidate events: dates, statuses, titles and anchors.

use super::*;

fn wed() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 4, 16).unwrap()
}

fn one(text: &str) -> Candidate {
    let mut all = candidates(text, wed());
    assert_eq!(all.len(), 1, "{text}");
    all.remove(0)
}

#[test]
fn status_from_tense_and_modality() {
    assert_eq!(
        one("The minister will visit Rome on Thursday.").status,
        Status::Scheduled
    );
    assert_eq!(
        one("She is scheduled to visit on Thursday.").status,
        Status::Scheduled
    );
    assert_eq!(
        one("More talks are expected on Saturday.").status,
        Status::Expected
    );
    assert_eq!(
        one("Police have been searching since last month.").status,
        Status::Ongoing
    );
    assert_eq!(
        one("He has been arrested last week.").status,
        Status::Occurred
    );
    assert_eq!(
        one("The envoy met Putin last Friday.").status,
        Status::Occurred
    );
    assert_eq!(
        one("Vance is visiting Italy later in the week.").status,
        Status::Scheduled
    );
}

#[test]
fn titles_and_quotes_are_the_sentence_s_own_words() {
    let c = one("Intro.\nThe envoy met Putin last Friday in St Petersburg.");
    assert_eq!(c.title, "The envoy met Putin in St Petersburg");
    assert_eq!(
        c.sentence,
        "The envoy met Putin last Friday in St Petersburg."
    );
    assert_eq!((c.start, c.end), (7, 7 + c.sentence.chars().count()));
}

#[test]
fn a_date_after_since_is_no_happening_s_date() {
    assert!(candidates("It was the lowest close since October 9, 2002.", wed()).is_empty());
}

#[test]
fn the_dateline_is_not_a_happening() {
    assert!(candidates("Headline\n2025-04-16\nNothing dated here.", wed()).is_empty());
}

#[test]
fn a_present_perfect_happened_before_the_article() {
    let c = one("Moscow has effectively refused to accept a ceasefire.");
    assert_eq!(
        (c.phrase.as_str(), c.date.edtf()),
        ("has effectively refused", "../2025-04-15".to_string())
    );
    let c = one("Rebels have been fighting in the north.");
    assert_eq!(c.status, Status::Ongoing);
    assert!(candidates("They talk a lot.", wed()).is_empty());
}

#[test]
fn what_will_happen_next_takes_the_planned_day() {
    let all = candidates(
        "Rubio will be in Paris on Thursday. Macron will meet him. Talks ended.",
        wed(),
    );
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].sentence, "Macron will meet him.");
    assert_eq!(
        (all[1].date.edtf(), &all[1].from),
        ("2025-04-17".to_string(), &From::Event(0))
    );
}

#[test]
fn years_after_dates_the_clause() {
    let c = one("Peace talks came more than three years after Russia launched the war.");
    assert_eq!(c.date.edtf(), "../2022-04-15");
    assert_eq!(
        c.phrase,
        "more than three years after Russia launched the war"
    );
}

#[test]
fn a_following_day_is_anchored_on_its_event() {
    let all = candidates(
        "The plane crashed on March 3. The following day, rescuers arrived.",
        wed(),
    );
    assert_eq!(all[1].from, From::Event(0));
    assert_eq!(all[1].date.edtf(), "2025-03-04");
}
