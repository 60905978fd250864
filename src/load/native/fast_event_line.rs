//! A fast path for the commonest line of a large file, `{"event": {...}}`.
//! It reads a strict subset of JSON — no escapes, no `null`, known fields
//! once each, numbers as plain digits — and gives up (returns `None`) on
//! anything else, so serde reads that line instead and reports any problem.
//! When it does return a record, it is the record serde would have built
//! (a property test checks this).

use crate::load::native::schema::{
    ActorRoleRecord, EventRecord, Item, LinkRecord, PlaceRecord, QuoteRecord,
};
use crate::model::{LinkKind, Status};
use std::borrow::Cow;

struct Reader<'a> {
    text: &'a str,
    at: usize,
    /// The line has no backslash and no control character (but its line
    /// break), so a string ends at the next quote, unchecked.
    plain: bool,
}

type Maybe<T> = Option<T>;

impl<'a> Reader<'a> {
    fn peek(&self) -> Maybe<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Consumes `c` after optional white space.
    fn eat(&mut self, c: u8) -> Maybe<()> {
        self.skip_ws();
        (self.peek()? == c).then(|| self.at += 1)
    }

    /// Consumes `c` if it comes next (after white space); says whether it did.
    fn eat_if(&mut self, c: u8) -> bool {
        self.skip_ws();
        let found = self.peek() == Some(c);
        if found {
            self.at += 1;
        }
        found
    }

    /// A string without escapes or control characters.
    fn string(&mut self) -> Maybe<&'a str> {
        self.eat(b'"')?;
        let bytes = &self.text.as_bytes()[self.at..];
        if self.plain {
            let end = closing_quote(bytes)?;
            let s = self.text.get(self.at..self.at + end)?;
            self.at += end + 1;
            return Some(s);
        }
        let end = memchr::memchr2(b'"', b'\\', bytes)?;
        if bytes[end] != b'"' || bytes[..end].iter().any(|&b| b < 0x20) {
            return None;
        }
        let s = self.text.get(self.at..self.at + end)?;
        self.at += end + 1;
        Some(s)
    }

    fn text(&mut self) -> Maybe<Cow<'a, str>> {
        self.string().map(Cow::Borrowed)
    }

    /// A number that fits a u32, as plain digits.
    fn number(&mut self) -> Maybe<u32> {
        self.skip_ws();
        let bytes = &self.text.as_bytes()[self.at..];
        let len = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0
            || (len > 1 && bytes[0] == b'0')
            || matches!(bytes.get(len), Some(b'.' | b'e' | b'E'))
        {
            return None;
        }
        let n = self.text.get(self.at..self.at + len)?.parse().ok()?;
        self.at += len;
        Some(n)
    }

    /// Reads `{"key": value, ...}`, calling `field` for each key; `field`
    /// returns None for a key it does not know, which gives up.
    fn object(&mut self, mut field: impl FnMut(&mut Self, &'a str) -> Maybe<()>) -> Maybe<()> {
        self.eat(b'{')?;
        if self.eat_if(b'}') {
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.eat(b':')?;
            field(self, key)?;
            if self.eat_if(b'}') {
                return Some(());
            }
            self.eat(b',')?;
        }
    }

    fn array<T>(&mut self, mut item: impl FnMut(&mut Self) -> Maybe<T>) -> Maybe<Vec<T>> {
        self.eat(b'[')?;
        let mut out = Vec::new();
        if self.eat_if(b']') {
            return Some(out);
        }
        loop {
            out.push(item(self)?);
            if self.eat_if(b']') {
                return Some(out);
            }
            self.eat(b',')?;
        }
    }
}

/// Where the first `"` of `bytes` lies. Most strings of a line (keys,
/// ids, names) are short: their first words are tested eight bytes at a
/// time before memchr, whose setup costs more than such a string's scan.
#[inline]
fn closing_quote(bytes: &[u8]) -> Option<usize> {
    let (words, _) = bytes.as_chunks::<8>();
    for (i, word) in words.iter().take(4).enumerate() {
        let found = crate::swar::bytes_equal(u64::from_le_bytes(*word), b'"');
        if found != 0 {
            return Some(i * 8 + found.trailing_zeros() as usize / 8);
        }
    }
    let from = words.len().min(4) * 8;
    memchr::memchr(b'"', &bytes[from..]).map(|p| from + p)
}

/// Whether `bytes` hold no backslash and no control character, checked a
/// block at a time so the compiler can vectorise it.
fn is_plain(bytes: &[u8]) -> bool {
    let odd = |b: u8| (b < 0x20) | (b == b'\\');
    let mut blocks = bytes.chunks_exact(32);
    let clean_blocks = blocks
        .by_ref()
        .all(|block| !block.iter().fold(false, |any, &b| any | odd(b)));
    clean_blocks && !blocks.remainder().iter().any(|&b| odd(b))
}

/// Sets a field once; a second value gives up (serde reports duplicates).
fn once<T>(slot: &mut Option<T>, value: T) -> Maybe<()> {
    slot.is_none().then(|| *slot = Some(value))
}

fn status(s: &str) -> Maybe<Status> {
    Some(match s {
        "occurred" => Status::Occurred,
        "scheduled" => Status::Scheduled,
        "expected" => Status::Expected,
        "ongoing" => Status::Ongoing,
        "cancelled" => Status::Cancelled,
        _ => return None,
    })
}

fn link_kind(s: &str) -> Maybe<LinkKind> {
    LinkKind::ALL.iter().copied().find(|k| k.as_str() == s)
}

/// Reads `{"event": {...}}` on its own line, or gives up.
pub(crate) fn event_line(line: &[u8]) -> Maybe<EventRecord<'_>> {
    let text = simdutf8::basic::from_utf8(line).ok()?;
    let body = line.strip_suffix(b"\n").unwrap_or(line);
    let body = body.strip_suffix(b"\r").unwrap_or(body);
    let mut r = Reader {
        text,
        at: 0,
        plain: is_plain(body),
    };
    let mut event = None;
    r.object(|r, key| match key {
        "event" => once(&mut event, event_object(r)?),
        _ => None,
    })?;
    r.skip_ws();
    (r.at == text.len()).then_some(())?;
    event
}

fn event_object<'a>(r: &mut Reader<'a>) -> Maybe<EventRecord<'a>> {
    let (mut id, mut title, mut summary, mut date, mut status_value, mut place) =
        (None, None, None, None, None, None);
    let (mut actors, mut countries, mut topics, mut quotes, mut links) =
        (None, None, None, None, None);
    let (mut sources, mut date_origin) = (None, None);
    r.object(|r, key| match key {
        "id" => once(&mut id, r.text()?),
        "title" => once(&mut title, r.text()?),
        "summary" => once(&mut summary, r.text()?),
        "date" => once(&mut date, r.text()?),
        "status" => once(&mut status_value, status(r.string()?)?),
        "place" => once(&mut place, place_object(r)?),
        "actors" => once(&mut actors, r.array(actor_role)?),
        "countries" => once(&mut countries, r.array(|r| r.text().map(Item))?),
        "topics" => once(&mut topics, r.array(|r| r.text().map(Item))?),
        "quotes" => once(&mut quotes, r.array(quote)?),
        "links" => once(&mut links, r.array(link)?),
        "sources" => once(&mut sources, r.array(|r| r.text().map(Item))?),
        "date_origin" => once(&mut date_origin, r.text()?),
        _ => None,
    })?;
    Some(EventRecord {
        id: id?,
        title: title?,
        summary,
        date: date?,
        date_value: None,
        derivation: None,
        date_origin,
        status: status_value.unwrap_or_default(),
        place,
        actors: actors.unwrap_or_default(),
        countries: countries.unwrap_or_default(),
        topics: topics.unwrap_or_default(),
        sources: sources.unwrap_or_default(),
        quotes: quotes.unwrap_or_default(),
        links: links.unwrap_or_default(),
    })
}

fn place_object<'a>(r: &mut Reader<'a>) -> Maybe<PlaceRecord<'a>> {
    let (mut name, mut country) = (None, None);
    r.object(|r, key| match key {
        "name" => once(&mut name, r.text()?),
        "country" => once(&mut country, r.text()?),
        _ => None,
    })?;
    Some(PlaceRecord { name, country })
}

fn actor_role<'a>(r: &mut Reader<'a>) -> Maybe<ActorRoleRecord<'a>> {
    let (mut id, mut role) = (None, None);
    r.object(|r, key| match key {
        "id" => once(&mut id, r.text()?),
        "role" => once(&mut role, r.text()?),
        _ => None,
    })?;
    Some(ActorRoleRecord { id: id?, role })
}

fn quote<'a>(r: &mut Reader<'a>) -> Maybe<QuoteRecord<'a>> {
    let (mut source, mut text, mut start, mut end) = (None, None, None, None);
    r.object(|r, key| match key {
        "source" => once(&mut source, r.text()?),
        "text" => once(&mut text, r.text()?),
        "start" => once(&mut start, r.number()?),
        "end" => once(&mut end, r.number()?),
        _ => None,
    })?;
    Some(QuoteRecord {
        source: source?,
        text: text?,
        start,
        end,
    })
}

fn link<'a>(r: &mut Reader<'a>) -> Maybe<LinkRecord<'a>> {
    let (mut to, mut kind) = (None, None);
    r.object(|r, key| match key {
        "to" => once(&mut to, r.text()?),
        "kind" => once(&mut kind, link_kind(r.string()?)?),
        _ => None,
    })?;
    Some(LinkRecord {
        to: to?,
        kind: kind?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::native::schema::LineRecord;

    /// What serde makes of a line, in the fast path's terms.
    fn by_serde(line: &str) -> Option<String> {
        match serde_json::from_str::<LineRecord<'_>>(line) {
            Ok(LineRecord::Event(e)) => Some(format!("{e:?}")),
            _ => None,
        }
    }

    #[test]
    fn generated_lines_take_the_fast_path_and_match_serde() {
        let mut bytes = Vec::new();
        crate::synth::write(&mut bytes, 300, 3).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let mut fast = 0;
        for line in text.lines().filter(|l| l.starts_with("{\"event\"")) {
            let record = event_line(line.as_bytes()).expect("a generated event line is plain");
            assert_eq!(Some(format!("{record:?}")), by_serde(line));
            fast += 1;
        }
        assert_eq!(fast, 300);
    }

    #[test]
    fn unusual_lines_are_left_to_serde() {
        for line in [
            r#"{"event": {"id": "a\"b", "title": "t", "date": "2025"}}"#,
            r#"{"event": {"id": "a", "title": "t", "date": "2025", "summary": null}}"#,
            r#"{"event": {"id": "a", "id": "b", "title": "t", "date": "2025"}}"#,
            r#"{"event": {"id": "a", "title": "t", "date": "2025", "extra": 1}}"#,
            r#"{"event": {"id": "a", "title": "t"}}"#,
            r#"{"event": {"id": "a", "title": "t", "date": "2025", "quotes": [{"source": "s", "text": "x", "start": 01, "end": 2}]}}"#,
            r#"{"event": {"id": "a", "title": "t", "date": "2025", "quotes": [{"source": "s", "text": "x", "start": 1.5, "end": 2}]}}"#,
            r#"{"event": {"id": "a", "title": "t", "date": "2025", "status": "rumoured"}}"#,
            r#"{"event": {"id": "a", "title": "t", "date": "2025"}} trailing"#,
            r#"{"event": {"id": "a", "title": "t", "date": "2025", "derivation": {"phrase": "p", "anchor": {"source": "s"}, "rule": "same-day"}}}"#,
            r#"{"actor": {"id": "a", "name": "A", "kind": "person"}}"#,
            "{\"event\": {\"id\": \"a\u{1}\", \"title\": \"t\", \"date\": \"2025\"}}",
        ] {
            assert!(event_line(line.as_bytes()).is_none(), "{line}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_closing_quote_is_the_first_quote(bytes in proptest::collection::vec(proptest::sample::select(b"\"abcdefghijklmnopqrstuvwxyz!#\xE2\x80\x9C\x00\xFF".to_vec()), 0..80)) {
            proptest::prop_assert_eq!(closing_quote(&bytes), memchr::memchr(b'"', &bytes));
        }
    }

    #[test]
    fn plain_means_no_backslash_and_no_control_anywhere() {
        let long = "x".repeat(70);
        assert!(is_plain(long.as_bytes()));
        assert!(is_plain(b""));
        for at in [0, 31, 32, 45, 69] {
            for odd in [b'\\', b'\t', 0x01, b'\n'] {
                let mut bytes = long.clone().into_bytes();
                bytes[at] = odd;
                assert!(!is_plain(&bytes), "{at} {odd}");
            }
        }
        // A tab between tokens still reads, through the checked path.
        let line = "{\"event\":\t{\"id\": \"a\", \"title\": \"t\", \"date\": \"2025\"}}\n";
        assert!(event_line(line.as_bytes()).is_some());
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_serde_whenever_it_answers(
            id in "[a-z\\\\\"é]{0,4}",
            spaces in "[ \t]{0,2}",
            start in 0u64..5_000_000_000,
            kind in "(follows|related|part-of|nope)",
            extra in proptest::option::of("(\"summary\": \"s\"|\"summary\": null|\"status\": \"expected\"|\"id\": \"again\"|\"place\": \\{\"name\": \"P\"\\}|\"countries\": \\[\\])"),
        ) {
            let extra = extra.map(|e| format!(", {e}")).unwrap_or_default();
            let line = format!(
                r#"{{"event":{spaces}{{"id": "{id}", "title": "T", "date": "2025"{extra}, "quotes": [{{"source": "s", "text": "x", "start": {start}, "end": 9}}], "links": [{{"to": "b", "kind": "{kind}"}}]{spaces}}}}}"#
            );
            if let Some(record) = event_line(line.as_bytes()) {
                proptest::prop_assert_eq!(Some(format!("{record:?}")), by_serde(&line));
            }
        }
    }
}
