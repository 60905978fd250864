//! The seed timeline in data/: every quote is verbatim at its span in the
//! untouched source file, every reference resolves, and every relative date's
//! derivation reproduces its stored value.

use dateline::load::load_path;
use dateline::model::{DerivationAnchor, Timeline};
use std::path::Path;

fn seed() -> Timeline {
    load_path(Path::new("data")).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_source_file_is_the_article_unchanged() {
    let text = std::fs::read_to_string("data/sources/2025-04-16-rubio-witkoff-paris.txt").unwrap();
    assert!(text.starts_with(" date 2025-04-16 US Secretary of State Marco Rubio"));
    assert!(text.ends_with("More talks are expected on Saturday."));
}

#[test]
fn every_quote_is_verbatim_at_its_span() {
    let t = seed();
    let raw = std::fs::read_to_string("data/sources/2025-04-16-rubio-witkoff-paris.txt").unwrap();
    let chars: Vec<char> = raw.chars().collect();
    let mut quotes = 0;
    for ix in 0..t.len() as u32 {
        let e = t.event(ix);
        assert!(e.quotes().len() >= 1, "{} has no quote", e.id());
        for q in e.quotes() {
            let span: String = chars[q.q.char_start as usize..q.q.char_end as usize]
                .iter()
                .collect();
            assert_eq!(span, q.text(), "{}", e.id());
            quotes += 1;
        }
    }
    assert_eq!(quotes, t.quote_count());
}

#[test]
fn every_relative_date_reproduces_from_its_derivation() {
    let t = seed();
    for ix in 0..t.len() as u32 {
        let e = t.event(ix);
        let d = e
            .derivation()
            .unwrap_or_else(|| panic!("{} has no derivation", e.id()));
        let anchor = match d.anchor {
            DerivationAnchor::Source(s) => t.source(s).published().expect("the article has a date"),
            DerivationAnchor::Event(a) => t.event(a).earliest().unwrap(),
            DerivationAnchor::Day(day) => day,
        };
        let anchor = dateline::model::date::from_day_number(anchor).unwrap();
        assert_eq!(anchor.to_string(), "2025-04-16");
        assert_eq!(
            d.rule.apply(anchor).unwrap().shape,
            e.date().shape,
            "{}",
            e.id()
        );
        assert!(!t.str(d.phrase).is_empty());
    }
}

#[test]
fn every_reference_resolves_and_links_work_both_ways() {
    let t = seed();
    let mut forward = 0;
    for ix in 0..t.len() as u32 {
        let e = t.event(ix);
        for l in e.links() {
            forward += 1;
            assert!(
                t.event(l.other)
                    .backlinks()
                    .iter()
                    .any(|b| b.other == ix && b.kind == l.kind)
            );
        }
        for a in e.actors() {
            assert!(t.actor(a.actor).events().contains(&ix));
        }
    }
    assert_eq!(forward, t.link_count());
    for id in [
        "russia-launches-war",
        "saudi-arabia-rounds",
        "energy-strike-halt",
        "russia-daily-strikes",
        "russia-refuses-ceasefire",
        "russia-ceasefire-conditions",
        "witkoff-putin-st-petersburg",
        "witkoff-araghchi-talks",
        "iran-talks-next-round",
        "state-department-statement",
        "paris-talks",
        "macron-meeting",
        "barrot-talks",
        "meloni-white-house-visit",
        "vance-italy-visit",
        "tariffs-on-partners",
        "nato-greenland-rhetoric",
    ] {
        assert!(t.find_event(id).is_some(), "{id}");
    }
    // Every actor takes part in at least one event.
    for a in 0..t.actor_count() as u32 {
        assert!(!t.actor(a).events().is_empty(), "{}", t.actor(a).id());
    }
}
