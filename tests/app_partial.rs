//! Browsing the preview of a file's head while the whole file loads, then
//! receiving the whole timeline: the user keeps their place (the selected
//! event, its row on screen, filters, search, history, an open picker or
//! source view), and what needs the whole timeline says it waits.

use dateline::app::{Action, App, Loaded, PromptKind};
use dateline::load::preview::preview_path_with;
use dateline::load::{LoadOptions, Progress, load_path};
use dateline::model::Timeline;
use dateline::query::spec::FilterSpec;
use dateline::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::sync::Arc;

mod common;
use common::{current_id, keys};

/// A preview of a generated file's first tenth, and the whole of it.
fn generated() -> (Arc<Timeline>, Arc<Timeline>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = Vec::new();
    dateline::synth::write(&mut bytes, 3000, 11).expect("generates");
    let path = dir.path().join("gen.jsonl");
    std::fs::write(&path, &bytes).expect("writes");
    pair(&path, bytes.len() / 10)
}

fn pair(path: &Path, head: usize) -> (Arc<Timeline>, Arc<Timeline>) {
    let part = preview_path_with(path, LoadOptions::default(), head).expect("a preview");
    let whole = load_path(path).expect("loads");
    assert!(part.len() < whole.len());
    (Arc::new(part), Arc::new(whole))
}

const HALF_WAY: Progress = Progress {
    bytes: 420,
    total_bytes: 1000,
    events: 1200,
};

fn partial(part: &Arc<Timeline>, spec: &FilterSpec) -> App {
    let mut app = App::partial(Arc::clone(part), spec, HALF_WAY).expect("the filter resolves");
    app.update(Action::Resize(120, 40));
    app
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    terminal
        .draw(|f| render(app, f, &Theme { color: false }))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..40 {
        for x in 0..120 {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

#[test]
fn the_preview_is_browsed_with_loading_in_the_status_line() {
    let (part, _) = generated();
    let mut app = partial(&part, &FilterSpec::default());
    let first = screen(&app);
    assert!(first.contains("so far, loading… 42%"), "{first}");
    let title = part.event(app.current().expect("an event")).title();
    assert!(first.contains(&title[..20]), "the chronology shows events");
    assert!(!first.contains("Esc cancels"), "no loading screen");
    keys(&mut app, &["j", "j", "2"]);
    assert_eq!(app.selected, 2);
    // Progress moves on without clearing what the last key said.
    keys(&mut app, &["e"]);
    let said = app.message.clone().expect("a message");
    app.update(Action::LoadProgress(Progress {
        bytes: 900,
        ..HALF_WAY
    }));
    assert_eq!(app.message.as_ref(), Some(&said));
    assert!(screen(&app).contains("so far, loading… 90%"));
}

#[test]
fn the_whole_timeline_keeps_the_place_filters_search_and_history() {
    let (part, whole) = generated();
    let mut app = partial(&part, &FilterSpec::default());
    // A jump for the history, a topic filter, a search, a row further down.
    let start = current_id(&app);
    let far = part.event(part.len() as u32 - 1).id().to_string();
    keys(&mut app, &[":", &far, "Enter"]);
    keys(&mut app, &["t", "ceasefire", "Enter"]);
    keys(&mut app, &["/", "Kraków", "Enter"]);
    keys(&mut app, &["g", "j", "j", "j", "n"]);
    let before = (
        current_id(&app),
        app.selected - app.offset,
        app.filter_as_cli(),
        app.history.depth(),
    );
    let hits = app.search.as_ref().expect("a search").hits.len();
    assert!(hits > 0);
    assert!(app.filter_as_cli().contains("--topic ceasefire"));
    let shown = app.visible.len();

    app.update(Action::Loaded(Loaded(Arc::clone(&whole))));
    assert!(!app.partial && app.loading.is_none());
    assert_eq!(app.timeline.len(), whole.len());
    let after = (
        current_id(&app),
        app.selected - app.offset,
        app.filter_as_cli(),
        app.history.depth(),
    );
    assert_eq!(after, before);
    assert!(
        app.visible.len() > shown,
        "the filter keeps more events now"
    );
    let search = app.search.as_ref().expect("the search stays");
    assert_eq!(search.query, "Kraków");
    assert!(search.hits.len() > hits);
    assert!(app.message.as_deref().unwrap_or("").contains("loaded: all"));
    assert!(!screen(&app).contains("loading…"));
    // The history leads back to the place it held, on the whole timeline.
    keys(&mut app, &["C-o"]);
    assert_eq!(
        (current_id(&app), app.filter_as_cli()),
        (start, String::new())
    );
}

#[test]
fn export_waits_for_the_whole_timeline() {
    let (part, whole) = generated();
    let mut app = partial(&part, &FilterSpec::default());
    keys(&mut app, &["e"]);
    assert!(app.prompt.is_none());
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("export waits for the whole timeline (loading… 42%)"));
    app.update(Action::Loaded(Loaded(whole)));
    keys(&mut app, &["e"]);
    assert_eq!(
        app.prompt.as_ref().map(|p| p.kind.clone()),
        Some(PromptKind::ExportFormat)
    );
}

#[test]
fn going_to_an_event_not_loaded_yet_says_so() {
    let (part, whole) = generated();
    let mut app = partial(&part, &FilterSpec::default());
    keys(&mut app, &[":", "e2999", "Enter"]);
    let said = app.message.clone().unwrap_or_default();
    assert!(
        said.contains("'e2999' is not an event loaded so far"),
        "{said}"
    );
    app.update(Action::Loaded(Loaded(whole)));
    keys(&mut app, &[":", "e2999", "Enter"]);
    assert_eq!(current_id(&app), "e2999");
}

#[test]
fn quitting_the_preview_is_a_quit_not_a_cancel() {
    let (part, _) = generated();
    let mut app = partial(&part, &FilterSpec::default());
    keys(&mut app, &["2", "Esc"]);
    assert!(!app.quit, "Esc goes back to the chronology");
    keys(&mut app, &["q"]);
    assert!(app.quit && !app.cancelled);
    // The loading screen, with nothing to browse, still cancels.
    let mut app = App::loading(HALF_WAY);
    keys(&mut app, &["Esc"]);
    assert!(app.quit && app.cancelled);
}

#[test]
fn an_open_picker_keeps_what_was_typed_and_toggled() {
    let (part, whole) = generated();
    let mut app = partial(&part, &FilterSpec::default());
    keys(&mut app, &["a", "Costa", "Space", "Down", "Space"]);
    let picker = app.picker.as_ref().expect("the picker is open");
    let ids = |app: &App, values: &[u32]| -> Vec<String> {
        let mut ids: Vec<String> = values
            .iter()
            .map(|&a| app.timeline.actor(a).id().to_string())
            .collect();
        ids.sort();
        ids
    };
    let chosen = ids(&app, &picker.chosen);
    assert_eq!(chosen.len(), 2);
    let counted: usize = picker.rows.iter().map(|r| r.count).sum();
    let title = screen(&app);
    assert!(title.contains("counts so far, loading… 42%"), "{title}");

    app.update(Action::Loaded(Loaded(whole)));
    let picker = app.picker.as_ref().expect("still open");
    assert_eq!(picker.query(), "Costa");
    assert_eq!(ids(&app, &picker.chosen), chosen);
    assert!(picker.rows.iter().map(|r| r.count).sum::<usize>() > counted);
    keys(&mut app, &["Enter"]);
    assert_eq!(ids(&app, &app.filter.actors), chosen);
}

#[test]
fn an_open_source_view_stays_on_its_span() {
    let (part, whole) = generated();
    let mut app = partial(&part, &FilterSpec::default());
    keys(&mut app, &["j", "j", "s", "n"]);
    let view = app.source.as_ref().expect("the source view is open");
    let source = app.timeline.source(view.source).id().to_string();
    let span = view.spans[view.current.expect("a span in focus")];
    let event = app.timeline.event(span.event).id().to_string();

    app.update(Action::Loaded(Loaded(whole)));
    let view = app.source.as_ref().expect("still open");
    assert_eq!(app.timeline.source(view.source).id(), source);
    let now = view.spans[view.current.expect("a span in focus")];
    assert_eq!((now.start, now.end), (span.start, span.end));
    assert_eq!(app.timeline.event(now.event).id(), event);
}

#[test]
fn the_command_lines_filter_is_resolved_again_on_the_whole_timeline() {
    // Two actors of one name, the second declared past the head.
    let dir = tempfile::tempdir().expect("temp dir");
    let event = |id: String, actor: &str| {
        format!(
            "{{\"event\":{{\"id\":\"{id}\",\"title\":\"Event {id}\",\"date\":\"2024-01-01\",\"actors\":[{{\"id\":\"{actor}\"}}]}}}}\n"
        )
    };
    let mut text =
        String::from("{\"actor\":{\"id\":\"x1\",\"name\":\"Same Name\",\"kind\":\"person\"}}\n");
    for i in 0..20 {
        text.push_str(&event(format!("a{i}"), "x1"));
    }
    let head = text.len();
    text.push_str("{\"actor\":{\"id\":\"x2\",\"name\":\"Same Name\",\"kind\":\"person\"}}\n");
    for i in 0..200 {
        text.push_str(&event(format!("b{i}"), "x2"));
    }
    let path = dir.path().join("names.jsonl");
    std::fs::write(&path, text).expect("writes");
    let (part, whole) = pair(&path, head);
    let spec = FilterSpec {
        actors: vec!["Same Name".into()],
        ..FilterSpec::default()
    };
    let mut app = partial(&part, &spec);
    assert_eq!(app.filter_as_cli(), "--actor x1");
    app.update(Action::Loaded(Loaded(Arc::clone(&whole))));
    assert_eq!(app.filter_as_cli(), "--actor x1 --actor x2");
    assert_eq!(app.visible.len(), 220);
}
