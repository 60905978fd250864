//! The filter: applying it, the pickers that set it, how the status line
//! writes it, and the density strip of what it keeps.

use super::{Action, App};
use crate::model::date::Day;
use crate::model::{EventIx, Timeline};
use crate::query;

/// Events over time in the filtered list, for the density strip: counts of
/// events by earliest day, in buckets of `bucket_days` (one day for spans up
/// to about ten years, wider beyond, so the array stays small).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Density {
    pub first_day: Day,
    pub bucket_days: i32,
    pub counts: Vec<u32>,
    /// Events whose date is open at the start ("before 16 Apr 2025"): they
    /// have no place on the axis and are counted apart.
    pub open_start: u32,
}

impl Density {
    /// The last day the strip covers.
    pub fn last_day(&self) -> Day {
        self.first_day + self.bucket_days * self.counts.len() as i32 - 1
    }
}

impl App {
    /// Applies the filter, keeping `keep` selected if it still matches.
    pub fn refilter(&mut self, keep: Option<EventIx>) {
        self.visible = query::apply(&self.timeline, &self.filter);
        let position = keep.map(|k| match self.visible.binary_search(&k) {
            Ok(p) => p,
            Err(p) => p.min(self.visible.len().saturating_sub(1)),
        });
        self.selected = usize::MAX;
        self.select_position(
            position
                .unwrap_or(0)
                .min(self.visible.len().saturating_sub(1)),
        );
        self.density = density(&self.timeline, &self.visible);
        if let Some(search) = &self.search {
            let query = search.query.clone();
            self.run_search(&query);
        }
    }

    pub(super) fn update_picker(&mut self, action: Action) {
        let Some(picker) = self.picker.as_mut() else {
            return;
        };
        match action {
            Action::Escape => self.picker = None,
            Action::Submit => {
                if let Some(picker) = self.picker.take() {
                    let keep = self.current();
                    picker.apply_to(&mut self.filter);
                    self.refilter(keep);
                }
            }
            other => picker.update(&other, &self.timeline),
        }
    }

    /// The filter written as the CLI takes it.
    pub fn filter_as_cli(&self) -> String {
        let t = &self.timeline;
        let mut parts: Vec<String> = Vec::new();
        for &a in &self.filter.actors {
            parts.push(format!("--actor {}", t.actor(a).id()));
        }
        for &c in &self.filter.countries {
            parts.push(format!("--country {}", crate::model::country::code(c)));
        }
        if let Some(from) = self.filter.from {
            parts.push(format!("--from {}", crate::model::date::format_day(from)));
        }
        if let Some(to) = self.filter.to {
            parts.push(format!("--to {}", crate::model::date::format_day(to)));
        }
        parts.join(" ")
    }

    /// The date filter as the prompt shows it: `2025-03-01..2025-04-30`,
    /// `2025-03-01..`, `..2024-12-31`, or nothing.
    pub(super) fn dates_as_text(&self) -> String {
        let day = |d: Option<Day>| d.map(crate::model::date::format_day).unwrap_or_default();
        match (self.filter.from, self.filter.to) {
            (None, None) => String::new(),
            (from, to) => format!("{}..{}", day(from), day(to)),
        }
    }

    /// Sets the date filter from `A..B`, `A..`, `..B` or `A` (each a day, a
    /// month or a year: events that can fall in it stay); empty clears it.
    pub(super) fn set_dates(&mut self, text: &str) {
        let text = text.trim();
        let (from, to) = text.split_once("..").unwrap_or((text, text));
        let bound = |s: &str| -> Result<Option<(Day, Day)>, String> {
            let s = s.trim();
            if s.is_empty() {
                return Ok(None);
            }
            crate::model::date::parse_user_range(s)
                .map(Some)
                .map_err(|_| {
                    format!(
                        "'{}' is not a day, month or year (2025-04-17, 2025-04, 2025)",
                        crate::present::typed_excerpt(&crate::sanitize::line(s), 40)
                    )
                })
        };
        let (from, to) = match (bound(from), bound(to)) {
            (Ok(from), Ok(to)) => (from.map(|(first, _)| first), to.map(|(_, last)| last)),
            (Err(message), _) | (_, Err(message)) => {
                self.message = Some(message);
                return;
            }
        };
        if let (Some(first), Some(last)) = (from, to)
            && last < first
        {
            self.message = Some("the range ends before it starts".into());
            return;
        }
        let keep = self.current();
        self.filter.from = from;
        self.filter.to = to;
        self.refilter(keep);
    }
}

/// Counts the events of `visible` by their earliest day (events with an
/// open start are counted apart: they have no place on the axis).
pub fn density(t: &Timeline, visible: &[EventIx]) -> Density {
    const MAX_BUCKETS: i32 = 4096;
    let earliest = t.earliest_days();
    // The chronology puts open starts first.
    let open_start = visible.partition_point(|&e| earliest[e as usize] == Day::MIN) as u32;
    let days = visible
        .iter()
        .map(|&e| earliest[e as usize])
        .filter(|&d| d != Day::MIN);
    let (Some(first), Some(last)) = (days.clone().min(), days.clone().max()) else {
        return Density {
            open_start,
            ..Density::default()
        };
    };
    let span = last - first + 1;
    let bucket_days = (span + MAX_BUCKETS - 1) / MAX_BUCKETS;
    let mut counts = vec![0u32; (span / bucket_days + 1) as usize];
    for d in days {
        counts[((d - first) / bucket_days) as usize] += 1;
    }
    while counts.last() == Some(&0) {
        counts.pop();
    }
    Density {
        first_day: first,
        bucket_days,
        counts,
        open_start,
    }
}
