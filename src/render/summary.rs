//! The counts every format ends with: reports, events, claims, findings by
//! severity, rejected inputs, findings hidden by a baseline, and per rule
//! (`--statistics`).

use std::time::Duration;

use serde::Serialize;

use crate::corpus::Report;
use crate::events::Event;
use crate::finding::{RuleCode, RuleName, Severity};
use crate::outcome::{Outcome, attributions_in};
use crate::text::counted;

/// What a run knows beyond what it found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Run {
    /// How long the run took; shown to people, never in machine formats, so
    /// their output is the same from run to run.
    pub elapsed: Option<Duration>,
    /// Findings left out because their fingerprint is in the baseline.
    pub baselined: usize,
}

/// The counts of a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub reports: usize,
    pub events: usize,
    pub claims: usize,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub rejected: usize,
    /// Reports left out of wording comparison (not in English).
    pub left_out: usize,
    /// Events left out of comparison: more attributions than one event may hold.
    pub events_left_out: usize,
    pub baselined: usize,
}

impl Summary {
    pub fn of(outcome: &Outcome, run: &Run) -> Summary {
        let severity = |s: Severity| outcome.findings.iter().filter(|f| f.severity == s).count();
        Summary {
            reports: outcome.reports.len(),
            events: outcome.events.len(),
            claims: outcome.claims.len(),
            findings: outcome.findings.len(),
            errors: severity(Severity::Error),
            warnings: severity(Severity::Warning),
            infos: severity(Severity::Info),
            rejected: outcome.rejected.len(),
            left_out: outcome.left_out().count(),
            events_left_out: outcome.too_large.len(),
            baselined: run.baselined,
        }
    }

    /// `15 reports, 3 events, 25 claims, 6 findings (3 error, 3 warning, 0 info), 0 rejected inputs`,
    /// then the reports left out of wording comparison and the findings a
    /// baseline hid, if any.
    pub fn line(&self) -> String {
        let mut line = format!(
            "{}, {}, {}, {} ({} error, {} warning, {} info), {}",
            counted(self.reports, "report"),
            counted(self.events, "event"),
            counted(self.claims, "claim"),
            counted(self.findings, "finding"),
            self.errors,
            self.warnings,
            self.infos,
            counted(self.rejected, "rejected input"),
        );
        if self.left_out > 0 {
            line.push_str(&format!(
                ", {} left out of wording comparison (not English)",
                counted(self.left_out, "report")
            ));
        }
        if self.events_left_out > 0 {
            line.push_str(&format!(
                ", {} left out of comparison (too many attributions)",
                counted(self.events_left_out, "event")
            ));
        }
        if self.baselined > 0 {
            line.push_str(&format!(", {} hidden by the baseline", self.baselined));
        }
        line
    }
}

/// `in 43 ms`, `in 2.1 s`.
pub fn elapsed(duration: Duration) -> String {
    let ms = duration.as_millis();
    if ms < 1000 {
        format!("in {ms} ms")
    } else {
        format!("in {:.1} s", duration.as_secs_f64())
    }
}

/// One rule's count, for `--statistics`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    pub rule: RuleCode,
    pub name: RuleName,
    pub severity: Severity,
    pub count: usize,
}

/// The rules with findings, most findings first (then by code, so the order is
/// the same from run to run). A rule's severity is that of its findings.
pub fn statistics(outcome: &Outcome) -> Vec<RuleCount> {
    let mut counts: Vec<RuleCount> = Vec::new();
    for finding in &outcome.findings {
        match counts.iter_mut().find(|c| c.rule == finding.rule) {
            Some(count) => count.count += 1,
            None => counts.push(RuleCount {
                rule: finding.rule.clone(),
                name: finding.name.clone(),
                severity: finding.severity,
                count: 1,
            }),
        }
    }
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(&b.rule)));
    counts
}

/// Why event `index` was left out of comparison, if it was: said the same
/// way by every format.
pub fn left_out_event(outcome: &Outcome, index: usize) -> Option<String> {
    outcome.is_too_large(index).then(|| {
        let event = &outcome.events[index];
        too_large(event, attributions_in(event, &outcome.attributions))
    })
}

/// Why an event holding `attributions` attributions was left out of comparison.
pub fn too_large(event: &Event, attributions: usize) -> String {
    format!(
        "left out of comparison: event {} holds {} in {}, more than one event may hold (raise events.max-attributions in crosscheck.toml, or give its reports narrower event keys)",
        event.id,
        counted(attributions, "attribution"),
        counted(event.reports.len(), "report")
    )
}

/// The reports of `event` left out of wording comparison (not English), with
/// their language: every format lists them with their event.
pub fn not_english<'o>(outcome: &'o Outcome, event: &Event) -> Vec<(&'o Report, &'static str)> {
    event
        .reports
        .iter()
        .filter_map(|&r| {
            let language = outcome.languages.get(r).copied().flatten()?;
            let report = outcome.reports.get(r)?;
            (!crate::extract::reads_as_english(Some(language))).then_some((report, language))
        })
        .collect()
}

/// `not English, left out of wording comparison: a (Outlet, fra), b (...)`.
pub fn not_english_line(reports: &[(&Report, &str)]) -> String {
    let listed: Vec<String> = reports
        .iter()
        .map(|(r, language)| format!("{} ({}, {language})", r.id, r.outlet))
        .collect();
    format!(
        "not English, left out of wording comparison: {}",
        listed.join(", ")
    )
}
