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
    Check {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        grouping: GroupingArgs,
        #[command(flatten)]
        output: Output,
        /// Output format: JSON Lines is one finding a line.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
        /// Exit with status 1 when a finding of this severity or above is reported.
        #[arg(long, value_enum, default_value_t = FailOn::Warning, env = "CROSSCHECK_FAIL_ON")]
        fail_on: FailOn,
    },
    /// Find who is credited with saying what in each report.
    Extract {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        output: Output,
        /// Output format: JSON Lines is one attribution a line.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
    },
    /// Show which reports are grouped as one event.
    Events {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        grouping: GroupingArgs,
        #[command(flatten)]
        output: Output,
        /// Output format: JSON Lines is one event a line.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
    },
    /// List the rules, or print one rule's documentation.
    Rules {
        /// A rule code or name (CC004, unsupported-fragment).
        code: Option<String>,
        #[command(flatten)]
        output: Output,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
    },
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

#[derive(Debug, Args)]
pub struct GroupingArgs {
    /// Which reports are grouped from what they say: `keys` groups only those
    /// without an `event` field or event folder; `auto` groups every report.
    #[arg(long = "events", value_enum, default_value_t = EventsMode::Keys)]
    pub mode: EventsMode,
    /// Dated reports published more than DAYS apart are never one event.
    #[arg(long = "event-window", value_name = "DAYS", default_value_t = crosscheck::events::DEFAULT_WINDOW_DAYS)]
    pub window_days: u32,
    /// How alike (mean similarity, 0 to 1) two groups of reports must be to be one event.
    #[arg(long = "event-threshold", value_name = "SIMILARITY", default_value_t = crosscheck::events::DEFAULT_THRESHOLD)]
    pub threshold: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EventsMode {
    Keys,
    Auto,
}

#[derive(Debug, Args)]
pub struct Output {
    /// Write the output to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
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
