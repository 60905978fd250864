//! The `dateline` command: parses arguments, loads the timeline, dispatches.

mod cli;

use anyhow::{Context, Result, bail};
use clap::Parser;
use cli::{Cli, Command, Input};
use dateline::load::{self, ImportOptions, LoadError};
use dateline::query::{self, spec::FilterSpec};
use dateline::snapshot::Loaded;
use dateline::{export, report, sanitize, timex};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // The parser's messages quote the arguments as given: they go
            // out cleaned like every other message. (Its plain rendering
            // would strip escape sequences, the user's too, leaving '' where
            // an argument was; with plain styles, `ansi` is the text as is.)
            let text = e.render().ansi().to_string();
            if e.use_stderr() {
                say(&mut io::stderr(), &text);
            } else {
                say(&mut io::stdout(), &text);
            }
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            say(&mut io::stderr(), &format!("dateline: {e:#}\n"));
            ExitCode::from(1)
        }
    }
}

/// Writes a message, whoever formatted it, through the sanitizer: no
/// argument or file name it quotes can act on the terminal, and piped
/// output carries no C1 control or direction override either.
fn say(to: &mut dyn Write, text: &str) {
    let cleaned = sanitize::clean(text, sanitize::Lines::Many);
    let _ = to.write_all(sanitize::for_display(&cleaned).as_bytes());
}

fn load(input: &Input, import: &ImportOptions) -> Result<Loaded, LoadError> {
    match &input.path {
        Some(p) => dateline::snapshot::load_or_open(
            p,
            input.read.load_options(import),
            &input.read.snapshot(),
        ),
        None => load::load_builtin().map(Loaded::from),
    }
}

/// Loads, or prints every diagnostic and returns exit code 1. Skipped rows
/// of imported files are said on standard error.
fn load_or_report(input: &Input) -> Result<Result<Loaded, ExitCode>> {
    let import = input.read.import_options()?;
    Ok(load(input, &import)
        .inspect(|t| {
            if let Some(summary) = t.import_report().summary() {
                say(&mut io::stderr(), &format!("dateline: {summary}\n"));
            }
        })
        .map_err(|e| {
            say(&mut io::stderr(), &format!("{e}\n"));
            ExitCode::from(1)
        }))
}

fn run(cli: Cli) -> Result<ExitCode> {
    let Some(command) = cli.command else {
        return browse(&cli.input, cli.filter.spec(cli.to.as_deref()));
    };
    // Locked only for the printing commands: the browser's signal handler
    // must be able to write to the terminal.
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = match command {
        Command::Gen {
            events,
            seed,
            format,
        } => match format.as_str() {
            "gdelt" => dateline::synth::write_gdelt(&mut out, events, seed),
            _ => dateline::synth::write(&mut out, events, seed),
        },
        Command::Ingest(args) => {
            let published = timex::parse_published(&args.published)?;
            let actors = match &args.actors {
                Some(p) => match load_or_report(&Input::of(p.clone()))? {
                    Ok(t) => Some(t.shared()),
                    Err(code) => return Ok(code),
                },
                None => None,
            };
            let opts = dateline::ingest::Options {
                article: args.article,
                published,
                outlet: args.outlet,
                title: args.title,
                url: args.url,
                actors,
                out: args.out,
            };
            let done = dateline::ingest::run(&opts)?;
            writeln!(
                out,
                "wrote {} ({} events, {} actors) and {}",
                opts.out.display(),
                done.events,
                done.actors,
                done.source_file.display()
            )
        }
        Command::Dates {
            file,
            published,
            json,
        } => {
            let published = timex::parse_published(&published)?;
            let text = timex::read_text(file.as_deref())?;
            let found = timex::tag(&text, published);
            if json {
                timex::write_json(&mut out, &found)
            } else {
                timex::write_table(&mut out, &found)
            }
        }
        Command::Check { input } => {
            let t = match load_or_report(&input)? {
                Ok(t) => t,
                Err(code) => return Ok(code),
            };
            let report = t.import_report();
            if report.skipped_total > 0 {
                // Every skipped row, with its file and line; exit 1.
                for row in &report.skipped {
                    writeln!(out, "{}", sanitize::line(row))?;
                }
                if report.skipped_total > report.skipped.len() {
                    writeln!(
                        out,
                        "… and {} more",
                        report.skipped_total - report.skipped.len()
                    )?;
                }
                writeln!(
                    out,
                    "{} of {} rows skipped",
                    dateline::model::thousands(report.skipped_total),
                    dateline::model::thousands(report.rows)
                )?;
                out.flush()?;
                return Ok(ExitCode::from(1));
            }
            writeln!(out, "{}", report::check_summary(&t))
        }
        Command::List(args) => {
            let t = match load_or_report(&args.input)? {
                Ok(t) => t,
                Err(code) => return Ok(code),
            };
            let filter = args.filter.spec(args.to.as_deref()).resolve(&t)?;
            let events = query::apply(&t, &filter);
            if args.count {
                writeln!(out, "{}", events.len())
            } else if args.json {
                report::list_json(&mut out, &t, &events)
            } else {
                report::list_table(&mut out, &t, &events)
            }
        }
        Command::Export(args) => {
            let t = match load_or_report(&args.input)? {
                Ok(t) => t,
                Err(code) => return Ok(code),
            };
            let filter = args.filter.spec(args.until.as_deref()).resolve(&t)?;
            let events = query::apply(&t, &filter);
            let mut opts = export::Options::new(args.to);
            opts.group = args.group;
            opts.description = export::describe(&t, &filter);
            let written = match &args.output {
                Some(file) => {
                    let inputs: Vec<&Path> = args.input.path.as_deref().into_iter().collect();
                    let written =
                        export::write_file(file, &inputs, args.force, &t, &events, &opts)?;
                    let summary = written.summary(&file.display().to_string());
                    say(&mut io::stderr(), &format!("dateline: {summary}\n"));
                    Ok(written)
                }
                None => export::write(&mut out, &t, &events, &opts),
            };
            written.map(|written| {
                for note in written.notes() {
                    say(&mut io::stderr(), &format!("dateline: {note}\n"));
                }
            })
        }
        Command::Import(args) => {
            let import = args.read.import_options()?;
            let opts = args.read.load_options(&import);
            let t = match load::load_paths_with(&args.files, opts) {
                Ok(t) => t,
                Err(e) => {
                    say(&mut io::stderr(), &format!("{e}\n"));
                    return Ok(ExitCode::from(1));
                }
            };
            if let Some(summary) = t.import_report().summary() {
                say(&mut io::stderr(), &format!("dateline: {summary}\n"));
            }
            let events: Vec<_> = (0..t.len() as u32).collect();
            let opts = export::Options::new(export::Format::Jsonl);
            match &args.output {
                Some(file) => {
                    let inputs: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
                    let written =
                        export::write_file(file, &inputs, args.force, &t, &events, &opts)?;
                    let summary = written.summary(&file.display().to_string());
                    say(&mut io::stderr(), &format!("dateline: {summary}\n"));
                    Ok(())
                }
                None => export::write(&mut out, &t, &events, &opts).map(|_| ()),
            }
        }
        Command::Show { id, input, json } => {
            let t = match load_or_report(&input)? {
                Ok(t) => t,
                Err(code) => return Ok(code),
            };
            let Some(ix) = t.find_event(id.trim()) else {
                let hint = dateline::present::ids_holding_hint(&t, &id);
                bail!(
                    "no event with id '{}'{hint} (see `dateline list`)",
                    sanitize::line(&id)
                );
            };
            if json {
                report::show_json(&mut out, &t, ix)
            } else {
                report::show_text(&mut out, &t, ix)
            }
        }
        Command::Cache(what) => cache(&mut out, what),
        Command::Actors { input } => match load_or_report(&input)? {
            Ok(t) => report::actors(&mut out, &t),
            Err(code) => return Ok(code),
        },
        Command::Countries { input } => match load_or_report(&input)? {
            Ok(t) => report::countries(&mut out, &t),
            Err(code) => return Ok(code),
        },
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`dateline list | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("cannot write output"),
    }
}

fn browse(input: &Input, filter: FilterSpec) -> Result<ExitCode> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        bail!(
            "the browser needs a terminal; for scripts use `dateline list` (see `dateline --help`)"
        );
    }
    let source = dateline::tui::Source {
        path: input.path.clone(),
        import: input.read.import_options()?,
        limits: input.read.limits(),
        allow_outside: input.read.allow_outside.clone(),
        filter,
        snapshot: input.read.snapshot(),
    };
    dateline::tui::run(source)?;
    Ok(ExitCode::SUCCESS)
}

fn cache(out: &mut impl Write, what: cli::CacheCommand) -> io::Result<()> {
    use dateline::snapshot::cache;
    let Some(dir) = dateline::snapshot::Settings::from_env().dir else {
        return writeln!(
            out,
            "no cache directory: neither XDG_CACHE_HOME nor HOME is set"
        );
    };
    match what {
        cli::CacheCommand::Info => write!(out, "{}", cache::info(&dir)?),
        cli::CacheCommand::Clear => {
            let (n, bytes) = cache::clear(&dir)?;
            let size = load::human_size(bytes);
            writeln!(out, "removed {n} snapshots ({size}) from {}", dir.display())
        }
    }
}
