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
    ToggleHelp,
    /// Close the overlay, leave the input, or leave search.
    Escape,
    Quit,
    /// A character typed into a prompt or picker.
    Input(char),
    Backspace,
    /// Space in a picker: toggle the value under the cursor.
    Toggle,
    /// Enter in a prompt or picker.
    Submit,
    Resize(u16, u16),
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
