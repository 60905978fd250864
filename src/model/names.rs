//! Finding actors and countries by what people call them: exactly (ignoring
//! case), then ignoring accents, spaces and hyphens too, and, when nothing
//! matches, the nearest names for a "did you mean".

use super::country::{self, CountryIx};
use super::{ActorIx, Timeline};
use crate::fold::fold;
use crate::search::eq_ignore_case;

impl Timeline {
    /// Actors whose id, name or an alias equals `text`, ignoring case; if
    /// none does, ignoring accents, spaces and hyphens too ("Jean-Noël
    /// Barrot" finds "Jean-Noel Barrot").
    pub fn find_actors(&self, text: &str) -> Vec<ActorIx> {
        let text = text.trim();
        let all = 0..self.actor_count() as ActorIx;
        let exact: Vec<ActorIx> = all
            .clone()
            .filter(|&a| self.actor_names(a).iter().any(|n| eq_ignore_case(n, text)))
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        let folded = fold(text);
        if folded.is_empty() {
            return exact;
        }
        all.filter(|&a| self.actor_names(a).iter().any(|n| fold(n) == folded))
            .collect()
    }

    /// Up to `max` actors whose id, name or alias comes nearest `text`,
    /// nearest first, busiest first among equals.
    pub fn suggest_actors(&self, text: &str, max: usize) -> Vec<ActorIx> {
        let candidates = (0..self.actor_count() as ActorIx).map(|a| (a, self.actor_names(a)));
        nearest(text, candidates, |a| self.events_of_actor(a).len(), max)
    }

    /// Up to `max` countries whose code or name comes nearest `text`.
    pub fn suggest_countries(&self, text: &str, max: usize) -> Vec<CountryIx> {
        let candidates = (0..country::all().len() as CountryIx)
            .map(|c| (c, vec![country::code(c), country::name(c)]));
        nearest(text, candidates, |c| self.events_of_country(c).len(), max)
    }

    /// Up to `max` event ids that hold `text` (any case), in reading order:
    /// what to offer when an id is not found.
    pub fn event_ids_holding(&self, text: &str, max: usize) -> Vec<&str> {
        let needle = crate::search::Needle::new(text.trim());
        if needle.is_empty() {
            return Vec::new();
        }
        (0..self.len() as super::EventIx)
            .map(|e| self.event(e).id())
            .filter(|id| needle.is_in(id))
            .take(max)
            .collect()
    }

    /// An actor's id, name and aliases.
    fn actor_names(&self, a: ActorIx) -> Vec<&str> {
        let actor = self.actor(a);
        let mut names = vec![actor.id(), actor.name()];
        names.extend(actor.aliases());
        names
    }
}

/// Up to `max` candidates with a name near `text`, nearest first and, among
/// equals, busiest first. Near: the folded name holds the folded text
/// ("barrot" in "Jean-Noel Barrot"), or is within a small edit distance of it
/// (a swap of two letters counts once).
fn nearest<'a, K: Copy>(
    text: &str,
    candidates: impl Iterator<Item = (K, Vec<&'a str>)>,
    busy: impl Fn(K) -> usize,
    max: usize,
) -> Vec<K> {
    let query = fold(text);
    if query.chars().count() < 2 {
        return Vec::new();
    }
    // One slip in four characters, and at least one.
    let allowed = (query.chars().count() / 4).max(1);
    let mut near: Vec<(K, usize)> = candidates
        .filter_map(|(key, names)| {
            names
                .iter()
                .map(|n| {
                    let name = fold(n);
                    if name.contains(&query) {
                        0
                    } else {
                        strsim::osa_distance(&query, &name)
                    }
                })
                .min()
                .filter(|&d| d <= allowed)
                .map(|d| (key, d))
        })
        .collect();
    near.sort_by_key(|&(key, distance)| (distance, std::cmp::Reverse(busy(key))));
    near.into_iter().take(max).map(|(key, _)| key).collect()
}

#[cfg(test)]
mod tests {
    use crate::load::load_builtin;

    #[test]
    fn finds_actors_exactly_then_folded() {
        let t = load_builtin().unwrap();
        let id = |a| t.actor(a).id().to_string();
        let ids = |v: Vec<_>| v.into_iter().map(id).collect::<Vec<_>>();
        assert_eq!(ids(t.find_actors("PUTIN")), ["putin"]);
        assert_eq!(ids(t.find_actors("Mr Rubio")), ["rubio"]);
        // The article writes "Jean-Noel"; the accent and hyphen may differ.
        assert_eq!(ids(t.find_actors("Jean-Noël Barrot")), ["barrot"]);
        assert_eq!(ids(t.find_actors("jean noel barrot")), ["barrot"]);
        assert!(t.find_actors("barot").is_empty());
        assert!(t.find_actors("").is_empty());
    }

    #[test]
    fn suggests_the_nearest_names() {
        let t = load_builtin().unwrap();
        let ids = |v: Vec<_>| {
            v.into_iter()
                .map(|a| t.actor(a).id().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(t.suggest_actors("barot", 5)), ["barrot"]);
        assert_eq!(ids(t.suggest_actors("witkof", 5)), ["witkoff"]);
        // A part of a name: everyone it is part of, busiest first.
        assert_eq!(
            ids(t.suggest_actors("macron", 5)),
            ["macron", "macron-office"]
        );
        assert!(t.suggest_actors("zzzzzz", 5).is_empty());
        let codes: Vec<_> = t
            .suggest_countries("Frnace", 3)
            .into_iter()
            .map(crate::model::country::code)
            .collect();
        assert_eq!(codes, ["FR"]);
    }
}
