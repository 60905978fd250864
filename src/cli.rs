//! The command line's words: commands, their arguments and the flags
//! shared wherever a PATH is read, as clap parses them.

use anyhow::{Context, Result};
use clap::builder::Styles;
use clap::{Args, Parser, Subcommand};
use dateline::load::{self, ImportOptions, InputFormat, LoadOptions};
use dateline::query::spec::FilterSpec;
use dateline::{export, sanitize};
use std::path::PathBuf;

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
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) input: Input,
    /// Open the browser with this filter.
    #[command(flatten)]
    pub(crate) filter: FilterArgs,
    /// Only events that can fall on or before this day, month or year.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub(crate) to: Option<String>,
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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
    /// Show or clear the snapshots that reopen large files fast.
    #[command(subcommand)]
    Cache(CacheCommand),
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

#[derive(Subcommand)]
pub(crate) enum CacheCommand {
    /// The cache directory, its snapshots, their sizes and the input each is for.
    Info,
    /// Remove every snapshot.
    Clear,
}

/// A PATH and how to read it.
#[derive(Args, Default)]
pub(crate) struct Input {
    /// A timeline file or a directory of them (dateline's JSON or JSON Lines, GDELT, ACLED,
    /// TimelineJS, iCalendar, CSV/TSV); default: the built-in timeline.
    pub(crate) path: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) read: ReadFlags,
}

impl Input {
    /// A path read with every default.
    pub(crate) fn of(path: PathBuf) -> Input {
        Input {
            path: Some(path),
            ..Input::default()
        }
    }
}

/// How files are read: taken wherever a PATH is.
#[derive(Args, Default)]
pub(crate) struct ReadFlags {
    /// Read PATH as this format instead of finding it from the content.
    #[arg(long, value_name = "FORMAT", value_parser = clap::builder::PossibleValuesParser::new(InputFormat::NAMES))]
    pub(crate) format: Option<String>,
    /// Which column holds which field in a CSV: title=Headline,date=When.
    #[arg(long, value_name = "FIELD=COLUMN,...")]
    pub(crate) map: Option<String>,
    /// Read CSV dates like 4/5/2025 as month first (April 5).
    #[arg(long, conflicts_with = "day_first")]
    pub(crate) month_first: bool,
    /// Read CSV dates like 4/5/2025 as day first (4 May), where they would be ambiguous.
    #[arg(long)]
    pub(crate) day_first: bool,
    /// Expand recurring calendar events up to this day (default: two years after each rule's start).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub(crate) recur_until: Option<String>,
    /// Read at most SIZE of any file and source text (8G, 500M; default 8 GiB a file, 256 MiB a text).
    #[arg(long, value_name = "SIZE", value_parser = load::parse_size)]
    pub(crate) max_file_size: Option<u64>,
    /// Let source texts be read from PATH too, not only from the timeline's own folder.
    #[arg(long, value_name = "PATH")]
    pub(crate) allow_outside: Vec<PathBuf>,
    /// Neither use nor write a snapshot of the loaded timeline (also: DATELINE_SNAPSHOT=0).
    #[arg(long)]
    pub(crate) no_snapshot: bool,
}

impl ReadFlags {
    pub(crate) fn limits(&self) -> load::Limits {
        self.max_file_size
            .map(load::Limits::both)
            .unwrap_or_default()
    }

    pub(crate) fn load_options<'a>(&'a self, import: &'a ImportOptions) -> LoadOptions<'a> {
        LoadOptions {
            import: Some(import),
            limits: self.limits(),
            allow_outside: &self.allow_outside,
            ..LoadOptions::default()
        }
    }

    /// Where and whether snapshots are kept, `--no-snapshot` applied.
    pub(crate) fn snapshot(&self) -> dateline::snapshot::Settings {
        dateline::snapshot::Settings::from_env().unless(self.no_snapshot)
    }

    pub(crate) fn import_options(&self) -> Result<ImportOptions> {
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
pub(crate) struct IngestArgs {
    /// The article as a plain text file.
    pub(crate) article: PathBuf,
    /// The day the article was published (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub(crate) published: String,
    /// The outlet that published it.
    #[arg(long, value_name = "NAME")]
    pub(crate) outlet: Option<String>,
    /// The article's title; default: its first line.
    #[arg(long, value_name = "T")]
    pub(crate) title: Option<String>,
    /// The article's address.
    #[arg(long, value_name = "U")]
    pub(crate) url: Option<String>,
    /// A timeline whose actor ids the draft reuses.
    #[arg(long, value_name = "TIMELINE")]
    pub(crate) actors: Option<PathBuf>,
    /// The draft to write (.json or .jsonl); the article is copied to sources/ beside it.
    #[arg(short = 'o', value_name = "DRAFT")]
    pub(crate) out: PathBuf,
}

#[derive(Args)]
pub(crate) struct ListArgs {
    #[command(flatten)]
    pub(crate) input: Input,
    #[command(flatten)]
    pub(crate) filter: FilterArgs,
    /// Only events that can fall on or before this day, month or year.
    #[arg(
        long,
        visible_alias = "until",
        value_name = "DATE",
        allow_hyphen_values = true
    )]
    pub(crate) to: Option<String>,
    /// Print JSON Lines, one event per line.
    #[arg(long, conflicts_with = "count")]
    pub(crate) json: bool,
    /// Print only the number of matching events.
    #[arg(long)]
    pub(crate) count: bool,
}

#[derive(Args)]
pub(crate) struct ImportArgs {
    /// Files or directories to read, of any format dateline reads.
    #[arg(required = true, value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) read: ReadFlags,
    /// Write to OUT (JSON Lines) instead of standard output; never over an input file.
    #[arg(short, long, value_name = "OUT.jsonl")]
    pub(crate) output: Option<PathBuf>,
    /// Replace OUT if it exists.
    #[arg(long, requires = "output")]
    pub(crate) force: bool,
}

#[derive(Args)]
pub(crate) struct ExportArgs {
    #[command(flatten)]
    pub(crate) input: Input,
    /// The format: timelinejs, ics, csv, markdown or jsonl.
    #[arg(long = "to", value_name = "FORMAT", value_parser = parse_format)]
    pub(crate) to: export::Format,
    #[command(flatten)]
    pub(crate) filter: FilterArgs,
    /// Only events that can fall on or before this day, month or year (`--to` names the format here).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub(crate) until: Option<String>,
    /// TimelineJS groups events by this facet (the first value when several): country, topic, status or actor.
    #[arg(long, value_name = "FACET", value_parser = parse_group)]
    pub(crate) group: Option<export::Group>,
    /// Write to FILE instead of standard output (never to an input file).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long, requires = "output")]
    pub(crate) force: bool,
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
pub(crate) struct FilterArgs {
    /// Only events involving this actor (id, name or alias); repeat for any of several.
    #[arg(long, value_name = "ACTOR")]
    pub(crate) actor: Vec<String>,
    /// Only events involving this country (ISO code, name or alias); repeat for any of several.
    #[arg(long, value_name = "COUNTRY")]
    pub(crate) country: Vec<String>,
    /// Only events with this topic; repeat for any of several.
    #[arg(long, value_name = "TOPIC")]
    pub(crate) topic: Vec<String>,
    /// Only events with this status (occurred, scheduled, expected, ongoing, cancelled); repeat for any of several.
    #[arg(long, value_name = "STATUS")]
    pub(crate) status: Vec<String>,
    /// Only events at this place; repeat for any of several.
    #[arg(long, value_name = "PLACE")]
    pub(crate) place: Vec<String>,
    /// Only events that can fall on or after this day, month or year (2025-04-17, 2025-04, 2025;
    /// -0043 is 44 BC).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub(crate) from: Option<String>,
    /// With the date bounds: only events whose date lies certainly within the range, not those that can fall in it.
    #[arg(long)]
    pub(crate) within: bool,
    /// Only events holding every word of TEXT, in any order and case, accents aside, in the title, summary, place, quotes, actors or topics.
    #[arg(long, value_name = "TEXT")]
    pub(crate) search: Option<String>,
}

impl FilterArgs {
    /// The filter as asked, with `to` as its upper date bound.
    pub(crate) fn spec(&self, to: Option<&str>) -> FilterSpec {
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
