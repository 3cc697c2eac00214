//! The `events` stage: which reports are about the same happening.
//!
//! An explicit `event` key wins; otherwise the folder a report was found in
//! names its event (the corpus convention of a folder per event). Reports with
//! neither form one event. Grouping reports without either is its own stage of
//! work (blocking and clustering), not done here yet.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::corpus::Report;

/// The event of reports that carry no key and sit in no event folder.
pub const UNGROUPED: &str = "ungrouped";

/// A group of reports about one happening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub id: String,
    /// Indices into the corpus's reports, in corpus order.
    pub reports: Vec<usize>,
    /// What tied the reports together.
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// The reports' `event` field.
    Key,
    /// The folder the reports were found in.
    Folder,
    /// Neither: everything else.
    Ungrouped,
}

/// Group `reports` into events, sorted by event id: the entry point of the stage.
pub fn group(reports: &[Report]) -> Vec<Event> {
    let mut events: BTreeMap<String, Event> = BTreeMap::new();
    for (i, report) in reports.iter().enumerate() {
        let (id, source) = match (&report.event, &report.origin.folder) {
            (Some(key), _) => (key.clone(), Source::Key),
            (None, Some(folder)) => (folder.clone(), Source::Folder),
            (None, None) => (UNGROUPED.to_string(), Source::Ungrouped),
        };
        events
            .entry(id.clone())
            .or_insert_with(|| Event {
                id,
                reports: Vec::new(),
                source,
            })
            .reports
            .push(i);
    }
    events.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Origin;

    fn report(id: &str, event: Option<&str>, folder: Option<&str>) -> Report {
        Report {
            id: id.to_string(),
            outlet: "Outlet".to_string(),
            published: None,
            title: None,
            url: None,
            event: event.map(str::to_string),
            text: "Text.".to_string(),
            origin: Origin {
                folder: folder.map(str::to_string),
                ..Origin::default()
            },
        }
    }

    #[test]
    fn the_key_wins_over_the_folder_and_the_rest_is_ungrouped() {
        let reports = [
            report("a", Some("call"), Some("folder")),
            report("b", None, Some("folder")),
            report("c", None, None),
            report("d", Some("call"), None),
        ];
        let events: Vec<(String, Vec<usize>, Source)> = group(&reports)
            .into_iter()
            .map(|e| (e.id, e.reports, e.source))
            .collect();
        assert_eq!(
            events,
            [
                ("call".to_string(), vec![0, 3], Source::Key),
                ("folder".to_string(), vec![1], Source::Folder),
                (UNGROUPED.to_string(), vec![2], Source::Ungrouped),
            ]
        );
    }
}
