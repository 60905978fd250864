//! The tests of reading Parquet slices: layouts and statuses.

use super::add_row::parse_status;
use super::layout::{Layout, N_DATE, N_ID, N_TITLE, N_TOPICS, choose_layout};
use crate::model::Status;

#[test]
fn layouts_are_told_apart_by_their_column_names() {
    let (layout, slots) = choose_layout(&["SQLDATE", "x", "GLOBALEVENTID"]).unwrap();
    assert!(layout == Layout::Gdelt);
    assert_eq!(slots, vec![(2, 0), (0, 1)]);
    let (layout, slots) = choose_layout(&["Date", "title", "id", "topics"]).unwrap();
    assert!(layout == Layout::Native);
    assert_eq!(
        slots,
        vec![(2, N_ID), (1, N_TITLE), (0, N_DATE), (3, N_TOPICS)]
    );
    assert!(choose_layout(&["id", "title"]).is_none());
    assert!(choose_layout(&["GLOBALEVENTID"]).is_none());
}

#[test]
fn statuses_are_read_in_any_case() {
    assert_eq!(parse_status(" Scheduled"), Some(Status::Scheduled));
    assert_eq!(parse_status("canceled"), Some(Status::Cancelled));
    assert_eq!(parse_status("maybe"), None);
}
