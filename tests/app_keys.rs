//! Key sequences against the app state, without a terminal.

use dateline::app::{Action, App, Pane};
use dateline::load::load_builtin;
use std::sync::Arc;

mod common;
use common::current_id;
use common::keys;

fn app() -> App {
    let mut app = App::new(Arc::new(load_builtin().unwrap()));
    app.update(Action::Resize(120, 40));
    app
}

#[test]
fn filter_select_follow_back_forward() {
    let mut app = app();
    keys(&mut app, &["a", "witkoff", "Enter"]);
    assert_eq!(app.filter_as_cli(), "--actor witkoff");
    let count = app.visible.len();
    assert!(count >= 5 && count < app.timeline.len());
    keys(&mut app, &[":", "paris-talks", "Enter"]);
    assert_eq!(current_id(&app), "paris-talks");
    // Event pane: actors first, then links; move to the link to the Putin meeting.
    keys(&mut app, &["2"]);
    assert_eq!(app.focus, Pane::Event);
    let items = app.event_items();
    let putin = app
        .timeline
        .find_event("witkoff-putin-st-petersburg")
        .unwrap();
    let at = items
        .iter()
        .position(|i| *i == dateline::app::EventItem::Link(putin))
        .unwrap();
    for _ in 0..at {
        keys(&mut app, &["j"]);
    }
    keys(&mut app, &["Enter"]);
    assert_eq!(current_id(&app), "witkoff-putin-st-petersburg");
    assert_eq!(
        app.history.depth(),
        (2, 0),
        "goto and the link jump are both in the history"
    );
    keys(&mut app, &["C-o"]);
    assert_eq!(current_id(&app), "paris-talks");
    assert_eq!(app.history.depth(), (1, 1));
    keys(&mut app, &["]"]);
    assert_eq!(current_id(&app), "witkoff-putin-st-petersburg");
    keys(&mut app, &["[", "["]);
    assert_eq!(app.history.depth(), (0, 2));
    // A new jump clears the forward history.
    keys(&mut app, &[":", "barrot-talks", "Enter"]);
    assert_eq!(app.history.depth(), (1, 0));
    assert_eq!(
        app.filter_as_cli(),
        "--actor witkoff",
        "the filter still holds"
    );
}

#[test]
fn following_a_link_to_a_filtered_out_event_clears_the_filter() {
    let mut app = app();
    keys(&mut app, &["c", "IT", "Enter"]);
    assert_eq!(app.visible.len(), 2);
    keys(&mut app, &[":", "paris-talks", "Enter"]);
    assert_eq!(current_id(&app), "paris-talks");
    assert!(app.filter.is_empty());
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("filters cleared")
    );
}

#[test]
fn picker_narrows_toggles_and_counts_under_other_filters() {
    let mut app = app();
    keys(&mut app, &["c", "f"]);
    let picker = app.picker.as_ref().unwrap();
    assert!(
        picker
            .shown
            .iter()
            .all(|&r| picker.rows[r].label.to_lowercase().contains('f'))
    );
    keys(&mut app, &["Backspace", "Backspace"]);
    keys(
        &mut app,
        &[
            "FR",
            "Space",
            "Backspace",
            "Backspace",
            "IT",
            "Space",
            "Enter",
        ],
    );
    assert_eq!(app.filter_as_cli(), "--country FR --country IT");
    let fr_or_it = app.visible.len();
    assert_eq!(fr_or_it, 6);
    // The actor picker's counts reflect the country filter.
    keys(&mut app, &["a", "meloni"]);
    let picker = app.picker.as_ref().unwrap();
    let row = &picker.rows[picker.shown[0]];
    assert_eq!((row.label.as_str(), row.count), ("Giorgia Meloni", 2));
    keys(&mut app, &["Esc"]);
    assert!(app.picker.is_none());
    assert_eq!(
        app.visible.len(),
        fr_or_it,
        "Esc cancels without changing the filter"
    );
    keys(&mut app, &["x"]);
    assert!(app.filter.is_empty());
    assert_eq!(app.visible.len(), app.timeline.len());
}

/// The labels the open picker shows, in order.
fn picker_labels(app: &App) -> Vec<&str> {
    let picker = app.picker.as_ref().unwrap();
    picker
        .shown
        .iter()
        .map(|&r| picker.rows[r].label.as_str())
        .collect()
}

#[test]
fn picker_names_can_be_typed_without_their_spaces() {
    // Space toggles in a picker, so a name is typed without it.
    let mut app = app();
    keys(&mut app, &["a", "vladimirp"]);
    assert_eq!(picker_labels(&app), ["Vladimir Putin"]);
    keys(&mut app, &["Enter"]);
    assert_eq!(app.filter_as_cli(), "--actor putin");
    // Accents match with or without them: the article writes "Jean-Noel".
    keys(&mut app, &["a", "noël"]);
    assert_eq!(picker_labels(&app), ["Jean-Noel Barrot"]);
    keys(&mut app, &["Esc"]);
    // Countries too: "unitedst" finds "US United States".
    keys(&mut app, &["c", "unitedst"]);
    assert_eq!(picker_labels(&app)[0], "US United States");
}

#[test]
fn a_date_range_filters_like_from_and_to() {
    let mut app = app();
    keys(&mut app, &["d", "2025-04-17", "Enter"]);
    assert_eq!(app.filter_as_cli(), "--from 2025-04-17 --to 2025-04-17");
    let t = app.timeline.clone();
    let filter = dateline::query::Filter {
        from: app.filter.from,
        to: app.filter.to,
        ..Default::default()
    };
    assert_eq!(app.visible, dateline::query::apply(&t, &filter));
    // Events that can fall on that day: the day's own, and the vaguer ones
    // whose span holds it, like "17–20 Apr 2025".
    assert!(
        app.visible
            .iter()
            .any(|&e| t.event(e).date().to_string() == "17–20 Apr 2025")
    );
    assert!(
        app.visible
            .iter()
            .all(|&e| t.event(e).date().to_string() != "Fri 11 Apr 2025")
    );
    // The prompt opens with the range selected: typing replaces it; open
    // ends work.
    keys(&mut app, &["d"]);
    let prompt = app.prompt.as_ref().unwrap();
    assert_eq!(prompt.input.value(), "2025-04-17");
    assert!(prompt.input.is_selected());
    keys(&mut app, &["..2025-03", "Enter"]);
    assert_eq!(app.filter_as_cli(), "--to 2025-03");
    // A bad date says so and keeps the filter; an empty range clears it.
    keys(&mut app, &["d", "x", "Enter"]);
    assert_eq!(app.filter_as_cli(), "--to 2025-03");
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("not a day, month or year")
    );
    keys(&mut app, &["d", "End", "C-u", "Enter"]);
    assert!(app.filter.is_empty());
    assert_eq!(app.visible.len(), app.timeline.len());
}

#[test]
fn a_filter_keeps_the_selected_event_when_it_still_matches() {
    let mut app = app();
    keys(&mut app, &[":", "macron-meeting", "Enter"]);
    keys(&mut app, &["c", "FR", "Enter"]);
    assert_eq!(current_id(&app), "macron-meeting");
}

#[test]
fn search_highlights_hits_and_n_moves_between_them() {
    let mut app = app();
    keys(&mut app, &["/", "ceasefire", "Enter"]);
    let hits = app.search.as_ref().unwrap().hits.clone();
    assert!(hits.len() >= 3, "{hits:?}");
    assert_eq!(app.selected, hits[0]);
    keys(&mut app, &["n"]);
    assert_eq!(app.selected, hits[1]);
    keys(&mut app, &["N", "N"]);
    assert_eq!(app.selected, *hits.last().unwrap(), "N wraps around");
    // Actor names are searched too.
    keys(&mut app, &["/", "araghchi", "Enter"]);
    assert!(!app.search.as_ref().unwrap().hits.is_empty());
    keys(&mut app, &["Esc"]);
    assert!(app.search.is_none());
}

#[test]
fn goto_a_date_or_an_id() {
    let mut app = app();
    keys(&mut app, &[":", "2025-04-17", "Enter"]);
    assert_eq!(
        app.timeline.event(app.current().unwrap()).date().human(),
        "Thu 17 Apr 2025"
    );
    keys(&mut app, &[":", "2025-03", "Enter"]);
    assert_eq!(current_id(&app), "energy-strike-halt");
    keys(&mut app, &[":", "nonsense", "Enter"]);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("neither an event id nor a date")
    );
    // Part of an id: the message names the ids that hold it.
    keys(&mut app, &[":", "PARIS", "Enter"]);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .ends_with("; ids with it: rubio-witkoff-paris-trip, paris-talks"),
        "{:?}",
        app.message
    );
}

#[test]
fn actor_pane_shows_the_chosen_actor_and_jumps_to_their_events() {
    let mut app = app();
    keys(&mut app, &[":", "macron-meeting", "Enter", "2", "Enter"]);
    assert_eq!(app.focus, Pane::Actor);
    assert_eq!(
        app.timeline.actor(app.focused_actor().unwrap()).id(),
        "macron"
    );
    keys(&mut app, &["2", "j", "Enter", "j"]);
    let actor = app.focused_actor().unwrap();
    assert_eq!(app.timeline.actor(actor).id(), "rubio");
    keys(&mut app, &["Enter"]);
    let rubio_events = app.timeline.events_of_actor(actor);
    assert_eq!(app.current(), Some(rubio_events[1]));
}

#[test]
fn moving_and_paging_stay_in_bounds() {
    let mut app = app();
    keys(&mut app, &["G"]);
    assert_eq!(app.selected, app.visible.len() - 1);
    keys(&mut app, &["j", "j"]);
    assert_eq!(app.selected, app.visible.len() - 1);
    keys(&mut app, &["g", "k"]);
    assert_eq!(app.selected, 0);
    app.update(Action::PageDown);
    assert!(app.selected > 0);
}

#[test]
fn help_overlay_opens_and_closes_and_quit_works() {
    let mut app = app();
    keys(&mut app, &["?"]);
    assert!(app.help);
    keys(&mut app, &["j"]);
    assert_eq!(app.selected, 0, "keys do not leak through the overlay");
    keys(&mut app, &["Esc"]);
    assert!(!app.help);
    keys(&mut app, &["/", "q"]);
    assert!(!app.quit, "q in a prompt is text");
    keys(&mut app, &["C-c"]);
    assert!(app.quit);
}

#[test]
fn esc_and_q_typed_fast_in_a_prompt_close_it_and_quit() {
    // The terminal reads Esc and a key right after it as one Alt-key.
    let mut prompting = app();
    keys(&mut prompting, &["/", "talks", "M-q"]);
    assert!(prompting.quit, "Esc closed the prompt, then q quit");
    // In the chronology, Alt-j is Esc (nothing to close) and then j.
    let mut other = app();
    keys(&mut other, &["M-j"]);
    assert_eq!((other.selected, other.quit), (1, false));
}

#[test]
fn clicking_a_row_of_the_event_or_actor_pane_selects_it() {
    let mut app = app();
    keys(&mut app, &[":", "paris-talks", "Enter"]);
    // Put the cursor on the link to the Putin meeting, which scrolls the
    // pane; then click the row of an actor above it.
    keys(&mut app, &["2", "j", "j", "j", "j", "j"]);
    let putin = app
        .timeline
        .find_event("witkoff-putin-st-petersburg")
        .unwrap();
    assert_eq!(
        app.event_items()[app.event_cursor],
        dateline::app::EventItem::Link(putin)
    );
    let area = app.areas().event;
    let france = app.timeline.find_actors("france")[0];
    let row_of = |app: &App, wanted: dateline::app::EventItem| {
        (area.y..area.y + area.height).find(|&row| {
            dateline::ui::item_at(app, area.x + 3, row)
                .is_some_and(|(pane, i)| pane == Pane::Event && app.event_items()[i] == wanted)
        })
    };
    let row =
        row_of(&app, dateline::app::EventItem::Actor(france)).expect("the actor row is on screen");
    let (pane, index) = dateline::ui::item_at(&app, area.x + 3, row).unwrap();
    app.update(Action::SelectItem { pane, index });
    assert_eq!(
        app.event_items()[app.event_cursor],
        dateline::app::EventItem::Actor(france)
    );
    assert_eq!(app.focused_actor(), Some(france));
    // The top border and a heading are not items.
    assert_eq!(dateline::ui::item_at(&app, area.x + 3, area.y), None);
    // In the actor pane a click picks one of the actor's events; Enter jumps to it.
    keys(&mut app, &["3"]);
    let actor_area = app.areas().actor;
    let hit = (actor_area.y..actor_area.y + actor_area.height)
        .find_map(|row| dateline::ui::item_at(&app, actor_area.x + 3, row));
    let (pane, index) = hit.expect("an event of the actor is on screen");
    assert_eq!(pane, Pane::Actor);
    app.update(Action::SelectItem { pane, index });
    keys(&mut app, &["Enter"]);
    assert_eq!(
        app.current(),
        Some(app.timeline.events_of_actor(france)[index])
    );
}

#[test]
fn mouse_wheel_and_click() {
    let mut app = app();
    app.update(Action::Scroll {
        column: 5,
        row: 5,
        down: true,
    });
    assert_eq!(app.selected, 1);
    assert_eq!(app.focus, Pane::Chronology);
    app.update(Action::Click {
        column: 100,
        row: 3,
    });
    assert_eq!(app.focus, Pane::Event);
    let row = app
        .chronology_rows(10)
        .iter()
        .position(|r| *r == dateline::app::ChronoRow::Event(3))
        .unwrap();
    app.update(Action::Click {
        column: 5,
        row: 1 + row as u16,
    });
    assert_eq!(app.selected, 3);
}
