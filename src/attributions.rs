//! What `crosscheck extract` runs: the corpus read batch after batch, each
//! batch's reports extracted in parallel and written in corpus order, then
//! dropped before the next batch is read.
//!
//! Listing attributions needs nothing across reports, so memory stays that of
//! one batch however large the corpus: across batches only the ids seen (the
//! duplicate check) and, for a table, its rows are kept.

use std::io;

use crate::check::extract_all;
use crate::corpus::Corpus;
use crate::extract::TooLong;
use crate::report::AttributionWriter;
use crate::stats;

/// How `extract` lists.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Every quotation, credited to someone or not (`--uncredited`).
    pub uncredited: bool,
}

/// How much a run read: reports and their text, inputs rejected, and
/// reports extraction skipped (for the command line to say).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Read {
    pub reports: usize,
    /// Bytes of report text.
    pub bytes: usize,
    pub rejected: usize,
    pub skipped: Vec<TooLong>,
}

/// Extract and write every batch of `batches` through `writer`, then finish
/// it. `each_batch` sees every batch as read, before its attributions are
/// written (the command line prints its rejections there).
pub fn extract_batches(
    mut batches: impl Iterator<Item = Corpus>,
    options: Options,
    mut writer: AttributionWriter<'_>,
    mut each_batch: impl FnMut(&Corpus) -> io::Result<()>,
) -> io::Result<Read> {
    let mut read = Read::default();
    while let Some(batch) = stats::time("read", || batches.next()) {
        each_batch(&batch)?;
        read.reports += batch.reports.len();
        read.bytes += batch.reports.iter().map(|r| r.text.len()).sum::<usize>();
        read.rejected += batch.rejected.len();
        let (mut attributions, skipped) = stats::time("extract", || extract_all(&batch.reports));
        read.skipped.extend(skipped);
        // Only what is credited to someone, unless asked for every quotation.
        if !options.uncredited {
            for found in &mut attributions {
                found.retain(|a| a.is_credited());
            }
        }
        stats::time("render", || writer.write(&batch.reports, attributions))?;
    }
    stats::time("render", || writer.finish())?;
    Ok(read)
}
