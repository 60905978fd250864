//! Rules added for what English news writes often: references to the
//! present, dates counted from the date last named, named days, amounts
//! per unit of time. Each on sentences written for it.

use super::tests::{day, tagged};
use super::*;

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(t, v)| (t.to_string(), v.to_string()))
        .collect()
}

/// Every derived date of `text` applies again to the same date, by its rule's name.
fn re_checks(text: &str) {
    for t in tag(text, day(2025, 4, 16)) {
        let Some(d) = t.derived else { continue };
        let again = Rule::parse(&d.rule.to_string())
            .and_then(|r| r.apply(d.anchor_day))
            .unwrap();
        assert_eq!(again.shape, d.date.shape, "{}", t.text);
    }
}

#[test]
fn currently_is_the_present() {
    assert_eq!(
        tagged("The chain currently runs 40 stores."),
        pairs(&[("currently", "PRESENT_REF")])
    );
}

#[test]
fn a_named_day_is_not_a_weekday_near_the_anchor() {
    assert!(tagged("Shares fell on Black Monday.").is_empty());
    assert!(tagged("Shops close on Good Friday.").is_empty());
    assert_eq!(
        tagged("Candidates campaigned ahead of Super Tuesday and voted Monday."),
        pairs(&[("Monday", "2025-04-14")])
    );
    // a capital at the start of a sentence is no name
    assert_eq!(
        tagged("Monday was quiet."),
        pairs(&[("Monday", "2025-04-14")])
    );
}

#[test]
fn a_decimal_count_is_not_cut_in_two() {
    let got = tagged("The change will take 1.5 to 2 years and cost 2,5 days.");
    assert!(got.iter().all(|(t, _)| t != "5"), "{got:?}");
    assert!(got.iter().all(|(_, v)| v != "P5Y" && v != "P5D"), "{got:?}");
}

#[test]
fn an_amount_per_unit_of_time_is_a_set() {
    assert_eq!(
        tagged("The contracts bring $300 million a year."),
        pairs(&[("a year", "P1Y")])
    );
    assert_eq!(
        tagged("Workers earn $28 an hour."),
        pairs(&[("an hour", "PT1H")])
    );
    assert_eq!(
        tagged("The airline runs two flights a day."),
        pairs(&[("a day", "P1D")])
    );
    assert_eq!(
        tagged("It opened in 2008 a year late.")[0],
        ("2008".to_string(), "2008".to_string())
    );
    assert_eq!(tagged("The case took a year."), pairs(&[("a year", "P1Y")]));
    let kinds: Vec<Kind> = tag("It pays $5 million a year.", day(2025, 4, 16))
        .iter()
        .map(|t| t.kind)
        .collect();
    assert_eq!(kinds, [Kind::Set]);
}

#[test]
fn the_following_year_and_years_later_count_from_the_last_date() {
    assert_eq!(
        tagged("The iPod came in 2001 and the following year a new system."),
        pairs(&[("2001", "2001"), ("the following year", "2002")])
    );
    assert_eq!(
        tagged("He founded it in 1984. One year later he was fired."),
        pairs(&[("1984", "1984"), ("One year later", "1985")])
    );
    assert_eq!(
        tagged("Deliveries start in 2011 and end two years later."),
        pairs(&[("2011", "2011"), ("two years later", "2013")])
    );
    assert_eq!(
        tagged("Talks began in March 2019; three months later they failed."),
        pairs(&[("March 2019", "2019-03"), ("three months later", "2019-06")])
    );
    assert_eq!(
        tagged("Orders fell in January and recovered the following month."),
        pairs(&[("January", "2025-01"), ("the following month", "2025-02")])
    );
    // from an exact day, the rule is anchored on it
    let all = tag(
        "The plant closed on May 3, 2019. Two years later it reopened.",
        day(2025, 4, 16),
    );
    assert_eq!(all[1].value, "2021");
    let d = all[1].derived.unwrap();
    assert_eq!(
        (d.rule.to_string(), d.anchor),
        ("years:+2".into(), Anchor::Expression(0))
    );
    // "later than" compares, it does not count from a date
    assert!(
        tagged("It arrived three years later than planned.")
            .iter()
            .all(|(t, _)| t != "three years later")
    );
    re_checks(
        "It closed on May 3, 2019. Two years later it reopened; the following month it sold.",
    );
}

#[test]
fn that_time_is_the_date_last_named() {
    assert_eq!(
        tagged("The deal is due by June 10. If no price is agreed by that time, talks end."),
        pairs(&[("June 10", "2025-06-10"), ("that time", "2025-06-10")])
    );
    assert_eq!(
        tagged("He joined in 1996; at that time the firm was small."),
        pairs(&[("1996", "1996"), ("that time", "1996")])
    );
    assert_eq!(
        tagged("Sales peaked in May 2007, and at that time nobody worried."),
        pairs(&[("May 2007", "2007-05"), ("that time", "2007-05")])
    );
    // with nothing named before, some time in the past
    assert_eq!(
        tagged("At that time nobody worried."),
        pairs(&[("that time", "PAST_REF")])
    );
    // "that time" as a plain noun phrase is no date
    assert!(tagged("He spent that time abroad.").is_empty());
    re_checks("The deal is due by June 10. If no price is agreed by that time, talks end.");
}

#[test]
fn dates_counted_from_another_look_back_one_sentence_at_most() {
    // the date in the sentence before counts
    assert_eq!(
        tagged("He was born in 1950. Ten years later the family moved.")[1],
        ("Ten years later".to_string(), "1960".to_string())
    );
    // a date two sentences back does not: the year counts from the publication
    assert_eq!(
        tagged("It opened in 2008. Staff were hired. Sales rose 5% from a year earlier.")[1],
        ("a year earlier".to_string(), "2024".to_string())
    );
    assert_eq!(
        tagged("It opened in 2008. Staff were hired. Sales rose from the previous year.")[1],
        ("the previous year".to_string(), "2024".to_string())
    );
}

#[test]
fn a_month_then_last_or_next_year_is_one_expression() {
    assert_eq!(
        tagged("The index hit that high in September last year."),
        pairs(&[("September last year", "2024-09")])
    );
    assert_eq!(
        tagged("The terminal opens in January next year."),
        pairs(&[("January next year", "2026-01")])
    );
    // a month, then a year of something else, stays two expressions
    assert_eq!(
        tagged("Sales fell in March, last year's best month.").len(),
        2
    );
    re_checks("The index hit that high in September last year.");
}

#[test]
fn halves_of_a_year() {
    assert_eq!(
        tagged("The deal closed in the second half of last year."),
        pairs(&[("the second half of last year", "2024-H2")])
    );
    assert_eq!(
        tagged("Profit rose in the first half of 2008."),
        pairs(&[("the first half of 2008", "2008-H1")])
    );
    assert_eq!(
        tagged("First-half 2023 sales fell."),
        pairs(&[("First-half 2023", "2023-H1")])
    );
    // a half of something else is no date
    assert!(tagged("He scored in the second half of the match.").is_empty());
    re_checks("The deal closed in the second half of last year.");
}

#[test]
fn just_stays_outside_a_duration() {
    assert_eq!(
        tagged("The index fell 6% in just two hours."),
        pairs(&[("two hours", "PT2H")])
    );
    assert_eq!(
        tagged("It lasted nearly five months."),
        pairs(&[("nearly five months", "P5M")])
    );
}
