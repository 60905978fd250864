//! Property tests: the loader never panics on arbitrary bytes or on
//! well-formed but wrong documents, and random key sequences (with resizes
//! from 0x0 to 300x100) keep the app consistent and drawable.

use dateline::app::{Action, App, Pane};
use dateline::load::{Format, load_bytes};
use dateline::query;
use dateline::ui::{Theme, render};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;

fn no_files(_: &str) -> Result<Vec<u8>, String> {
    Err("no files in this test".into())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = load_bytes("x.json", &bytes, Format::Document, &no_files);
        let _ = load_bytes("x.jsonl", &bytes, Format::Lines, &no_files);
    }

    #[test]
    fn wrong_documents_load_or_fail_cleanly(doc in document()) {
        match load_bytes("doc.json", doc.as_bytes(), Format::Document, &no_files) {
            Ok(t) => {
                // Loaded: chronological, links resolve both ways.
                let earliest = t.earliest_days();
                prop_assert!(earliest.windows(2).all(|w| w[0] <= w[1]));
                for ix in 0..t.len() as u32 {
                    for l in t.event(ix).links() {
                        prop_assert!(t.event(l.other).backlinks().iter().any(|b| b.other == ix));
                    }
                }
            }
            Err(e) => prop_assert!(e.to_string().contains("doc.json")),
        }
    }
}

/// JSON documents with random ids, dates, links and actors: some valid, many not.
fn document() -> impl Strategy<Value = String> {
    let date = prop_oneof![
        Just("2025-04-17".to_string()),
        Just("2025-02-30".to_string()),
        Just("0000".to_string()),
        Just("../2025-03".to_string()),
        Just("2025-04-20/2025-04-17".to_string()),
        (1990i32..2030, 1u32..13).prop_map(|(y, m)| format!("{y}-{m:02}")),
        "[0-9/.~?-]{0,12}",
    ];
    let event = (
        0u8..6,
        date,
        proptest::collection::vec((0u8..7, 0usize..7), 0..3),
        proptest::collection::vec(0u8..3, 0..2),
    );
    proptest::collection::vec(event, 0..6).prop_map(|events| {
        let kinds = ["follows", "precedes", "causes", "responds-to", "part-of", "same-as", "related"];
        let body: Vec<String> = events
            .into_iter()
            .map(|(id, date, links, actors)| {
                let links: Vec<String> = links.iter().map(|(to, k)| format!(r#"{{"to": "e{to}", "kind": "{}"}}"#, kinds[*k])).collect();
                let actors: Vec<String> = actors.iter().map(|a| format!(r#"{{"id": "a{a}"}}"#)).collect();
                format!(
                    r#"{{"id": "e{id}", "title": "Event {id}", "date": {}, "links": [{}], "actors": [{}]}}"#,
                    serde_json::to_string(&date).unwrap(),
                    links.join(","),
                    actors.join(",")
                )
            })
            .collect();
        format!(
            r#"{{"actors": [{{"id": "a0", "name": "A", "kind": "person"}}, {{"id": "a1", "name": "B", "kind": "group"}}], "events": [{}]}}"#,
            body.join(",")
        )
    })
}

/// Random timelines: 0, 1 or many events, link cycles, events without actors,
/// quotes or places.
fn timeline() -> impl Strategy<Value = Arc<dateline::model::Timeline>> {
    (0usize..40, any::<u64>()).prop_map(|(n, seed)| {
        let mut doc = String::from(r#"{"actors": [{"id": "a", "name": "Ann", "kind": "person", "country": "FR"}, {"id": "b", "name": "Bo", "kind": "group"}], "events": ["#);
        for i in 0..n {
            let r = seed.rotate_left(i as u32 * 7) ^ i as u64;
            let date = match r % 5 {
                0 => format!("2025-{:02}-{:02}", 1 + r % 12, 1 + r % 28),
                1 => format!("20{:02}", 10 + r % 15),
                2 => "../2024-06".to_string(),
                3 => "2024-01/..".to_string(),
                _ => format!("2025-{:02}", 1 + r % 12),
            };
            let actors = match r % 3 { 0 => "", 1 => r#"{"id": "a"}"#, _ => r#"{"id": "a"}, {"id": "b"}"# };
            let link = if n > 1 { format!(r#"{{"to": "e{}", "kind": "related"}}"#, (i + 1 + (r as usize % (n - 1))) % n) } else { String::new() };
            let place = if r.is_multiple_of(2) { r#", "place": {"name": "Paris", "country": "FR"}"# } else { "" };
            if i > 0 {
                doc.push(',');
            }
            doc.push_str(&format!(r#"{{"id": "e{i}", "title": "Event {i} talks", "date": "{date}", "actors": [{actors}], "links": [{link}]{place}}}"#));
        }
        doc.push_str("]}");
        Arc::new(load_bytes("t.json", doc.as_bytes(), Format::Document, &no_files).unwrap_or_else(|e| panic!("{e}")))
    })
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Up),
        Just(Action::Down),
        Just(Action::Top),
        Just(Action::Bottom),
        Just(Action::PageUp),
        Just(Action::PageDown),
        Just(Action::FocusNext),
        Just(Action::FocusPrev),
        Just(Action::Focus(Pane::Event)),
        Just(Action::Focus(Pane::Actor)),
        Just(Action::Activate),
        Just(Action::Back),
        Just(Action::Forward),
        Just(Action::OpenActorPicker),
        Just(Action::OpenCountryPicker),
        Just(Action::ClearFilters),
        Just(Action::StartSearch),
        Just(Action::NextHit),
        Just(Action::PrevHit),
        Just(Action::StartGoto),
        Just(Action::StartDates),
        Just(Action::ToggleHelp),
        Just(Action::Zoom),
        Just(Action::OpenSource),
        Just(Action::CopyId),
        Just(Action::CopyCitation),
        Just(Action::Focus(Pane::Quotes)),
        Just(Action::Escape),
        Just(Action::Toggle),
        Just(Action::Submit),
        Just(Action::Backspace),
        prop_oneof![
            Just('a'),
            Just('e'),
            Just('1'),
            Just('2'),
            Just('-'),
            Just('.'),
            Just('0'),
            Just('t')
        ]
        .prop_map(Action::Input),
        (0u16..=300, 0u16..=100).prop_map(|(w, h)| Action::Resize(w, h)),
        (0u16..200, 0u16..60, any::<bool>()).prop_map(|(column, row, down)| Action::Scroll {
            column,
            row,
            down
        }),
        (0u16..200, 0u16..60).prop_map(|(column, row)| Action::Click { column, row }),
        (any::<bool>(), 0usize..50).prop_map(|(event, index)| Action::SelectItem {
            pane: if event { Pane::Event } else { Pane::Actor },
            index
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_key_sequences_keep_the_app_consistent(t in timeline(), actions in proptest::collection::vec(action(), 1..60)) {
        let mut app = App::new(t);
        for action in actions {
            app.update(action);
            if app.quit {
                break;
            }
            // The selection lies inside the filtered list.
            prop_assert!(app.visible.is_empty() || app.selected < app.visible.len());
            // The filtered list equals the filter applied to the data, event by event.
            let expected: Vec<u32> = (0..app.timeline.len() as u32).filter(|&e| query::matches(&app.timeline, &app.filter, e)).collect();
            prop_assert_eq!(&app.visible, &expected);
            // History names real events only.
            prop_assert!(app.history.places().all(|p| (p.event as usize) < app.timeline.len()));
            // An open source view scrolls within its text and points at a span.
            if let Some(view) = &app.source {
                prop_assert!(view.scroll <= view.max_scroll());
                prop_assert!(view.current.is_none_or(|c| c < view.spans.len()));
            }
            // The frame renders at the current size.
            let (w, h) = app.size;
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| render(&app, f, &Theme { color: true })).unwrap();
        }
    }
}
