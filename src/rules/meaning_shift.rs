//! CC003 meaning-shift: a change that touches negation, modality, numbers,
//! dates or names, in quoted or in reported speech.

use super::{Context, Rule, describe, rendering_location};
use crate::compare::{Change, ChangeClass, Label};
use crate::extract::Kind;
use crate::finding::{Finding, Severity};

pub(crate) const RULE: Rule = Rule {
    code: "CC003",
    name: "meaning-shift",
    severity: Severity::Error,
    summary: "a difference that touches negation, modality, numbers, dates or names",
    documentation: include_str!("meaning_shift.md"),
    example: include_str!("meaning_shift.example.md"),
    check,
};

fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for (claim, comparison) in context.own_claims() {
        let reference_outlet = &context.reports[claim.renderings[claim.reference].report].outlet;
        for (i, rendering) in claim.renderings.iter().enumerate() {
            let diff = &comparison.diffs[i];
            // A paraphrase says things in its own words: only a version of the
            // reference's words can shift their meaning.
            // Two numbers in one report are two statements it makes (a cost and a
            // part of it), not an outlet's change of another outlet's words.
            let same_report = claim.in_one_report(i, claim.reference);
            if !matches!(diff.label, Label::Altered | Label::Translation)
                || same_report
                || context
                    .foreign_match(rendering.report, rendering.attribution)
                    .is_some()
            {
                continue;
            }
            // Reported speech moves the speaker's tense back (`We will act`,
            // `she said they would act`): then a past form is the same modal.
            let reported = [i, claim.reference]
                .iter()
                .any(|&k| context.attribution(&claim.renderings[k]).kind != Kind::Direct);
            let shifts: Vec<&Change> = diff
                .changes
                .iter()
                .filter(|c| c.class.is_meaning_bearing())
                .filter(|c| !(reported && moved_back(c)))
                .collect();
            if shifts.is_empty() {
                continue;
            }
            let kinds: Vec<String> = shifts.iter().map(|c| c.class.to_string()).collect();
            let named: Vec<String> = shifts.iter().map(|c| describe(c)).collect();
            let message = format!(
                "a change of {} against {reference_outlet}'s wording: {}",
                kinds.join(", "),
                named.join(", ")
            );
            let primary = rendering_location(context, claim, i);
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

/// A modal and its past form, which reported speech puts for it.
const MOVED_BACK: [(&str, &str); 4] = [
    ("will", "would"),
    ("can", "could"),
    ("may", "might"),
    ("shall", "should"),
];

/// Whether a change of modality puts one modal for its past form or back
/// (`will` and `would`), and nothing else.
fn moved_back(change: &Change) -> bool {
    let (old, new) = (change.old.to_lowercase(), change.new.to_lowercase());
    change.class == ChangeClass::Modality
        && MOVED_BACK.iter().any(|&(present, past)| {
            (old == present && new == past) || (old == past && new == present)
        })
}
