//! CC011 single-source: a quote only one outlet carries (informational).

use super::{Context, Rule, excerpt, rendering_location};
use crate::extract::Kind;
use crate::finding::Finding;

pub(super) fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    // With one report there is nothing to compare with.
    if context.event.reports.len() < 2 {
        return;
    }
    for (claim, _) in context.own_claims() {
        let report = claim.renderings[claim.reference].report;
        if claim.renderings.iter().any(|r| r.report != report) || context.is_primary(report) {
            continue;
        }
        let Some(i) = claim.renderings.iter().position(|r| {
            context.attributions[r.report][r.attribution].kind == Kind::Direct
                && context.foreign_match(r.report, r.attribution).is_none()
        }) else {
            continue;
        };
        let primary = rendering_location(context, claim, i);
        let message = format!(
            "only {} carries the quote \"{}\": no other report of this event has it",
            context.reports[report].outlet,
            excerpt(&primary.text)
        );
        out.push(rule.finding(context, claim, message, primary, Vec::new(), Vec::new()));
    }
}
