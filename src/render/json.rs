//! The JSON document of `check --format json`, and the JSON Lines records of
//! `extract` and `events`. These shapes are a contract: later versions add
//! fields, and change `VERSION` when they change or remove one.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;

use super::summary::{Run, Summary, left_out_event};
use crate::align::{Attributed, Claim, ReferenceChoice};
use crate::compare::{Change, Comparison, Label};
use crate::corpus::{Rejection, Report};
use crate::events::{Event, Happening, KeptApart, Reading, Source};
use crate::extract::{Attribution, Kind};
use crate::finding::{Finding, Location};
use crate::outcome::Outcome;

/// The version of the `check --format json` document.
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize)]
struct Document<'a> {
    version: u32,
    reports: Vec<ReportRecord<'a>>,
    events: Vec<EventRecord<'a>>,
    claims: Vec<ClaimRecord<'a>>,
    findings: &'a [Finding],
    rejected: Vec<RejectionRecord<'a>>,
    summary: Summary,
}

#[derive(Debug, Serialize)]
pub struct ReportRecord<'a> {
    id: &'a str,
    outlet: &'a str,
    published: Option<String>,
    title: Option<&'a str>,
    url: Option<&'a str>,
    event: Option<&'a str>,
    path: &'a str,
    line: u32,
    attributions: usize,
    /// The report's language (ISO 639-3), when it can be told.
    language: Option<&'a str>,
    /// Whether its wording is compared: false for a report not in English.
    compared: bool,
}

/// A report as `index` lists it: what places it in the corpus, in time and
/// in an event.
#[derive(Debug, Serialize)]
pub struct IndexRecord<'a> {
    id: &'a str,
    path: &'a str,
    line: u32,
    published: Option<String>,
    event: Option<&'a str>,
    folder: Option<&'a str>,
}

impl IndexRecord<'_> {
    pub fn of(r: &Report) -> IndexRecord<'_> {
        IndexRecord {
            id: &r.id,
            path: &r.origin.path,
            line: r.origin.line,
            published: r.published.map(|d| d.to_string()),
            event: r.event.as_deref(),
            folder: r.origin.folder.as_deref(),
        }
    }
}

/// One event a line in `events --format jsonl`: the scorer's format.
#[derive(Debug, Serialize)]
pub struct EventRecord<'a> {
    event: &'a str,
    reports: Vec<&'a str>,
    source: Source,
    /// Why `check` did not compare the event, when it did not.
    #[serde(skip_serializing_if = "Option::is_none")]
    left_out: Option<String>,
    /// For an event found from the text: the terms its reports share most.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    terms: &'a [String],
    /// For an event found from the text: who, what, when and where.
    #[serde(skip_serializing_if = "Option::is_none")]
    happening: Option<&'a Happening>,
    /// The near misses kept apart, and the key that differs.
    #[serde(skip_serializing_if = "<[KeptApart]>::is_empty")]
    kept_apart: &'a [KeptApart],
    /// What was read from each report, in the order of `reports`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    readings: Vec<ReadingRecord<'a>>,
    /// `check`: its reports left out of wording comparison (not English).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    not_english: Vec<NotEnglish<'a>>,
}

/// A report of an event that is not in English, and its language (ISO 639-3).
#[derive(Debug, Serialize)]
pub struct NotEnglish<'a> {
    report: &'a str,
    language: &'a str,
}

/// One report's reading, with its id.
#[derive(Debug, Serialize)]
pub struct ReadingRecord<'a> {
    report: &'a str,
    #[serde(flatten)]
    reading: &'a Reading,
}

#[derive(Debug, Serialize)]
pub struct ClaimRecord<'a> {
    id: &'a str,
    event: &'a str,
    reference: usize,
    reference_is: ReferenceChoice,
    renderings: Vec<RenderingRecord<'a>>,
    variants: Vec<VariantRecord>,
}

#[derive(Debug, Serialize)]
struct RenderingRecord<'a> {
    #[serde(flatten)]
    location: Location,
    kind: Kind,
    speaker: Option<&'a str>,
    label: Label,
    similarity: f64,
    changes: &'a [Change],
}

#[derive(Debug, Serialize)]
struct VariantRecord {
    wording: String,
    outlets: Vec<String>,
    renderings: Vec<usize>,
    label: Label,
}

#[derive(Debug, Serialize)]
pub struct RejectionRecord<'a> {
    #[serde(flatten)]
    rejection: &'a Rejection,
    message: String,
}

/// One attribution a line in `extract --format jsonl`: the scorer's format.
#[derive(Debug, Serialize)]
pub struct AttributionRecord<'a> {
    pub report: &'a str,
    pub outlet: &'a str,
    #[serde(flatten)]
    pub attribution: &'a Attribution,
}

/// An event as `check` writes it: `left_out` says why it was not compared.
pub fn check_event_record<'a>(
    event: &'a Event,
    reports: &'a [Report],
    left_out: Option<String>,
) -> EventRecord<'a> {
    EventRecord {
        left_out,
        ..event_record(event, reports)
    }
}

pub fn event_record<'a>(event: &'a Event, reports: &'a [Report]) -> EventRecord<'a> {
    EventRecord {
        event: &event.id,
        reports: event
            .reports
            .iter()
            .map(|&r| reports[r].id.as_str())
            .collect(),
        source: event.source,
        left_out: None,
        terms: &event.terms,
        happening: event.happening.as_ref(),
        kept_apart: &event.kept_apart,
        readings: event
            .readings
            .iter()
            .zip(&event.reports)
            .map(|(reading, &r)| ReadingRecord {
                report: &reports[r].id,
                reading,
            })
            .collect(),
        not_english: Vec::new(),
    }
}

/// Every event of a run, with why it was left out of comparison if it was.
pub fn check_event_records(outcome: &Outcome) -> impl Iterator<Item = EventRecord<'_>> {
    outcome.events.iter().enumerate().map(|(i, e)| EventRecord {
        left_out: left_out_event(outcome, i),
        not_english: super::summary::not_english(outcome, e)
            .into_iter()
            .map(|(r, language)| NotEnglish {
                report: &r.id,
                language,
            })
            .collect(),
        ..event_record(e, &outcome.reports)
    })
}

pub fn claim_record<'a>(outcome: &'a Outcome, index: usize) -> ClaimRecord<'a> {
    let attributed = Attributed {
        reports: &outcome.reports,
        attributions: &outcome.attributions,
    };
    claim_record_of(
        &outcome.claims[index],
        &outcome.comparisons[index],
        attributed,
    )
}

/// A claim as written, with its comparison, read in the reports it renders.
pub fn claim_record_of<'a>(
    claim: &'a Claim,
    comparison: &'a Comparison,
    attributed: Attributed<'a>,
) -> ClaimRecord<'a> {
    let renderings = claim
        .renderings
        .iter()
        .zip(&comparison.diffs)
        .map(|(r, diff)| {
            let report = &attributed.reports[r.report];
            RenderingRecord {
                location: Location::new(report, r.extent()),
                kind: attributed.attributions[r.report][r.attribution].kind,
                speaker: r.speaker.as_deref(),
                label: diff.label,
                similarity: (diff.similarity * 1000.0).round() / 1000.0,
                changes: &diff.changes,
            }
        })
        .collect();
    let variants = comparison
        .variants
        .iter()
        .map(|v| VariantRecord {
            wording: v.wording.clone(),
            outlets: v
                .renderings
                .iter()
                .map(|&i| {
                    attributed.reports[claim.renderings[i].report]
                        .outlet
                        .clone()
                })
                .collect(),
            renderings: v.renderings.clone(),
            label: v.label,
        })
        .collect();
    ClaimRecord {
        id: &claim.id,
        event: &claim.event,
        reference: claim.reference,
        reference_is: claim.reference_is,
        renderings,
        variants,
    }
}

/// Every report of a run, with how many attributions it has.
pub fn report_records(outcome: &Outcome) -> impl Iterator<Item = ReportRecord<'_>> {
    outcome
        .reports
        .iter()
        .zip(&outcome.attributions)
        .zip(&outcome.languages)
        .map(|((r, a), &language)| report_record(r, a.len(), language))
}

/// A report as written: with how many attributions it has, in what language.
pub fn report_record<'a>(
    r: &'a Report,
    attributions: usize,
    language: Option<&'a str>,
) -> ReportRecord<'a> {
    ReportRecord {
        id: &r.id,
        outlet: &r.outlet,
        published: r.published.map(|d| d.to_string()),
        title: r.title.as_deref(),
        url: r.url.as_deref(),
        event: r.event.as_deref(),
        path: &r.origin.path,
        line: r.origin.line,
        attributions,
        language,
        compared: crate::extract::reads_as_english(language),
    }
}

/// Every rejected input of a run, with its message.
pub fn rejection_records(outcome: &Outcome) -> impl Iterator<Item = RejectionRecord<'_>> {
    outcome.rejected.iter().map(rejection_record)
}

pub fn rejection_record(r: &Rejection) -> RejectionRecord<'_> {
    RejectionRecord {
        rejection: r,
        message: r.to_string(),
    }
}

/// Write the versioned document of a whole run.
pub fn write_check(outcome: &Outcome, run: &Run, out: &mut dyn Write) -> io::Result<()> {
    let document = Document {
        version: VERSION,
        reports: report_records(outcome).collect(),
        events: check_event_records(outcome).collect(),
        claims: (0..outcome.claims.len())
            .map(|i| claim_record(outcome, i))
            .collect(),
        findings: &outcome.findings,
        rejected: rejection_records(outcome).collect(),
        summary: Summary::of(outcome, run),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

/// Write one JSON value a line.
pub fn write_lines<T: Serialize + Sync>(
    records: impl Iterator<Item = T>,
    out: &mut dyn Write,
) -> io::Result<()> {
    // Printed a few thousand at a time on every core, written in order: a
    // run's output is hundreds of MB at 100k reports, and one core printing
    // it left the other idle for seconds.
    const AT_ONCE: usize = 4096;
    let mut batch: Vec<T> = Vec::with_capacity(AT_ONCE);
    for record in records {
        batch.push(record);
        if batch.len() == AT_ONCE {
            write_printed(&batch, out)?;
            batch.clear();
        }
    }
    write_printed(&batch, out)
}

/// Print `records` in parallel, one a line, and write them in order.
fn write_printed<T: Serialize + Sync>(records: &[T], out: &mut dyn Write) -> io::Result<()> {
    let printed: Vec<io::Result<Vec<u8>>> = records
        .par_chunks(256)
        .map(|part| {
            let mut text = Vec::new();
            print_lines(part, &mut text)?;
            Ok(text)
        })
        .collect();
    for text in printed {
        out.write_all(&text?)?;
    }
    Ok(())
}

/// Print `records` into `text`, one a line, on this thread.
pub(super) fn print_lines<T: Serialize>(
    records: impl IntoIterator<Item = T>,
    text: &mut Vec<u8>,
) -> io::Result<()> {
    for record in records {
        serde_json::to_writer(&mut *text, &record)?;
        text.push(b'\n');
    }
    Ok(())
}

/// Write one pretty JSON array.
pub fn write_array<T: Serialize>(
    records: impl Iterator<Item = T>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let records: Vec<T> = records.collect();
    serde_json::to_writer_pretty(&mut *out, &records)?;
    writeln!(out)
}
