//! The events a window holds, and one check of some of them. Each event
//! holds its reports, what extraction found in them and its claims, with
//! indices of its own (its reports in corpus order). A check lays the held
//! events side by side in the order of their ids, as the whole-corpus check
//! lays every event, so the stages after alignment (the search across
//! events, the rules) run on them unchanged and give the same findings;
//! then each event takes its parts back.

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;

use super::{Closing, Printed};
use crate::align::{self, Attributed, Claim};
use crate::check::{Plan, foreign_of};
use crate::compare::{self, Comparison};
use crate::config::{Config, OutletKind};
use crate::corpus::Report;
use crate::events::Event;
use crate::extract::Attribution;
use crate::finding::Finding;
use crate::foreign;
use crate::rules;
use crate::text::{Key, Span};

/// One event, read, extracted and aligned.
#[derive(Debug, Default)]
pub struct Held {
    pub reports: Vec<Report>,
    pub attributions: Vec<Vec<Attribution>>,
    pub languages: Vec<Option<&'static str>>,
    pub sentences: Vec<Vec<Span>>,
    pub claims: Vec<Claim>,
    pub comparisons: Vec<Comparison>,
    /// Per claim, what the search across events finds it by (made once).
    pub keys: Vec<Vec<Key>>,
    /// Per report, its outlet's configured kind.
    pub outlet_kinds: Vec<Option<OutletKind>>,
    /// Its attributions when it holds more than an event may: it was left
    /// out of comparison (its reports are kept without their text).
    pub too_large: Option<usize>,
    /// Its event with its own indices ([`Held::local`]), made once when it
    /// is aligned (and lent to the view during a check).
    pub event: Option<Event>,
}

impl Held {
    /// Align and compare the claims of `event` (whose reports are `self`'s,
    /// in order), unless it holds too many attributions.
    pub fn align(&mut self, event: &Event, config: &Config) {
        self.outlet_kinds = self
            .reports
            .iter()
            .map(|r| config.outlet_kind(&r.outlet))
            .collect();
        let local = self.local(event);
        if self.too_large.is_some() {
            self.event = Some(local);
            return;
        }
        let attributed = Attributed {
            reports: &self.reports,
            attributions: &self.attributions,
        };
        let claims = align::align(&local, attributed, config);
        self.comparisons = claims
            .iter()
            .map(|c| compare::compare(c, attributed))
            .collect();
        self.keys = foreign::claim_keys(&claims, &self.reports);
        self.claims = claims;
        self.event = Some(local);
    }

    /// Its event with its own indices.
    pub fn local(&self, event: &Event) -> Event {
        Event {
            reports: (0..self.reports.len()).collect(),
            ..event.clone()
        }
    }
}

/// An event checked, for the output.
#[derive(Debug)]
pub struct Closed<'a> {
    /// Its place among the run's events, sorted by id.
    pub rank: usize,
    /// Its reports are indices into `attributed`.
    pub event: &'a Event,
    pub attributed: Attributed<'a>,
    pub claims: &'a [Claim],
    pub comparisons: &'a [Comparison],
    pub findings: Vec<Finding>,
    /// How many attributions it holds, when that left it out of comparison.
    pub too_large: Option<usize>,
}

/// What a check handed over.
#[derive(Debug, Default)]
pub struct Tally {
    pub claims: usize,
    /// Events left out of comparison.
    pub events_left_out: usize,
}

/// The held events side by side, in the order of their ids. Kept from one
/// check to the next, empty, so that its lists are not made again each time.
#[derive(Debug, Default)]
pub struct View {
    ranks: Vec<usize>,
    events: Vec<Event>,
    claim_ranges: Vec<Range<usize>>,
    report_ranges: Vec<Range<usize>>,
    reports: Vec<Report>,
    attributions: Vec<Vec<Attribution>>,
    languages: Vec<Option<&'static str>>,
    sentences: Vec<Vec<Span>>,
    claims: Vec<Claim>,
    comparisons: Vec<Comparison>,
    keys: Vec<Vec<Key>>,
    outlet_kinds: Vec<Option<OutletKind>>,
    too_large: Vec<Option<usize>>,
}

/// Move every held event into `view` (empty), shifting its indices: nothing is copied.
fn gather(view: &mut View, held: &mut BTreeMap<usize, Held>, events: &[Event]) {
    for (&rank, h) in held.iter_mut() {
        let offset = view.reports.len();
        let reports = offset..offset + h.reports.len();
        let claims = view.claims.len()..view.claims.len() + h.claims.len();
        view.ranks.push(rank);
        let mut event = h.event.take().unwrap_or_else(|| h.local(&events[rank]));
        for r in &mut event.reports {
            *r += offset;
        }
        view.events.push(event);
        view.report_ranges.push(reports);
        view.claim_ranges.push(claims);
        view.reports.append(&mut h.reports);
        view.attributions.append(&mut h.attributions);
        view.languages.append(&mut h.languages);
        view.sentences.append(&mut h.sentences);
        view.comparisons.append(&mut h.comparisons);
        view.keys.append(&mut h.keys);
        view.outlet_kinds.append(&mut h.outlet_kinds);
        view.claims
            .extend(h.claims.drain(..).map(|c| shifted(c, offset, true)));
        view.too_large.push(h.too_large);
    }
}

/// Give each held event its parts back, leaving `view` empty (its lists keep their room).
fn scatter(view: &mut View, held: &mut BTreeMap<usize, Held>) {
    for (i, &rank) in view.ranks.iter().enumerate().rev() {
        let event = view.events.pop();
        let Some(h) = held.get_mut(&rank) else {
            continue;
        };
        let offset = view.report_ranges[i].start;
        let claims = view.claim_ranges[i].start;
        h.reports = split_off(&mut view.reports, offset);
        h.attributions = split_off(&mut view.attributions, offset);
        h.languages = split_off(&mut view.languages, offset);
        h.sentences = split_off(&mut view.sentences, offset);
        h.comparisons = split_off(&mut view.comparisons, claims);
        h.keys = split_off(&mut view.keys, claims);
        h.outlet_kinds = split_off(&mut view.outlet_kinds, offset);
        h.claims = view
            .claims
            .drain(claims..)
            .map(|c| shifted(c, offset, false))
            .collect();
        h.event = event.map(|mut event| {
            for r in &mut event.reports {
                *r -= offset;
            }
            event
        });
    }
    view.ranks.clear();
    view.events.clear();
    view.claim_ranges.clear();
    view.report_ranges.clear();
    view.reports.clear();
    view.attributions.clear();
    view.languages.clear();
    view.sentences.clear();
    view.claims.clear();
    view.comparisons.clear();
    view.keys.clear();
    view.outlet_kinds.clear();
    view.too_large.clear();
}

/// The part of `list` from `at` on, moved out; `list` keeps its room.
fn split_off<T>(list: &mut Vec<T>, at: usize) -> Vec<T> {
    list.drain(at..).collect()
}

/// A claim with its report indices moved up (or back down) by `offset`.
fn shifted(mut claim: Claim, offset: usize, up: bool) -> Claim {
    for r in &mut claim.renderings {
        r.report = if up {
            r.report + offset
        } else {
            r.report - offset
        };
    }
    claim
}

/// Check the held events of `ranks` (each held): the search across events
/// sees every held event; the rules run on those of `ranks`. Each is
/// printed by `closing` in parallel, then handed to `closing` in the order
/// of `ranks`. Says how many claims they hold and how many were left out
/// of comparison.
pub fn check(
    view: &mut View,
    held: &mut BTreeMap<usize, Held>,
    events: &[Event],
    ranks: &[usize],
    config: &Config,
    plan: &Plan,
    closing: &mut dyn Closing,
) -> std::io::Result<Tally> {
    gather(view, held, events);
    let positions: Vec<usize> = ranks
        .iter()
        .filter_map(|r| view.ranks.binary_search(r).ok())
        .collect();
    let outlet_kinds = std::mem::take(&mut view.outlet_kinds);
    let keys = std::mem::take(&mut view.keys);
    let is_primary = |r: usize| outlet_kinds[r] == Some(OutletKind::Official);
    let mut searched = vec![false; view.claims.len()];
    for &p in &positions {
        searched[view.claim_ranges[p].clone()].fill(true);
    }
    let foreign = crate::stats::time("align+compare/search", || {
        foreign::foreign_quotes(
            &view.events,
            &view.claims,
            &keys,
            &view.comparisons,
            &view.reports,
            &view.attributions,
            &is_primary,
            &|c| searched[c],
        )
    });
    let checker = rules::Checker::new(
        rules::Coverage {
            claims: &view.claims,
            comparisons: &view.comparisons,
            reports: &view.reports,
            attributions: &view.attributions,
            config,
            languages: &view.languages,
            outlet_kinds: &outlet_kinds,
            sentences: &view.sentences,
        },
        &plan.selection,
    );
    let found: Vec<Vec<Finding>> = crate::stats::time("rules", || {
        positions
            .par_iter()
            .map(|&p| {
                let own = view.claim_ranges[p].clone();
                let found = if view.too_large[p].is_some() {
                    Vec::new()
                } else {
                    checker.check(
                        &view.events[p],
                        own.clone(),
                        &foreign[foreign_of(&foreign, &own)],
                    )
                };
                plan.done.fetch_add(
                    view.events[p].reports.len(),
                    std::sync::atomic::Ordering::Relaxed,
                );
                found
            })
            .collect()
    });
    let attributed = Attributed {
        reports: &view.reports,
        attributions: &view.attributions,
    };
    let printer: &dyn Closing = closing;
    let closed: Vec<(Closed<'_>, std::io::Result<Printed>)> = crate::stats::time("render", || {
        positions
            .par_iter()
            .zip(found)
            .map(|(&p, findings)| {
                let own = view.claim_ranges[p].clone();
                let closed = Closed {
                    rank: view.ranks[p],
                    event: &view.events[p],
                    attributed,
                    claims: &view.claims[own.clone()],
                    comparisons: &view.comparisons[own],
                    findings,
                    too_large: view.too_large[p],
                };
                let printed = printer.print_event(&closed);
                (closed, printed)
            })
            .collect()
    });
    let mut result = Ok(Tally::default());
    for (closed, printed) in closed {
        let (claims, left_out) = (closed.claims.len(), closed.too_large.is_some());
        result = result.and_then(|mut tally| {
            closing.event(closed, printed?)?;
            tally.claims += claims;
            tally.events_left_out += usize::from(left_out);
            Ok(tally)
        });
    }
    drop(checker);
    view.keys = keys;
    view.outlet_kinds = outlet_kinds;
    scatter(view, held);
    result
}
