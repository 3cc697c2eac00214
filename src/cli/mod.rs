//! The command line: a thin layer over the library. It resolves what was typed
//! into a configuration, input paths and an output, runs the stage asked for,
//! and turns the outcome into an exit status.

mod args;
mod baseline;
mod output;
mod progress;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use clap::Parser;

use args::{
    CheckArgs, CheckFormat, Cli, ColorWhen, Command, EventsMode, FailOn, GroupingArgs, Input,
    ListFormat, Output,
};
use crosscheck::attributions;
use crosscheck::check;
use crosscheck::config::{self, Config, ConfigError, Selection};
use crosscheck::corpus::{self, Corpus};
use crosscheck::events::{self, Grouping, Mode};
use crosscheck::render::{self, Format, Style};
use crosscheck::rules;
use crosscheck::stats::{self, Volume};
use progress::Progress;

/// The exit statuses.
const FINDINGS: u8 = 1;
const ERRORS: u8 = 2;

/// Parse the command line, run, and say how it went.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(status) => ExitCode::from(status),
        // A closed pipe (`crosscheck check | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "crosscheck: {e}");
            ExitCode::from(ERRORS)
        }
    }
}

/// A usage or configuration error: printed, and the run stops with status 2.
fn usage(message: impl std::fmt::Display) -> io::Result<u8> {
    writeln!(io::stderr(), "crosscheck: {message}")?;
    Ok(ERRORS)
}

fn run(cli: Cli) -> io::Result<u8> {
    match cli.command {
        Command::Check(args) => run_check(*args),
        Command::Extract {
            input,
            output,
            format,
            uncredited,
            stats: with_stats,
        } => run_extract(&input, &output, list_format(format), uncredited, with_stats),
        Command::Events {
            input,
            grouping,
            output,
            format,
            stats: with_stats,
        } => {
            let started = start_stats(with_stats);
            let Some((config, corpus)) = read(&input, output.quiet)? else {
                return Ok(ERRORS);
            };
            let grouping = grouping_of(&grouping, &config);
            let events = stats::time("group", || events::group(&corpus.reports, &grouping));
            stats::time("render", || {
                write_to(&output, |out, style| {
                    render::write_events(&events, &corpus.reports, list_format(format), style, out)
                })
            })?;
            if with_stats {
                print_stats(started, &volume(&corpus.reports, corpus.rejected.len()))?;
            }
            Ok(input_status(corpus.rejected.len()))
        }
        Command::Rules {
            code,
            output,
            format,
        } => {
            let chosen: Vec<&rules::Rule> = match &code {
                Some(code) => match rules::find(code) {
                    Some(rule) => vec![rule],
                    None => {
                        return usage(format!("no rule {code:?}; `crosscheck rules` lists them"));
                    }
                },
                None => rules::catalogue().iter().collect(),
            };
            write_to(&output, |out, style| {
                render::write_rules(&chosen, list_format(format), style, out)
            })?;
            Ok(0)
        }
        Command::Init { path, force } => init(&path, force),
    }
}

/// `extract`: the corpus is read, extracted and written batch after batch
/// (`crosscheck::attributions`), so memory does not grow with it and no input
/// limit is needed unless one is given.
fn run_extract(
    input: &Input,
    output: &Output,
    format: Format,
    uncredited: bool,
    with_stats: bool,
) -> io::Result<u8> {
    let started = start_stats(with_stats);
    if configuration(input)?.is_none() {
        return Ok(ERRORS);
    }
    let limits = corpus::Limits {
        max_input_bytes: input.max_input_mb.map_or(u64::MAX, megabytes),
    };
    let batches = corpus::batches(&paths(input), limits, corpus::Batching::default());
    let options = attributions::Listing { uncredited };
    let progress = Progress::start(output.quiet);
    progress.stage("extracting reports");
    let mut extracted = 0;
    // Rejections are printed as their batch is read, before its attributions are written.
    let each_batch = |batch: &Corpus| {
        extracted += batch.reports.len();
        progress.stage(format!("extracting reports: {extracted} read"));
        progress.suspend(|| print_rejections(&batch.rejected))
    };
    let stream = |out: &mut dyn Write, style: &Style| {
        let writer = render::AttributionWriter::start(format, style, out)?;
        attributions::extract_batches(batches, options, writer, each_batch)
    };
    let mut listed = attributions::Listed::default();
    let written = if output.quiet && output::is_stdout(output.output.as_deref()) {
        // Nothing is shown, but every report is still read and its rejections printed.
        stream(&mut io::sink(), &Style::default()).map(|l| listed = l)
    } else {
        write_to(output, |out, style| stream(out, style).map(|l| listed = l))
    };
    progress.finish();
    print_skipped(&listed.skipped)?;
    written?;
    if with_stats {
        print_stats(started, &listed.volume)?;
    }
    Ok(input_status(listed.volume.rejected))
}

fn run_check(args: CheckArgs) -> io::Result<u8> {
    let started = start_stats(args.stats);
    let format = check_format(args.format);
    if args.statistics && matches!(format, Format::Sarif | Format::Github | Format::Html) {
        return usage(format!(
            "--statistics is written as table, json, jsonl, csv or markdown, not {}",
            format.name()
        ));
    }
    if args.template.is_some() && format != Format::Html {
        return usage("--template is for --format html");
    }
    let template = match &args.template {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) => return usage(format!("{}: {e}", path.display())),
        },
        None => None,
    };
    let Some(config) = configuration(&args.input)? else {
        return Ok(ERRORS);
    };
    let selection = match selection(&config, &args) {
        Ok(selection) => selection,
        Err(message) => return usage(message),
    };
    let known = match &args.baseline {
        Some(path) => match baseline::read(path) {
            Ok(known) => known,
            Err(message) => return usage(message),
        },
        None => Default::default(),
    };
    let fail_on = args
        .fail_on
        .map(|f| match f {
            FailOn::Error => config::FailOn::Error,
            FailOn::Warning => config::FailOn::Warning,
            FailOn::Info => config::FailOn::Info,
            FailOn::Never => config::FailOn::Never,
        })
        .or(config.check.fail_on)
        .unwrap_or(config::FailOn::Warning);
    let plan = check::Plan {
        grouping: grouping_of(&args.grouping, &config),
        selection,
        done: Arc::default(),
    };

    let progress = Progress::start(args.output.quiet);
    progress.stage("reading reports");
    let mut corpus = stats::time("read", || {
        corpus::read_within(&paths(&args.input), limits(&args.input))
    });
    let own = [
        args.baseline.as_deref(),
        args.write_baseline.as_deref(),
        args.output.output.as_deref(),
    ];
    leave_out_own_files(&mut corpus, &own);
    let volume = volume(&corpus.reports, corpus.rejected.len());
    // Each report is counted twice: extracted, then checked with its event.
    progress.count(
        Arc::clone(&plan.done),
        2 * corpus.reports.len(),
        "reports extracted, then checked",
    );
    let mut check = check::run(corpus, &config, &plan);
    progress.finish();
    print_rejections(&check.rejected)?;
    print_skipped(&check.skipped)?;

    if let Some(path) = &args.write_baseline {
        output::write(Some(path), |out| baseline::write(&check.findings, out))?;
    }
    let before = check.findings.len();
    if args.write_baseline.is_some() {
        check.findings.clear();
    } else if !known.is_empty() {
        check.findings.retain(|f| !known.contains(&f.fingerprint));
    }
    let run = render::Run {
        elapsed: Some(started.elapsed()),
        baselined: before - check.findings.len(),
    };
    let template = template.as_deref();
    stats::time("render", || {
        write_to(&args.output, |out, style| {
            if args.statistics {
                render::write_statistics(&check, format, style, out)
            } else {
                let options = render::Presentation {
                    style: *style,
                    run,
                    template,
                };
                render::write_check(&check, format, &options, out)
            }
        })
    })?;
    if args.stats {
        print_stats(started, &volume)?;
    }
    let failing = fail_on
        .threshold()
        .is_some_and(|t| check.findings.iter().any(|f| f.severity >= t));
    Ok(if !check.rejected.is_empty() {
        ERRORS
    } else if failing {
        FINDINGS
    } else {
        0
    })
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

/// `crosscheck init`: the starter configuration, never over an existing file
/// unless `--force`.
fn init(path: &Path, force: bool) -> io::Result<u8> {
    let path = if path.is_dir() {
        path.join(config::FILE_NAME)
    } else {
        path.to_path_buf()
    };
    if path.exists() && !force {
        return usage(format!(
            "{} exists; `crosscheck init --force` replaces it",
            path.display()
        ));
    }
    output::write(Some(&path), |out| out.write_all(config::STARTER.as_bytes()))?;
    writeln!(io::stderr(), "wrote {}", path.display())?;
    Ok(0)
}

/// Grouping: the defaults, then the config's `[events]`, then the flags.
fn grouping_of(args: &GroupingArgs, config: &Config) -> Grouping {
    let mut grouping = Grouping::configured(&config.events);
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

/// Rejected input makes a run fail with status 2, whatever else it found
/// (`rejected`: how many inputs were rejected).
fn input_status(rejected: usize) -> u8 {
    if rejected == 0 { 0 } else { ERRORS }
}

/// The input limit of `check` and `events`, which hold the whole corpus.
fn limits(input: &Input) -> corpus::Limits {
    let mb = input.max_input_mb.unwrap_or(corpus::DEFAULT_MAX_INPUT_MB);
    corpus::Limits {
        max_input_bytes: megabytes(mb),
    }
}

fn megabytes(mb: u64) -> u64 {
    mb.saturating_mul(1 << 20)
}

fn paths(input: &Input) -> Vec<PathBuf> {
    if input.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        input.paths.clone()
    }
}

/// A baseline or report written into the corpus's folder (`check . --output
/// findings.json`) is crosscheck's own file, not a report: what was read from
/// it, or rejected in it, is left out.
fn leave_out_own_files(corpus: &mut Corpus, own: &[Option<&Path>]) {
    let own: Vec<PathBuf> = own
        .iter()
        .flatten()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    if own.is_empty() {
        return;
    }
    let is_own = |shown: &str| std::fs::canonicalize(shown).is_ok_and(|p| own.contains(&p));
    corpus.reports.retain(|r| !is_own(&r.origin.path));
    corpus.rejected.retain(|r| !is_own(&r.path));
}

/// When the run started; with `--stats`, stage times are recorded from here on.
fn start_stats(enabled: bool) -> Instant {
    if enabled {
        stats::enable();
    }
    Instant::now()
}

/// How much `reports` hold: what `--stats` divides the stage times by.
fn volume(reports: &[corpus::Report], rejected: usize) -> Volume {
    Volume {
        reports: reports.len(),
        bytes: reports.iter().map(|r| r.text.len()).sum(),
        rejected,
    }
}

/// `--stats`: each stage's wall time and throughput, the total and the peak
/// memory, on standard error.
fn print_stats(started: Instant, volume: &Volume) -> io::Result<()> {
    let summary = stats::summary(
        &stats::stages(),
        started.elapsed(),
        volume,
        stats::peak_memory(),
    );
    io::stderr().lock().write_all(summary.as_bytes())
}

/// Each rejected input on standard error as `path:line:column: reason`.
fn print_rejections(rejected: &[corpus::Rejection]) -> io::Result<()> {
    let mut err = io::stderr().lock();
    for rejection in rejected {
        writeln!(err, "{rejection}")?;
    }
    Ok(())
}

/// Each report extraction skipped, on standard error.
fn print_skipped(skipped: &[crosscheck::extract::TooLong]) -> io::Result<()> {
    let mut err = io::stderr().lock();
    for too_long in skipped {
        writeln!(err, "crosscheck: {too_long}")?;
    }
    Ok(())
}

/// The configuration and the reports. `None` when the configuration cannot
/// be used (the error is printed).
fn read(input: &Input, quiet: bool) -> io::Result<Option<(Config, Corpus)>> {
    let Some(config) = configuration(input)? else {
        return Ok(None);
    };
    let progress = Progress::start(quiet);
    progress.stage("reading reports");
    let corpus = stats::time("read", || corpus::read_within(&paths(input), limits(input)));
    progress.finish();
    print_rejections(&corpus.rejected)?;
    Ok(Some((config, corpus)))
}

/// The configuration: `--isolated`, `--config FILE`, or the `crosscheck.toml`
/// found walking up. `None` when it cannot be used (the error is printed).
fn configuration(input: &Input) -> io::Result<Option<Config>> {
    match config_file(input) {
        Ok(config) => Ok(Some(config)),
        Err(e) => {
            writeln!(io::stderr(), "{e}")?;
            Ok(None)
        }
    }
}

fn config_file(input: &Input) -> Result<Config, ConfigError> {
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

/// Write through `render` to the chosen output, styled for where it goes;
/// nothing on standard output with `--quiet`.
fn write_to(
    output: &Output,
    render: impl FnOnce(&mut dyn Write, &Style) -> io::Result<()>,
) -> io::Result<()> {
    let path = output.output.as_deref();
    if output.quiet && output::is_stdout(path) {
        return Ok(());
    }
    let terminal = output::is_stdout(path) && io::stdout().is_terminal();
    let color = match output.color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    // Off a terminal the table has a fixed width, so output is the same everywhere.
    let width = if terminal { None } else { Some(120) };
    let style = Style {
        color,
        terminal,
        width,
    };
    output::write(path, |out| render(out, &style))
}
