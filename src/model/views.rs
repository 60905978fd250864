//! Borrowed views of one event, actor, source or quote in a [`Timeline`].

use super::country::{self, CountryIx};
use super::date::{DateValue, Day};
use super::kinds::{ActorKind, Status};
use super::timeline::{
    ActorIx, Derivation, EventActor, EventIx, Link, NO_DERIVATION, Quote, SourceIx, Timeline,
};

#[derive(Clone, Copy)]
pub struct EventRef<'t> {
    t: &'t Timeline,
    pub ix: EventIx,
}

impl<'t> EventRef<'t> {
    pub(crate) fn new(t: &'t Timeline, ix: EventIx) -> Self {
        EventRef { t, ix }
    }
    fn rec(&self) -> &'t super::timeline::EventRec {
        &self.t.p.events[self.ix as usize]
    }
    pub fn id(&self) -> &'t str {
        self.t.p.event_ids.key(self.rec().slot)
    }
    pub fn title(&self) -> &'t str {
        self.t.str(self.rec().title)
    }
    pub fn summary(&self) -> &'t str {
        self.t.str(self.rec().summary)
    }
    pub fn date(&self) -> DateValue {
        self.rec().date.value()
    }
    pub fn earliest(&self) -> Option<Day> {
        self.date().earliest()
    }
    pub fn latest(&self) -> Option<Day> {
        self.date().latest()
    }
    pub fn status(&self) -> Status {
        self.rec().status
    }
    pub fn place(&self) -> &'t str {
        self.t.str(self.rec().place)
    }
    pub fn place_country(&self) -> Option<CountryIx> {
        let c = self.rec().place_country;
        (c != super::timeline::NO_COUNTRY).then_some(c)
    }
    pub fn derivation(&self) -> Option<&'t Derivation> {
        let d = self.rec().derivation;
        (d != NO_DERIVATION).then(|| &self.t.p.derivations[d as usize])
    }
    pub fn actors(&self) -> &'t [EventActor] {
        &self.t.p.event_actors[self.rec().actors.range()]
    }
    pub fn countries(&self) -> &'t [CountryIx] {
        &self.t.p.event_countries[self.rec().countries.range()]
    }
    pub fn topics(&self) -> impl Iterator<Item = &'t str> + 't {
        let t = self.t;
        t.p.event_topics[self.rec().topics.range()]
            .iter()
            .map(move |&i| t.p.topics.key(i))
    }
    /// The event's topics as numbers of the timeline's topic table.
    pub fn topic_ixs(&self) -> &'t [u32] {
        &self.t.p.event_topics[self.rec().topics.range()]
    }
    pub fn quotes(&self) -> impl ExactSizeIterator<Item = QuoteRef<'t>> + 't {
        let t = self.t;
        t.p.quotes[self.rec().quotes.range()]
            .iter()
            .map(move |q| QuoteRef { t, q })
    }
    pub fn links(&self) -> &'t [Link] {
        &self.t.p.links[self.rec().links.range()]
    }
    /// Every source the event rests on: those its quotes cite, in order,
    /// then those it names without quoting.
    pub fn sources(&self) -> Vec<SourceRef<'t>> {
        let mut seen: Vec<SourceIx> = Vec::new();
        let quoted = self.quotes().map(|q| q.q.source);
        let named = self.t.p.event_sources[self.rec().sources.range()]
            .iter()
            .copied();
        for s in quoted.chain(named) {
            if !seen.contains(&s) {
                seen.push(s);
            }
        }
        seen.into_iter().map(|s| self.t.source(s)).collect()
    }
    /// Where an imported date came from, when no derivation can say.
    pub fn date_origin(&self) -> Option<&'t str> {
        let o = self.rec().date_origin;
        (!o.is_empty()).then(|| self.t.str(o))
    }
    pub fn backlinks(&self) -> &'t [Link] {
        &self.t.p.backlinks[self.rec().backlinks.range()]
    }
    pub fn has_links(&self) -> bool {
        self.rec().links.len + self.rec().backlinks.len > 0
    }
    /// Whether `other` is linked to this event in either direction.
    pub fn is_linked_to(&self, other: EventIx) -> bool {
        self.links()
            .iter()
            .chain(self.backlinks())
            .any(|l| l.other == other)
    }
    pub fn has_actor(&self, actor: ActorIx) -> bool {
        self.actors().iter().any(|a| a.actor == actor)
    }
    /// The countries the event involves: its list and its place's country.
    pub fn involves_country(&self, c: CountryIx) -> bool {
        self.countries().contains(&c) || self.place_country() == Some(c)
    }
}

#[derive(Clone, Copy)]
pub struct ActorRef<'t> {
    t: &'t Timeline,
    pub ix: ActorIx,
}

impl<'t> ActorRef<'t> {
    pub(crate) fn new(t: &'t Timeline, ix: ActorIx) -> Self {
        ActorRef { t, ix }
    }
    fn rec(&self) -> &'t super::timeline::ActorRec {
        &self.t.p.actors[self.ix as usize]
    }
    pub fn id(&self) -> &'t str {
        self.t.str(self.rec().id)
    }
    pub fn name(&self) -> &'t str {
        self.t.str(self.rec().name)
    }
    pub fn kind(&self) -> ActorKind {
        self.rec().kind
    }
    pub fn title(&self) -> &'t str {
        self.t.str(self.rec().title)
    }
    pub fn country(&self) -> Option<CountryIx> {
        self.rec().country
    }
    pub fn country_code(&self) -> Option<&'static str> {
        self.rec().country.map(country::code)
    }
    pub fn aliases(&self) -> impl Iterator<Item = &'t str> + 't {
        let t = self.t;
        t.p.aliases[self.rec().aliases.range()]
            .iter()
            .map(move |&s| t.str(s))
    }
    pub fn events(&self) -> &'t [EventIx] {
        self.t.events_of_actor(self.ix)
    }
}

#[derive(Clone, Copy)]
pub struct SourceRef<'t> {
    t: &'t Timeline,
    pub ix: SourceIx,
}

impl<'t> SourceRef<'t> {
    pub(crate) fn new(t: &'t Timeline, ix: SourceIx) -> Self {
        SourceRef { t, ix }
    }
    fn rec(&self) -> &'t super::timeline::SourceRec {
        &self.t.p.sources[self.ix as usize]
    }
    pub fn id(&self) -> &'t str {
        self.t.str(self.rec().id)
    }
    pub fn outlet(&self) -> &'t str {
        self.t.str(self.rec().outlet)
    }
    pub fn title(&self) -> &'t str {
        self.t.str(self.rec().title)
    }
    pub fn url(&self) -> Option<&'t str> {
        let url = self.rec().url;
        (!url.is_empty()).then(|| self.t.str(url))
    }
    /// The publication day, when the source gives one.
    pub fn published(&self) -> Option<Day> {
        self.rec().published
    }
    /// Whether the source carries verbatim text that quotes cite.
    pub fn has_text(&self) -> bool {
        self.rec().has_text
    }
    pub fn text(&self) -> &'t str {
        self.t.str(self.rec().text)
    }
    pub fn text_file(&self) -> &'t str {
        self.t.str(self.rec().text_file)
    }
    /// Every quoted span of this source's text, by start then end: byte
    /// ranges into [`SourceRef::text`], each with the event quoting it and
    /// the quote's place in that event's list. Only the events that quote
    /// the source are read (from the index built at load).
    pub fn quoted_spans(&self) -> Vec<QuotedSpan> {
        let p = &self.t.p;
        let text = self.rec().text;
        let mut spans = Vec::new();
        for &event in p.by_source.get(self.ix) {
            let rec = &p.events[event as usize];
            for (n, q) in p.quotes[rec.quotes.range()].iter().enumerate() {
                if q.source != self.ix || q.text.start < text.start {
                    continue;
                }
                let start = (q.text.start - text.start) as usize;
                spans.push(QuotedSpan {
                    start,
                    end: start + q.text.len as usize,
                    event,
                    quote: n,
                });
            }
        }
        spans.sort_by_key(|s| (s.start, s.end, s.event));
        spans
    }
}

/// A span of a source's text that an event quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotedSpan {
    /// Byte range in the source's text.
    pub start: usize,
    pub end: usize,
    pub event: EventIx,
    /// Which of the event's quotes it is.
    pub quote: usize,
}

/// A quote, with the sentence(s) around it in its source.
#[derive(Clone, Copy)]
pub struct QuoteRef<'t> {
    t: &'t Timeline,
    pub q: &'t Quote,
}

impl<'t> QuoteRef<'t> {
    pub fn text(&self) -> &'t str {
        self.t.str(self.q.text)
    }
    pub fn source(&self) -> SourceRef<'t> {
        self.t.source(self.q.source)
    }
    /// The text before the quote back to the start of its sentence, and after
    /// it to the end of its sentence.
    pub fn context(&self) -> (&'t str, &'t str) {
        let source = &self.t.p.sources[self.q.source as usize];
        let whole = self.t.str(source.text);
        let start = (self.q.text.start - source.text.start) as usize;
        let end = start + self.q.text.len as usize;
        let (Some(head), Some(tail)) = (whole.get(..start), whole.get(end..)) else {
            return ("", "");
        };
        let before_from = sentence_start(head);
        let after_to = sentence_end(tail);
        (&head[before_from..], &tail[..after_to])
    }
}

/// Byte offset where the sentence containing the end of `head` starts.
fn sentence_start(head: &str) -> usize {
    let bytes = head.as_bytes();
    let mut i = bytes.len();
    while i > 0 {
        let b = bytes[i - 1];
        if b == b'\n' {
            return i;
        }
        if matches!(b, b' ') && i >= 2 && matches!(bytes[i - 2], b'.' | b'?' | b'!') {
            return i;
        }
        i -= 1;
    }
    0
}

/// Byte length of `tail` up to and including the end of its first sentence.
fn sentence_end(tail: &str) -> usize {
    let bytes = tail.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            return i;
        }
        if matches!(b, b'.' | b'?' | b'!')
            && bytes.get(i + 1).is_none_or(|&n| n == b' ' || n == b'\n')
        {
            return i + 1;
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_found_around_a_span() {
        let head = "First one. Second starts here ";
        assert_eq!(&head[sentence_start(head)..], "Second starts here ");
        let tail = " and ends. Third.";
        assert_eq!(&tail[..sentence_end(tail)], " and ends.");
        assert_eq!(sentence_start("no stop"), 0);
        assert_eq!(sentence_end("no stop"), 7);
        assert_eq!(sentence_end("line\nnext"), 4);
    }
}
