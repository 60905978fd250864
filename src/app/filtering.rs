//! The filter: applying it, the pickers that set it, how the status line
//! writes it, and the density strip of what it keeps.

use super::picker::FocusValue;
use super::{Action, App, Picker, PickerKind};
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
        self.visible = self.apply_filter(&self.filter);
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
        self.vague_kept =
            if self.filter.within || (self.filter.from.is_none() && self.filter.to.is_none()) {
                0
            } else {
                let certain = query::Filter {
                    within: true,
                    ..self.filter.clone()
                };
                // The visible events are those that can fall in the range.
                self.visible
                    .len()
                    .saturating_sub(self.apply_filter(&certain).len())
            };
        self.rehit();
    }

    /// The events `filter` keeps. Under "only hits" (`F`) the search's
    /// matching events are at hand: the rest of the filter is applied and
    /// intersected with them, instead of searching again on every change.
    fn apply_filter(&self, filter: &query::Filter) -> Vec<EventIx> {
        match (&filter.search, &self.search) {
            (Some(q), Some(search)) if *q == search.query => {
                let rest = query::Filter {
                    search: None,
                    ..filter.clone()
                };
                intersect(&query::apply(&self.timeline, &rest), &search.matching)
            }
            _ => query::apply(&self.timeline, filter),
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
                    if picker.apply_to(&mut self.filter) {
                        self.refilter(keep);
                    } else {
                        self.message = Some("nothing chosen: the filter is unchanged".into());
                    }
                }
            }
            other => picker.update(&other, &self.timeline),
        }
    }

    /// Opens a picker on the value in focus (the focused actor, or the
    /// selected event's first country, topic, its status or place).
    pub(super) fn open_picker(&mut self, kind: PickerKind) {
        let t = &self.timeline;
        let event = self.current().map(|e| t.event(e));
        let focus = match kind {
            PickerKind::Actor => self.focused_actor().map(FocusValue::Index),
            PickerKind::Country => event
                .and_then(|e| e.countries().first().copied().or(e.place_country()))
                .map(|c| FocusValue::Index(c as u32)),
            PickerKind::Topic => event
                .and_then(|e| e.topic_ixs().first().copied())
                .map(FocusValue::Index),
            PickerKind::Status => event.map(|e| {
                FocusValue::Index(
                    crate::model::Status::ALL
                        .iter()
                        .position(|&s| s == e.status())
                        .unwrap_or(0) as u32,
                )
            }),
            PickerKind::Place => event
                .map(|e| e.place())
                .filter(|p| !p.is_empty())
                .map(|p| FocusValue::Label(p.to_string())),
        };
        self.picker = Some(Picker::new(kind, t, &self.filter, focus));
    }

    /// `f` in the actor pane: only the events of the actor in focus.
    pub(super) fn filter_by_focused_actor(&mut self) {
        let Some(actor) = self.focused_actor() else {
            self.message = Some("no actor in focus".into());
            return;
        };
        let keep = self.current();
        self.filter.actors = vec![actor];
        self.refilter(keep);
    }

    /// The filter written as the CLI takes it.
    pub fn filter_as_cli(&self) -> String {
        let t = &self.timeline;
        let f = &self.filter;
        let mut parts: Vec<String> = Vec::new();
        let mut flag = |name: &str, value: &str| parts.push(format!("--{name} {}", quoted(value)));
        for &a in &f.actors {
            flag("actor", t.actor(a).id());
        }
        for &c in &f.countries {
            flag("country", crate::model::country::code(c));
        }
        for &k in &f.topics {
            flag("topic", t.topic_name(k));
        }
        for s in &f.statuses {
            flag("status", s.as_str());
        }
        for p in &f.places {
            flag("place", p);
        }
        if let Some(from) = f.from {
            flag("from", &crate::model::date::format_bound(from, false));
        }
        if let Some(to) = f.to {
            flag("to", &crate::model::date::format_bound(to, true));
        }
        if f.within && (f.from.is_some() || f.to.is_some()) {
            parts.push("--within".into());
        }
        if let Some(q) = &f.search {
            parts.push(format!("--search {}", quoted(q)));
        }
        parts.join(" ")
    }

    /// The date filter as the prompt shows it: `2025-03..2025-04`,
    /// `2025-04-17`, `2025-03..`, `..2024`, or nothing.
    pub(super) fn dates_as_text(&self) -> String {
        use crate::model::date::format_bound;
        let f = &self.filter;
        match (f.from, f.to) {
            (None, None) => String::new(),
            (Some(from), Some(to)) if format_bound(from, false) == format_bound(to, true) => {
                format_bound(from, false)
            }
            (from, to) => format!(
                "{}..{}",
                from.map(|d| format_bound(d, false)).unwrap_or_default(),
                to.map(|d| format_bound(d, true)).unwrap_or_default()
            ),
        }
    }

    /// Sets the date filter from `A..B`, `A..`, `..B` or `A` (each a day, a
    /// month or a year); `within` keeps only events wholly inside it, else
    /// events that can fall in it stay. Empty clears it.
    pub(super) fn set_dates(&mut self, text: &str, within: bool) {
        let text = text.trim();
        let (from, to) = text.split_once("..").unwrap_or((text, text));
        match query::spec::date_range(Some(from), Some(to)) {
            Ok((from, to)) => {
                let keep = self.current();
                self.filter.from = from;
                self.filter.to = to;
                self.filter.within = within;
                self.refilter(keep);
            }
            Err(e) => self.message = Some(e.0),
        }
    }
}

/// The events in both sorted lists.
fn intersect(a: &[EventIx], b: &[EventIx]) -> Vec<EventIx> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// A value for the command line, in double quotes when it has spaces.
fn quoted(value: &str) -> String {
    if value.is_empty() || value.contains([' ', '"', '\'', '$']) {
        format!("\"{}\"", value.replace('"', "\\\""))
    } else {
        value.to_string()
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// Under "only hits", a filter change intersects the search's kept
    /// events: the list and the vague-date count must be what applying the
    /// whole filter, search included, gives.
    #[test]
    fn only_hits_filter_changes_agree_with_applying_the_whole_filter() {
        let mut bytes = Vec::new();
        crate::synth::write(&mut bytes, 2000, 7).unwrap();
        let t = crate::load::load_bytes("gen.jsonl", &bytes, crate::load::Format::Lines, &|_| {
            Err(String::new())
        })
        .unwrap();
        let mut app = App::new(Arc::new(t));
        app.update(Action::StartSearch);
        app.update(Action::Paste("kraków".into()));
        app.update(Action::Submit);
        app.update(Action::ToggleOnlyHits);
        assert_eq!(app.filter.search.as_deref(), Some("kraków"));
        let t = app.timeline.clone();
        let from = crate::model::date::parse_user_range("2020").unwrap().0;
        let to = crate::model::date::parse_user_range("2023").unwrap().1;
        for step in 0..4 {
            match step {
                0 => {}
                1 => app.filter.actors = vec![t.event(app.visible[0]).actors()[0].actor],
                2 => {
                    app.filter.actors.clear();
                    (app.filter.from, app.filter.to) = (Some(from), Some(to));
                }
                _ => app.filter.within = true,
            }
            app.refilter(None);
            assert!(!app.visible.is_empty(), "step {step}");
            assert_eq!(app.visible, query::apply(&t, &app.filter), "step {step}");
            assert_eq!(
                app.vague_kept,
                if app.filter.within {
                    0
                } else {
                    query::kept_by_vague_dates(&t, &app.filter)
                },
                "step {step}"
            );
        }
    }
}
