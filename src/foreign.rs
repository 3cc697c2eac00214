//! The `foreign` stage, between compare and rules: quotes that belong to
//! another event, such as a spokesperson's words from the day before folded
//! into the story of a call. It needs every event's claims, so it runs once
//! over the whole run, not per event. Each quoted rendering is compared
//! with the claims of the other events (those that had begun by the day it was
//! published) that share enough content stems with it; it belongs elsewhere
//! when it matches one of them as a version of its words and clearly better
//! than it matches its own claim.
//!
//! The search is bounded in days, so a check can run window by window
//! (`streaming`): a report is searched in the window of its day, an undated
//! report of a dated event in that of its event's first day, and events with
//! no dated report at all form a bucket of their own, searched only by each
//! other (they cannot be placed in any window).

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::align::{Attributed, Claim, MIN_SHARED, Rendering, surname};
use crate::compare::{self, Comparison, PARAPHRASE_BELOW};
use crate::corpus::Report;
use crate::events::Event;
use crate::extract::{Attribution, Kind};
use crate::text::{Key, Wording, shared_keys};

/// A foreign match must beat the rendering's own claim by this much similarity.
const CLEARLY_BETTER: f64 = 0.1;
/// A report may quote an event reported the day after it (time zones, late copy).
pub const DAYS_OF_SLACK: i32 = 1;
/// Older remarks than this are history, not a mix-up of two news events.
pub const DAYS_BACK: i32 = 60;
/// A mixed quote needs this many quoted words to count as a quoted statement.
const MIN_QUOTED_WORDS: usize = 6;
/// A direct quote with fewer content words than this is a common saying.
const MIN_QUOTED_CONTENT_WORDS: usize = 3;
/// Only the claims sharing the most content stems with a quote are compared.
const CANDIDATES: usize = 8;
/// A key that this many claims of a date window share is a common word of the
/// news (`minister`, `talks`): it is not followed to its claims, only counted
/// for the claims that rarer keys lead to. Following it would cost a look at
/// every claim of the window, for every quote, and grow with the corpus.
const COMMON_KEY_CLAIMS: usize = 64;

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

/// Every rendering whose words belong to another event, in claim order (of
/// `own_claim`: each event's are found by binary search): a quoted rendering
/// that matches another event's claim better than its own claim, and every
/// rendering of a claim that no primary source of its event makes but a claim
/// of another event does. Only the claims `searched` takes are searched for;
/// the others are only searched among (the events around a window's).
/// `keys` are [`claim_keys`] of `claims`: a check that searches window after
/// window makes each claim's once.
#[allow(clippy::too_many_arguments)] // Each is a part of the run the search reads.
pub fn foreign_quotes(
    events: &[Event],
    claims: &[Claim],
    keys: &[Vec<Key>],
    comparisons: &[Comparison],
    reports: &[Report],
    attributions: &[Vec<Attribution>],
    is_primary: &(dyn Fn(usize) -> bool + Sync),
    searched: &(dyn Fn(usize) -> bool + Sync),
) -> Vec<ForeignMatch> {
    let search = Search::new(events, claims, keys, reports, attributions);
    let with_primary: FxHashSet<&str> = events
        .iter()
        .filter(|e| e.reports.iter().any(|&r| is_primary(r)))
        .map(|e| e.id.as_str())
        .collect();
    // Claims are searched in parallel; each gives its matches in rendering order,
    // and the claims' results are joined in claim order.
    let per_claim = |(c, claim): (usize, &Claim)| -> Vec<ForeignMatch> {
        let mut found = Vec::new();
        if !searched(c) {
            return found;
        }
        let from_primary = claim.renderings.iter().any(|r| is_primary(r.report));
        if !from_primary && with_primary.contains(claim.event.as_str()) {
            // No primary source of the event says it: the claim as a whole may come
            // from another event (reported speech folded in as well as quotes).
            // Stricter than for a quote: the other event's claim must be a statement
            // its primary source makes, by the speaker this claim names, so that a
            // line of background every story repeats is not taken for one.
            let stated = |d: usize| {
                claims[d].renderings.iter().any(|r| is_primary(r.report))
                    && search.surnames[c].is_some()
                    && search.surnames[c] == search.surnames[d]
            };
            if let Some((d, similarity)) = search.best(c, claim.reference, &stated) {
                found.extend(claim.renderings.iter().map(|r| ForeignMatch {
                    report: r.report,
                    attribution: r.attribution,
                    own_claim: c,
                    claim: d,
                    similarity,
                }));
                return found;
            }
        }
        for (i, rendering) in claim.renderings.iter().enumerate() {
            if !quoted(
                &attributions[rendering.report][rendering.attribution],
                rendering,
                &reports[rendering.report].text,
            ) {
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
            // A similarity is at most 1: a rendering that close to its own
            // claim cannot match another clearly better, so none is searched for.
            if own + CLEARLY_BETTER >= 1.0 {
                continue;
            }
            if let Some((d, similarity)) = search.best(c, i, &|_| true)
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
        found
    };
    claims
        .par_iter()
        .enumerate()
        .flat_map_iter(per_claim)
        .collect()
}

/// Per claim, the content keys of its reference wording: what the search
/// finds a claim by.
pub fn claim_keys(claims: &[Claim], reports: &[Report]) -> Vec<Vec<Key>> {
    claims
        .par_iter()
        .map(|claim| stems(&wording(&claim.renderings[claim.reference], reports)))
        .collect()
}

/// A quote, or a mixed quote with enough quoted words to be a statement: a
/// scare-quoted phrase or two is no one's statement, and a short quote of few
/// content words (`I love you`) is said at many events.
/// Only the rendering's own words count: one sentence of a longer quote is
/// judged by its own words.
fn quoted(attribution: &Attribution, rendering: &Rendering, text: &str) -> bool {
    let words = Wording::new(text, &rendering.pieces);
    let in_quote = |w: &&crate::text::Word| {
        attribution
            .content
            .quoted
            .iter()
            .any(|q| q.contains(w.span.start()))
    };
    let quoted_words = words.words.iter().filter(in_quote).count();
    let content_words = words
        .words
        .iter()
        .filter(in_quote)
        .filter(|w| w.content)
        .count();
    (attribution.kind == Kind::Direct && content_words >= MIN_QUOTED_CONTENT_WORDS)
        || quoted_words >= MIN_QUOTED_WORDS
}

/// A claim in a key's list: the day its event began, and its number.
type Posting = (i32, usize);

/// Finds, for a rendering, the best-matching claim of another event.
struct Search<'a> {
    claims: &'a [Claim],
    reports: &'a [Report],
    attributed: Attributed<'a>,
    /// Per claim, the folded surname of its reference's speaker.
    surnames: Vec<Option<String>>,
    /// Claims by the content keys of their reference wording, each list in
    /// order of `begun`: a rendering counts only the claims of its date window,
    /// found by binary search, so the search does not grow with the square of
    /// a corpus that spans many months. A key's list is its range of `postings`.
    by_key: FxHashMap<Key, std::ops::Range<usize>>,
    /// Every key's list, one after another.
    postings: Vec<Posting>,
    /// Per claim, the content keys of its reference wording (sorted).
    keys: &'a [Vec<Key>],
    /// Per claim, a number for its event (claims of one event share it).
    event_of: Vec<u32>,
    /// Per claim, the day its event began (`NO_DAY` if no report is dated).
    begun: Vec<i32>,
}

/// `begun` of a claim whose event has no dated report: sorts first.
const NO_DAY: i32 = i32::MIN;

impl<'a> Search<'a> {
    fn new(
        events: &'a [Event],
        claims: &'a [Claim],
        keys: &'a [Vec<Key>],
        reports: &'a [Report],
        attributions: &'a [Vec<Attribution>],
    ) -> Search<'a> {
        // Made again at each check of a window (`streaming`): every part is
        // made in parallel, and the lists of keys by one sort.
        let first_days: Vec<Option<i32>> = events
            .par_iter()
            .map(|e| e.reports.iter().filter_map(|&r| day(&reports[r])).min())
            .collect();
        let first_day: FxHashMap<&str, Option<i32>> = events
            .iter()
            .zip(first_days)
            .map(|(e, first)| (e.id.as_str(), first))
            .collect();
        // Per claim, the day its event began (`NO_DAY` if no report is dated).
        let begun: Vec<i32> = claims
            .par_iter()
            .map(|c| {
                first_day
                    .get(c.event.as_str())
                    .copied()
                    .flatten()
                    .unwrap_or(NO_DAY)
            })
            .collect();
        let event_numbers: FxHashMap<&str, u32> = events
            .iter()
            .enumerate()
            .map(|(n, e)| (e.id.as_str(), n as u32))
            .collect();
        let event_of = claims
            .par_iter()
            .map(|c| {
                event_numbers
                    .get(c.event.as_str())
                    .copied()
                    .unwrap_or(u32::MAX)
            })
            .collect();
        let surnames = claims
            .par_iter()
            .map(|c| c.renderings[c.reference].speaker.as_deref().map(surname))
            .collect();
        // Each key's postings in order of (day begun, claim): one sort of all.
        let days = &begun;
        let mut keyed: Vec<(Key, Posting)> = keys
            .par_iter()
            .enumerate()
            .flat_map_iter(|(c, claim_keys)| claim_keys.iter().map(move |&key| (key, (days[c], c))))
            .collect();
        keyed.par_sort_unstable();
        let mut by_key: FxHashMap<Key, std::ops::Range<usize>> = FxHashMap::default();
        let mut start = 0;
        for run in keyed.chunk_by(|a, b| a.0 == b.0) {
            by_key.insert(run[0].0, start..start + run.len());
            start += run.len();
        }
        let postings = keyed.into_iter().map(|(_, posting)| posting).collect();
        Search {
            claims,
            reports,
            attributed: Attributed {
                reports,
                attributions,
            },
            surnames,
            by_key,
            postings,
            keys,
            event_of,
            begun,
        }
    }

    /// The claim of another event (begun by the rendering's day, and not long
    /// before) that rendering `index` of claim `c` matches as a version of its
    /// words, with the same speaker where both name one, and how well; only
    /// claims `accept` takes are considered.
    fn best(&self, c: usize, index: usize, accept: &dyn Fn(usize) -> bool) -> Option<(usize, f64)> {
        let rendering = &self.claims[c].renderings[index];
        let words = wording(rendering, self.reports);
        let keys = stems(&words);
        // An undated report of a dated event is placed on its event's first day.
        let begun = Some(self.begun[c]).filter(|&b| b != NO_DAY);
        let published = day(&self.reports[rendering.report]).or(begun);
        let needed = MIN_SHARED.min(keys.len()).max(1);
        // Each key's claims in the window, the rarest keys first.
        let mut postings: Vec<(usize, Key, &[Posting])> = keys
            .iter()
            .map(|key| {
                let all = self
                    .by_key
                    .get(key)
                    .map_or(&[][..], |range| &self.postings[range.clone()]);
                let part = window(all, published);
                (part.len(), *key, part)
            })
            .collect();
        postings.sort_unstable_by_key(|&(count, key, _)| (count, key));
        // Rare keys lead to claims (at least `needed` keys do, however common);
        // common ones are only counted for the claims found.
        let followed = postings
            .iter()
            .enumerate()
            .take_while(|&(i, &(count, _, _))| count <= COMMON_KEY_CLAIMS || i < needed)
            .count();
        // Every claim the followed keys lead to, once per key: sorted, each
        // claim's run is how many of them it shares (one sort, no map to grow).
        let mut reached: Vec<usize> = postings[..followed]
            .iter()
            .flat_map(|(_, _, part)| part.iter().map(|&(_, d)| d))
            .collect();
        reached.sort_unstable();
        let mut common: Vec<Key> = postings[followed..].iter().map(|&(_, k, _)| k).collect();
        common.sort_unstable();
        let mine = rendering.speaker.as_deref().map(surname);
        let same_speaker = |d: usize| match (&mine, &self.surnames[d]) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let own_event = self.event_of[c];
        let mut candidates: Vec<(usize, usize)> = reached
            .chunk_by(|a, b| a == b)
            .filter_map(|run| {
                let d = run[0];
                // The common keys can add at most their number: counted only
                // for a claim they could bring to `needed`.
                let followed_keys = run.len();
                if followed_keys + common.len() < needed
                    || self.event_of[d] == own_event
                    || !same_speaker(d)
                    || !accept(d)
                {
                    return None;
                }
                let n = followed_keys + shared_keys(&common, &self.keys[d]);
                (n >= needed).then_some((d, n))
            })
            .collect();
        // The most keys shared first; ties in claim order, for the same result every run.
        candidates.sort_unstable_by_key(|&(d, n)| (std::cmp::Reverse(n), d));
        candidates.truncate(CANDIDATES);
        candidates
            .into_iter()
            .filter_map(|(d, _)| {
                let other = &self.claims[d];
                let diff = compare::against_words(
                    other,
                    other.reference,
                    self.attributed,
                    &self.reports[rendering.report].text,
                    &words,
                );
                // Another place, date or number is another statement of the same kind.
                let shifted = diff.changes.iter().any(|c| c.class.is_meaning_bearing());
                (!shifted && diff.similarity >= PARAPHRASE_BELOW).then_some((d, diff.similarity))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }
}

/// The postings (event's first day, claim) of claims whose event began in
/// the window of a rendering published on `published`; for an undated one
/// (of an undated event), those of the undated events.
fn window(postings: &[Posting], published: Option<i32>) -> &[Posting] {
    let undated = postings.partition_point(|&(b, _)| b == NO_DAY);
    let Some(p) = published else {
        return &postings[..undated];
    };
    let from = postings
        .partition_point(|&(b, _)| b < p - DAYS_BACK)
        .max(undated);
    let to = postings
        .partition_point(|&(b, _)| b <= p + DAYS_OF_SLACK)
        .max(from);
    &postings[from..to]
}

fn wording(rendering: &Rendering, reports: &[Report]) -> Wording {
    Wording::new(&reports[rendering.report].text, &rendering.pieces)
}

fn stems(wording: &Wording) -> Vec<Key> {
    crate::text::content_keys(&wording.words)
}

fn day(report: &Report) -> Option<i32> {
    report.published.map(day_number)
}

/// A date as the search counts days: days since 1970-01-01.
pub fn day_number(date: jiff::civil::Date) -> i32 {
    date.since(jiff::civil::date(1970, 1, 1))
        .map_or(0, |span| span.get_days())
}
