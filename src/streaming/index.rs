//! The first pass: each report's place, day and event, a few dozen bytes a
//! report, never its text. Events come from keys and event folders; the
//! reports that have neither are grouped from their text here, as
//! `events::group` groups them (only they are held, with their text).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::corpus::{Batches, Place, Rejection, Report};
use crate::events::{self, Event, Grouping, Source};
use crate::stats::{self, Volume};

/// A report's day as the check counts days: days since 1970-01-01.
pub type Day = i32;

/// The day of an undated report.
pub const UNDATED: Day = Day::MIN;

/// What the first pass keeps.
#[derive(Debug, Default)]
pub struct Index {
    /// Per report, in corpus order: where it is.
    pub places: Vec<Place>,
    /// Per report: its day, `UNDATED` if it has none.
    pub days: Vec<Day>,
    /// The events, sorted by id (as `events::group` sorts them); each
    /// event's reports are indices into `places`, in corpus order.
    pub events: Vec<Event>,
    pub rejected: Vec<Rejection>,
    pub volume: Volume,
}

/// Read every batch, keeping each report's place, day and event. What was
/// read from `own` (crosscheck's own files, canonical paths: its output, its
/// baseline) is left out. `each_batch` is told how many reports were read.
pub fn index(
    mut batches: Batches,
    grouping: &Grouping,
    own: &[PathBuf],
    mut each_batch: impl FnMut(usize),
) -> Index {
    let mut own = Own {
        files: own,
        last: None,
    };
    let mut index = Index::default();
    // Events by id, each with its source and reports, as keys are met.
    let mut keyed: BTreeMap<String, (Source, Vec<usize>)> = BTreeMap::new();
    let mut unkeyed: Vec<(usize, Report)> = Vec::new();
    while let Some((batch, places)) = stats::time("read", || batches.next_placed()) {
        index
            .rejected
            .extend(batch.rejected.into_iter().filter(|r| !own.is(&r.path)));
        for (report, place) in batch.reports.into_iter().zip(places) {
            if own.is(&report.origin.path) {
                continue;
            }
            let i = index.places.len();
            index.places.push(place);
            index
                .days
                .push(report.published.map_or(UNDATED, crate::foreign::day_number));
            index.volume.reports += 1;
            index.volume.bytes += report.text.len();
            let key = match (grouping.mode, &report.event, &report.origin.folder) {
                (events::Mode::Keys, Some(key), _) => Some((key, Source::Key)),
                (events::Mode::Keys, None, Some(folder)) => Some((folder, Source::Folder)),
                _ => None,
            };
            match key {
                Some((id, source)) => match keyed.get_mut(id.as_str()) {
                    Some((_, reports)) => reports.push(i),
                    None => {
                        keyed.insert(id.clone(), (source, vec![i]));
                    }
                },
                None => unkeyed.push((i, report)),
            }
        }
        each_batch(index.places.len());
    }
    index.volume.rejected = index.rejected.len();
    index.events = stats::time("group", || with_found(keyed, unkeyed, grouping));
    index
}

/// The keyed events with those `events::group` finds for the reports
/// without a key, numbered apart from the keys as it numbers them: it is
/// given one stand-in report per key (keys decide ids, never texts).
fn with_found(
    keyed: BTreeMap<String, (Source, Vec<usize>)>,
    unkeyed: Vec<(usize, Report)>,
    grouping: &Grouping,
) -> Vec<Event> {
    let mut events: Vec<Event> = keyed
        .into_iter()
        .map(|(id, (source, reports))| Event {
            id,
            reports,
            source,
            terms: Vec::new(),
            happening: None,
            kept_apart: Vec::new(),
            readings: Vec::new(),
        })
        .collect();
    if unkeyed.is_empty() {
        return events;
    }
    let stand_ins = events.len();
    let mut reports: Vec<Report> = events
        .iter()
        .map(|e| {
            let mut stand_in = Report {
                id: e.id.clone(),
                outlet: String::new(),
                published: None,
                title: None,
                url: None,
                event: None,
                text: String::new(),
                origin: Default::default(),
            };
            match e.source {
                Source::Folder => stand_in.origin.folder = Some(e.id.clone()),
                _ => stand_in.event = Some(e.id.clone()),
            }
            stand_in
        })
        .collect();
    let (indices, texts): (Vec<usize>, Vec<Report>) = unkeyed.into_iter().unzip();
    reports.extend(texts);
    let found = events::group(&reports, grouping);
    drop(reports);
    for event in found.into_iter().filter(|e| e.source == Source::Auto) {
        events.push(Event {
            reports: event
                .reports
                .iter()
                .map(|&r| indices[r - stand_ins])
                .collect(),
            ..event
        });
    }
    events.sort_by(|a, b| a.id.cmp(&b.id));
    events
}

/// Tells crosscheck's own files (its output, its baseline) among the paths
/// reports are read from, asking the file system once for each path in a row.
#[derive(Debug)]
struct Own<'a> {
    files: &'a [PathBuf],
    last: Option<(String, bool)>,
}

impl Own<'_> {
    fn is(&mut self, shown: &str) -> bool {
        if self.files.is_empty() {
            return false;
        }
        if let Some((path, own)) = &self.last
            && path == shown
        {
            return *own;
        }
        let own = std::fs::canonicalize(Path::new(shown)).is_ok_and(|p| self.files.contains(&p));
        self.last = Some((shown.to_owned(), own));
        own
    }
}
