//! Mouse input: the wheel scrolls the pane under the pointer; a click focuses
//! a pane and, in the chronology, selects the row.

use super::{Action, App, Pane};

/// One row of the chronology as drawn: a date separator or an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChronoRow {
    /// A year (month = None) or a month heading.
    Separator {
        year: i32,
        month: Option<u32>,
    },
    Event(usize),
}

/// How the chronology groups its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    None,
    Year,
    Month,
}

impl App {
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let a = self.areas();
        [
            (a.chronology, Pane::Chronology),
            (a.event, Pane::Event),
            (a.actor, Pane::Actor),
            (a.quotes, Pane::Quotes),
        ]
        .into_iter()
        .find(|(r, _)| r.contains(column, row))
        .map(|(_, p)| p)
    }

    pub(super) fn scroll_at(&mut self, column: u16, row: u16, down: bool) {
        let Some(pane) = self.pane_at(column, row) else {
            return;
        };
        let focus = self.focus;
        self.focus = pane;
        self.update(if down { Action::Down } else { Action::Up });
        self.focus = focus;
    }

    pub(super) fn click_at(&mut self, column: u16, row: u16) {
        let Some(pane) = self.pane_at(column, row) else {
            return;
        };
        self.focus = pane;
        if pane != Pane::Chronology {
            return;
        }
        let area = self.areas().chronology;
        let inner_row = row.saturating_sub(area.y + 1) as usize;
        if row <= area.y || inner_row >= area.height.saturating_sub(2) as usize {
            return;
        }
        if let Some(ChronoRow::Event(pos)) = self
            .chronology_rows(area.height.saturating_sub(2) as usize)
            .get(inner_row)
        {
            let pos = *pos;
            self.select_position(pos);
        }
    }

    /// Separators by year over long spans, by month over a few months.
    pub fn grouping(&self) -> Grouping {
        let d = &self.density;
        let days = if d.counts.is_empty() {
            0
        } else {
            d.last_day() - d.first_day + 1
        };
        match days {
            0..=62 => Grouping::None,
            63..=1100 => Grouping::Month,
            _ => Grouping::Year,
        }
    }

    /// The rows the chronology shows in `height` lines, with separators,
    /// starting at the scroll offset but always including the selection.
    pub fn chronology_rows(&self, height: usize) -> Vec<ChronoRow> {
        if height == 0 || self.visible.is_empty() {
            return Vec::new();
        }
        let grouping = self.grouping();
        let mut start = self.offset.min(self.selected);
        loop {
            let rows = self.rows_from(start, height, grouping);
            let shown = rows.contains(&ChronoRow::Event(self.selected));
            if shown || start >= self.selected {
                return rows;
            }
            start += 1;
        }
    }

    fn rows_from(&self, start: usize, height: usize, grouping: Grouping) -> Vec<ChronoRow> {
        let earliest = self.timeline.earliest_days();
        let key = |pos: usize| -> Option<(i32, Option<u32>)> {
            use chrono::Datelike;
            let day = earliest[self.visible[pos] as usize];
            let date = crate::model::date::from_day_number(day).filter(|_| day != i32::MIN)?;
            match grouping {
                Grouping::None => None,
                Grouping::Year => Some((date.year(), None)),
                Grouping::Month => Some((date.year(), Some(date.month()))),
            }
        };
        let mut rows = Vec::with_capacity(height);
        let mut previous = if start == 0 { None } else { key(start - 1) };
        let mut pos = start;
        while rows.len() < height && pos < self.visible.len() {
            let k = key(pos);
            if k.is_some() && k != previous {
                if let Some((year, month)) = k {
                    rows.push(ChronoRow::Separator { year, month });
                }
                if rows.len() >= height {
                    break;
                }
            }
            previous = k;
            rows.push(ChronoRow::Event(pos));
            pos += 1;
        }
        rows
    }
}
