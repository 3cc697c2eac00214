//! A divergence between outlets: what the rules produce and every output renders.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::compare::Piece;
use crate::corpus::Report;

/// How much a finding matters; ordered from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One divergence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule's code, `CC004`.
    pub rule: &'static str,
    /// The rule's name, `unsupported-fragment`.
    pub name: &'static str,
    pub severity: Severity,
    pub event: String,
    pub claim: String,
    pub message: String,
    /// Where the divergent words are.
    pub primary: Location,
    /// The renderings it diverges from, the reference first.
    pub related: Vec<Location>,
    /// Stable across runs and machines: for baselines.
    pub fingerprint: String,
    /// The word diff behind the finding, when there is one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Piece>,
}

/// A place in a report, for people (`path:line:column`) and machines (bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub report: String,
    pub outlet: String,
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Location {
    /// Bytes `start..end` of `report`'s text.
    pub fn new(report: &Report, (start, end): (usize, usize)) -> Location {
        let position = report.origin.position(&report.text, start);
        Location {
            report: report.id.clone(),
            outlet: report.outlet.clone(),
            path: report.origin.path.clone(),
            line: position.line,
            column: position.column,
            start,
            end,
            text: report.text.get(start..end).unwrap_or("").to_string(),
        }
    }
}

impl Finding {
    /// The fingerprint of a finding: the rule, the event, the report and the
    /// words it is about, and the reports it compares with. Nothing that moves
    /// when unrelated text is edited (offsets, claim numbers, paths) goes in.
    pub fn fingerprint(
        rule: &str,
        event: &str,
        primary: &Location,
        related: &[Location],
    ) -> String {
        let mut related_reports: Vec<&str> = related.iter().map(|l| l.report.as_str()).collect();
        related_reports.sort_unstable();
        related_reports.dedup();
        let words = crate::text::Wording::of(&primary.text);
        let key = [
            rule,
            event,
            &primary.report,
            &words.folded(0..words.len()),
            &related_reports.join("\u{1f}"),
        ]
        .join("\u{1e}");
        format!("{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
    }
}
