//! The effects the app asks for, carried out: text put on the clipboard
//! and exports written, with the default name of an export file.

use crate::app::{Action, App, Effect, ExportOutcome, ExportRequest};
use crate::load;
use base64::Engine;

/// Carries out what the app asked for, the app itself doing no I/O;
/// answers come back to it as actions.
pub(super) fn carry_out(app: &mut App, input: Option<&std::path::Path>) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout();
    for effect in std::mem::take(&mut app.outbox) {
        match effect {
            Effect::Copy(text) => {
                // OSC 52: the terminal puts the (base64) text on the clipboard,
                // if it allows it; nothing comes back to say whether it did.
                let data = base64::engine::general_purpose::STANDARD.encode(text);
                write!(out, "\x1b]52;c;{data}\x07")?;
                out.flush()?;
            }
            Effect::Export(request) => {
                let answer = export(app, request, input);
                app.update(answer);
            }
        }
    }
    Ok(())
}

/// Writes an export: the one place the browser writes a file. Never over
/// the input, never over an existing file unless the user said so, and
/// through a temporary file renamed into place. The answer is an action.
pub fn export(app: &App, request: ExportRequest, input: Option<&std::path::Path>) -> Action {
    let mut opts = crate::export::Options::new(request.format);
    // The browser groups TimelineJS slides by country.
    opts.group = Some(crate::export::Group::Country);
    opts.description = request.description.clone();
    let inputs: Vec<&std::path::Path> = input.into_iter().collect();
    let outcome = match crate::export::write_file(
        &request.path,
        &inputs,
        request.replace,
        &app.timeline,
        &request.events,
        &opts,
    ) {
        Ok(written) => ExportOutcome::Wrote {
            // Where it is, whatever directory the path was typed relative to.
            path: std::fs::canonicalize(&request.path)
                .unwrap_or(request.path)
                .display()
                .to_string(),
            events: written.events,
            notes: written.notes(),
        },
        Err(crate::export::ExportError::Exists(_)) => ExportOutcome::Exists(request),
        Err(e) => ExportOutcome::Failed(e.to_string()),
    };
    Action::Exported(outcome)
}

/// The name default export files start with: the timeline file's or
/// directory's name.
pub(super) fn export_base(path: Option<&std::path::Path>) -> String {
    let path = path.unwrap_or(std::path::Path::new(load::BUILTIN_NAME));
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "timeline".into())
}
