//! The search and go-to prompts: typing, running a search and moving
//! between its hits, and going to a date or an event id.

use super::action::Action;
use super::input::Edit;
use super::{App, Pane, Prompt, PromptKind, Search};
use crate::model::EventIx;
use crate::model::date::Day;
use crate::present::typed_excerpt;
use crate::query::{self, Filter};

impl Prompt {
    /// What has been typed so far.
    pub fn text(&self) -> &str {
        self.input.value()
    }

    /// Inserts text at the cursor, typed or pasted alike, cleaned by the
    /// rules data follows; a yes-or-no question takes none.
    pub fn insert_str(&mut self, s: &str) {
        if !matches!(self.kind, PromptKind::ExportReplace(_)) {
            self.input.insert_str(s);
        }
    }
}

impl App {
    pub(super) fn update_prompt(&mut self, action: Action) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        if matches!(prompt.kind, PromptKind::ExportReplace(_)) {
            return self.update_export_prompt(action);
        }
        if let Some(text) = action.inserted_text() {
            prompt.insert_str(&text);
            return;
        }
        match action {
            Action::Backspace => prompt.input.edit(Edit::DeleteBack),
            Action::Edit(edit) => prompt.input.edit(edit),
            Action::ToggleWithin if prompt.kind == PromptKind::Dates => {
                prompt.within = !prompt.within
            }
            Action::Submit | Action::Escape
                if matches!(
                    prompt.kind,
                    PromptKind::ExportFormat | PromptKind::ExportPath(_)
                ) =>
            {
                self.update_export_prompt(action)
            }
            Action::Escape => self.prompt = None,
            Action::Submit => {
                let Some(prompt) = self.prompt.take() else {
                    return;
                };
                let text = prompt.input.value();
                match prompt.kind {
                    PromptKind::Search => self.submit_search(text.trim()),
                    PromptKind::Goto => self.goto(text.trim()),
                    PromptKind::Dates => self.set_dates(text, prompt.within),
                    // Handled by update_export_prompt above.
                    PromptKind::ExportFormat
                    | PromptKind::ExportPath(_)
                    | PromptKind::ExportReplace(_) => {}
                }
            }
            _ => {}
        }
    }

    /// Runs a search and moves to its first hit; under "only hits" (`F`)
    /// the list shows the new search's hits.
    fn submit_search(&mut self, query: &str) {
        if self.filter.search.is_some() {
            let keep = self.current();
            self.filter.search = Some(query.to_string()).filter(|q| !q.is_empty());
            self.refilter(keep);
        }
        self.run_search(query);
        if self.search.as_ref().is_some_and(|s| !s.hits.is_empty()) {
            self.next_hit_from(self.selected, true, true);
        }
    }

    /// `F`: shows only the search's hits, as `--search` would, or every
    /// event again.
    pub(super) fn toggle_only_hits(&mut self) {
        let keep = self.current();
        if self.filter.search.take().is_some() {
            self.refilter(keep);
            self.message = Some("showing every event again".into());
            return;
        }
        let Some(query) = self.search.as_ref().map(|s| s.query.clone()) else {
            self.message = Some("no search: press / to search, then F shows only its hits".into());
            return;
        };
        self.filter.search = Some(query);
        self.refilter(keep);
        self.message = Some(format!(
            "showing only the {} search hits (F shows every event)",
            self.visible.len()
        ));
    }

    pub(super) fn run_search(&mut self, query: &str) {
        if query.is_empty() {
            self.search = None;
            return;
        }
        let only_text = Filter {
            search: Some(query.to_string()),
            ..Filter::default()
        };
        let matching = query::apply(&self.timeline, &only_text);
        let hits = positions_in(&self.visible, &matching);
        if hits.is_empty() {
            self.message = Some(format!("no match for \"{}\"", typed_excerpt(query, 40)));
        }
        self.search = Some(Search {
            query: query.to_string(),
            hits,
            matching,
        });
    }

    /// The search's hits in a list filtered anew: its matching events are
    /// kept, so a filter change intersects instead of searching again.
    pub(super) fn rehit(&mut self) {
        if let Some(search) = self.search.as_mut() {
            search.hits = positions_in(&self.visible, &search.matching);
        }
    }

    pub(super) fn next_hit(&mut self, forward: bool) {
        self.next_hit_from(self.selected, forward, false);
    }

    pub(super) fn next_hit_from(&mut self, from: usize, forward: bool, inclusive: bool) {
        let Some(search) = &self.search else {
            self.message = Some("no search: press / to search".into());
            return;
        };
        let hits = &search.hits;
        if hits.is_empty() {
            self.message = Some(format!(
                "no match for \"{}\"",
                typed_excerpt(&search.query, 40)
            ));
            return;
        }
        let target = if forward {
            let i = hits.partition_point(|&h| if inclusive { h < from } else { h <= from });
            hits.get(i).copied().unwrap_or(hits[0])
        } else {
            let i = hits.partition_point(|&h| h < from);
            if i == 0 {
                hits[hits.len() - 1]
            } else {
                hits[i - 1]
            }
        };
        self.focus = Pane::Chronology;
        self.select_position(target);
    }

    fn goto(&mut self, target: &str) {
        if target.is_empty() {
            return;
        }
        if let Some(ix) = self.timeline.find_event(target) {
            self.jump_to(ix);
            return;
        }
        match crate::model::date::parse_user_range(target) {
            Ok((first, last)) => {
                if self.visible.is_empty() {
                    self.message = Some("no events to go to".into());
                    return;
                }
                let (pos, found) = self.nearest_to(first, last);
                self.focus = Pane::Chronology;
                self.select_position(pos);
                let e = self.timeline.event(self.visible[pos]);
                let target = crate::sanitize::line(target);
                let (date, id) = (e.date().human(), e.id());
                self.message = match found {
                    Found::Within => None,
                    Found::Vague(n) => Some(format!(
                        "no event certainly in {target}; {n} can fall in it, the first: {date} {id}"
                    )),
                    Found::Nearest => Some(format!("no event in {target}; nearest: {date} {id}")),
                };
            }
            Err(_) if self.partial => {
                // Further on in the file, perhaps: say so rather than "no".
                self.message = Some(format!(
                    "'{}' is not an event loaded so far, nor a date ({}): try again when the whole timeline is in",
                    typed_excerpt(&crate::sanitize::line(target), 40),
                    self.loading_note().unwrap_or_default()
                ));
            }
            Err(_) => {
                // Ids that hold what was typed, to go to instead.
                let hint = crate::present::ids_holding_hint(&self.timeline, target);
                self.message = Some(format!(
                    "'{}' is neither an event id nor a date (2025-04-17, 2025-04, 2025){hint}",
                    typed_excerpt(&crate::sanitize::line(target), 40)
                ));
            }
        }
    }

    /// The first visible event certainly in `first..=last`; else the first
    /// that can fall in it (a vague date); else the one nearest to it.
    fn nearest_to(&mut self, first: Day, last: Day) -> (usize, Found) {
        let earliest = self.timeline.earliest_days();
        let latest = self.timeline.latest_days();
        let within = |e: EventIx| {
            let (a, b) = (earliest[e as usize], latest[e as usize]);
            a != Day::MIN && a >= first && b <= last
        };
        let pos = self
            .visible
            .partition_point(|&e| earliest[e as usize] < first);
        if let Some(p) = self.visible[pos..]
            .iter()
            .take_while(|&&e| earliest[e as usize] <= last)
            .position(|&e| within(e))
        {
            return (pos + p, Found::Within);
        }
        let overlaps = |e: EventIx| earliest[e as usize] <= last && latest[e as usize] >= first;
        let vague: Vec<usize> = (0..self.visible.len())
            .filter(|&p| overlaps(self.visible[p]))
            .collect();
        if let Some(&p) = vague.first() {
            return (p, Found::Vague(vague.len()));
        }
        let distance = |e: EventIx| -> i64 {
            let (a, b) = (earliest[e as usize] as i64, latest[e as usize] as i64);
            if b < first as i64 {
                first as i64 - b
            } else {
                a - last as i64
            }
        };
        let nearest = (0..self.visible.len())
            .min_by_key(|&p| distance(self.visible[p]))
            .unwrap_or(0);
        (nearest, Found::Nearest)
    }
}

/// How go-to found the event it went to.
enum Found {
    /// Its date lies in the range.
    Within,
    /// Its date can fall in the range (and so can this many events'), none lies in it.
    Vague(usize),
    /// Nothing can fall in the range: the nearest event.
    Nearest,
}

/// The positions in `visible` of the events of `matching` (both sorted).
fn positions_in(visible: &[EventIx], matching: &[EventIx]) -> Vec<usize> {
    let mut hits = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < visible.len() && j < matching.len() {
        match visible[i].cmp(&matching[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                hits.push(i);
                i += 1;
                j += 1;
            }
        }
    }
    hits
}
