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
use crate::extract::{self, Attribution};
use crate::render::AttributionWriter;
use crate::stats::{self, Volume};

/// How `extract` lists.
#[derive(Debug, Clone, Copy, Default)]
pub struct Listing {
    /// Every quotation, credited to someone or not (`--uncredited`).
    pub uncredited: bool,
}

/// Extract and write every batch of `batches` through `writer`, then finish
/// it. `each_batch` sees every batch as read, before its attributions are
/// written (the command line prints its rejections there).
pub fn extract_batches(
    mut batches: impl Iterator<Item = Corpus>,
    listing: Listing,
    mut writer: AttributionWriter<'_>,
    mut each_batch: impl FnMut(&Corpus) -> io::Result<()>,
) -> io::Result<Volume> {
    let mut read = Volume::default();
    while let Some(batch) = stats::time("read", || batches.next()) {
        each_batch(&batch)?;
        read.reports += batch.reports.len();
        read.bytes += batch.reports.iter().map(|r| r.text.len()).sum::<usize>();
        read.rejected += batch.rejected.len();
        let mut attributions = stats::time("extract", || extract_all(&batch.reports));
        // Only what is credited to someone, unless asked for every quotation.
        if !listing.uncredited {
            for found in &mut attributions {
                found.retain(|a| a.is_credited());
            }
        }
        stats::time("render", || writer.write(&batch.reports, attributions))?;
    }
    stats::time("render", || writer.finish())?;
    Ok(read)
}

/// Extract every report's attributions, in parallel.
pub fn extract_all(reports: &[Report]) -> Vec<Vec<Attribution>> {
    reports
        .par_iter()
        .map(|r| extract::extract(&r.text))
        .collect()
}
