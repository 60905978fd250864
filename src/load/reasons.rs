//! How the loader words what went wrong: an I/O error's reason, the place
//! of a source text's first bad byte, serde_json's message and position.

use super::builder;

pub(crate) fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.split_once(" (os error") {
        Some((reason, _)) => reason.to_string(),
        None => text,
    }
}
/// Decodes a source text, naming the line and column of the first bad byte.
pub(crate) fn decode_text(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let good = &e.as_bytes()[..at];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        format!("is not valid UTF-8 at line {line} column {column}")
    })
}

/// Splits serde_json's message from its position suffix.
pub(crate) fn json_error(e: &serde_json::Error) -> (Option<(usize, usize)>, String) {
    let text = e.to_string();
    let message = match text.rsplit_once(" at line ") {
        Some((m, _)) => m.to_string(),
        None => text,
    };
    let position = (e.line() > 0).then(|| (e.line(), e.column()));
    let message = builder::ellipsize(&message, 200);
    (position, crate::sanitize::line(&message).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_names_the_bad_byte() {
        assert_eq!(
            decode_text(b"ok\nab\xffc".to_vec()).unwrap_err(),
            "is not valid UTF-8 at line 2 column 3"
        );
    }
}
