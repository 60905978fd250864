//! Where each field of an ACLED row is: by header name in either layout,
//! or by position in the version-5 order.

use crate::load::import::cells;

/// The version-5 columns, in the order header-less files give them.
pub(super) const V5_COLUMNS: [&str; 25] = [
    "GWNO",
    "EVENT_ID_CNTY",
    "EVENT_ID_NO_CNTY",
    "EVENT_DATE",
    "YEAR",
    "TIME_PRECISION",
    "EVENT_TYPE",
    "ACTOR1",
    "ALLY_ACTOR_1",
    "INTER1",
    "ACTOR2",
    "ALLY_ACTOR_2",
    "INTER2",
    "INTERACTION",
    "COUNTRY",
    "ADMIN1",
    "ADMIN2",
    "ADMIN3",
    "LOCATION",
    "LATITUDE",
    "LONGITUDE",
    "GEO_PRECIS",
    "SOURCE",
    "NOTES",
    "FATALITIES",
];

/// Where each field is, found by header name in either layout.
#[derive(Debug, Default)]
pub(super) struct Columns {
    pub id: Option<usize>,
    pub date: Option<usize>,
    pub precision: Option<usize>,
    pub disorder: Option<usize>,
    pub event_type: Option<usize>,
    pub sub_event_type: Option<usize>,
    pub actor1: Option<usize>,
    pub assoc1: Option<usize>,
    pub inter1: Option<usize>,
    pub actor2: Option<usize>,
    pub assoc2: Option<usize>,
    pub inter2: Option<usize>,
    pub country: Option<usize>,
    pub admin1: Option<usize>,
    pub location: Option<usize>,
    pub source: Option<usize>,
    pub notes: Option<usize>,
    pub fatalities: Option<usize>,
    pub tags: Option<usize>,
}

impl Columns {
    pub(super) fn of<'h>(header: impl IntoIterator<Item = &'h str>) -> Columns {
        let mut c = Columns::default();
        for (i, name) in header.into_iter().enumerate() {
            let slot = match cells::header_key(name).as_str() {
                "eventidcnty" => &mut c.id,
                "eventdate" => &mut c.date,
                "timeprecision" => &mut c.precision,
                "disordertype" => &mut c.disorder,
                "eventtype" => &mut c.event_type,
                "subeventtype" => &mut c.sub_event_type,
                "actor1" => &mut c.actor1,
                "assocactor1" | "allyactor1" => &mut c.assoc1,
                "inter1" => &mut c.inter1,
                "actor2" => &mut c.actor2,
                "assocactor2" | "allyactor2" => &mut c.assoc2,
                "inter2" => &mut c.inter2,
                "country" => &mut c.country,
                "admin1" => &mut c.admin1,
                "location" => &mut c.location,
                "source" => &mut c.source,
                "notes" => &mut c.notes,
                "fatalities" => &mut c.fatalities,
                "tags" => &mut c.tags,
                _ => continue,
            };
            slot.get_or_insert(i);
        }
        c
    }
}
