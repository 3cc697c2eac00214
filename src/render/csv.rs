//! `check --format csv`: one finding a row, for a spreadsheet. The word diff
//! is in the plain `[-dropped-] {+added+}` notation.

use std::io::{self, Write};

use super::Style;
use super::summary::RuleCount;
use super::table::diff_text;
use crate::outcome::Outcome;

const HEADER: [&str; 18] = [
    "severity",
    "rule",
    "name",
    "event",
    "claim",
    "outlet",
    "report",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "message",
    "quote",
    "diff",
    "related_outlets",
    "related_reports",
    "fingerprint",
];

pub fn write_check(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    // Rows go to memory first: csv's errors wrap io's, and a closed pipe must
    // stay recognisable as one (see `cli::main`).
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER)?;
    let plain = Style::default();
    for f in &outcome.findings {
        let related = |field: fn(&crate::finding::Location) -> &str| {
            let mut values: Vec<&str> = Vec::new();
            for l in &f.related {
                if !values.contains(&field(l)) {
                    values.push(field(l));
                }
            }
            values.join("; ")
        };
        writer.write_record([
            f.severity.to_string().as_str(),
            f.rule.as_str(),
            f.name.as_str(),
            &f.event,
            &f.claim,
            &f.primary.outlet,
            &f.primary.report,
            &f.primary.path,
            &f.primary.line.to_string(),
            &f.primary.column.to_string(),
            &f.primary.end_line.to_string(),
            &f.primary.end_column.to_string(),
            &f.message,
            &f.primary.text,
            &diff_text(&f.evidence, &plain),
            &related(|l| &l.outlet),
            &related(|l| &l.report),
            &f.fingerprint,
        ])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    out.write_all(&bytes)
}

/// `check --statistics --format csv`: one rule a row.
pub fn write_statistics(counts: &[RuleCount], out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["count", "code", "name", "severity"])?;
    for c in counts {
        writer.write_record([
            c.count.to_string().as_str(),
            c.rule.as_str(),
            c.name.as_str(),
            c.severity.to_string().as_str(),
        ])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    out.write_all(&bytes)
}
