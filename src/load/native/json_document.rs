//! The JSON document form: `{"dateline": 1, "sources": [...], "actors": [...],
//! "events": [...]}`. Events stream into the builder one by one; the document
//! is never held as a tree.

use crate::load::builder::FileIx;
use crate::load::builder::{Builder, SourceText};
use crate::load::native::schema::{ActorRecord, EventRecord, SourceRecord};
use crate::load::{LoadError, LoadOptions, Progress, TextReader, decode_text, json_error};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

const CANCELLED: &str = "\u{0}cancelled";

pub(crate) fn read(
    builder: &mut Builder,
    file: FileIx,
    bytes: &[u8],
    read_text: &TextReader<'_>,
    opts: LoadOptions<'_>,
) -> Result<(), LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        builder.diagnose(
            file,
            None,
            None,
            "is empty (expected a JSON object with \"events\")".into(),
        );
        return Ok(());
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let seed = DocumentSeed {
        builder,
        file,
        read_text,
        opts,
        total: bytes.len() as u64,
    };
    let result = seed.deserialize(&mut de).and_then(|()| de.end());
    if let Err(e) = result {
        if e.to_string().starts_with(CANCELLED) {
            return Err(LoadError::Cancelled);
        }
        let (position, message) = json_error(&e);
        builder.diagnose(file, position, None, message);
    }
    Ok(())
}

struct DocumentSeed<'b, 'r, 'o> {
    builder: &'b mut Builder,
    file: FileIx,
    read_text: &'r TextReader<'r>,
    opts: LoadOptions<'o>,
    total: u64,
}

impl<'de> DeserializeSeed<'de> for DocumentSeed<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DocumentSeed<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a timeline object with \"sources\", \"actors\" and \"events\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen: Vec<String> = Vec::new();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if seen.iter().any(|k| *k == key) {
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
            seen.push(key.to_string());
            match key.as_ref() {
                "dateline" => {
                    let version: u32 = map.next_value()?;
                    if let Err(message) = super::check_version(version) {
                        return Err(de::Error::custom(message));
                    }
                }
                "title" => {
                    let title: std::borrow::Cow<'de, str> = map.next_value()?;
                    self.builder.set_title(&title);
                }
                "sources" => {
                    let sources: Vec<SourceRecord<'de>> = map.next_value()?;
                    for s in sources {
                        add_source(self.builder, s, self.file, self.read_text);
                    }
                }
                "actors" => {
                    let actors: Vec<ActorRecord<'de>> = map.next_value()?;
                    for a in actors {
                        self.builder.add_actor(a, self.file);
                    }
                }
                "events" => map.next_value_seed(EventsSeed {
                    builder: &mut *self.builder,
                    file: self.file,
                    opts: self.opts,
                    total: self.total,
                })?,
                other => {
                    let _: IgnoredAny = map.next_value()?;
                    return Err(de::Error::custom(format_args!(
                        "unknown field `{other}`, expected one of `dateline`, `title`, `sources`, `actors`, `events`"
                    )));
                }
            }
        }
        if !seen.iter().any(|k| k == "events") {
            return Err(de::Error::custom("missing field `events`"));
        }
        Ok(())
    }
}

/// Reads a source's text (inline or from its file) and adds the source.
pub(crate) fn add_source(
    builder: &mut Builder,
    mut rec: SourceRecord<'_>,
    file: FileIx,
    read_text: &TextReader<'_>,
) {
    let subject = Some(format!("source '{}'", crate::sanitize::line(&rec.id)));
    // Inline text is passed as read, uncopied (it runs to megabytes).
    let inline = rec.text.take();
    let text: Result<Option<Cow<'_, str>>, String> = match (inline, &rec.text_file) {
        (Some(t), None) => Ok(Some(t)),
        (None, Some(path)) => read_text(path)
            .and_then(|bytes| decode_text(bytes).map_err(|e| format!("text file '{path}' {e}")))
            .map(|t| Some(t.into())),
        (Some(_), Some(_)) => Err("has both `text` and `text_file`; give one".into()),
        (None, None) => Ok(None),
    };
    match text {
        Ok(Some(t)) => builder.add_source(rec, Some(&t), SourceText::Given, file),
        Ok(None) => builder.add_source(rec, None, SourceText::Absent, file),
        Err(message) => {
            builder.diagnose(
                file,
                None,
                subject,
                crate::sanitize::line(&message).into_owned(),
            );
            builder.add_source(rec, None, SourceText::Unreadable, file);
        }
    }
}

struct EventsSeed<'b, 'o> {
    builder: &'b mut Builder,
    file: FileIx,
    opts: LoadOptions<'o>,
    total: u64,
}

impl<'de> DeserializeSeed<'de> for EventsSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for EventsSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of events")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut count = 0usize;
        while let Some(event) = seq.next_element::<EventRecord<'de>>()? {
            self.builder.add_event(event, self.file, None);
            count += 1;
            if count.is_multiple_of(4096) {
                if self.opts.cancelled() {
                    return Err(de::Error::custom(CANCELLED));
                }
                self.opts.report(Progress {
                    bytes: 0,
                    total_bytes: self.total,
                    events: self.builder.event_count(),
                });
            }
        }
        Ok(())
    }
}
