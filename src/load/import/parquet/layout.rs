//! The two layouts a Parquet slice may have, dateline's own columns or
//! GDELT's, and how its column names tell which one it is.

use crate::load::import::gdelt;
use crate::load::import::tables::GDELT_EVENT_COLUMNS;

/// dateline's columns, as `dateline list --json` names them.
pub(super) const NATIVE_COLUMNS: [&str; 12] = [
    "id",
    "title",
    "summary",
    "date",
    "status",
    "actors",
    "countries",
    "place",
    "place_country",
    "topics",
    "date_origin",
    "sources",
];
pub(super) const N_ID: usize = 0;
pub(super) const N_TITLE: usize = 1;
pub(super) const N_SUMMARY: usize = 2;
pub(super) const N_DATE: usize = 3;
pub(super) const N_STATUS: usize = 4;
pub(super) const N_ACTORS: usize = 5;
pub(super) const N_COUNTRIES: usize = 6;
pub(super) const N_PLACE: usize = 7;
pub(super) const N_PLACE_COUNTRY: usize = 8;
pub(super) const N_TOPICS: usize = 9;
pub(super) const N_DATE_ORIGIN: usize = 10;
pub(super) const N_SOURCES: usize = 11;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    Native,
    Gdelt,
}

/// Which layout the column names are, and for each column read, its
/// position in the file and its slot in the layout.
pub(super) fn choose_layout(names: &[&str]) -> Option<(Layout, Vec<(usize, usize)>)> {
    let find = |name: &str| names.iter().position(|n| n.eq_ignore_ascii_case(name));
    if find("GLOBALEVENTID").is_some() && find("SQLDATE").is_some() {
        let slots = gdelt::USED_COLUMNS
            .iter()
            .filter_map(|&pos| find(GDELT_EVENT_COLUMNS[pos]).map(|i| (i, pos)))
            .collect();
        return Some((Layout::Gdelt, slots));
    }
    if [N_ID, N_TITLE, N_DATE]
        .iter()
        .all(|&slot| find(NATIVE_COLUMNS[slot]).is_some())
    {
        let slots = (0..NATIVE_COLUMNS.len())
            .filter_map(|slot| find(NATIVE_COLUMNS[slot]).map(|i| (i, slot)))
            .collect();
        return Some((Layout::Native, slots));
    }
    None
}
