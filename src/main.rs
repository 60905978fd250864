//! The `dateline` command: parses arguments, loads the timeline, dispatches.

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use dateline::load::{self, LoadError};
use dateline::model::Timeline;
use dateline::query::{self, spec::FilterSpec};
use dateline::{report, sanitize};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const EXAMPLES: &str = "\
Examples:
  dateline                                  browse the built-in timeline
  dateline data/                            browse every timeline file in data/
  dateline check data/                      validate; exit 1 with every problem
  dateline list --actor putin               events involving Vladimir Putin
  dateline list --country FR --from 2025-04 French events from April 2025 on
  dateline list --search ceasefire --json   matching events as JSON Lines
  dateline list --topic \"peace talks\" --status scheduled
                                            planned events on a topic
  dateline list --from 2025-03 --to 2025-04 --within
                                            events certainly in March or April 2025
  dateline --place paris                    browse the events in Paris
  dateline list --actor witkoff --count     how many events involve Witkoff
  dateline show paris-talks                 one event, its quotes and links
  dateline gen --events 100000 > big.jsonl  a synthetic timeline for testing";

/// Browse news timelines in which every event traces back to its source.
#[derive(Parser)]
#[command(name = "dateline", version, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
struct Cli {
    /// A timeline file (.json or .jsonl) or a directory of them; default: the built-in timeline.
    path: Option<PathBuf>,
    /// Open the browser with this filter.
    #[command(flatten)]
    filter: FilterArgs,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a timeline: a one-line summary, or every problem and exit 1.
    Check {
        /// A timeline file (.json or .jsonl) or a directory of them; default: the built-in timeline.
        path: Option<PathBuf>,
    },
    /// Print the chronology, filtered.
    List(ListArgs),
    /// Print one event: date derivation, actors and roles, quotes in context, links.
    Show {
        /// The event id.
        id: String,
        /// A timeline file (.json or .jsonl) or a directory of them; default: the built-in timeline.
        path: Option<PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print every actor with its event count.
    Actors {
        /// A timeline file (.json or .jsonl) or a directory of them; default: the built-in timeline.
        path: Option<PathBuf>,
    },
    /// Print every country involved with its event count.
    Countries {
        /// A timeline file (.json or .jsonl) or a directory of them; default: the built-in timeline.
        path: Option<PathBuf>,
    },
    /// Write a synthetic timeline (JSON Lines) to standard output.
    Gen {
        /// How many events.
        #[arg(long, default_value_t = 10_000)]
        events: usize,
        /// Seed for the generator: the same seed gives the same file.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Args)]
struct ListArgs {
    /// A timeline file (.json or .jsonl) or a directory of them; default: the built-in timeline.
    path: Option<PathBuf>,
    #[command(flatten)]
    filter: FilterArgs,
    /// Print JSON Lines, one event per line.
    #[arg(long, conflicts_with = "count")]
    json: bool,
    /// Print only the number of matching events.
    #[arg(long)]
    count: bool,
}

/// The filter flags, shared by `list` and the browser.
#[derive(Args, Default)]
struct FilterArgs {
    /// Only events involving this actor (id, name or alias); repeat for any of several.
    #[arg(long, value_name = "ACTOR")]
    actor: Vec<String>,
    /// Only events involving this country (ISO code, name or alias); repeat for any of several.
    #[arg(long, value_name = "COUNTRY")]
    country: Vec<String>,
    /// Only events with this topic; repeat for any of several.
    #[arg(long, value_name = "TOPIC")]
    topic: Vec<String>,
    /// Only events with this status (occurred, scheduled, expected, ongoing); repeat for any of several.
    #[arg(long, value_name = "STATUS")]
    status: Vec<String>,
    /// Only events at this place; repeat for any of several.
    #[arg(long, value_name = "PLACE")]
    place: Vec<String>,
    /// Only events that can fall on or after this day, month or year (2025-04-17, 2025-04, 2025).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Only events that can fall on or before this day, month or year.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// With --from/--to: only events whose date lies certainly within the range, not those that can fall in it.
    #[arg(long)]
    within: bool,
    /// Only events holding every word of TEXT, in any order and case, accents aside, in the title, summary, place, quotes, actors or topics.
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
}

impl FilterArgs {
    fn spec(&self) -> FilterSpec {
        FilterSpec {
            actors: self.actor.clone(),
            countries: self.country.clone(),
            topics: self.topic.clone(),
            statuses: self.status.clone(),
            places: self.place.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            within: self.within,
            search: self.search.clone(),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let text = sanitize::clean(&format!("{e:#}"), sanitize::Lines::Many).into_owned();
            let _ = writeln!(io::stderr(), "dateline: {text}");
            ExitCode::from(1)
        }
    }
}

fn load(path: Option<&Path>) -> Result<Timeline, LoadError> {
    match path {
        Some(p) => load::load_path(p),
        None => load::load_builtin(),
    }
}

/// Loads or prints every diagnostic and returns exit code 1.
fn load_or_report(path: Option<&Path>) -> Result<Timeline, ExitCode> {
    load(path).map_err(|e| {
        let _ = writeln!(io::stderr(), "{e}");
        ExitCode::from(1)
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    let Some(command) = cli.command else {
        return browse(cli.path.as_deref(), cli.filter.spec());
    };
    // Locked only for the printing commands: the browser's signal handler
    // must be able to write to the terminal.
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = match command {
        Command::Gen { events, seed } => dateline::synth::write(&mut out, events, seed),
        Command::Check { path } => {
            let t = match load_or_report(path.as_deref()) {
                Ok(t) => t,
                Err(code) => return Ok(code),
            };
            writeln!(out, "{}", report::check_summary(&t))
        }
        Command::List(args) => {
            let t = match load_or_report(args.path.as_deref()) {
                Ok(t) => t,
                Err(code) => return Ok(code),
            };
            let filter = args.filter.spec().resolve(&t)?;
            let events = query::apply(&t, &filter);
            if args.count {
                writeln!(out, "{}", events.len())
            } else if args.json {
                report::list_json(&mut out, &t, &events)
            } else {
                report::list_table(&mut out, &t, &events)
            }
        }
        Command::Show { id, path, json } => {
            let t = match load_or_report(path.as_deref()) {
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
        Command::Actors { path } => match load_or_report(path.as_deref()) {
            Ok(t) => report::actors(&mut out, &t),
            Err(code) => return Ok(code),
        },
        Command::Countries { path } => match load_or_report(path.as_deref()) {
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

fn browse(path: Option<&Path>, filter: FilterSpec) -> Result<ExitCode> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        bail!(
            "the browser needs a terminal; for scripts use `dateline list` (see `dateline --help`)"
        );
    }
    dateline::tui::run(path.map(Path::to_path_buf), filter)?;
    Ok(ExitCode::SUCCESS)
}
