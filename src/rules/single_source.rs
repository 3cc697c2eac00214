//! CC011 single-source: a quote, or what a source told the outlet itself, that only one outlet carries (informational).

use super::{Context, Rule, excerpt, rendering_location};
use crate::align::name_parts;
use crate::extract::{Attribution, Kind};
use crate::finding::{Finding, Severity};

pub(crate) const RULE: Rule = Rule {
    code: "CC011",
    name: "single-source",
    severity: Severity::Info,
    summary: "a quote, or what a source told the outlet, that only one outlet carries",
    documentation: include_str!("single_source.md"),
    example: include_str!("single_source.example.md"),
    check,
};

fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    // With one report there is nothing to compare with.
    if context.event.reports.len() < 2 {
        return;
    }
    for (claim, _) in context.own_claims() {
        let report = claim.renderings[claim.reference].report;
        if claim.renderings.iter().any(|r| r.report != report) || context.is_source(report) {
            continue;
        }
        let outlet = &context.reports[report].outlet;
        let Some(i) = claim.renderings.iter().position(|r| {
            let attribution = &context.attributions[r.report][r.attribution];
            (attribution.kind == Kind::Direct || told_the_outlet(attribution, outlet))
                && context.foreign_match(r.report, r.attribution).is_none()
        }) else {
            continue;
        };
        let primary = rendering_location(context, claim, i);
        let rendering = &claim.renderings[i];
        let what = match context.attributions[rendering.report][rendering.attribution].kind {
            Kind::Direct => "quote",
            _ => "statement",
        };
        // Reports in other languages are not compared: they may carry it.
        let uncompared = context
            .event
            .reports
            .iter()
            .filter(|&&r| !context.is_compared(r))
            .count();
        let message = if uncompared == 0 {
            format!(
                "only {} carries the {what} \"{}\": no other report of this event has it",
                context.reports[report].outlet,
                excerpt(&primary.text)
            )
        } else {
            format!(
                "only {} among the English reports carries the {what} \"{}\" ({} in other languages not compared)",
                context.reports[report].outlet,
                excerpt(&primary.text),
                crate::text::counted(uncompared, "report")
            )
        };
        out.push(rule.finding(context, claim, message, primary, Vec::new(), Vec::new()));
    }
}

/// Whether reported speech was said to the outlet that prints it (`told
/// Reuters that ...` in a Reuters report): an interview of the outlet's own,
/// single-sourced by construction even without quote marks. Other reported
/// speech one report alone carries is too common (background, paraphrase no
/// one else chose) to list.
fn told_the_outlet(attribution: &Attribution, outlet: &str) -> bool {
    if attribution.kind == Kind::Fragment {
        return false;
    }
    let Some(addressee) = &attribution.addressee else {
        return false;
    };
    let words = |name: &str| {
        let mut parts = name_parts(name);
        parts.retain(|w| w != "the");
        parts
    };
    let (said_to, outlet) = (words(&addressee.text), words(outlet));
    // `told Kyodo` in a report of Kyodo News: the addressee opens the outlet's name.
    !said_to.is_empty() && outlet.starts_with(&said_to)
}
