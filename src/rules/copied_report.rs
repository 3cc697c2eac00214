//! CC012 copied-report: a report that is a near-verbatim copy of another one of
//! the event, with its edits listed (informational).
//!
//! Reports are compared by shared runs of words (shingles), found through an
//! index rather than by comparing every pair.

use rustc_hash::FxHashMap;
use similar::{Algorithm, DiffTag};

use super::{Context, Rule};
use crate::config::OutletKind;

use crate::finding::{Finding, Location, Severity};

use crate::text::{Span, Wording, fold};

/// Words per shingle: long enough that shared shingles mean shared sentences.
const SHINGLE: usize = 5;
/// A report sharing this share of its shingles with another is a copy of it.
/// (Reports quoting one readout at length share well over half of theirs.)
const COPIED: f64 = 0.8;
/// Edits named in a message.
const EDITS_NAMED: usize = 5;
/// A shingle in more reports than this is boilerplate, not evidence of copying.
const MAX_POSTINGS: usize = 32;

pub(crate) const RULE: Rule = Rule {
    code: "CC012",
    name: "copied-report",
    severity: Severity::Info,
    summary: "a report that is a near-verbatim copy of another, with its edits listed",
    documentation: include_str!("copied_report.md"),
    example: include_str!("copied_report.example.md"),
    check,
};

fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    // Copies are found by shared wording: reports left out of wording
    // comparison (not English) take no part.
    let reports: Vec<usize> = context
        .event
        .reports
        .iter()
        .copied()
        .filter(|&r| context.is_compared(r))
        .collect();
    if reports.len() < 2 {
        return;
    }
    let shingles: Vec<Vec<u64>> = reports
        .iter()
        .map(|&r| shingles_of(&context.words.of(r, &context.reports[r].text)))
        .collect();
    // Every (shingle, report) pair, sorted: the reports sharing a shingle are
    // one run of it. (One sort, where a map of lists would allocate a list
    // for each of the event's shingles.)
    let mut postings: Vec<(u64, usize)> = shingles
        .iter()
        .enumerate()
        .flat_map(|(i, set)| set.iter().map(move |&s| (s, i)))
        .collect();
    postings.sort_unstable();
    let mut shared: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for run in postings
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|run| run.len() > 1 && run.len() <= MAX_POSTINGS)
    {
        for (k, &(_, a)) in run.iter().enumerate() {
            for &(_, b) in &run[k + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<((usize, usize), usize)> = shared.into_iter().collect();
    pairs.sort_unstable();
    for ((a, b), n) in pairs {
        let smaller = shingles[a].len().min(shingles[b].len()).max(1);
        let share = n as f64 / smaller as f64;
        // Quoting a primary source at length is reporting it, not copying a report.
        if share < COPIED || context.is_primary(reports[a]) || context.is_primary(reports[b]) {
            continue;
        }
        let (copy, original) = if is_copy_of(context, reports[b], reports[a]) {
            (b, a)
        } else {
            (a, b)
        };
        let (copy_report, original_report) = (
            &context.reports[reports[copy]],
            &context.reports[reports[original]],
        );
        let edits = edits(
            &context.words.of(reports[original], &original_report.text),
            &original_report.text,
            &context.words.of(reports[copy], &copy_report.text),
            &copy_report.text,
        );
        let named: Vec<String> = edits.iter().take(EDITS_NAMED).cloned().collect();
        let message = format!(
            "a near-verbatim copy of {}'s report ({:.0}% of its runs of words are the same), with {} edit{}{}{}",
            original_report.outlet,
            share * 100.0,
            edits.len(),
            if edits.len() == 1 { "" } else { "s" },
            if named.is_empty() {
                String::new()
            } else {
                format!(": {}", named.join(", "))
            },
            if edits.len() > EDITS_NAMED {
                ", …"
            } else {
                ""
            }
        );
        let primary = Location::new(copy_report, first_sentence(&copy_report.text));
        let related = vec![Location::new(
            original_report,
            first_sentence(&original_report.text),
        )];
        out.push(rule.report_finding(context, message, primary, related));
    }
}

/// The hashes of every run of `SHINGLE` words of a report (folded), sorted,
/// without repeats. A run's hash is made from its words' hashes
/// (`Word::folded_key`): no string per run, as every report of the corpus
/// passes here.
fn shingles_of(words: &Wording) -> Vec<u64> {
    let mut shingles: Vec<u64> = words
        .words
        .windows(SHINGLE)
        .map(|run| {
            let mut bytes = [0u8; SHINGLE * 8];
            for (chunk, word) in bytes.chunks_exact_mut(8).zip(run) {
                chunk.copy_from_slice(&word.folded_key.to_le_bytes());
            }
            xxhash_rust::xxh3::xxh3_64(&bytes)
        })
        .collect();
    shingles.sort_unstable();
    shingles.dedup();
    shingles
}

/// Whether report `a` is the copy of `b`: it credits `b`'s outlet, or `b` is
/// earlier, or `a` comes from an aggregator; else the later one in the corpus.
fn is_copy_of(context: &Context<'_>, a: usize, b: usize) -> bool {
    let credits = |x: usize, y: usize| {
        let outlet = fold(&context.reports[y].outlet);
        context.attributions[x]
            .iter()
            .flat_map(|at| &at.channels)
            .any(|c| fold(&c.text) == outlet)
    };
    let (ra, rb) = (&context.reports[a], &context.reports[b]);
    let aggregator =
        |r: usize| context.outlet_kinds.get(r).copied().flatten() == Some(OutletKind::Aggregator);
    match (credits(a, b), credits(b, a)) {
        (true, false) => return true,
        (false, true) => return false,
        _ => {}
    }
    match (ra.published, rb.published) {
        (Some(x), Some(y)) if x != y => return x > y,
        _ => {}
    }
    match (aggregator(a), aggregator(b)) {
        (true, false) => true,
        (false, true) => false,
        _ => a > b,
    }
}

/// The copy's edits of the original, word by word: `"should" → "must"`.
fn edits(old: &Wording, old_text: &str, new: &Wording, new_text: &str) -> Vec<String> {
    let keys = |w: &Wording| w.words.iter().map(|w| w.folded.clone()).collect::<Vec<_>>();
    let deadline = std::time::Instant::now().checked_add(std::time::Duration::from_millis(200));
    let ops =
        similar::capture_diff_slices_deadline(Algorithm::Myers, &keys(old), &keys(new), deadline);
    let shown = |w: &Wording, text: &str, range: std::ops::Range<usize>| {
        w.bytes(range).map_or("", |r| r.of(text)).to_string()
    };
    ops.iter()
        .filter_map(|op| {
            let (tag, o, n) = op.as_tag_tuple();
            match tag {
                DiffTag::Equal => None,
                DiffTag::Delete => Some(format!("\"{}\" dropped", shown(old, old_text, o))),
                DiffTag::Insert => Some(format!("\"{}\" added", shown(new, new_text, n))),
                DiffTag::Replace => Some(format!(
                    "\"{}\" → \"{}\"",
                    shown(old, old_text, o),
                    shown(new, new_text, n)
                )),
            }
        })
        .collect()
}

fn first_sentence(text: &str) -> Span {
    let doc = crate::text::analyze(text);
    doc.sentences.first().map_or(Span::default(), |s| s.range)
}
