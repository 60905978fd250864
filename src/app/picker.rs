//! The pickers (actor, country, topic, status, place): every value with its
//! event count under the other active filters, narrowed as you type,
//! several toggled with Space. A picker opens on the value in focus, with
//! the values already in the filter marked; Enter replaces that kind of
//! filter with the toggled values, or with the value under the cursor.

use super::Action;
use super::input::{Edit, LineInput};
use crate::fold::fold;
use crate::model::country::{self, CountryIx};
use crate::model::{ActorIx, Status, Timeline};
use crate::query::{self, Filter};
use crate::search::Needle;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    Actor,
    Country,
    Topic,
    Status,
    Place,
}

impl PickerKind {
    pub fn title(self) -> &'static str {
        match self {
            PickerKind::Actor => "Filter by actor",
            PickerKind::Country => "Filter by country",
            PickerKind::Topic => "Filter by topic",
            PickerKind::Status => "Filter by status",
            PickerKind::Place => "Filter by place",
        }
    }
}

/// The value a picker opens on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FocusValue {
    /// An actor, country, topic or status number.
    Index(u32),
    /// A place name.
    Label(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerRow {
    /// Actor, country, topic or status number, or the place's row number.
    pub value: u32,
    pub label: String,
    /// Extra words matched when narrowing (id, aliases, code).
    pub keywords: String,
    /// Shown after the label: for an actor its kind, country and id, which
    /// tell apart actors of the same name.
    pub detail: String,
    pub count: usize,
}

impl PickerRow {
    fn new(value: u32, label: String, count: usize) -> PickerRow {
        PickerRow {
            value,
            label,
            keywords: String::new(),
            detail: String::new(),
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
    pub input: LineInput,
    /// Indexes into `rows` that match the query.
    pub shown: Vec<usize>,
    pub cursor: usize,
    /// Values toggled with Space.
    pub chosen: Vec<u32>,
    /// Values the filter holds now, marked.
    pub in_filter: Vec<u32>,
    /// Whether Space was used; if not, Enter takes the row under the cursor.
    pub toggled: bool,
    /// Each row folded, made when the first character is typed: folding
    /// ten thousand names would slow down opening the picker.
    folded: Vec<String>,
}

fn actor_rows(t: &Timeline, filter: &Filter) -> Vec<PickerRow> {
    let counts = query::actor_counts(t, filter);
    (0..t.actor_count() as ActorIx)
        .map(|a| {
            let actor = t.actor(a);
            let mut keywords = actor.id().to_string();
            for alias in actor.aliases() {
                keywords.push(' ');
                keywords.push_str(alias);
            }
            let mut detail = actor.kind().as_str().to_string();
            if let Some(code) = actor.country_code() {
                detail.push_str(", ");
                detail.push_str(code);
            }
            detail.push_str(" · ");
            detail.push_str(actor.id());
            PickerRow {
                keywords,
                detail,
                ..PickerRow::new(a, actor.name().to_string(), counts[a as usize])
            }
        })
        .collect()
}

fn rows(kind: PickerKind, t: &Timeline, filter: &Filter) -> Vec<PickerRow> {
    match kind {
        PickerKind::Actor => actor_rows(t, filter),
        PickerKind::Country => {
            let counts = query::country_counts(t, filter);
            t.countries_in_use()
                .into_iter()
                .map(|(c, _)| {
                    let label = format!("{} {}", country::code(c), country::name(c));
                    PickerRow::new(c as u32, label, counts[c as usize])
                })
                .collect()
        }
        PickerKind::Topic => query::topic_counts(t, filter)
            .into_iter()
            .enumerate()
            .map(|(k, n)| PickerRow::new(k as u32, t.topic_name(k as u32).to_string(), n))
            .collect(),
        PickerKind::Status => query::status_counts(t, filter)
            .into_iter()
            .zip(Status::ALL)
            .enumerate()
            .map(|(i, (n, s))| PickerRow::new(i as u32, s.as_str().to_string(), n))
            .collect(),
        PickerKind::Place => query::place_counts(t, filter)
            .into_iter()
            .enumerate()
            .map(|(i, (p, n))| PickerRow::new(i as u32, p, n))
            .collect(),
    }
}

impl Picker {
    pub fn new(
        kind: PickerKind,
        t: &Timeline,
        filter: &Filter,
        focus: Option<FocusValue>,
    ) -> Picker {
        let mut rows = rows(kind, t, filter);
        rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
        let place_value = |name: &str| {
            rows.iter()
                .find(|r| crate::search::eq_ignore_case(&r.label, name))
                .map(|r| r.value)
        };
        let in_filter: Vec<u32> = match kind {
            PickerKind::Actor => filter.actors.clone(),
            PickerKind::Country => filter.countries.iter().map(|&c| c as u32).collect(),
            PickerKind::Topic => filter.topics.clone(),
            PickerKind::Status => filter
                .statuses
                .iter()
                .filter_map(|s| Status::ALL.iter().position(|x| x == s))
                .map(|i| i as u32)
                .collect(),
            PickerKind::Place => filter
                .places
                .iter()
                .filter_map(|p| place_value(p))
                .collect(),
        };
        let focus = match focus {
            Some(FocusValue::Index(v)) => Some(v),
            Some(FocusValue::Label(name)) => place_value(&name),
            None => None,
        };
        let mut picker = Picker {
            kind,
            rows,
            input: LineInput::new(),
            shown: Vec::new(),
            cursor: 0,
            chosen: Vec::new(),
            in_filter,
            toggled: false,
            folded: Vec::new(),
        };
        picker.narrow();
        if let Some(v) = focus {
            picker.cursor = picker
                .shown
                .iter()
                .position(|&r| picker.rows[r].value == v)
                .unwrap_or(0);
        }
        picker
    }

    /// This picker (just made anew) with what was typed and toggled in
    /// `old`, its values `chosen` as this one numbers them.
    /// The cursor goes to the row of value `on` if it is shown.
    pub(super) fn carry_over(mut self, old: &Picker, chosen: Vec<u32>, on: Option<u32>) -> Picker {
        self.input = old.input.clone();
        self.chosen = chosen;
        self.toggled = old.toggled;
        self.narrow();
        self.cursor = on
            .and_then(|v| self.shown.iter().position(|&r| self.rows[r].value == v))
            .unwrap_or(0);
        self
    }

    /// What has been typed.
    pub fn query(&self) -> &str {
        self.input.value()
    }

    /// Keeps the rows that contain the query, as typed or folded; rows that
    /// start with it (or have a word that does) come first, each group by
    /// event count.
    fn narrow(&mut self) {
        let query = self.input.value().to_string();
        let needle = Needle::new(query.trim());
        let folded_query = fold(&query);
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

    /// Edits the query and narrows the list again when it changed.
    fn edit_query(&mut self, edit: impl FnOnce(&mut LineInput)) {
        let before = self.input.value().to_string();
        edit(&mut self.input);
        if self.input.value() != before {
            self.cursor = 0;
            self.narrow();
        }
    }

    /// Inserts text at the cursor of the query, typed or pasted alike.
    pub fn insert_str(&mut self, s: &str) {
        self.edit_query(|input| input.insert_str(s));
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
            Action::Backspace => self.edit_query(|input| input.edit(Edit::DeleteBack)),
            Action::Edit(edit) => self.edit_query(|input| input.edit(*edit)),
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

    /// Replaces the picker's kind of criterion on `filter` with the toggled
    /// values (none toggled, after Space: clears it), or, without Space, with
    /// the value under the cursor. False when there was nothing to take.
    pub fn apply_to(&self, filter: &mut Filter) -> bool {
        let chosen = if self.toggled {
            self.chosen.clone()
        } else {
            match self.shown.get(self.cursor) {
                Some(&row) => vec![self.rows[row].value],
                None => return false,
            }
        };
        match self.kind {
            PickerKind::Actor => filter.actors = chosen,
            PickerKind::Country => {
                filter.countries = chosen.into_iter().map(|c| c as CountryIx).collect()
            }
            PickerKind::Topic => filter.topics = chosen,
            PickerKind::Status => {
                filter.statuses = chosen
                    .into_iter()
                    .filter_map(|i| Status::ALL.get(i as usize).copied())
                    .collect()
            }
            PickerKind::Place => {
                filter.places = chosen
                    .into_iter()
                    .filter_map(|v| self.rows.iter().find(|r| r.value == v))
                    .map(|r| r.label.clone())
                    .collect()
            }
        }
        true
    }

    /// Toggled with Space.
    pub fn is_chosen(&self, value: u32) -> bool {
        self.chosen.contains(&value)
    }

    /// In the filter now.
    pub fn is_in_filter(&self, value: u32) -> bool {
        self.in_filter.contains(&value)
    }
}
