//! Baselines: the findings a team has seen and accepted, so CI fails only on
//! new ones. A baseline is a JSON file listing fingerprints, with enough
//! beside each (rule, event, report, words) for a person to review it in a
//! pull request. Any document with `findings[].fingerprint` reads as one,
//! `check --format json` output included.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crosscheck::finding::Finding;

const VERSION: u32 = 1;

/// A baseline as read back: only the fingerprints matter.
#[derive(Debug, Deserialize)]
struct Baseline {
    findings: Vec<Fingerprinted>,
}

#[derive(Debug, Deserialize)]
struct Fingerprinted {
    fingerprint: String,
}

/// What is written.
#[derive(Debug, Serialize)]
struct Written<'a> {
    version: u32,
    findings: Vec<Entry<'a>>,
}

#[derive(Debug, Serialize)]
struct Entry<'a> {
    fingerprint: &'a str,
    rule: &'a str,
    event: &'a str,
    report: &'a str,
    text: &'a str,
}

/// The fingerprints in the baseline at `path`; the error says where it is wrong.
pub fn read(path: &Path) -> Result<BTreeSet<String>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
    let baseline: Baseline = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}:{}:{}: not a baseline: {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })?;
    Ok(baseline
        .findings
        .into_iter()
        .map(|f| f.fingerprint)
        .collect())
}

/// Write the baseline of `findings`, one entry per fingerprint, in a stable order.
pub fn write(findings: &[Finding], out: &mut dyn Write) -> io::Result<()> {
    let mut entries: Vec<Entry<'_>> = findings
        .iter()
        .map(|f| Entry {
            fingerprint: &f.fingerprint,
            rule: f.rule.as_str(),
            event: &f.event,
            report: &f.primary.report,
            text: &f.primary.text,
        })
        .collect();
    entries.sort_by(|a, b| {
        (a.rule, a.event, a.report, a.fingerprint).cmp(&(b.rule, b.event, b.report, b.fingerprint))
    });
    entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
    serde_json::to_writer_pretty(
        &mut *out,
        &Written {
            version: VERSION,
            findings: entries,
        },
    )?;
    writeln!(out)
}
