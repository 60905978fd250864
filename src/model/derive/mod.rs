//! Relative dates ("last Friday", "last month") resolved against an anchor
//! day by a named rule, so the loader can check that a stored date follows
//! from the words of its source.

mod apply;
mod names;

use super::date::DateValue;
use chrono::Weekday;

/// Where a month or day written without its year falls, from the tense of
/// its sentence: "in March" said of the past is the last March.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// In the anchor's own year (or month, for a day of the month).
    Same,
    /// The latest one on or before the anchor.
    Before,
    /// The earliest one on or after the anchor.
    After,
}

/// The four seasons, as the northern hemisphere's news uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

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
    /// "in the future": some time after the anchor day.
    AfterAnchor,
    /// "more than N years after": before the anchor day minus N years.
    MoreThanYearsBefore(u32),
    /// "yesterday" (-1), "tomorrow" (+1), "the following day" (+1 from another date).
    Days(i32),
    /// "next week" (+1), "two weeks ago" (-2): Monday to Sunday of that week.
    Weeks(i32),
    /// "this weekend" (0), "next weekend" (+1): Saturday and Sunday of that week.
    Weekend(i32),
    /// "next month" (+1), "this month" (0): a calendar month.
    Months(i32),
    /// "last year" (-1), "three years ago" (-3): a calendar year.
    Years(i32),
    /// "in March": a month without its year.
    Month(u8, Dir),
    /// "on April 11": a day without its year.
    Date(u8, u8, Dir),
    /// "on the 17th": a day of the month without month or year.
    DayOfMonth(u8, Dir),
    /// "the first quarter", "the third quarter of last year": (quarter, years from the anchor's).
    Quarter(u8, i32),
    /// "the second half of last year": (half, years from the anchor's).
    Half(u8, i32),
    /// "April of last year" (-1), "October of next year" (+1): (month, years from the anchor's).
    MonthOfYear(u8, i32),
    /// "the last week of March" (0 = last, else 1..=4): the ISO week that
    /// holds most of its days in that month, the month found as `Month` finds it.
    WeekOfMonth(u8, u8, Dir),
    /// "last summer", "this winter".
    Season(Season, Dir),
    /// A date written in full ("11 April 2025", "2024", "the 1990s"): the anchor plays no part.
    AsWritten(DateValue),
}

pub(crate) use apply::season_months as season_span;
pub(crate) use apply::week_of_month;
