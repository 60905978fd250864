//! RFC 5545 content lines: unfolding, `NAME;PARAM=a,"b":value`, and the
//! TEXT escapes.
//!
//! Lines are unfolded as bytes before they are decoded, because real
//! generators fold in the middle of a multi-byte UTF-8 character; each
//! logical line keeps the number of its first physical line.

use std::io::BufRead;

/// One unfolded content line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// Upper-cased property name: `DTSTART`.
    pub name: String,
    /// Upper-cased parameter names with their values, quotes removed.
    pub params: Vec<(String, Vec<String>)>,
    /// The raw value, still escaped.
    pub value: String,
    /// 1-based number of the line's first physical line.
    pub line: usize,
}

impl Line {
    /// The first value of a parameter: `TZID`, `CN`, `VALUE`.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.first())
            .map(String::as_str)
    }

    /// The value as TEXT, unescaped.
    pub fn text(&self) -> String {
        unescape(&self.value)
    }
}

/// Reads logical lines: folded continuations (a line starting with a space
/// or TAB) are joined to the line before, CRLF or LF.
pub(crate) struct Unfolder<'r> {
    reader: &'r mut dyn BufRead,
    current: Option<(Vec<u8>, usize)>,
    line_no: usize,
    /// Bytes of the last physical line read, for progress.
    pub last_bytes: usize,
}

impl<'r> Unfolder<'r> {
    pub fn new(reader: &'r mut dyn BufRead) -> Self {
        Unfolder {
            reader,
            current: None,
            line_no: 0,
            last_bytes: 0,
        }
    }

    /// The next logical line and the number of its first physical line.
    pub fn next_line(&mut self) -> std::io::Result<Option<(Vec<u8>, usize)>> {
        loop {
            let mut buf = Vec::new();
            let n = self.reader.read_until(b'\n', &mut buf)?;
            self.last_bytes = n;
            if n == 0 {
                return Ok(self.current.take());
            }
            self.line_no += 1;
            let end = buf.strip_suffix(b"\n").map_or(buf.len(), <[u8]>::len);
            let end = buf[..end].strip_suffix(b"\r").map_or(end, <[u8]>::len);
            buf.truncate(end);
            if self.line_no == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
                buf.drain(..3);
            }
            if let (Some(b' ' | b'\t'), Some((cur, _))) = (buf.first(), self.current.as_mut()) {
                cur.extend_from_slice(&buf[1..]);
                continue;
            }
            if let Some(prev) = self.current.replace((buf, self.line_no)) {
                return Ok(Some(prev));
            }
        }
    }
}

/// Splits `NAME;P1=a,"b;c":value` into its parts.
pub(crate) fn parse(text: &str, line: usize) -> Result<Line, String> {
    let name_end = text.find([';', ':']).ok_or_else(|| {
        format!(
            "'{}' is not a content line (NAME:value)",
            crate::load::builder::ellipsize(text, 40)
        )
    })?;
    let name = &text[..name_end];
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(format!(
            "'{}' is not a property name",
            crate::load::builder::ellipsize(name, 40)
        ));
    }
    let mut params = Vec::new();
    let mut rest = &text[name_end..];
    while let Some(after) = rest.strip_prefix(';') {
        let eq = after
            .find('=')
            .ok_or_else(|| format!("a parameter of {name} has no '='"))?;
        let pname = after[..eq].to_ascii_uppercase();
        let mut values = Vec::new();
        let mut tail = &after[eq + 1..];
        loop {
            if let Some(quoted) = tail.strip_prefix('"') {
                let close = quoted
                    .find('"')
                    .ok_or_else(|| format!("parameter {pname} of {name} has no closing quote"))?;
                values.push(caret_unescape(&quoted[..close]));
                tail = &quoted[close + 1..];
            } else {
                let end = tail.find([',', ';', ':']).unwrap_or(tail.len());
                values.push(caret_unescape(&tail[..end]));
                tail = &tail[end..];
            }
            match tail.strip_prefix(',') {
                Some(t) => tail = t,
                None => break,
            }
        }
        params.push((pname, values));
        rest = tail;
    }
    let value = rest
        .strip_prefix(':')
        .ok_or_else(|| format!("{name} has no ':' before its value"))?;
    Ok(Line {
        name: name.to_ascii_uppercase(),
        params,
        value: value.to_string(),
        line,
    })
}

/// RFC 6868 parameter escapes: `^n` newline, `^'` quote, `^^` caret.
fn caret_unescape(text: &str) -> String {
    if !text.contains('^') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '^' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('\'') => out.push('"'),
            Some('^') => out.push('^'),
            Some(other) => {
                out.push('^');
                out.push(other);
            }
            None => out.push('^'),
        }
    }
    out
}

/// TEXT escapes: `\\` `\;` `\,` `\n` `\N`. Generators also write `\:` and
/// other stray escapes; those keep the character and drop the backslash.
pub(crate) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A comma-separated list of TEXT values (CATEGORIES): escaped commas stay
/// inside their item.
pub(crate) fn text_list(value: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in value.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            ',' => {
                items.push(unescape(&value[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(unescape(&value[start..]));
    items.retain(|i| !i.trim().is_empty());
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn logical(bytes: &[u8]) -> Vec<(Vec<u8>, usize)> {
        let mut reader = bytes;
        let mut u = Unfolder::new(&mut reader);
        let mut out = Vec::new();
        while let Some(l) = u.next_line().unwrap() {
            out.push(l);
        }
        out
    }

    #[test]
    fn folds_join_even_inside_a_multibyte_character() {
        // "é" is C3 A9; the fold falls between its two bytes.
        let lines = logical(b"SUMMARY:Caf\xC3\r\n \xA9 cr\xC3\xA8me\r\nUID:x\r\n");
        assert_eq!(lines.len(), 2);
        assert_eq!(
            std::str::from_utf8(&lines[0].0).unwrap(),
            "SUMMARY:Café crème"
        );
        assert_eq!(lines[1], (b"UID:x".to_vec(), 3));
    }

    #[test]
    fn lf_endings_tab_folds_and_a_bom() {
        let lines = logical(b"\xEF\xBB\xBFBEGIN:VCALENDAR\nDESCRIPTION:a\n\tb\nEND:VCALENDAR");
        let texts: Vec<_> = lines
            .iter()
            .map(|(l, n)| (String::from_utf8(l.clone()).unwrap(), *n))
            .collect();
        assert_eq!(
            texts,
            [
                ("BEGIN:VCALENDAR".to_string(), 1),
                ("DESCRIPTION:ab".to_string(), 2),
                ("END:VCALENDAR".to_string(), 4)
            ]
        );
    }

    #[test]
    fn parameters_quoted_and_listed() {
        let l = parse(
            r#"attendee;ROLE=CHAIR;CN="Ruiz, Ana";DELEGATED-TO="mailto:a@x","mailto:b@x":mailto:ana@example.org"#,
            7,
        )
        .unwrap();
        assert_eq!(l.name, "ATTENDEE");
        assert_eq!(l.param("CN"), Some("Ruiz, Ana"));
        assert_eq!(l.param("ROLE"), Some("CHAIR"));
        assert_eq!(l.params[2].1, ["mailto:a@x", "mailto:b@x"]);
        assert_eq!(l.value, "mailto:ana@example.org");
        assert_eq!(l.line, 7);
        let l = parse("X-A;CN=Jo ^'Jo^' Smith:DTSTART:2025", 1).unwrap();
        assert_eq!(l.param("CN"), Some("Jo \"Jo\" Smith"));
        assert_eq!(l.value, "DTSTART:2025");
    }

    #[test]
    fn bad_content_lines_say_why() {
        assert!(
            parse("no colon here", 1)
                .unwrap_err()
                .contains("not a content line")
        );
        assert!(
            parse("BAD NAME:x", 1)
                .unwrap_err()
                .contains("property name")
        );
        assert!(
            parse("X;CN=\"open:x", 1)
                .unwrap_err()
                .contains("closing quote")
        );
        assert!(parse("X;CN:x", 1).unwrap_err().contains("no '='"));
    }

    #[test]
    fn text_escapes_and_lists() {
        assert_eq!(unescape(r"a\, b\; c\nd\\e\N"), "a, b; c\nd\\e\n");
        assert_eq!(unescape(r"stray\:colon"), "stray:colon");
        assert_eq!(
            text_list(r"War\, peace,Elections, ,Back\\slash"),
            ["War, peace", "Elections", "Back\\slash"]
        );
    }
}
