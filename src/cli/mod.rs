//! The command line: a thin layer over the library. What was typed (`args`)
//! becomes what a run needs (`settings`), once; then this dispatches to the
//! stage asked for, prints what the library hands back (rejections, skipped
//! reports, statistics) and turns the outcome into an exit status. Only the
//! binary prints.

mod args;
mod baseline;
mod output;
mod progress;
mod settings;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use clap::Parser;

use args::{Cli, ColorWhen};
use crosscheck::attributions;
use crosscheck::check;
use crosscheck::config;
use crosscheck::corpus::{self, Corpus};
use crosscheck::events;
use crosscheck::outcome::Outcome;
use crosscheck::render::{self, Style};
use crosscheck::stats::{self, Volume};
use crosscheck::streaming::{self, Owned};
use progress::Progress;
use settings::{
    CheckSettings, Destination, EventsSettings, ExtractSettings, Route, Settings, Sources,
};

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

fn run(cli: Cli) -> io::Result<u8> {
    let started = Instant::now();
    let settings = match Settings::of(cli.command) {
        Ok(settings) => settings,
        Err(refusal) => {
            writeln!(io::stderr(), "{refusal}")?;
            return Ok(ERRORS);
        }
    };
    match settings {
        Settings::Check(settings) => run_check(*settings, started),
        Settings::Extract(settings) => run_extract(settings, started),
        Settings::Events(settings) => run_events(settings, started),
        Settings::Rules(settings) => write_to(&settings.destination, |out, style| {
            render::write_rules(&settings.chosen, settings.format, style, out)
        })
        .map(|()| 0),
        Settings::Index {
            sources,
            framed,
            destination,
        } => run_index(&sources, framed, &destination),
        Settings::Init { path, force } => init(&path, force),
    }
}

/// `index`: each report's id, place, date and event key, and each rejected
/// input, in corpus order, as JSON Lines; ids are not checked for repeats.
fn run_index(sources: &Sources, framed: bool, destination: &Destination) -> io::Result<u8> {
    let batching = corpus::Batching::default();
    let (_scan, batches) = if framed {
        corpus::scan_framed(batching)?
    } else {
        corpus::scan(&sources.paths, batching)?
    };
    let mut rejected = 0;
    write_to(destination, |out, _| {
        for (batch, _) in std::iter::from_fn({
            let mut batches = batches.every_id();
            move || batches.next_placed()
        }) {
            rejected += batch.rejected.len();
            render::write_index(&batch, out)?;
        }
        Ok(())
    })?;
    Ok(input_status(rejected))
}

/// `events`: the grouping of the corpus into events.
fn run_events(settings: EventsSettings, started: Instant) -> io::Result<u8> {
    start_stats(settings.stats);
    let corpus = if settings.framed {
        let (_scan, mut batches) = corpus::scan_framed(corpus::Batching::default())?;
        let mut corpus = Corpus::default();
        while let Some((batch, _)) = batches.next_placed() {
            corpus.reports.extend(batch.reports);
            corpus.rejected.extend(batch.rejected);
        }
        print_rejections(&corpus.rejected)?;
        corpus
    } else {
        read(&settings.sources, settings.destination.quiet)?
    };
    let events = stats::time("group", || {
        events::group(&corpus.reports, &settings.grouping)
    });
    stats::time("render", || {
        write_to(&settings.destination, |out, style| {
            render::write_events(&events, &corpus.reports, settings.format, style, out)
        })
    })?;
    if settings.stats {
        print_stats(started, &volume(&corpus.reports, corpus.rejected.len()))?;
    }
    Ok(input_status(corpus.rejected.len()))
}

/// `extract`: the corpus is read, extracted and written batch after batch
/// (`crosscheck::attributions`), so memory does not grow with it and no input
/// limit is needed unless one is given.
fn run_extract(settings: ExtractSettings, started: Instant) -> io::Result<u8> {
    start_stats(settings.stats);
    let ExtractSettings {
        sources,
        destination,
        format,
        uncredited,
        stats: with_stats,
    } = settings;
    let batches = corpus::batches(&sources.paths, sources.limits, corpus::Batching::default());
    let listing = attributions::Listing { uncredited };
    let progress = Progress::start(destination.quiet);
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
        attributions::extract_batches(batches, listing, writer, each_batch)
    };
    let mut listed = attributions::Listed::default();
    let written = if destination.quiet && output::is_stdout(destination.path.as_deref()) {
        // Nothing is shown, but every report is still read and its rejections printed.
        stream(&mut io::sink(), &Style::default()).map(|l| listed = l)
    } else {
        write_to(&destination, |out, style| {
            stream(out, style).map(|l| listed = l)
        })
    };
    progress.finish();
    print_skipped(&listed.skipped)?;
    written?;
    if with_stats {
        print_stats(started, &listed.volume)?;
    }
    Ok(input_status(listed.volume.rejected))
}

fn run_check(settings: CheckSettings, started: Instant) -> io::Result<u8> {
    start_stats(settings.stats);
    match settings.route {
        Route::Streaming(owned) => run_streaming(settings, owned, started),
        Route::InMemory => run_in_memory(settings, started),
    }
}

/// `check` in two passes, a date window of the corpus held (`streaming`):
/// `json` and `jsonl` records are held on disk until written in order; the
/// other formats it serves need only the findings, which are kept.
fn run_streaming(settings: CheckSettings, owned: Owned, started: Instant) -> io::Result<u8> {
    let CheckSettings {
        sources,
        framed,
        plan,
        destination,
        format,
        known,
        baseline: baseline_path,
        write_baseline,
        fail_on,
        statistics,
        stats: with_stats,
        ..
    } = settings;
    let progress = Progress::start(destination.quiet);
    progress.stage("indexing reports");
    let (mut scan, batches) = if framed {
        corpus::scan_framed(corpus::Batching::default())?
    } else {
        corpus::scan(&sources.paths, corpus::Batching::default())?
    };
    let own: Vec<PathBuf> = [&baseline_path, &write_baseline, &destination.path]
        .into_iter()
        .flatten()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    let index = streaming::index(batches, &plan.grouping, &own, |read| {
        progress.stage(format!("indexing reports: {read} read"));
    });
    progress.suspend(|| print_rejections(&index.rejected))?;
    // Each report is counted twice: extracted, then checked with its event.
    progress.count(
        Arc::clone(&plan.done),
        2 * index.places.len(),
        "reports extracted, then checked",
    );
    let deferred =
        match format {
            render::Format::Json | render::Format::Jsonl if !statistics => Some(
                render::Deferred::new(format, index.places.len(), index.events.len())?,
            ),
            _ => None,
        };
    let mut recorder = streaming::Recorder::new(
        deferred,
        &known,
        write_baseline.is_some(),
        deferred_none(format, statistics),
    );
    let streamed = streaming::check(
        &mut scan,
        &index,
        &sources.config,
        &plan,
        owned,
        &mut recorder,
    )?;
    progress.finish();
    print_rejections(&streamed.rejected)?;
    print_skipped(&streamed.skipped)?;
    let failing = fail_on
        .threshold()
        .is_some_and(|t| recorder.any_at_least(t));
    let summary = recorder.summary(&index, &streamed);
    let mut rejected = index.rejected;
    rejected.extend(streamed.rejected);
    let any_rejected = !rejected.is_empty();
    let deferred = recorder.deferred.take();
    let findings = recorder.into_findings();
    if let Some(path) = &write_baseline {
        output::write(Some(path), |out| baseline::write(&findings, out))?;
    }
    stats::time("render", || {
        write_to(&destination, |out, style| match deferred {
            Some(deferred) => deferred.finish(&rejected, summary, out),
            None => {
                let outcome = Outcome {
                    rejected,
                    findings: if write_baseline.is_some() {
                        Vec::new()
                    } else {
                        findings
                    },
                    ..Outcome::default()
                };
                if statistics {
                    render::write_statistics(&outcome, format, style, out)
                } else {
                    let presentation = render::Presentation {
                        style: *style,
                        ..Default::default()
                    };
                    render::write_check(&outcome, format, &presentation, out)
                }
            }
        })
    })?;
    if with_stats {
        print_stats(started, &index.volume)?;
        writeln!(
            io::stderr(),
            "held at most {} reports at once",
            streamed.most_held
        )?;
    }
    Ok(if any_rejected {
        ERRORS
    } else if failing {
        FINDINGS
    } else {
        0
    })
}

/// Whether a streaming run keeps its findings: every format but the
/// deferred `json` and `jsonl` needs them at the end.
fn deferred_none(format: render::Format, statistics: bool) -> bool {
    statistics || !matches!(format, render::Format::Json | render::Format::Jsonl)
}

/// `check` with the whole corpus held (`check::run`).
fn run_in_memory(settings: CheckSettings, started: Instant) -> io::Result<u8> {
    let CheckSettings {
        sources,
        plan,
        destination,
        format,
        template,
        known,
        baseline: baseline_path,
        write_baseline,
        fail_on,
        statistics,
        stats: with_stats,
        ..
    } = settings;
    let progress = Progress::start(destination.quiet);
    progress.stage("reading reports");
    let mut corpus = stats::time("read", || {
        corpus::read_within(&sources.paths, sources.limits)
    });
    let own = [
        baseline_path.as_deref(),
        write_baseline.as_deref(),
        destination.path.as_deref(),
    ];
    leave_out_own_files(&mut corpus, &own);
    let volume = volume(&corpus.reports, corpus.rejected.len());
    // Each report is counted twice: extracted, then checked with its event.
    progress.count(
        Arc::clone(&plan.done),
        2 * corpus.reports.len(),
        "reports extracted, then checked",
    );
    let mut check = check::run(corpus, &sources.config, &plan);
    progress.finish();
    print_rejections(&check.rejected)?;
    print_skipped(&check.skipped)?;

    if let Some(path) = &write_baseline {
        output::write(Some(path), |out| baseline::write(&check.findings, out))?;
    }
    let before = check.findings.len();
    if write_baseline.is_some() {
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
        write_to(&destination, |out, style| {
            if statistics {
                render::write_statistics(&check, format, style, out)
            } else {
                let presentation = render::Presentation {
                    style: *style,
                    run,
                    template,
                };
                render::write_check(&check, format, &presentation, out)
            }
        })
    })?;
    if with_stats {
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

/// `crosscheck init`: the starter configuration, never over an existing file
/// unless `--force`.
fn init(path: &Path, force: bool) -> io::Result<u8> {
    let path = if path.is_dir() {
        path.join(config::FILE_NAME)
    } else {
        path.to_path_buf()
    };
    if path.exists() && !force {
        writeln!(
            io::stderr(),
            "crosscheck: {} exists; `crosscheck init --force` replaces it",
            path.display()
        )?;
        return Ok(ERRORS);
    }
    output::write(Some(&path), |out| out.write_all(config::STARTER.as_bytes()))?;
    writeln!(io::stderr(), "wrote {}", path.display())?;
    Ok(0)
}

/// Rejected input makes a run fail with status 2, whatever else it found
/// (`rejected`: how many inputs were rejected).
fn input_status(rejected: usize) -> u8 {
    if rejected == 0 { 0 } else { ERRORS }
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

/// With `--stats`, stage times are recorded from here on.
fn start_stats(enabled: bool) {
    if enabled {
        stats::enable();
    }
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

/// The reports, their rejections printed.
fn read(sources: &Sources, quiet: bool) -> io::Result<Corpus> {
    let progress = Progress::start(quiet);
    progress.stage("reading reports");
    let corpus = stats::time("read", || {
        corpus::read_within(&sources.paths, sources.limits)
    });
    progress.finish();
    print_rejections(&corpus.rejected)?;
    Ok(corpus)
}

/// Write through `render` to the chosen output, styled for where it goes;
/// nothing on standard output with `--quiet`.
fn write_to(
    destination: &Destination,
    render: impl FnOnce(&mut dyn Write, &Style) -> io::Result<()>,
) -> io::Result<()> {
    let path = destination.path.as_deref();
    if destination.quiet && output::is_stdout(path) {
        return Ok(());
    }
    let terminal = output::is_stdout(path) && io::stdout().is_terminal();
    let color = match destination.color {
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
