//! `extract`'s output written batch after batch, as reports are extracted, so
//! the run never holds more than one batch of them.
//!
//! JSON Lines are written as they come, and the JSON array is opened once,
//! written record by record and closed at the end, byte for byte what
//! [`super::write_attributions`] writes for the whole corpus at once. Records
//! are printed in parallel, a slice of reports at a time, and written in order. A table
//! cannot stream: comfy-table sizes every column to its widest cell in any
//! row, so its rows (each report's id and attributions, never its text) are
//! kept until the end.

use std::io::{self, Write};

use rayon::prelude::*;

use super::json::{AttributionRecord, print_lines};
use super::{Format, Style, attribution_records, table, unsupported};
use crate::corpus::Report;
use crate::extract::Attribution;

/// Writes the attributions of reports handed over batch after batch.
pub struct AttributionWriter<'w> {
    format: Format,
    style: Style,
    out: &'w mut dyn Write,
    /// Whether a record was written: the JSON array puts a comma before all but the first.
    any_record: bool,
    /// `table`: the rows until the end (see the module's documentation).
    reports: Vec<Report>,
    attributions: Vec<Vec<Attribution>>,
}

impl std::fmt::Debug for AttributionWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AttributionWriter")
            .field("format", &self.format)
            .field("any_record", &self.any_record)
            .finish_non_exhaustive()
    }
}

/// How deep a record sits in the JSON array, as `serde_json`'s pretty printer indents.
const INDENT: &[u8] = b"  ";

/// How many reports' records are printed in parallel before they are written.
const PRINTED_AT_ONCE: usize = 1024;

impl<'w> AttributionWriter<'w> {
    /// Start the output: the JSON array is opened here. `table`, `json` and
    /// `jsonl` only.
    pub fn start(format: Format, style: &Style, out: &'w mut dyn Write) -> io::Result<Self> {
        match format {
            Format::Table | Format::Jsonl => {}
            Format::Json => out.write_all(b"[")?,
            _ => return Err(unsupported("attributions", format)),
        }
        Ok(AttributionWriter {
            format,
            style: *style,
            out,
            any_record: false,
            reports: Vec::new(),
            attributions: Vec::new(),
        })
    }

    /// Write the attributions of a batch of reports (same indices), after
    /// those of every earlier batch.
    pub fn write(
        &mut self,
        reports: &[Report],
        attributions: Vec<Vec<Attribution>>,
    ) -> io::Result<()> {
        match self.format {
            Format::Table => {
                self.reports
                    .extend(reports.iter().map(Report::without_text));
                self.attributions.extend(attributions);
                Ok(())
            }
            _ => {
                // Printed by the workers a slice at a time (a slice's text, not
                // a batch's, waits to be written), written here in order.
                for (reports, found) in reports
                    .chunks(PRINTED_AT_ONCE)
                    .zip(attributions.chunks(PRINTED_AT_ONCE))
                {
                    let format = self.format;
                    let printed: Vec<Vec<u8>> = reports
                        .par_iter()
                        .zip(found)
                        .map(|(report, found)| {
                            print(
                                format,
                                std::slice::from_ref(report),
                                std::slice::from_ref(found),
                            )
                        })
                        .collect::<io::Result<_>>()?;
                    for text in &printed {
                        self.write_printed(text)?;
                    }
                }
                Ok(())
            }
        }
    }

    fn write_printed(&mut self, text: &[u8]) -> io::Result<()> {
        if text.is_empty() {
            return Ok(());
        }
        let text = match (self.format, self.any_record) {
            (Format::Json, false) => text.strip_prefix(b",").unwrap_or(text),
            _ => text,
        };
        self.any_record = true;
        self.out.write_all(text)
    }

    /// End the output: the table is drawn, the JSON array closed.
    pub fn finish(self) -> io::Result<()> {
        match self.format {
            Format::Table => {
                table::write_attributions(&self.reports, &self.attributions, &self.style, self.out)
            }
            Format::Json if !self.any_record => writeln!(self.out, "]"),
            Format::Json => writeln!(self.out, "\n]"),
            _ => Ok(()),
        }
    }
}

/// Reports' records as written: JSON Lines, or elements of the JSON array,
/// each after a comma (the first of all loses it when written).
fn print(format: Format, reports: &[Report], found: &[Vec<Attribution>]) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let records = attribution_records(reports, found);
    if format == Format::Jsonl {
        // Already on a worker of its own: printed here, not handed to the
        // parallel writer again.
        print_lines(records, &mut out)?;
        return Ok(out);
    }
    for record in records {
        out.extend_from_slice(b",\n");
        out.extend_from_slice(INDENT);
        element(&record, &mut out)?;
    }
    Ok(out)
}

/// One record of the JSON array, indented as if the whole array were printed
/// at once: a string holds no raw line break, so every line break of the
/// record printed alone is where a line of it starts.
fn element(record: &AttributionRecord<'_>, out: &mut Vec<u8>) -> io::Result<()> {
    let printed = serde_json::to_vec_pretty(record)?;
    indent_lines(&printed, INDENT, out);
    Ok(())
}

/// A record printed alone, laid into an enclosing array: every line after
/// the first starts with `indent` (the caller places the first line).
pub(super) fn indent_lines(printed: &[u8], indent: &[u8], out: &mut Vec<u8>) {
    for (i, line) in printed.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
            out.extend_from_slice(indent);
        }
        out.extend_from_slice(line);
    }
}
