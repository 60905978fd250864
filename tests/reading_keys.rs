//! Key sequences for reading the timeline as a newcomer does: the event
//! pane keeps its title, zoom, the small layout, the help overlay, the
//! source view, copying, go-to's nearest event, and the marks in the
//! chronology margin and the density strip. Each drives the app through the
//! key table and checks the state or the drawn screen.

use dateline::app::{Action, App, Effect, Pane, keymap};
use dateline::load::load_builtin;
use dateline::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use std::sync::Arc;

mod common;
use common::current_id;
use common::keys;

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

/// The screen's rows as text.
fn rows(app: &App) -> Vec<String> {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let w = buffer.area.width as usize;
    buffer
        .content()
        .chunks(w)
        .map(|row| row.iter().map(|c| c.symbol()).collect())
        .collect()
}

/// The text of the rows inside a pane's area.
fn pane_text(app: &App, pane: Pane) -> Vec<String> {
    let r = app.areas().of(pane);
    rows(app)[r.y as usize..(r.y + r.height) as usize]
        .iter()
        .map(|row| {
            row.chars()
                .skip(r.x as usize)
                .take(r.width as usize)
                .collect()
        })
        .collect()
}

#[test]
fn the_event_pane_always_shows_its_title() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app(w, h);
        keys(
            &mut app,
            &[":", "witkoff-putin-st-petersburg", "Enter", "2"],
        );
        let title = "Witkoff meets Putin in St Petersburg";
        // Down to the last item, which scrolls the pane, then back up.
        for _ in 0..app.event_items().len() {
            keys(&mut app, &["j"]);
            let text = pane_text(&app, Pane::Event);
            assert!(
                text[1].contains(title),
                "{w}x{h}: the first line names the event: {text:#?}"
            );
        }
        keys(&mut app, &["g", "PgUp"]);
        let text = pane_text(&app, Pane::Event);
        assert!(text[1].contains(title), "{text:#?}");
        // On the first item, as much of the header as fits shows again.
        assert!(
            text.iter().any(|l| l.contains("countries")),
            "{w}x{h}: {text:#?}"
        );
    }
}

#[test]
fn chronology_titles_end_in_an_ellipsis_and_z_zooms_one_pane() {
    let mut app = app(120, 40);
    let chronology = pane_text(&app, Pane::Chronology);
    assert!(
        chronology.iter().any(|l| l.contains("…")),
        "{chronology:#?}"
    );
    // The chronology gets more than half the width.
    assert!(app.areas().chronology.width > 60);
    keys(&mut app, &["z"]);
    assert_eq!(app.areas().chronology.width, 120);
    assert_eq!(app.areas().event.width, 0, "the other panes step aside");
    let zoomed = pane_text(&app, Pane::Chronology);
    assert!(
        zoomed
            .iter()
            .any(|l| l.contains("Trump administration rhetoric about Nato and Greenland")),
        "a zoomed chronology shows whole titles: {zoomed:#?}"
    );
    keys(&mut app, &["z"]);
    assert!(app.areas().event.width > 0);
    // The focused pane is the one that zooms, and keys keep working in it.
    keys(&mut app, &["2", "z"]);
    assert_eq!(app.areas().event.width, 120);
    assert_eq!(app.areas().chronology.height, 0);
    keys(&mut app, &["j", "z"]);
    assert_eq!(app.event_cursor, 1);
    assert!(app.areas().chronology.height > 0);
}

#[test]
fn at_80x24_one_detail_pane_shows_and_keys_switch_it() {
    let mut app = app(80, 24);
    let a = app.areas();
    assert!(a.single_detail);
    assert_eq!(a.chronology.height - 2, 9, "nine chronology rows");
    assert!(a.event.height > 0 && a.actor.height == 0 && a.quotes.height == 0);
    keys(&mut app, &[":", "paris-talks", "Enter", "3"]);
    let a = app.areas();
    assert!(a.actor.height > 0 && a.event.height == 0);
    let actor = pane_text(&app, Pane::Actor);
    assert!(
        actor.iter().filter(|l| l.contains("Apr 2025")).count() >= 3,
        "the actor pane has room for its events: {actor:#?}"
    );
    // The pane's title names the others, one key away.
    assert!(actor[0].contains("2 Event") && actor[0].contains("4 Quotes"));
    keys(&mut app, &["1"]);
    assert!(
        app.areas().actor.height > 0,
        "back in the chronology, the last detail pane stays"
    );
    keys(&mut app, &["Tab"]);
    assert!(app.areas().event.height > 0);
}

#[test]
fn help_and_quit_always_fit_the_footer() {
    for (w, h) in [(40, 12), (80, 24), (120, 40)] {
        let mut app = app(w, h);
        for seq in [&[][..], &["2"], &["3"], &["?"], &["s"]] {
            keys(&mut app, seq);
            let footer = rows(&app).pop().unwrap();
            let wanted: &[&str] = match app.mode() {
                keymap::Mode::Help | keymap::Mode::Source => &[" Esc  close"],
                _ => &[" ?  help", " q  quit"],
            };
            for hint in wanted {
                assert!(footer.contains(hint), "{w}x{h} {seq:?}: {footer:?}");
            }
            keys(&mut app, &["Esc"]);
        }
    }
}

#[test]
fn the_help_overlay_fits_and_scrolls_and_q_closes_it() {
    for (w, h) in [(40, 12), (80, 24), (120, 40), (200, 50)] {
        let mut app = app(w, h);
        keys(&mut app, &["?"]);
        let screen = rows(&app);
        let bottom_rule = screen
            .iter()
            .position(|r| r.contains('╚'))
            .expect("the overlay's frame closes on screen");
        assert!(bottom_rule < h as usize - 1, "{w}x{h}");
        // Every line of it ends inside the frame: nothing runs past.
        for row in &screen[..=bottom_rule] {
            if let (Some(l), Some(r)) = (row.find('║'), row.rfind('║')) {
                assert!(l < r, "{w}x{h}: {row:?}");
            }
        }
        let (iw, ih) = keymap::help_inner(w, h);
        let (_, max) = keymap::help_layout(iw, ih);
        keys(&mut app, &["G"]);
        assert_eq!(app.help_scroll, max, "{w}x{h}");
        let last = rows(&app);
        assert!(
            last.iter().any(|r| r.contains("Ctrl-k")),
            "{w}x{h}: the last lines show once scrolled"
        );
        keys(&mut app, &["k"]);
        assert_eq!(app.help_scroll, max.saturating_sub(1));
        keys(&mut app, &["q"]);
        assert!(!app.help && !app.quit, "q closes the overlay");
    }
    // At 80x24 the help scrolls; nothing is cut without a mark.
    let mut app = app(80, 24);
    keys(&mut app, &["?", "j", "j"]);
    assert_eq!(app.help_scroll, 2);
    let screen = rows(&app).join("\n");
    assert!(!screen.contains("move dow "), "{screen}");
    keys(&mut app, &["C-c"]);
    assert!(app.quit, "Ctrl-c still quits from the overlay");
}

#[test]
fn the_source_view_marks_spans_and_goes_to_their_events() {
    let mut app = app(120, 40);
    keys(
        &mut app,
        &[":", "witkoff-putin-st-petersburg", "Enter", "s"],
    );
    let view = app.source.as_ref().expect("s opens the source view");
    let n = view.spans.len();
    assert_eq!(
        n,
        app.timeline.quote_count(),
        "one source holds every quote"
    );
    let first = view.current.expect("the event's first quote is in focus");
    let span = view.spans[first];
    assert_eq!(current_id(&app), "witkoff-putin-st-petersburg");
    assert_eq!(span.event, app.current().unwrap());
    let screen = rows(&app).join("\n");
    assert!(screen.contains("Unnamed outlet"), "{screen}");
    assert!(screen.contains("no URL given"), "{screen}");
    assert!(screen.contains(&format!("[{}/{n}] → Witkoff meets Putin", first + 1)));
    // The span in focus is reversed on screen; other spans are highlighted.
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let reversed = buffer
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED))
        .count();
    assert!(reversed > 20, "the span in focus shows: {reversed}");
    let quoted = buffer
        .content()
        .iter()
        .filter(|c| c.fg == ratatui::style::Color::Yellow)
        .count();
    assert!(quoted > 100, "the other spans show: {quoted}");
    // n and N move between spans, wrapping around.
    keys(&mut app, &["n"]);
    assert_eq!(app.source.as_ref().unwrap().current, Some((first + 1) % n));
    keys(&mut app, &["N", "N"]);
    assert_eq!(
        app.source.as_ref().unwrap().current,
        Some((first + n - 1) % n)
    );
    // Enter goes to the span's event, in the history.
    let target = app.source.as_ref().unwrap().spans[(first + n - 1) % n].event;
    keys(&mut app, &["Enter"]);
    assert!(app.source.is_none());
    assert_eq!(app.current(), Some(target));
    assert_eq!(app.focus, Pane::Event);
    keys(&mut app, &["C-o"]);
    // Esc, q and s close it; scrolling stays within the text.
    for close in ["Esc", "q", "s"] {
        keys(&mut app, &["s", "G", "j", "j"]);
        let view = app.source.as_ref().unwrap();
        assert_eq!(view.scroll, view.max_scroll());
        keys(&mut app, &[close]);
        assert!(app.source.is_none() && !app.quit, "{close}");
    }
}

#[test]
fn an_event_quoting_nothing_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.json");
    std::fs::write(
        &path,
        r#"{"dateline": 1,
            "sources": [{"id": "s", "outlet": "O", "title": "T", "published": "2025-01-02", "text": ""}],
            "events": [{"id": "e", "title": "Bare", "date": "2025-01-01"},
                       {"id": "f", "title": "Dated from it", "date": "2025-01-02",
                        "derivation": {"phrase": "today", "anchor": {"source": "s"}, "rule": "same-day"}}]}"#,
    )
    .unwrap();
    let t = dateline::load::load_path(&path).unwrap();
    let mut app = App::new(Arc::new(t));
    app.update(Action::Resize(80, 24));
    keys(&mut app, &["s"]);
    assert!(app.source.is_none());
    assert_eq!(app.message.as_deref(), Some("this event quotes no source"));
    keys(&mut app, &["j", "s"]);
    assert!(app.source.is_some(), "the anchor's source opens");
    let screen = rows(&app).join("\n");
    assert!(screen.contains("this source has no text"), "{screen}");
    assert!(screen.contains("no event quotes this source"), "{screen}");
}

#[test]
fn y_and_capital_y_copy_by_osc_52_and_say_so() {
    let mut app = app(80, 24);
    keys(&mut app, &[":", "macron-meeting", "Enter", "y"]);
    assert_eq!(app.outbox, [Effect::Copy("macron-meeting".into())]);
    let message = app.message.clone().unwrap();
    assert!(message.contains("copied \"macron-meeting\""), "{message}");
    assert!(message.contains("may be refused"), "{message}");
    assert!(message.contains("set-clipboard on"), "{message}");
    app.outbox.clear();
    keys(&mut app, &["Y"]);
    let [Effect::Copy(citation)] = app.outbox.as_slice() else {
        panic!("{:?}", app.outbox)
    };
    assert!(
        citation.starts_with("Macron meets Rubio and Witkoff (Thu 17 Apr 2025). Unnamed outlet"),
        "{citation}"
    );
    assert!(citation.contains(": \""), "{citation}");
    // In the source view, the span's event.
    app.outbox.clear();
    keys(&mut app, &["s", "n", "y"]);
    let view = app.source.as_ref().unwrap();
    let span_event = view.spans[view.current.unwrap()].event;
    let id = app.timeline.event(span_event).id().to_string();
    assert_eq!(app.outbox, [Effect::Copy(id)]);
}

#[test]
fn q_closes_overlays_and_ctrl_c_quits() {
    let mut app = app(120, 40);
    for open in ["?", "s"] {
        keys(&mut app, &[open, "q"]);
        assert!(!app.quit && !app.help && app.source.is_none(), "{open}");
    }
    keys(&mut app, &["s", "C-c"]);
    assert!(app.quit);
    let mut app = self::app(120, 40);
    keys(&mut app, &["q"]);
    assert!(app.quit, "q quits outside overlays");
}

#[test]
fn going_to_a_date_without_events_names_the_nearest() {
    let mut app = app(120, 40);
    keys(&mut app, &[":", "2030", "Enter"]);
    let message = app.message.clone().unwrap();
    assert_eq!(
        message,
        "no event in 2030; nearest: 14–20 Apr 2025 rubio-witkoff-paris-trip"
    );
    // The nearest by the last day an event can fall on: 20 Apr 2025.
    assert_eq!(current_id(&app), "rubio-witkoff-paris-trip");
    // Vague dates ("before 16 Apr 2025") can fall in 2024; none is certainly in it.
    keys(&mut app, &[":", "2024", "Enter"]);
    assert_eq!(
        app.message.as_deref(),
        Some(
            "no event certainly in 2024; 7 can fall in it, the first: before 16 Apr 2025 saudi-arabia-rounds"
        )
    );
    keys(&mut app, &[":", "2025-04-17", "Enter"]);
    assert_eq!(app.message, None, "a date with events goes there silently");
    assert_eq!(current_id(&app), "paris-talks");
    keys(&mut app, &[":", "1990", "Enter"]);
    assert_eq!(
        app.message.as_deref(),
        Some(
            "no event certainly in 1990; 8 can fall in it, the first: before 16 Apr 2022 russia-launches-war"
        )
    );
    assert_eq!(current_id(&app), "russia-launches-war");
}

#[test]
fn the_actor_pane_aligns_its_dates() {
    let mut app = app(120, 40);
    keys(&mut app, &[":", "paris-talks", "Enter", "3", "z"]);
    let text = pane_text(&app, Pane::Actor);
    let starts: Vec<usize> = text
        .iter()
        .filter(|l| l.contains(" Apr 20"))
        .filter_map(|l| {
            // The title starts after the date and two spaces.
            let after_date = l.find("2025")? + 4;
            let rest = &l[after_date..];
            Some(l[..after_date].chars().count() + rest.chars().take_while(|&c| c == ' ').count())
        })
        .collect();
    assert!(starts.len() >= 5, "{text:#?}");
    assert!(
        starts.windows(2).all(|w| w[0] == w[1]),
        "{starts:?}\n{text:#?}"
    );
}

#[test]
fn the_margin_shows_a_link_and_a_hit_together() {
    let mut app = app(120, 40);
    keys(
        &mut app,
        &[":", "paris-talks", "Enter", "/", "Witkoff", "Enter"],
    );
    keys(&mut app, &[":", "paris-talks", "Enter"]);
    let chronology = pane_text(&app, Pane::Chronology);
    assert!(
        chronology.iter().any(|l| l.contains("↔*")),
        "{chronology:#?}"
    );
    let hit_only = |l: &String| l.chars().skip(1).take(2).collect::<String>() == " *";
    assert!(chronology.iter().any(hit_only), "{chronology:#?}");
}

#[test]
fn the_density_strip_counts_open_dates_and_marks_them_selected() {
    let mut app = app(120, 40);
    assert_eq!(app.density.open_start, 8);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let strip_row = 37;
    let strip: String = (0..120)
        .map(|x| buffer[(x, strip_row)].symbol().to_string())
        .collect();
    assert!(strip.starts_with("before: 8 │"), "{strip}");
    // The first event opens at the start: its mark is the selected one.
    assert!(buffer[(0, strip_row)].modifier.contains(Modifier::REVERSED));
    keys(&mut app, &[":", "paris-talks", "Enter"]);
    let terminal = draw(&app);
    assert!(
        !terminal.backend().buffer()[(0, strip_row)]
            .modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn esc_on_the_loading_screen_cancels() {
    let mut app = App::loading(dateline::load::Progress::default());
    keys(&mut app, &["j"]);
    assert!(!app.quit);
    keys(&mut app, &["Esc"]);
    assert!(app.quit && app.cancelled);
    let mut app = App::loading(dateline::load::Progress::default());
    keys(&mut app, &["C-c"]);
    assert!(
        app.quit && app.cancelled,
        "Ctrl-c while loading cancels too"
    );
    assert_eq!(
        dateline::tui::TuiError::Cancelled.to_string(),
        "loading cancelled"
    );
}

#[test]
fn enter_on_a_quote_reads_it_in_its_source() {
    let mut app = app(80, 24);
    keys(
        &mut app,
        &[":", "witkoff-putin-st-petersburg", "Enter", "4", "j", "j"],
    );
    assert_eq!(
        app.quote_cursor, 1,
        "two quotes: the cursor stops at the last"
    );
    keys(&mut app, &["Enter"]);
    let view = app.source.as_ref().expect("Enter opens the source view");
    let span = view.spans[view.current.unwrap()];
    assert_eq!((span.event, span.quote), (app.current().unwrap(), 1));
    let screen = rows(&app).join("\n");
    let second = app
        .timeline
        .event(app.current().unwrap())
        .quotes()
        .nth(1)
        .unwrap()
        .text();
    assert!(
        screen.contains(&second[..14]),
        "the span in focus is on screen: {screen}"
    );
    // Another event starts again from its first quote.
    keys(&mut app, &["Esc", "1", "j", "s"]);
    let view = app.source.as_ref().unwrap();
    assert_eq!(view.spans[view.current.unwrap()].quote, 0);
}

#[test]
fn the_wheel_scrolls_the_overlays() {
    let mut app = app(80, 24);
    let wheel = |down| Action::Scroll {
        column: 10,
        row: 10,
        down,
    };
    keys(&mut app, &["?"]);
    app.update(wheel(true));
    assert_eq!(app.help_scroll, 3);
    app.update(wheel(false));
    assert_eq!(app.help_scroll, 0);
    assert_eq!(app.selected, 0, "the chronology under the overlay stays");
    keys(&mut app, &["Esc", "s", "g"]);
    app.update(wheel(true));
    assert_eq!(app.source.as_ref().unwrap().scroll, 3);
}

#[test]
fn quoted_spans_from_the_index_match_every_quote() {
    // A generated timeline of many sources.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gen.jsonl");
    let mut bytes = Vec::new();
    dateline::synth::write(&mut bytes, 3000, 7).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let t = dateline::load::load_path(&path).unwrap();
    let mut expected = Vec::new();
    let mut found = Vec::new();
    for e in 0..t.len() as u32 {
        for (n, q) in t.event(e).quotes().enumerate() {
            expected.push((q.q.source, e, n, q.text().to_string()));
        }
    }
    for s in 0..t.source_count() as u32 {
        let source = t.source(s);
        for span in source.quoted_spans() {
            let text = source.text()[span.start..span.end].to_string();
            found.push((s, span.event, span.quote, text));
        }
    }
    expected.sort();
    found.sort();
    assert!(expected.len() > 3000);
    assert_eq!(found, expected);
}
