//! CC002 quote-altered: direct quotes of the same utterance that differ in words.

use super::{Context, Rule, describe, rendering_location};
use crate::compare::{Change, Label};
use crate::extract::Kind;
use crate::finding::{Finding, Severity};

/// At most this many changes are named in a message; the evidence has them all.
const CHANGES_NAMED: usize = 3;

pub(crate) const RULE: Rule = Rule {
    code: "CC002",
    name: "quote-altered",
    severity: Severity::Error,
    summary: "direct quotes of the same utterance that differ in words, not just in punctuation or case",
    documentation: include_str!("quote_altered.md"),
    example: include_str!("quote_altered.example.md"),
    check,
};

fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for (claim, comparison) in context.own_claims() {
        let reference = &claim.renderings[claim.reference];
        let reference_outlet = &context.reports[reference.report].outlet;
        for (i, rendering) in claim.renderings.iter().enumerate() {
            let diff = &comparison.diffs[i];
            let attribution = &context.attributions[rendering.report][rendering.attribution];
            // Paraphrases put in quote marks and scare quotes are other rules'
            // work; a quote is altered only against the words as spoken, and by
            // another outlet, never by its own report's other sentence.
            // Two outlets' quotes of one statement that differ beyond a
            // paraphrase of each other are still two quotes that differ.
            let quotes_apart = diff.label == Label::Paraphrase
                && !context.is_verbatim_source(claim)
                && !context.different_speakers(rendering, &claim.renderings[claim.reference])
                && context.same_statement(rendering, &claim.renderings[claim.reference]);
            // A quote of a few words inside the outlet's own sentence (a
            // fragment) is held to the words as much as a whole quote is.
            if !matches!(attribution.kind, Kind::Direct | Kind::Fragment)
                || !(diff.label == Label::Altered || quotes_apart)
                || !context.is_verbatim(claim, claim.reference)
                || claim.in_one_report(i, claim.reference)
                || context
                    .foreign_match(rendering.report, rendering.attribution)
                    .is_some()
            {
                continue;
            }
            let altered: Vec<&Change> = diff
                .changes
                .iter()
                .filter(|c| !c.class.is_faithful(claim.translated))
                .collect();
            if altered.is_empty() {
                continue;
            }
            let named: Vec<String> = altered
                .iter()
                .take(CHANGES_NAMED)
                .map(|c| describe(c))
                .collect();
            let primary = rendering_location(context, claim, i);
            let message = format!(
                "quote differs from {reference_outlet}'s wording: {}{}",
                named.join(", "),
                if altered.len() > CHANGES_NAMED {
                    ", …"
                } else {
                    ""
                }
            );
            let related = vec![rendering_location(context, claim, claim.reference)];
            out.push(rule.finding(
                context,
                claim,
                message,
                primary,
                related,
                diff.pieces.clone(),
            ));
        }
    }
}
