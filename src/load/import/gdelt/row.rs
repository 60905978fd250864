//! One row of a GDELT Events export made into an event: its actors, place,
//! topics from the CAMEO codebook, title and summary, source and the
//! origin of its date.

use super::actors::Actors;
use super::*;
use crate::load::builder::{Builder, FileIx};
use crate::load::import::rows::declare_textless_source;
use crate::load::import::tables;
use crate::load::native::schema::{ActorRoleRecord, EventRecord, Item, PlaceRecord};
use crate::model::Status;
use crate::model::date::{DateValue, Point};
use chrono::NaiveDate;
use std::borrow::Cow;

/// Adds one event row given as its 61 fields by codebook position (from a
/// TAB-separated line or a Parquet row); returns its place among its
/// article's rows, for [`link_articles`].
pub(crate) fn add_row(
    builder: &mut Builder,
    file: FileIx,
    line_no: usize,
    f: &[&str; EVENT_COLUMNS],
    known: &mut Actors,
) -> Result<Option<ArticleRow>, String> {
    let number: u64 = f[ID]
        .parse()
        .map_err(|_| format!("GLOBALEVENTID '{}' is not a number", f[ID]))?;
    let day = compact_date(f[SQLDATE]).ok_or_else(|| {
        format!(
            "SQLDATE '{}' is not a real YYYYMMDD date",
            crate::sanitize::line(f[SQLDATE])
        )
    })?;
    let reported = compact_timestamp(f[DATEADDED]);
    let url = f[SOURCEURL].trim();

    let mut seen = [None; 2];
    for (at, block) in [ACTOR1, ACTOR2].into_iter().enumerate() {
        seen[at] = known.of_block(builder, file, &f[block..block + 10]);
    }
    let mut actors = Vec::with_capacity(2);
    let mut countries: Vec<Item<'_>> = Vec::with_capacity(3);
    for (actor, role) in seen.iter().zip(["source", "target"]) {
        let Some(actor) = actor.map(|i| known.get(i)) else {
            continue;
        };
        if let Some(c) = actor.country
            && !countries.iter().any(|x| &*x.0 == c)
        {
            countries.push(Item(Cow::Borrowed(c)));
        }
        actors.push(ActorRoleRecord {
            id: Cow::Borrowed(&actor.id),
            role: Some(Cow::Borrowed(role)),
        });
    }
    let name = |at: usize| seen[at].map(|i| known.get(i).name.as_str());
    let (actor1, actor2) = (name(0), name(1));

    let place =
        (f[ACTION_GEO_TYPE] != "0" && !f[ACTION_GEO_NAME].is_empty()).then(|| PlaceRecord {
            name: Some(Cow::Borrowed(f[ACTION_GEO_NAME])),
            country: tables::iso_of_fips(f[ACTION_GEO_COUNTRY]).map(Cow::Borrowed),
        });

    let code = f[EVENT_CODE];
    let label = tables::cameo_event(code);
    let mut topics: Vec<Item<'_>> = Vec::with_capacity(2);
    if let Some(label) = label {
        topics.push(Item(Cow::Borrowed(label)));
    }
    if let Some(root) = tables::cameo_event(f[ROOT_CODE])
        && Some(root) != label
    {
        topics.push(Item(Cow::Borrowed(root)));
    }
    // Built with push_str: format! costs a tenth of a large import's time.
    let mut title = String::with_capacity(96);
    match label {
        Some(label) => title.push_str(label),
        None => concat_into(&mut title, &["CAMEO event ", code]),
    }
    match (actor1, actor2) {
        (Some(one), Some(two)) => concat_into(&mut title, &[": ", one, " → ", two]),
        (Some(one), None) => concat_into(&mut title, &[": ", one]),
        (None, Some(two)) => concat_into(&mut title, &[": → ", two]),
        (None, None) => {}
    }
    let summary = summary(f, code);

    let mut sources = Vec::new();
    if !url.is_empty() {
        let published = reported.as_ref().map(|&(d, _)| d);
        declare_url_source(builder, file, url, None, published);
        sources.push(Item(Cow::Borrowed(url)));
    }

    let origin = match reported {
        Some((added, digits)) => {
            let mut origin = String::with_capacity(128);
            let d = |r: std::ops::Range<usize>| &digits[r];
            #[rustfmt::skip]
            concat_into(&mut origin, &[
                "coded by GDELT; reported ", d(0..4), "-", d(4..6), "-", d(6..8), " ",
                d(8..10), ":", d(10..12),
            ]);
            let before = (added - day).num_days();
            if before != 0 {
                concat_into(
                    &mut origin,
                    &[
                        " (",
                        &before.to_string(),
                        " days after this date: GDELT's coder resolved a relative phrase)",
                    ],
                );
            }
            origin
        }
        None => "coded by GDELT".to_string(),
    };
    let id = event_id(f[ID], number);
    let record = EventRecord {
        id: Cow::Borrowed(&id),
        title: Cow::Owned(title),
        summary: Some(Cow::Owned(summary)),
        // A calendar day already: passed as such, not written out and
        // parsed again (4% of an import).
        date: Cow::Borrowed(""),
        date_value: Some(DateValue::single(Point::from_naive(day))),
        derivation: None,
        date_origin: Some(Cow::Owned(origin)),
        status: Status::Occurred,
        place,
        actors,
        countries,
        topics,
        sources,
        quotes: Vec::new(),
        links: Vec::new(),
    };
    if !builder.add_event(record, file, Some(line_no)) || url.is_empty() {
        return Ok(None);
    }
    // A fixed hash, so the parts read on other threads agree.
    let article = twox_hash::XxHash3_64::oneshot(url.as_bytes());
    Ok(Some(ArticleRow {
        article,
        day: crate::model::date::day_number(day),
        number,
        event_ref: builder.last_event_ref(),
    }))
}

/// The figures a row carries that no field of an event holds.
fn summary(f: &[&str; EVENT_COLUMNS], code: &str) -> String {
    let mut out = String::with_capacity(160);
    concat_into(&mut out, &["CAMEO ", code]);
    if let Some(root) = tables::cameo_event(f[ROOT_CODE]) {
        concat_into(&mut out, &[" (root ", f[ROOT_CODE], ": ", root, ")"]);
    }
    for (label, column) in [
        ("; Goldstein scale ", GOLDSTEIN),
        ("; mentions ", NUM_MENTIONS),
        ("; sources ", NUM_SOURCES),
        ("; articles ", NUM_ARTICLES),
        ("; average tone ", AVG_TONE),
    ] {
        if !f[column].is_empty() {
            concat_into(&mut out, &[label, f[column]]);
        }
    }
    out.push('.');
    out
}

fn concat_into(out: &mut String, parts: &[&str]) {
    for p in parts {
        out.push_str(p);
    }
}

/// `20250807` → 2025-08-07.
fn compact_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    NaiveDate::from_ymd_opt(number(0..4)? as i32, number(4..6)?, number(6..8)?)
}

/// Declares the source of an article or a mention by its URL, unless it
/// was declared already: no text, its outlet (the URL's host when none is
/// given) and its publication day.
pub(super) fn declare_url_source(
    builder: &mut Builder,
    file: FileIx,
    url: &str,
    outlet: Option<&str>,
    published: Option<NaiveDate>,
) {
    declare_textless_source(builder, file, url, Some(url), outlet, published);
}

/// `gdelt-<GLOBALEVENTID>`, from the field as written when it is the
/// number's plain digits.
pub(super) fn event_id(field: &str, number: u64) -> String {
    let plain =
        field.bytes().all(|b| b.is_ascii_digit()) && (field.len() == 1 || !field.starts_with('0'));
    if !plain {
        return format!("gdelt-{number}");
    }
    let mut id = String::with_capacity(6 + field.len());
    concat_into(&mut id, &["gdelt-", field]);
    id
}

/// `20250807220000` → (2025-08-07, and its digits trimmed).
pub(super) fn compact_timestamp(text: &str) -> Option<(NaiveDate, &str)> {
    let text = text.trim();
    if text.len() != 14 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((compact_date(&text[..8])?, text))
}
