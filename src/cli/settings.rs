//! What a run needs, built once from what was typed (as ripgrep's hiargs do
//! from its lowargs): the configuration, the rules selected, the baseline,
//! `--fail-on`, the template and the format are read and checked here, and
//! nothing after this reads a flag again. Anything wrong is a `Refusal`,
//! printed by the caller, and the run does not start.

use std::collections::BTreeSet;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use crosscheck::check;
use crosscheck::config::{self, Config, ConfigError, Selection};
use crosscheck::corpus;
use crosscheck::events::{Grouping, Mode};
use crosscheck::render::Format;
use crosscheck::rules::{self, Rule};
use crosscheck::streaming::Owned;

use super::args::{
    CheckArgs, CheckFormat, ColorWhen, Command, EventsMode, FailOn, GroupingArgs, Input,
    ListFormat, Output,
};
use super::baseline;

/// Why a run cannot start: said on standard error, exit status 2.
#[derive(Debug)]
pub enum Refusal {
    /// A usage error: flags that do not go together, a file that cannot be read.
    Usage(String),
    /// The configuration file is wrong; its message names the place.
    Config(ConfigError),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Usage(message) => write!(f, "crosscheck: {message}"),
            Refusal::Config(error) => write!(f, "{error}"),
        }
    }
}

/// One subcommand, ready to run.
#[derive(Debug)]
pub enum Settings {
    Check(Box<CheckSettings>),
    Extract(ExtractSettings),
    Events(EventsSettings),
    Rules(RulesSettings),
    Index {
        sources: Sources,
        framed: bool,
        destination: Destination,
    },
    Init {
        path: PathBuf,
        force: bool,
    },
}

impl Settings {
    pub fn of(command: Command) -> Result<Settings, Refusal> {
        Ok(match command {
            Command::Check(args) => Settings::Check(Box::new(CheckSettings::of(*args)?)),
            Command::Extract {
                input,
                limit,
                output,
                format,
                uncredited,
                stats,
            } => Settings::Extract(ExtractSettings {
                // Read batch after batch: no input limit unless one is given.
                sources: Sources::of(&input, limit.max_input_mb)?,
                destination: Destination::of(&output),
                format: list_format(format),
                uncredited,
                stats,
            }),
            Command::Events {
                input,
                limit,
                grouping,
                output,
                format,
                stats,
                framed,
            } => {
                let mb = limit.max_input_mb.or(Some(corpus::DEFAULT_MAX_INPUT_MB));
                let sources = Sources::of(&input, mb)?;
                Settings::Events(EventsSettings {
                    grouping: grouping_of(&grouping, &sources.config),
                    framed,
                    sources,
                    destination: Destination::of(&output),
                    format: list_format(format),
                    stats,
                })
            }
            Command::Rules {
                code,
                output,
                format,
            } => Settings::Rules(RulesSettings {
                chosen: chosen_rules(code.as_deref())?,
                destination: Destination::of(&output),
                format: list_format(format),
            }),
            Command::Index {
                input,
                framed,
                output,
            } => Settings::Index {
                sources: Sources::of(&input, None)?,
                framed,
                destination: Destination::of(&output),
            },
            Command::Init { path, force } => Settings::Init { path, force },
        })
    }
}

/// Where the reports come from and what configures reading them.
#[derive(Debug)]
pub struct Sources {
    pub paths: Vec<PathBuf>,
    pub config: Config,
    pub limits: corpus::Limits,
}

impl Sources {
    /// The paths (the current folder when none), the configuration, and the
    /// input limit in megabytes (none: no limit).
    fn of(input: &Input, limit_mb: Option<u64>) -> Result<Sources, Refusal> {
        let config = configuration(input).map_err(Refusal::Config)?;
        let max_input_bytes = limit_mb.map_or(u64::MAX, |mb| mb.saturating_mul(1 << 20));
        let paths = if input.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            input.paths.clone()
        };
        Ok(Sources {
            paths,
            config,
            limits: corpus::Limits { max_input_bytes },
        })
    }
}

/// Where output goes and how it looks.
#[derive(Debug, Clone)]
pub struct Destination {
    /// `--output FILE`; standard output when none.
    pub path: Option<PathBuf>,
    pub color: ColorWhen,
    pub quiet: bool,
}

impl Destination {
    fn of(output: &Output) -> Destination {
        Destination {
            path: output.output.clone(),
            color: output.color,
            quiet: output.quiet,
        }
    }
}

/// How `check` runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Two passes, a date window of the corpus held (`streaming`); the
    /// events it owns checked.
    Streaming(Owned),
    /// The whole corpus held (`check::run`), within the old input limit:
    /// events found from the text of every report (`--events auto`), and the
    /// formats that show reports' text (`table`, `markdown`, `html`).
    InMemory,
}

/// `crosscheck check`.
#[derive(Debug)]
pub struct CheckSettings {
    pub sources: Sources,
    pub route: Route,
    /// `--framed`: standard input's lines carry their places.
    pub framed: bool,
    pub plan: check::Plan,
    pub destination: Destination,
    pub format: Format,
    /// `--template`, read.
    pub template: Option<String>,
    /// The fingerprints of `--baseline`.
    pub known: BTreeSet<String>,
    pub baseline: Option<PathBuf>,
    pub write_baseline: Option<PathBuf>,
    pub fail_on: config::FailOn,
    /// `--statistics`: counts per rule instead of findings.
    pub statistics: bool,
    /// `--stats`: stage times and memory on standard error.
    pub stats: bool,
}

impl CheckSettings {
    /// Checked in the order a user meets the mistakes: flags that do not go
    /// together, the template, the configuration, the rules, the baseline.
    fn of(args: CheckArgs) -> Result<CheckSettings, Refusal> {
        let format = check_format(args.format);
        if args.statistics && matches!(format, Format::Sarif | Format::Github | Format::Html) {
            return Err(Refusal::Usage(format!(
                "--statistics is written as table, json, jsonl, csv or markdown, not {}",
                format.name()
            )));
        }
        if args.template.is_some() && format != Format::Html {
            return Err(Refusal::Usage("--template is for --format html".into()));
        }
        let template = match &args.template {
            Some(path) => Some(
                std::fs::read_to_string(path)
                    .map_err(|e| Refusal::Usage(format!("{}: {e}", path.display())))?,
            ),
            None => None,
        };
        let grouping = grouping_of(&args.grouping, &configuration_of(&args.input)?);
        let in_memory = args.in_memory
            || (!args.statistics
                && matches!(format, Format::Table | Format::Markdown | Format::Html));
        let route = match (&args.own_days, in_memory) {
            (None, true) => Route::InMemory,
            (None, false) => Route::Streaming(Owned::All),
            // A part's reports alone cannot say which events the corpus holds.
            (Some(_), true) | (Some(_), false) if grouping.mode == Mode::Auto => {
                return Err(Refusal::Usage(
                    "--own-days needs events by key (not --events auto)".into(),
                ));
            }
            (Some(_), true) => {
                return Err(Refusal::Usage(
                    "--own-days needs a format of json, jsonl, csv, sarif, github or --statistics"
                        .into(),
                ));
            }
            (Some(days), false) => Route::Streaming(owned_days(days).map_err(Refusal::Usage)?),
        };
        if args.framed && args.input.paths.iter().any(|p| p.as_os_str() != "-") {
            return Err(Refusal::Usage(
                "--framed reads standard input (`-`) only".into(),
            ));
        }
        // Only the whole-corpus check holds the corpus: it keeps the old limit.
        let limit = (route == Route::InMemory).then_some(corpus::DEFAULT_MAX_INPUT_MB);
        let sources = Sources::of(&args.input, limit)?;
        let selection = selection(&sources.config, &args).map_err(Refusal::Usage)?;
        let known = match &args.baseline {
            Some(path) => baseline::read(path).map_err(Refusal::Usage)?,
            None => BTreeSet::new(),
        };
        let fail_on = args
            .fail_on
            .map(|f| match f {
                FailOn::Error => config::FailOn::Error,
                FailOn::Warning => config::FailOn::Warning,
                FailOn::Info => config::FailOn::Info,
                FailOn::Never => config::FailOn::Never,
            })
            .or(sources.config.check.fail_on)
            .unwrap_or(config::FailOn::Warning);
        let plan = check::Plan {
            grouping,
            selection,
            done: Arc::default(),
        };
        Ok(CheckSettings {
            sources,
            route,
            framed: args.framed,
            plan,
            destination: Destination::of(&args.output),
            format,
            template,
            known,
            baseline: args.baseline,
            write_baseline: args.write_baseline,
            fail_on,
            statistics: args.statistics,
            stats: args.stats,
        })
    }
}

/// `crosscheck extract`.
#[derive(Debug)]
pub struct ExtractSettings {
    pub sources: Sources,
    pub destination: Destination,
    pub format: Format,
    /// `--uncredited`: every quotation, credited to someone or not.
    pub uncredited: bool,
    pub stats: bool,
}

/// `crosscheck events`.
#[derive(Debug)]
pub struct EventsSettings {
    pub sources: Sources,
    /// `--framed`: standard input's lines carry their places.
    pub framed: bool,
    pub grouping: Grouping,
    pub destination: Destination,
    pub format: Format,
    pub stats: bool,
}

/// `crosscheck rules`.
#[derive(Debug)]
pub struct RulesSettings {
    pub chosen: Vec<&'static Rule>,
    pub destination: Destination,
    pub format: Format,
}

/// One rule by code or name, or the whole catalogue.
fn chosen_rules(code: Option<&str>) -> Result<Vec<&'static Rule>, Refusal> {
    match code {
        Some(code) => rules::find(code).map(|rule| vec![rule]).ok_or_else(|| {
            Refusal::Usage(format!("no rule {code:?}; `crosscheck rules` lists them"))
        }),
        None => Ok(rules::catalogue().iter().collect()),
    }
}

/// `--own-days`: `FROM..TO` (dates, both included) or `undated`.
fn owned_days(given: &str) -> Result<Owned, String> {
    if given == "undated" {
        return Ok(Owned::Undated);
    }
    let wrong =
        || format!("--own-days takes FROM..TO (2022-01-01..2022-03-31) or undated, not {given:?}");
    let (from, to) = given.split_once("..").ok_or_else(wrong)?;
    let day = |d: &str| {
        d.parse::<jiff::civil::Date>()
            .map(crosscheck::foreign::day_number)
            .map_err(|_| wrong())
    };
    Ok(Owned::Days {
        from: day(from)?,
        to: day(to)?,
    })
}

fn configuration_of(input: &Input) -> Result<Config, Refusal> {
    configuration(input).map_err(Refusal::Config)
}

/// The configuration: `--isolated`, `--config FILE`, or the `crosscheck.toml`
/// found walking up from the working directory.
fn configuration(input: &Input) -> Result<Config, ConfigError> {
    if input.isolated {
        return Ok(Config::default());
    }
    let path = match &input.config {
        Some(path) => Some(path.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|dir| Config::discover(&dir)),
    };
    path.map_or(Ok(Config::default()), |p| Config::load(&p, rules::is_known))
}

/// The rules to run: the config's, `--select` replacing its selection and
/// `--ignore` adding to what it ignores. An unknown code is an error.
fn selection(config: &Config, args: &CheckArgs) -> Result<Selection, String> {
    let mut selection = config.rules.clone();
    for (flag, given) in [("--select", &args.select), ("--ignore", &args.ignore)] {
        if let Some(unknown) = given.iter().find(|g| !rules::is_known(g)) {
            return Err(format!(
                "unknown rule {unknown:?} in {flag}; `crosscheck rules` lists them"
            ));
        }
    }
    if !args.select.is_empty() {
        selection.select = args.select.clone();
    }
    selection.ignore.extend(args.ignore.iter().cloned());
    Ok(selection)
}

/// Grouping: the defaults, then the config's `[events]`, then the flags.
fn grouping_of(args: &GroupingArgs, config: &Config) -> Grouping {
    let mut grouping = Grouping::configured(&config.events);
    grouping.aliases = config.speaker_aliases();
    if let Some(mode) = args.mode {
        grouping.mode = match mode {
            EventsMode::Keys => Mode::Keys,
            EventsMode::Auto => Mode::Auto,
        };
    }
    if let Some(days) = args.window_days {
        grouping.window_days = Some(days);
    }
    if let Some(threshold) = args.threshold {
        grouping.threshold = threshold;
    }
    grouping
}

fn check_format(format: CheckFormat) -> Format {
    match format {
        CheckFormat::Table => Format::Table,
        CheckFormat::Json => Format::Json,
        CheckFormat::Jsonl => Format::Jsonl,
        CheckFormat::Csv => Format::Csv,
        CheckFormat::Markdown => Format::Markdown,
        CheckFormat::Sarif => Format::Sarif,
        CheckFormat::Github => Format::Github,
        CheckFormat::Html => Format::Html,
    }
}

fn list_format(format: ListFormat) -> Format {
    match format {
        ListFormat::Table => Format::Table,
        ListFormat::Json => Format::Json,
        ListFormat::Jsonl => Format::Jsonl,
    }
}
