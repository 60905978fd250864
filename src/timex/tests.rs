//! Each rule of the tagger on sentences written for it.

use super::*;

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// (text, value) of every expression, published Wednesday 16 April 2025.
pub(super) fn tagged(text: &str) -> Vec<(String, String)> {
    tag(text, day(2025, 4, 16))
        .into_iter()
        .map(|t| (t.text, t.value))
        .collect()
}

fn one(text: &str) -> (String, String) {
    let all = tagged(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.into_iter().next().unwrap()
}

fn value(text: &str) -> String {
    one(text).1
}

#[test]
fn explicit_dates_in_every_common_form() {
    assert_eq!(value("It happened on April 11, 2025."), "2025-04-11");
    assert_eq!(value("It happened on 11 April 2025."), "2025-04-11");
    assert_eq!(
        value("It happened on Friday, April 11, 2025."),
        "2025-04-11"
    );
    assert_eq!(value("It happened on Sept. 3, 2019."), "2019-09-03");
    assert_eq!(value("It happened in March 2019."), "2019-03");
    assert_eq!(value("It happened in 2019."), "2019");
    assert_eq!(value("Filed 2024-02-29 in court."), "2024-02-29");
    assert_eq!(
        value("It happened on the 11th of April 2025."),
        "2025-04-11"
    );
}

#[test]
fn dates_without_a_year_follow_the_tense() {
    assert_eq!(value("The deal was signed on December 3."), "2024-12-03");
    assert_eq!(value("The summit will open on March 3."), "2026-03-03");
    assert_eq!(value("Talks resumed in May."), "2024-05");
    assert_eq!(value("Voting ends on the 20th."), "2025-04-20");
    assert_eq!(value("It was signed on the 20th."), "2025-03-20");
}

#[test]
fn modifiers_keep_the_value() {
    assert_eq!(
        one("Work starts in mid-March."),
        ("mid-March".into(), "2025-03".into())
    );
    assert_eq!(value("Sales fell in early 2024."), "2024");
    assert_eq!(value("It ends late next year."), "2026");
}

#[test]
fn weekdays_resolve_by_tense() {
    assert_eq!(
        value("The minister will fly to Rome on Thursday."),
        "2025-04-17"
    );
    assert_eq!(
        value("The minister flew to Rome on Thursday."),
        "2025-04-10"
    );
    assert_eq!(
        value("The minister flew to Rome on Wednesday."),
        "2025-04-16"
    );
    assert_eq!(value("She met him last Friday."), "2025-04-11");
    assert_eq!(value("She meets him next Friday."), "2025-04-18");
}

#[test]
fn days_around_the_anchor() {
    assert_eq!(value("Police said yesterday."), "2025-04-15");
    assert_eq!(value("The vote is today."), "2025-04-16");
    assert_eq!(value("The vote is tomorrow."), "2025-04-17");
    assert_eq!(
        one("The vote is tonight."),
        ("tonight".into(), "2025-04-16TNI".into())
    );
    assert_eq!(value("It rained this morning."), "2025-04-16TMO");
}

#[test]
fn weeks_months_years_and_weekends() {
    assert_eq!(value("They met last week."), "2025-W15");
    assert_eq!(value("They meet this week."), "2025-W16");
    assert_eq!(value("They meet next week."), "2025-W17");
    assert_eq!(value("They met last month."), "2025-03");
    assert_eq!(value("They meet next month."), "2025-05");
    assert_eq!(value("They met last year."), "2024");
    assert_eq!(value("They met last weekend."), "2025-W15-WE");
    assert_eq!(value("They meet this weekend."), "2025-W16-WE");
    assert_eq!(value("They met last summer."), "2024-SU");
    assert_eq!(value("Vance visits later in the week."), "2025-W16");
    assert_eq!(value("Prices rose earlier this month."), "2025-04");
}

#[test]
fn spans_of_time_and_references() {
    assert_eq!(value("It fell over the past few days."), "PXD");
    assert_eq!(value("It ended three years ago."), "2022");
    assert_eq!(value("It lasted three years."), "P3Y");
    assert_eq!(value("It came more than three years after the war."), "P3Y");
    assert_eq!(value("A deal is due within two weeks."), "P2W");
    assert_eq!(value("A 30-day halt."), "P30D");
    assert_eq!(value("It was popular in the 1990s."), "199");
    assert_eq!(value("Profit rose in the first quarter."), "2025-Q1");
    assert_eq!(
        value("Profit rose in the fourth quarter of 2023."),
        "2023-Q4"
    );
    assert_eq!(value("Profit rose in fiscal 2024."), "FY2024");
    assert_eq!(value("It is cheaper now."), "PRESENT_REF");
    assert_eq!(value("It has risen recently."), "PAST_REF");
}

#[test]
fn sets_and_times_of_day() {
    assert_eq!(value("They meet every Friday."), "XXXX-WXX-5");
    assert_eq!(value("They meet weekly."), "P1W");
    assert_eq!(value("It makes 15 a year."), "P1Y");
    assert_eq!(value("It landed at 18:00 UTC."), "2025-04-16T18:00Z");
    assert_eq!(
        value("It landed at 6:40 p.m. on Monday."),
        "2025-04-14T18:40"
    );
    assert_eq!(value("It crashed on Friday morning."), "2025-04-11TMO");
}

#[test]
fn a_date_can_anchor_another() {
    let all = tag(
        "The plane crashed on March 3. The following day, rescuers arrived.",
        day(2025, 4, 16),
    );
    assert_eq!(all[1].value, "2025-03-04");
    let d = all[1].derived.unwrap();
    assert_eq!(
        (d.rule.to_string(), d.anchor),
        ("days:+1".into(), Anchor::Expression(0))
    );
    assert_eq!(d.rule.apply(d.anchor_day), Some(d.date));
}

#[test]
fn offsets_count_characters_and_the_dateline_is_skipped() {
    let text = "Héadline\nApril 16, 2025\nIt happened “yesterday”.";
    let all = tag(text, day(2025, 4, 16));
    assert_eq!(all.len(), 1);
    let t = &all[0];
    assert_eq!(
        text.chars()
            .skip(t.start)
            .take(t.end - t.start)
            .collect::<String>(),
        "yesterday"
    );
}

#[test]
fn every_derived_date_re_checks() {
    let text = "On Thursday, last week, in May, on March 3, the 1990s, next summer, the first quarter, this weekend, tomorrow.";
    for t in tag(text, day(2025, 4, 16)) {
        let d = t.derived.unwrap();
        let name = d.rule.to_string();
        let again = Rule::parse(&name).unwrap().apply(d.anchor_day).unwrap();
        assert_eq!(again.shape, d.date.shape, "{}", t.text);
    }
}

#[test]
fn bad_input_is_refused_clearly() {
    assert!(matches!(
        parse_published("2025-02-30"),
        Err(TextError::PublishedImpossible(_))
    ));
    assert!(matches!(
        parse_published("16/04/2025"),
        Err(TextError::PublishedSyntax(_))
    ));
    let e = text_from_bytes(b"ok\nab\xffc".to_vec(), "a.txt").unwrap_err();
    assert_eq!(
        e.to_string(),
        "a.txt: not UTF-8 text (invalid byte at line 2, column 3)"
    );
    assert!(matches!(
        text_from_bytes(b" \n".to_vec(), "x"),
        Err(TextError::Empty(_))
    ));
}

fn values(text: &str) -> Vec<String> {
    tagged(text).into_iter().map(|(_, v)| v).collect()
}

#[test]
fn the_same_period_a_year_back_follows_the_month_last_named() {
    assert_eq!(
        values("Sales rose in February from the same period last year."),
        ["2025-02", "2024-02"]
    );
    assert_eq!(
        values("In March 2019 profit fell against the same month a year earlier."),
        ["2019-03", "2018-03"]
    );
    // with no month named, the year before the publication's
    assert_eq!(
        value("Sales beat the same period of the previous year."),
        "2024"
    );
    assert!(
        tagged("He said the same thing last year.")
            .iter()
            .all(|(t, _)| t == "last year")
    );
}

#[test]
fn the_year_before_follows_the_last_date_named() {
    assert_eq!(
        values("Debt rose in 2019, twice as fast as the year before."),
        ["2019", "2018"]
    );
    assert_eq!(
        values("Revenue was up last year from the previous year."),
        ["2024", "2023"]
    );
    assert_eq!(value("Revenue was up from the year previous."), "2024");
}

#[test]
fn a_month_of_last_or_next_year_is_one_expression() {
    assert_eq!(
        one("They bought it in April of last year."),
        ("April of last year".into(), "2024-04".into())
    );
    assert_eq!(value("Leases end after October of next year."), "2026-10");
    assert_eq!(value("It opens in June of this year."), "2025-06");
}

#[test]
fn a_season_alone_is_a_date_unless_a_verb_or_a_name() {
    // published in spring 2025: the spring under way, whatever the tense
    assert_eq!(value("``But spring shows signs of hope.''"), "2025-SP");
    assert_eq!(value("The bank held its autumn meetings."), "2024-FA");
    assert_eq!(value("Ministers meet for their Winter summit."), "2025-WI");
    assert!(tagged("New firms spring up everywhere.").is_empty());
    assert!(tagged("Donna Summer sang.").is_empty());
    assert!(tagged("Prices may fall further.").is_empty());
}

#[test]
fn a_year_in_two_digits_after_an_apostrophe() {
    assert_eq!(value("Stocks are at their lowest since '82."), "1982");
    assert_eq!(value("It was founded in '08 by two friends."), "2008");
    assert!(tagged("He scored 82 points.").is_empty());
}

#[test]
fn recurrence_words_in_names_are_not_sets() {
    assert!(tagged("The China Daily newspaper reported it.").is_empty());
    assert!(tagged("The Daily Mail said so.").is_empty());
    assert_eq!(value("The paper appears daily."), "P1D");
}

#[test]
fn a_time_takes_the_day_named_right_after_it() {
    assert_eq!(
        values("They will speak at 16:15 UTC, June 1st, in New York."),
        ["2025-06-01T16:15Z", "2025-06-01"]
    );
    assert_eq!(
        values("They spoke at 16:15 UTC on April 11, 2025."),
        ["2025-04-11T16:15Z", "2025-04-11"]
    );
}

#[test]
fn ranges_and_halves_of_durations() {
    assert_eq!(
        values("It would take between 60 and 90 days."),
        ["P60D", "P90D"]
    );
    assert_eq!(values("It is two to three years late."), ["P2Y", "P3Y"]);
    assert_eq!(value("It is almost two and a half years late."), "P2.5Y");
}

#[test]
fn the_entire_year_and_late_in_the_day_refer_back() {
    assert_eq!(
        values("It lost money in the fourth quarter of 2019 and for the entire year."),
        ["2019-Q4", "2019"]
    );
    assert_eq!(
        values("On March 3, 2025 the index rebounded late in the day."),
        ["2025-03-03", "2025-03-03"]
    );
    // with no date named before, the publication's year
    assert_eq!(value("Sales fell for the entire year."), "2025");
}

#[test]
fn dates_written_with_slashes_read_month_first() {
    assert_eq!(
        value("It was written 7/8/07 in the American way."),
        "2007-07-08"
    );
    assert_eq!(value("It closed on 12/31/1999."), "1999-12-31");
    assert_eq!(value("It closed on 25/12/2024."), "2024-12-25");
    assert!(tagged("The vote split 3/4/5 among them.").is_empty());
    assert!(tagged("Odds were 1/2/3/4.").is_empty());
}

#[test]
fn a_week_of_a_month_is_an_iso_week() {
    // the last week wholly or mostly in March 2025 is 24-30 March
    assert_eq!(
        one("Sales rebounded in the last week of March."),
        ("the last week of March".into(), "2025-W13".into())
    );
    assert_eq!(value("It opens in the first week of May 2024."), "2024-W18");
    assert_eq!(value("It opens in the second week of June."), "2025-W24");
}

#[test]
fn a_decade_with_an_apostrophe() {
    assert_eq!(
        one("In the late 1980's it grew."),
        ("the late 1980's".into(), "198".into())
    );
    assert_eq!(value("Sales in 2010 grew."), "2010");
}

#[test]
fn only_an_exact_day_anchors_a_date_named_after_it() {
    let all = tag(
        "Profit fell in February from the same period last year and, in 2019, from the year before.",
        day(2025, 4, 16),
    );
    let rules: Vec<_> = all
        .iter()
        .map(|t| {
            let d = t.derived.as_ref().unwrap();
            (t.value.as_str(), d.rule.to_string(), d.anchor)
        })
        .collect();
    assert_eq!(
        rules[1],
        ("2024-02", "months:-14".to_string(), Anchor::Published)
    );
    assert_eq!(
        rules[3],
        ("2018", "years:-7".to_string(), Anchor::Published)
    );
    let on_day = tag(
        "On March 3, 2025 it fell; it rose the year before.",
        day(2025, 4, 16),
    );
    let d = on_day[1].derived.as_ref().unwrap();
    assert_eq!(
        (on_day[1].value.as_str(), d.anchor),
        ("2024", Anchor::Expression(0))
    );
}
