//! Exporting what is on screen: the prompts for a format and a path, the
//! request the terminal layer carries out (the app itself touches no file),
//! and what the app shows when the answer comes back.

use super::action::Action;
use super::{App, Effect, LineInput, Prompt, PromptKind};
use crate::export::Format;
use crate::model::EventIx;
use std::path::PathBuf;

/// Write these events in this format to this path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub format: Format,
    pub path: PathBuf,
    pub events: Vec<EventIx>,
    /// The filter as the command line writes it, to say what the file holds.
    pub description: String,
    /// Replace the file if it exists (the user said yes).
    pub replace: bool,
}

/// How an export request ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportOutcome {
    Wrote {
        path: String,
        events: usize,
        notes: Vec<String>,
    },
    /// The file exists: ask before replacing it.
    Exists(ExportRequest),
    Failed(String),
}

/// Characters kept in a default file name.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

impl App {
    /// The events the chronology lists now, under the current filters.
    pub fn on_screen(&self) -> Vec<EventIx> {
        self.visible.clone()
    }

    /// `timeline-putin-fr-export.ics`: the timeline's name, the filter's
    /// actors and countries, and the format's extension (`-export` keeps it
    /// from taking the name of a timeline file beside it).
    pub fn default_export_name(&self, format: Format) -> String {
        let t = &self.timeline;
        // A GDELT export's stem already ends in "export".
        let base = slug(&self.export_base);
        let base = base.strip_suffix("-export").unwrap_or(&base);
        let mut parts = vec![base.to_string()];
        for &a in self.filter.actors.iter().take(3) {
            parts.push(slug(t.actor(a).id()));
        }
        for &c in self.filter.countries.iter().take(3) {
            parts.push(slug(crate::model::country::code(c)));
        }
        parts.retain(|p| !p.is_empty());
        if parts.is_empty() {
            parts.push("dateline".into());
        }
        format!("{}-export.{}", parts.join("-"), format.extension())
    }

    pub(super) fn start_export(&mut self) {
        // A file of part of the events, named as if it held them all,
        // would mislead: the export waits for the whole timeline.
        if let Some(note) = self.loading_note() {
            self.message = Some(format!(
                "export waits for the whole timeline ({note}): press e again when it is in"
            ));
            return;
        }
        if self.visible.is_empty() {
            self.message = Some("nothing to export: no events on screen".into());
            return;
        }
        self.prompt = Some(Prompt::new(PromptKind::ExportFormat, LineInput::new()));
    }

    /// The export prompts' answers: `y` to replace a file, Enter on a
    /// format or a path. (Typing and editing go through the prompt.)
    pub(super) fn update_export_prompt(&mut self, action: Action) {
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        match (prompt.kind, action) {
            (PromptKind::ExportReplace(request), Action::Input('y' | 'Y')) => {
                self.outbox.push(Effect::Export(ExportRequest {
                    replace: true,
                    ..request
                }))
            }
            (PromptKind::ExportFormat, Action::Submit) => {
                let name = prompt.input.value();
                match Format::parse(name) {
                    Some(format) => {
                        let path = self.default_export_name(format);
                        self.prompt = Some(Prompt::new(
                            PromptKind::ExportPath(format),
                            LineInput::preselected(&path),
                        ));
                    }
                    None => {
                        self.message = Some(format!(
                            "'{}' is not a format: timelinejs, ics, csv, markdown or jsonl",
                            crate::sanitize::line(name.trim())
                        ))
                    }
                }
            }
            (PromptKind::ExportPath(format), Action::Submit)
                if !prompt.input.value().trim().is_empty() =>
            {
                self.outbox.push(Effect::Export(ExportRequest {
                    format,
                    path: PathBuf::from(prompt.input.value().trim()),
                    events: self.on_screen(),
                    description: crate::export::describe(&self.timeline, &self.filter),
                    replace: false,
                }));
            }
            _ => self.message = Some("export cancelled".into()),
        }
    }

    pub(super) fn export_done(&mut self, outcome: ExportOutcome) {
        match outcome {
            ExportOutcome::Wrote {
                path,
                events,
                notes,
            } => {
                let mut text = format!(
                    "wrote {events} event{} to {}",
                    if events == 1 { "" } else { "s" },
                    crate::sanitize::line(&path)
                );
                for note in notes {
                    text.push_str("; ");
                    text.push_str(&note);
                }
                self.message = Some(text);
            }
            ExportOutcome::Exists(request) => {
                self.prompt = Some(Prompt::new(
                    PromptKind::ExportReplace(request),
                    LineInput::new(),
                ));
            }
            ExportOutcome::Failed(reason) => {
                self.message = Some(format!("export failed: {}", crate::sanitize::line(&reason)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn default_names_say_export_once() {
        let mut app = App::new(Arc::new(crate::model::Timeline::default()));
        app.export_base = "20250807220000.export".into();
        assert_eq!(
            app.default_export_name(Format::Jsonl),
            "20250807220000-export.jsonl"
        );
        app.export_base = "paris talks".into();
        assert_eq!(
            app.default_export_name(Format::Csv),
            "paris-talks-export.csv"
        );
        app.export_base = "".into();
        assert_eq!(app.default_export_name(Format::Csv), "dateline-export.csv");
    }
}
