//! A filter as the command line writes it (`--actor putin --topic
//! ceasefire --from 2025-03`), resolved against a timeline. The `list`
//! command and the browser take the same flags and give the same errors;
//! the browser's date prompt gives the same words for a bad range.

use super::Filter;
use crate::model::date::{Day, parse_user_range};
use crate::model::{ActorKind, Status, Timeline, country};
use crate::sanitize;

/// The filter flags, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterSpec {
    pub actors: Vec<String>,
    pub countries: Vec<String>,
    pub topics: Vec<String>,
    pub statuses: Vec<String>,
    pub places: Vec<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub within: bool,
    pub search: Option<String>,
}

/// A flag whose value matches nothing, or a bad date range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SpecError(pub String);

/// "; did you mean a, b or c?", or nothing.
pub fn did_you_mean(near: &[String]) -> String {
    match near {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        [rest @ .., last] => format!("; did you mean {} or {last}?", rest.join(", ")),
    }
}

/// A date range from its two ends, each a day, a month or a year (the
/// start's first day, the end's last); an end before the start is an error.
pub fn date_range(
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(Option<Day>, Option<Day>), SpecError> {
    let bound = |s: Option<&str>| -> Result<Option<(Day, Day)>, SpecError> {
        let Some(s) = s.map(str::trim).filter(|s| !s.is_empty()) else {
            return Ok(None);
        };
        parse_user_range(s).map(Some).map_err(|_| {
            SpecError(format!(
                "'{}' is not a day, month or year (2025-04-17, 2025-04, 2025)",
                sanitize::line(s)
            ))
        })
    };
    let first = bound(from)?.map(|(first, _)| first);
    let last = bound(to)?.map(|(_, last)| last);
    if let (Some(first), Some(last)) = (first, last)
        && last < first
    {
        return Err(SpecError(format!(
            "the range ends before it starts ({} is after {})",
            sanitize::line(from.unwrap_or_default().trim()),
            sanitize::line(to.unwrap_or_default().trim())
        )));
    }
    Ok((first, last))
}

/// A country by ISO code or name, or through a country actor's id, name or
/// alias ("Moscow" → RU).
pub fn resolve_country(t: &Timeline, name: &str) -> Vec<country::CountryIx> {
    if let Some(c) = country::find(name.trim()) {
        return vec![c];
    }
    let mut found: Vec<_> = t
        .find_actors(name)
        .into_iter()
        .filter(|&a| t.actor(a).kind() == ActorKind::Country)
        .filter_map(|a| t.actor(a).country())
        .collect();
    found.dedup();
    found
}

/// Up to five names of `all` that lie nearest to `name`, for a hint.
fn nearest<'a>(name: &str, all: impl Iterator<Item = &'a str>) -> Vec<String> {
    let folded = crate::fold::fold(name);
    let mut scored: Vec<(f64, &str)> = all
        .map(|v| (strsim::jaro_winkler(&folded, &crate::fold::fold(v)), v))
        .filter(|(score, _)| *score > 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored
        .into_iter()
        .take(5)
        .map(|(_, v)| v.to_string())
        .collect()
}

impl FilterSpec {
    pub fn is_empty(&self) -> bool {
        *self == FilterSpec::default()
    }

    /// The filter these flags ask for, or the first flag that matches nothing.
    pub fn resolve(&self, t: &Timeline) -> Result<Filter, SpecError> {
        let mut filter = Filter::default();
        for name in &self.actors {
            let found = t.find_actors(name);
            if found.is_empty() {
                let near: Vec<String> = t
                    .suggest_actors(name, 5)
                    .into_iter()
                    .map(|a| format!("{} ({})", t.actor(a).id(), t.actor(a).name()))
                    .collect();
                return Err(SpecError(format!(
                    "no actor matches '{}'{} (see `dateline actors`)",
                    sanitize::line(name),
                    did_you_mean(&near)
                )));
            }
            filter.actors.extend(found);
        }
        for name in &self.countries {
            let found = resolve_country(t, name);
            if found.is_empty() {
                let near: Vec<String> = t
                    .suggest_countries(name, 5)
                    .into_iter()
                    .map(|c| format!("{} ({})", country::code(c), country::name(c)))
                    .collect();
                return Err(SpecError(format!(
                    "no country matches '{}'{} (see `dateline countries`)",
                    sanitize::line(name),
                    did_you_mean(&near)
                )));
            }
            filter.countries.extend(found);
        }
        for name in &self.topics {
            match t.find_topic(name) {
                Some(k) => filter.topics.push(k),
                None => {
                    let topics = (0..t.topic_count() as u32).map(|k| t.topic_name(k));
                    return Err(SpecError(format!(
                        "no topic matches '{}'{}",
                        sanitize::line(name),
                        did_you_mean(&nearest(name, topics))
                    )));
                }
            }
        }
        for name in &self.statuses {
            match Status::parse(name) {
                Some(s) => filter.statuses.push(s),
                None => {
                    return Err(SpecError(format!(
                        "no status '{}' (occurred, scheduled, expected, ongoing or cancelled)",
                        sanitize::line(name)
                    )));
                }
            }
        }
        for name in &self.places {
            match t.find_place(name) {
                Some(p) => filter.places.push(p),
                None => {
                    let places = t.places();
                    return Err(SpecError(format!(
                        "no place matches '{}'{}",
                        sanitize::line(name),
                        did_you_mean(&nearest(name, places.iter().map(|(p, _)| p.as_str())))
                    )));
                }
            }
        }
        (filter.from, filter.to) = date_range(self.from.as_deref(), self.to.as_deref())?;
        filter.within = self.within;
        filter.search = self.search.clone().filter(|s| !s.trim().is_empty());
        Ok(filter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_builtin;

    #[test]
    fn resolves_every_kind_of_flag() {
        let t = load_builtin().unwrap();
        let spec = FilterSpec {
            topics: vec!["Peace Talks".into()],
            statuses: vec!["Scheduled".into()],
            places: vec!["paris".into()],
            ..FilterSpec::default()
        };
        let f = spec.resolve(&t).unwrap();
        assert_eq!(t.topic_name(f.topics[0]), "peace talks");
        assert_eq!(f.statuses, [Status::Scheduled]);
        assert_eq!(f.places, ["Paris"]);
    }

    #[test]
    fn unknown_values_name_the_nearest() {
        let t = load_builtin().unwrap();
        let spec = FilterSpec {
            topics: vec!["ceasfire".into()],
            ..FilterSpec::default()
        };
        let e = spec.resolve(&t).unwrap_err().0;
        assert_eq!(e, "no topic matches 'ceasfire'; did you mean ceasefire?");
        let spec = FilterSpec {
            statuses: vec!["done".into()],
            ..FilterSpec::default()
        };
        assert!(
            spec.resolve(&t)
                .unwrap_err()
                .0
                .contains("occurred, scheduled")
        );
    }

    #[test]
    fn a_reversed_range_is_an_error() {
        assert_eq!(
            date_range(Some("2025-05"), Some("2025-03")).unwrap_err().0,
            "the range ends before it starts (2025-05 is after 2025-03)"
        );
        assert!(date_range(Some("2025-03"), Some("2025-03")).is_ok());
        assert!(date_range(Some("2025-13"), None).is_err());
    }
}
