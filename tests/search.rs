//! Text search scans the text store; it must find exactly what checking each
//! event's title, summary, quotes and actor names one by one finds.

use dateline::load::{Format, load_builtin, load_bytes};
use dateline::model::Timeline;
use dateline::query::{self, Filter};
use dateline::search::Needle;

fn brute_force(t: &Timeline, query: &str) -> Vec<u32> {
    let n = Needle::new(query);
    (0..t.len() as u32)
        .filter(|&ix| {
            let e = t.event(ix);
            n.is_in(e.title())
                || n.is_in(e.summary())
                || e.quotes().any(|q| n.is_in(q.text()))
                || e.actors().iter().any(|a| {
                    let actor = t.actor(a.actor);
                    n.is_in(actor.name()) || actor.aliases().any(|al| n.is_in(al))
                })
        })
        .collect()
}

fn check(t: &Timeline, queries: &[&str]) {
    for q in queries {
        let filter = Filter {
            search: Some(q.to_string()),
            ..Filter::default()
        };
        assert_eq!(query::apply(t, &filter), brute_force(t, q), "query {q:?}");
    }
}

#[test]
fn scanning_the_store_agrees_with_checking_each_event() {
    let mut bytes = Vec::new();
    dateline::synth::write(&mut bytes, 3000, 5).unwrap();
    let t = load_bytes("gen.jsonl", &bytes, Format::Lines, &|_| Err(String::new())).unwrap();
    check(
        &t,
        &[
            "kraków",
            "KRAKÓW",
            "said",
            "zz",
            "Talks on",
            "é",
            "ès co",
            "the talks were",
            "Доха",
            "weighed next steps, said",
            "e",
            "”",
            // Casing that changes byte lengths: scanned by an ASCII run,
            // or (nothing ASCII) checked event by event.
            "İstanbul",
            "n İSTANB",
            "straße",
            "ß",
        ],
    );
}

#[test]
fn seed_searches_agree_including_quotes_that_overlap() {
    let t = load_builtin().unwrap();
    check(
        &t,
        &[
            "ceasefire",
            "Witkoff",
            "last Friday",
            "Mr Rubio also",
            "region”",
            "St Petersburg",
            "İstanbul",
            "talks",
            "the",
        ],
    );
}
