//! Ids name reports across the whole corpus, so a repeated id is an error:
//! the later report is rejected, pointing at the first. Reading runs in
//! parallel, so this pass runs after it, in corpus order.

use std::collections::HashMap;

use super::position::reject;
use super::{Corpus, Entry, Found};

/// The corpus of `entries`, in their order, each id kept once.
pub(super) fn check(entries: impl IntoIterator<Item = Entry>) -> Corpus {
    // Each id, and the `path:line:column` of its first record.
    let mut first: HashMap<String, String> = HashMap::new();
    let mut corpus = Corpus::default();
    for entry in entries {
        let Found { report, at } = match entry {
            Ok(found) => found,
            Err(rejection) => {
                corpus.rejected.push(rejection);
                continue;
            }
        };
        match first.get(&report.id) {
            Some(place) => {
                let reason = format!("duplicate id {:?} (first seen at {place})", report.id);
                corpus
                    .rejected
                    .push(reject(&report.origin.path, at, reason));
            }
            None => {
                let place = format!("{}:{}:{}", report.origin.path, at.line, at.column);
                first.insert(report.id.clone(), place);
                corpus.reports.push(report);
            }
        }
    }
    corpus
}
