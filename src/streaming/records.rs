//! Where a streaming check's results go: the JSON and JSON Lines records,
//! held on disk until they can be written in order ([`Deferred`]), and the
//! findings (for the formats that need the whole run's, and for a baseline),
//! each event's after a baseline has hidden the known ones.

use std::collections::BTreeSet;
use std::io;

use super::{Closed, Closing, Index, Printed, Streamed};
use crate::corpus::Report;
use crate::finding::{Finding, Severity};
use crate::render::{self, Deferred, Record, Section, Summary};

/// Keeps what a run's output needs of each report and event as they close.
#[derive(Debug)]
pub struct Recorder<'k> {
    /// The records of `json` and `jsonl`.
    pub deferred: Option<Deferred>,
    /// The fingerprints a baseline hides.
    known: &'k BTreeSet<String>,
    /// Every finding is hidden (a baseline is being written of them all).
    hide_all: bool,
    /// Keep the findings shown (other formats, `--statistics`).
    keep: bool,
    /// By event rank, the findings kept, and every finding when `hide_all`.
    pub findings: Vec<(usize, Vec<Finding>)>,
    pub shown: usize,
    pub baselined: usize,
    /// The findings shown, by severity (info, warning, error).
    pub severities: [usize; 3],
}

impl<'k> Recorder<'k> {
    pub fn new(
        deferred: Option<Deferred>,
        known: &'k BTreeSet<String>,
        hide_all: bool,
        keep: bool,
    ) -> Recorder<'k> {
        Recorder {
            deferred,
            known,
            hide_all,
            keep,
            findings: Vec::new(),
            shown: 0,
            baselined: 0,
            severities: [0; 3],
        }
    }

    /// The findings kept, in event order.
    pub fn into_findings(mut self) -> Vec<Finding> {
        self.findings.sort_by_key(|(rank, _)| *rank);
        self.findings.into_iter().flat_map(|(_, f)| f).collect()
    }

    /// The run's counts, as the whole-corpus check counts them.
    pub fn summary(&self, index: &Index, streamed: &Streamed) -> Summary {
        Summary {
            reports: index.places.len(),
            events: index.events.len(),
            claims: streamed.claims,
            findings: self.shown,
            errors: self.severities[2],
            warnings: self.severities[1],
            infos: self.severities[0],
            rejected: index.rejected.len() + streamed.rejected.len(),
            left_out: streamed.left_out,
            events_left_out: streamed.events_left_out,
            baselined: self.baselined,
        }
    }

    /// Whether a finding shown is at or above `threshold`.
    pub fn any_at_least(&self, threshold: Severity) -> bool {
        let from = match threshold {
            Severity::Info => 0,
            Severity::Warning => 1,
            Severity::Error => 2,
        };
        self.severities[from..].iter().any(|&n| n > 0)
    }
}

impl Recorder<'_> {
    /// Whether `finding` is shown (not hidden by a baseline, known or being written).
    fn shows(&self, finding: &Finding) -> bool {
        !self.hide_all && !self.known.contains(&finding.fingerprint)
    }
}

impl Closing for Recorder<'_> {
    fn print_report(
        &self,
        _index: usize,
        report: &Report,
        attributions: usize,
        language: Option<&'static str>,
    ) -> io::Result<Option<Vec<u8>>> {
        let Some(deferred) = &self.deferred else {
            return Ok(None);
        };
        let mut printed = Vec::new();
        let record = Record::Report(render::report_record(report, attributions, language));
        deferred.print(&record, &mut printed)?;
        Ok(Some(printed))
    }

    fn report(&mut self, index: usize, printed: Option<Vec<u8>>) -> io::Result<()> {
        match (&mut self.deferred, printed) {
            (Some(deferred), Some(printed)) => deferred.hold_report(index, &printed),
            _ => Ok(()),
        }
    }

    fn print_event(&self, closed: &Closed<'_>) -> io::Result<Printed> {
        let mut printed = Printed::default();
        let Some(deferred) = &self.deferred else {
            return Ok(printed);
        };
        let left_out = closed.too_large.map(|n| render::too_large(closed.event, n));
        let record = Record::Event(render::check_event_record(
            closed.event,
            closed.attributed.reports,
            left_out,
        ));
        deferred.print(&record, &mut printed.event)?;
        for (claim, comparison) in closed.claims.iter().zip(closed.comparisons) {
            let record = Record::Claim(render::claim_record_of(
                claim,
                comparison,
                closed.attributed,
            ));
            deferred.print(&record, &mut printed.claims)?;
        }
        for finding in closed.findings.iter().filter(|f| self.shows(f)) {
            deferred.print(&Record::Finding(finding), &mut printed.findings)?;
        }
        Ok(printed)
    }

    fn event(&mut self, closed: Closed<'_>, printed: Printed) -> io::Result<()> {
        let Closed {
            rank, mut findings, ..
        } = closed;
        let before = findings.len();
        let all = if self.hide_all {
            std::mem::take(&mut findings)
        } else {
            findings.retain(|f| !self.known.contains(&f.fingerprint));
            Vec::new()
        };
        self.baselined += before - findings.len();
        self.shown += findings.len();
        for f in &findings {
            self.severities[f.severity as usize] += 1;
        }
        if let Some(deferred) = &mut self.deferred {
            deferred.hold_event(rank, Section::Event, &printed.event)?;
            deferred.hold_event(rank, Section::Claims, &printed.claims)?;
            deferred.hold_event(rank, Section::Findings, &printed.findings)?;
        }
        if self.hide_all {
            self.findings.push((rank, all));
        } else if self.keep && !findings.is_empty() {
            self.findings.push((rank, findings));
        }
        Ok(())
    }
}
