//! The actor and country pickers: every value with its event count under the
//! other active filters, narrowed as you type, several toggled with Space.

use super::Action;
use crate::fold::fold;
use crate::model::country::{self, CountryIx};
use crate::model::{ActorIx, Timeline};
use crate::query::{self, Filter};
use crate::search::Needle;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    Actor,
    Country,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerRow {
    /// Actor index or country index.
    pub value: u32,
    pub label: String,
    /// Extra words matched when narrowing (id, aliases, code).
    pub keywords: String,
    /// Shown after the label: the actor's id, which tells apart actors of
    /// the same name.
    pub id: String,
    pub count: usize,
}

impl PickerRow {
    fn new(value: u32, label: String, keywords: String, count: usize) -> PickerRow {
        PickerRow {
            value,
            label,
            keywords,
            id: String::new(),
            count,
        }
    }

    /// The label and each keyword folded ([`fold`]), one a line: Space
    /// toggles, so "vladimirp" finds "Vladimir Putin", and "soren" finds
    /// "Søren".
    fn folded(&self) -> String {
        let mut folded = fold(&self.label);
        for word in self.keywords.split(' ').filter(|w| !w.is_empty()) {
            folded.push('\n');
            folded.push_str(&fold(word));
        }
        folded
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickerKind,
    pub rows: Vec<PickerRow>,
    pub query: String,
    /// Indexes into `rows` that match the query.
    pub shown: Vec<usize>,
    pub cursor: usize,
    pub chosen: Vec<u32>,
    /// Whether Space was used; if not, Enter takes the row under the cursor.
    pub toggled: bool,
    /// Each row folded, made when the first character is typed: folding
    /// ten thousand names would slow down opening the picker.
    folded: Vec<String>,
}

impl Picker {
    pub fn new(kind: PickerKind, t: &Timeline, filter: &Filter) -> Picker {
        let mut rows: Vec<PickerRow> = match kind {
            PickerKind::Actor => {
                let counts = query::actor_counts(t, filter);
                (0..t.actor_count() as ActorIx)
                    .map(|a| {
                        let actor = t.actor(a);
                        let mut keywords = actor.id().to_string();
                        for alias in actor.aliases() {
                            keywords.push(' ');
                            keywords.push_str(alias);
                        }
                        PickerRow {
                            id: actor.id().to_string(),
                            ..PickerRow::new(
                                a,
                                actor.name().to_string(),
                                keywords,
                                counts[a as usize],
                            )
                        }
                    })
                    .collect()
            }
            PickerKind::Country => {
                let counts = query::country_counts(t, filter);
                let in_use: Vec<CountryIx> =
                    t.countries_in_use().into_iter().map(|(c, _)| c).collect();
                in_use
                    .into_iter()
                    .map(|c| {
                        let label = format!("{} {}", country::code(c), country::name(c));
                        PickerRow::new(c as u32, label, String::new(), counts[c as usize])
                    })
                    .collect()
            }
        };
        rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
        let chosen = match kind {
            PickerKind::Actor => filter.actors.clone(),
            PickerKind::Country => filter.countries.iter().map(|&c| c as u32).collect(),
        };
        let mut picker = Picker {
            kind,
            rows,
            query: String::new(),
            shown: Vec::new(),
            cursor: 0,
            chosen,
            toggled: false,
            folded: Vec::new(),
        };
        picker.narrow();
        picker
    }

    /// Keeps the rows that contain the query, as typed or folded; rows that
    /// start with it (or have a word that does) come first, each group by
    /// event count.
    fn narrow(&mut self) {
        let needle = Needle::new(self.query.trim());
        let folded_query = fold(&self.query);
        if !folded_query.is_empty() && self.folded.len() != self.rows.len() {
            self.folded = self.rows.iter().map(PickerRow::folded).collect();
        }
        let folded = |i: usize| self.folded.get(i).map_or("", String::as_str);
        let starts = |text: &str| {
            text.split([' ', '-'])
                .any(|word| needle.find(word) == Some(0))
        };
        let mut shown: Vec<(bool, usize)> = (0..self.rows.len())
            .filter(|&i| {
                let row = &self.rows[i];
                needle.is_in(&row.label)
                    || needle.is_in(&row.keywords)
                    || folded(i).contains(&folded_query)
            })
            .map(|i| {
                let row = &self.rows[i];
                let first = starts(&row.label)
                    || starts(&row.keywords)
                    || folded(i).split('\n').any(|w| w.starts_with(&folded_query));
                (!first, i)
            })
            .collect();
        shown.sort();
        self.shown = shown.into_iter().map(|(_, i)| i).collect();
        self.cursor = self.cursor.min(self.shown.len().saturating_sub(1));
    }

    /// Inserts text at the end of the query, typed or pasted alike, and
    /// narrows the list.
    pub fn insert_str(&mut self, s: &str) {
        self.query.push_str(s);
        self.cursor = 0;
        self.narrow();
    }

    pub fn update(&mut self, action: &Action, _t: &Timeline) {
        let len = self.shown.len();
        let page = 10;
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(len.saturating_sub(1)),
            Action::PageUp => self.cursor = self.cursor.saturating_sub(page),
            Action::PageDown => self.cursor = (self.cursor + page).min(len.saturating_sub(1)),
            Action::Input(_) | Action::Paste(_) => {
                if let Some(text) = action.inserted_text() {
                    self.insert_str(&text);
                }
            }
            Action::Backspace => {
                self.query.pop();
                self.narrow();
            }
            Action::Toggle => {
                self.toggled = true;
                if let Some(&row) = self.shown.get(self.cursor) {
                    let value = self.rows[row].value;
                    match self.chosen.iter().position(|&v| v == value) {
                        Some(p) => {
                            self.chosen.remove(p);
                        }
                        None => self.chosen.push(value),
                    }
                }
            }
            _ => {}
        }
    }

    /// Sets the picker's criterion on `filter`. If Space was never pressed,
    /// Enter adds the value under the cursor to those already chosen.
    pub fn apply_to(&self, filter: &mut Filter) {
        let mut chosen = self.chosen.clone();
        if !self.toggled
            && let Some(&row) = self.shown.get(self.cursor)
        {
            let value = self.rows[row].value;
            if !chosen.contains(&value) {
                chosen.push(value);
            }
        }
        match self.kind {
            PickerKind::Actor => filter.actors = chosen,
            PickerKind::Country => {
                filter.countries = chosen.into_iter().map(|c| c as CountryIx).collect()
            }
        }
    }

    pub fn is_chosen(&self, value: u32) -> bool {
        self.chosen.contains(&value)
    }
}
