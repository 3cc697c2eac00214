//! A divergence between outlets: what the rules produce and every output renders.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

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

/// One divergence. It reads back from the JSON outputs (`Deserialize`), so a
/// program can consume `check --format json` with the library's own types.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule's code, `CC004`.
    #[serde(deserialize_with = "rule_code")]
    pub rule: Catalogued,
    /// The rule's name, `unsupported-fragment`.
    #[serde(deserialize_with = "rule_name")]
    pub name: Catalogued,
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Piece>,
}

/// A string of the rules catalogue. (Named so that serde's derive reads it
/// through `rule_code` and `rule_name` instead of borrowing from the input.)
pub type Catalogued = &'static str;

/// A run of words of a finding's evidence (the word diff), for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Piece {
    pub tag: Tag,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tag {
    Same,
    /// In the reference, not in the rendering.
    Removed,
    /// In the rendering, not in the reference.
    Added,
}

/// A place in a report, for people (`path:line:column`) and machines (bytes).
/// Lines and columns are 1-based; columns count Unicode code points, as SARIF's
/// `unicodeCodePoints` does; `end_column` is the column just past the last one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub report: String,
    pub outlet: String,
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Location {
    /// Bytes `start..end` of `report`'s text.
    pub fn new(report: &Report, (start, end): (usize, usize)) -> Location {
        let from = report.origin.position(&report.text, start);
        let to = report.origin.position(&report.text, end);
        Location {
            report: report.id.clone(),
            outlet: report.outlet.clone(),
            path: report.origin.path.clone(),
            line: from.line,
            column: from.column,
            end_line: to.line,
            end_column: to.column,
            start,
            end,
            text: report.text.get(start..end).unwrap_or("").to_string(),
        }
    }

    /// What names the report in a fingerprint: its id, unless the id is only
    /// the path it was read from (`corpus/x/afp.md`, `data/reports.jsonl:12`).
    /// A path moves with the folder a corpus is checked from, and a line number
    /// with every record added above it, so such a report is named by its
    /// file's name and its outlet instead.
    fn fingerprint_name(&self) -> String {
        let derived = self
            .report
            .strip_prefix(self.path.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(':'));
        if !derived {
            return self.report.clone();
        }
        let file = self.path.rsplit('/').next().unwrap_or(&self.path);
        format!("{file}\u{1f}{}", self.outlet)
    }
}

impl Finding {
    /// The fingerprint of a finding: the rule, the event, the report and the
    /// words it is about, and the reports it compares with. Nothing that moves
    /// when unrelated text is edited or the corpus is checked from another
    /// folder (offsets, claim numbers, paths) goes in.
    pub fn fingerprint(
        rule: &str,
        event: &str,
        primary: &Location,
        related: &[Location],
    ) -> String {
        let mut related_reports: Vec<String> =
            related.iter().map(Location::fingerprint_name).collect();
        related_reports.sort_unstable();
        related_reports.dedup();
        let words = crate::text::Wording::of(&primary.text);
        let key = [
            rule,
            event,
            &primary.fingerprint_name(),
            &words.folded(0..words.len()),
            &related_reports.join("\u{1f}"),
        ]
        .join("\u{1e}");
        format!("{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
    }
}

/// A rule's code read back: the catalogue's own string.
fn rule_code<'de, D: Deserializer<'de>>(deserializer: D) -> Result<&'static str, D::Error> {
    let code = String::deserialize(deserializer)?;
    crate::rules::find(&code)
        .map(|rule| rule.code)
        .ok_or_else(|| serde::de::Error::custom(format!("no rule {code:?}")))
}

/// A rule's name read back: the catalogue's own string.
fn rule_name<'de, D: Deserializer<'de>>(deserializer: D) -> Result<&'static str, D::Error> {
    let name = String::deserialize(deserializer)?;
    crate::rules::find(&name)
        .map(|rule| rule.name)
        .ok_or_else(|| serde::de::Error::custom(format!("no rule {name:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn location(report: &str, path: &str) -> Location {
        Location {
            report: report.into(),
            outlet: "AFP".into(),
            path: path.into(),
            line: 3,
            column: 2,
            end_line: 3,
            end_column: 20,
            start: 40,
            end: 58,
            text: "should be addressed".into(),
        }
    }

    #[test]
    fn an_id_taken_from_the_path_does_not_tie_the_fingerprint_to_the_folder() {
        let here = location("corpus/call/afp.md", "corpus/call/afp.md");
        let there = location(
            "/tmp/copy/corpus/call/afp.md",
            "/tmp/copy/corpus/call/afp.md",
        );
        assert_eq!(
            Finding::fingerprint("CC002", "call", &here, &[]),
            Finding::fingerprint("CC002", "call", &there, &[])
        );
        let line_2 = location("data/r.jsonl:2", "data/r.jsonl");
        let line_9 = location("./data/r.jsonl:9", "./data/r.jsonl");
        assert_eq!(
            Finding::fingerprint("CC002", "call", &line_2, std::slice::from_ref(&here)),
            Finding::fingerprint("CC002", "call", &line_9, &[there])
        );
    }

    #[test]
    fn a_given_id_is_kept_and_the_words_count() {
        let a = location("afp-1", "corpus/call/afp.md");
        let b = location("afp-2", "corpus/call/afp.md");
        assert_ne!(
            Finding::fingerprint("CC002", "call", &a, &[]),
            Finding::fingerprint("CC002", "call", &b, &[])
        );
        let mut moved = a.clone();
        moved.start += 100;
        moved.line += 4;
        assert_eq!(
            Finding::fingerprint("CC002", "call", &a, &[]),
            Finding::fingerprint("CC002", "call", &moved, &[])
        );
        let mut reworded = a.clone();
        reworded.text = "must be addressed".into();
        assert_ne!(
            Finding::fingerprint("CC002", "call", &a, &[]),
            Finding::fingerprint("CC002", "call", &reworded, &[])
        );
    }
}
