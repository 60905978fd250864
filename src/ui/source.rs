//! The source view: the source's title, outlet, date and URL, then its text
//! with every quoted span highlighted and numbered in the gutter, and the
//! span in focus with its event at the bottom. Only the visible lines are
//! built; the wrapping was done by the app when the view opened.

use super::Theme;
use crate::app::source::{FOOTER_LINES, GUTTER, HEADER_LINES};
use crate::app::{App, SourceView};
use crate::model::date::from_day_number;
use crate::present::ellipsize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

pub fn render(app: &App, view: &SourceView, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
    let t = &app.timeline;
    let s = t.source(view.source);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border(true))
        .title(Line::from(vec![
            Span::styled(format!(" Source {} ", s.id()), theme.title(true)),
            Span::styled(" n/N spans · Enter event · Esc closes ", theme.dim()),
        ]));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    if inner.height < HEADER_LINES + FOOTER_LINES + 1 || inner.width <= GUTTER {
        return;
    }
    let width = inner.width as usize;
    let day = s
        .published()
        .and_then(from_day_number)
        .map(|d| d.format("%a %-d %b %Y").to_string())
        .unwrap_or_default();
    let events = {
        let mut e: Vec<_> = view.spans.iter().map(|s| s.event).collect();
        e.sort_unstable();
        e.dedup();
        e.len()
    };
    let header = vec![
        Line::from(Span::styled(
            ellipsize(s.title(), width),
            theme.title(false),
        )),
        Line::from(vec![
            Span::styled(ellipsize(s.outlet(), width / 2), theme.label()),
            Span::styled(format!(" · {day} · "), theme.dim()),
            match s.url() {
                Some(url) => Span::styled(url, Style::new()),
                None => Span::styled("no URL given", theme.dim()),
            },
        ]),
        Line::from(Span::styled(
            format!(
                "{} quoted span{} from {events} event{}",
                view.spans.len(),
                if view.spans.len() == 1 { "" } else { "s" },
                if events == 1 { "" } else { "s" }
            ),
            theme.dim(),
        )),
    ];
    frame.render_widget(
        Paragraph::new(header),
        Rect::new(inner.x, inner.y, inner.width, HEADER_LINES),
    );
    let text_area = Rect::new(
        inner.x,
        inner.y + HEADER_LINES,
        inner.width,
        inner.height - HEADER_LINES - FOOTER_LINES,
    );
    let text = s.text();
    let lines: Vec<Line<'_>> = if text.is_empty() {
        vec![Line::from(Span::styled(
            "this source has no text in the timeline",
            theme.dim(),
        ))]
    } else {
        view.lines
            .iter()
            .enumerate()
            .skip(view.scroll)
            .take(text_area.height as usize)
            .map(|(n, r)| text_line(view, text, n, r.clone(), theme))
            .collect()
    };
    frame.render_widget(Paragraph::new(lines), text_area);
    let bottom = Rect::new(
        inner.x,
        inner.y + inner.height - FOOTER_LINES,
        inner.width,
        FOOTER_LINES,
    );
    let line = match view.current.and_then(|c| view.spans.get(c).map(|s| (c, s))) {
        Some((c, span)) => {
            let e = t.event(span.event);
            let head = format!("[{}/{}] → ", c + 1, view.spans.len());
            let date = format!("  {}", e.date().human());
            let room = width.saturating_sub(head.chars().count() + date.chars().count());
            Line::from(vec![
                Span::styled(head, theme.label()),
                Span::styled(ellipsize(e.title(), room), theme.title(false)),
                Span::styled(date, theme.dim()),
            ])
        }
        None if view.spans.is_empty() => {
            Line::from(Span::styled("no event quotes this source", theme.dim()))
        }
        None => Line::from(Span::styled("n: the next quoted span", theme.dim())),
    };
    frame.render_widget(Paragraph::new(line), bottom);
}

/// One line of the text: the numbers of the spans that start on it in the
/// gutter, the quoted parts highlighted, the span in focus reversed.
fn text_line<'a>(
    view: &SourceView,
    text: &'a str,
    n: usize,
    r: std::ops::Range<usize>,
    theme: &Theme,
) -> Line<'a> {
    let starting: Vec<usize> = view
        .span_line
        .iter()
        .enumerate()
        .filter(|&(_, &l)| l == n)
        .map(|(i, _)| i + 1)
        .collect();
    let gutter = match starting.as_slice() {
        [] => String::new(),
        [one] => format!("[{one}]"),
        [first, ..] => format!("[{first}+]"),
    };
    let focus_here = view.current.is_some_and(|c| starting.contains(&(c + 1)));
    let mut spans = vec![Span::styled(
        format!("{gutter:>w$} ", w = GUTTER as usize - 1),
        if focus_here {
            theme.selected()
        } else {
            theme.linked()
        },
    )];
    // Cut the line where any span overlapping it starts or ends.
    let overlapping: Vec<(usize, usize, usize)> = view
        .spans_in(r.clone())
        .map(|(i, s)| (i, s.start.max(r.start), s.end.min(r.end)))
        .collect();
    let mut cuts: Vec<usize> = vec![r.start, r.end];
    for &(_, a, b) in &overlapping {
        cuts.push(a);
        cuts.push(b);
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        let inside: Vec<usize> = overlapping
            .iter()
            .filter(|&&(_, s, e)| s <= a && b <= e)
            .map(|&(i, _, _)| i)
            .collect();
        let style = if inside.iter().any(|&i| Some(i) == view.current) {
            theme.selected()
        } else if !inside.is_empty() {
            theme.quote()
        } else {
            Style::new()
        };
        spans.push(Span::styled(piece, style));
    }
    Line::from(spans)
}
