//! Ids name reports across the whole corpus, so a repeated id is an error:
//! the later report is rejected, pointing at the first. Reading runs in
//! parallel, so this pass runs after it, in corpus order; read batch after
//! batch, it keeps every id seen (never a text) from one batch to the next.

use std::collections::HashMap;

use super::position::reject;
use super::{Corpus, Entry, Found, Position};

/// The ids seen so far, each with where its first record starts.
#[derive(Debug, Default)]
pub(super) struct Ids {
    first: HashMap<Box<str>, Place>,
    /// The paths of the places, each once: a JSON Lines file of a million
    /// reports names its path once, not a million times.
    paths: Vec<String>,
}

/// Where a record starts: an index into `Ids::paths`, and the position.
#[derive(Debug, Clone, Copy)]
struct Place {
    path: u32,
    at: Position,
}

impl Ids {
    /// The reports of `entries`, in their order, each id kept once (also
    /// against every earlier batch), and the rejections among them.
    pub(super) fn admit(&mut self, entries: impl IntoIterator<Item = Entry>) -> Corpus {
        self.admit_with(entries.into_iter().map(|e| (e, ()))).0
    }

    /// `admit`, each entry with something of its own (its place) that is
    /// kept for the reports admitted, in their order.
    pub(super) fn admit_with<T>(
        &mut self,
        entries: impl IntoIterator<Item = (Entry, T)>,
    ) -> (Corpus, Vec<T>) {
        let mut corpus = Corpus::default();
        let mut kept = Vec::new();
        for (entry, own) in entries {
            let Found { report, at } = match entry {
                Ok(found) => found,
                Err(rejection) => {
                    corpus.rejected.push(rejection);
                    continue;
                }
            };
            match self.first.get(report.id.as_str()) {
                Some(&place) => {
                    let reason = format!(
                        "duplicate id {:?} (first seen at {})",
                        report.id,
                        self.show(place)
                    );
                    corpus
                        .rejected
                        .push(reject(&report.origin.path, at, reason));
                }
                None => {
                    let place = Place {
                        path: self.path_index(&report.origin.path),
                        at,
                    };
                    self.first.insert(report.id.as_str().into(), place);
                    corpus.reports.push(report);
                    kept.push(own);
                }
            }
        }
        (corpus, kept)
    }

    /// The index of `path`; reports come file after file, so a new path is
    /// one not seen last.
    fn path_index(&mut self, path: &str) -> u32 {
        if self.paths.last().is_none_or(|last| last != path) {
            self.paths.push(path.to_owned());
        }
        u32::try_from(self.paths.len() - 1).unwrap_or(u32::MAX)
    }

    /// `path:line:column`.
    fn show(&self, place: Place) -> String {
        let path = self
            .paths
            .get(place.path as usize)
            .map_or("", String::as_str);
        format!("{path}:{}:{}", place.at.line, place.at.column)
    }
}

/// The corpus of `entries`, in their order, each id kept once.
pub(super) fn check(entries: impl IntoIterator<Item = Entry>) -> Corpus {
    Ids::default().admit(entries)
}
