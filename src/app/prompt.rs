//! The search and go-to prompts: typing, running a search and moving
//! between its hits, and going to a date or an event id.

use super::action::Action;
use super::{App, Pane, Prompt, Search};
use crate::model::EventIx;
use crate::model::date::Day;
use crate::present::typed_excerpt;
use crate::query::{self, Filter};

impl Prompt {
    /// What has been typed so far.
    pub fn text(&self) -> &str {
        match self {
            Prompt::Search(t)
            | Prompt::Goto(t)
            | Prompt::Dates(t)
            | Prompt::ExportFormat(t)
            | Prompt::ExportPath(_, t) => t,
            Prompt::ExportReplace(_) => "",
        }
    }

    fn text_mut(&mut self) -> Option<&mut String> {
        match self {
            Prompt::Search(t)
            | Prompt::Goto(t)
            | Prompt::Dates(t)
            | Prompt::ExportFormat(t)
            | Prompt::ExportPath(_, t) => Some(t),
            Prompt::ExportReplace(_) => None,
        }
    }

    /// Inserts text at the cursor (the end), typed or pasted alike; a
    /// yes-or-no question takes none.
    pub fn insert_str(&mut self, s: &str) {
        if let Some(text) = self.text_mut() {
            text.push_str(s);
        }
    }
}

impl App {
    pub(super) fn update_prompt(&mut self, action: Action) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        if matches!(prompt, Prompt::ExportReplace(_)) {
            return self.update_export_prompt(action);
        }
        if let Some(text) = action.inserted_text() {
            prompt.insert_str(&text);
            return;
        }
        if matches!(prompt, Prompt::ExportFormat(_) | Prompt::ExportPath(..)) {
            return self.update_export_prompt(action);
        }
        match action {
            Action::Backspace => {
                if let Some(text) = prompt.text_mut() {
                    text.pop();
                }
            }
            Action::Escape => self.prompt = None,
            Action::Submit => match self.prompt.take() {
                Some(Prompt::Search(q)) => {
                    self.run_search(q.trim());
                    if self.search.as_ref().is_some_and(|s| !s.hits.is_empty()) {
                        self.next_hit_from(self.selected, true, true);
                    }
                }
                Some(Prompt::Goto(target)) => self.goto(target.trim()),
                Some(Prompt::Dates(range)) => self.set_dates(&range),
                _ => {}
            },
            _ => {}
        }
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
            self.message = Some(format!("no match for \"{}\"", typed_excerpt(query, 40)));
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
