//! The `rules` stage: the findings catalogue. Each rule is one small module with
//! a stable code, a kebab-case name, a default severity and its documentation
//! (a Markdown file beside it, printed by `crosscheck rules CODE`).

mod addressee_shift;
mod attribution_dropped;
mod channel_mismatch;
mod copied_report;
mod cue_shift;
mod foreign_quote;
mod meaning_shift;
mod paraphrase_as_quote;
mod quote_altered;
mod report_words;
mod single_source;
mod speaker_mismatch;
mod unsupported_fragment;

use std::ops::Range;

use serde::Serialize;

use crate::align::Claim;
use crate::align::foreign::ForeignMatch;
use crate::compare::Comparison;
use crate::config::{Config, OutletKind, Selection};
use crate::corpus::Report;
use crate::events::Event;
use crate::extract::{Attribution, Span};
use crate::finding::{Finding, Location, RuleCode, RuleName, Severity};

pub use channel_mismatch::ConfiguredOutlets;
pub use report_words::ReportWords;

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

/// Everything a rule may look at: one event, its claims and their comparisons,
/// and what was found across events.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    pub event: &'a Event,
    /// The event's claims: indices into `claims` and `comparisons`.
    pub own: Range<usize>,
    /// Every event's claims.
    pub claims: &'a [Claim],
    /// One per claim, in the same order.
    pub comparisons: &'a [Comparison],
    pub reports: &'a [Report],
    pub attributions: &'a [Vec<Attribution>],
    pub config: &'a Config,
    /// This event's renderings whose words belong to another event (their
    /// `own_claim` is in `own`).
    pub foreign: &'a [ForeignMatch],
    /// Per report, its language (`extract::language`).
    pub languages: &'a [Option<&'static str>],
    /// Per report, the configured kind of its outlet (`Config::outlet_kind`),
    /// looked up once: rules ask it in their inner loops.
    pub outlet_kinds: &'a [Option<OutletKind>],
    /// Per report, its sentences (byte ranges), as extraction found them.
    pub sentences: &'a [Vec<(u32, u32)>],
    /// The words of the event's reports, made once for all rules.
    pub words: &'a ReportWords,
    /// The configuration's outlets with their words, made once for the run.
    pub configured_outlets: &'a ConfiguredOutlets,
}

impl Context<'_> {
    /// The event's claims with their comparisons.
    pub fn own_claims(&self) -> impl Iterator<Item = (&Claim, &Comparison)> {
        self.claims[self.own.clone()]
            .iter()
            .zip(&self.comparisons[self.own.clone()])
    }

    /// The other-event match of an attribution's quote, if its words belong elsewhere.
    pub fn foreign_match(&self, report: usize, attribution: usize) -> Option<&ForeignMatch> {
        self.foreign
            .iter()
            .find(|f| f.report == report && f.attribution == attribution)
    }

    /// Whether a report takes part in wording comparison: English, or of no
    /// language that can be told. Rules that read a report's own sentences
    /// skip the others.
    pub fn is_compared(&self, report: usize) -> bool {
        self.languages
            .get(report)
            .is_none_or(|&l| crate::extract::reads_as_english(l))
    }

    /// Whether a report comes from an outlet configured as a primary source.
    pub fn is_primary(&self, report: usize) -> bool {
        self.outlet_kinds.get(report).copied().flatten() == Some(OutletKind::Official)
    }
}

static CATALOGUE: [Rule; 12] = [
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
        code: "CC003",
        name: "meaning-shift",
        severity: Severity::Error,
        summary: "a difference that touches negation, modality, numbers, dates or names",
        documentation: include_str!("meaning_shift.md"),
        check: meaning_shift::check,
    },
    Rule {
        code: "CC004",
        name: "unsupported-fragment",
        severity: Severity::Warning,
        summary: "quoted words (a scare quote, a partial quote) found in no other rendering of that claim",
        documentation: include_str!("unsupported_fragment.md"),
        check: unsupported_fragment::check,
    },
    Rule {
        code: "CC005",
        name: "paraphrase-as-quote",
        severity: Severity::Warning,
        summary: "text in quote marks that matches only a paraphrase elsewhere, not any verbatim rendering",
        documentation: include_str!("paraphrase_as_quote.md"),
        check: paraphrase_as_quote::check,
    },
    Rule {
        code: "CC006",
        name: "attribution-dropped",
        severity: Severity::Warning,
        summary: "a claim stated in the outlet's own voice that other outlets attribute",
        documentation: include_str!("attribution_dropped.md"),
        check: attribution_dropped::check,
    },
    Rule {
        code: "CC007",
        name: "channel-mismatch",
        severity: Severity::Warning,
        summary: "the same quote credited through different channels",
        documentation: include_str!("channel_mismatch.md"),
        check: channel_mismatch::check,
    },
    Rule {
        code: "CC008",
        name: "cue-shift",
        severity: Severity::Warning,
        summary: "a loaded cue verb where other outlets use a neutral or emphatic one",
        documentation: include_str!("cue_shift.md"),
        check: cue_shift::check,
    },
    Rule {
        code: "CC009",
        name: "addressee-shift",
        severity: Severity::Warning,
        summary: "the same words said to a different addressee",
        documentation: include_str!("addressee_shift.md"),
        check: addressee_shift::check,
    },
    Rule {
        code: "CC010",
        name: "foreign-quote",
        severity: Severity::Error,
        summary: "a quote whose best match belongs to a different event",
        documentation: include_str!("foreign_quote.md"),
        check: foreign_quote::check,
    },
    Rule {
        code: "CC011",
        name: "single-source",
        severity: Severity::Info,
        summary: "a quote, or what a source told the outlet, that only one outlet carries",
        documentation: include_str!("single_source.md"),
        check: single_source::check,
    },
    Rule {
        code: "CC012",
        name: "copied-report",
        severity: Severity::Info,
        summary: "a report that is a near-verbatim copy of another, with its edits listed",
        documentation: include_str!("copied_report.md"),
        check: copied_report::check,
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
        .find(|r| Selection::names(r.code, r.name, code_or_name))
}

/// Whether a code or name names a rule: what `Config::load` checks the
/// `[rules]` table with.
pub fn is_known(code_or_name: &str) -> bool {
    find(code_or_name).is_some()
}

/// Run the selected rules on one event: the entry point of the stage. Findings
/// come out sorted (by rule, then place), so output is the same from run to run.
pub fn check(context: &Context<'_>, selection: &Selection) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in CATALOGUE
        .iter()
        .filter(|r| selection.enabled(r.code, r.name))
    {
        let first = findings.len();
        (rule.check)(context, rule, &mut findings);
        let severity = selection
            .severity(rule.code, rule.name)
            .unwrap_or(rule.severity);
        for f in &mut findings[first..] {
            f.severity = severity;
        }
    }
    findings.sort_by(|a, b| {
        (
            &a.rule,
            &a.primary.path,
            a.primary.start,
            &a.primary.report,
            &a.fingerprint,
        )
            .cmp(&(
                &b.rule,
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
        let fingerprint = Finding::fingerprint(self.code, &context.event.id, &primary, &related);
        Finding {
            rule: RuleCode::new(self.code),
            name: RuleName::new(self.name),
            severity: self.severity,
            event: context.event.id.clone(),
            claim: claim.id.clone(),
            message,
            primary,
            related,
            fingerprint,
            evidence,
        }
    }
}

impl Rule {
    /// A finding about a whole report rather than a claim (its `claim` is empty).
    fn report_finding(
        &self,
        context: &Context<'_>,
        message: String,
        primary: Location,
        related: Vec<Location>,
    ) -> Finding {
        let fingerprint = Finding::fingerprint(self.code, &context.event.id, &primary, &related);
        Finding {
            rule: RuleCode::new(self.code),
            name: RuleName::new(self.name),
            severity: self.severity,
            event: context.event.id.clone(),
            claim: String::new(),
            message,
            primary,
            related,
            fingerprint,
            evidence: Vec::new(),
        }
    }
}

/// The location of a rendering's words.
fn rendering_location(context: &Context<'_>, claim: &Claim, index: usize) -> Location {
    let rendering = &claim.renderings[index];
    let first = rendering.pieces.first().map_or(0, |p| p.0);
    let last = rendering.pieces.last().map_or(first, |p| p.1);
    let report = &context.reports[rendering.report];
    Location::new(report, &Span::new(&report.text, first..last))
}

/// One change for a message: `"should" → "must"`, `"today" added`.
fn describe(change: &crate::compare::Change) -> String {
    match (change.old.is_empty(), change.new.is_empty()) {
        (true, _) => format!("\"{}\" added", change.new),
        (_, true) => format!("\"{}\" dropped", change.old),
        _ => format!("\"{}\" → \"{}\"", change.old, change.new),
    }
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
