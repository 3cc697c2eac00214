//! What a run found, for the renderers to read: the reports, their
//! attributions, events, claims, comparisons and findings. It sits between
//! the stages that produce it and the renderers that show it, so a renderer
//! never reaches back into the orchestrator (`check`).

use rustc_hash::FxHashMap;

use crate::align::Claim;
use crate::compare::Comparison;
use crate::corpus::{Rejection, Report};
use crate::events::Event;
use crate::extract::{self, Attribution, TooLong};
use crate::finding::Finding;

/// Everything a run found.
#[derive(Debug, Default)]
pub struct Outcome {
    pub reports: Vec<Report>,
    pub rejected: Vec<Rejection>,
    /// Per report, same indices as `reports`; none for a report left out of
    /// wording comparison (see [`Outcome::left_out`]).
    pub attributions: Vec<Vec<Attribution>>,
    /// Per report, its language as [`extract::language`] tells it.
    pub languages: Vec<Option<&'static str>>,
    pub events: Vec<Event>,
    /// The events left out of comparison because they hold more attributions
    /// than `Grouping::max_attributions` (indices into `events`): they have no
    /// claims and no findings.
    pub too_large: Vec<usize>,
    /// Every event's claims, event after event.
    pub claims: Vec<Claim>,
    /// One per claim, same order.
    pub comparisons: Vec<Comparison>,
    pub findings: Vec<Finding>,
    /// The reports extraction skipped, too long to index: for the command
    /// line to say (the library prints nothing).
    pub skipped: Vec<TooLong>,
}

impl Outcome {
    /// The reports left out of wording comparison, with their language: those
    /// not in English. Their quotations are found (`crosscheck extract` lists
    /// them) but no English rule reads them, so they render no claim.
    pub fn left_out(&self) -> impl Iterator<Item = (&Report, &'static str)> {
        self.reports
            .iter()
            .zip(&self.languages)
            .filter_map(|(r, l)| {
                l.filter(|&l| !extract::reads_as_english(Some(l)))
                    .map(|l| (r, l))
            })
    }

    /// Whether event `index` was left out of comparison for its size.
    pub fn is_too_large(&self, index: usize) -> bool {
        self.too_large.binary_search(&index).is_ok()
    }
}

/// Each event's claims and findings, found once for a renderer that reads
/// every event: filtering the whole run's claims and findings for each event
/// grows with the square of the number of events.
#[derive(Debug, Default)]
pub struct ByEvent<'c> {
    claims: FxHashMap<&'c str, Vec<usize>>,
    findings: FxHashMap<&'c str, Vec<&'c Finding>>,
}

impl<'c> ByEvent<'c> {
    pub fn of(outcome: &'c Outcome) -> ByEvent<'c> {
        let mut by_event = ByEvent::default();
        for (i, claim) in outcome.claims.iter().enumerate() {
            by_event
                .claims
                .entry(claim.event.as_str())
                .or_default()
                .push(i);
        }
        for finding in &outcome.findings {
            by_event
                .findings
                .entry(finding.event.as_str())
                .or_default()
                .push(finding);
        }
        by_event
    }

    /// The claims of event `id` (indices into `Outcome::claims`), in order.
    pub fn claims(&self, id: &str) -> &[usize] {
        self.claims.get(id).map_or(&[], Vec::as_slice)
    }

    /// The findings of event `id`, in order.
    pub fn findings(&self, id: &str) -> &[&'c Finding] {
        self.findings.get(id).map_or(&[], Vec::as_slice)
    }
}

/// How many attributions the reports of an event hold.
pub fn attributions_in(event: &Event, attributions: &[Vec<Attribution>]) -> usize {
    event
        .reports
        .iter()
        .map(|&r| attributions.get(r).map_or(0, Vec::len))
        .sum()
}
