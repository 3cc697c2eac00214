//! `extract`'s output written batch after batch, as reports are extracted, so
//! the run never holds more than one batch of them.
//!
//! JSON Lines are written as they come, and the JSON array is opened once,
//! written record by record and closed at the end, byte for byte what
//! [`super::write_attributions`] writes for the whole corpus at once. A table
//! cannot stream: comfy-table sizes every column to its widest cell in any
//! row, so its rows (each report's id and attributions, never its text) are
//! kept until the end.

use std::io::{self, Write};

use super::json::{AttributionRecord, write_lines};
use super::{Format, Style, attribution_records, table, unsupported};
use crate::corpus::Report;
use crate::extract::Attribution;

/// Writes the attributions of reports handed over batch after batch.
pub struct AttributionWriter<'w> {
    format: Format,
    style: Style,
    out: &'w mut dyn Write,
    /// Records written so far: the JSON array puts a comma before all but the first.
    written: usize,
    /// `table`: the rows until the end (see the module's documentation).
    reports: Vec<Report>,
    attributions: Vec<Vec<Attribution>>,
}

impl std::fmt::Debug for AttributionWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AttributionWriter")
            .field("format", &self.format)
            .field("written", &self.written)
            .finish_non_exhaustive()
    }
}

/// How deep a record sits in the JSON array, as `serde_json`'s pretty printer indents.
const INDENT: &[u8] = b"  ";

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
            written: 0,
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
            Format::Json => {
                for record in attribution_records(reports, &attributions) {
                    self.write_element(&record)?;
                }
                Ok(())
            }
            _ => write_lines(attribution_records(reports, &attributions), self.out),
        }
    }

    /// One record of the JSON array, indented as if the whole array were
    /// printed at once: a string holds no raw line break, so every line
    /// break of the record printed alone is where a line of it starts.
    fn write_element(&mut self, record: &AttributionRecord<'_>) -> io::Result<()> {
        let printed = serde_json::to_vec_pretty(record)?;
        let separator: &[u8] = if self.written == 0 { b"\n" } else { b",\n" };
        self.out.write_all(separator)?;
        self.out.write_all(INDENT)?;
        for (i, line) in printed.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                self.out.write_all(b"\n")?;
                self.out.write_all(INDENT)?;
            }
            self.out.write_all(line)?;
        }
        self.written += 1;
        Ok(())
    }

    /// End the output: the table is drawn, the JSON array closed.
    pub fn finish(self) -> io::Result<()> {
        match self.format {
            Format::Table => {
                table::write_attributions(&self.reports, &self.attributions, &self.style, self.out)
            }
            Format::Json if self.written == 0 => writeln!(self.out, "]"),
            Format::Json => writeln!(self.out, "\n]"),
            _ => Ok(()),
        }
    }
}
