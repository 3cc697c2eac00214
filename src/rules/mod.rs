//! The `rules` stage: the findings catalogue. Each rule is one small module
//! that declares itself whole as its `RULE`: a stable code, a kebab-case name,
//! a default severity, a summary, its documentation and its example as files
//! to run (Markdown beside it, printed by `crosscheck rules CODE`), and its
//! check. The catalogue only lists them, so adding a rule is a module with its
//! two Markdown files, its fixtures (`tests/rules/`) and one line in `CATALOGUE`.

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

use crate::align::{Claim, MIN_SHARED, Rendering};
use crate::compare::Comparison;
use crate::config::{Config, OutletKind, Selection};
use crate::corpus::Report;
use crate::events::Event;
use crate::extract::{Attribution, Kind};
use crate::finding::{Finding, Location, RuleCode, RuleName, Severity};
use crate::foreign::ForeignMatch;
use crate::text::{Span, Wording, content_keys, shared_keys};

use channel_mismatch::ConfiguredOutlets;
pub use report_words::ReportWords;

/// One rule of the catalogue, as its module declares it.
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
    /// The example as files to run and the findings they give (Markdown
    /// that continues the documentation's example): `crosscheck rules CODE`
    /// prints it, a test runs it.
    #[serde(skip)]
    pub example: &'static str,
    #[serde(skip)]
    check: fn(&Context<'_>, &Rule, &mut Vec<Finding>),
}

/// What the rules read of a whole run: every event's claims and their
/// comparisons, the reports and what extraction found in them. The check
/// builds it once; the rules make what else they need from it.
#[derive(Debug, Clone, Copy)]
pub struct Coverage<'a> {
    /// Every event's claims.
    pub claims: &'a [Claim],
    /// One per claim, in the same order.
    pub comparisons: &'a [Comparison],
    pub reports: &'a [Report],
    pub attributions: &'a [Vec<Attribution>],
    pub config: &'a Config,
    /// Per report, its language (`extract::language`).
    pub languages: &'a [Option<&'static str>],
    /// Per report, the configured kind of its outlet (`Config::outlet_kind`),
    /// looked up once: rules ask it in their inner loops.
    pub outlet_kinds: &'a [Option<OutletKind>],
    /// Per report, its sentences, as extraction found them.
    pub sentences: &'a [Vec<Span>],
}

/// The selected rules, ready to run on one event after another: what they
/// need of the whole run is made once here.
#[derive(Debug)]
pub struct Checker<'a> {
    coverage: Coverage<'a>,
    selection: &'a Selection,
    /// The configuration's outlets with their words (CC007).
    configured_outlets: ConfiguredOutlets,
}

impl<'a> Checker<'a> {
    pub fn new(coverage: Coverage<'a>, selection: &'a Selection) -> Checker<'a> {
        Checker {
            coverage,
            selection,
            configured_outlets: ConfiguredOutlets::of(coverage.config),
        }
    }

    /// The findings of `event`, whose claims are `own` (indices into the
    /// coverage's claims), and whose quotes of other events' words are `foreign`.
    pub fn check(
        &self,
        event: &Event,
        own: Range<usize>,
        foreign: &[ForeignMatch],
    ) -> Vec<Finding> {
        let c = self.coverage;
        let context = Context {
            event,
            own,
            claims: c.claims,
            comparisons: c.comparisons,
            reports: c.reports,
            attributions: c.attributions,
            config: c.config,
            foreign,
            languages: c.languages,
            outlet_kinds: c.outlet_kinds,
            sentences: c.sentences,
            words: &ReportWords::new(&event.reports),
            configured_outlets: &self.configured_outlets,
        };
        check(&context, self.selection)
    }
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
    pub languages: &'a [Option<&'static str>],
    pub outlet_kinds: &'a [Option<OutletKind>],
    pub sentences: &'a [Vec<Span>],
    /// The words of the event's reports, made once for all rules.
    pub words: &'a ReportWords,
    configured_outlets: &'a ConfiguredOutlets,
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

    /// Whether a report is a source rather than news of it: a primary source,
    /// a government body's own publication (a ministry's readout, an
    /// embassy's transcript) or a company's press release. Its own voice is
    /// the source's.
    pub fn is_source(&self, report: usize) -> bool {
        let report_of = &self.reports[report];
        self.is_primary(report)
            || crate::align::is_government_body(&report_of.outlet)
            || crate::corpus::is_press_release(&report_of.text)
    }

    /// The attribution a rendering comes from.
    pub fn attribution(&self, rendering: &Rendering) -> &Attribution {
        &self.attributions[rendering.report][rendering.attribution]
    }

    /// Whether rendering `i` of `claim` holds the speaker's words as spoken:
    /// a direct quote, or the claim's reference when the speaker's own
    /// organisation or a primary source publishes it (a readout's words are
    /// the source's, quote marks or not). Words are judged altered only
    /// against words of this kind, never against another outlet's paraphrase.
    pub fn is_verbatim(&self, claim: &Claim, i: usize) -> bool {
        self.attribution(&claim.renderings[i]).kind == Kind::Direct
            || (i == claim.reference && self.is_verbatim_source(claim))
    }

    /// Whether the claim's reference is the source's own words: published by
    /// the speaker's organisation or a primary source.
    pub fn is_verbatim_source(&self, claim: &Claim) -> bool {
        claim.reference_is.is_source()
    }

    /// Whether two renderings of a claim say the same thing: their words share
    /// enough content stems (`MIN_SHARED`, and `SAME_STATEMENT` of the smaller
    /// one's). Alignment joins a quote to the longer rendering it is cut from
    /// and runs two statements of one sentence together; a rule that judges
    /// one rendering by another needs them to be one statement.
    pub fn same_statement(&self, a: &Rendering, b: &Rendering) -> bool {
        self.same_statement_apart_from(a, &[], b)
    }

    /// Whether two renderings are known to credit different speakers: two
    /// people by their event-wide names, or two bodies as named (a country
    /// named as the speaker is its government). A role or a pronoun that was
    /// not resolved could be either.
    pub fn different_speakers(&self, a: &Rendering, b: &Rendering) -> bool {
        let body = |r: &Rendering| {
            self.attribution(r)
                .speaker
                .as_ref()
                .filter(|s| {
                    // A country named as the speaker, not a pronoun read as one.
                    s.class == crate::extract::SpeakerClass::Organisation
                        || crate::align::is_place(&s.canonical) && s.mention.text == s.canonical
                })
                .map(|s| crate::text::fold(&s.canonical))
        };
        match (&a.speaker, &b.speaker) {
            (Some(x), Some(y)) => x != y,
            (Some(_), None) => body(b).is_some(),
            (None, Some(_)) => body(a).is_some(),
            (None, None) => matches!((body(a), body(b)), (Some(x), Some(y)) if x != y),
        }
    }

    /// `same_statement`, leaving out of `a` the words of `apart` (its quoted
    /// words, when the question is whether others render what it says around them).
    pub fn same_statement_apart_from(&self, a: &Rendering, apart: &[Span], b: &Rendering) -> bool {
        let stems = |r: &Rendering, apart: &[Span]| {
            let words = Wording::new(&self.reports[r.report].text, &self.statement(r));
            let kept: Vec<_> = words
                .words
                .into_iter()
                .filter(|w| !apart.iter().any(|s| s.contains(w.span.start())))
                .collect();
            content_keys(&kept)
        };
        let (a, b) = (stems(a, apart), stems(b, &[]));
        let smaller = a.len().min(b.len());
        let shared = shared_keys(&a, &b);
        shared >= MIN_SHARED.min(smaller).max(1)
            && shared as f64 / smaller.max(1) as f64 >= SAME_STATEMENT
    }
}

impl Context<'_> {
    /// Where the statement a rendering renders stands: its words, or for a
    /// fragment (a word or two in quote marks inside the outlet's own
    /// sentence) the whole sentence, which says what the words are about.
    pub fn statement(&self, rendering: &Rendering) -> Vec<Span> {
        let attribution = self.attribution(rendering);
        if attribution.kind == Kind::Fragment {
            vec![attribution.sentence]
        } else {
            rendering.pieces.clone()
        }
    }
}

/// See `Context::same_statement`.
const SAME_STATEMENT: f64 = 0.5;

/// Every rule, in code order: the one list a new rule is added to.
static CATALOGUE: &[Rule] = &[
    speaker_mismatch::RULE,
    quote_altered::RULE,
    meaning_shift::RULE,
    unsupported_fragment::RULE,
    paraphrase_as_quote::RULE,
    attribution_dropped::RULE,
    channel_mismatch::RULE,
    cue_shift::RULE,
    addressee_shift::RULE,
    foreign_quote::RULE,
    single_source::RULE,
    copied_report::RULE,
];

/// Every rule, by code.
pub fn catalogue() -> &'static [Rule] {
    CATALOGUE
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
fn check(context: &Context<'_>, selection: &Selection) -> Vec<Finding> {
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
    /// A finding of this rule about `claim`, fingerprinted.
    fn finding(
        &self,
        context: &Context<'_>,
        claim: &Claim,
        message: String,
        primary: Location,
        related: Vec<Location>,
        evidence: Vec<crate::finding::Piece>,
    ) -> Finding {
        let finding = self.report_finding(context, message, primary, related);
        Finding {
            claim: claim.id.clone(),
            evidence,
            ..finding
        }
    }

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
    Location::new(&context.reports[rendering.report], rendering.extent())
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
        let codes: Vec<&str> = catalogue().iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted, "codes are unique and listed in order");
        let mut names: Vec<&str> = catalogue().iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), catalogue().len(), "names are unique");
        for rule in catalogue() {
            assert!(
                rule.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                rule.name
            );
            let title = format!("# {} {}\n", rule.code, rule.name);
            assert!(rule.documentation.starts_with(&title), "{title}");
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
