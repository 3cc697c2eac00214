//! A divergence between outlets: what the rules produce and every output renders.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::corpus::Report;
use crate::text::Span;

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
    pub rule: RuleCode,
    pub name: RuleName,
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

/// A string a finding names its rule by: the rule's own, or as read back
/// from output. Written and read as a plain string; reading it back asks no
/// catalogue, so findings of a newer or older crosscheck read as they are.
macro_rules! rule_string {
    ($(#[$doc:meta])* $type:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $type(Cow<'static, str>);

        impl $type {
            pub const fn new(text: &'static str) -> $type {
                $type(Cow::Borrowed(text))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $type {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $type {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

rule_string!(
    /// A rule's code, `CC004`.
    RuleCode
);
rule_string!(
    /// A rule's name, `unsupported-fragment`.
    RuleName
);

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
    /// Where `span` is in `report`. Its words are read from the report's
    /// text, so a location always shows the report's own bytes.
    pub fn new(report: &Report, span: Span) -> Location {
        let (start, end) = (span.start(), span.end());
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
    fn a_rule_code_and_name_are_written_and_read_as_plain_strings() {
        let code = RuleCode::new("CC004");
        let written = serde_json::to_string(&code).unwrap_or_default();
        assert_eq!(written, "\"CC004\"");
        let read: Result<RuleCode, _> = serde_json::from_str(&written);
        assert_eq!(read.ok(), Some(code));
        // A code this build has no rule for still reads: no catalogue is asked.
        let newer: Result<RuleName, _> = serde_json::from_str("\"speaker-swap\"");
        assert_eq!(
            newer.ok().as_ref().map(RuleName::as_str),
            Some("speaker-swap")
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
