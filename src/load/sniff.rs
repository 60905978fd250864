//! Finds a file's format from its first bytes; a file's extension is only a
//! hint (a JSON Lines timeline saved as `.json` still opens).

use crate::load::Format;
use crate::load::import::InputFormat;

/// How many bytes of a file are looked at.
pub(crate) const HEAD: usize = 64 * 1024;

/// What a file holds, as far as its head tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sniffed {
    Native(Format),
    Import(InputFormat),
    /// GDELT 2.0 Mentions rows: further sources of GDELT events.
    GdeltMentions,
}

/// Names the format of a file from its head, or says what it looks like.
pub(crate) fn sniff(head: &[u8]) -> Result<Sniffed, String> {
    if head.starts_with(b"PAR1") {
        return Ok(Sniffed::Import(InputFormat::Parquet));
    }
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        // Spreadsheets save "Unicode text" as UTF-16 with a byte order mark:
        // read as CSV; other formats are UTF-8 only.
        let first = utf16_first_char(head);
        if matches!(first, Some('{' | '[' | 'B')) {
            return Err("is UTF-16 text; dateline reads UTF-8 (save the file as UTF-8)".into());
        }
        return Ok(Sniffed::Import(InputFormat::Csv));
    }
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if head.starts_with(b"\xEF\xBB\xBF") {
        return Err("starts with two byte order marks; save it as UTF-8 with at most one".into());
    }
    // NUL is valid UTF-8, but text full of it is UTF-16 (or binary).
    let sample = &head[..head.len().min(512)];
    if sample.iter().filter(|&&b| b == 0).count() * 4 > sample.len() {
        return Err(not_text(sample));
    }
    // Sniff the text before a bad byte (or a character the head cuts);
    // the reader then names the bad byte's line and column.
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        Err(e) if e.valid_up_to() >= 16 || e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return Err(not_text(head)),
    };
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err("is empty".into());
    }
    if !text.contains('\n') && text.matches('\r').count() > 1 {
        return Err(
            "has CR-only line ends (old Mac style); dateline reads LF or CRLF line ends".into(),
        );
    }
    if trimmed.starts_with('{') {
        return Ok(sniff_json(trimmed));
    }
    if trimmed.starts_with('[') {
        // The native reader says what a timeline object needs.
        return Ok(Sniffed::Native(Format::Document));
    }
    if trimmed
        .get(..15)
        .is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
    {
        return Ok(Sniffed::Import(InputFormat::Ics));
    }
    Ok(sniff_delimited(text))
}

/// The first non-blank character of UTF-16 text with a byte order mark.
fn utf16_first_char(head: &[u8]) -> Option<char> {
    let little = head.starts_with(b"\xFF\xFE");
    let units = head[2..].chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    char::decode_utf16(units)
        .map_while(Result::ok)
        .find(|c| !c.is_whitespace())
}

fn not_text(head: &[u8]) -> String {
    let zeros = head.iter().filter(|&&b| b == 0).count();
    if zeros * 4 > head.len() {
        "looks like UTF-16 text without a byte order mark, or binary data; dateline reads UTF-8"
            .into()
    } else {
        "is not text (not valid UTF-8) and not a format dateline reads".into()
    }
}

/// Native JSON Lines, a native document, or TimelineJS.
fn sniff_json(text: &str) -> Sniffed {
    let first_line = text.lines().next().unwrap_or("");
    // One whole record on the first line is JSON Lines, whatever the name.
    if let Ok(serde_json::Value::Object(map)) = serde_json::from_str(first_line.trim()) {
        let native_keys = ["dateline", "title", "source", "actor", "event"];
        if map.len() == 1 && map.keys().all(|k| native_keys.contains(&k.as_str())) {
            return Sniffed::Native(Format::Lines);
        }
    }
    // TimelineJS3 gives events start_date objects and a title slide with
    // "text"; TimelineJS2 wraps everything in "timeline" with "startDate".
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let has = |key: &str| compact.contains(key);
    if has("\"start_date\":{") || has("\"startDate\":") || compact.starts_with("{\"timeline\":") {
        return Sniffed::Import(InputFormat::TimelineJs);
    }
    Sniffed::Native(Format::Document)
}

/// GDELT (TAB, no header), ACLED, the TimelineJS sheet, or any CSV/TSV.
fn sniff_delimited(text: &str) -> Sniffed {
    let first = text.lines().next().unwrap_or("").trim_end_matches('\r');
    let tabs = first.matches('\t').count();
    let fields: Vec<&str> = first.split('\t').collect();
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if tabs >= 55 && numeric(fields[0]) && fields.get(1).is_some_and(|f| f.len() == 8) {
        return Sniffed::Import(InputFormat::Gdelt);
    }
    if (14..=16).contains(&tabs)
        && numeric(fields[0])
        && fields.get(1).is_some_and(|f| f.len() == 14)
    {
        return Sniffed::GdeltMentions;
    }
    let lower = first.to_ascii_lowercase();
    if lower.contains("event_id_cnty") || lower.contains("event_date") && lower.contains("actor1") {
        return Sniffed::Import(InputFormat::Acled);
    }
    if crate::load::import::acled::is_headerless_v5(first) {
        return Sniffed::Import(InputFormat::Acled);
    }
    if lower.contains("headline") && lower.contains("year") {
        return Sniffed::Import(InputFormat::TimelineJs);
    }
    Sniffed::Import(InputFormat::Csv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_saved_as_json_are_lines() {
        let text = b"{\"dateline\": 1}\n{\"event\": {\"id\": \"a\"}}\n";
        assert_eq!(sniff(text), Ok(Sniffed::Native(Format::Lines)));
        let doc = b"{\n  \"dateline\": 1,\n  \"events\": []\n}";
        assert_eq!(sniff(doc), Ok(Sniffed::Native(Format::Document)));
    }

    #[test]
    fn timelinejs_json_is_told_from_a_native_document() {
        let tl3 = br#"{"title": {"text": {"headline": "H"}}, "events": [{"start_date": {"year": "2020"}}]}"#;
        assert_eq!(sniff(tl3), Ok(Sniffed::Import(InputFormat::TimelineJs)));
        let tl2 = br#"{"timeline": {"headline": "H", "date": [{"startDate": "2011,3,23"}]}}"#;
        assert_eq!(sniff(tl2), Ok(Sniffed::Import(InputFormat::TimelineJs)));
    }

    #[test]
    fn text_formats_are_found_from_their_first_line() {
        assert_eq!(
            sniff(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
            Ok(Sniffed::Import(InputFormat::Ics))
        );
        let gdelt = format!("1256322770\t20240807{}\n", "\tx".repeat(59));
        assert_eq!(
            sniff(gdelt.as_bytes()),
            Ok(Sniffed::Import(InputFormat::Gdelt))
        );
        assert_eq!(
            sniff(b"Year,Month,Day,Time,End Year,Headline,Text\n"),
            Ok(Sniffed::Import(InputFormat::TimelineJs))
        );
        assert_eq!(
            sniff(b"date,title\n2025-01-01,x\n"),
            Ok(Sniffed::Import(InputFormat::Csv))
        );
        assert_eq!(
            sniff(b"\xFF\xFEd\x00a\x00"),
            Ok(Sniffed::Import(InputFormat::Csv))
        );
    }

    #[test]
    fn odd_encodings_are_named() {
        let utf16 = |text: &str, bom: &[u8], le: bool| -> Vec<u8> {
            let mut out = bom.to_vec();
            for u in text.encode_utf16() {
                out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            out
        };
        let json = utf16("{\"events\": []}", b"\xFF\xFE", true);
        assert!(
            sniff(&json)
                .unwrap_err()
                .contains("UTF-16 text; dateline reads UTF-8")
        );
        let json_be = utf16("{\"events\": []}", b"\xFE\xFF", false);
        assert!(sniff(&json_be).unwrap_err().contains("UTF-16"));
        let bare = utf16("{\"events\": []}", b"", true);
        assert!(sniff(&bare).unwrap_err().contains("UTF-16"));
        let csv = utf16("date,title\r\n2025-01-01,x\r\n", b"\xFF\xFE", true);
        assert_eq!(sniff(&csv), Ok(Sniffed::Import(InputFormat::Csv)));
        let doubled = b"\xEF\xBB\xBF\xEF\xBB\xBF{\"events\": []}";
        assert!(sniff(doubled).unwrap_err().contains("two byte order marks"));
        let mac = b"{\"dateline\": 1}\r{\"event\": {}}\r{\"event\": {}}\r";
        assert!(sniff(mac).unwrap_err().contains("CR-only line ends"));
    }

    #[test]
    fn what_is_not_read_is_named() {
        assert!(sniff(b"").unwrap_err().contains("empty"));
        assert!(
            sniff(b"\x00\x01\x02\xff\x00\x00")
                .unwrap_err()
                .contains("UTF-16")
        );
        assert_eq!(sniff(b"[1, 2]"), Ok(Sniffed::Native(Format::Document)));
    }
}
