//! `check --format jsonl`: the JSON document's records one a line, each tagged
//! with a `type` as ripgrep's JSON output is, so a consumer can stream them and
//! pick what it wants (`jq 'select(.type == "finding")'`): every `report`,
//! `event`, `claim`, `finding` and `rejected` input, then one `summary`.

use std::io::{self, Write};

use serde::Serialize;

use super::json::{self, ClaimRecord, EventRecord, RejectionRecord, ReportRecord, VERSION};
use super::summary::{Run, Summary};
use crate::finding::Finding;
use crate::outcome::Outcome;

/// One line, and what it holds (an element of the JSON document's arrays).
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Record<'a> {
    Report(ReportRecord<'a>),
    Event(EventRecord<'a>),
    Claim(ClaimRecord<'a>),
    Finding(&'a Finding),
    Rejected(RejectionRecord<'a>),
    Summary(Versioned),
    /// `index`'s line for a report.
    #[serde(rename = "report")]
    Indexed(json::IndexRecord<'a>),
}

impl Record<'_> {
    /// What it holds, as the JSON document prints it (pretty, untagged).
    pub fn pretty_inner(&self) -> serde_json::Result<Vec<u8>> {
        match self {
            Record::Report(r) => serde_json::to_vec_pretty(r),
            Record::Event(r) => serde_json::to_vec_pretty(r),
            Record::Claim(r) => serde_json::to_vec_pretty(r),
            Record::Finding(r) => serde_json::to_vec_pretty(r),
            Record::Rejected(r) => serde_json::to_vec_pretty(r),
            Record::Summary(r) => serde_json::to_vec_pretty(&r.summary),
            Record::Indexed(r) => serde_json::to_vec_pretty(r),
        }
    }
}

/// The last line: the counts, and the version of the records' shapes.
#[derive(Debug, Serialize)]
pub struct Versioned {
    version: u32,
    #[serde(flatten)]
    summary: Summary,
}

impl Versioned {
    pub fn of(summary: Summary) -> Versioned {
        Versioned {
            version: VERSION,
            summary,
        }
    }
}

pub fn write_check(outcome: &Outcome, run: &Run, out: &mut dyn Write) -> io::Result<()> {
    let records = json::report_records(outcome)
        .map(Record::Report)
        .chain(json::check_event_records(outcome).map(Record::Event))
        .chain((0..outcome.claims.len()).map(|i| Record::Claim(json::claim_record(outcome, i))))
        .chain(outcome.findings.iter().map(Record::Finding))
        .chain(json::rejection_records(outcome).map(Record::Rejected))
        .chain(std::iter::once(Record::Summary(Versioned {
            version: VERSION,
            summary: Summary::of(outcome, run),
        })));
    json::write_lines(records, out)
}
