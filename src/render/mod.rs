//! The `report` stage: every output goes through here. One function per thing
//! shown (a whole check, attributions, events, the rules), each taking the
//! format and writing to any `Write`; one file per format (as ruff's
//! renderers), over the one finding model.

mod csv;
mod deferred;
mod github;
mod html;
mod json;
mod jsonl;
mod markdown;
mod matrix;
mod sarif;
mod stream;
mod summary;
mod table;

use std::io::{self, Write};

pub use deferred::{Deferred, Section};
pub use json::{AttributionRecord, VERSION, check_event_record, claim_record_of, report_record};
pub use jsonl::Record;
pub use matrix::{Cell, Matrix, Verdict};
pub use stream::AttributionWriter;
pub use summary::{RuleCount, Run, Summary, statistics, too_large};
pub use table::diff_text;

use crate::corpus::Report;
use crate::events::Event;
use crate::extract::Attribution;
use crate::outcome::Outcome;
use crate::rules::Rule;

/// The output formats. `extract`, `events` and `rules` are written as
/// `Table`, `Json` or `Jsonl` only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people at a terminal (comfy-table).
    Table,
    /// One versioned document.
    Json,
    /// One record a line, each with a `type`.
    Jsonl,
    /// One finding a row.
    Csv,
    /// A pull-request comment.
    Markdown,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
    /// One self-contained page for reviewers.
    Html,
}

impl Format {
    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Html => "html",
        }
    }
}

/// What a format cannot write.
fn unsupported(what: &str, format: Format) -> io::Error {
    io::Error::new(
        io::ErrorKind::Unsupported,
        format!("{what} cannot be written as {}", format.name()),
    )
}

/// How a table is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// ANSI colours (a terminal, no `NO_COLOR`, or `--color always`).
    pub color: bool,
    /// Output goes to a terminal: comfy-table may size to it.
    pub terminal: bool,
    /// A fixed width in columns; `None` sizes to the terminal.
    pub width: Option<u16>,
}

/// How a whole check is written: the format, and what only some formats use.
#[derive(Debug, Clone, Copy, Default)]
pub struct Presentation<'a> {
    pub style: Style,
    pub run: Run,
    /// `--template`: the HTML page's template instead of the built-in one.
    pub template: Option<&'a str>,
}

/// `check`: the findings of a run.
pub fn write_check(
    outcome: &Outcome,
    format: Format,
    options: &Presentation<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let run = &options.run;
    match format {
        Format::Table => table::write_check(outcome, run, &options.style, out),
        Format::Json => json::write_check(outcome, run, out),
        Format::Jsonl => jsonl::write_check(outcome, run, out),
        Format::Csv => csv::write_check(outcome, out),
        Format::Markdown => markdown::write_check(outcome, run, out),
        Format::Sarif => sarif::write_check(outcome, out),
        Format::Github => github::write_check(outcome, out),
        Format::Html => html::write_check(outcome, run, options.template, out),
    }
}

/// `check --statistics`: how many findings each rule has, instead of the findings.
pub fn write_statistics(
    outcome: &Outcome,
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let counts = statistics(outcome);
    match format {
        Format::Table => table::write_statistics(&counts, style, out),
        Format::Json => json::write_array(counts.iter(), out),
        Format::Jsonl => json::write_lines(counts.iter(), out),
        Format::Csv => csv::write_statistics(&counts, out),
        Format::Markdown => markdown::write_statistics(&counts, out),
        Format::Sarif | Format::Github | Format::Html => Err(unsupported("statistics", format)),
    }
}

/// `extract`: every attribution of every report, the corpus at once
/// ([`AttributionWriter`] writes the same batch after batch).
pub fn write_attributions(
    reports: &[Report],
    attributions: &[Vec<Attribution>],
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let records = || attribution_records(reports, attributions);
    match format {
        Format::Table => table::write_attributions(reports, attributions, style, out),
        Format::Json => json::write_array(records(), out),
        Format::Jsonl => json::write_lines(records(), out),
        _ => Err(unsupported("attributions", format)),
    }
}

/// Each attribution of `reports` (same indices as `attributions`) as written.
fn attribution_records<'a>(
    reports: &'a [Report],
    attributions: &'a [Vec<Attribution>],
) -> impl Iterator<Item = AttributionRecord<'a>> {
    reports
        .iter()
        .zip(attributions)
        .flat_map(|(report, found)| {
            found.iter().map(move |a| AttributionRecord {
                report: &report.id,
                outlet: &report.outlet,
                attribution: a,
            })
        })
}

/// `events`: which reports are about the same happening.
pub fn write_events(
    events: &[Event],
    reports: &[Report],
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let records = || events.iter().map(|e| json::event_record(e, reports));
    match format {
        Format::Table => table::write_events(events, reports, style, out),
        Format::Json => json::write_array(records(), out),
        Format::Jsonl => json::write_lines(records(), out),
        _ => Err(unsupported("events", format)),
    }
}

/// `index`: a batch's reports (their id, place, date and event key) and
/// rejections, one a line.
pub fn write_index(batch: &crate::corpus::Corpus, out: &mut dyn Write) -> io::Result<()> {
    let reports = batch
        .reports
        .iter()
        .map(|r| Record::Indexed(json::IndexRecord::of(r)));
    let rejected = batch
        .rejected
        .iter()
        .map(|r| Record::Rejected(json::rejection_record(r)));
    json::write_lines(reports.chain(rejected), out)
}

/// `rules`: the catalogue, or one rule's documentation.
pub fn write_rules(
    rules: &[&Rule],
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match (format, rules) {
        (Format::Table, [rule]) => writeln!(
            out,
            "{}\n\n{}",
            rule.documentation.trim_end(),
            rule.example.trim_end()
        ),
        (Format::Table, _) => {
            let mut table = comfy_table::Table::new();
            table.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
            if let Some(width) = style.width {
                table.set_width(width);
            }
            table.set_header(vec!["code", "name", "severity", "finds"]);
            for rule in rules {
                table.add_row(vec![
                    rule.code.to_string(),
                    rule.name.to_string(),
                    rule.severity.to_string(),
                    rule.summary.to_string(),
                ]);
            }
            writeln!(out, "{table}")
        }
        (Format::Json, _) => json::write_array(rules.iter(), out),
        (Format::Jsonl, _) => json::write_lines(rules.iter(), out),
        _ => Err(unsupported("rules", format)),
    }
}
