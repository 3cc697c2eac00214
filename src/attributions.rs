//! What `crosscheck extract` runs: the corpus read batch after batch, each
//! batch's reports extracted in parallel and written in corpus order, then
//! dropped before the next batch is read.
//!
//! Listing attributions needs nothing across reports, so memory stays that of
//! one batch however large the corpus: across batches only the ids seen (the
//! duplicate check) and, for a table, its rows are kept.

use std::io;

use rayon::prelude::*;

use crate::corpus::{Corpus, Report};
use crate::extract::{self, Attribution, TooLong};
use crate::render::AttributionWriter;
use crate::stats::{self, Volume};

/// How `extract` lists.
#[derive(Debug, Clone, Copy, Default)]
pub struct Listing {
    /// Every quotation, credited to someone or not (`--uncredited`).
    pub uncredited: bool,
}

/// What `extract` read, and the reports it skipped as too long to index
/// (for the command line to say: the library prints nothing).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listed {
    pub volume: Volume,
    pub skipped: Vec<TooLong>,
}

/// Extract and write every batch of `batches` through `writer`, then finish
/// it. `each_batch` sees every batch as read, before its attributions are
/// written (the command line prints its rejections there).
pub fn extract_batches(
    mut batches: impl Iterator<Item = Corpus>,
    listing: Listing,
    mut writer: AttributionWriter<'_>,
    mut each_batch: impl FnMut(&Corpus) -> io::Result<()>,
) -> io::Result<Listed> {
    let mut listed = Listed::default();
    while let Some(batch) = stats::time("read", || batches.next()) {
        each_batch(&batch)?;
        let read = &mut listed.volume;
        read.reports += batch.reports.len();
        read.bytes += batch.reports.iter().map(|r| r.text.len()).sum::<usize>();
        read.rejected += batch.rejected.len();
        let (mut attributions, skipped) = stats::time("extract", || extract_all(&batch.reports));
        listed.skipped.extend(skipped);
        // Only what is credited to someone, unless asked for every quotation.
        if !listing.uncredited {
            for found in &mut attributions {
                found.retain(|a| a.is_credited());
            }
        }
        stats::time("render", || writer.write(&batch.reports, attributions))?;
    }
    stats::time("render", || writer.finish())?;
    Ok(listed)
}

/// Extract every report's attributions, in parallel, with the reports
/// skipped as too long to index (each has no attributions).
pub fn extract_all(reports: &[Report]) -> (Vec<Vec<Attribution>>, Vec<TooLong>) {
    let found: Vec<_> = reports
        .par_iter()
        .map(|r| extract::extract_as(&r.text, extract::is_english(&r.text)))
        .collect();
    extract::set_aside_skipped(found)
}
