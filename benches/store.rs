//! Benchmarks over generated timelines of 10k, 100k and 1M events:
//! loading, filters, text search, a full frame, and keystroke-to-frame.
//! Run with `cargo bench`; `DATELINE_BENCH_SIZES=10000,100000` picks sizes.

use dateline::app::{Action, App};
use dateline::load::{Format, load_bytes, load_path};
use dateline::model::{Timeline, country};
use dateline::query::{self, Filter};
use dateline::ui::{Theme, render};
use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

fn main() {
    divan::main();
}

fn sizes() -> Vec<usize> {
    std::env::var("DATELINE_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000, 1_000_000])
}

/// Generated files, written once per size under target/.
fn file(n: usize) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("gen-{n}.jsonl"));
    if !path.exists() {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        dateline::synth::write(&mut out, n, 1).unwrap();
    }
    path
}

/// Loaded timelines, shared between benchmarks.
fn timeline(n: usize) -> Arc<Timeline> {
    static LOADED: OnceLock<Mutex<HashMap<usize, Arc<Timeline>>>> = OnceLock::new();
    let map = LOADED.get_or_init(Default::default);
    let mut map = map.lock().unwrap();
    map.entry(n)
        .or_insert_with(|| Arc::new(load_path(&file(n)).unwrap()))
        .clone()
}

#[divan::bench(args = sizes(), sample_count = 3, sample_size = 1)]
fn load_file(bencher: Bencher, n: usize) {
    let path = file(n);
    bencher.bench(|| load_path(&path).unwrap().len());
}

/// A generated GDELT 2.0 Events export of `n` rows, written once.
fn gdelt_file(n: usize) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("gdelt-{n}.export.CSV"));
    if !path.exists() {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        dateline::synth::write_gdelt(&mut out, n, 1).unwrap();
    }
    path
}

/// Importing a raw GDELT export, against loading native JSON Lines of
/// the same size above.
#[divan::bench(args = sizes(), sample_count = 3, sample_size = 1)]
fn load_gdelt_export(bencher: Bencher, n: usize) {
    let path = gdelt_file(n);
    bencher.bench(|| load_path(&path).unwrap().len());
}

#[divan::bench(args = [1_000, 10_000])]
fn load_in_memory_one_thread(bencher: Bencher, n: usize) {
    let mut bytes = Vec::new();
    dateline::synth::write(&mut bytes, n, 1).unwrap();
    bencher.bench(|| {
        load_bytes("gen.jsonl", &bytes, Format::Lines, &|_| Err(String::new()))
            .unwrap()
            .len()
    });
}

/// The actor with the most events: the worst case for an actor filter.
fn busiest_actor(t: &Timeline) -> u32 {
    (0..t.actor_count() as u32)
        .max_by_key(|&a| t.events_of_actor(a).len())
        .unwrap_or(0)
}

#[divan::bench(args = sizes())]
fn filter_actor(bencher: Bencher, n: usize) {
    let t = timeline(n);
    let filter = Filter {
        actors: vec![busiest_actor(&t)],
        ..Filter::default()
    };
    bencher.bench(|| query::apply(&t, &filter).len());
}

#[divan::bench(args = sizes())]
fn filter_country(bencher: Bencher, n: usize) {
    let t = timeline(n);
    let filter = Filter {
        countries: vec![country::by_code("FR").unwrap()],
        ..Filter::default()
    };
    bencher.bench(|| query::apply(&t, &filter).len());
}

#[divan::bench(args = sizes())]
fn filter_date_range(bencher: Bencher, n: usize) {
    let t = timeline(n);
    let (from, to) = dateline::model::date::parse_user_range("2015").unwrap();
    let filter = Filter {
        from: Some(from),
        to: Some(to),
        ..Filter::default()
    };
    bencher.bench(|| query::apply(&t, &filter).len());
}

#[divan::bench(args = sizes())]
fn filter_actor_country_and_dates(bencher: Bencher, n: usize) {
    let t = timeline(n);
    let (from, to) = dateline::model::date::parse_user_range("2015").unwrap();
    let filter = Filter {
        actors: vec![busiest_actor(&t)],
        countries: vec![country::by_code("FR").unwrap()],
        from: Some(from),
        to: Some(to),
        ..Filter::default()
    };
    bencher.bench(|| query::apply(&t, &filter).len());
}

/// Searching the whole timeline for `text`.
fn search(bencher: Bencher, n: usize, text: &str) {
    let t = timeline(n);
    let filter = Filter {
        search: Some(text.to_string()),
        ..Filter::default()
    };
    bencher.bench(|| query::apply(&t, &filter).len());
}

#[divan::bench(args = sizes(), sample_count = 10)]
fn search_text(bencher: Bencher, n: usize) {
    search(bencher, n, "Kraków");
}

/// A needle whose casing changes byte lengths (İ lower-cases to two
/// characters).
#[divan::bench(args = sizes(), sample_count = 10)]
fn search_text_with_dotted_capital_i(bencher: Bencher, n: usize) {
    search(bencher, n, "İstanbul");
}

/// Two words in any order: each found by its own scan, or, when the first
/// leaves few events, checked on those alone.
#[divan::bench(args = sizes(), sample_count = 10)]
fn search_two_words(bencher: Bencher, n: usize) {
    search(bencher, n, "talks Kraków");
}

/// The first search of a timeline folds its accented strings once.
#[divan::bench(args = sizes(), sample_count = 3, sample_size = 1)]
fn search_first_on_a_fresh_timeline(bencher: Bencher, n: usize) {
    let bytes = std::fs::read(file(n)).unwrap();
    let filter = Filter {
        search: Some("Kraków".to_string()),
        ..Filter::default()
    };
    bencher
        .with_inputs(|| {
            dateline::load::load_bytes("gen.jsonl", &bytes, dateline::load::Format::Lines, &|_| {
                Err(String::new())
            })
            .unwrap()
        })
        .bench_values(|t| query::apply(&t, &filter).len());
}

#[divan::bench(args = sizes(), sample_count = 10)]
fn search_rare_text(bencher: Bencher, n: usize) {
    search(bencher, n, "no such words anywhere");
}

fn app(n: usize) -> App {
    let mut app = App::new(timeline(n));
    app.update(Action::Resize(200, 50));
    let middle = (app.visible.len() / 2) as u32;
    app.jump_to(middle);
    app
}

#[divan::bench(args = sizes())]
fn frame_200x50(bencher: Bencher, n: usize) {
    let app = app(n);
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let theme = Theme { color: true };
    bencher.bench_local(|| {
        terminal.draw(|f| render(&app, f, &theme)).unwrap();
    });
}

/// One keystroke's whole cost: update the state, then draw the frame.
fn keystroke(bencher: Bencher, n: usize, actions: &[Action]) {
    let mut app = app(n);
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let theme = Theme { color: true };
    let mut i = 0;
    bencher.bench_local(|| {
        app.update(actions[i % actions.len()].clone());
        i += 1;
        terminal.draw(|f| render(&app, f, &theme)).unwrap();
    });
}

#[divan::bench(args = sizes())]
fn key_move(bencher: Bencher, n: usize) {
    keystroke(bencher, n, &[Action::Down, Action::Down, Action::Up]);
}

#[divan::bench(args = sizes())]
fn key_link_jump_and_back(bencher: Bencher, n: usize) {
    keystroke(
        bencher,
        n,
        &[
            Action::Focus(dateline::app::Pane::Event),
            Action::PageDown,
            Action::Activate,
            Action::Back,
        ],
    );
}

/// Opening the actor picker (every actor with its count under the other
/// filters), typing a first letter (which folds every name for matching),
/// and closing it: the slowest step counts.
#[divan::bench(args = sizes(), sample_count = 30)]
fn key_actor_picker_open_type_close(bencher: Bencher, n: usize) {
    keystroke(
        bencher,
        n,
        &[Action::OpenActorPicker, Action::Input('s'), Action::Escape],
    );
}

#[divan::bench(args = sizes(), sample_count = 10)]
fn key_filter_toggle(bencher: Bencher, n: usize) {
    filter_toggle(bencher, n, None);
}

/// The same with a search active: its hits are intersected with the new
/// list, not searched for again.
#[divan::bench(args = sizes(), sample_count = 10)]
fn key_filter_toggle_with_search(bencher: Bencher, n: usize) {
    filter_toggle(bencher, n, Some("Kraków"));
}

fn filter_toggle(bencher: Bencher, n: usize, search: Option<&str>) {
    let t = timeline(n);
    let busiest = busiest_actor(&t);
    let mut app = app(n);
    if let Some(query) = search {
        app.update(Action::StartSearch);
        app.update(Action::Paste(query.into()));
        app.update(Action::Submit);
        assert!(app.search.is_some());
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let theme = Theme { color: true };
    let mut on = false;
    bencher.bench_local(|| {
        on = !on;
        app.filter.actors = if on { vec![busiest] } else { Vec::new() };
        let keep = app.current();
        app.refilter(keep);
        terminal.draw(|f| render(&app, f, &theme)).unwrap();
    });
}

/// Opening the source view (its quoted spans found among every event's
/// quotes, its text wrapped), moving to the next span, and closing it.
#[divan::bench(args = sizes(), sample_count = 30)]
fn key_source_view_open_next_close(bencher: Bencher, n: usize) {
    keystroke(
        bencher,
        n,
        &[Action::OpenSource, Action::NextHit, Action::Escape],
    );
}
