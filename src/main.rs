//! The `dateline` command: parses arguments, loads the timeline, dispatches.

use anyhow::{Context, Result, bail};
use clap::builder::Styles;
use clap::{Args, Parser, Subcommand};
use dateline::load::{self, ImportOptions, InputFormat, LoadError, LoadOptions};
use dateline::model::Timeline;
use dateline::query::{self, spec::FilterSpec};
use dateline::{export, report, sanitize, timex};
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
  dateline export --to ics --country FR -o fr.ics   French events for a calendar
  dateline gen --events 100000 > big.jsonl  a synthetic timeline for testing
  dateline dates article.txt --published 2025-04-16 --json
                                            every date in a text, resolved
  dateline ingest article.txt --published 2025-04-16 -o draft/timeline.json
                                            a draft timeline from an article";

/// Browse news timelines in which every event traces back to its source.
#[derive(Parser)]
// No colours: every message goes out through the sanitizer, which would
// show their sequences as text.
#[command(name = "dateline", version, after_help = EXAMPLES, args_conflicts_with_subcommands = true, styles = Styles::plain())]
struct Cli {
    #[command(flatten)]
    input: Input,
    /// Open the browser with this filter.
    #[command(flatten)]
    filter: FilterArgs,
    /// Only events that can fall on or before this day, month or year.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    to: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a timeline: a one-line summary, or every problem and exit 1.
    Check {
        #[command(flatten)]
        input: Input,
    },
    /// Print the chronology, filtered.
    List(ListArgs),
    /// Write the filtered events as TimelineJS, iCalendar, CSV, Markdown or JSON Lines.
    Export(ExportArgs),
    /// Read files of any format (GDELT, ACLED, TimelineJS, iCalendar, CSV, ...) and write
    /// dateline's own JSON Lines, to edit, check and merge with hand-made timelines.
    Import(ImportArgs),
    /// Print one event: date derivation, actors and roles, quotes in context, links.
    Show {
        /// The event id.
        id: String,
        #[command(flatten)]
        input: Input,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print every actor with its event count.
    Actors {
        #[command(flatten)]
        input: Input,
    },
    /// Print every country involved with its event count.
    Countries {
        #[command(flatten)]
        input: Input,
    },
    /// Find and resolve every date, time, duration and set in a text.
    Dates {
        /// A plain text file; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        /// The publication day that relative dates count from (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD")]
        published: String,
        /// Print JSON Lines, one expression per line.
        #[arg(long)]
        json: bool,
    },
    /// Draft a timeline from an article: its dated happenings, actors and quotes.
    Ingest(IngestArgs),
    /// Write a synthetic timeline (JSON Lines) to standard output.
    Gen {
        /// How many events.
        #[arg(long, default_value_t = 10_000)]
        events: usize,
        /// Seed for the generator: the same seed gives the same file.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// dateline's JSON Lines, or a raw GDELT 2.0 Events export.
        #[arg(long, default_value = "native", value_parser = ["native", "gdelt"])]
        format: String,
    },
}

/// A PATH and how to read it.
#[derive(Args, Default)]
struct Input {
    /// A timeline file or a directory of them (dateline's JSON or JSON Lines, GDELT, ACLED,
    /// TimelineJS, iCalendar, CSV/TSV); default: the built-in timeline.
    path: Option<PathBuf>,
    #[command(flatten)]
    read: ReadFlags,
}

impl Input {
    /// A path read with every default.
    fn of(path: PathBuf) -> Input {
        Input {
            path: Some(path),
            ..Input::default()
        }
    }
}

/// How files are read: taken wherever a PATH is.
#[derive(Args, Default)]
struct ReadFlags {
    /// Read PATH as this format instead of finding it from the content.
    #[arg(long, value_name = "FORMAT", value_parser = clap::builder::PossibleValuesParser::new(InputFormat::NAMES))]
    format: Option<String>,
    /// Which column holds which field in a CSV: title=Headline,date=When.
    #[arg(long, value_name = "FIELD=COLUMN,...")]
    map: Option<String>,
    /// Read CSV dates like 4/5/2025 as month first (April 5).
    #[arg(long, conflicts_with = "day_first")]
    month_first: bool,
    /// Read CSV dates like 4/5/2025 as day first (4 May), where they would be ambiguous.
    #[arg(long)]
    day_first: bool,
    /// Expand recurring calendar events up to this day (default: two years after each rule's start).
    #[arg(long, value_name = "YYYY-MM-DD")]
    recur_until: Option<String>,
    /// Read at most SIZE of any file and source text (8G, 500M; default 8 GiB a file, 256 MiB a text).
    #[arg(long, value_name = "SIZE", value_parser = load::parse_size)]
    max_file_size: Option<u64>,
    /// Let source texts be read from PATH too, not only from the timeline's own folder.
    #[arg(long, value_name = "PATH")]
    allow_outside: Vec<PathBuf>,
}

impl ReadFlags {
    fn limits(&self) -> load::Limits {
        self.max_file_size
            .map(load::Limits::both)
            .unwrap_or_default()
    }

    fn load_options<'a>(&'a self, import: &'a ImportOptions) -> LoadOptions<'a> {
        LoadOptions {
            import: Some(import),
            limits: self.limits(),
            allow_outside: &self.allow_outside,
            ..LoadOptions::default()
        }
    }

    fn import_options(&self) -> Result<ImportOptions> {
        let recur_until = match &self.recur_until {
            Some(day) => Some(
                chrono::NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").with_context(|| {
                    format!(
                        "--recur-until '{}' is not a YYYY-MM-DD day",
                        sanitize::line(day)
                    )
                })?,
            ),
            None => None,
        };
        Ok(ImportOptions {
            format: self.format.as_deref().and_then(InputFormat::parse),
            map: match &self.map {
                Some(m) => ImportOptions::parse_map(m).map_err(anyhow::Error::msg)?,
                None => Vec::new(),
            },
            month_first: self.month_first,
            day_first: self.day_first,
            recur_until,
        })
    }
}

#[derive(Args)]
struct IngestArgs {
    /// The article as a plain text file.
    article: PathBuf,
    /// The day the article was published (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    published: String,
    /// The outlet that published it.
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,
    /// The article's title; default: its first line.
    #[arg(long, value_name = "T")]
    title: Option<String>,
    /// The article's address.
    #[arg(long, value_name = "U")]
    url: Option<String>,
    /// A timeline whose actor ids the draft reuses.
    #[arg(long, value_name = "TIMELINE")]
    actors: Option<PathBuf>,
    /// The draft to write (.json or .jsonl); the article is copied to sources/ beside it.
    #[arg(short = 'o', value_name = "DRAFT")]
    out: PathBuf,
}

#[derive(Args)]
struct ListArgs {
    #[command(flatten)]
    input: Input,
    #[command(flatten)]
    filter: FilterArgs,
    /// Only events that can fall on or before this day, month or year.
    #[arg(
        long,
        visible_alias = "until",
        value_name = "DATE",
        allow_hyphen_values = true
    )]
    to: Option<String>,
    /// Print JSON Lines, one event per line.
    #[arg(long, conflicts_with = "count")]
    json: bool,
    /// Print only the number of matching events.
    #[arg(long)]
    count: bool,
}

#[derive(Args)]
struct ImportArgs {
    /// Files or directories to read, of any format dateline reads.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    read: ReadFlags,
    /// Write to OUT (JSON Lines) instead of standard output; never over an input file.
    #[arg(short, long, value_name = "OUT.jsonl")]
    output: Option<PathBuf>,
    /// Replace OUT if it exists.
    #[arg(long, requires = "output")]
    force: bool,
}

#[derive(Args)]
struct ExportArgs {
    #[command(flatten)]
    input: Input,
    /// The format: timelinejs, ics, csv, markdown or jsonl.
    #[arg(long = "to", value_name = "FORMAT", value_parser = parse_format)]
    to: export::Format,
    #[command(flatten)]
    filter: FilterArgs,
    /// Only events that can fall on or before this day, month or year (`--to` names the format here).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    until: Option<String>,
    /// TimelineJS groups events by this facet (the first value when several): country, topic, status or actor.
    #[arg(long, value_name = "FACET", value_parser = parse_group)]
    group: Option<export::Group>,
    /// Write to FILE instead of standard output (never to an input file).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long, requires = "output")]
    force: bool,
}

fn parse_format(text: &str) -> Result<export::Format, String> {
    export::Format::parse(text).ok_or_else(|| {
        let names: Vec<&str> = export::Format::ALL.iter().map(|f| f.as_str()).collect();
        format!("expected one of {}", names.join(", "))
    })
}

fn parse_group(text: &str) -> Result<export::Group, String> {
    export::Group::parse(text).ok_or_else(|| {
        let names: Vec<&str> = export::Group::ALL.iter().map(|g| g.as_str()).collect();
        format!("expected one of {}", names.join(", "))
    })
}

/// The filter flags, shared by `list`, `export` and the browser (each
/// adds its own upper date bound: `--to`, or `--until` where `--to` names
/// the format).
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
    /// Only events with this status (occurred, scheduled, expected, ongoing, cancelled); repeat for any of several.
    #[arg(long, value_name = "STATUS")]
    status: Vec<String>,
    /// Only events at this place; repeat for any of several.
    #[arg(long, value_name = "PLACE")]
    place: Vec<String>,
    /// Only events that can fall on or after this day, month or year (2025-04-17, 2025-04, 2025;
    /// -0043 is 44 BC).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    from: Option<String>,
    /// With the date bounds: only events whose date lies certainly within the range, not those that can fall in it.
    #[arg(long)]
    within: bool,
    /// Only events holding every word of TEXT, in any order and case, accents aside, in the title, summary, place, quotes, actors or topics.
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
}

impl FilterArgs {
    /// The filter as asked, with `to` as its upper date bound.
    fn spec(&self, to: Option<&str>) -> FilterSpec {
        FilterSpec {
            actors: self.actor.clone(),
            countries: self.country.clone(),
            topics: self.topic.clone(),
            statuses: self.status.clone(),
            places: self.place.clone(),
            from: self.from.clone(),
            to: to.map(str::to_string),
            within: self.within,
            search: self.search.clone(),
        }
    }
}

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

fn load(input: &Input, import: &ImportOptions) -> Result<Timeline, LoadError> {
    match &input.path {
        Some(p) => load::load_path_with(p, input.read.load_options(import)),
        None => load::load_builtin(),
    }
}

/// Loads, or prints every diagnostic and returns exit code 1. Skipped rows
/// of imported files are said on standard error.
fn load_or_report(input: &Input) -> Result<Result<Timeline, ExitCode>> {
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
                    Ok(t) => Some(t),
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
    };
    dateline::tui::run(source)?;
    Ok(ExitCode::SUCCESS)
}
