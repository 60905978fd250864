//! What a key, a click or a message from the loader asks the app to do.

/// The four panes, in focus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Chronology,
    Event,
    Actor,
    Quotes,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Chronology, Pane::Event, Pane::Actor, Pane::Quotes];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Chronology => "Chronology",
            Pane::Event => "Event",
            Pane::Actor => "Actor",
            Pane::Quotes => "Quotes",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    FocusNext,
    FocusPrev,
    Focus(Pane),
    /// Follow the link, show the actor, or jump to the actor's event under the cursor.
    Activate,
    Back,
    Forward,
    OpenActorPicker,
    OpenCountryPicker,
    OpenTopicPicker,
    OpenStatusPicker,
    OpenPlacePicker,
    /// Filter by the actor in focus (the actor pane's `f`).
    FilterByActor,
    /// Show only the search hits, or every event again (`F`).
    ToggleOnlyHits,
    /// In the date prompt: "can fall in" or "certainly within" the range.
    ToggleWithin,
    /// An editing key in a prompt or picker.
    Edit(super::input::Edit),
    ClearFilters,
    /// Open the date-range prompt (filled with the current range).
    StartDates,
    StartSearch,
    NextHit,
    PrevHit,
    StartGoto,
    /// Export what is on screen: asks for a format, then a path.
    StartExport,
    /// The terminal layer's answer to an export request.
    Exported(super::ExportOutcome),
    ToggleHelp,
    /// Give the focused pane the whole screen, or take it back.
    Zoom,
    /// Open the source view on the selected event's source.
    OpenSource,
    /// Copy the selected event's id to the clipboard.
    CopyId,
    /// Copy a citation of the selected event to the clipboard.
    CopyCitation,
    /// Close the overlay, leave the input, or leave search.
    Escape,
    Quit,
    /// A character typed into a prompt or picker.
    Input(char),
    /// Text pasted (bracketed paste: one event however long): inserted into
    /// the open prompt or picker query, ignored with a hint elsewhere.
    Paste(String),
    Backspace,
    /// Space in a picker: toggle the value under the cursor.
    Toggle,
    /// Enter in a prompt or picker.
    Submit,
    Resize(u16, u16),
    /// How far the load in the background has come.
    LoadProgress(crate::load::Progress),
    /// The whole timeline, loaded in the background, to replace the
    /// preview being browsed.
    Loaded(super::Loaded),
    Scroll {
        column: u16,
        row: u16,
        down: bool,
    },
    Click {
        column: u16,
        row: u16,
    },
    /// A click on a row of the event or actor pane (found by the UI, which
    /// knows where each row is drawn).
    SelectItem {
        pane: Pane,
        index: usize,
    },
}

impl Action {
    /// The text a typed character or a paste inserts, cleaned by the rules
    /// for data: what the user types is shown as a data file's text is.
    pub fn inserted_text(&self) -> Option<String> {
        match self {
            Action::Input(c) => Some(crate::sanitize::typed(c.encode_utf8(&mut [0; 4]))),
            Action::Paste(text) => Some(crate::sanitize::typed(text)),
            _ => None,
        }
    }
}
