//! One VEVENT (or one instance of a recurring one) becomes one event:
//! UID → id, SUMMARY → title, DESCRIPTION → summary, DTSTART/DTEND/DURATION
//! → a day or an interval, STATUS → status, LOCATION → place, CATEGORIES →
//! topics, ORGANIZER/ATTENDEE → actors, URL → a source without text.

use super::content::{Line, text_list};
use super::when::{self, Moment, ZoneAliases};
use crate::load::builder::{Builder, SourceText};
use crate::load::import::rows::{host_of, slug};
use crate::load::native::schema::{
    ActorRecord, ActorRoleRecord, EventRecord, Item, PlaceRecord, SourceRecord,
};
use crate::model::{ActorKind, Status};
use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use std::borrow::Cow;

/// What the calendar says about all its events.
#[derive(Debug, Default)]
pub(crate) struct Calendar {
    /// X-WR-TIMEZONE: the zone UTC times are shown in.
    pub display: Option<Tz>,
    pub aliases: ZoneAliases,
    /// `--recur-until`.
    pub recur_until: Option<NaiveDate>,
}

/// The content lines of one VEVENT, without those of its VALARMs.
#[derive(Debug, Default)]
pub(crate) struct Vevent {
    /// Line of its BEGIN:VEVENT.
    pub begin: usize,
    pub props: Vec<Line>,
    /// Depth of sub-components (VALARM) being skipped.
    pub depth: usize,
    /// The first line that could not be read, and why.
    pub error: Option<(usize, String)>,
}

/// Why a VEVENT was skipped: the line to name and the reason.
pub(crate) type Skip = (usize, String);

impl Vevent {
    pub fn new(begin: usize) -> Self {
        Vevent {
            begin,
            ..Vevent::default()
        }
    }

    pub fn get(&self, name: &str) -> Option<&Line> {
        self.props.iter().find(|l| l.name == name)
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Line> + 'a {
        self.props.iter().filter(move |l| l.name == name)
    }

    pub fn fail(&mut self, line: usize, why: String) {
        if self.error.is_none() {
            self.error = Some((line, why));
        }
    }

    /// The id its UID gives (`<id>@dateline` back to `<id>`), or one from
    /// its title and day when it has no usable UID.
    pub fn base_id(&self, cal: &Calendar) -> String {
        if let Some(uid) = self.get("UID").map(Line::text) {
            let uid = uid.trim();
            let uid = match uid.len().checked_sub("@dateline".len()) {
                Some(at)
                    if uid.is_char_boundary(at) && uid[at..].eq_ignore_ascii_case("@dateline") =>
                {
                    &uid[..at]
                }
                _ => uid,
            };
            let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
            if !uid.is_empty() && uid.chars().all(plain) {
                return uid.to_string();
            }
            let s = slug(uid);
            if !s.is_empty() {
                return s;
            }
        }
        let title = self
            .get("SUMMARY")
            .map(|l| slug(&l.text()))
            .unwrap_or_default();
        let title = if title.is_empty() {
            "event".into()
        } else {
            title
        };
        match self.timing(cal) {
            Ok(t) => format!("{title}-{}", t.start.seen(cal.display).format("%Y%m%d")),
            Err(_) => title,
        }
    }

    /// DTSTART and the end DTEND or DURATION gives.
    pub fn timing(&self, cal: &Calendar) -> Result<Timing, Skip> {
        let start_line = self
            .get("DTSTART")
            .ok_or_else(|| (self.begin, "VEVENT has no DTSTART".to_string()))?;
        let start = when::moment(start_line, &cal.aliases).map_err(|w| (start_line.line, w))?;
        let end = if let Some(l) = self.get("DTEND") {
            Some(when::moment(l, &cal.aliases).map_err(|w| (l.line, w))?)
        } else if let Some(l) = self.get("DURATION") {
            let bad = || {
                let v = crate::load::builder::ellipsize(&l.value, 40);
                (
                    l.line,
                    format!("DURATION '{v}' is not a duration (P1D, PT1H30M)"),
                )
            };
            let d = when::duration(&l.value).ok_or_else(bad)?;
            Some(when::add(&start, d).ok_or_else(bad)?)
        } else {
            None
        };
        Ok(Timing { start, end })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Timing {
    pub start: Moment,
    pub end: Option<Moment>,
}

impl Timing {
    /// The EDTF date a reader of the calendar sees, where it came from, and
    /// its last day. DTEND is exclusive: a one-day event has no interval.
    pub fn dated(&self, display: Option<Tz>) -> (String, String, NaiveDate) {
        let start = self.start.seen(display);
        let first = start.date();
        let end = self.end.as_ref().map(|e| (e, e.seen(display)));
        let last = match end {
            None => first,
            Some((Moment::Date(d), _)) => d.pred_opt().unwrap_or(*d),
            // An end at midnight ends the day before.
            Some((_, seen)) if seen.time() == NaiveTime::MIN && seen > start => {
                seen.date().pred_opt().unwrap_or(seen.date())
            }
            Some((_, seen)) => seen.date(),
        }
        .max(first);
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let edtf = if last > first {
            format!("{}/{}", day(first), day(last))
        } else {
            day(first)
        };
        if self.start.is_date() {
            return (edtf, "calendar: all day".into(), last);
        }
        let zone = match (&self.start, display) {
            (Moment::Floating(_), _) => "floating time (no zone)".to_string(),
            (Moment::Utc(_), Some(z)) => format!("{} (given in UTC)", z.name()),
            (Moment::Utc(_), None) => "UTC".into(),
            (Moment::Zoned(_, z), _) => z.name().to_string(),
            (Moment::UnknownZone(_, n), _) => format!("in zone '{n}', not known: day as written"),
            (Moment::Date(_), _) => String::new(),
        };
        let hm = |t: chrono::NaiveDateTime| t.format("%H:%M").to_string();
        let times = match end {
            Some((Moment::Date(_), _)) | None => hm(start),
            Some((_, seen)) if seen.date() == first => format!("{}–{}", hm(start), hm(seen)),
            Some((_, seen)) => format!(
                "{} {} – {} {}",
                day(first),
                hm(start),
                day(seen.date()),
                hm(seen)
            ),
        };
        (edtf, format!("calendar: {times} {zone}"), last)
    }
}

/// Adds the event; `Ok(false)` when the builder skipped it (a duplicate id,
/// a date it cannot hold), which it reports itself.
pub(crate) fn add(
    builder: &mut Builder,
    file: crate::load::FileIx,
    cal: &Calendar,
    v: &Vevent,
    id: &str,
    timing: &Timing,
    note: Option<&str>,
) -> Result<bool, Skip> {
    let (mut date, origin, last) = timing.dated(cal.display);
    let (status, status_note) = status(v, last)?;
    let mut date_origin = Some(origin);
    if let Some(edtf) = v.get("X-DATELINE-EDTF") {
        // Written by dateline's own export: the date as it was.
        date = edtf.text().trim().to_string();
        date_origin = None;
    }
    if let Some(o) = date_origin.as_mut() {
        for extra in [status_note.as_deref(), note].into_iter().flatten() {
            o.push_str("; ");
            o.push_str(extra);
        }
    }
    let title = v.get("SUMMARY").map(Line::text).unwrap_or_default();
    let title = if title.trim().is_empty() {
        "(no title)".to_string()
    } else {
        title
    };
    let summary = v.get("DESCRIPTION").map(Line::text);
    let place = v
        .get("LOCATION")
        .map(Line::text)
        .filter(|l| !l.trim().is_empty())
        .map(|name| PlaceRecord {
            name: Some(Cow::Owned(name)),
            country: None,
        });
    let mut topics: Vec<Item<'_>> = Vec::new();
    for item in v.all("CATEGORIES").flat_map(|l| text_list(&l.value)) {
        let item = item.trim().to_string();
        if !topics.iter().any(|t| *t.0 == item) {
            topics.push(Item(Cow::Owned(item)));
        }
    }
    let actors = actors(builder, file, v);
    let mut sources = Vec::new();
    if let Some(url) = v.get("URL").map(|l| l.value.trim().to_string())
        && !url.is_empty()
    {
        if !builder.has_source(&url) {
            let rec = SourceRecord {
                id: Cow::Borrowed(&url),
                outlet: Cow::Borrowed(host_of(&url)),
                title: Cow::Borrowed(""),
                url: Some(Cow::Borrowed(&url)),
                published: None,
                text_file: None,
                text: None,
            };
            builder.add_source(rec, None, SourceText::Absent, file);
        }
        sources.push(Item(Cow::Owned(url)));
    }
    let record = EventRecord {
        id: Cow::Borrowed(id),
        title: Cow::Owned(title),
        summary: summary.map(Cow::Owned),
        date: Cow::Owned(date),
        date_value: None,
        derivation: None,
        date_origin: date_origin.map(Cow::Owned),
        status,
        place,
        actors,
        countries: Vec::new(),
        topics,
        sources,
        quotes: Vec::new(),
        links: Vec::new(),
    };
    Ok(builder.add_event(record, file, Some(v.begin)))
}

/// STATUS, or X-DATELINE-STATUS from dateline's own export. With neither,
/// an event that ended before its DTSTAMP (when the calendar wrote it)
/// occurred; any other is scheduled.
fn status(v: &Vevent, last: NaiveDate) -> Result<(Status, Option<String>), Skip> {
    if let Some(l) = v.get("X-DATELINE-STATUS") {
        let text = l.text().trim().to_ascii_lowercase();
        const ALL: [Status; 5] = [
            Status::Occurred,
            Status::Scheduled,
            Status::Expected,
            Status::Ongoing,
            Status::Cancelled,
        ];
        return match ALL.into_iter().find(|s| s.as_str() == text) {
            Some(s) => Ok((s, None)),
            None => Err((
                l.line,
                format!(
                    "X-DATELINE-STATUS '{}' is not one of occurred, scheduled, expected, ongoing, cancelled",
                    crate::load::builder::ellipsize(&text, 40)
                ),
            )),
        };
    }
    let given = v.get("STATUS").map(|l| l.value.trim().to_ascii_uppercase());
    Ok(match given.as_deref() {
        Some("TENTATIVE") => (Status::Expected, None),
        Some("CONFIRMED") => (Status::Scheduled, None),
        Some("CANCELLED") => (Status::Cancelled, None),
        _ => {
            let stamp = v
                .get("DTSTAMP")
                .and_then(|l| when::value_moment(l.value.trim(), None, None, &ZoneAliases::new()));
            match stamp.map(|s| s.naive().date()) {
                Some(day) if last < day => (
                    Status::Occurred,
                    Some(format!(
                        "no STATUS: occurred, as it ended before DTSTAMP {day}"
                    )),
                ),
                _ => (Status::Scheduled, None),
            }
        }
    })
}

/// ORGANIZER and ATTENDEE: the CN parameter is the name, the mailto
/// address the id. Rooms and resources are not actors.
fn actors<'a>(
    builder: &mut Builder,
    file: crate::load::FileIx,
    v: &Vevent,
) -> Vec<ActorRoleRecord<'a>> {
    let mut out: Vec<ActorRoleRecord<'a>> = Vec::new();
    for l in v
        .props
        .iter()
        .filter(|l| l.name == "ORGANIZER" || l.name == "ATTENDEE")
    {
        let cutype = l.param("CUTYPE").unwrap_or("").to_ascii_uppercase();
        if cutype == "ROOM" || cutype == "RESOURCE" {
            continue;
        }
        let value = l.value.trim();
        let address = value
            .get(..7)
            .filter(|p| p.eq_ignore_ascii_case("mailto:"))
            .map_or(value, |_| &value[7..]);
        let cn = l.param("CN").map(str::trim).filter(|c| !c.is_empty());
        let id = match slug(address) {
            s if !s.is_empty() => s,
            _ => cn.map(slug).unwrap_or_default(),
        };
        if id.is_empty() || out.iter().any(|a| a.id == id) {
            continue;
        }
        let role = if l.name == "ORGANIZER" {
            "organizer".to_string()
        } else {
            let role = match l.param("ROLE").map(str::to_ascii_uppercase).as_deref() {
                Some("CHAIR") => "chair",
                Some("OPT-PARTICIPANT") => "optional attendee",
                Some("NON-PARTICIPANT") => "non-participant",
                _ => "attendee",
            };
            match l.param("PARTSTAT").map(str::to_ascii_uppercase).as_deref() {
                Some("DECLINED") => format!("{role} (declined)"),
                _ => role.to_string(),
            }
        };
        if !builder.has_actor(&id) {
            let kind = if cutype == "GROUP" {
                ActorKind::Group
            } else {
                ActorKind::Person
            };
            builder.add_actor(
                ActorRecord {
                    id: Cow::Borrowed(&id),
                    name: Cow::Borrowed(cn.unwrap_or(address)),
                    kind,
                    title: None,
                    country: None,
                    aliases: Vec::new(),
                },
                file,
            );
        }
        out.push(ActorRoleRecord {
            id: Cow::Owned(id),
            role: Some(Cow::Owned(role)),
        });
    }
    out
}
