//! Whole-screen snapshots over ratatui's TestBackend at several sizes, and
//! the style of the selected row.

use dateline::app::{Action, App};
use dateline::load::load_builtin;
use dateline::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use std::sync::Arc;

fn app(w: u16, h: u16) -> App {
    let mut app = App::new(Arc::new(load_builtin().unwrap()));
    app.update(Action::Resize(w, h));
    app
}

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| render(app, f, &Theme { color: true }))
        .unwrap();
    terminal
}

fn goto(app: &mut App, id: &str) {
    let ix = app.timeline.find_event(id).unwrap();
    app.jump_to(ix);
}

#[test]
fn main_view_at_120x40() {
    let mut a = app(120, 40);
    goto(&mut a, "witkoff-putin-st-petersburg");
    insta::assert_snapshot!(draw(&a, 120, 40).backend());
}

#[test]
fn main_view_at_80x24() {
    let mut a = app(80, 24);
    goto(&mut a, "paris-talks");
    insta::assert_snapshot!(draw(&a, 80, 24).backend());
}

#[test]
fn tiny_40x12_and_too_small() {
    let a = app(40, 12);
    insta::assert_snapshot!("tiny_40x12", draw(&a, 40, 12).backend());
    let a = app(30, 8);
    insta::assert_snapshot!("too_small_30x8", draw(&a, 30, 8).backend());
}

#[test]
fn help_overlay() {
    let mut a = app(120, 40);
    a.update(Action::ToggleHelp);
    insta::assert_snapshot!(draw(&a, 120, 40).backend());
}

#[test]
fn actor_picker_narrowed() {
    let mut a = app(80, 24);
    a.update(Action::OpenActorPicker);
    for c in "wit".chars() {
        a.update(Action::Input(c));
    }
    a.update(Action::Toggle);
    insta::assert_snapshot!(draw(&a, 80, 24).backend());
}

#[test]
fn filtered_with_search_and_history() {
    let mut a = app(120, 40);
    a.update(Action::OpenCountryPicker);
    for c in "RU".chars() {
        a.update(Action::Input(c));
    }
    a.update(Action::Submit);
    goto(&mut a, "russia-daily-strikes");
    a.update(Action::StartSearch);
    for c in "strikes".chars() {
        a.update(Action::Input(c));
    }
    a.update(Action::Submit);
    insta::assert_snapshot!(draw(&a, 120, 40).backend());
}

#[test]
fn selected_row_is_reversed_and_bold() {
    let a = app(120, 40);
    let terminal = draw(&a, 120, 40);
    let buffer = terminal.backend().buffer();
    // Row 1 is the first event inside the chronology's border.
    let cell = &buffer[(5, 1)];
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    assert!(cell.modifier.contains(Modifier::BOLD), "{cell:?}");
    let unselected = &buffer[(5, 2)];
    assert!(!unselected.modifier.contains(Modifier::REVERSED));
}

#[test]
fn no_color_keeps_modifiers_but_drops_colours() {
    let a = app(120, 40);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|f| render(&a, f, &Theme { color: false }))
        .unwrap();
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
    assert!(buffer[(5, 1)].modifier.contains(Modifier::REVERSED));
}

/// The same state drawn at 80x24 and at 120x40, one snapshot each.
fn at_both_sizes(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(w, h);
        setup(&mut a);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(&a, w, h).backend());
    }
}

#[test]
fn source_view() {
    at_both_sizes("source_view", |a| {
        goto(a, "witkoff-putin-st-petersburg");
        a.update(Action::OpenSource);
        a.update(Action::NextHit);
    });
}

#[test]
fn help_overlay_scrolled() {
    at_both_sizes("help_scrolled", |a| {
        a.update(Action::ToggleHelp);
        a.update(Action::PageDown);
    });
}

#[test]
fn event_pane_scrolled_keeps_its_title() {
    at_both_sizes("event_scrolled", |a| {
        goto(a, "paris-talks");
        a.update(Action::Focus(dateline::app::Pane::Event));
        for _ in 0..8 {
            a.update(Action::Down);
        }
    });
}

#[test]
fn zoomed_chronology() {
    at_both_sizes("zoomed_chronology", |a| {
        goto(a, "macron-meeting");
        a.update(Action::Zoom);
    });
}

#[test]
fn actor_pane_with_copy_message() {
    at_both_sizes("actor_pane_copied", |a| {
        goto(a, "paris-talks");
        a.update(Action::Focus(dateline::app::Pane::Actor));
        a.update(Action::CopyId);
    });
}
