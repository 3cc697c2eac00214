//! The `events` stage: which reports are about the same happening.
//!
//! An explicit `event` key wins; otherwise the folder a report was found in
//! names its event (the corpus convention of a folder per event). The other
//! reports are grouped by what they say: candidate pairs come from blocking
//! (shared distinctive terms, a publication-date window), similarity weighs
//! names, numbers and dates over topic words, and average-link clustering keeps
//! near-miss events apart. `Mode::Auto` ignores keys and folders, so grouping
//! can be measured on labelled data.

mod candidates;
mod cluster;
mod profile;

use std::collections::BTreeMap;
use std::time::Instant;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::config::{EventSettings, EventsMode};
use crate::corpus::Report;
use crate::stats;
use profile::{Profile, Readable, TermId, TermKind};

/// A group of reports about one happening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub id: String,
    /// Indices into the corpus's reports, in corpus order.
    pub reports: Vec<usize>,
    /// What tied the reports together.
    pub source: Source,
    /// For a grouping found from the text: the terms its reports share most.
    pub terms: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// The reports' `event` field.
    Key,
    /// The folder the reports were found in.
    Folder,
    /// Found from what the reports say.
    Auto,
}

/// How reports are grouped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Grouping {
    pub mode: Mode,
    /// Dated reports further apart than this many days are never one event.
    pub window_days: Option<u32>,
    /// The mean similarity at which two groups of reports become one event.
    pub threshold: f32,
    /// An event holding more attributions than this is not compared (its
    /// claims are not aligned and no rule reads it): aligning an event costs
    /// the square of its attributions, and a run must end. The run says which
    /// events it left out (`Check::too_large`).
    pub max_attributions: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Keys and event folders win; only the other reports are grouped from their text.
    Keys,
    /// Every report is grouped from its text.
    Auto,
}

/// News about one happening runs for a few days; a call a month later is another event.
pub const DEFAULT_WINDOW_DAYS: u32 = 3;
/// Tuned on the ECB+ topics we measure with; see the README's "Events" section.
pub const DEFAULT_THRESHOLD: f32 = 0.2;
/// An event of a few hundred reports holds some thousands of attributions.
/// One of 2,000 synthetic reports (8,800 attributions) takes ten seconds on
/// one core, and the time grows with the square: more than this is an event
/// key given too widely, or a data dump rather than a report.
pub const DEFAULT_MAX_ATTRIBUTIONS: usize = 10_000;
/// Pairs less similar than this are not worth keeping for clustering.
const MIN_PAIR_SIMILARITY: f32 = 0.02;
/// Terms named in an event's table row.
const TERMS_SHOWN: usize = 6;

impl Default for Grouping {
    fn default() -> Grouping {
        Grouping {
            mode: Mode::Keys,
            window_days: Some(DEFAULT_WINDOW_DAYS),
            threshold: DEFAULT_THRESHOLD,
            max_attributions: DEFAULT_MAX_ATTRIBUTIONS,
        }
    }
}

impl Grouping {
    /// The defaults with the settings of `crosscheck.toml`'s `[events]` applied.
    pub fn configured(settings: &EventSettings) -> Grouping {
        let defaults = Grouping::default();
        Grouping {
            mode: match settings.mode {
                Some(EventsMode::Keys) => Mode::Keys,
                Some(EventsMode::Auto) => Mode::Auto,
                None => defaults.mode,
            },
            window_days: settings.window_days.or(defaults.window_days),
            threshold: settings.threshold.unwrap_or(defaults.threshold),
            max_attributions: settings
                .max_attributions
                .unwrap_or(defaults.max_attributions),
        }
    }
}

/// Group `reports` into events, sorted by event id: the entry point of the stage.
pub fn group(reports: &[Report], grouping: &Grouping) -> Vec<Event> {
    let mut events: BTreeMap<String, Event> = BTreeMap::new();
    let mut unkeyed: Vec<usize> = Vec::new();
    for (i, report) in reports.iter().enumerate() {
        let (id, source) = match (grouping.mode, &report.event, &report.origin.folder) {
            (Mode::Keys, Some(key), _) => (key.clone(), Source::Key),
            (Mode::Keys, None, Some(folder)) => (folder.clone(), Source::Folder),
            _ => {
                unkeyed.push(i);
                continue;
            }
        };
        events
            .entry(id.clone())
            .or_insert_with(|| Event {
                id,
                reports: Vec::new(),
                source,
                terms: Vec::new(),
            })
            .reports
            .push(i);
    }
    for mut event in auto(reports, &unkeyed, grouping) {
        // An id may collide with a key or another found event: number it apart.
        let base = event.id.clone();
        let mut n = 1;
        while events.contains_key(&event.id) {
            n += 1;
            event.id = format!("{base}-{n}");
        }
        events.insert(event.id.clone(), event);
    }
    events.into_values().collect()
}

/// Group the reports `chosen` (indices into `reports`) by what they say.
fn auto(reports: &[Report], chosen: &[usize], grouping: &Grouping) -> Vec<Event> {
    if chosen.is_empty() {
        return Vec::new();
    }
    let members: Vec<&Report> = chosen.iter().map(|&i| &reports[i]).collect();
    // Each part shows under `group` in `--stats`.
    let vocabulary = stats::time("group/df", || profile::Vocabulary::new(&members));
    let profiles = stats::time("group/profiles", || {
        profile::profiles(&members, &vocabulary)
    });
    let terms = vocabulary.len();
    // Only the hashes are kept, to find the words of the terms shown.
    let hashes = vocabulary.into_hashes();
    let pairs = stats::time("group/pairs", || {
        candidates::pairs(&profiles, terms, grouping.window_days, MIN_PAIR_SIMILARITY)
    });
    let clusters = stats::time("group/cluster", || {
        cluster::average_link(profiles.len(), &pairs, grouping.threshold)
    });
    drop(pairs);
    let started = Instant::now();
    let events = clusters
        .into_par_iter()
        .map(|group| {
            let ids = shared_terms(&group, &profiles);
            let wanted: Vec<u64> = ids.iter().map(|&t| hashes[t as usize]).collect();
            let texts = group.iter().map(|&g| members[g as usize].text.as_str());
            let shared: Vec<Readable> = profile::words(texts, &wanted)
                .into_iter()
                .flatten()
                .collect();
            let first_day = group
                .iter()
                .filter_map(|&g| members[g as usize].published)
                .min();
            let date = first_day.map_or("undated".to_string(), |d| d.to_string());
            // Named after its participants where it has any: `2022-02-24-lavrov-wang`.
            let names = shared.iter().filter(|t| t.kind == TermKind::Name);
            let slug: Vec<&str> = names
                .chain(&shared)
                .map(|t| t.word.as_str())
                .take(2)
                .collect();
            let terms: Vec<String> = shared.iter().map(|t| t.word.clone()).collect();
            let id = if slug.is_empty() {
                date
            } else {
                format!("{date}-{}", slug.join("-"))
            };
            Event {
                id,
                reports: group.iter().map(|&g| chosen[g as usize]).collect(),
                source: Source::Auto,
                terms,
            }
        })
        .collect();
    stats::record("group/name", started.elapsed());
    events
}

/// The terms that tie a group together: most weight summed over its reports,
/// counting only terms at least two of them share (all, for a single report).
fn shared_terms(group: &[u32], profiles: &[Profile]) -> Vec<TermId> {
    let mut weight: FxHashMap<TermId, (f32, usize)> = FxHashMap::default();
    for &g in group {
        for &(term, w) in profiles[g as usize].terms.iter() {
            let entry = weight.entry(term).or_default();
            entry.0 += w;
            entry.1 += 1;
        }
    }
    let needed = if group.len() > 1 { 2 } else { 1 };
    let mut ranked: Vec<(TermId, f32)> = weight
        .into_iter()
        .filter(|(_, (_, n))| *n >= needed)
        .map(|(t, (w, _))| (t, w))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .map(|(t, _)| t)
        .take(TERMS_SHOWN)
        .collect()
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
    fn the_key_wins_over_the_folder_and_the_rest_is_grouped_from_the_text() {
        let reports = [
            report("a", Some("call"), Some("folder")),
            report("b", None, Some("folder")),
            report("c", None, None),
            report("d", Some("call"), None),
        ];
        let events: Vec<(String, Vec<usize>, Source)> = group(&reports, &Grouping::default())
            .into_iter()
            .map(|e| (e.id, e.reports, e.source))
            .collect();
        assert_eq!(
            events,
            [
                ("call".to_string(), vec![0, 3], Source::Key),
                ("folder".to_string(), vec![1], Source::Folder),
                ("undated".to_string(), vec![2], Source::Auto),
            ]
        );
    }

    #[test]
    fn auto_ignores_keys_and_folders() {
        let reports = [
            report("a", Some("call"), Some("folder")),
            report("b", None, Some("folder")),
        ];
        let grouping = Grouping {
            mode: Mode::Auto,
            ..Grouping::default()
        };
        let sources: Vec<Source> = group(&reports, &grouping)
            .into_iter()
            .map(|e| e.source)
            .collect();
        assert_eq!(sources, [Source::Auto, Source::Auto]);
    }

    #[test]
    fn the_configured_settings_replace_the_defaults_they_name() {
        let settings = EventSettings {
            mode: Some(EventsMode::Auto),
            window_days: Some(5),
            threshold: Some(0.3),
            max_attributions: None,
        };
        assert_eq!(
            Grouping::configured(&settings),
            Grouping {
                mode: Mode::Auto,
                window_days: Some(5),
                threshold: 0.3,
                ..Grouping::default()
            }
        );
        assert_eq!(
            Grouping::configured(&EventSettings::default()),
            Grouping::default()
        );
    }
}
