//! CC008 cue-shift: a loaded reporting verb where the reference uses a neutral
//! or emphatic one.

use super::{Context, Rule, rendering_location};
use crate::extract::CueClass;
use crate::finding::{Finding, Location, Severity};

pub(crate) const RULE: Rule = Rule {
    code: "CC008",
    name: "cue-shift",
    severity: Severity::Warning,
    summary: "a loaded cue verb where other outlets use a neutral or emphatic one",
    documentation: include_str!("cue_shift.md"),
    example: include_str!("cue_shift.example.md"),
    check,
};

fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for (claim, _) in context.own_claims() {
        let reference = &claim.renderings[claim.reference];
        let cue_of = |r: &crate::align::Rendering| {
            context.attributions[r.report][r.attribution].cue.as_ref()
        };
        let Some(reference_cue) = cue_of(reference) else {
            continue;
        };
        if reference_cue.class == CueClass::Loaded {
            continue;
        }
        let reference_outlet = &context.reports[reference.report].outlet;
        for (i, rendering) in claim.renderings.iter().enumerate() {
            let Some(cue) = cue_of(rendering).filter(|c| c.class == CueClass::Loaded) else {
                continue;
            };
            // One speaker's one statement, reported with two verbs: a loaded verb
            // for another person's words, or for another thing they said, is
            // no shift of this one's framing.
            if rendering.report == reference.report
                || context.different_speakers(rendering, reference)
                || !context.same_statement(rendering, reference)
            {
                continue;
            }
            let report = &context.reports[rendering.report];
            let primary = Location::new(report, cue.span.span());
            let message = format!(
                "{} reports the words with \"{}\" (loaded); {reference_outlet} uses \"{}\" ({})",
                report.outlet, cue.span.text, reference_cue.span.text, reference_cue.class
            );
            let related = vec![
                Location::new(
                    &context.reports[reference.report],
                    reference_cue.span.span(),
                ),
                rendering_location(context, claim, i),
            ];
            out.push(rule.finding(context, claim, message, primary, related, Vec::new()));
        }
    }
}
