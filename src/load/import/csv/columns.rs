//! Which column of a spreadsheet holds which field: found by common
//! header names, or named by `--map field=Column`.

use crate::load::import::cells;

/// The fields a column can fill, each with the header names (reduced by
/// [`cells::header_key`]) that name it.
#[rustfmt::skip]
pub(super) const FIELDS: [(&str, &[&str]); 13] = [
    (
        "id",
        &[
            "id",
            "uid",
            "uniqueid",
            "eventid",
            "identifier",
            "key",
            "ref",
        ],
    ),
    (
        "date",
        &[
            "date",
            "when",
            "day",
            "eventdate",
            "dateofevent",
            "datetime",
        ],
    ),
    (
        "start",
        &[
            "start",
            "startdate",
            "begin",
            "begindate",
            "from",
            "datefrom",
            "datestart",
            "starts",
        ],
    ),
    (
        "end",
        &[
            "end", "enddate", "until", "dateto", "dateend", "finish", "ends",
        ],
    ),
    (
        "title",
        &[
            "title",
            "headline",
            "name",
            "event",
            "eventname",
            "eventtitle",
            "subject",
            "heading",
        ],
    ),
    (
        "summary",
        &[
            "summary",
            "description",
            "text",
            "details",
            "notes",
            "body",
            "content",
            "abstract",
        ],
    ),
    (
        "actors",
        &[
            "actors",
            "actor",
            "people",
            "persons",
            "who",
            "participants",
            "parties",
            "organisations",
            "organizations",
        ],
    ),
    (
        "countries",
        &[
            "countries",
            "country",
            "nation",
            "nations",
            "countrycode",
            "countrycodes",
            "iso",
        ],
    ),
    (
        "place",
        &[
            "place", "location", "city", "where", "venue", "locality", "site",
        ],
    ),
    (
        "url",
        &[
            "url",
            "urls",
            "link",
            "links",
            "sourceurl",
            "href",
            "website",
        ],
    ),
    (
        "source",
        &[
            "source",
            "sources",
            "outlet",
            "publisher",
            "sourcename",
            "media",
            "publication",
        ],
    ),
    (
        "topics",
        &[
            "topics",
            "topic",
            "tags",
            "tag",
            "category",
            "categories",
            "group",
            "theme",
            "themes",
            "keywords",
        ],
    ),
    ("status", &["status"]),
];

pub(super) const ID: usize = 0;
pub(super) const DATE: usize = 1;
pub(super) const START: usize = 2;
pub(super) const END: usize = 3;
pub(super) const TITLE: usize = 4;
pub(super) const SUMMARY: usize = 5;
pub(super) const ACTORS: usize = 6;
pub(super) const COUNTRIES: usize = 7;
pub(super) const PLACE: usize = 8;
pub(super) const URL: usize = 9;
pub(super) const SOURCE: usize = 10;
pub(super) const TOPICS: usize = 11;
pub(super) const STATUS: usize = 12;

/// Which column fills each field, and the header's names for messages.
pub(super) struct Columns {
    pub at: [Option<usize>; FIELDS.len()],
    pub names: Vec<String>,
}

impl Columns {
    pub(super) fn of(
        header: &::csv::StringRecord,
        map: &[(String, String)],
        delimiter: u8,
    ) -> Result<Columns, String> {
        let names: Vec<String> = header.iter().map(|n| n.trim().to_string()).collect();
        let listed = || {
            let sep = match delimiter {
                b'\t' => "TAB",
                b';' => "semicolon",
                _ => "comma",
            };
            format!("columns ({sep}-separated): {}", names.join(", "))
        };
        let mut at = [None; FIELDS.len()];
        for (field, column) in map {
            let key = cells::header_key(field);
            let Some(f) = FIELDS
                .iter()
                .position(|(name, synonyms)| *name == key || synonyms.contains(&key.as_str()))
            else {
                let known: Vec<&str> = FIELDS.iter().map(|(n, _)| *n).collect();
                return Err(format!(
                    "--map names an unknown field '{}' (fields: {})",
                    crate::sanitize::line(field),
                    known.join(", ")
                ));
            };
            let wanted = cells::header_key(column);
            let Some(c) = names
                .iter()
                .position(|n| n == column || cells::header_key(n) == wanted)
            else {
                return Err(format!(
                    "--map {}={}: no such column; {}",
                    FIELDS[f].0,
                    crate::sanitize::line(column),
                    listed()
                ));
            };
            at[f] = Some(c);
        }
        for (c, name) in names.iter().enumerate() {
            if at.contains(&Some(c)) {
                continue;
            }
            let key = cells::header_key(name);
            if let Some(f) = FIELDS
                .iter()
                .position(|(_, syn)| syn.contains(&key.as_str()))
                && at[f].is_none()
            {
                at[f] = Some(c);
            }
        }
        if at[DATE].is_none() && at[START].is_none() && at[END].is_none() {
            let looked: Vec<&str> = FIELDS[DATE]
                .1
                .iter()
                .chain(FIELDS[START].1)
                .copied()
                .collect();
            return Err(format!(
                "has no date column: looked for a column named {} (in any case, spaces and \
                 underscores ignored); {}; name one with --map date=COLUMN. Dates are read as {}",
                looked.join(", "),
                listed(),
                cells::DATE_FORMS
            ));
        }
        if at[TITLE].is_none() && at[SUMMARY].is_none() {
            let looked: Vec<&str> = FIELDS[TITLE]
                .1
                .iter()
                .chain(FIELDS[SUMMARY].1)
                .copied()
                .collect();
            return Err(format!(
                "has no title column: looked for a column named {}; {}; name one with \
                 --map title=COLUMN",
                looked.join(", "),
                listed()
            ));
        }
        Ok(Columns { at, names })
    }

    pub(super) fn name(&self, field: usize) -> &str {
        self.at[field]
            .and_then(|c| self.names.get(c))
            .map_or("", String::as_str)
    }
}
