//! Text search scans the text store; it must find exactly what checking each
//! event's title, summary, place, quotes, actor names and topics one by one,
//! every word folded, finds.

use dateline::fold::fold_text;
use dateline::load::{Format, load_builtin, load_bytes};
use dateline::model::Timeline;
use dateline::query::{self, Filter};

/// Every word of the query (folded) in some field of the event (folded).
fn brute_force(t: &Timeline, query: &str) -> Vec<u32> {
    let folded = fold_text(query);
    let words: Vec<&str> = folded.split_whitespace().collect();
    (0..t.len() as u32)
        .filter(|&ix| {
            let e = t.event(ix);
            let mut fields: Vec<String> = vec![
                fold_text(e.title()),
                fold_text(e.summary()),
                fold_text(e.place()),
            ];
            fields.extend(e.quotes().map(|q| fold_text(q.text())));
            fields.extend(e.topics().map(fold_text));
            for a in e.actors() {
                let actor = t.actor(a.actor);
                fields.push(fold_text(actor.name()));
                fields.extend(actor.aliases().map(fold_text));
            }
            words.iter().all(|w| fields.iter().any(|f| f.contains(w)))
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
            // Several words, each anywhere.
            "krakow talks",
            "said weighed steps",
            "the e a",
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
            // Every word, in any order, across fields; accents aside.
            "Witkoff Putin",
            "putin witkoff petersburg",
            "peace talks",
            "Noël",
            "paris macron",
            "italy",
        ],
    );
}

#[test]
fn the_issue_examples_find_their_events() {
    let t = load_builtin().unwrap();
    let count = |q: &str| {
        let filter = Filter {
            search: Some(q.to_string()),
            ..Filter::default()
        };
        query::apply(&t, &filter).len()
    };
    assert!(count("Witkoff Putin") >= 1);
    assert!(count("peace talks") >= 4, "the topic counts");
    assert!(count("Noël") >= 1, "Jean-Noel Barrot, accents aside");
    assert_eq!(count("Noël"), count("noel"));
    assert_eq!(count("Witkoff Putin"), count("putin WITKOFF"));
    assert_eq!(count("no such words anywhere"), 0);
}
