//! The TimelineJS Google-Sheet template saved as CSV: columns Year, Month,
//! Day, Time, End Year, End Month, End Day, End Time, Display Date,
//! Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail,
//! Type (`title` or `era`), Group, Background — found by name, in any
//! order. Cells hold HTML with quoted commas, doubled quotes and line
//! breaks (RFC 4180), so the file is read by the `csv` crate.

use super::{Kind, Parts, Slide};
use crate::load::builder::Builder;
use std::io::BufRead;

/// Where each known column stands in the header.
#[derive(Default)]
struct Columns {
    year: Option<usize>,
    month: Option<usize>,
    day: Option<usize>,
    time: Option<usize>,
    end_year: Option<usize>,
    end_month: Option<usize>,
    end_day: Option<usize>,
    end_time: Option<usize>,
    display_date: Option<usize>,
    headline: Option<usize>,
    text: Option<usize>,
    media: Option<usize>,
    credit: Option<usize>,
    caption: Option<usize>,
    kind: Option<usize>,
    group: Option<usize>,
    unique_id: Option<usize>,
    edtf: Option<usize>,
}

impl Columns {
    fn find(header: &csv::StringRecord) -> Columns {
        let mut c = Columns::default();
        for (i, name) in header.iter().enumerate() {
            let name = name
                .trim()
                .trim_start_matches('\u{feff}')
                .to_ascii_lowercase();
            let slot = match name.as_str() {
                "year" => &mut c.year,
                "month" => &mut c.month,
                "day" => &mut c.day,
                "time" => &mut c.time,
                "end year" => &mut c.end_year,
                "end month" => &mut c.end_month,
                "end day" => &mut c.end_day,
                "end time" => &mut c.end_time,
                "display date" => &mut c.display_date,
                "headline" => &mut c.headline,
                "text" => &mut c.text,
                "media" => &mut c.media,
                "media credit" => &mut c.credit,
                "media caption" => &mut c.caption,
                "type" => &mut c.kind,
                "group" => &mut c.group,
                "unique id" | "unique_id" => &mut c.unique_id,
                "edtf" => &mut c.edtf,
                _ => continue,
            };
            slot.get_or_insert(i);
        }
        c
    }
}

/// The slides of a sheet, or `None` after saying why it cannot be read.
pub(super) fn slides(
    builder: &mut Builder,
    file: crate::load::FileIx,
    reader: &mut dyn BufRead,
) -> Option<Vec<Slide>> {
    // Read whole (sheets are small) so that each record's line can be
    // counted from its byte offset: the csv crate's own line count lags
    // by one after a CRLF.
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        builder.cannot_read(file, None, &e);
        return None;
    }
    let newlines: Vec<usize> = memchr::memchr_iter(b'\n', &bytes).collect();
    let line_at = |offset: u64| {
        let start = (offset as usize).min(bytes.len());
        let skip = bytes[start..]
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        1 + newlines.partition_point(|&n| n < start + skip)
    };
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(bytes.as_slice());
    let mut record = csv::ByteRecord::new();
    let mut columns = None;
    let mut slides = Vec::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(1, |p| line_at(p.byte()));
                builder.diagnose(file, Some((line, 1)), None, format!("cannot read: {e}"));
                break;
            }
        }
        let line = record.position().map(|p| line_at(p.byte()));
        let row = match csv::StringRecord::from_byte_record(record.clone()) {
            Ok(row) => row,
            Err(_) if columns.is_some() => {
                builder.count_row();
                builder.skip_row(file, line, "is not valid UTF-8".into());
                continue;
            }
            Err(_) => {
                builder.diagnose(
                    file,
                    line.map(|l| (l, 1)),
                    None,
                    "is not valid UTF-8".into(),
                );
                return None;
            }
        };
        let Some(c) = &columns else {
            let found = Columns::find(&row);
            if found.year.is_none() || found.headline.is_none() {
                let why = "is not a TimelineJS sheet: expected a header with Year and Headline \
                           columns (Year, Month, Day, ..., Headline, Text, Media, ..., Type, Group)";
                builder.diagnose(file, line.map(|l| (l, 1)), None, why.into());
                return None;
            }
            columns = Some(found);
            continue;
        };
        if row.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        slides.push(slide(c, &row, line));
    }
    Some(slides)
}

fn slide(c: &Columns, row: &csv::StringRecord, line: Option<usize>) -> Slide {
    let get = |col: Option<usize>| col.and_then(|i| row.get(i)).unwrap_or("").to_string();
    let group = get(c.group);
    Slide {
        line,
        kind: match get(c.kind).trim().to_ascii_lowercase().as_str() {
            "title" => Kind::Title,
            "era" => Kind::Era,
            _ => Kind::Event,
        },
        start: Parts {
            year: get(c.year),
            month: get(c.month),
            day: get(c.day),
            time: get(c.time),
        },
        end: Parts {
            year: get(c.end_year),
            month: get(c.end_month),
            day: get(c.end_day),
            time: get(c.end_time),
        },
        edtf: get(c.edtf),
        display_date: get(c.display_date),
        headline: get(c.headline),
        text: get(c.text),
        media: get(c.media),
        credit: get(c.credit),
        caption: get(c.caption),
        topics: if group.trim().is_empty() {
            Vec::new()
        } else {
            vec![group]
        },
        unique_id: get(c.unique_id),
    }
}
