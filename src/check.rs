//! The whole pipeline, stage after stage: what `crosscheck check` runs.

use rayon::prelude::*;

use crate::align::{self, Claim};
use crate::compare::{self, Comparison};
use crate::config::Config;
use crate::corpus::{Corpus, Rejection, Report};
use crate::events::{self, Event, Grouping};
use crate::extract::{self, Attribution};
use crate::finding::Finding;
use crate::rules;
use crate::rules::Selection;

/// Everything a run found, for the outputs to render.
#[derive(Debug, Default)]
pub struct Check {
    pub reports: Vec<Report>,
    pub rejected: Vec<Rejection>,
    /// Per report, same indices as `reports`.
    pub attributions: Vec<Vec<Attribution>>,
    pub events: Vec<Event>,
    /// Every event's claims, event after event.
    pub claims: Vec<Claim>,
    /// One per claim, same order.
    pub comparisons: Vec<Comparison>,
    pub findings: Vec<Finding>,
}

/// Extract every report's attributions, in parallel.
pub fn extract_all(reports: &[Report]) -> Vec<Vec<Attribution>> {
    reports
        .par_iter()
        .map(|r| extract::extract(&r.text))
        .collect()
}

/// How a run groups reports and which rules it runs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub grouping: Grouping,
    pub selection: Selection,
}

/// Run every stage on `corpus`.
pub fn run(corpus: Corpus, config: &Config, options: &Options) -> Check {
    let Corpus { reports, rejected } = corpus;
    let attributions = extract_all(&reports);
    let events = events::group(&reports, &options.grouping);
    let per_event: Vec<(Vec<Claim>, Vec<Comparison>, Vec<Finding>)> = events
        .par_iter()
        .map(|event| {
            let inputs = align::Inputs {
                reports: &reports,
                attributions: &attributions,
                config,
            };
            let claims = align::align(event, inputs);
            let compare_inputs = compare::Inputs {
                reports: &reports,
                attributions: &attributions,
            };
            let comparisons: Vec<Comparison> = claims
                .iter()
                .map(|c| compare::compare(c, compare_inputs))
                .collect();
            let context = rules::Context {
                event: &event.id,
                claims: &claims,
                comparisons: &comparisons,
                reports: &reports,
                attributions: &attributions,
            };
            let findings = rules::check(&context, &options.selection);
            (claims, comparisons, findings)
        })
        .collect();
    let mut check = Check {
        reports,
        rejected,
        attributions,
        events,
        ..Check::default()
    };
    for (claims, comparisons, findings) in per_event {
        check.claims.extend(claims);
        check.comparisons.extend(comparisons);
        check.findings.extend(findings);
    }
    check
}
