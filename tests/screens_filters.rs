//! Snapshots of the filtering and searching screens at 80x24 and 120x40:
//! pickers opened on the value in focus, the date prompt's two modes, the
//! status line under "only hits" and a vague-date range, and actors of the
//! same name told apart.

use dateline::app::{Action, App, Edit};
use dateline::load::{Format, load_builtin, load_bytes};
use dateline::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;

fn app(w: u16, h: u16) -> App {
    let mut app = App::new(Arc::new(load_builtin().unwrap()));
    app.update(Action::Resize(w, h));
    app
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| render(app, f, &Theme { color: true }))
        .unwrap();
    terminal
}

fn typed(app: &mut App, text: &str) {
    text.chars().for_each(|c| app.update(Action::Input(c)));
}

fn goto(app: &mut App, id: &str) {
    let ix = app.timeline.find_event(id).unwrap();
    app.jump_to(ix);
}

#[test]
fn topic_picker_on_the_event_in_focus() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(w, h);
        goto(&mut a, "witkoff-putin-st-petersburg");
        a.update(Action::OpenTopicPicker);
        insta::assert_snapshot!(format!("topic_picker_{w}x{h}"), draw(&a).backend());
    }
}

#[test]
fn place_and_status_pickers() {
    let mut a = app(80, 24);
    goto(&mut a, "paris-talks");
    a.update(Action::OpenPlacePicker);
    insta::assert_snapshot!("place_picker_80x24", draw(&a).backend());
    a.update(Action::Escape);
    a.update(Action::OpenStatusPicker);
    insta::assert_snapshot!("status_picker_80x24", draw(&a).backend());
}

#[test]
fn date_prompt_modes_and_vague_dates_in_the_status_line() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(w, h);
        a.update(Action::StartDates);
        typed(&mut a, "2025-03..2025-04");
        a.update(Action::Submit);
        a.update(Action::StartDates);
        a.update(Action::ToggleWithin);
        insta::assert_snapshot!(format!("date_prompt_within_{w}x{h}"), draw(&a).backend());
        a.update(Action::Escape);
        insta::assert_snapshot!(format!("vague_dates_kept_{w}x{h}"), draw(&a).backend());
    }
}

#[test]
fn only_search_hits() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(w, h);
        a.update(Action::StartSearch);
        typed(&mut a, "peace talks");
        a.update(Action::Submit);
        a.update(Action::ToggleOnlyHits);
        insta::assert_snapshot!(format!("only_hits_{w}x{h}"), draw(&a).backend());
    }
}

#[test]
fn each_search_word_is_highlighted_accents_aside() {
    let mut a = app(120, 40);
    a.update(Action::StartSearch);
    typed(&mut a, "putin WITKOFF");
    a.update(Action::Submit);
    let terminal = draw(&a);
    let buffer = terminal.backend().buffer();
    // The selected row is the hit; its title's words carry the hit style.
    let row = (0..40)
        .find(|&y| {
            (0..60)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .contains("Witkoff meets Putin")
        })
        .unwrap();
    let line: String = (0..60).map(|x| buffer[(x, row)].symbol()).collect();
    let at = line.find("Witkoff").unwrap();
    let col = line[..at].chars().count() as u16;
    let hit = buffer[(col, row)].fg;
    let plain = buffer[(col + 8, row)].fg; // "meets"
    assert_ne!(hit, plain, "{line}");
}

#[test]
fn search_prompt_with_the_cursor_inside() {
    let mut a = app(80, 24);
    a.update(Action::StartSearch);
    typed(&mut a, "witkoff putin");
    for _ in 0..6 {
        a.update(Action::Edit(Edit::Left));
    }
    let terminal = draw(&a);
    insta::assert_snapshot!("search_prompt_80x24", terminal.backend());
    // The cursor is drawn on the character it stands before.
    let buffer = terminal.backend().buffer();
    let row = 22;
    let cursor = (0..80)
        .find(|&x| {
            buffer[(x, row)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        })
        .unwrap();
    assert_eq!(buffer[(cursor, row)].symbol(), " ");
    assert_eq!(buffer[(cursor + 1, row)].symbol(), "p");
}

#[test]
fn same_name_actors_in_the_picker() {
    let doc = r#"{"dateline": 1,
      "actors": [
        {"id": "smith-us", "name": "John Smith", "kind": "person", "country": "US"},
        {"id": "smith-gb", "name": "John Smith", "kind": "person", "country": "GB"}],
      "events": [{"id": "e", "title": "The Smiths meet", "date": "2025-04-01",
        "actors": [{"id": "smith-us"}, {"id": "smith-gb"}]}]}"#;
    let t = load_bytes("smiths.json", doc.as_bytes(), Format::Document, &|_| {
        Err(String::new())
    })
    .unwrap();
    let mut a = App::new(Arc::new(t));
    a.update(Action::Resize(80, 24));
    a.update(Action::OpenActorPicker);
    insta::assert_snapshot!("same_name_actors_80x24", draw(&a).backend());
}
