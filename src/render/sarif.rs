//! `check --format sarif`: SARIF 2.1.0, the format code-scanning services read.
//! One rule entry a CC code with its documentation, one result a finding with
//! its place in the corpus file (lines and columns in Unicode code points, as
//! `columnKind` says), the renderings it diverges from as related locations,
//! and its fingerprint as a partial fingerprint. Rejected input is reported as
//! tool notifications. About 150 lines of our own types, as ruff does, rather
//! than a generated crate: the few fields used are the ones that matter.

use std::io::{self, Write};

use serde::Serialize;

use crate::finding::{Finding, Location, Severity};
use crate::outcome::Outcome;
use crate::rules::{self, Rule};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Debug, Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
    invocations: [Invocation; 1],
}

#[derive(Debug, Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    name: &'static str,
    short_description: Message,
    full_description: Message,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Debug, Serialize)]
struct Help {
    text: &'static str,
    markdown: &'static str,
}

#[derive(Debug, Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Debug, Serialize)]
struct Message {
    text: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: [SarifLocation; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation>,
    partial_fingerprints: Fingerprints<'a>,
    properties: Properties<'a>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Debug, Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Message>,
}

/// `partialFingerprints`: the key is versioned, so a change of the
/// fingerprint's recipe shows as a new key instead of as new findings.
#[derive(Debug, Serialize)]
struct Fingerprints<'a> {
    #[serde(rename = "crosscheck/v1")]
    crosscheck: &'a str,
}

#[derive(Debug, Serialize)]
struct Properties<'a> {
    event: &'a str,
    claim: &'a str,
    report: &'a str,
    outlet: &'a str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Debug, Serialize)]
struct Notification {
    level: &'static str,
    message: Message,
    locations: [SarifLocation; 1],
}

pub fn write_check(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    let catalogue = rules::catalogue();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "crosscheck",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: catalogue.iter().map(descriptor).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results: outcome
                .findings
                .iter()
                .map(|f| result(f, catalogue))
                .collect(),
            invocations: [Invocation {
                execution_successful: outcome.rejected.is_empty(),
                tool_execution_notifications: outcome
                    .rejected
                    .iter()
                    .map(|r| Notification {
                        level: "error",
                        message: Message {
                            text: r.reason.clone(),
                        },
                        locations: [SarifLocation {
                            id: None,
                            physical_location: PhysicalLocation {
                                artifact_location: ArtifactLocation { uri: uri(&r.path) },
                                region: Region {
                                    start_line: r.line.max(1),
                                    start_column: r.column.max(1),
                                    end_line: None,
                                    end_column: None,
                                    snippet: None,
                                },
                            },
                            message: None,
                        }],
                    })
                    .collect(),
            }],
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn descriptor(rule: &'static Rule) -> RuleDescriptor {
    RuleDescriptor {
        id: rule.code,
        name: rule.name,
        short_description: Message {
            text: rule.summary.to_string(),
        },
        full_description: Message {
            text: section(rule.documentation, "## What it finds")
                .unwrap_or(rule.summary)
                .to_string(),
        },
        help: Help {
            text: rule.documentation,
            markdown: rule.documentation,
        },
        default_configuration: Configuration {
            level: level(rule.severity),
        },
    }
}

fn result<'a>(f: &'a Finding, catalogue: &[Rule]) -> SarifResult<'a> {
    SarifResult {
        rule_id: f.rule.as_str(),
        rule_index: catalogue.iter().position(|r| f.rule == r.code).unwrap_or(0),
        level: level(f.severity),
        message: Message {
            text: f.message.clone(),
        },
        locations: [location(&f.primary, None, None)],
        related_locations: f
            .related
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let note = format!("{}'s wording", l.outlet);
                location(l, Some(i + 1), Some(note))
            })
            .collect(),
        partial_fingerprints: Fingerprints {
            crosscheck: &f.fingerprint,
        },
        properties: Properties {
            event: &f.event,
            claim: &f.claim,
            report: &f.primary.report,
            outlet: &f.primary.outlet,
        },
    }
}

fn location(l: &Location, id: Option<usize>, note: Option<String>) -> SarifLocation {
    SarifLocation {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri: uri(&l.path) },
            region: Region {
                start_line: l.line.max(1),
                start_column: l.column.max(1),
                end_line: Some(l.end_line.max(l.line).max(1)),
                end_column: Some(l.end_column.max(1)),
                snippet: Some(Message {
                    text: l.text.clone(),
                }),
            },
        },
        message: note.map(|text| Message { text }),
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The text of one `## Heading` section of a rule's documentation.
fn section<'a>(documentation: &'a str, heading: &str) -> Option<&'a str> {
    let start = documentation.find(heading)? + heading.len();
    let rest = &documentation[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    Some(rest[..end].trim())
}

/// A path as a URI reference: relative paths stay relative (code scanning
/// resolves them against the checkout), absolute ones become `file://` URIs,
/// and every byte outside the unreserved set and `/` is percent-encoded.
fn uri(path: &str) -> String {
    let absolute = path.starts_with('/');
    let drive = path.as_bytes().get(1) == Some(&b':');
    let mut encoded = String::with_capacity(path.len());
    for (i, b) in path.bytes().enumerate() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                encoded.push(b as char)
            }
            b':' if drive && i == 1 => encoded.push(':'),
            _ => encoded.push_str(&format!("%{b:02X}")),
        }
    }
    match (absolute, drive) {
        (true, _) => format!("file://{encoded}"),
        (false, true) => format!("file:///{encoded}"),
        _ => encoded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("corpus/a b/afp.md"), "corpus/a%20b/afp.md");
        assert_eq!(uri("/srv/corpus/é.md"), "file:///srv/corpus/%C3%A9.md");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(uri("C:/corpus/x.md"), "file:///C:/corpus/x.md");
    }

    #[test]
    fn a_section_of_the_documentation_is_found() {
        let doc = "# X\n\n## What it finds\nWords.\n\n## Why it matters\nMore.";
        assert_eq!(section(doc, "## What it finds"), Some("Words."));
    }
}
