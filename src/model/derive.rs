//! Relative dates ("last Friday", "last month") resolved against an anchor
//! day by a named rule, so the loader can check that a stored date follows
//! from the words of its source.

use super::date::{DateShape, DateValue, Point};
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

/// A rule that turns an anchor day into a date value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// "on Wednesday", "today": the anchor day itself.
    SameDay,
    /// "last Friday": the most recent such weekday strictly before the anchor.
    WeekdayBefore(Weekday),
    /// "on Thursday" (future tense): the next such weekday strictly after the anchor.
    WeekdayAfter(Weekday),
    /// "this week": Monday to Sunday of the anchor's week.
    ThisWeek,
    /// "later in the week": the day after the anchor to that week's Sunday.
    RestOfWeek,
    /// "last week": Monday to Sunday of the week before the anchor's.
    PreviousWeek,
    /// "last weekend": Saturday and Sunday before the anchor.
    PreviousWeekend,
    /// "last month": the calendar month before the anchor's.
    PreviousMonth,
    /// "since last month": the start of last month to the anchor day.
    PreviousMonthToAnchor,
    /// "have been held", "has refused": some time before the anchor day.
    BeforeAnchor,
    /// "more than N years after": before the anchor day minus N years.
    MoreThanYearsBefore(u32),
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

impl Rule {
    /// Every rule name the data format accepts (weekday rules take `:mon`..`:sun`).
    pub const NAMES: &'static str = "same-day, weekday-before:<mon..sun>, weekday-after:<mon..sun>, this-week, rest-of-week, previous-week, previous-weekend, previous-month, previous-month-to-anchor, before-anchor, more-than-years-before:<n>";

    pub fn parse(text: &str) -> Option<Rule> {
        let (name, arg) = match text.split_once(':') {
            Some((n, a)) => (n, Some(a)),
            None => (text, None),
        };
        let weekday = |a: Option<&str>| {
            let a = a?.to_ascii_lowercase();
            WEEKDAYS
                .iter()
                .find(|(n, _)| a.len() >= 3 && n.starts_with(&a[..3]))
                .map(|(_, w)| *w)
        };
        Some(match (name, arg) {
            ("same-day", None) => Rule::SameDay,
            ("weekday-before", a) => Rule::WeekdayBefore(weekday(a)?),
            ("weekday-after", a) => Rule::WeekdayAfter(weekday(a)?),
            ("this-week", None) => Rule::ThisWeek,
            ("rest-of-week", None) => Rule::RestOfWeek,
            ("previous-week", None) => Rule::PreviousWeek,
            ("previous-weekend", None) => Rule::PreviousWeekend,
            ("previous-month", None) => Rule::PreviousMonth,
            ("previous-month-to-anchor", None) => Rule::PreviousMonthToAnchor,
            ("before-anchor", None) => Rule::BeforeAnchor,
            ("more-than-years-before", Some(n)) => {
                Rule::MoreThanYearsBefore(n.parse().ok().filter(|n| *n <= 1000)?)
            }
            _ => return None,
        })
    }

    /// The date this rule gives for `anchor`; `None` if it leaves the calendar.
    pub fn apply(self, anchor: NaiveDate) -> Option<DateValue> {
        let day = |d: NaiveDate| Point::from_naive(d);
        let monday = anchor - Duration::days(anchor.weekday().num_days_from_monday() as i64);
        let shape = match self {
            Rule::SameDay => DateShape::Single(day(anchor)),
            Rule::WeekdayBefore(w) => {
                let back =
                    (anchor.weekday().num_days_from_monday() + 7 - w.num_days_from_monday() - 1)
                        % 7
                        + 1;
                DateShape::Single(day(anchor - Duration::days(back as i64)))
            }
            Rule::WeekdayAfter(w) => {
                let ahead =
                    (w.num_days_from_monday() + 7 - anchor.weekday().num_days_from_monday() - 1)
                        % 7
                        + 1;
                DateShape::Single(day(anchor + Duration::days(ahead as i64)))
            }
            Rule::ThisWeek => DateShape::Interval(day(monday), day(monday + Duration::days(6))),
            Rule::RestOfWeek => {
                let sunday = monday + Duration::days(6);
                if anchor >= sunday {
                    return None;
                }
                DateShape::Interval(day(anchor.succ_opt()?), day(sunday))
            }
            Rule::PreviousWeek => {
                let start = monday - Duration::days(7);
                DateShape::Interval(day(start), day(start + Duration::days(6)))
            }
            Rule::PreviousWeekend => {
                let saturday = monday - Duration::days(2);
                DateShape::Interval(day(saturday), day(saturday + Duration::days(1)))
            }
            Rule::PreviousMonth => {
                let last = anchor.checked_sub_months(Months::new(1))?;
                DateShape::Single(Point::month(last.year(), last.month() as u8))
            }
            Rule::PreviousMonthToAnchor => {
                let last = anchor.checked_sub_months(Months::new(1))?;
                DateShape::Interval(Point::month(last.year(), last.month() as u8), day(anchor))
            }
            Rule::BeforeAnchor => DateShape::Until(day(anchor.pred_opt()?)),
            Rule::MoreThanYearsBefore(n) => {
                let back = anchor.checked_sub_months(Months::new(12 * n))?;
                DateShape::Until(day(back.pred_opt()?))
            }
        };
        Some(DateValue::with_shape(shape))
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let weekday = |w: Weekday| {
            WEEKDAYS
                .iter()
                .find(|(_, d)| *d == w)
                .map_or("?", |(n, _)| n)
        };
        match self {
            Rule::SameDay => f.write_str("same-day"),
            Rule::WeekdayBefore(w) => write!(f, "weekday-before:{}", weekday(*w)),
            Rule::WeekdayAfter(w) => write!(f, "weekday-after:{}", weekday(*w)),
            Rule::ThisWeek => f.write_str("this-week"),
            Rule::RestOfWeek => f.write_str("rest-of-week"),
            Rule::PreviousWeek => f.write_str("previous-week"),
            Rule::PreviousWeekend => f.write_str("previous-weekend"),
            Rule::PreviousMonth => f.write_str("previous-month"),
            Rule::PreviousMonthToAnchor => f.write_str("previous-month-to-anchor"),
            Rule::BeforeAnchor => f.write_str("before-anchor"),
            Rule::MoreThanYearsBefore(n) => write!(f, "more-than-years-before:{n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wed_16_apr() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 4, 16).unwrap()
    }
    fn edtf(rule: &str) -> String {
        Rule::parse(rule)
            .unwrap()
            .apply(wed_16_apr())
            .unwrap()
            .edtf()
    }

    #[test]
    fn resolves_the_seed_article_phrases() {
        assert_eq!(edtf("same-day"), "2025-04-16");
        assert_eq!(edtf("weekday-before:fri"), "2025-04-11");
        assert_eq!(edtf("weekday-before:wed"), "2025-04-09");
        assert_eq!(edtf("weekday-after:thu"), "2025-04-17");
        assert_eq!(edtf("weekday-after:saturday"), "2025-04-19");
        assert_eq!(edtf("weekday-after:wed"), "2025-04-23");
        assert_eq!(edtf("this-week"), "2025-04-14/2025-04-20");
        assert_eq!(edtf("rest-of-week"), "2025-04-17/2025-04-20");
        assert_eq!(edtf("previous-week"), "2025-04-07/2025-04-13");
        assert_eq!(edtf("previous-weekend"), "2025-04-12/2025-04-13");
        assert_eq!(edtf("previous-month"), "2025-03");
        assert_eq!(edtf("previous-month-to-anchor"), "2025-03/2025-04-16");
        assert_eq!(edtf("before-anchor"), "../2025-04-15");
        assert_eq!(edtf("more-than-years-before:3"), "../2022-04-15");
    }

    #[test]
    fn names_round_trip() {
        for name in [
            "same-day",
            "weekday-before:fri",
            "weekday-after:sat",
            "more-than-years-before:3",
            "previous-month-to-anchor",
        ] {
            assert_eq!(Rule::parse(name).unwrap().to_string(), name);
        }
    }

    #[test]
    fn previous_month_crosses_the_year() {
        let jan = NaiveDate::from_ymd_opt(2025, 1, 31).unwrap();
        assert_eq!(Rule::PreviousMonth.apply(jan).unwrap().edtf(), "2024-12");
    }

    #[test]
    fn refuses_unknown_rules() {
        for bad in [
            "",
            "last-friday",
            "weekday-before",
            "weekday-before:xx",
            "same-day:1",
            "more-than-years-before:x",
        ] {
            assert_eq!(Rule::parse(bad), None, "{bad}");
        }
    }
}
