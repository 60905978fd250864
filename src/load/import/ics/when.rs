//! DATE and DATE-TIME values, time zones and durations, and the day a
//! reader of the calendar sees for each.
//!
//! A time with a TZID is read in its own zone: the day is the day as
//! written. A UTC time (`Z`) is shown in the calendar's own zone
//! (`X-WR-TIMEZONE`) when it names one, else in UTC. A floating time is
//! read as written.

use super::content::Line;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

/// A DTSTART, DTEND, RECURRENCE-ID or EXDATE value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Moment {
    Date(NaiveDate),
    Floating(NaiveDateTime),
    Utc(NaiveDateTime),
    Zoned(NaiveDateTime, Tz),
    /// A TZID no table knows: read as written.
    UnknownZone(NaiveDateTime, String),
}

impl Moment {
    /// The wall-clock time as written (midnight for a date).
    pub fn naive(&self) -> NaiveDateTime {
        match self {
            Moment::Date(d) => d.and_time(NaiveTime::MIN),
            Moment::Floating(t) | Moment::Utc(t) | Moment::Zoned(t, _) => *t,
            Moment::UnknownZone(t, _) => *t,
        }
    }

    /// The same kind of value at another wall-clock time.
    pub fn with_naive(&self, t: NaiveDateTime) -> Moment {
        match self {
            Moment::Date(_) => Moment::Date(t.date()),
            Moment::Floating(_) => Moment::Floating(t),
            Moment::Utc(_) => Moment::Utc(t),
            Moment::Zoned(_, z) => Moment::Zoned(t, *z),
            Moment::UnknownZone(_, n) => Moment::UnknownZone(t, n.clone()),
        }
    }

    /// The wall-clock time a reader sees: UTC shown in `display`.
    pub fn seen(&self, display: Option<Tz>) -> NaiveDateTime {
        match (self, display) {
            (Moment::Utc(t), Some(z)) => z.from_utc_datetime(t).naive_local(),
            _ => self.naive(),
        }
    }

    /// This moment as wall-clock time in `frame` (a zone, or none for
    /// floating and date values), to match instances of one rule.
    pub fn in_frame(&self, frame: Option<Tz>) -> NaiveDateTime {
        let instant = match self {
            Moment::Utc(t) => chrono::Utc.from_utc_datetime(t),
            Moment::Zoned(t, z) => match z.from_local_datetime(t).earliest() {
                Some(at) => at.with_timezone(&chrono::Utc),
                None => return *t,
            },
            _ => return self.naive(),
        };
        match frame {
            Some(z) => instant.with_timezone(&z).naive_local(),
            None => instant.naive_utc(),
        }
    }

    pub fn is_date(&self) -> bool {
        matches!(self, Moment::Date(_))
    }
}

/// Zone names a calendar's VTIMEZONEs map to IANA names (X-LIC-LOCATION).
pub(crate) type ZoneAliases = Vec<(String, String)>;

/// The IANA zone a TZID names: an IANA name, a path ending in one
/// (`/mozilla.org/20050126_1/Europe/Paris`), a VTIMEZONE's X-LIC-LOCATION,
/// or a common Windows zone name.
pub(crate) fn zone(tzid: &str, aliases: &ZoneAliases) -> Option<Tz> {
    let tzid = tzid.trim();
    if let Ok(z) = tzid.parse::<Tz>() {
        return Some(z);
    }
    if let Some((_, iana)) = aliases.iter().find(|(id, _)| id == tzid)
        && let Ok(z) = iana.parse::<Tz>()
    {
        return Some(z);
    }
    let parts: Vec<&str> = tzid.split('/').filter(|p| !p.is_empty()).collect();
    for take in [3, 2] {
        if parts.len() > take
            && let Ok(z) = parts[parts.len() - take..].join("/").parse::<Tz>()
        {
            return Some(z);
        }
    }
    WINDOWS_ZONES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(tzid))
        .and_then(|(_, iana)| iana.parse().ok())
}

/// Windows zone names Outlook and Exchange write as TZIDs (CLDR's
/// windowsZones mapping, territory 001).
const WINDOWS_ZONES: &[(&str, &str)] = &[
    ("UTC", "UTC"),
    ("GMT Standard Time", "Europe/London"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("FLE Standard Time", "Europe/Kiev"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("Eastern Standard Time", "America/New_York"),
    ("Central Standard Time", "America/Chicago"),
    ("Mountain Standard Time", "America/Denver"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("China Standard Time", "Asia/Shanghai"),
    ("India Standard Time", "Asia/Calcutta"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
];

/// Reads a DATE or DATE-TIME property with its VALUE and TZID parameters.
pub(crate) fn moment(line: &Line, aliases: &ZoneAliases) -> Result<Moment, String> {
    let value = line.value.trim();
    value_moment(value, line.param("VALUE"), line.param("TZID"), aliases)
        .ok_or_else(|| bad_value(&line.name, value))
}

pub(crate) fn bad_value(name: &str, value: &str) -> String {
    format!(
        "{name} '{}' is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)",
        crate::load::builder::ellipsize(value, 40)
    )
}

/// One value of a DATE or DATE-TIME list (EXDATE, RDATE).
pub(crate) fn value_moment(
    value: &str,
    value_type: Option<&str>,
    tzid: Option<&str>,
    aliases: &ZoneAliases,
) -> Option<Moment> {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let date = |s: &str| {
        (s.len() == 8 && digits(s))
            .then(|| NaiveDate::parse_from_str(s, "%Y%m%d").ok())
            .flatten()
    };
    if value_type.is_some_and(|v| v.eq_ignore_ascii_case("DATE")) || value.len() == 8 {
        return date(value).map(Moment::Date);
    }
    let (day, time) = value.split_once(['T', 't'])?;
    let (time, utc) = match time.strip_suffix(['Z', 'z']) {
        Some(t) => (t, true),
        None => (time, false),
    };
    if time.len() != 6 || !digits(time) {
        return None;
    }
    // A leap second (60) is read as the last second of its minute.
    let seconds = time[4..6].parse::<u32>().ok()?.min(59);
    let time = NaiveTime::from_hms_opt(time[..2].parse().ok()?, time[2..4].parse().ok()?, seconds)?;
    let t = date(day)?.and_time(time);
    Some(match (utc, tzid) {
        (true, _) => Moment::Utc(t),
        (false, None) => Moment::Floating(t),
        (false, Some(id)) => match zone(id, aliases) {
            Some(z) => Moment::Zoned(t, z),
            None => Moment::UnknownZone(t, id.to_string()),
        },
    })
}

/// An RFC 5545 DURATION: `P1D`, `PT1H30M`, `P2W`; `None` when malformed or
/// negative.
pub(crate) fn duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let text = text.strip_prefix('+').unwrap_or(text);
    let mut rest = text.strip_prefix(['P', 'p'])?;
    let mut total = Duration::zero();
    let mut in_time = false;
    let mut any = false;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix(['T', 't']) {
            in_time = true;
            rest = r;
            continue;
        }
        let n_end = rest.find(|c: char| !c.is_ascii_digit())?;
        let n: i64 = rest[..n_end].parse().ok()?;
        let unit = rest[n_end..].chars().next()?.to_ascii_uppercase();
        let part = match (unit, in_time) {
            ('W', false) => Duration::try_weeks(n)?,
            ('D', false) => Duration::try_days(n)?,
            ('H', true) => Duration::try_hours(n)?,
            ('M', true) => Duration::try_minutes(n)?,
            ('S', true) => Duration::try_seconds(n)?,
            _ => return None,
        };
        total = total.checked_add(&part)?;
        any = true;
        rest = &rest[n_end + 1..];
    }
    any.then_some(total)
}

/// `start + d`, in the start's own zone when it has one, so that an hour
/// across a change of clocks stays an hour.
pub(crate) fn add(start: &Moment, d: Duration) -> Option<Moment> {
    if let Moment::Zoned(t, z) = start
        && let Some(at) = z.from_local_datetime(t).earliest()
    {
        let end = at.checked_add_signed(d)?;
        return Some(Moment::Zoned(end.naive_local(), *z));
    }
    Some(start.with_naive(start.naive().checked_add_signed(d)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Line {
        super::super::content::parse(text, 1).unwrap()
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn dates_times_and_zones() {
        let none = ZoneAliases::new();
        assert_eq!(
            moment(&line("DTSTART;VALUE=DATE:20250411"), &none),
            Ok(Moment::Date(NaiveDate::from_ymd_opt(2025, 4, 11).unwrap()))
        );
        assert_eq!(
            moment(&line("DTSTART:20250411T140000Z"), &none),
            Ok(Moment::Utc(at(2025, 4, 11, 14, 0)))
        );
        assert_eq!(
            moment(&line("DTSTART:20250411T140000"), &none),
            Ok(Moment::Floating(at(2025, 4, 11, 14, 0)))
        );
        assert_eq!(
            moment(&line("DTSTART;TZID=Europe/Paris:20250411T140000"), &none),
            Ok(Moment::Zoned(at(2025, 4, 11, 14, 0), Tz::Europe__Paris))
        );
        assert_eq!(
            moment(&line("DTSTART;TZID=Nowhere Time:20250411T140000"), &none),
            Ok(Moment::UnknownZone(
                at(2025, 4, 11, 14, 0),
                "Nowhere Time".into()
            ))
        );
        assert!(
            moment(&line("DTSTART:2025-04-11"), &none)
                .unwrap_err()
                .contains("'2025-04-11' is not a date")
        );
        assert!(moment(&line("DTSTART:20250231"), &none).is_err());
        assert!(moment(&line("DTSTART:20250411T250000"), &none).is_err());
    }

    #[test]
    fn zone_names_from_paths_aliases_and_windows() {
        let aliases = vec![("Custom Paris".to_string(), "Europe/Paris".to_string())];
        assert_eq!(
            zone("/mozilla.org/20050126_1/Europe/Paris", &aliases),
            Some(Tz::Europe__Paris)
        );
        assert_eq!(
            zone(
                "/citadel.org/20190914_1/America/Argentina/Buenos_Aires",
                &aliases
            ),
            Some(Tz::America__Argentina__Buenos_Aires)
        );
        assert_eq!(zone("Custom Paris", &aliases), Some(Tz::Europe__Paris));
        assert_eq!(
            zone("W. Europe Standard Time", &aliases),
            Some(Tz::Europe__Berlin)
        );
        assert_eq!(zone("Mars/Olympus", &aliases), None);
    }

    #[test]
    fn durations() {
        assert_eq!(duration("P1D"), Some(Duration::days(1)));
        assert_eq!(duration("PT1H30M"), Some(Duration::minutes(90)));
        assert_eq!(duration("P2W"), Some(Duration::days(14)));
        assert_eq!(duration("P1DT12H"), Some(Duration::hours(36)));
        assert_eq!(duration("-PT1H"), None);
        assert_eq!(duration("P"), None);
        assert_eq!(duration("PT5X"), None);
        assert_eq!(duration("P1H"), None);
    }

    #[test]
    fn utc_is_seen_in_the_calendars_zone_and_an_hour_crosses_dst() {
        let m = Moment::Utc(at(2025, 4, 11, 23, 30));
        assert_eq!(m.seen(None), at(2025, 4, 11, 23, 30));
        assert_eq!(m.seen(Some(Tz::Europe__Paris)), at(2025, 4, 12, 1, 30));
        // Clocks go forward in Paris at 02:00 on 2025-03-30.
        let start = Moment::Zoned(at(2025, 3, 30, 1, 30), Tz::Europe__Paris);
        assert_eq!(
            add(&start, Duration::hours(1)),
            Some(Moment::Zoned(at(2025, 3, 30, 3, 30), Tz::Europe__Paris))
        );
    }
}
