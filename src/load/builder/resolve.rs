//! Resolves what the builder left open (references to things declared
//! later) and checks dates against their derivations; then `build` makes the
//! store.

use crate::load::builder::FileIx;
use crate::load::builder::runs::flat_map_in_runs;
use crate::load::builder::{Builder, NONE, RawEvent};
use crate::load::diagnostics::LoadError;
use crate::model::Timeline;
use crate::model::date::{Day, from_day_number};
use crate::model::timeline::Span;
use crate::sanitize;

impl Builder {
    /// Resolves, validates and indexes everything read so far.
    pub fn finish(mut self) -> Result<Timeline, LoadError> {
        self.resolve_event_refs();
        self.fold_late_additions();
        self.check_references();
        self.check_pending_quotes();
        self.check_derivations();
        if self.arena.overflowed || self.ids_overflowed {
            self.diagnose(
                0,
                None,
                None,
                "the timeline's text passes 4 GiB, more than one store holds".into(),
            );
        }
        if !self.diags.is_empty() {
            return Err(self.diags.into_error());
        }
        let report = crate::model::ImportReport {
            rows: self.rows,
            skipped_total: self.skipped.total,
            skipped: self.skipped.kept.iter().map(|d| d.to_string()).collect(),
        };
        let mut parts = self.build();
        parts.import_report = report;
        Ok(Timeline::from_parts(parts))
    }

    /// Resolves every event id reference to its id's slot, and each slot
    /// to the event that declared it. A second event with an id already
    /// declared is a duplicate: reported in a native file, skipped (and
    /// left out) in an imported one. Done once; later calls do nothing.
    pub(crate) fn resolve_event_refs(&mut self) {
        if self.refs_resolved {
            return;
        }
        self.refs_resolved = true;
        let refs = std::mem::take(&mut self.event_refs);
        self.ids_overflowed = refs.overflowed();
        let (ids, slot) = refs.resolve(&self.hasher);
        let at = |r: u32| slot[r as usize];
        for l in &mut self.links {
            l.other = at(l.other);
        }
        for (from, l) in &mut self.late_links {
            (*from, l.other) = (at(*from), at(l.other));
        }
        for (event, _) in &mut self.late_sources {
            *event = at(*event);
        }
        for d in &mut self.derivations {
            if d.anchor_day.is_none() && !d.anchor_is_source {
                d.anchor_slot = at(d.anchor_slot);
            }
        }
        let mut slot_event = vec![NONE; ids.len()];
        let mut duplicates = Vec::new();
        for (ix, e) in self.events.iter_mut().enumerate() {
            e.slot = at(e.slot);
            match slot_event[e.slot as usize] {
                NONE => slot_event[e.slot as usize] = ix as u32,
                first => duplicates.push((ix, first)),
            }
        }
        drop(slot);
        (self.event_ids, self.slot_event) = (ids, slot_event);
        let mut lenient_drops = Vec::new();
        for &(ix, first) in &duplicates {
            let id = self.event_ids.key(self.events[ix].slot).to_string();
            let (origin, first) = (self.event_origins[ix], self.event_origins[first as usize]);
            let line = (origin.line > 0).then_some(origin.line as usize);
            let (file, first) = (origin.file, first.file);
            if self.lenient_files.contains(&file) {
                lenient_drops.push(ix);
                let first = self.file_name(Some(first)).to_string();
                let message = format!("duplicate event id '{id}' (first in {first})");
                self.skip_row(file, line, message);
            } else {
                let position = line.map(|l| (l, 1));
                self.diagnose_duplicate(file, position, "event", &id, first);
            }
        }
        if !lenient_drops.is_empty() {
            self.leave_out_events(lenient_drops.into_iter());
            self.sort_skipped_rows();
        }
    }

    /// Leaves out the events at `dropped` (ascending), renumbering the
    /// events after them. What they held in the flat arrays stays, unused.
    fn leave_out_events(&mut self, dropped: impl Iterator<Item = usize>) {
        let mut new_ix = vec![0u32; self.events.len()];
        let mut dropped = dropped.peekable();
        let mut next = 0u32;
        for (ix, to) in new_ix.iter_mut().enumerate() {
            if dropped.next_if_eq(&ix).is_some() {
                *to = NONE;
            } else {
                *to = next;
                next += 1;
            }
        }
        let mut ix = 0;
        self.events.retain(|_| {
            ix += 1;
            new_ix[ix - 1] != NONE
        });
        let mut ix = 0;
        self.event_origins.retain(|_| {
            ix += 1;
            new_ix[ix - 1] != NONE
        });
        for e in &mut self.slot_event {
            if *e != NONE {
                *e = new_ix[*e as usize];
            }
        }
        self.pending_quotes.retain_mut(|p| {
            p.event = new_ix[p.event as usize];
            p.event != NONE
        });
    }

    /// Puts the skipped rows back in the order of the files and lines they
    /// were read from, after some were found only when ids were resolved.
    fn sort_skipped_rows(&mut self) {
        let files: std::collections::HashMap<&str, usize> = self
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.as_str(), i))
            .collect();
        let key = |d: &crate::load::diagnostics::Diagnostic| {
            let file = files.get(d.file.as_str()).copied().unwrap_or(usize::MAX);
            (file, d.position.map_or(0, |(line, _)| line))
        };
        self.skipped.kept.sort_by_key(key);
    }

    fn subject_of_event(&self, event: u32) -> (FileIx, String) {
        let id = self.event_ids.key(self.events[event as usize].slot);
        (
            self.event_origins[event as usize].file,
            format!("event '{id}'"),
        )
    }

    fn check_references(&mut self) {
        let problems = flat_map_in_runs(self.events.len(), |run| self.reference_problems(run));
        for (event, message) in problems {
            let (file, subject) = self.subject_of_event(event);
            self.diagnose(file, None, Some(subject), message);
        }
    }

    /// What the events at `run` name that no file declared.
    fn reference_problems(&self, run: std::ops::Range<usize>) -> Vec<(u32, String)> {
        let mut problems: Vec<(u32, String)> = Vec::new();
        for ix in run {
            let e = &self.events[ix];
            let ix = ix as u32;
            let actors = &self.event_actors[e.actors.range()];
            for a in actors {
                let actor = &self.actors[a.actor as usize];
                if actor.file.is_none() {
                    problems.push((ix, format!("unknown actor '{}'", self.arena.get(actor.id))));
                }
            }
            let links = &self.links[e.links.range()];
            for l in links {
                if self.slot_event[l.other as usize] == NONE {
                    let target = self.event_ids.key(l.other);
                    problems.push((
                        ix,
                        format!("unknown link target '{target}' ({})", l.kind.as_str()),
                    ));
                }
            }
            let sources = &self.event_sources[e.sources.range()];
            for &s in sources {
                let source = &self.sources[s as usize];
                if source.file.is_none() {
                    problems.push((
                        ix,
                        format!("unknown source '{}'", self.arena.get(source.id)),
                    ));
                }
            }
            let quotes = &self.quotes[e.quotes.range()];
            for q in quotes {
                let source = &self.sources[q.source as usize];
                if source.file.is_none() {
                    problems.push((
                        ix,
                        format!("quote from unknown source '{}'", self.arena.get(source.id)),
                    ));
                }
            }
            if e.derivation != NONE {
                let d = &self.derivations[e.derivation as usize];
                let known = if d.anchor_day.is_some() {
                    true
                } else if d.anchor_is_source {
                    self.sources[d.anchor_slot as usize].file.is_some()
                } else {
                    self.slot_event[d.anchor_slot as usize] != NONE
                };
                if !known {
                    let (kind, id) = if d.anchor_is_source {
                        (
                            "source",
                            self.arena.get(self.sources[d.anchor_slot as usize].id),
                        )
                    } else {
                        ("event", self.event_ids.key(d.anchor_slot))
                    };
                    problems.push((
                        ix,
                        format!("date derivation anchored on unknown {kind} '{id}'"),
                    ));
                }
            }
        }
        problems
    }

    /// Moves links and sources added after their event into each event's
    /// own list, so every later step sees one contiguous list per event.
    fn fold_late_additions(&mut self) {
        let slot_event = &self.slot_event;
        // Additions to ids no event declared are dropped here; a link *to*
        // such an id stays and is reported as an unknown target.
        fn by_event<T>(slot_event: &[u32], late: Vec<(u32, T)>) -> Vec<(u32, T)> {
            let mut late: Vec<(u32, T)> = late
                .into_iter()
                .filter_map(|(slot, item)| {
                    let event = slot_event[slot as usize];
                    (event != NONE).then_some((event, item))
                })
                .collect();
            late.sort_by_key(|(event, _)| *event);
            late
        }
        let links = by_event(slot_event, std::mem::take(&mut self.late_links));
        let sources = by_event(slot_event, std::mem::take(&mut self.late_sources));
        fold_into(&mut self.events, |e| &mut e.links, &mut self.links, links);
        fold_into(
            &mut self.events,
            |e| &mut e.sources,
            &mut self.event_sources,
            sources,
        );
    }

    fn check_pending_quotes(&mut self) {
        for pending in std::mem::take(&mut self.pending_quotes) {
            let source = self.quotes[pending.quote as usize].source;
            if self.sources[source as usize].file.is_none() {
                continue; // reported by check_references
            }
            match self.verify_quote(pending.quote, &pending.text) {
                Ok(s) => self.quotes[pending.quote as usize].text = s,
                Err(e) => {
                    let (file, subject) = self.subject_of_event(pending.event);
                    self.diagnose(file, None, Some(subject), e);
                }
            }
        }
    }

    fn check_derivations(&mut self) {
        let mut problems = Vec::new();
        for (ix, e) in self.events.iter().enumerate() {
            if e.derivation == NONE {
                continue;
            }
            let d = &self.derivations[e.derivation as usize];
            let anchor_day: Option<Day> = if d.anchor_day.is_some() {
                d.anchor_day
            } else if d.anchor_is_source {
                let s = &self.sources[d.anchor_slot as usize];
                if s.file.is_some() && s.published.is_none() {
                    let (file, subject) = self.subject_of_event(ix as u32);
                    let id = self.arena.get(s.id);
                    problems.push((file, subject, format!("date derivation is anchored on source '{id}', which has no publication date")));
                    continue;
                }
                s.published
            } else {
                match self.slot_event[d.anchor_slot as usize] {
                    NONE => None,
                    anchor => {
                        let date = self.events[anchor as usize].date.value();
                        if !date.is_exact_day() {
                            let (file, subject) = self.subject_of_event(ix as u32);
                            problems.push((file, subject, format!("date derivation is anchored on an event without a single exact day ({})", date.edtf())));
                            continue;
                        }
                        date.earliest()
                    }
                }
            };
            let Some(anchor) = anchor_day.and_then(from_day_number) else {
                continue; // unknown anchor: reported by check_references
            };
            let computed = d.rule.apply(anchor);
            let date = e.date.value();
            if computed.map(|c| c.shape) != Some(date.shape) {
                let (file, subject) = self.subject_of_event(ix as u32);
                let phrase = self.arena.get(d.phrase);
                let want = computed.map_or_else(|| "no date".to_string(), |c| c.edtf());
                problems.push((
                    file,
                    subject,
                    format!(
                        "date {} does not follow from its derivation: \"{phrase}\" ({}) from {} gives {want}",
                        date.edtf(),
                        d.rule,
                        anchor.format("%Y-%m-%d"),
                    ),
                ));
            }
        }
        for (file, subject, message) in problems {
            self.diagnose(
                file,
                None,
                Some(subject),
                sanitize::line(&message).into_owned(),
            );
        }
    }
}

/// Rebuilds a flat per-event array with `late` items (sorted by event)
/// appended to each event's span, leaving out items the span already has.
fn fold_into<T: Copy + PartialEq>(
    events: &mut [RawEvent],
    span_of: impl Fn(&mut RawEvent) -> &mut Span,
    flat: &mut Vec<T>,
    late: Vec<(u32, T)>,
) {
    if late.is_empty() {
        return;
    }
    let mut out = Vec::with_capacity(flat.len() + late.len());
    let mut next = late.iter().peekable();
    for (ix, e) in events.iter_mut().enumerate() {
        let span = span_of(e);
        let start = out.len();
        out.extend_from_slice(&flat[span.range()]);
        while let Some((_, item)) = next.next_if(|(event, _)| *event == ix as u32) {
            if !out[start..].contains(item) {
                out.push(*item);
            }
        }
        *span = Span {
            start: start as u32,
            len: (out.len() - start) as u32,
        };
    }
    *flat = out;
}
