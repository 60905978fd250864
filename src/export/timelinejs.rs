//! TimelineJS3 JSON: one slide per event, its date at the event's precision
//! (`display_date` says what the fields cannot: "before 16 Apr 2022",
//! "c. Feb 2022"), the text as escaped HTML with the summary, actors and
//! roles, and quotes citing their source. Each event also carries its EDTF
//! date in `edtf` (TimelineJS ignores keys it does not know) so that reading
//! the file back gives the same date.

use super::{Options, Selection, Written};
use crate::model::date::{DateShape, DateValue, Point, Precision, format_day};
use crate::model::{EventIx, EventRef};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Doc<'a, 't> {
    title: Slide,
    events: Slides<'a, 't>,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<DateOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<DateOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: TextOut,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    edtf: Option<String>,
}

#[derive(Serialize)]
struct TextOut {
    headline: String,
    text: String,
}

/// A TimelineJS date: the parts present say its precision.
#[derive(Serialize, Debug, PartialEq, Eq)]
struct DateOut {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u8>,
}

fn date_out(p: &Point) -> DateOut {
    DateOut {
        year: p.year,
        month: (p.precision != Precision::Year).then_some(p.month),
        day: (p.precision == Precision::Day).then_some(p.day),
    }
}

/// Start, end and the display date TimelineJS needs for a date value. An
/// open date starts at its known bound.
fn dates(date: &DateValue) -> (DateOut, Option<DateOut>, Option<String>) {
    let qualified = date.approximate || date.uncertain;
    let display = |open: bool| (open || qualified).then(|| date.human());
    match &date.shape {
        DateShape::Single(p) => (date_out(p), None, display(false)),
        DateShape::Interval(a, b) => (date_out(a), Some(date_out(b)), display(false)),
        DateShape::Until(p) | DateShape::Since(p) => (date_out(p), None, display(true)),
    }
}

/// Escapes text for HTML (element content and quoted attribute values).
pub(super) fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in super::one_line(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The slide's HTML: summary, status when not plain history, place,
/// actors with roles, and quotes with their source and link.
fn body(view: &Selection<'_>, e: &EventRef<'_>) -> String {
    let t = view.t;
    let mut out = String::new();
    if !e.summary().is_empty() {
        out.push_str(&format!("<p>{}</p>", html(e.summary())));
    }
    let place = crate::present::place(e);
    let status = e.status().as_str();
    if !place.is_empty() || status != "occurred" {
        let mut facts = Vec::new();
        if status != "occurred" {
            facts.push(format!("<em>{}</em>", html(status)));
        }
        if !place.is_empty() {
            facts.push(html(&place));
        }
        out.push_str(&format!("<p>{}</p>", facts.join(" · ")));
    }
    if !e.actors().is_empty() {
        let actors: Vec<String> = e
            .actors()
            .iter()
            .map(|a| {
                let name = html(t.actor(a.actor).name());
                match t.role_name(a.role) {
                    "" => name,
                    role => format!("{name} ({})", html(role)),
                }
            })
            .collect();
        out.push_str(&format!(
            "<p><strong>Actors:</strong> {}</p>",
            actors.join(", ")
        ));
    }
    for q in e.quotes() {
        let s = q.source();
        let outlet = html(s.outlet());
        let cite = match s.url() {
            Some(url) => format!("<a href=\"{}\">{outlet}</a>", html(url)),
            None => outlet,
        };
        let day = s.published().map(|d| format!(", {}", format_day(d)));
        out.push_str(&format!(
            "<blockquote>“{}” — {cite}{}</blockquote>",
            html(q.text()),
            day.unwrap_or_default()
        ));
    }
    out
}

fn slide(view: &Selection<'_>, ix: EventIx, opts: &Options) -> Slide {
    let t = view.t;
    let e = t.event(ix);
    let (start, end, display) = dates(&e.date());
    Slide {
        unique_id: Some(e.id().to_string()),
        start_date: Some(start),
        end_date: end,
        display_date: display,
        text: TextOut {
            headline: html(e.title()),
            text: body(view, &e),
        },
        group: opts.group.and_then(|g| g.label_of(t, &e)).map(|g| html(&g)),
        edtf: Some(e.date().edtf()),
    }
}

/// The slides, made one at a time as they are written.
struct Slides<'a, 't> {
    view: &'a Selection<'t>,
    opts: &'a Options,
}

impl Serialize for Slides<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.view
                .events
                .iter()
                .map(|&ix| slide(self.view, ix, self.opts)),
        )
    }
}

/// Writes `<` as `\u003c`. In JSON `<` only ever stands inside strings, so
/// the file means the same and can also sit inside an HTML `<script>`
/// element without closing it.
struct ScriptSafe<'a>(&'a mut dyn Write);

impl Write for ScriptSafe<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for part in buf.split_inclusive(|&b| b == b'<') {
            match part.split_last() {
                Some((b'<', head)) => {
                    self.0.write_all(head)?;
                    self.0.write_all(b"\\u003c")?;
                }
                _ => self.0.write_all(part)?,
            }
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

pub(super) fn write(
    out: &mut dyn Write,
    view: &Selection<'_>,
    opts: &Options,
) -> io::Result<Written> {
    let n = view.events.len();
    let described = if opts.description.is_empty() {
        String::new()
    } else {
        format!(": {}", html(&opts.description))
    };
    let doc = Doc {
        title: Slide {
            unique_id: None,
            start_date: None,
            end_date: None,
            display_date: None,
            text: TextOut {
                headline: html(opts.title.as_deref().unwrap_or("Timeline")),
                text: format!(
                    "<p>{n} event{} exported from dateline{described}</p>",
                    super::plural(n)
                ),
            },
            group: None,
            edtf: None,
        },
        events: Slides { view, opts },
    };
    let mut safe = ScriptSafe(out);
    serde_json::to_writer_pretty(&mut safe, &doc)?;
    safe.write_all(b"\n")?;
    Ok(Written {
        events: n,
        ..Written::default()
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_data::{all, assert_no_controls, builtin, hostile};
    use super::super::{Format, Group, Options, to_bytes};
    use super::*;
    use serde_json::Value;

    fn export(t: &crate::model::Timeline, group: Option<Group>) -> Value {
        let mut opts = Options::new(Format::TimelineJs);
        opts.group = group;
        let (bytes, _) = to_bytes(t, &all(t), &opts);
        let text = String::from_utf8(bytes).unwrap();
        assert_no_controls(&text, &['\n']);
        serde_json::from_str(&text).unwrap()
    }

    fn event<'a>(doc: &'a Value, id: &str) -> &'a Value {
        doc["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["unique_id"] == id)
            .unwrap_or_else(|| panic!("no slide {id}"))
    }

    #[test]
    fn dates_keep_their_precision() {
        let parse = |s: &str| DateValue::parse_edtf(s).unwrap();
        let day = dates(&parse("2025-04-17"));
        assert_eq!(
            day.0,
            DateOut {
                year: 2025,
                month: Some(4),
                day: Some(17)
            }
        );
        assert_eq!((day.1, day.2), (None, None));
        let month = dates(&parse("2025-03"));
        assert_eq!((month.0.month, month.0.day), (Some(3), None));
        let year = dates(&parse("2025"));
        assert_eq!((year.0.month, year.0.day), (None, None));
        let span = dates(&parse("1943-07/1946"));
        assert_eq!(span.0.month, Some(7));
        assert_eq!(span.1.map(|e| (e.year, e.month)), Some((1946, None)));
        let before = dates(&parse("../2022-04-15"));
        assert_eq!(before.0.day, Some(15));
        assert_eq!(before.2.as_deref(), Some("before 16 Apr 2022"));
        let since = dates(&parse("2025-04-12/.."));
        assert_eq!(since.2.as_deref(), Some("since 12 Apr 2025"));
        assert_eq!(dates(&parse("2022-02~")).2.as_deref(), Some("c. Feb 2022"));
    }

    #[test]
    fn script_safe_writes_every_less_than_as_an_escape() {
        let mut out = Vec::new();
        ScriptSafe(&mut out).write_all(b"a<b<<c<").unwrap();
        assert_eq!(out, b"a\\u003cb\\u003c\\u003cc\\u003c");
    }

    #[test]
    fn every_event_becomes_a_slide_with_its_id_and_edtf() {
        let t = builtin();
        let doc = export(&t, Some(Group::Country));
        let slides = doc["events"].as_array().unwrap();
        assert_eq!(slides.len(), t.len());
        for (slide, ix) in slides.iter().zip(all(&t)) {
            let e = t.event(ix);
            assert_eq!(slide["unique_id"], e.id());
            assert_eq!(slide["edtf"], e.date().edtf());
            assert!(slide["start_date"]["year"].is_i64());
            assert!(
                slide["text"]["headline"]
                    .as_str()
                    .is_some_and(|h| !h.is_empty())
            );
        }
        assert!(doc["title"]["text"]["headline"].is_string());
        let paris = event(&doc, "paris-talks");
        assert_eq!(paris["group"], "United States");
        assert!(
            paris["text"]["text"]
                .as_str()
                .unwrap()
                .contains("<strong>Actors:</strong>")
        );
    }

    #[test]
    fn hostile_text_is_escaped_html_and_cannot_close_a_script() {
        let t = hostile();
        let mut opts = Options::new(Format::TimelineJs);
        opts.group = Some(Group::Topic);
        opts.title = Some("A </script> title".into());
        let (bytes, _) = to_bytes(&t, &all(&t), &opts);
        let raw = String::from_utf8(bytes).unwrap();
        assert!(!raw.contains('<'), "a raw < in {raw}");
        let doc: Value = serde_json::from_str(&raw).unwrap();
        assert_eq!(doc["title"]["text"]["headline"], "A &lt;/script&gt; title");
        let e1 = event(&doc, "e1");
        let headline = e1["text"]["headline"].as_str().unwrap();
        assert!(headline.contains("&lt;/script&gt;"), "{headline}");
        assert!(headline.contains("&quot;quoted&quot;"), "{headline}");
        let text = e1["text"]["text"].as_str().unwrap();
        // The only tags are the exporter's own.
        let tags: Vec<&str> = text
            .split('<')
            .skip(1)
            .map(|s| s.split(['>', ' ']).next().unwrap())
            .collect();
        for tag in tags {
            assert!(
                [
                    "p",
                    "/p",
                    "em",
                    "/em",
                    "strong",
                    "/strong",
                    "blockquote",
                    "/blockquote",
                    "a",
                    "/a"
                ]
                .contains(&tag),
                "tag {tag} in {text}"
            );
        }
        assert!(text.contains("href=\"https://example.org/a?b=1&amp;c=&lt;2&gt;&quot;q&quot;\""));
        assert_eq!(e1["group"], "war, peace");
        assert_eq!(event(&doc, "e3")["display_date"], "before 10 Apr 2025");
    }
}
