//! The command line: a thin layer over the library. It resolves what was typed
//! into a configuration, input paths and an output, runs the stage asked for,
//! and turns the outcome into an exit status.

mod args;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, ColorWhen, Command, EventsMode, FailOn, FormatArg, GroupingArgs, Input, Output};
use crosscheck::check;
use crosscheck::config::{Config, ConfigError};
use crosscheck::corpus::{self, Corpus};
use crosscheck::events::{self, Grouping, Mode};
use crosscheck::finding::Severity;
use crosscheck::report::{self, Format, Style};
use crosscheck::rules;

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
            eprintln!("crosscheck: {e}");
            ExitCode::from(ERRORS)
        }
    }
}

fn run(cli: Cli) -> io::Result<u8> {
    match cli.command {
        Command::Check {
            input,
            grouping,
            output,
            format,
            fail_on,
        } => {
            let Some((config, corpus)) = read(&input) else {
                return Ok(ERRORS);
            };
            let options = check::Options {
                grouping: grouping_of(&grouping),
                ..check::Options::default()
            };
            let check = check::run(corpus, &config, &options);
            let format = format_of(format);
            write_to(&output, |out, style| {
                report::write_check(&check, format, style, out)
            })?;
            let failing =
                threshold(fail_on).is_some_and(|t| check.findings.iter().any(|f| f.severity >= t));
            Ok(if !check.rejected.is_empty() {
                ERRORS
            } else if failing {
                FINDINGS
            } else {
                0
            })
        }
        Command::Extract {
            input,
            output,
            format,
        } => {
            let Some((_, corpus)) = read(&input) else {
                return Ok(ERRORS);
            };
            let attributions = check::extract_all(&corpus.reports);
            write_to(&output, |out, style| {
                report::write_attributions(
                    &corpus.reports,
                    &attributions,
                    format_of(format),
                    style,
                    out,
                )
            })?;
            Ok(input_status(&corpus))
        }
        Command::Events {
            input,
            grouping,
            output,
            format,
        } => {
            let Some((_, corpus)) = read(&input) else {
                return Ok(ERRORS);
            };
            let events = events::group(&corpus.reports, &grouping_of(&grouping));
            write_to(&output, |out, style| {
                report::write_events(&events, &corpus.reports, format_of(format), style, out)
            })?;
            Ok(input_status(&corpus))
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
                        eprintln!("crosscheck: no rule {code:?}; `crosscheck rules` lists them");
                        return Ok(ERRORS);
                    }
                },
                None => rules::catalogue().iter().collect(),
            };
            write_to(&output, |out, style| {
                report::write_rules(&chosen, format_of(format), style, out)
            })?;
            Ok(0)
        }
    }
}

fn grouping_of(args: &GroupingArgs) -> Grouping {
    let mode = match args.mode {
        EventsMode::Keys => Mode::Keys,
        EventsMode::Auto => Mode::Auto,
    };
    Grouping {
        mode,
        window_days: Some(args.window_days),
        threshold: args.threshold,
    }
}

fn format_of(format: FormatArg) -> Format {
    match format {
        FormatArg::Table => Format::Table,
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::Jsonl,
    }
}

/// Rejected input makes a run fail with status 2, whatever else it found.
fn input_status(corpus: &Corpus) -> u8 {
    if corpus.rejected.is_empty() {
        0
    } else {
        ERRORS
    }
}

fn threshold(fail_on: FailOn) -> Option<Severity> {
    match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    }
}

/// The configuration and the reports; every rejected input is printed on
/// standard error as `path:line:column: reason`. `None` when the configuration
/// cannot be used.
fn read(input: &Input) -> Option<(Config, Corpus)> {
    let config = match config(input) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("{e}");
            return None;
        }
    };
    let paths = if input.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        input.paths.clone()
    };
    let corpus = corpus::read(&paths);
    for rejection in &corpus.rejected {
        eprintln!("{rejection}");
    }
    Some((config, corpus))
}

fn config(input: &Input) -> Result<Config, ConfigError> {
    if input.isolated {
        return Ok(Config::default());
    }
    let path = match &input.config {
        Some(path) => Some(path.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|dir| Config::discover(&dir)),
    };
    path.map_or(Ok(Config::default()), |p| Config::load(&p))
}

/// Write through `render` to the chosen output, styled for where it goes.
fn write_to(
    output: &Output,
    render: impl FnOnce(&mut dyn Write, &Style) -> io::Result<()>,
) -> io::Result<()> {
    let terminal = output.output.is_none() && io::stdout().is_terminal();
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
    match &output.output {
        Some(path) => {
            let mut out = BufWriter::new(File::create(path)?);
            render(&mut out, &style)?;
            out.flush()
        }
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            render(&mut out, &style)?;
            out.flush()
        }
    }
}
