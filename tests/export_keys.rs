//! Exporting from the browser: `e`, the format and path prompts, the request
//! the terminal layer carries out, and the answer shown.

use dateline::app::{Action, App, Effect, ExportOutcome, ExportRequest, PromptKind, keymap};
use dateline::export::Format;
use dateline::load::load_builtin;
use std::path::PathBuf;
use std::sync::Arc;

mod common;
use common::keys;

fn app() -> App {
    let mut app = App::new(Arc::new(load_builtin().unwrap()));
    app.update(Action::Resize(120, 40));
    app.export_base = "rubio-witkoff-paris".into();
    app
}

/// Types keys through the key table: "Enter", "Esc", "Backspace", or text.
fn filter_fr(app: &mut App) {
    keys(app, &["c", "fr", "Enter"]);
    assert!(!app.filter.countries.is_empty());
}

fn request(app: &mut App) -> ExportRequest {
    match app.outbox.pop() {
        Some(Effect::Export(r)) => r,
        other => panic!("no export requested: {other:?}"),
    }
}

#[test]
fn e_asks_for_a_format_then_a_path_and_requests_what_is_on_screen() {
    let mut app = app();
    filter_fr(&mut app);
    keys(&mut app, &["e"]);
    let asked = |app: &App| {
        app.prompt
            .as_ref()
            .map(|p| (p.kind.clone(), p.text().to_string()))
    };
    assert_eq!(asked(&app), Some((PromptKind::ExportFormat, String::new())));
    keys(&mut app, &["i", "Enter"]);
    assert_eq!(
        asked(&app),
        Some((
            PromptKind::ExportPath(Format::Ics),
            "rubio-witkoff-paris-fr-export.ics".into()
        ))
    );
    assert!(app.outbox.is_empty(), "nothing is written before the path");
    keys(&mut app, &["Enter"]);
    let r = request(&mut app);
    assert_eq!(r.format, Format::Ics);
    assert_eq!(r.path, PathBuf::from("rubio-witkoff-paris-fr-export.ics"));
    assert_eq!(r.events, app.visible);
    assert_eq!(r.events.len(), 4);
    assert_eq!(r.description, "--country FR");
    assert!(!r.replace);
    assert!(app.prompt.is_none());
}

#[test]
fn the_path_can_be_edited_and_an_empty_one_cancels() {
    let mut app = app();
    keys(&mut app, &["e", "csv", "Enter"]);
    let default = match &app.prompt {
        Some(p) if matches!(p.kind, PromptKind::ExportPath(_)) => p.text().to_string(),
        _ => panic!("no path prompt"),
    };
    assert_eq!(default, "rubio-witkoff-paris-export.csv");
    for _ in 0..default.chars().count() {
        keys(&mut app, &["Backspace"]);
    }
    keys(&mut app, &["out.csv", "Enter"]);
    assert_eq!(request(&mut app).path, PathBuf::from("out.csv"));

    keys(&mut app, &["e", "md", "Enter"]);
    for _ in 0..40 {
        keys(&mut app, &["Backspace"]);
    }
    keys(&mut app, &["Enter"]);
    assert!(app.outbox.is_empty());
    assert_eq!(app.message.as_deref(), Some("export cancelled"));
}

#[test]
fn an_unknown_format_is_named_and_esc_cancels() {
    let mut app = app();
    keys(&mut app, &["e", "pdf", "Enter"]);
    assert!(app.prompt.is_none() && app.outbox.is_empty());
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("'pdf' is not a format")
    );
    keys(&mut app, &["e", "t", "Enter", "Esc"]);
    assert!(app.prompt.is_none() && app.outbox.is_empty());
}

#[test]
fn an_existing_file_is_replaced_only_after_yes() {
    let mut app = app();
    keys(&mut app, &["e", "j", "Enter", "Enter"]);
    let r = request(&mut app);
    app.update(Action::Exported(ExportOutcome::Exists(r.clone())));
    assert_eq!(
        app.prompt.as_ref().map(|p| p.kind.clone()),
        Some(PromptKind::ExportReplace(r.clone()))
    );
    keys(&mut app, &["n"]);
    assert!(app.outbox.is_empty() && app.prompt.is_none());
    assert_eq!(app.message.as_deref(), Some("export cancelled"));

    app.update(Action::Exported(ExportOutcome::Exists(r.clone())));
    keys(&mut app, &["y"]);
    let again = request(&mut app);
    assert!(again.replace);
    assert_eq!(again.path, r.path);
}

#[test]
fn the_answer_says_where_and_how_many() {
    let mut app = app();
    app.update(Action::Exported(ExportOutcome::Wrote {
        path: "out.ics".into(),
        events: 21,
        notes: vec!["2 events with open-ended dates left out".into()],
    }));
    assert_eq!(
        app.message.as_deref(),
        Some("wrote 21 events to out.ics; 2 events with open-ended dates left out")
    );
    app.update(Action::Exported(ExportOutcome::Failed(
        "x: cannot write".into(),
    )));
    assert_eq!(
        app.message.as_deref(),
        Some("export failed: x: cannot write")
    );
}

#[test]
fn the_terminal_layer_writes_the_file_and_refuses_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app();
    filter_fr(&mut app);
    let out = dir.path().join("fr.csv");
    keys(&mut app, &["e", "csv", "Enter"]);
    for _ in 0..60 {
        keys(&mut app, &["Backspace"]);
    }
    keys(&mut app, &[out.to_str().unwrap(), "Enter"]);
    let Some(Effect::Export(request)) = app.outbox.pop() else {
        panic!("no export asked for")
    };
    let answer = dateline::tui::export(&app, request.clone(), None);
    app.update(answer);
    assert_eq!(
        app.message.as_deref(),
        Some(
            format!(
                "wrote 4 events to {}",
                out.canonicalize().unwrap().display()
            )
            .as_str()
        )
    );
    let rows = csv::Reader::from_path(&out).unwrap().records().count();
    assert_eq!(rows, 4);

    // Again: the file exists now, so the app asks.
    let answer = dateline::tui::export(&app, request.clone(), None);
    app.update(answer);
    assert!(matches!(
        app.prompt.as_ref().map(|p| &p.kind),
        Some(PromptKind::ExportReplace(_))
    ));
    keys(&mut app, &["Esc"]);

    // The timeline's own file is never written.
    let answer = dateline::tui::export(&app, request, Some(&out));
    app.update(answer);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("is an input of this timeline"),
        "{:?}",
        app.message
    );
}

#[test]
fn e_is_in_the_key_table_and_its_help() {
    let binding = keymap::BINDINGS
        .iter()
        .find(|b| b.action == Action::StartExport)
        .expect("a binding");
    assert_eq!(binding.keys[0].label(), "e");
    assert!(binding.help.starts_with("export what is on screen"));
}
