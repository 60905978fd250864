//! Recurring VEVENTs: RRULE (and RDATE) expanded by the `rrule` crate up to
//! `--recur-until` (default: two years after the rule's start), at most
//! [`MAX_INSTANCES`] per rule, without the EXDATE instances, with each
//! RECURRENCE-ID override in place of the instance it replaces.
//!
//! Each instance is an event `<uid>-<YYYYMMDD>` (the day it was scheduled
//! on by the rule); the instances of one rule are chained in time order by
//! `related` links, one per neighbour.

use super::event::{self, Calendar, Skip, Timing, Vevent};
use super::when::{self, Moment};
use crate::load::builder::Builder;
use crate::model::LinkKind;
use chrono::{Months, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use std::collections::HashMap;

pub(crate) const MAX_INSTANCES: usize = 1000;

/// Adds the instances of every recurring VEVENT and every override.
pub(crate) fn add_all(
    builder: &mut Builder,
    file: crate::load::FileIx,
    cal: &Calendar,
    vevents: Vec<Vevent>,
) {
    // Group masters and overrides by UID, in file order.
    let mut order: Vec<String> = Vec::new();
    let mut groups: HashMap<String, (Option<Vevent>, Vec<Vevent>)> = HashMap::new();
    for v in vevents {
        let id = v.base_id(cal);
        let group = groups.entry(id.clone()).or_insert_with(|| {
            order.push(id);
            (None, Vec::new())
        });
        if v.get("RECURRENCE-ID").is_some() {
            group.1.push(v);
        } else if group.0.is_none() {
            group.0 = Some(v);
        } else {
            builder.count_row();
            let why = "a second recurring VEVENT with this UID (overrides need RECURRENCE-ID)";
            builder.skip_row(file, Some(v.begin), format!("VEVENT: {why}"));
        }
    }
    for id in order {
        if let Some((master, overrides)) = groups.remove(&id) {
            add_series(builder, file, cal, &id, master, overrides);
        }
    }
}

fn skip(builder: &mut Builder, file: crate::load::FileIx, (line, why): Skip) {
    builder.count_row();
    builder.skip_row(file, Some(line), format!("VEVENT: {why}"));
}

fn add_series(
    builder: &mut Builder,
    file: crate::load::FileIx,
    cal: &Calendar,
    base: &str,
    master: Option<Vevent>,
    overrides: Vec<Vevent>,
) {
    // (instance as scheduled by the rule, event id) of every event added.
    let mut added: Vec<(NaiveDateTime, String)> = Vec::new();
    let mut overrides: Vec<(NaiveDateTime, Vevent)> = overrides
        .into_iter()
        .filter_map(|o| match recurrence_id(&o, cal) {
            Ok(m) => Some((m.naive(), o)),
            Err(s) => {
                skip(builder, file, s);
                None
            }
        })
        .collect();
    let mut bound = None;
    if let Some(master) = &master {
        match master.timing(cal) {
            Err(s) => skip(builder, file, s),
            Ok(timing) => {
                let frame = frame_of(&timing.start);
                // Overrides name their instance in the master's frame.
                for (at, o) in overrides.iter_mut() {
                    if let Ok(m) = recurrence_id(o, cal) {
                        *at = m.in_frame(frame);
                    }
                }
                let rule = master.get("RRULE").map(|l| l.value.clone());
                match instances(master, &timing, cal) {
                    Ok((times, end, limited)) => {
                        bound = Some(end);
                        let mut note = match &rule {
                            Some(r) => format!("repeats {r}"),
                            None => "repeats on its RDATEs".into(),
                        };
                        if limited {
                            note.push_str(&format!(
                                " (the first {MAX_INSTANCES} instances are kept)"
                            ));
                        }
                        for at in times {
                            let id = instance_id(base, at, &added);
                            let taken = overrides.iter().position(|(o_at, _)| *o_at == at);
                            let ok = match taken.map(|i| overrides.remove(i).1) {
                                Some(o) => add_one(builder, file, cal, &o, &id, None, None),
                                None => {
                                    let shifted = shift(&timing, at);
                                    add_one(
                                        builder,
                                        file,
                                        cal,
                                        master,
                                        &id,
                                        Some(&shifted),
                                        Some(&note),
                                    )
                                }
                            };
                            if ok {
                                added.push((at, id));
                            }
                        }
                    }
                    Err(why) => {
                        // Keep what is certain: the first instance.
                        let note = format!("RRULE not expanded ({why}); first instance only");
                        let id = instance_id(base, timing.start.naive(), &added);
                        if add_one(builder, file, cal, master, &id, Some(&timing), Some(&note)) {
                            added.push((timing.start.naive(), id));
                        }
                    }
                }
            }
        }
    }
    // Overrides of instances the rule did not produce (moved, or no master
    // in the file), unless past the window.
    for (at, o) in overrides {
        if bound.is_some_and(|b| at > b) {
            continue;
        }
        let id = instance_id(base, at, &added);
        if add_one(builder, file, cal, &o, &id, None, None) {
            added.push((at, id));
        }
    }
    added.sort();
    for pair in added.windows(2) {
        builder.add_late_link(&pair[0].1, &pair[1].1, LinkKind::Related);
    }
}

/// Counts and adds one instance; a VEVENT that cannot be read is skipped.
fn add_one(
    builder: &mut Builder,
    file: crate::load::FileIx,
    cal: &Calendar,
    v: &Vevent,
    id: &str,
    timing: Option<&Timing>,
    note: Option<&str>,
) -> bool {
    let own;
    let timing = match timing {
        Some(t) => t,
        None => match v.timing(cal) {
            Ok(t) => {
                own = t;
                &own
            }
            Err(s) => {
                skip(builder, file, s);
                return false;
            }
        },
    };
    builder.count_row();
    match event::add(builder, file, cal, v, id, timing, note) {
        Ok(added) => added,
        Err((line, why)) => {
            builder.skip_row(file, Some(line), format!("VEVENT: {why}"));
            false
        }
    }
}

fn recurrence_id(v: &Vevent, cal: &Calendar) -> Result<Moment, Skip> {
    let l = v
        .get("RECURRENCE-ID")
        .ok_or((v.begin, "VEVENT has no RECURRENCE-ID".to_string()))?;
    when::moment(l, &cal.aliases).map_err(|w| (l.line, w))
}

/// `<uid>-<YYYYMMDD>`, with the time when the rule repeats within a day.
fn instance_id(base: &str, at: NaiveDateTime, taken: &[(NaiveDateTime, String)]) -> String {
    let id = format!("{base}-{}", at.format("%Y%m%d"));
    if taken.iter().any(|(_, t)| *t == id) {
        format!("{id}-{}", at.format("%H%M%S"))
    } else {
        id
    }
}

/// The zone a rule's times are reckoned in; floating and all-day rules
/// are reckoned as written.
fn frame_of(start: &Moment) -> Option<Tz> {
    match start {
        Moment::Zoned(_, z) => Some(*z),
        Moment::Utc(_) => Some(Tz::UTC),
        _ => None,
    }
}

/// The master's timing moved to an instance, keeping its length.
fn shift(timing: &Timing, at: NaiveDateTime) -> Timing {
    let delta = at - timing.start.naive();
    Timing {
        start: timing.start.with_naive(at),
        end: timing.end.as_ref().map(|e| e.with_naive(e.naive() + delta)),
    }
}

/// The instance start times (wall clock in the rule's frame) up to the
/// window's end, which is returned too, and whether the cap cut the list.
fn instances(
    v: &Vevent,
    timing: &Timing,
    cal: &Calendar,
) -> Result<(Vec<NaiveDateTime>, NaiveDateTime, bool), String> {
    let frame = frame_of(&timing.start);
    let tz: rrule::Tz = frame.unwrap_or(Tz::UTC).into();
    let start = timing.start.naive();
    let local = |t: NaiveDateTime| tz.from_local_datetime(&t).earliest();
    let dtstart = local(start).ok_or("DTSTART falls in a change of clocks")?;
    let last_day = cal
        .recur_until
        .or_else(|| start.date().checked_add_months(Months::new(24)))
        .ok_or("no end for the window")?;
    let mut end = last_day.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN));

    let mut set = match v.get("RRULE") {
        Some(l) => {
            // UNTIL is applied here, in the rule's frame: the crate reads a
            // UNTIL without `Z` in the machine's zone and rejects some
            // that calendars write.
            let mut parts = Vec::new();
            for part in l.value.split(';').filter(|p| !p.trim().is_empty()) {
                match part.split_once('=') {
                    Some((k, until)) if k.trim().eq_ignore_ascii_case("UNTIL") => {
                        let m = when::value_moment(until.trim(), None, None, &cal.aliases)
                            .ok_or_else(|| format!("UNTIL '{}' is not a date", until.trim()))?;
                        let u = match m {
                            Moment::Date(d) => d.and_hms_opt(23, 59, 59).unwrap_or(m.naive()),
                            _ => m.in_frame(frame),
                        };
                        end = end.min(u);
                    }
                    _ => parts.push(part),
                }
            }
            let rule: rrule::RRule<rrule::Unvalidated> =
                parts.join(";").parse().map_err(|e| format!("RRULE: {e}"))?;
            rule.build(dtstart).map_err(|e| format!("RRULE: {e}"))?
        }
        None => rrule::RRuleSet::new(dtstart).rdate(dtstart),
    };
    for l in v.all("RDATE") {
        for value in l.value.split(',') {
            if let Some(m) =
                when::value_moment(value, l.param("VALUE"), l.param("TZID"), &cal.aliases)
                && let Some(at) = local(m.in_frame(frame))
            {
                set = set.rdate(at);
            }
        }
    }
    // EXDATE is applied here, by wall-clock time in the frame; a date-only
    // EXDATE of a timed rule removes that day's instances.
    let mut excluded = Vec::new();
    for l in v.all("EXDATE") {
        for value in l.value.split(',') {
            let m = when::value_moment(value, l.param("VALUE"), l.param("TZID"), &cal.aliases)
                .ok_or_else(|| when::bad_value("EXDATE", value))?;
            excluded.push(m);
        }
    }
    let is_excluded = |t: &NaiveDateTime| {
        excluded.iter().any(|m| match m {
            Moment::Date(d) if !timing.start.is_date() => t.date() == *d,
            _ => m.in_frame(frame) == *t,
        })
    };
    let ask = (MAX_INSTANCES + excluded.len() + 1).min(u16::MAX as usize) as u16;
    let until = local(end).or_else(|| tz.from_local_datetime(&end).latest());
    let set = match until {
        Some(u) => set.before(u),
        None => set,
    };
    let result = set.all(ask);
    let mut times: Vec<NaiveDateTime> = result
        .dates
        .iter()
        .map(|d| d.naive_local())
        .filter(|t| !is_excluded(t))
        .collect();
    // DTSTART is the first instance (RFC 5545 3.8.5.3), even where the
    // rule does not produce it.
    if start <= end && !is_excluded(&start) && !times.contains(&start) {
        // An RDATE may come before it.
        times.insert(times.partition_point(|t| *t < start), start);
    }
    let limited = times.len() > MAX_INSTANCES || (result.limited && times.len() >= MAX_INSTANCES);
    times.truncate(MAX_INSTANCES);
    Ok((times, end, limited))
}
