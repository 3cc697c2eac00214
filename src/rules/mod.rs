//! The `rules` stage: the findings catalogue. Each rule is one small module with
//! a stable code, a kebab-case name, a default severity and its documentation
//! (a Markdown file beside it, printed by `crosscheck rules CODE`).

mod quote_altered;
mod speaker_mismatch;
mod unsupported_fragment;

use serde::Serialize;

use crate::align::Claim;
use crate::compare::Comparison;
use crate::corpus::Report;
use crate::extract::Attribution;
use crate::finding::{Finding, Location, Severity};

/// One rule of the catalogue.
#[derive(Debug, Serialize)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// What it finds, why it matters to an editor, an example (Markdown).
    #[serde(skip)]
    pub documentation: &'static str,
    #[serde(skip)]
    check: fn(&Context<'_>, &Rule, &mut Vec<Finding>),
}

/// Everything a rule may look at: one event's claims and their comparisons.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub event: &'a str,
    pub claims: &'a [Claim],
    /// One per claim, in the same order.
    pub comparisons: &'a [Comparison],
    pub reports: &'a [Report],
    pub attributions: &'a [Vec<Attribution>],
}

static CATALOGUE: [Rule; 3] = [
    Rule {
        code: "CC001",
        name: "speaker-mismatch",
        severity: Severity::Error,
        summary: "the same words credited to different speakers",
        documentation: include_str!("speaker_mismatch.md"),
        check: speaker_mismatch::check,
    },
    Rule {
        code: "CC002",
        name: "quote-altered",
        severity: Severity::Error,
        summary: "direct quotes of the same utterance that differ in words, not just in punctuation or case",
        documentation: include_str!("quote_altered.md"),
        check: quote_altered::check,
    },
    Rule {
        code: "CC004",
        name: "unsupported-fragment",
        severity: Severity::Warning,
        summary: "quoted words (a scare quote, a partial quote) found in no other rendering of that claim",
        documentation: include_str!("unsupported_fragment.md"),
        check: unsupported_fragment::check,
    },
];

/// Every rule, by code.
pub fn catalogue() -> &'static [Rule] {
    &CATALOGUE
}

/// The rule with this code or name (`CC004`, `cc004`, `unsupported-fragment`).
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    CATALOGUE
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// Run every rule on one event: the entry point of the stage. Findings come out
/// sorted (by rule, then place), so output is the same from run to run.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in &CATALOGUE {
        (rule.check)(context, rule, &mut findings);
    }
    findings.sort_by(|a, b| {
        (
            a.rule,
            &a.primary.path,
            a.primary.start,
            &a.primary.report,
            &a.fingerprint,
        )
            .cmp(&(
                b.rule,
                &b.primary.path,
                b.primary.start,
                &b.primary.report,
                &b.fingerprint,
            ))
    });
    findings
}

impl Rule {
    /// A finding of this rule, fingerprinted.
    fn finding(
        &self,
        context: &Context<'_>,
        claim: &Claim,
        message: String,
        primary: Location,
        related: Vec<Location>,
        evidence: Vec<crate::compare::Piece>,
    ) -> Finding {
        let fingerprint = Finding::fingerprint(self.code, context.event, &primary, &related);
        Finding {
            rule: self.code,
            name: self.name,
            severity: self.severity,
            event: context.event.to_string(),
            claim: claim.id.clone(),
            message,
            primary,
            related,
            fingerprint,
            evidence,
        }
    }
}

/// The location of a rendering's words.
fn rendering_location(context: &Context<'_>, claim: &Claim, index: usize) -> Location {
    let rendering = &claim.renderings[index];
    let first = rendering.pieces.first().map_or(0, |p| p.0);
    let last = rendering.pieces.last().map_or(first, |p| p.1);
    Location::new(&context.reports[rendering.report], (first, last))
}

/// Shorten a quotation for a message.
fn excerpt(text: &str) -> String {
    const MAX_WORDS: usize = 8;
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= MAX_WORDS {
        words.join(" ")
    } else {
        format!("{} …", words[..MAX_WORDS].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_documented_in_three_parts() {
        let mut codes: Vec<&str> = catalogue().iter().map(|r| r.code).collect();
        codes.dedup();
        assert_eq!(codes.len(), catalogue().len());
        for rule in catalogue() {
            assert!(
                rule.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                rule.name
            );
            for section in ["## What it finds", "## Why it matters", "## Example"] {
                assert!(
                    rule.documentation.contains(section),
                    "{} lacks {section}",
                    rule.code
                );
            }
        }
    }

    #[test]
    fn rules_are_found_by_code_or_name() {
        assert_eq!(find("cc004").map(|r| r.name), Some("unsupported-fragment"));
        assert_eq!(find("speaker-mismatch").map(|r| r.code), Some("CC001"));
        assert!(find("CC999").is_none());
    }
}
