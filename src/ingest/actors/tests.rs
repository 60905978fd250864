//! Names found in sentences and the actors they add up to.

use super::{Registry, mentions};
use crate::model::ActorKind;
use crate::model::country;

fn names(text: &str) -> Vec<(String, Option<String>)> {
    mentions(text)
        .into_iter()
        .map(|m| (m.name, m.title))
        .collect()
}

#[test]
fn people_with_their_titles() {
    assert_eq!(
        names("He met Prime Minister Giorgia Meloni in Rome."),
        [
            (
                "Giorgia Meloni".to_string(),
                Some("Prime Minister".to_string())
            ),
            ("Italy".to_string(), None)
        ]
    );
    let m = &mentions("French President Emmanuel Macron spoke.")[0];
    assert_eq!(
        (m.name.as_str(), m.country.map(country::code)),
        ("Emmanuel Macron", Some("FR"))
    );
}

#[test]
fn one_actor_for_every_form_of_a_name() {
    let mut r = Registry::default();
    let ids: Vec<String> = ["Mr Rubio said.", "Marco Rubio left.", "Rubio agreed."]
        .iter()
        .flat_map(|t| mentions(t))
        .filter_map(|m| r.add(&m, None))
        .collect();
    assert_eq!(ids, ["rubio", "rubio", "rubio"]);
    assert_eq!(r.actors.len(), 1);
    assert_eq!(r.actors[0].name, "Marco Rubio");
}

#[test]
fn title_words_inside_an_organisation_s_name() {
    let m = &mentions("The board of General Motors met.")[0];
    assert_eq!(
        (m.name.as_str(), m.kind),
        ("General Motors", ActorKind::Organisation)
    );
}

#[test]
fn countries_by_demonym_and_capital() {
    let kinds: Vec<ActorKind> = mentions("Moscow has refused, the French said.")
        .iter()
        .map(|m| m.kind)
        .collect();
    assert_eq!(kinds, [ActorKind::Country, ActorKind::Country]);
}
