//! The `report` stage: every output goes through here. One function per thing
//! shown (a whole check, attributions, events, the rules), each taking the
//! format and writing to any `Write`.

mod json;
mod table;

use std::io::{self, Write};

pub use json::{AttributionRecord, VERSION};
pub use table::{diff_text, summary};

use crate::check::Check;
use crate::corpus::Report;
use crate::events::Event;
use crate::extract::Attribution;
use crate::rules::Rule;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Jsonl,
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

/// `check`: the findings of a run.
pub fn write_check(
    check: &Check,
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => table::write_check(check, style, out),
        Format::Json => json::write_check(check, out),
        Format::Jsonl => json::write_lines(check.findings.iter(), out),
    }
}

/// `extract`: every attribution of every report.
pub fn write_attributions(
    reports: &[Report],
    attributions: &[Vec<Attribution>],
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let records = || {
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
    };
    match format {
        Format::Table => table::write_attributions(reports, attributions, style, out),
        Format::Json => json::write_array(records(), out),
        Format::Jsonl => json::write_lines(records(), out),
    }
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
    }
}

/// `rules`: the catalogue, or one rule's documentation.
pub fn write_rules(
    rules: &[&Rule],
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match (format, rules) {
        (Format::Table, [rule]) => writeln!(out, "{}", rule.documentation.trim_end()),
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
    }
}
