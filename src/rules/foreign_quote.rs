//! CC010 foreign-quote: quoted words whose best match is a statement of another event.

use super::{Context, Rule, excerpt, rendering_location};
use crate::finding::{Finding, Severity};

pub(crate) const RULE: Rule = Rule {
    code: "CC010",
    name: "foreign-quote",
    severity: Severity::Error,
    summary: "a quote whose best match belongs to a different event",
    documentation: include_str!("foreign_quote.md"),
    example: include_str!("foreign_quote.example.md"),
    check,
};

fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for m in context
        .foreign
        .iter()
        .filter(|m| context.own.contains(&m.own_claim))
    {
        let claim = &context.claims[m.own_claim];
        let Some(i) = claim
            .renderings
            .iter()
            .position(|r| r.report == m.report && r.attribution == m.attribution)
        else {
            continue;
        };
        let elsewhere = &context.claims[m.claim];
        let source = &elsewhere.renderings[elsewhere.reference];
        let source_report = &context.reports[source.report];
        let primary = rendering_location(context, claim, i);
        let message = format!(
            "\"{}\" matches a statement of another event, {} ({}{}), better than anything said in this one",
            excerpt(&primary.text),
            elsewhere.event,
            source_report.outlet,
            source_report
                .published
                .map_or(String::new(), |d| format!(", {d}"))
        );
        let related = vec![rendering_location(context, elsewhere, elsewhere.reference)];
        out.push(rule.finding(context, claim, message, primary, related, Vec::new()));
    }
}
