//! The source view: a source's whole text, every span an event quotes
//! marked, moving between the spans and jumping to their events. The spans
//! and the wrapped lines are computed here when the view opens or the
//! terminal resizes, so drawing builds only the visible lines.

use super::action::Action;
use super::{App, Effect, Pane};
use crate::model::{DerivationAnchor, EventIx, QuotedSpan, SourceIx};
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Lines above the text: the source's title, its outlet, date and URL, and
/// the count of spans.
pub const HEADER_LINES: u16 = 3;
/// Lines below the text: the span in focus and its event.
pub const FOOTER_LINES: u16 = 1;
/// Columns left of the text, for the numbers of the spans starting on a line.
pub const GUTTER: u16 = 6;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceView {
    pub source: SourceIx,
    /// Every quoted span of the text, by start.
    pub spans: Vec<QuotedSpan>,
    /// The span in focus (an index into `spans`).
    pub current: Option<usize>,
    /// The first line of text shown.
    pub scroll: usize,
    /// The text wrapped to the view's width: byte ranges of the text.
    pub lines: Vec<Range<usize>>,
    /// The line each span starts on.
    pub span_line: Vec<usize>,
    /// Lines of text the view shows at once.
    pub height: usize,
}

impl SourceView {
    /// The largest scroll offset.
    pub fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.height)
    }

    /// The spans that overlap the byte range `r`, with their indexes.
    pub fn spans_in(&self, r: Range<usize>) -> impl Iterator<Item = (usize, &QuotedSpan)> + '_ {
        let upto = self
            .spans
            .partition_point(|s| s.start < r.end.max(r.start + 1));
        self.spans[..upto]
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.end > r.start)
    }

    fn scroll_to_current(&mut self) {
        let Some(line) = self.current.and_then(|c| self.span_line.get(c)).copied() else {
            return;
        };
        if line < self.scroll || line >= self.scroll + self.height {
            // A third of the view above it, for the sentence that leads in.
            self.scroll = line.saturating_sub(self.height / 3).min(self.max_scroll());
        }
    }
}

/// The text's width and height in the source view on a screen of this size.
pub fn text_size(width: u16, height: u16) -> (usize, usize) {
    // The view covers everything above the status line, inside a border.
    let w = width.saturating_sub(2 + GUTTER);
    let h = height
        .saturating_sub(2)
        .saturating_sub(2 + HEADER_LINES + FOOTER_LINES);
    // Lines past a hundred columns are hard to read: wide screens keep a margin.
    (w.clamp(1, 100) as usize, h.max(1) as usize)
}

/// Wraps `text` to `width` columns at spaces (cutting words longer than a
/// line), as byte ranges; newlines end lines and are left out of them.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut para_start = 0;
    for para in text.split('\n') {
        let base = para_start;
        para_start += para.len() + 1;
        let mut start = base;
        let mut used = 0usize;
        // Just after the last space on this line, and the width up to it.
        let mut brk: Option<(usize, usize)> = None;
        for (i, c) in para.char_indices() {
            let at = base + i;
            let cw = c.width().unwrap_or(0);
            if c == ' ' {
                used += cw;
                brk = Some((at + 1, used));
                continue;
            }
            if used + cw > width && used > 0 {
                match brk {
                    Some((b, w)) if b > start => {
                        lines.push(start..b);
                        start = b;
                        used -= w;
                    }
                    _ => {
                        lines.push(start..at);
                        start = at;
                        used = 0;
                    }
                }
                brk = None;
            }
            used += cw;
        }
        lines.push(start..base + para.len());
    }
    lines
}

impl App {
    /// Opens the source of the selected quote (the first unless one is
    /// chosen in the quotes pane), or of the date's anchor when the event
    /// quotes nothing.
    pub(super) fn open_source(&mut self) {
        let Some(ix) = self.current() else {
            self.message = Some("no event selected".into());
            return;
        };
        let e = self.timeline.event(ix);
        // The selected quote of the quotes pane, else the first.
        let n = self.quote_cursor.min(e.quotes().len().saturating_sub(1));
        let (source, quote) = match e.quotes().nth(n) {
            Some(q) => (q.q.source, Some(n)),
            None => match e.derivation().map(|d| d.anchor) {
                Some(DerivationAnchor::Source(s)) => (s, None),
                _ => {
                    self.message = Some("this event quotes no source".into());
                    return;
                }
            },
        };
        let spans = self.timeline.source(source).quoted_spans();
        let current = spans
            .iter()
            .position(|s| s.event == ix && Some(s.quote) == quote)
            .or_else(|| spans.iter().position(|s| s.event == ix));
        self.source = Some(SourceView {
            source,
            spans,
            current,
            scroll: 0,
            lines: Vec::new(),
            span_line: Vec::new(),
            height: 1,
        });
        self.relayout_source();
        if let Some(view) = self.source.as_mut() {
            view.scroll_to_current();
        }
    }

    /// Wraps the source text again for the terminal's size.
    pub(super) fn relayout_source(&mut self) {
        let (w, h) = text_size(self.size.0, self.size.1);
        let timeline = std::sync::Arc::clone(&self.timeline);
        let Some(view) = self.source.as_mut() else {
            return;
        };
        let text = timeline.source(view.source).text();
        view.lines = wrap_ranges(text, w);
        view.height = h;
        view.span_line = view
            .spans
            .iter()
            .map(|s| {
                view.lines
                    .partition_point(|l| l.start <= s.start)
                    .saturating_sub(1)
            })
            .collect();
        view.scroll = view.scroll.min(view.max_scroll());
        view.scroll_to_current();
    }

    pub(super) fn update_source(&mut self, action: Action) {
        let Some(view) = self.source.as_mut() else {
            return;
        };
        let page = view.height.saturating_sub(1).max(1) as isize;
        let scroll_by = |view: &mut SourceView, delta: isize| {
            view.scroll = (view.scroll as isize)
                .saturating_add(delta)
                .clamp(0, view.max_scroll() as isize) as usize;
        };
        match action {
            Action::Escape | Action::OpenSource => self.source = None,
            Action::Down => scroll_by(view, 1),
            Action::Up => scroll_by(view, -1),
            Action::PageDown => scroll_by(view, page),
            Action::PageUp => scroll_by(view, -page),
            Action::Scroll { down, .. } => scroll_by(view, if down { 3 } else { -3 }),
            Action::Top => scroll_by(view, isize::MIN / 2),
            Action::Bottom => scroll_by(view, isize::MAX / 2),
            Action::NextHit | Action::PrevHit => {
                let n = view.spans.len();
                if n == 0 {
                    self.message = Some("no event quotes this source".into());
                    return;
                }
                let forward = action == Action::NextHit;
                view.current = Some(match view.current {
                    None if forward => {
                        // The first span at or below the top of the view.
                        let top = view.scroll;
                        view.span_line.iter().position(|&l| l >= top).unwrap_or(0)
                    }
                    None => n - 1,
                    Some(c) if forward => (c + 1) % n,
                    Some(c) => (c + n - 1) % n,
                });
                view.scroll_to_current();
            }
            Action::Activate => match self.span_event() {
                Some((event, _)) => {
                    self.source = None;
                    self.jump_to(event);
                    self.focus = Pane::Event;
                }
                None => self.message = Some("no span in focus: n goes to the next".into()),
            },
            Action::CopyId => self.copy_id(self.span_event().map(|(e, _)| e)),
            Action::CopyCitation => {
                let (event, quote) = self.span_event().unzip();
                self.copy_citation(event, quote);
            }
            _ => {}
        }
    }

    /// The event and quote of the span in focus in the source view.
    fn span_event(&self) -> Option<(EventIx, usize)> {
        let view = self.source.as_ref()?;
        let span = view.spans.get(view.current?)?;
        Some((span.event, span.quote))
    }

    /// Sends an event's id to the clipboard.
    pub(super) fn copy_id(&mut self, event: Option<EventIx>) {
        let Some(ix) = event else {
            self.message = Some("no event to copy".into());
            return;
        };
        let id = self.timeline.event(ix).id().to_string();
        self.copy(id);
    }

    /// Sends a citation of an event (with one of its quotes) to the clipboard.
    pub(super) fn copy_citation(&mut self, event: Option<EventIx>, quote: Option<usize>) {
        let Some(ix) = event else {
            self.message = Some("no event to copy".into());
            return;
        };
        let text = crate::present::citation(&self.timeline, ix, quote.unwrap_or(0));
        self.copy(text);
    }

    fn copy(&mut self, text: String) {
        let shown = crate::present::ellipsize(&text, 20);
        self.message = Some(format!(
            "copied \"{shown}\" (OSC 52, may be refused; tmux: set-clipboard on)"
        ));
        self.outbox.push(Effect::Copy(text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces<'a>(text: &'a str, lines: &[Range<usize>]) -> Vec<&'a str> {
        lines.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn wraps_at_spaces_keeping_every_byte_but_newlines() {
        let text = "one two three\n\nfour";
        let lines = wrap_ranges(text, 8);
        assert_eq!(pieces(text, &lines), ["one two ", "three", "", "four"]);
        let long = "abcdefghij kl";
        assert_eq!(
            pieces(long, &wrap_ranges(long, 4)),
            ["abcd", "efgh", "ij ", "kl"]
        );
        assert_eq!(pieces("", &wrap_ranges("", 5)), [""]);
        let wide = "日本語テキスト";
        assert_eq!(
            pieces(wide, &wrap_ranges(wide, 4)),
            ["日本", "語テ", "キス", "ト"]
        );
    }
}
