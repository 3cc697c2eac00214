//! The `events` stage: which reports are about the same happening.
//!
//! An explicit `event` key wins; otherwise the folder a report was found in
//! names its event (the corpus convention of a folder per event). The other
//! reports are grouped by the happening they tell: who took part, the act
//! (a call, a meeting, a speech), the day and the place, read from each
//! report's lead in any language ([`happening`], [`names`]). Candidate pairs
//! come from blocking (shared distinctive terms and participants, a
//! publication-date window); two reports in one language are compared by their
//! words, two in different languages by the people they name, and either
//! similarity shrinks when acts or days disagree. Average-link clustering
//! merges groups unless their happenings' keys clearly differ, and says so.
//! `Mode::Auto` ignores keys and folders, so grouping can be measured on
//! labelled data.

mod acts;
mod calendar;
mod candidates;
mod cluster;
mod happening;
mod lead;
mod lexicon;
mod names;
mod places;
mod profile;
mod romanise;

pub use acts::{Act, Mode as ActMode};
pub use calendar::{How as DayFrom, weekday_and_month};
pub use happening::{Apart, WEEKDAYS};

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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub id: String,
    /// Indices into the corpus's reports, in corpus order.
    pub reports: Vec<usize>,
    /// What tied the reports together.
    pub source: Source,
    /// For a grouping found from the text: the terms its reports share most.
    pub terms: Vec<String>,
    /// For a grouping found from the text: the happening its reports tell.
    pub happening: Option<Happening>,
    /// For a grouping found from the text: the events it would have joined
    /// but for a key that differs.
    pub kept_apart: Vec<KeptApart>,
    /// For a grouping found from the text: what was read from each report,
    /// in the order of `reports`.
    pub readings: Vec<Reading>,
}

/// What grouping read from one report's lead: why it is where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    /// ISO 639-1, when it can be told.
    pub language: Option<&'static str>,
    /// Its principal participants, as name keys (consonant skeletons).
    pub who: Vec<String>,
    pub act: Option<Act>,
    pub mode: Option<ActMode>,
    pub day: Option<String>,
    /// How the day was read.
    pub day_from: Option<DayFrom>,
    pub place: Option<&'static str>,
}

/// What the reports of a found event say happened, and how many say it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Happening {
    /// The principal participants, as copy in Latin letters writes them.
    pub who: Vec<String>,
    pub act: Option<Act>,
    pub mode: Option<ActMode>,
    /// The day most reports place it on (`YYYY-MM-DD`).
    pub day: Option<String>,
    pub place: Option<String>,
    /// How many reports name each of the above.
    pub support: Support,
}

/// How many of an event's reports back each key of its happening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Support {
    pub reports: u32,
    pub who: u32,
    pub act: u32,
    pub day: u32,
    pub place: u32,
}

/// A near miss: another event this one would have joined on its words, and
/// the key that keeps them apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeptApart {
    pub event: String,
    pub reason: Apart,
    /// The mean similarity of the two groups when the merge was refused.
    pub similarity: f32,
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
#[derive(Debug, Clone, PartialEq)]
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
    /// Other names of people, (alias, name), as `crosscheck.toml`'s
    /// `[[speakers]]` give them: a report that names someone only by an
    /// alias still tells who took part.
    pub aliases: Vec<(String, String)>,
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
            aliases: Vec::new(),
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
            aliases: defaults.aliases,
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
                happening: None,
                kept_apart: Vec::new(),
                readings: Vec::new(),
            })
            .reports
            .push(i);
    }
    for event in auto(reports, &unkeyed, grouping, &events) {
        events.insert(event.id.clone(), event);
    }
    events.into_values().collect()
}

/// Reports in different languages share no words: their similarity is that of
/// the people they name, scaled to compare with a similarity of words.
const CROSS_LANGUAGE: f32 = 1.6;
/// Two reports that name the same few people are alike, however few: no more
/// alike than this, so an act or a day that differs can still part them.
const CROSS_LANGUAGE_CAP: f32 = 0.8;
/// Two reports in different languages that share fewer than two of their
/// principal participants are no more alike than this: one name in common
/// (a president, in a week of his calls) is weaker evidence than two.
const CROSS_LANGUAGE_ONE_CAP: f32 = 0.7;
/// Each key that two reports in different languages both tell and agree on
/// (act, day, place) raises their cap by this much. Many such pairs reach the
/// cap; those a key bears out merge first, not those first in the corpus.
const CORROBORATED: f32 = 0.02;

/// The similarity of two reports in different languages from the cosine of
/// the names they give, how many principals they share and how many of
/// their keys agree.
fn across_languages(names: f32, shared: usize, agreeing: u32) -> f32 {
    let cap = if shared >= 2 {
        CROSS_LANGUAGE_CAP
    } else {
        CROSS_LANGUAGE_ONE_CAP
    };
    (CROSS_LANGUAGE * names).min(cap + CORROBORATED * agreeing as f32)
}

/// Reports naming years, none of them shared, are likely of different years.
const YEAR_CONFLICT: f32 = 0.5;

/// What grouping reads of each report besides its words.
struct Read {
    /// Kept to show how a found event's leads write its participants: made
    /// again, they cost more time than they take room.
    leads: Vec<lead::Lead>,
    keys: Vec<happening::Keys>,
    cast: names::Cast,
    /// ISO 639-1, when the lead's language can be told.
    languages: Vec<Option<&'static str>>,
}

/// Each report's lead read for its happening: participants, act, day, place.
fn read(members: &[&Report], aliases: &[(String, String)]) -> Read {
    let leads: Vec<lead::Lead> = stats::time("group/leads", || {
        members.par_iter().map(|r| lead::lead(&r.text)).collect()
    });
    let languages: Vec<Option<&'static str>> = stats::time("group/languages", || {
        leads
            .par_iter()
            .map(|l| names::short_code(crate::extract::language(&l.text)))
            .collect()
    });
    let keys = stats::time("group/keys", || {
        leads
            .par_iter()
            .zip(members)
            .map(|(l, r)| happening::read(l, r.published))
            .collect()
    });
    let texts: Vec<&str> = leads
        .iter()
        .map(|l| lexicon::prefix_chars(&l.text, names::NAME_CHARS))
        .collect();
    let cast = stats::time("group/names", || names::cast(&texts, &languages, aliases));
    Read {
        leads,
        keys,
        cast,
        languages,
    }
}

/// Group the reports `chosen` (indices into `reports`) by what they say.
/// Event ids are made unique against `taken` and each other.
fn auto(
    reports: &[Report],
    chosen: &[usize],
    grouping: &Grouping,
    taken: &BTreeMap<String, Event>,
) -> Vec<Event> {
    if chosen.is_empty() {
        return Vec::new();
    }
    let members: Vec<&Report> = chosen.iter().map(|&i| &reports[i]).collect();
    // Each part shows under `group` in `--stats`.
    let read = stats::time("group/happenings", || read(&members, &grouping.aliases));
    let vocabulary = stats::time("group/df", || profile::Vocabulary::new(&members));
    let profiles = stats::time("group/profiles", || {
        profile::profiles(&members, &vocabulary)
    });
    let terms = vocabulary.len();
    // Only the hashes are kept, to find the words of the terms shown.
    let hashes = vocabulary.into_hashes();
    let similarity = |i: usize, j: usize| {
        let same_language = match (read.languages[i], read.languages[j]) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let s = if same_language {
            profile::similarity(&profiles[i], &profiles[j])
        } else {
            let shared_year = profiles[i]
                .years
                .iter()
                .any(|y| profiles[j].years.contains(y));
            let conflict =
                !profiles[i].years.is_empty() && !profiles[j].years.is_empty() && !shared_year;
            let names = profile::sparse_cosine(&read.cast.names[i], &read.cast.names[j]);
            let shared = read.cast.principals[i]
                .iter()
                .filter(|p| read.cast.principals[j].contains(p))
                .count();
            let agreeing = happening::agreeing(&read.keys[i], &read.keys[j]);
            let s = across_languages(names, shared, agreeing);
            if conflict { s * YEAR_CONFLICT } else { s }
        };
        let f = happening::factor(&read.keys[i], &read.keys[j])
            * happening::elsewhere_with_others(
                (&read.keys[i], &read.cast.principals[i]),
                (&read.keys[j], &read.cast.principals[j]),
            );
        s * f
    };
    let pairs = stats::time("group/pairs", || {
        candidates::pairs(
            &profiles,
            terms,
            &read.cast.principals,
            read.cast.keys.len(),
            grouping.window_days,
            MIN_PAIR_SIMILARITY,
            similarity,
        )
    });
    let tallies: Vec<happening::Tally> = read
        .keys
        .par_iter()
        .zip(&read.cast.principals)
        .map(|(k, p)| happening::Tally::of(k, p))
        .collect();
    let clustering = stats::time("group/cluster", || {
        cluster::average_link_keyed(
            &pairs,
            grouping.threshold,
            cluster::Keyed {
                keys: tallies,
                merge: |a: &mut happening::Tally, b| a.merge(b),
                apart: |a: &happening::Tally, b: &happening::Tally| a.apart(b),
            },
        )
    });
    drop(pairs);
    let started = Instant::now();
    let mut events: Vec<Event> = clustering
        .groups
        .par_iter()
        .map(|group| {
            let ids = shared_terms(group, &profiles);
            let wanted: Vec<u64> = ids.iter().map(|&t| hashes[t as usize]).collect();
            let texts = group.iter().map(|&g| members[g as usize].text.as_str());
            let shared: Vec<Readable> = profile::words(texts, &wanted)
                .into_iter()
                .flatten()
                .collect();
            let (told, who) = told(group, &read);
            let first_day = group
                .iter()
                .filter_map(|&g| members[g as usize].published)
                .min();
            let date = told
                .day
                .clone()
                .or(first_day.map(|d| d.to_string()))
                .unwrap_or_else(|| "undated".to_string());
            // Named after its participants where it has any: `2022-02-24-lavrov-wang`.
            let names = shared.iter().filter(|t| t.kind == TermKind::Name);
            let slug: Vec<&str> = if who.is_empty() {
                names
                    .chain(&shared)
                    .map(|t| t.word.as_str())
                    .take(2)
                    .collect()
            } else {
                who.iter().map(String::as_str).take(2).collect()
            };
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
                happening: Some(told),
                kept_apart: Vec::new(),
                readings: group.iter().map(|&g| reading(g as usize, &read)).collect(),
            }
        })
        .collect();
    // An id may collide with a key or another found event: number it apart.
    let mut used: rustc_hash::FxHashSet<String> = taken.keys().cloned().collect();
    for event in &mut events {
        let base = event.id.clone();
        let mut n = 1;
        while used.contains(&event.id) {
            n += 1;
            event.id = format!("{base}-{n}");
        }
        used.insert(event.id.clone());
    }
    for (a, b, why, mean) in clustering.kept_apart {
        let (id_a, id_b) = (events[a].id.clone(), events[b].id.clone());
        events[a].kept_apart.push(KeptApart {
            event: id_b,
            reason: why.clone(),
            similarity: mean,
        });
        events[b].kept_apart.push(KeptApart {
            event: id_a,
            reason: why.flipped(),
            similarity: mean,
        });
    }
    stats::record("group/name", started.elapsed());
    events
}

/// A participant as an id part: the surname folded to ASCII letters (the
/// first word of a surname-first name, `li` of `Li Wei`).
fn slug(name: &str, surname_first: bool) -> String {
    let mut words = name.split_whitespace();
    let word = if surname_first {
        words.next()
    } else {
        words.last()
    };
    romanise::fold(word.unwrap_or(name))
}

/// The happening a group's reports tell, by their votes, and its participants
/// as id parts.
fn told(group: &[u32], read: &Read) -> (Happening, Vec<String>) {
    let mut tally = happening::Tally::default();
    for &g in group {
        let g = g as usize;
        tally.merge(happening::Tally::of(
            &read.keys[g],
            &read.cast.principals[g],
        ));
    }
    let reports = group.len() as u32;
    let count = |f: &dyn Fn(usize) -> bool| group.iter().filter(|&&g| f(g as usize)).count() as u32;
    // The two most named participants, if most reports name them.
    let principals: Vec<NameIdOf> = tally
        .who
        .ranked()
        .into_iter()
        .take(2)
        .filter(|&(_, w)| w >= 0.3 * reports as f32)
        .map(|(id, _)| id)
        .collect();
    // A lead is read again only when the leads before it do not write every
    // principal in Latin letters.
    let written_from = &group[..group.len().min(WRITTEN_FROM)];
    let spelled: Vec<std::cell::OnceCell<names::Spelled>> =
        written_from.iter().map(|_| Default::default()).collect();
    let spelled_in = |k: usize| {
        spelled[k].get_or_init(|| names::Spelled::new(&read.leads[written_from[k] as usize].text))
    };
    let who: Vec<String> = principals
        .iter()
        .map(|&id| {
            let key = &read.cast.keys[id as usize];
            (0..written_from.len())
                .find_map(|k| spelled_in(k).written(key).filter(|w| w.is_ascii()))
                .or_else(|| (0..written_from.len()).find_map(|k| spelled_in(k).written(key)))
                .unwrap_or_else(|| key.clone())
        })
        .collect();
    let act = tally.acts.leader().map(|a| a.0);
    let mode = tally.modes.leader().map(|m| m.0);
    let day = tally.day();
    let place = tally.places.leader().map(|p| p.0);
    let slugs = who
        .iter()
        .zip(&principals)
        .map(|(w, &id)| slug(w, read.cast.keys[id as usize].contains('+')))
        .filter(|w| !w.is_empty())
        .collect();
    let happening = Happening {
        who,
        act,
        mode,
        day: day.and_then(calendar::from_day).map(|d| d.to_string()),
        place: place.map(|p| places::name(p).to_string()),
        support: Support {
            reports,
            who: count(&|g| {
                principals
                    .iter()
                    .all(|p| read.cast.principals[g].contains(p))
                    && !principals.is_empty()
            }),
            act: count(&|g| act.is_some() && read.keys[g].act == act),
            day: count(&|g| {
                let d = read.keys[g].day.day.map(|d| d.0);
                matches!((d, day), (Some(x), Some(y)) if (x - y).abs() <= 1)
            }),
            place: count(&|g| place.is_some() && read.keys[g].place == place),
        },
    };
    (happening, slugs)
}

type NameIdOf = names::NameId;

/// What was read from report `g`.
fn reading(g: usize, read: &Read) -> Reading {
    let keys = &read.keys[g];
    Reading {
        language: read.languages[g],
        who: read.cast.principals[g]
            .iter()
            .map(|&id| read.cast.keys[id as usize].clone())
            .collect(),
        act: keys.act,
        mode: keys.mode,
        day: keys
            .day
            .day
            .and_then(|(d, _)| calendar::from_day(d))
            .map(|d| d.to_string()),
        day_from: keys.day.day.map(|(_, how)| how),
        place: keys.place.map(places::name),
    }
}

/// Leads read again to show how a group's participants are written.
const WRITTEN_FROM: usize = 2;

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
    fn across_languages_two_names_and_agreeing_keys_weigh_most() {
        // The same two principals, nothing else comparable: the cap.
        let two = across_languages(1.0, 2, 0);
        assert_eq!(two, CROSS_LANGUAGE_CAP);
        // One principal in common is weaker, however alike the names.
        assert!(across_languages(1.0, 1, 0) < two);
        // An act and a day that agree put the pair before the bare ones.
        assert!(across_languages(1.0, 2, 2) > two);
        // Below the cap, agreeing keys change nothing.
        assert_eq!(across_languages(0.25, 2, 2), CROSS_LANGUAGE * 0.25);
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
