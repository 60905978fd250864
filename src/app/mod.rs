//! The browser's state and its one update function. `App::update` is pure:
//! no terminal, no files; key-sequence tests drive it directly.

mod action;
mod cursor;
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
mod state;
mod update;

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
pub use state::{Effect, Place, Prompt, PromptKind, Search};

use crate::load::Progress;
use crate::model::{ActorIx, EventIx, Timeline};
use crate::query::Filter;
use keymap::Mode;
use std::sync::Arc;

/// The pane layout for a terminal size and view.
pub fn layout_for(width: u16, height: u16, view: View) -> Areas {
    layout::areas(Rect::new(0, 0, width, height), view)
}

/// The smallest terminal the browser draws in.
pub const MIN_SIZE: (u16, u16) = (layout::MIN_WIDTH, layout::MIN_HEIGHT);

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
}
