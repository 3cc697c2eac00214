//! Quotes that belong to another event: a spokesperson's words from the day
//! before folded into the story of a call. Each quoted rendering is compared
//! with the claims of the other events (those that had begun by the day it was
//! published) that share enough content stems with it; it belongs elsewhere
//! when it matches one of them as a version of its words and clearly better
//! than it matches its own claim.

use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{Claim, MIN_SHARED};
use crate::compare::{self, Comparison, PARAPHRASE_BELOW};
use crate::corpus::Report;
use crate::events::Event;
use crate::extract::{Attribution, Kind};
use crate::text::Wording;

/// A foreign match must beat the rendering's own claim by this much similarity.
const CLEARLY_BETTER: f64 = 0.1;
/// A report may quote an event reported the day after it (time zones, late copy).
const DAYS_OF_SLACK: i32 = 1;
/// Older remarks than this are history, not a mix-up of two news events.
const DAYS_BACK: i32 = 60;
/// A mixed quote needs this many quoted words to count as a quoted statement.
const MIN_QUOTED_WORDS: usize = 6;
/// Only the claims sharing the most content stems with a quote are compared.
const CANDIDATES: usize = 8;

/// A quoted rendering whose words belong to another event's claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForeignMatch {
    /// Index into the corpus's reports and that report's attributions.
    pub report: usize,
    pub attribution: usize,
    /// The claim (index into all claims) the rendering was aligned with in its own event.
    pub own_claim: usize,
    /// The claim of the other event it matches (index into all claims), and how well.
    pub claim: usize,
    pub similarity: f64,
}

/// Every quoted rendering that matches another event's claim better than its own.
pub fn foreign_quotes(
    events: &[Event],
    claims: &[Claim],
    comparisons: &[Comparison],
    reports: &[Report],
    attributions: &[Vec<Attribution>],
) -> Vec<ForeignMatch> {
    let inputs = compare::Inputs {
        reports,
        attributions,
    };
    let first_day: FxHashMap<&str, Option<i32>> = events
        .iter()
        .map(|e| {
            (
                e.id.as_str(),
                e.reports.iter().filter_map(|&r| day(&reports[r])).min(),
            )
        })
        .collect();
    let mut by_stem: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (c, claim) in claims.iter().enumerate() {
        for stem in stems(&wording(&claim.renderings[claim.reference], reports)) {
            by_stem.entry(stem).or_default().push(c);
        }
    }
    let mut found = Vec::new();
    for (c, claim) in claims.iter().enumerate() {
        for (i, rendering) in claim.renderings.iter().enumerate() {
            let attribution = &attributions[rendering.report][rendering.attribution];
            // A quote, or a mixed quote with enough quoted words to be a statement:
            // a scare-quoted phrase or two is no one's statement.
            let quoted_words: usize = attribution
                .content
                .quoted
                .iter()
                .map(|&(s, e)| {
                    Wording::new(
                        &reports[rendering.report].text,
                        std::slice::from_ref(&(s..e)),
                    )
                    .len()
                })
                .sum();
            let quoted = attribution.kind == Kind::Direct || quoted_words >= MIN_QUOTED_WORDS;
            if !quoted {
                continue;
            }
            let others_in_claim = claim
                .renderings
                .iter()
                .any(|r| r.report != rendering.report);
            let own = if !others_in_claim {
                0.0
            } else if i == claim.reference {
                1.0
            } else {
                comparisons[c].diffs[i].similarity
            };
            let words = wording(rendering, reports);
            let published = day(&reports[rendering.report]);
            let mut shared: FxHashMap<usize, usize> = FxHashMap::default();
            for stem in stems(&words) {
                for &d in by_stem.get(&stem).map_or(&[][..], Vec::as_slice) {
                    *shared.entry(d).or_default() += 1;
                }
            }
            let needed = MIN_SHARED.min(stems(&words).len()).max(1);
            let begun = |d: usize| first_day.get(claims[d].event.as_str()).copied().flatten();
            let mut candidates: Vec<(usize, usize)> = shared
                .into_iter()
                .filter(|&(d, n)| n >= needed && claims[d].event != claim.event)
                .filter(|&(d, _)| match (published, begun(d)) {
                    (Some(p), Some(b)) => b <= p + DAYS_OF_SLACK && b >= p - DAYS_BACK,
                    _ => true,
                })
                .collect();
            // The most stems shared first; ties in claim order, for the same result every run.
            candidates.sort_unstable_by_key(|&(d, n)| (std::cmp::Reverse(n), d));
            candidates.truncate(CANDIDATES);
            let pieces: Vec<Range<usize>> = rendering.pieces.iter().map(|&(s, e)| s..e).collect();
            let best = candidates
                .into_iter()
                .map(|(d, _)| {
                    let diff = compare::against(
                        &claims[d],
                        claims[d].reference,
                        inputs,
                        &reports[rendering.report].text,
                        &pieces,
                    );
                    // Another place, date or number is another statement of the same kind.
                    let shifted = diff.changes.iter().any(|c| c.class.is_meaning_bearing());
                    (d, if shifted { 0.0 } else { diff.similarity })
                })
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            if let Some((d, similarity)) = best
                && similarity >= PARAPHRASE_BELOW
                && similarity > own + CLEARLY_BETTER
            {
                found.push(ForeignMatch {
                    report: rendering.report,
                    attribution: rendering.attribution,
                    own_claim: c,
                    claim: d,
                    similarity,
                });
            }
        }
    }
    found
}

fn wording(rendering: &super::Rendering, reports: &[Report]) -> Wording {
    let ranges: Vec<Range<usize>> = rendering.pieces.iter().map(|&(s, e)| s..e).collect();
    Wording::new(&reports[rendering.report].text, &ranges)
}

fn stems(wording: &Wording) -> Vec<String> {
    crate::text::content_keys(&wording.words)
}

fn day(report: &Report) -> Option<i32> {
    report.published.map(|d| {
        d.since(jiff::civil::date(1970, 1, 1))
            .map_or(0, |span| span.get_days())
    })
}
