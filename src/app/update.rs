//! `App::update`: routes an action to the mode it is read in (loading
//! screen, help, source view, picker, prompt or the panes) and carries out
//! the actions of the panes and of the help overlay.

use super::{Action, App, LineInput, Pane, PickerKind, Prompt, PromptKind, keymap};
use crate::query::Filter;

impl App {
    pub fn update(&mut self, action: Action) {
        // Messages from the loader are no answer to a key: they leave the
        // last answer shown.
        if !matches!(
            action,
            Action::Resize(..) | Action::LoadProgress(_) | Action::Loaded(_)
        ) {
            self.message = None;
        }
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.keep_selection_visible();
                self.relayout_source();
                return;
            }
            Action::LoadProgress(p) => {
                if self.loading.is_some() {
                    self.loading = Some(p);
                }
                return;
            }
            Action::Loaded(whole) => return self.replace_timeline(whole.0),
            _ => {}
        }
        if self.loading_screen() {
            // Leaving before the timeline is there cancels the load.
            if matches!(action, Action::Escape | Action::Quit) {
                self.quit = true;
                self.cancelled = true;
            }
            return;
        }
        if action == Action::Quit {
            self.quit = true;
            return;
        }
        if self.help {
            return self.update_help(action);
        }
        if self.source.is_some() {
            return self.update_source(action);
        }
        if let Action::Exported(outcome) = action {
            return self.export_done(outcome);
        }
        if self.picker.is_some() {
            return self.update_picker(action);
        }
        if self.prompt.is_some() {
            return self.update_prompt(action);
        }
        let before = self.view();
        self.update_normal(action);
        if self.focus != Pane::Chronology {
            self.detail = self.focus;
        }
        if self.view() != before {
            self.keep_selection_visible();
        }
    }

    fn update_help(&mut self, action: Action) {
        let (w, h) = keymap::help_inner(self.size.0, self.size.1);
        let (_, max) = keymap::help_layout(w, h);
        let page = h.saturating_sub(1).max(1) as isize;
        let delta = match action {
            Action::Escape | Action::ToggleHelp => {
                self.help = false;
                return;
            }
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -page,
            Action::PageDown => page,
            Action::Scroll { down, .. } => {
                if down {
                    3
                } else {
                    -3
                }
            }
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => return,
        };
        self.help_scroll = (self.help_scroll.min(max) as isize)
            .saturating_add(delta)
            .clamp(0, max as isize) as usize;
    }

    fn update_normal(&mut self, action: Action) {
        match action {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::FocusNext | Action::FocusPrev => {
                let i = Pane::ALL.iter().position(|&p| p == self.focus).unwrap_or(0);
                let step = if action == Action::FocusNext { 1 } else { 3 };
                self.focus = Pane::ALL[(i + step) % 4];
            }
            Action::Focus(p) => self.focus = p,
            Action::Activate => self.activate(),
            Action::Back => match self.history.back(self.here()) {
                Some(to) => self.go_to(to),
                None => self.message = Some("no earlier place in the history".into()),
            },
            Action::Forward => match self.history.forward(self.here()) {
                Some(to) => self.go_to(to),
                None => self.message = Some("no later place in the history".into()),
            },
            Action::OpenActorPicker => self.open_picker(PickerKind::Actor),
            Action::OpenCountryPicker => self.open_picker(PickerKind::Country),
            Action::OpenTopicPicker => self.open_picker(PickerKind::Topic),
            Action::OpenStatusPicker => self.open_picker(PickerKind::Status),
            Action::OpenPlacePicker => self.open_picker(PickerKind::Place),
            Action::FilterByActor => self.filter_by_focused_actor(),
            Action::ToggleOnlyHits => self.toggle_only_hits(),
            Action::ClearFilters => {
                let keep = self.current();
                self.filter = Filter::default();
                self.refilter(keep);
            }
            Action::StartSearch => {
                // The last search is offered again: typing replaces it.
                let last = self.search.as_ref().map_or("", |s| s.query.as_str());
                self.prompt = Some(Prompt::new(
                    PromptKind::Search,
                    LineInput::preselected(last),
                ))
            }
            Action::StartGoto => {
                self.prompt = Some(Prompt::new(PromptKind::Goto, LineInput::new()))
            }
            Action::StartDates => {
                self.prompt = Some(Prompt {
                    within: self.filter.within,
                    ..Prompt::new(
                        PromptKind::Dates,
                        LineInput::preselected(&self.dates_as_text()),
                    )
                })
            }
            Action::NextHit => self.next_hit(true),
            Action::PrevHit => self.next_hit(false),
            Action::StartExport => self.start_export(),
            Action::ToggleHelp => {
                self.help = true;
                self.help_scroll = 0;
            }
            Action::Zoom => self.zoom = !self.zoom,
            Action::OpenSource => self.open_source(),
            Action::CopyId => self.copy_id(self.current()),
            Action::CopyCitation => self.copy_citation(self.current(), None),
            Action::Escape => match self.search.take() {
                // Leaving the search shows every event again.
                Some(_) if self.filter.search.is_some() => {
                    let keep = self.current();
                    self.filter.search = None;
                    self.refilter(keep);
                }
                Some(_) => {}
                None if self.focus != Pane::Chronology => self.focus = Pane::Chronology,
                None => {}
            },
            Action::Scroll { column, row, down } => self.scroll_at(column, row, down),
            Action::Click { column, row } => self.click_at(column, row),
            Action::SelectItem { pane, index } => self.select_item(pane, index),
            Action::Paste(_) => {
                self.message = Some("paste into a prompt: / search, : go to, d dates".into())
            }
            _ => {}
        }
    }
}
