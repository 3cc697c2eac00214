//! What was typed: the command line as clap parses it, and nothing more.
//! `cli::run` turns it into the objects a run needs.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Checks news reports against each other: who is credited with saying what, and where outlets disagree.",
    after_help = "Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or input errors."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run every stage and report where outlets disagree.
    Check(Box<CheckArgs>),
    /// Find who is credited with saying what in each report.
    Extract {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        limit: Limit,
        #[command(flatten)]
        output: Output,
        /// Output format: JSON Lines is one attribution a line.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Also list quotations credited to no one (scare quotes, titles,
        /// quotes with no speaker or reporting verb), as kind `fragment` or a
        /// speakerless `direct`; by default only attributions are listed.
        #[arg(long)]
        uncredited: bool,
        /// Print on standard error how long each stage took (wall time,
        /// reports/s, MB/s of report text) and the peak memory.
        #[arg(long)]
        stats: bool,
    },
    /// Show which reports are grouped as one event.
    Events {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        limit: Limit,
        #[command(flatten)]
        grouping: GroupingArgs,
        #[command(flatten)]
        output: Output,
        /// Output format: JSON Lines is one event a line.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Print on standard error how long each stage took (wall time,
        /// reports/s, MB/s of report text) and the peak memory.
        #[arg(long)]
        stats: bool,
        /// Standard input holds framed lines, as `check --framed` reads them.
        #[arg(long)]
        framed: bool,
    },
    /// List each report's id, place, date and event key, one a line (JSON
    /// Lines), repeated ids too, and each rejected input: the first pass of
    /// a check split over machines (the Spark job, `spark/`).
    Index {
        #[command(flatten)]
        input: Input,
        /// Standard input holds framed lines, as `check --framed` reads them.
        #[arg(long)]
        framed: bool,
        #[command(flatten)]
        output: Output,
    },
    /// List the rules, or print one rule's documentation.
    Rules {
        /// A rule code or name (CC004, unsupported-fragment).
        code: Option<String>,
        #[command(flatten)]
        output: Output,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Write a commented starter `crosscheck.toml`.
    Init {
        /// Where to write it: a file, or a folder to write `crosscheck.toml` in.
        #[arg(default_value = "crosscheck.toml")]
        path: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: Input,
    #[command(flatten)]
    pub grouping: GroupingArgs,
    #[command(flatten)]
    pub output: Output,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Table)]
    pub format: CheckFormat,
    /// Exit with status 1 when a finding of this severity or above is reported
    /// [default: the config's `check.fail-on`, else warning].
    #[arg(long, value_enum, env = "CROSSCHECK_FAIL_ON")]
    pub fail_on: Option<FailOn>,
    /// Run only these rules (codes or names, comma-separated); replaces the
    /// config's `rules.select`.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Never run these rules (codes or names, comma-separated); added to the
    /// config's `rules.ignore`.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Hide the findings whose fingerprint is in FILE (written by
    /// --write-baseline, or any `check --format json` output).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write every finding's fingerprint to FILE, then hide them all, as
    /// --baseline FILE would.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Count the findings of each rule instead of listing them.
    #[arg(long)]
    pub statistics: bool,
    /// Print on standard error how long each stage took (wall time,
    /// reports/s, MB/s of report text) and the peak memory.
    #[arg(long)]
    pub stats: bool,
    /// The HTML page's template (minijinja) instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// Check only the events that began in a range of days, both included
    /// (`2022-01-01..2022-03-31`), or those with no dated report
    /// (`undated`): the other reports given are read only as far as those
    /// events' search for quotes of other events needs them. For a run that
    /// is one part of a larger one (the Spark job, `spark/`).
    #[arg(long, value_name = "FROM..TO|undated")]
    pub own_days: Option<String>,
    /// Standard input holds framed lines: `{"path":P,"line":N}`, a tab, and
    /// a line of JSON Lines read at line N of file P, so reports keep the
    /// places of the file they came from (what the Spark job pipes in).
    #[arg(long)]
    pub framed: bool,
    /// Read the whole corpus at once and check it (the check before
    /// streaming, kept to compare the two; at most 1 GiB of input).
    #[arg(long, hide = true)]
    pub in_memory: bool,
}

#[derive(Debug, Args)]
pub struct Input {
    /// Files or folders of reports (.md, .txt, .json, .jsonl, .ndjson); `-` reads
    /// JSON Lines from standard input. Default: the current folder.
    pub paths: Vec<PathBuf>,
    /// Use this configuration file instead of the `crosscheck.toml` found by
    /// walking up from the working directory.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Use no configuration file.
    #[arg(long)]
    pub isolated: bool,
}

/// `events` and `extract`: how much input to read. (`check` needs no limit:
/// it holds a date window of the corpus, not the corpus.)
#[derive(Debug, Args)]
pub struct Limit {
    /// Read at most this many megabytes of input; what is left over is
    /// rejected by name. `events` holds the whole corpus (memory at the peak
    /// is about 8 times the input read): 1024 unless given. `extract` reads
    /// batch after batch in memory that does not grow with the input: no
    /// limit unless given.
    // The default is `corpus::DEFAULT_MAX_INPUT_MB`, applied by `events`.
    #[arg(long, value_name = "MB")]
    pub max_input_mb: Option<u64>,
}

#[derive(Debug, Args)]
pub struct GroupingArgs {
    /// Which reports are grouped from what they say: `keys` groups only those
    /// without an `event` field or event folder; `auto` groups every report
    /// [default: the config's `events.mode`, else keys].
    #[arg(long = "events", value_enum)]
    pub mode: Option<EventsMode>,
    /// Dated reports published more than DAYS apart are never one event
    /// [default: the config's `events.window-days`, else 3].
    #[arg(long = "event-window", value_name = "DAYS")]
    pub window_days: Option<u32>,
    /// How alike (mean similarity, 0 to 1) two groups of reports must be to be
    /// one event [default: the config's `events.threshold`, else 0.2].
    #[arg(long = "event-threshold", value_name = "SIMILARITY")]
    pub threshold: Option<f32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EventsMode {
    Keys,
    Auto,
}

#[derive(Debug, Args)]
pub struct Output {
    /// Write the output to FILE instead of standard output: a regular file is
    /// replaced at once (written beside it, then renamed), a device or pipe is
    /// written through, a symbolic link is followed.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// Print nothing on standard output and no progress: the exit status (and
    /// --output FILE) tells. Errors are still printed.
    #[arg(long, short)]
    pub quiet: bool,
}

/// The formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// A claims × outlets matrix and the findings, per event.
    Table,
    /// One versioned document.
    Json,
    /// One record a line, each with a `type`.
    Jsonl,
    /// One finding a row.
    Csv,
    /// A pull-request comment.
    Markdown,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// One self-contained page for reviewers.
    Html,
}

/// The formats of `extract`, `events` and `rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}
