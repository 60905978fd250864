//! Plain text from the HTML that timeline tools keep in their fields
//! (TimelineJS slide texts, headlines and credits): tags dropped, character
//! references decoded, whitespace collapsed to one line.
//!
//! The text is tokenized by html5ever's tokenizer, the one browsers' rules
//! are written down in, so `&amp;`, `&eacute;`, `&#8217;`, a bare `AT&T` and
//! `a < b` all read as a browser shows them; no document tree is built.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::{Cell, RefCell};

/// Elements after which text starts a new block: a space keeps their words
/// apart once the blocks are joined on one line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements whose content is code or styling, never text to read.
const HIDDEN: &[&str] = &["script", "style", "template", "noscript", "iframe"];

#[derive(Default)]
struct TextSink {
    out: RefCell<String>,
    /// Inside a hidden element: its characters are dropped.
    hidden: Cell<bool>,
}

impl TokenSink for TextSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::CharacterTokens(text) if !self.hidden.get() => {
                self.out.borrow_mut().push_str(&text);
            }
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                if HIDDEN.contains(&name) {
                    let start = tag.kind == TagKind::StartTag && !tag.self_closing;
                    self.hidden.set(start);
                    if start {
                        // What follows is raw text up to the closing tag,
                        // as a browser reads it.
                        let kind = if name == "script" {
                            RawKind::ScriptData
                        } else {
                            RawKind::Rawtext
                        };
                        return TokenSinkResult::RawData(kind);
                    }
                } else if BLOCKS.contains(&name) {
                    self.out.borrow_mut().push(' ');
                } else if (name == "textarea" || name == "title")
                    && tag.kind == TagKind::StartTag
                    && !tag.self_closing
                {
                    return TokenSinkResult::RawData(RawKind::Rcdata);
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The text of an HTML fragment, on one line.
pub(crate) fn html_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return one_line(html);
    }
    let tokenizer = Tokenizer::new(TextSink::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    one_line(&tokenizer.sink.out.borrow())
}

/// Whitespace runs (line breaks, tabs, no-break spaces) as one space.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::html_text;

    #[test]
    fn tags_go_and_blocks_keep_words_apart() {
        assert_eq!(
            html_text("<p class=\"lead\">First <b>bold</b>.</p><p>Second</p>"),
            "First bold. Second"
        );
        assert_eq!(
            html_text("Whitney Houston<br/> 1963 - 2012"),
            "Whitney Houston 1963 - 2012"
        );
        assert_eq!(
            html_text("<a href='https://x.org' onclick = 'void(0)'>Ada</a>lace"),
            "Adalace"
        );
        assert_eq!(html_text("<ul><li>one</li><li>two</li></ul>"), "one two");
    }

    #[test]
    fn character_references_are_decoded() {
        assert_eq!(html_text("Fish &amp; chips"), "Fish & chips");
        assert_eq!(html_text("caf&eacute; &#8220;q&#x201D;"), "café “q”");
        assert_eq!(html_text("a&nbsp;b"), "a b");
        // Not references, not tags: kept as written.
        assert_eq!(html_text("AT&T and a < b"), "AT&T and a < b");
    }

    #[test]
    fn scripts_styles_and_comments_are_not_text() {
        assert_eq!(
            html_text("<script>var x = '<p>no</p>';</script>yes<style>p{}</style><!-- no -->"),
            "yes"
        );
        assert_eq!(html_text("<iframe src=\"v\"></iframe>"), "");
        assert_eq!(html_text("<title>a &lt;b&gt;</title>"), "a <b>");
    }

    #[test]
    fn plain_text_only_loses_extra_whitespace() {
        assert_eq!(html_text("  two\n lines\t"), "two lines");
        assert_eq!(html_text(""), "");
    }

    #[test]
    fn broken_markup_does_not_lose_the_text() {
        assert_eq!(html_text("<p>open <b>never closed"), "open never closed");
        assert_eq!(html_text("text <"), "text <");
        assert_eq!(html_text("</p>"), "");
    }
}
