//! Topics and places as values to filter by: the topic table, and the
//! distinct place names (places are not interned, so they are gathered).

use super::timeline::{EventIx, Timeline};
use crate::fold::fold;

impl Timeline {
    /// How many distinct topics the timeline has.
    pub fn topic_count(&self) -> usize {
        self.p.topics.len()
    }

    /// The topic numbered `ix`.
    pub fn topic_name(&self, ix: u32) -> &str {
        self.p.topics.key(ix)
    }

    /// A topic by name: exactly, then in any case, then folded ("peace-talks"
    /// finds "peace talks").
    pub fn find_topic(&self, name: &str) -> Option<u32> {
        let name = name.trim();
        if let Some(ix) = self.p.topics.get(&self.p.hasher, name) {
            return Some(ix);
        }
        let folded = fold(name);
        (0..self.topic_count() as u32).find(|&t| fold(self.topic_name(t)) == folded)
    }

    /// Every distinct place name (as first written, grouping names that
    /// fold alike) with its events' count, most events first.
    pub fn places(&self) -> Vec<(String, usize)> {
        let mut seen: hashbrown::HashMap<String, (String, usize, EventIx)> =
            hashbrown::HashMap::new();
        for e in 0..self.len() as EventIx {
            let place = self.event(e).place();
            if place.is_empty() {
                continue;
            }
            let entry = seen
                .entry(fold(place))
                .or_insert_with(|| (place.to_string(), 0, e));
            entry.1 += 1;
        }
        let mut places: Vec<(String, usize)> =
            seen.into_values().map(|(name, n, _)| (name, n)).collect();
        places.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        places
    }

    /// A place name as the timeline writes it, found in any case, with
    /// accents, spaces and hyphens left out.
    pub fn find_place(&self, name: &str) -> Option<String> {
        let folded = fold(name);
        if folded.is_empty() {
            return None;
        }
        (0..self.len() as EventIx)
            .map(|e| self.event(e).place())
            .find(|p| !p.is_empty() && fold(p) == folded)
            .map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use crate::load::load_builtin;

    #[test]
    fn topics_and_places_of_the_builtin_timeline() {
        let t = load_builtin().unwrap();
        let peace = t.find_topic("Peace-Talks").expect("peace talks is a topic");
        assert_eq!(t.topic_name(peace), "peace talks");
        assert!(t.find_topic("no such topic").is_none());
        let places = t.places();
        assert!(places.iter().any(|(p, _)| p == "Paris"), "{places:?}");
        assert_eq!(t.find_place("paris").as_deref(), Some("Paris"));
        assert!(t.find_place("").is_none());
    }
}
