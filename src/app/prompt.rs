//! The search and go-to prompts: typing, running a search and moving
//! between its hits, and going to a date or an event id.

use super::action::Action;
use super::input::Edit;
use super::{App, Pane, PromptKind, Search};
use crate::query::{self, Filter};

impl App {
    pub(super) fn update_prompt(&mut self, action: Action) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        match action {
            Action::Input(c) => prompt.input.insert_char(c),
            Action::Backspace => prompt.input.edit(Edit::DeleteBack),
            Action::Edit(edit) => prompt.input.edit(edit),
            Action::ToggleWithin if prompt.kind == PromptKind::Dates => {
                prompt.within = !prompt.within
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
                }
            }
            _ => {}
        }
    }

    /// Inserts pasted text at the cursor of the open picker or prompt;
    /// false when neither is open.
    pub fn paste(&mut self, text: &str) -> bool {
        if let Some(picker) = self.picker.as_mut() {
            picker.insert_str(text);
        } else if let Some(prompt) = self.prompt.as_mut() {
            prompt.input.insert_str(text);
        } else {
            return false;
        }
        true
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
        let mut hits = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < self.visible.len() && j < matching.len() {
            match self.visible[i].cmp(&matching[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    hits.push(i);
                    i += 1;
                    j += 1;
                }
            }
        }
        if hits.is_empty() {
            self.message = Some(format!("no match for \"{query}\""));
        }
        self.search = Some(Search {
            query: query.to_string(),
            hits,
        });
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
            self.message = Some(format!("no match for \"{}\"", search.query));
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
            Ok((first, _)) => {
                let earliest = self.timeline.earliest_days();
                let pos = self
                    .visible
                    .partition_point(|&e| earliest[e as usize] < first);
                if self.visible.is_empty() {
                    self.message = Some("no events to go to".into());
                } else {
                    let pos = pos.min(self.visible.len() - 1);
                    self.focus = Pane::Chronology;
                    self.select_position(pos);
                }
            }
            Err(_) => {
                // Ids that hold what was typed, to go to instead.
                let hint = crate::present::ids_holding_hint(&self.timeline, target);
                self.message = Some(format!(
                    "'{}' is neither an event id nor a date (2025-04-17, 2025-04, 2025){hint}",
                    crate::sanitize::line(target)
                ));
            }
        }
    }
}
