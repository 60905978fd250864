//! Key sequences for filtering and searching: pickers that replace and open
//! on the value in focus, the line editor, word search and "only hits",
//! topic/status/place facets, and "certainly within" a date range.

use dateline::app::{Action, App, Pane};
use dateline::load::{Format, load_builtin, load_bytes};
use std::sync::Arc;

mod common;
use common::current_id;
use common::keys;

fn app() -> App {
    let mut app = App::new(Arc::new(load_builtin().unwrap()));
    app.update(Action::Resize(120, 40));
    app
}

/// The label of the picker row under the cursor.
fn picker_cursor(app: &App) -> String {
    let p = app.picker.as_ref().unwrap();
    p.rows[p.shown[p.cursor]].label.clone()
}

#[test]
fn picker_enter_replaces_the_filter_and_space_builds_several() {
    let mut app = app();
    keys(&mut app, &["c", "RU", "Enter"]);
    assert_eq!(app.filter_as_cli(), "--country RU");
    keys(&mut app, &["c", "FR", "Enter"]);
    assert_eq!(app.filter_as_cli(), "--country FR", "Enter replaces");
    // The picker marks what the filter holds, with nothing toggled.
    keys(&mut app, &["c"]);
    let p = app.picker.as_ref().unwrap();
    assert!(p.chosen.is_empty());
    let fr = p.rows.iter().find(|r| r.label.starts_with("FR ")).unwrap();
    assert!(p.is_in_filter(fr.value));
    keys(&mut app, &["RU", "Space", "C-u", "IT", "Space", "Enter"]);
    assert_eq!(app.filter_as_cli(), "--country RU --country IT");
    // Space on nothing, then Enter: toggling everything off clears the kind.
    keys(&mut app, &["c", "RU", "Space", "Space", "Enter"]);
    assert_eq!(app.filter_as_cli(), "");
}

#[test]
fn pickers_open_on_the_value_in_focus() {
    let mut app = app();
    keys(&mut app, &[":", "witkoff-putin-st-petersburg", "Enter"]);
    keys(&mut app, &["a"]);
    assert_eq!(picker_cursor(&app), "Steve Witkoff");
    keys(&mut app, &["Esc", "c"]);
    assert_eq!(picker_cursor(&app), "US United States");
    keys(&mut app, &["Esc", "t"]);
    assert_eq!(picker_cursor(&app), "peace talks");
    keys(&mut app, &["Esc", "S"]);
    assert_eq!(picker_cursor(&app), "occurred");
    keys(&mut app, &["Esc", "p"]);
    assert_eq!(picker_cursor(&app), "St Petersburg");
    keys(&mut app, &["Enter"]);
    assert_eq!(app.filter_as_cli(), "--place \"St Petersburg\"");
    assert_eq!(app.visible.len(), 1);
    // The actor picked in the event pane is the one in focus.
    keys(&mut app, &["x", "2", "j"]);
    let actor = app.focused_actor().unwrap();
    keys(&mut app, &["a"]);
    assert_eq!(picker_cursor(&app), app.timeline.actor(actor).name());
}

#[test]
fn f_in_the_actor_pane_filters_by_that_actor() {
    let mut app = app();
    keys(&mut app, &[":", "macron-meeting", "Enter", "2", "j", "3"]);
    assert_eq!(app.focus, Pane::Actor);
    let actor = app.focused_actor().unwrap();
    keys(&mut app, &["f"]);
    let id = app.timeline.actor(actor).id().to_string();
    assert_eq!(app.filter_as_cli(), format!("--actor {id}"));
    assert_eq!(current_id(&app), "macron-meeting", "the selection stays");
    // `f` elsewhere is not bound.
    keys(&mut app, &["1", "f"]);
    assert_eq!(app.filter_as_cli(), format!("--actor {id}"));
}

#[test]
fn prompts_edit_like_a_shell_line() {
    let mut app = app();
    // The date prompt opens with the range selected: typing replaces it.
    keys(&mut app, &["d", "2025-03..2025-04", "Enter"]);
    keys(&mut app, &["d", "2025-04-17", "Enter"]);
    assert_eq!(app.filter_as_cli(), "--from 2025-04-17 --to 2025-04-17");
    // A move keeps the default to edit: End, then append.
    keys(&mut app, &["d", "End", "..2025-05"]);
    let value = |app: &App| app.prompt.as_ref().unwrap().input.value().to_string();
    assert_eq!(value(&app), "2025-04-17..2025-05");
    // Words end at punctuation, as in readline.
    keys(&mut app, &["C-w"]);
    assert_eq!(value(&app), "2025-04-17..2025-");
    keys(&mut app, &["C-a", "Del", "C-e", "Left", "Right", "Esc"]);
    // Search: Ctrl-w, Ctrl-u, Ctrl-k, Home, arrows.
    keys(&mut app, &["/", "witkoff putin paris", "C-w", "C-w"]);
    assert_eq!(app.prompt.as_ref().unwrap().input.value(), "witkoff ");
    keys(&mut app, &["Home", "Right", "C-k"]);
    assert_eq!(app.prompt.as_ref().unwrap().input.value(), "w");
    keys(&mut app, &["C-u", "macron", "Enter"]);
    assert_eq!(app.search.as_ref().unwrap().query, "macron");
    // The next search offers the last one, selected.
    keys(&mut app, &["/", "rubio", "Enter"]);
    assert_eq!(app.search.as_ref().unwrap().query, "rubio");
    // The picker's query edits the same way.
    keys(&mut app, &["a", "witkof", "C-u"]);
    assert_eq!(app.picker.as_ref().unwrap().query(), "");
    app.update(Action::Paste("putin".into()));
    assert_eq!(picker_cursor(&app), "Vladimir Putin");
    keys(&mut app, &["Esc"]);
    app.update(Action::Paste("ignored".into()));
    assert!(
        app.prompt.is_none() && app.picker.is_none(),
        "nothing open to paste into"
    );
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("paste into a prompt")
    );
}

#[test]
fn search_takes_words_in_any_order_and_f_shows_only_hits() {
    let mut app = app();
    keys(&mut app, &["/", "Witkoff Putin", "Enter"]);
    assert_eq!(current_id(&app), "witkoff-putin-st-petersburg");
    keys(&mut app, &["/", "peace talks", "Enter"]);
    let hits = app.search.as_ref().unwrap().hits.len();
    assert!(hits >= 4, "the topic counts: {hits}");
    keys(&mut app, &["/", "Noël", "Enter"]);
    assert_eq!(app.search.as_ref().unwrap().hits.len(), 1);
    assert_eq!(current_id(&app), "barrot-talks");
    keys(&mut app, &["/", "peace talks", "Enter", "F"]);
    assert_eq!(app.visible.len(), hits);
    assert_eq!(app.filter_as_cli(), "--search \"peace talks\"");
    assert!(app.message.as_deref().unwrap().contains("showing only"));
    // A new search under "only hits" shows its own hits.
    keys(&mut app, &["/", "macron", "Enter"]);
    assert_eq!(app.filter_as_cli(), "--search macron");
    keys(&mut app, &["F"]);
    assert_eq!(app.visible.len(), app.timeline.len());
    keys(&mut app, &["F", "Esc"]);
    assert!(app.search.is_none());
    assert_eq!(app.visible.len(), app.timeline.len(), "Esc leaves both");
    keys(&mut app, &["F"]);
    assert!(app.message.as_deref().unwrap().starts_with("no search"));
}

#[test]
fn topic_status_and_place_pickers_filter_with_counts() {
    let mut app = app();
    keys(&mut app, &["t", "peace"]);
    let p = app.picker.as_ref().unwrap();
    let row = &p.rows[p.shown[0]];
    assert_eq!((row.label.as_str(), row.count), ("peace talks", 4));
    keys(&mut app, &["Enter"]);
    assert_eq!(app.filter_as_cli(), "--topic \"peace talks\"");
    assert_eq!(app.visible.len(), 4);
    // Counts under the other filters.
    keys(&mut app, &["S", "sched"]);
    let p = app.picker.as_ref().unwrap();
    let row = &p.rows[p.shown[0]];
    assert_eq!(row.label, "scheduled");
    assert!(row.count < 6, "{}", row.count);
    keys(&mut app, &["Esc", "x", "S", "sched", "Enter"]);
    assert_eq!(app.visible.len(), 6);
    keys(&mut app, &["p", "paris", "Enter"]);
    assert_eq!(app.filter_as_cli(), "--status scheduled --place Paris");
}

#[test]
fn the_date_prompt_tells_can_fall_in_from_certainly_within() {
    let mut app = app();
    keys(&mut app, &["d", "2025-03..2025-04", "Enter"]);
    assert_eq!(app.visible.len(), 22);
    let vague = app.vague_kept;
    assert!(vague > 0 && vague < 22, "{vague}");
    keys(&mut app, &["d", "Tab"]);
    assert!(app.prompt.as_ref().unwrap().within);
    keys(&mut app, &["Enter"]);
    assert_eq!(app.visible.len(), 22 - vague);
    assert_eq!(app.vague_kept, 0);
    assert_eq!(app.filter_as_cli(), "--from 2025-03 --to 2025-04 --within");
    // The prompt opens in the filter's mode; Tab goes back.
    keys(&mut app, &["d"]);
    assert!(app.prompt.as_ref().unwrap().within);
    keys(&mut app, &["Tab", "Enter"]);
    assert_eq!(app.visible.len(), 22);
    // A reversed range: the same words as `list --from 2025-05 --to 2025-03`.
    keys(&mut app, &["d", "2025-05..2025-03", "Enter"]);
    assert_eq!(
        app.message.as_deref(),
        Some("the range ends before it starts (2025-05 is after 2025-03)")
    );
    assert_eq!(app.visible.len(), 22);
}

#[test]
fn same_name_actors_show_kind_and_country() {
    let doc = r#"{"dateline": 1,
      "actors": [
        {"id": "smith-us", "name": "John Smith", "kind": "person", "country": "US"},
        {"id": "smith-gb", "name": "John Smith", "kind": "person", "country": "GB"},
        {"id": "smith-co", "name": "John Smith", "kind": "organisation"}],
      "events": [{"id": "e", "title": "Smiths meet", "date": "2025-04-01",
        "actors": [{"id": "smith-us"}, {"id": "smith-gb"}, {"id": "smith-co"}]}]}"#;
    let t = load_bytes("smiths.json", doc.as_bytes(), Format::Document, &|_| {
        Err(String::new())
    })
    .unwrap();
    let mut app = App::new(Arc::new(t));
    keys(&mut app, &["a", "smith"]);
    let p = app.picker.as_ref().unwrap();
    let mut details: Vec<&str> = p.shown.iter().map(|&r| p.rows[r].detail.as_str()).collect();
    details.sort();
    assert_eq!(
        details,
        [
            "organisation · smith-co",
            "person, GB · smith-gb",
            "person, US · smith-us"
        ]
    );
}

#[test]
fn the_browser_opens_under_the_command_line_filter() {
    use dateline::query::spec::FilterSpec;
    let t = Arc::new(load_builtin().unwrap());
    let spec = FilterSpec {
        topics: vec!["ceasefire".into()],
        search: Some("moscow".into()),
        ..FilterSpec::default()
    };
    let app = App::with_filter(Arc::clone(&t), &spec).unwrap();
    assert_eq!(app.filter_as_cli(), "--topic ceasefire --search moscow");
    assert!(app.search.is_some(), "the search is highlighted too");
    let bad = FilterSpec {
        statuses: vec!["done".into()],
        ..FilterSpec::default()
    };
    assert!(App::with_filter(t, &bad).is_err());
}

#[test]
fn a_filter_change_under_a_search_keeps_its_hits_true() {
    let mut app = app();
    keys(&mut app, &["/", "witkoff", "Enter"]);
    let all_hits = app.search.as_ref().unwrap().hits.len();
    keys(&mut app, &["c", "FR", "Enter"]);
    let search = app.search.as_ref().unwrap();
    // The hits are the filtered list's events the query matches, found
    // without searching again.
    let expected: Vec<usize> = app
        .visible
        .iter()
        .enumerate()
        .filter(|(_, e)| search.matching.binary_search(e).is_ok())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(search.hits, expected);
    assert!(!expected.is_empty() && expected.len() < all_hits);
    keys(&mut app, &["x"]);
    assert_eq!(app.search.as_ref().unwrap().hits.len(), all_hits);
}
