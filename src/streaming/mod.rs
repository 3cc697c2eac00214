//! The check whose memory follows the date window, not the corpus.
//!
//! Every comparison is between reports of one event, a few days apart, and
//! the search for quotes of other events (CC010) looks back `DAYS_BACK` days
//! and ahead `DAYS_OF_SLACK`. So the corpus is read twice: a first pass
//! ([`index`]) keeps each report's place, day and event; a second reads the
//! reports day by day, extracts them, aligns each event once all its reports
//! are read, and checks it once every event that began by the day after its
//! last day is aligned too (the most its search can need). An event is
//! dropped once no event left to check can search it. Events with no dated
//! report are a bucket of their own, checked first (their search sees only
//! each other: see `foreign`). Findings are the whole-corpus check's
//! ([`crate::check::run`]), byte for byte.

mod index;
mod records;
mod window;

use std::collections::{BTreeMap, BTreeSet};
use std::io;

use rayon::prelude::*;

use crate::check::{Plan, extract_counted};
use crate::config::Config;
use crate::corpus::{Rejection, Report, Scan};
use crate::extract::{Attribution, TooLong};
use crate::foreign::{DAYS_BACK, DAYS_OF_SLACK};
use crate::text::Span;

pub use index::{Day, Index, UNDATED, index};
pub use records::Recorder;
pub use window::{Closed, Held};

/// Which events a run checks and writes: all, or (for a run that is one
/// part of a larger one, as in the Spark job) those that began in a range
/// of days, or the undated ones. The others are read only as far as the
/// search across events needs them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Owned {
    #[default]
    All,
    /// Began between these days, both included.
    Days { from: Day, to: Day },
    /// Have no dated report.
    Undated,
}

impl Owned {
    fn owns(self, first: Day) -> bool {
        match self {
            Owned::All => true,
            Owned::Days { from, to } => first != UNDATED && (from..=to).contains(&first),
            Owned::Undated => first == UNDATED,
        }
    }
}

/// Where the check's results go, as they come. Records are printed in
/// parallel (`print_*`, which change nothing), then handed over in order.
pub trait Closing: Send + Sync {
    /// The record of a report of an owned event, extracted (`index`: its
    /// number in the corpus), when its records are printed.
    fn print_report(
        &self,
        index: usize,
        report: &Report,
        attributions: usize,
        language: Option<&'static str>,
    ) -> io::Result<Option<Vec<u8>>>;
    /// A report of an owned event, extracted, with its printed record.
    fn report(&mut self, index: usize, printed: Option<Vec<u8>>) -> io::Result<()>;
    /// The records of an owned event, checked, when its records are printed.
    fn print_event(&self, closed: &Closed<'_>) -> io::Result<Printed>;
    /// An owned event, checked, with its printed records.
    fn event(&mut self, closed: Closed<'_>, printed: Printed) -> io::Result<()>;
}

/// An event's printed records: the event's, its claims', its findings'.
#[derive(Debug, Default)]
pub struct Printed {
    pub event: Vec<u8>,
    pub claims: Vec<u8>,
    pub findings: Vec<u8>,
}

/// What the second pass counted beyond what it handed over.
#[derive(Debug, Default)]
pub struct Streamed {
    pub claims: usize,
    /// Reports not in English (left out of wording comparison).
    pub left_out: usize,
    pub events_left_out: usize,
    pub skipped: Vec<TooLong>,
    /// Reports that could not be read again (their file changed).
    pub rejected: Vec<Rejection>,
    /// The most reports held at once.
    pub most_held: usize,
}

/// Check every event of `index` (or those `owned`), reading reports again from `scan`.
pub fn check(
    scan: &mut Scan,
    index: &Index,
    config: &Config,
    plan: &Plan,
    owned: Owned,
    closing: &mut dyn Closing,
) -> io::Result<Streamed> {
    let mut run = Run::new(index, config, plan, owned);
    let order = run.reading_order();
    // Runs of reports read on one day, a day of many reports cut into chunks
    // (so it costs a chunk at a time), in reading order.
    let mut chunks: Vec<&[u32]> = Vec::new();
    let mut at = 0;
    while at < order.len() {
        let day = run.read_day[order[at] as usize];
        let end = at + order[at..].partition_point(|&r| run.read_day[r as usize] == day);
        chunks.extend(order[at..end].chunks(CHUNK));
        at = end;
    }
    let mut streamed = Streamed::default();
    // The next chunk is read again and extracted while a day's events are
    // aligned and checked: a check's stages keep a core less busy than
    // extraction does, so the two share the cores.
    let mut fetched = chunks.first().map(|chunk| fetch(scan, index, plan, chunk));
    for (i, chunk) in chunks.iter().enumerate() {
        if let Some(fetched) = fetched.take() {
            run.take(fetched, &mut streamed, closing)?;
        }
        let following = chunks.get(i + 1).copied();
        let day = run.read_day[chunk[0] as usize];
        let next = following.map(|c| run.read_day[c[0] as usize]);
        if next == Some(day) {
            fetched = following.map(|c| fetch(scan, index, plan, c));
            continue;
        }
        let (ended, prefetched) = rayon::join(
            || run.end_day(day, next, &mut streamed, closing),
            || following.map(|c| fetch(scan, index, plan, c)),
        );
        ended?;
        fetched = prefetched;
    }
    run.check_ready(Day::MAX, &mut streamed, closing)?;
    streamed.most_held = run.most_held;
    Ok(streamed)
}

/// Reports read again and extracted, not yet handed to their events.
struct Fetched {
    /// Those that could not be read again, by number.
    rejected: Vec<(usize, Rejection)>,
    numbers: Vec<usize>,
    reports: Vec<Report>,
    extracted: crate::check::Extracted,
}

/// Read again and extract the reports `chunk`.
fn fetch(scan: &mut Scan, index: &Index, plan: &Plan, chunk: &[u32]) -> Fetched {
    let places: Vec<_> = chunk.iter().map(|&r| index.places[r as usize]).collect();
    let again = crate::stats::time("read", || scan.read(&places));
    let mut rejected = Vec::new();
    let mut reports = Vec::with_capacity(chunk.len());
    let mut numbers = Vec::with_capacity(chunk.len());
    for (&r, report) in chunk.iter().zip(again) {
        match report {
            Ok(report) => {
                reports.push(report);
                numbers.push(r as usize);
            }
            Err(rejection) => rejected.push((r as usize, rejection)),
        }
    }
    let extracted = crate::stats::time("extract", || extract_counted(&reports, &plan.done));
    Fetched {
        rejected,
        numbers,
        reports,
        extracted,
    }
}

/// How many reports are read, extracted and handed over at once.
const CHUNK: usize = 4096;
/// Events are checked every this many days: each check lays out every held
/// event and indexes its claims for the search across events, so checking
/// every day would cost that many times over (measured in the README).
const STEP_DAYS: Day = 7;

/// An event being read: its reports so far, with what extraction found.
#[derive(Debug, Default)]
struct Reading {
    reports: Vec<Extracted>,
    attributions: usize,
}

/// One report read, with what extraction found in it.
#[derive(Debug)]
struct Extracted {
    /// Its number in the corpus.
    number: usize,
    report: Report,
    attributions: Vec<Attribution>,
    language: Option<&'static str>,
    sentences: Vec<Span>,
}

/// The second pass's state.
struct Run<'a> {
    index: &'a Index,
    config: &'a Config,
    plan: &'a Plan,
    owned: Owned,
    /// Per report: its event's rank.
    event_of: Vec<u32>,
    /// Per report: the day it is read (its own, or its event's first day).
    read_day: Vec<Day>,
    /// Per event: its first and last dated day (`UNDATED` for both if none).
    first: Vec<Day>,
    last: Vec<Day>,
    /// Per event: its reports not read yet.
    unread: Vec<u32>,
    reading: BTreeMap<usize, Reading>,
    /// Begun and not complete, by first day.
    open: BTreeSet<(Day, usize)>,
    /// Complete, just aligned.
    complete: Vec<usize>,
    /// Complete and not checked yet, by last day and by first day.
    waiting: BTreeSet<(Day, usize)>,
    waiting_first: BTreeSet<(Day, usize)>,
    /// Checked, held for the search of later events, by first day.
    checked: BTreeSet<(Day, usize)>,
    held: BTreeMap<usize, Held>,
    /// The held events side by side during a check, kept empty between checks.
    view: window::View,
    held_reports: usize,
    most_held: usize,
    last_check: Day,
}

impl<'a> Run<'a> {
    fn new(index: &'a Index, config: &'a Config, plan: &'a Plan, owned: Owned) -> Run<'a> {
        let events = &index.events;
        let mut event_of = vec![0u32; index.days.len()];
        let mut first = vec![UNDATED; events.len()];
        let mut last = vec![UNDATED; events.len()];
        for (rank, event) in events.iter().enumerate() {
            let dated = event
                .reports
                .iter()
                .map(|&r| index.days[r])
                .filter(|&d| d != UNDATED);
            first[rank] = dated.clone().min().unwrap_or(UNDATED);
            last[rank] = dated.max().unwrap_or(UNDATED);
            for &r in &event.reports {
                event_of[r] = rank as u32;
            }
        }
        let read_day = index
            .days
            .iter()
            .zip(&event_of)
            .map(|(&d, &e)| if d == UNDATED { first[e as usize] } else { d })
            .collect();
        Run {
            index,
            config,
            plan,
            owned,
            unread: events.iter().map(|e| e.reports.len() as u32).collect(),
            event_of,
            read_day,
            first,
            last,
            reading: BTreeMap::new(),
            open: BTreeSet::new(),
            complete: Vec::new(),
            waiting: BTreeSet::new(),
            waiting_first: BTreeSet::new(),
            checked: BTreeSet::new(),
            held: BTreeMap::new(),
            view: window::View::default(),
            held_reports: 0,
            most_held: 0,
            last_check: UNDATED,
        }
    }

    /// Whether event `rank` is read at all: an owned one, or one an owned
    /// one may search (dated events never search undated ones, and back).
    fn needed(&self, rank: usize) -> bool {
        match self.owned {
            Owned::All => true,
            Owned::Undated => self.first[rank] == UNDATED,
            Owned::Days { .. } => self.first[rank] != UNDATED,
        }
    }

    /// The reports to read, by the day they are read, in corpus order within a day.
    fn reading_order(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.read_day.len() as u32)
            .filter(|&r| self.needed(self.event_of[r as usize] as usize))
            .collect();
        order.sort_by_key(|&r| (self.read_day[r as usize], r));
        order
    }

    /// Hand the reports fetched to their events.
    fn take(
        &mut self,
        fetched: Fetched,
        streamed: &mut Streamed,
        closing: &mut dyn Closing,
    ) -> io::Result<()> {
        let Fetched {
            rejected,
            numbers,
            reports,
            extracted,
        } = fetched;
        // Gone since the first pass: said, and its event goes on without it.
        for (r, rejection) in rejected {
            streamed.rejected.push(rejection);
            self.arrived(r);
        }
        streamed.skipped.extend(extracted.skipped);
        // The owned reports' records, printed in parallel.
        let printer: &dyn Closing = closing;
        let printed: Vec<io::Result<Option<Vec<u8>>>> = crate::stats::time("render", || {
            (0..reports.len())
                .into_par_iter()
                .map(|i| {
                    let r = numbers[i];
                    if !self.owned.owns(self.first[self.event_of[r] as usize]) {
                        return Ok(None);
                    }
                    let attributions = extracted.attributions[i].len();
                    printer.print_report(r, &reports[i], attributions, extracted.languages[i])
                })
                .collect()
        });
        let found = extracted
            .attributions
            .into_iter()
            .zip(extracted.languages)
            .zip(extracted.sentences);
        for (((r, report), ((attributions, language), sentences)), printed) in
            numbers.into_iter().zip(reports).zip(found).zip(printed)
        {
            let rank = self.event_of[r] as usize;
            if !crate::extract::reads_as_english(language) {
                streamed.left_out += 1;
            }
            if self.owned.owns(self.first[rank]) {
                closing.report(r, printed?)?;
            }
            let reading = self.reading.entry(rank).or_default();
            reading.attributions += attributions.len();
            let report = if reading.attributions > self.plan.grouping.max_attributions {
                // Left out of comparison: its reports are kept without their
                // text, so one huge event costs its ids, not its text.
                for kept in &mut reading.reports {
                    if !kept.report.text.is_empty() {
                        kept.report = kept.report.without_text();
                        kept.attributions = Vec::new();
                        kept.sentences = Vec::new();
                    }
                }
                Extracted {
                    number: r,
                    report: report.without_text(),
                    attributions: Vec::new(),
                    language,
                    sentences: Vec::new(),
                }
            } else {
                Extracted {
                    number: r,
                    report,
                    attributions,
                    language,
                    sentences,
                }
            };
            reading.reports.push(report);
            self.arrived(r);
        }
        Ok(())
    }

    /// Report `r` is read: its event has begun, or is complete.
    fn arrived(&mut self, r: usize) {
        let rank = self.event_of[r] as usize;
        let total = self.index.events[rank].reports.len() as u32;
        if self.unread[rank] == total {
            self.open.insert((self.first[rank], rank));
        }
        self.unread[rank] -= 1;
        if self.unread[rank] == 0 {
            self.open.remove(&(self.first[rank], rank));
            self.complete.push(rank);
        }
    }

    /// Align the events completed since last time, in parallel, and hold them.
    fn align_complete(&mut self) {
        let complete = std::mem::take(&mut self.complete);
        let mut built: Vec<(usize, Held)> = complete
            .into_iter()
            .map(|rank| {
                let reading = self.reading.remove(&rank).unwrap_or_default();
                (rank, held_of(reading, self.plan.grouping.max_attributions))
            })
            .collect();
        let events = &self.index.events;
        let config = self.config;
        crate::stats::time("align+compare", || {
            built
                .par_iter_mut()
                .for_each(|(rank, held)| held.align(&events[*rank], config));
        });
        for (rank, held) in built {
            self.held_reports += held.reports.len();
            self.waiting.insert((self.last[rank], rank));
            self.waiting_first.insert((self.first[rank], rank));
            self.held.insert(rank, held);
        }
        self.most_held = self.most_held.max(self.held_reports);
    }

    /// Day `day` is read (`next` is the next day to read): align the events
    /// it completed, check those ready when a check is due, drop those done.
    fn end_day(
        &mut self,
        day: Day,
        next: Option<Day>,
        streamed: &mut Streamed,
        closing: &mut dyn Closing,
    ) -> io::Result<()> {
        self.align_complete();
        if day == UNDATED {
            // The undated bucket: every one of its events is read now.
            self.check_ready(Day::MAX, streamed, closing)?;
            self.held.clear();
            return Ok(());
        }
        let due = next.is_none_or(|n| n.saturating_sub(self.last_check) >= STEP_DAYS);
        if due {
            self.check_ready(next.unwrap_or(Day::MAX), streamed, closing)?;
            self.last_check = day;
        }
        self.drop_done(next.unwrap_or(Day::MAX));
        Ok(())
    }

    /// Check the waiting events whose search has all it can need: every
    /// event that began by the day after their last day is aligned (none is
    /// still open, and none begins before `next`, the next day to read).
    fn check_ready(
        &mut self,
        next: Day,
        streamed: &mut Streamed,
        closing: &mut dyn Closing,
    ) -> io::Result<()> {
        let bound = self.open.first().map_or(next, |&(d, _)| d.min(next));
        let mut ready = Vec::new();
        while let Some(&(last, rank)) = self.waiting.first() {
            if last != UNDATED && last.saturating_add(DAYS_OF_SLACK) >= bound && next != Day::MAX {
                break;
            }
            self.waiting.pop_first();
            self.waiting_first.remove(&(self.first[rank], rank));
            self.checked.insert((self.first[rank], rank));
            ready.push(rank);
        }
        if ready.is_empty() {
            return Ok(());
        }
        ready.sort_unstable();
        let owned: Vec<usize> = ready
            .into_iter()
            .filter(|&rank| self.owned.owns(self.first[rank]))
            .collect();
        let tally = window::check(
            &mut self.view,
            &mut self.held,
            &self.index.events,
            &owned,
            self.config,
            self.plan,
            closing,
        )?;
        streamed.claims += tally.claims;
        streamed.events_left_out += tally.events_left_out;
        Ok(())
    }

    /// Drop the checked events no event left to check can search: those
    /// that began more than `DAYS_BACK` days before the first of them.
    fn drop_done(&mut self, next: Day) {
        let unchecked = [
            self.open.first().map(|&(d, _)| d),
            self.waiting_first.first().map(|&(d, _)| d),
            Some(next),
        ];
        let earliest = unchecked.into_iter().flatten().min().unwrap_or(Day::MAX);
        let mut dropped = Vec::new();
        while let Some(&(first, rank)) = self.checked.first() {
            if first >= earliest.saturating_sub(DAYS_BACK) {
                break;
            }
            self.checked.pop_first();
            if let Some(held) = self.held.remove(&rank) {
                self.held_reports -= held.reports.len();
                dropped.push(held);
            }
        }
        // Freed by a worker, while this thread reads on.
        if !dropped.is_empty() {
            rayon::spawn(move || drop(dropped));
        }
    }
}

/// An event read whole: its reports in corpus order, with what was found.
fn held_of(mut reading: Reading, max_attributions: usize) -> Held {
    reading.reports.sort_by_key(|e| e.number);
    let mut held = Held::default();
    for e in reading.reports {
        held.reports.push(e.report);
        held.attributions.push(e.attributions);
        held.languages.push(e.language);
        held.sentences.push(e.sentences);
    }
    if reading.attributions > max_attributions {
        held.too_large = Some(reading.attributions);
    }
    held
}
