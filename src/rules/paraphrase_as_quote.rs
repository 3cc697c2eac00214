//! CC005 paraphrase-as-quote: text in quote marks that is only a paraphrase of
//! the statement, with no verbatim rendering behind it.

use super::{Context, Rule, excerpt, rendering_location};
use crate::compare::Label;
use crate::extract::Kind;
use crate::finding::Finding;

/// Below this share of matching words a quote is another statement, not a
/// paraphrase of this one put in quote marks (real copy: a quote aligned with a
/// loosely related sentence shares a word or two).
const MIN_SIMILARITY: f64 = 0.2;

pub(super) fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for (claim, comparison) in context.own_claims() {
        let reference_outlet = &context.reports[claim.renderings[claim.reference].report].outlet;
        for (i, rendering) in claim.renderings.iter().enumerate() {
            let attribution = &context.attributions[rendering.report][rendering.attribution];
            let diff = &comparison.diffs[i];
            // A report's quote set against its own paraphrase is a speaker quoted
            // and summed up, not another outlet's wording put in quote marks.
            let same_report = claim.in_one_report(i, claim.reference);
            if attribution.kind != Kind::Direct
                || diff.label != Label::Paraphrase
                || diff.similarity < MIN_SIMILARITY
                || same_report
                || context
                    .foreign_match(rendering.report, rendering.attribution)
                    .is_some()
            {
                continue;
            }
            // Another outlet printing the same words in quote marks means there is a
            // verbatim source behind them, one the reference does not have.
            let echoed = comparison.variants.iter().any(|v| {
                v.renderings.contains(&i)
                    && v.renderings.iter().any(|&o| {
                        let other = &claim.renderings[o];
                        other.report != rendering.report
                            && context.attributions[other.report][other.attribution].kind
                                == Kind::Direct
                    })
            });
            if echoed {
                continue;
            }
            let primary = rendering_location(context, claim, i);
            let message = format!(
                "\"{}\" is in quote marks, but it paraphrases {reference_outlet}'s wording ({:.0}% of the words match)",
                excerpt(&primary.text),
                diff.similarity * 100.0
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
