//! Rule names as the data format writes them: `weekday-before:fri`,
//! `days:-1`, `month-before:mar`, `as-written:2024`.

use super::{Dir, Rule, Season};
use crate::model::date::{DateValue, MONTHS};
use chrono::Weekday;

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

const SEASONS: [(&str, Season); 4] = [
    ("sp", Season::Spring),
    ("su", Season::Summer),
    ("fa", Season::Fall),
    ("wi", Season::Winter),
];

impl Season {
    /// The TIMEX3 code: SP, SU, FA, WI.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

fn weekday_name(w: Weekday) -> &'static str {
    WEEKDAYS
        .iter()
        .find(|(_, d)| *d == w)
        .map_or("?", |(n, _)| n)
}

fn month_name(m: u8) -> String {
    MONTHS
        .get((m as usize).wrapping_sub(1))
        .map_or_else(|| "?".into(), |n| n.to_ascii_lowercase())
}

fn dir_suffix(d: Dir) -> &'static str {
    match d {
        Dir::Same => "",
        Dir::Before => "-before",
        Dir::After => "-after",
    }
}

/// Splits "month-before" into ("month", Before).
fn split_dir(name: &str) -> (&str, Dir) {
    if let Some(n) = name.strip_suffix("-before") {
        (n, Dir::Before)
    } else if let Some(n) = name.strip_suffix("-after") {
        (n, Dir::After)
    } else {
        (name, Dir::Same)
    }
}

fn offset(a: Option<&str>) -> Option<i32> {
    a?.parse::<i32>().ok().filter(|n| n.abs() <= 100_000)
}

impl Rule {
    /// Every rule name the data format accepts.
    pub const NAMES: &'static str = "same-day, weekday-before:<mon..sun>, weekday-after:<mon..sun>, this-week, rest-of-week, previous-week, previous-weekend, previous-month, previous-month-to-anchor, before-anchor, after-anchor, more-than-years-before:<n>, days:<±n>, weeks:<±n>, weekend:<±n>, months:<±n>, years:<±n>, month[-before|-after]:<jan..dec>, date[-before|-after]:<MM-DD>, day-of-month[-before|-after]:<d>, quarter:<1..4>:<±years>, half:<1..2>:<±years>, month-of-year:<jan..dec>:<±years>, week-of-month[-before|-after]:<1..4|last>:<jan..dec>, season[-before|-after]:<sp|su|fa|wi>, as-written:<EDTF>";

    pub fn parse(text: &str) -> Option<Rule> {
        let (name, arg) = match text.split_once(':') {
            Some((n, a)) => (n, Some(a)),
            None => (text, None),
        };
        let weekday = |a: Option<&str>| {
            let a = a?.to_ascii_lowercase();
            WEEKDAYS
                .iter()
                .find(|(n, _)| a.len() >= 3 && a.is_char_boundary(3) && n.starts_with(&a[..3]))
                .map(|(_, w)| *w)
        };
        let month = |a: &str| {
            let a = a.to_ascii_lowercase();
            (1..=12u8).find(|&m| month_name(m) == a)
        };
        let simple = match (name, arg) {
            ("same-day", None) => Some(Rule::SameDay),
            ("weekday-before", a) => Some(Rule::WeekdayBefore(weekday(a)?)),
            ("weekday-after", a) => Some(Rule::WeekdayAfter(weekday(a)?)),
            ("this-week", None) => Some(Rule::ThisWeek),
            ("rest-of-week", None) => Some(Rule::RestOfWeek),
            ("previous-week", None) => Some(Rule::PreviousWeek),
            ("previous-weekend", None) => Some(Rule::PreviousWeekend),
            ("previous-month", None) => Some(Rule::PreviousMonth),
            ("previous-month-to-anchor", None) => Some(Rule::PreviousMonthToAnchor),
            ("before-anchor", None) => Some(Rule::BeforeAnchor),
            ("after-anchor", None) => Some(Rule::AfterAnchor),
            ("more-than-years-before", Some(n)) => Some(Rule::MoreThanYearsBefore(
                n.parse().ok().filter(|n| *n <= 1000)?,
            )),
            ("days", a) => Some(Rule::Days(offset(a)?)),
            ("weeks", a) => Some(Rule::Weeks(offset(a)?)),
            ("weekend", a) => Some(Rule::Weekend(offset(a)?)),
            ("months", a) => Some(Rule::Months(offset(a)?)),
            ("years", a) => Some(Rule::Years(offset(a)?)),
            ("quarter", Some(a)) => {
                let (q, n) = a.split_once(':')?;
                let q: u8 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
                Some(Rule::Quarter(q, offset(Some(n))?))
            }
            ("half", Some(a)) => {
                let (h, n) = a.split_once(':')?;
                let h: u8 = h.parse().ok().filter(|h| (1..=2).contains(h))?;
                Some(Rule::Half(h, offset(Some(n))?))
            }
            ("month-of-year", Some(a)) => {
                let (m, n) = a.split_once(':')?;
                Some(Rule::MonthOfYear(month(m)?, offset(Some(n))?))
            }
            ("as-written", Some(a)) => Some(Rule::AsWritten(DateValue::parse_edtf(a).ok()?)),
            _ => None,
        };
        if simple.is_some() {
            return simple;
        }
        let (base, dir) = split_dir(name);
        let arg = arg?;
        match base {
            "month" => Some(Rule::Month(month(arg)?, dir)),
            "date" => {
                let (m, d) = arg.split_once('-')?;
                let (m, d): (u8, u8) = (m.parse().ok()?, d.parse().ok()?);
                let valid = (1..=12).contains(&m) && (1..=31).contains(&d);
                valid.then_some(Rule::Date(m, d, dir))
            }
            "day-of-month" => {
                let d: u8 = arg.parse().ok().filter(|d| (1..=31).contains(d))?;
                Some(Rule::DayOfMonth(d, dir))
            }
            "week-of-month" => {
                let (n, m) = arg.split_once(':')?;
                let n = match n {
                    "last" => 0,
                    n => n.parse().ok().filter(|n| (1..=4).contains(n))?,
                };
                Some(Rule::WeekOfMonth(n, month(m)?, dir))
            }
            "season" => {
                let a = arg.to_ascii_lowercase();
                let s = SEASONS.iter().find(|(n, _)| *n == a)?.1;
                Some(Rule::Season(s, dir))
            }
            _ => None,
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rule::SameDay => f.write_str("same-day"),
            Rule::WeekdayBefore(w) => write!(f, "weekday-before:{}", weekday_name(*w)),
            Rule::WeekdayAfter(w) => write!(f, "weekday-after:{}", weekday_name(*w)),
            Rule::ThisWeek => f.write_str("this-week"),
            Rule::RestOfWeek => f.write_str("rest-of-week"),
            Rule::PreviousWeek => f.write_str("previous-week"),
            Rule::PreviousWeekend => f.write_str("previous-weekend"),
            Rule::PreviousMonth => f.write_str("previous-month"),
            Rule::PreviousMonthToAnchor => f.write_str("previous-month-to-anchor"),
            Rule::BeforeAnchor => f.write_str("before-anchor"),
            Rule::AfterAnchor => f.write_str("after-anchor"),
            Rule::MoreThanYearsBefore(n) => write!(f, "more-than-years-before:{n}"),
            Rule::Days(n) => write!(f, "days:{n:+}"),
            Rule::Weeks(n) => write!(f, "weeks:{n:+}"),
            Rule::Weekend(n) => write!(f, "weekend:{n:+}"),
            Rule::Months(n) => write!(f, "months:{n:+}"),
            Rule::Years(n) => write!(f, "years:{n:+}"),
            Rule::Month(m, d) => write!(f, "month{}:{}", dir_suffix(*d), month_name(*m)),
            Rule::Date(m, day, d) => write!(f, "date{}:{m:02}-{day:02}", dir_suffix(*d)),
            Rule::DayOfMonth(day, d) => write!(f, "day-of-month{}:{day}", dir_suffix(*d)),
            Rule::Quarter(q, n) => write!(f, "quarter:{q}:{n:+}"),
            Rule::Half(h, n) => write!(f, "half:{h}:{n:+}"),
            Rule::WeekOfMonth(0, m, d) => {
                write!(f, "week-of-month{}:last:{}", dir_suffix(*d), month_name(*m))
            }
            Rule::WeekOfMonth(n, m, d) => {
                write!(f, "week-of-month{}:{n}:{}", dir_suffix(*d), month_name(*m))
            }
            Rule::MonthOfYear(m, n) => write!(f, "month-of-year:{}:{n:+}", month_name(*m)),
            Rule::Season(s, d) => {
                let code = SEASONS.iter().find(|(_, x)| x == s).map_or("?", |(n, _)| n);
                write!(f, "season{}:{code}", dir_suffix(*d))
            }
            Rule::AsWritten(v) => write!(f, "as-written:{}", v.edtf()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn wed_16_apr() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 4, 16).unwrap()
    }
    fn edtf(rule: &str) -> String {
        Rule::parse(rule)
            .unwrap_or_else(|| panic!("{rule}"))
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
    fn resolves_the_tagger_rules() {
        assert_eq!(edtf("after-anchor"), "2025-04-17/..");
        assert_eq!(edtf("days:-1"), "2025-04-15");
        assert_eq!(edtf("days:+1"), "2025-04-17");
        assert_eq!(edtf("weeks:+1"), "2025-04-21/2025-04-27");
        assert_eq!(edtf("weekend:+0"), "2025-04-19/2025-04-20");
        assert_eq!(edtf("months:+1"), "2025-05");
        assert_eq!(edtf("months:-4"), "2024-12");
        assert_eq!(edtf("years:-3"), "2022");
        assert_eq!(edtf("month:dec"), "2025-12");
        assert_eq!(edtf("month-before:dec"), "2024-12");
        assert_eq!(edtf("month-before:apr"), "2025-04");
        assert_eq!(edtf("month-after:mar"), "2026-03");
        assert_eq!(edtf("date:04-11"), "2025-04-11");
        assert_eq!(edtf("date-before:05-01"), "2024-05-01");
        assert_eq!(edtf("date-after:04-01"), "2026-04-01");
        assert_eq!(edtf("day-of-month:17"), "2025-04-17");
        assert_eq!(edtf("day-of-month-before:20"), "2025-03-20");
        assert_eq!(edtf("day-of-month-after:2"), "2025-05-02");
        assert_eq!(edtf("quarter:1:+0"), "2025-01/2025-03");
        assert_eq!(edtf("quarter:4:-1"), "2024-10/2024-12");
        assert_eq!(edtf("half:1:+0"), "2025-01/2025-06");
        assert_eq!(edtf("half:2:-1"), "2024-07/2024-12");
        assert_eq!(edtf("month-of-year:oct:+1"), "2026-10");
        // March 2025 ends on a Monday: its last week is the one before
        assert_eq!(edtf("week-of-month:last:mar"), "2025-03-24/2025-03-30");
        assert_eq!(edtf("week-of-month-after:1:apr"), "2025-03-31/2025-04-06");
        assert_eq!(edtf("season-before:su"), "2024-06/2024-08");
        assert_eq!(edtf("season-after:su"), "2025-06/2025-08");
        assert_eq!(edtf("season:wi"), "2025-12/2026-02");
        assert_eq!(edtf("as-written:1990/1999"), "1990/1999");
    }

    #[test]
    fn leap_days_find_a_year_that_has_one() {
        assert_eq!(edtf("date-before:02-29"), "2024-02-29");
        assert_eq!(edtf("date-after:02-29"), "2028-02-29");
        assert!(
            Rule::parse("day-of-month:31")
                .unwrap()
                .apply(wed_16_apr())
                .is_none()
        );
    }

    #[test]
    fn names_round_trip() {
        for name in [
            "same-day",
            "weekday-before:fri",
            "weekday-after:sat",
            "more-than-years-before:3",
            "previous-month-to-anchor",
            "days:-1",
            "weeks:+0",
            "month-before:mar",
            "date-after:12-25",
            "day-of-month:17",
            "quarter:3:-1",
            "half:2:-1",
            "month-of-year:apr:-1",
            "week-of-month-before:last:mar",
            "week-of-month:2:may",
            "season:su",
            "as-written:2024-01/2024-04",
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
            "days:x",
            "month:xyz",
            "date:13-01",
            "quarter:5:+0",
            "half:3:+0",
            "as-written:someday",
            "season:zz",
        ] {
            assert_eq!(Rule::parse(bad), None, "{bad}");
        }
    }
}
