//! The whole pipeline, stage after stage: what `crosscheck check` runs.

use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::align::foreign::ForeignMatch;
use crate::align::{self, Claim};
use crate::compare::{self, Comparison};
use crate::config::{Config, OutletKind, Selection};
use crate::corpus::{Corpus, Rejection, Report};
use crate::events::{self, Event, Grouping};
use crate::extract::{self, Attribution};
use crate::finding::Finding;
use crate::report::counted;
use crate::rules;
use crate::stats;

/// Everything a run found, for the outputs to render.
#[derive(Debug, Default)]
pub struct Check {
    pub reports: Vec<Report>,
    pub rejected: Vec<Rejection>,
    /// Per report, same indices as `reports`; none for a report left out of
    /// wording comparison (see [`Check::left_out`]).
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
}

impl Check {
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
}

impl Check {
    /// The events left out of comparison for their size, each with how many
    /// attributions it holds.
    /// Why an event was left out of comparison, if it was: said the same way by every output.
    pub fn left_out_event(&self, index: usize) -> Option<String> {
        self.too_large.binary_search(&index).ok().map(|_| {
            let event = &self.events[index];
            format!(
                "left out of comparison: event {} holds {} in {}, more than one event may hold (raise events.max-attributions in crosscheck.toml, or give its reports narrower event keys)",
                event.id,
                counted(attributions_in(event, &self.attributions), "attribution"),
                counted(event.reports.len(), "report")
            )
        })
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
    pub fn of(check: &'c Check) -> ByEvent<'c> {
        let mut by_event = ByEvent::default();
        for (i, claim) in check.claims.iter().enumerate() {
            by_event
                .claims
                .entry(claim.event.as_str())
                .or_default()
                .push(i);
        }
        for finding in &check.findings {
            by_event
                .findings
                .entry(finding.event.as_str())
                .or_default()
                .push(finding);
        }
        by_event
    }

    /// The claims of event `id` (indices into `Check::claims`), in order.
    pub fn claims(&self, id: &str) -> &[usize] {
        self.claims.get(id).map_or(&[], Vec::as_slice)
    }

    /// The findings of event `id`, in order.
    pub fn findings(&self, id: &str) -> &[&'c Finding] {
        self.findings.get(id).map_or(&[], Vec::as_slice)
    }
}

/// Extract every report's attributions, in parallel.
pub fn extract_all(reports: &[Report]) -> Vec<Vec<Attribution>> {
    reports
        .par_iter()
        .map(|r| extract::extract(&r.text))
        .collect()
}

/// What extraction gives each report: its attributions, its language, and
/// its sentences (which the rules read again; kept as byte ranges, not found again).
struct Extracted {
    attributions: Vec<Vec<Attribution>>,
    languages: Vec<Option<&'static str>>,
    sentences: Vec<Vec<(u32, u32)>>,
}

/// Each report's language and, when it takes part in wording comparison, its
/// attributions and sentences, counting each report into `done` as it is extracted.
fn extract_counted(reports: &[Report], done: &AtomicUsize) -> Extracted {
    let (attributions, rest): (Vec<_>, Vec<_>) = reports
        .par_iter()
        .map(|r| {
            let language = extract::language(&r.text);
            let (found, sentences) = if !extract::reads_as_english(language) {
                (Vec::new(), Vec::new())
            } else if r.text.len() > crate::text::MAX_TEXT {
                (extract::extract_as(&r.text, true), Vec::new())
            } else {
                let doc = crate::text::analyze(&r.text);
                // Offsets fit 32 bits: the text is at most `MAX_TEXT` bytes.
                let sentences = doc
                    .sentences
                    .iter()
                    .map(|s| (s.range.start as u32, s.range.end as u32))
                    .collect();
                (extract::extract_from(&doc, true), sentences)
            };
            done.fetch_add(1, Ordering::Relaxed);
            (found, (language, sentences))
        })
        .unzip();
    let (languages, sentences) = rest.into_iter().unzip();
    Extracted {
        attributions,
        languages,
        sentences,
    }
}

/// How a run groups reports and which rules it runs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub grouping: Grouping,
    pub selection: Selection,
    /// Counts the work done, for a progress bar: each report once when it is
    /// extracted and once when its event's rules have run (so `2 × reports` in all).
    pub done: Arc<AtomicUsize>,
}

/// Run every stage on `corpus`.
pub fn run(corpus: Corpus, config: &Config, options: &Options) -> Check {
    let Corpus { reports, rejected } = corpus;
    let Extracted {
        attributions,
        languages,
        sentences,
    } = stats::time("extract", || extract_counted(&reports, &options.done));
    let events = stats::time("group", || events::group(&reports, &options.grouping));
    let too_large: Vec<usize> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| attributions_in(e, &attributions) > options.grouping.max_attributions)
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
            let comparisons = claims
                .iter()
                .map(|c| compare::compare(c, compare_inputs))
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
    let foreign = align::foreign::foreign_quotes(
        &events,
        &claims,
        &comparisons,
        &reports,
        &attributions,
        &is_primary,
    );
    stats::record("align+compare", align_started.elapsed());
    let rules_started = Instant::now();
    let configured_outlets = rules::ConfiguredOutlets::of(config);
    let findings: Vec<Finding> = events
        .par_iter()
        .enumerate()
        .zip(spans)
        .flat_map_iter(|((i, event), own)| {
            if !compared(i) {
                options
                    .done
                    .fetch_add(event.reports.len(), Ordering::Relaxed);
                return Vec::new();
            }
            let event_foreign = &foreign[foreign_of(&foreign, &own)];
            let context = rules::Context {
                event,
                own,
                claims: &claims,
                comparisons: &comparisons,
                reports: &reports,
                attributions: &attributions,
                config,
                foreign: event_foreign,
                languages: &languages,
                outlet_kinds: &outlet_kinds,
                sentences: &sentences,
                words: &rules::ReportWords::new(&event.reports),
                configured_outlets: &configured_outlets,
            };
            let found = rules::check(&context, &options.selection);
            options
                .done
                .fetch_add(event.reports.len(), Ordering::Relaxed);
            found
        })
        .collect();
    stats::record("rules", rules_started.elapsed());
    Check {
        reports,
        rejected,
        attributions,
        languages,
        events,
        too_large,
        claims,
        comparisons,
        findings,
    }
}

/// Where the foreign matches of claims `own` are in `foreign` (which is in
/// claim order): each event reads its own, never the whole corpus's.
fn foreign_of(foreign: &[ForeignMatch], own: &Range<usize>) -> Range<usize> {
    let from = foreign.partition_point(|m| m.own_claim < own.start);
    let to = foreign.partition_point(|m| m.own_claim < own.end);
    from..to.max(from)
}

/// How many attributions the reports of an event hold.
pub fn attributions_in(event: &Event, attributions: &[Vec<Attribution>]) -> usize {
    event
        .reports
        .iter()
        .map(|&r| attributions.get(r).map_or(0, Vec::len))
        .sum()
}
