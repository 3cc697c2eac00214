//! The whole pipeline, stage after stage: what `crosscheck check` runs.

use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;

use crate::align::{self, Claim};
use crate::compare::{self, Comparison};
use crate::config::{Config, OutletKind, Selection};
use crate::corpus::{Corpus, Report};
use crate::events::{self, Grouping};
use crate::extract::{self, Attribution, TooLong};
use crate::finding::Finding;
use crate::foreign::{self, ForeignMatch};
use crate::outcome::{Outcome, attributions_in};
use crate::rules;
use crate::stats;
use crate::text::Span;

/// What extraction gives each report: its attributions, its language, and
/// its sentences (which the rules read again; kept as byte ranges, not found again).
pub(crate) struct Extracted {
    pub attributions: Vec<Vec<Attribution>>,
    pub languages: Vec<Option<&'static str>>,
    pub sentences: Vec<Vec<Span>>,
    pub skipped: Vec<TooLong>,
}

/// Each report's language and, when it takes part in wording comparison, its
/// attributions and sentences, counting each report into `done` as it is extracted.
pub(crate) fn extract_counted(reports: &[Report], done: &AtomicUsize) -> Extracted {
    let (attributions, rest): (Vec<_>, Vec<_>) = reports
        .par_iter()
        .map(|r| {
            let language = extract::language(&r.text);
            let (found, sentences) = if !extract::reads_as_english(language) {
                (Ok(Vec::new()), Vec::new())
            } else if r.text.len() > crate::text::MAX_TEXT {
                (extract::extract_as(&r.text, true), Vec::new())
            } else {
                let doc = crate::text::analyze(&r.text);
                let sentences = doc.sentences.iter().map(|s| s.range).collect();
                (extract::extract_from(&doc, true), sentences)
            };
            done.fetch_add(1, Ordering::Relaxed);
            (found, (language, sentences))
        })
        .unzip();
    let (languages, sentences) = rest.into_iter().unzip();
    let (attributions, skipped) = extract::set_aside_skipped(attributions);
    Extracted {
        attributions,
        languages,
        sentences,
        skipped,
    }
}

/// How a run groups reports and which rules it runs.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub grouping: Grouping,
    pub selection: Selection,
    /// Counts the work done, for a progress bar: each report once when it is
    /// extracted and once when its event's rules have run (so `2 × reports` in all).
    pub done: Arc<AtomicUsize>,
}

/// Run every stage on `corpus`.
pub fn run(corpus: Corpus, config: &Config, plan: &Plan) -> Outcome {
    let Corpus { reports, rejected } = corpus;
    let Extracted {
        attributions,
        languages,
        sentences,
        skipped,
    } = stats::time("extract", || extract_counted(&reports, &plan.done));
    let events = stats::time("group", || events::group(&reports, &plan.grouping));
    let too_large: Vec<usize> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| attributions_in(e, &attributions) > plan.grouping.max_attributions)
        .map(|(i, _)| i)
        .collect();
    let compared = |i: usize| too_large.binary_search(&i).is_err();
    // Claims and their comparisons, event by event (events in parallel).
    let align_started = Instant::now();
    let per_event: Vec<(Vec<Claim>, Vec<Comparison>)> = events
        .par_iter()
        .enumerate()
        .map(|(i, event)| {
            if !compared(i) {
                return (Vec::new(), Vec::new());
            }
            let attributed = align::Attributed {
                reports: &reports,
                attributions: &attributions,
            };
            let claims = align::align(event, attributed, config);
            let comparisons = claims
                .iter()
                .map(|c| compare::compare(c, attributed))
                .collect();
            (claims, comparisons)
        })
        .collect();
    let mut claims = Vec::new();
    let mut comparisons = Vec::new();
    let mut spans = Vec::with_capacity(events.len());
    for (event_claims, event_comparisons) in per_event {
        spans.push(claims.len()..claims.len() + event_claims.len());
        claims.extend(event_claims);
        comparisons.extend(event_comparisons);
    }
    let outlet_kinds: Vec<Option<OutletKind>> = reports
        .iter()
        .map(|r| config.outlet_kind(&r.outlet))
        .collect();
    let is_primary = |r: usize| outlet_kinds[r] == Some(OutletKind::Official);
    // Quotes that belong to another event need every event's claims.
    let keys = foreign::claim_keys(&claims, &reports);
    let foreign = foreign::foreign_quotes(
        &events,
        &claims,
        &keys,
        &comparisons,
        &reports,
        &attributions,
        &is_primary,
        &|_| true,
    );
    stats::record("align+compare", align_started.elapsed());
    let rules_started = Instant::now();
    let checker = rules::Checker::new(
        rules::Coverage {
            claims: &claims,
            comparisons: &comparisons,
            reports: &reports,
            attributions: &attributions,
            config,
            languages: &languages,
            outlet_kinds: &outlet_kinds,
            sentences: &sentences,
        },
        &plan.selection,
    );
    let findings: Vec<Finding> = events
        .par_iter()
        .enumerate()
        .zip(spans)
        .flat_map_iter(|((i, event), own)| {
            let found = if compared(i) {
                let event_foreign = &foreign[foreign_of(&foreign, &own)];
                checker.check(event, own, event_foreign)
            } else {
                Vec::new()
            };
            plan.done.fetch_add(event.reports.len(), Ordering::Relaxed);
            found
        })
        .collect();
    stats::record("rules", rules_started.elapsed());
    Outcome {
        reports,
        rejected,
        attributions,
        languages,
        events,
        too_large,
        claims,
        comparisons,
        findings,
        skipped,
    }
}

/// Where the foreign matches of claims `own` are in `foreign` (which is in
/// claim order): each event reads its own, never the whole corpus's.
pub(crate) fn foreign_of(foreign: &[ForeignMatch], own: &Range<usize>) -> Range<usize> {
    let from = foreign.partition_point(|m| m.own_claim < own.start);
    let to = foreign.partition_point(|m| m.own_claim < own.end);
    from..to.max(from)
}
