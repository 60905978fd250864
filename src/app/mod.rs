//! The browser's state and its one update function. `App::update` is pure:
//! no terminal, no files; key-sequence tests drive it directly.

mod action;
mod export;
mod filtering;
mod history;
pub mod input;
mod jumps;
pub mod keymap;
mod layout;
mod mouse;
mod panes;
mod picker;
mod prompt;
mod replace;
pub mod source;

pub use action::{Action, Pane};
pub use export::{ExportOutcome, ExportRequest};
pub use filtering::{Density, density};
pub use history::History;

pub use input::{Edit, LineInput};
pub use layout::{Areas, Rect, View};
pub use mouse::{ChronoRow, Grouping};
pub use panes::EventItem;
pub use picker::{Picker, PickerKind};
pub use replace::Loaded;
pub use source::SourceView;

use crate::load::Progress;
use crate::model::{ActorIx, EventIx, Timeline};
use crate::query::Filter;
use keymap::Mode;
use std::sync::Arc;

/// The pane layout for a terminal size and view.
pub fn layout_for(width: u16, height: u16, view: View) -> Areas {
    layout::areas(Rect::new(0, 0, width, height), view)
}

/// What the app asks the terminal side to do: the app itself does no I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the system clipboard (OSC 52).
    Copy(String),
    /// Write an export; the answer comes back as `Action::Exported`.
    Export(ExportRequest),
}

/// The smallest terminal the browser draws in.
pub const MIN_SIZE: (u16, u16) = (layout::MIN_WIDTH, layout::MIN_HEIGHT);

/// A place in the history: the event shown and the filter it was shown under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub event: EventIx,
    pub filter: Filter,
}

/// What a prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    Goto,
    /// A date range for the filter: `A..B`, `A..`, `..B` or `A`.
    Dates,
    /// Export: the format, by name or its first letters.
    ExportFormat,
    /// Export: the file to write, filled with a default name.
    ExportPath(crate::export::Format),
    /// Export: the file exists; `y` replaces it.
    ExportReplace(ExportRequest),
}

/// A text prompt at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: LineInput,
    /// For dates: keep only events certainly within the range (Tab).
    pub within: bool,
}

impl Prompt {
    pub fn new(kind: PromptKind, input: LineInput) -> Prompt {
        Prompt {
            kind,
            input,
            within: false,
        }
    }
}

/// The active search: its query and the positions of its hits in the list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub hits: Vec<usize>,
    /// Every event the query matches, whatever the filter (sorted).
    pub matching: Vec<EventIx>,
}

pub struct App {
    pub timeline: Arc<Timeline>,
    /// Set while the timeline is still loading.
    pub loading: Option<Progress>,
    /// The timeline is a preview of the file's head, browsable while the
    /// whole one loads (its progress in `loading`).
    pub partial: bool,
    /// The command line's filter and what it meant on this timeline, to
    /// resolve it again on the whole one.
    cli_filter: Option<(crate::query::spec::FilterSpec, Filter)>,
    pub filter: Filter,
    /// The filtered chronology.
    pub visible: Vec<EventIx>,
    /// Position of the selection in `visible`.
    pub selected: usize,
    /// First row shown in the chronology.
    pub offset: usize,
    pub focus: Pane,
    /// Cursor over the event pane's actors, links and backlinks.
    pub event_cursor: usize,
    /// The actor chosen in the event pane, if any; else the event's first actor.
    pub actor_pick: Option<ActorIx>,
    /// Cursor over the actor's events.
    pub actor_cursor: usize,
    /// The selected quote of the event (the quotes pane's cursor).
    pub quote_cursor: usize,
    pub history: History<Place>,
    pub search: Option<Search>,
    pub prompt: Option<Prompt>,
    pub picker: Option<Picker>,
    pub help: bool,
    /// First line of the help overlay shown.
    pub help_scroll: usize,
    /// The source view, when open.
    pub source: Option<SourceView>,
    /// The focused pane takes the whole body.
    pub zoom: bool,
    /// The detail pane shown when only one fits: the last one focused.
    pub detail: Pane,
    /// Effects for the terminal side to perform, oldest first.
    pub outbox: Vec<Effect>,
    /// The load was cancelled (Esc on the loading screen).
    pub cancelled: bool,
    pub message: Option<String>,
    pub density: Density,
    /// How many events the date range keeps only because their date is
    /// vague (they can fall in it but do not lie wholly inside it).
    pub vague_kept: usize,
    pub size: (u16, u16),
    pub quit: bool,
    /// The timeline's name, for default export file names.
    pub export_base: String,
}

impl App {
    pub fn new(timeline: Arc<Timeline>) -> App {
        let mut app = App {
            timeline,
            loading: None,
            partial: false,
            cli_filter: None,
            filter: Filter::default(),
            visible: Vec::new(),
            selected: 0,
            offset: 0,
            focus: Pane::Chronology,
            event_cursor: 0,
            actor_pick: None,
            actor_cursor: 0,
            quote_cursor: 0,
            history: History::default(),
            search: None,
            prompt: None,
            picker: None,
            help: false,
            help_scroll: 0,
            source: None,
            zoom: false,
            detail: Pane::Event,
            outbox: Vec::new(),
            cancelled: false,
            message: None,
            density: Density::default(),
            vague_kept: 0,
            size: (80, 24),
            quit: false,
            export_base: "timeline".into(),
        };
        app.refilter(None);
        // Rows an import skipped are said first thing, in the status line.
        app.message = app.timeline.import_report().summary();
        app
    }

    /// An app under the filter the command line gave (`--actor putin`).
    pub fn with_filter(
        timeline: Arc<Timeline>,
        spec: &crate::query::spec::FilterSpec,
    ) -> Result<App, crate::query::spec::SpecError> {
        let filter = spec.resolve(&timeline)?;
        let mut app = App::new(timeline);
        if !spec.is_empty() {
            app.cli_filter = Some((spec.clone(), filter.clone()));
        }
        if let Some(query) = filter.search.clone() {
            app.filter = filter;
            app.refilter(None);
            app.run_search(&query);
        } else if !filter.is_empty() {
            app.filter = filter;
            app.refilter(None);
        }
        Ok(app)
    }

    /// An app showing a load in progress.
    pub fn loading(progress: Progress) -> App {
        let mut app = App::new(Arc::new(Timeline::default()));
        app.loading = Some(progress);
        app
    }

    /// An app browsing the preview of a file's head while the whole file
    /// loads; `Action::Loaded` brings the whole timeline.
    pub fn partial(
        preview: Arc<Timeline>,
        spec: &crate::query::spec::FilterSpec,
        progress: Progress,
    ) -> Result<App, crate::query::spec::SpecError> {
        let mut app = App::with_filter(preview, spec)?;
        app.loading = Some(progress);
        app.partial = true;
        Ok(app)
    }

    /// Whether the loading screen shows: a load with nothing to browse yet.
    pub fn loading_screen(&self) -> bool {
        self.loading.is_some() && !self.partial
    }

    /// The mode keys are read in.
    pub fn mode(&self) -> Mode {
        if self.help {
            Mode::Help
        } else if self.source.is_some() {
            Mode::Source
        } else if self.picker.is_some() {
            Mode::Picker
        } else if self.prompt.is_some() {
            Mode::Prompt
        } else {
            Mode::Normal(self.focus)
        }
    }

    pub fn current(&self) -> Option<EventIx> {
        self.visible.get(self.selected).copied()
    }

    pub fn areas(&self) -> Areas {
        layout::areas(Rect::new(0, 0, self.size.0, self.size.1), self.view())
    }

    /// What besides the size decides the layout.
    pub fn view(&self) -> View {
        View {
            zoom: self.zoom,
            focus: self.focus,
            detail: self.detail,
        }
    }

    /// Rows the chronology shows at once.
    pub fn page(&self) -> usize {
        (self.areas().chronology.height.saturating_sub(2) as usize).max(1)
    }

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

    /// Moves the cursor of the focused pane.
    fn move_by(&mut self, delta: isize) {
        let step = |pos: usize, len: usize| -> usize {
            if len == 0 {
                return 0;
            }
            (pos as isize)
                .saturating_add(delta)
                .clamp(0, len as isize - 1) as usize
        };
        match self.focus {
            Pane::Chronology => {
                let to = step(self.selected, self.visible.len());
                self.select_position(to);
            }
            Pane::Event => {
                self.event_cursor = step(self.event_cursor, self.event_items().len());
                self.actor_pick = match self.event_items().get(self.event_cursor) {
                    Some(EventItem::Actor(a)) => Some(*a),
                    _ => self.actor_pick,
                };
                self.actor_cursor = 0;
            }
            Pane::Actor => self.actor_cursor = step(self.actor_cursor, self.actor_events().len()),
            Pane::Quotes => {
                let quotes = self
                    .current()
                    .map_or(0, |e| self.timeline.event(e).quotes().len());
                self.quote_cursor = step(self.quote_cursor, quotes);
            }
        }
    }

    /// Puts the cursor of the event or actor pane on a row.
    fn select_item(&mut self, pane: Pane, index: usize) {
        self.focus = pane;
        match pane {
            Pane::Event => {
                let items = self.event_items();
                self.event_cursor = index.min(items.len().saturating_sub(1));
                if let Some(EventItem::Actor(a)) = items.get(self.event_cursor) {
                    self.actor_pick = Some(*a);
                    self.actor_cursor = 0;
                }
            }
            Pane::Actor => {
                self.actor_cursor = index.min(self.actor_events().len().saturating_sub(1))
            }
            Pane::Chronology | Pane::Quotes => {}
        }
    }

    /// Selects a row of the chronology and resets the detail panes.
    fn select_position(&mut self, position: usize) {
        if position != self.selected {
            self.event_cursor = 0;
            self.actor_pick = None;
            self.actor_cursor = 0;
            self.quote_cursor = 0;
        }
        self.selected = position;
        self.keep_selection_visible();
    }

    fn keep_selection_visible(&mut self) {
        let page = self.page();
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
        let max_offset = self.visible.len().saturating_sub(page);
        self.offset = self.offset.min(max_offset);
    }
}
