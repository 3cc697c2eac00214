//! One name per person across the reports of an event: `Wang`, `Wang Yi`;
//! `Sergey Lavrov`, `Sergei Lavrov`; and the aliases of `crosscheck.toml`.

use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::config::Config;
use crate::extract::{Speaker, SpeakerClass};
use crate::text::{fold, initials, initials_within};

/// How close two given names must be to be one transliteration (`Sergey`, `Sergei`).
const SAME_GIVEN_NAME: f64 = 0.85;

/// The event-wide name of each person named in an event's reports.
#[derive(Debug, Default)]
pub struct Names {
    by_report_name: HashMap<String, String>,
}

impl Names {
    /// Unify the people among `speakers` (every speaker of one event).
    pub fn new<'s>(speakers: impl Iterator<Item = &'s Speaker>, config: &Config) -> Names {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for s in speakers.filter(|s| s.class == SpeakerClass::Person) {
            let name = configured(config, s).unwrap_or_else(|| s.canonical.clone());
            *counts.entry(name).or_default() += 1;
        }
        // Fuller names first, then the most frequent: they become the event's names.
        let mut names: Vec<(String, usize)> = counts.into_iter().collect();
        names.sort_by(|a, b| {
            let words = |n: &str| {
                n.split(|c: char| !c.is_alphanumeric())
                    .filter(|p| !p.is_empty())
                    .count()
            };
            words(&b.0)
                .cmp(&words(&a.0))
                .then(b.1.cmp(&a.1))
                .then(a.0.cmp(&b.0))
        });
        let mut chosen: Vec<String> = Vec::new();
        let mut by_report_name = HashMap::new();
        for (name, _) in names {
            let event_name = chosen
                .iter()
                .find(|c| same_person(c, &name))
                .cloned()
                .unwrap_or_else(|| {
                    chosen.push(name.clone());
                    name.clone()
                });
            by_report_name.insert(name, event_name);
        }
        Names { by_report_name }
    }

    /// The event-wide name of a person speaker; `None` for anyone else.
    pub fn of(&self, speaker: &Speaker, config: &Config) -> Option<String> {
        if speaker.class != SpeakerClass::Person || is_place(&speaker.canonical) {
            return None;
        }
        let name = configured(config, speaker).unwrap_or_else(|| speaker.canonical.clone());
        Some(self.by_report_name.get(&name).cloned().unwrap_or(name))
    }
}

/// Countries, capitals and bodies named like places (`data/places.txt`).
static PLACES: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    crate::data::lines(include_str!("../../data/places.txt"))
        .map(fold)
        .collect()
});

/// Whether a name is a place that stands for a government (`Kenya`, `Washington`).
pub fn is_place(name: &str) -> bool {
    PLACES.contains(&fold(name))
}

fn configured(config: &Config, speaker: &Speaker) -> Option<String> {
    config
        .speaker_name(&speaker.canonical)
        .or_else(|| config.speaker_name(&speaker.mention.text))
        .map(str::to_string)
}

/// The parts of a name, folded: `Hamad Al-Otaibi` → `hamad`, `al`, `otaibi`.
pub(crate) fn parts(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(fold)
        .collect()
}

/// The last part of a name, folded (empty for none): `Al-Dosari` → `dosari`.
pub(crate) fn surname(name: &str) -> String {
    parts(name).pop().unwrap_or_default()
}

/// `Wang` is `Wang Yi`; `Sergei Lavrov` is `Sergey Lavrov`; `Wang Yi` is not `Wang Wenbin`.
fn same_person(full: &str, other: &str) -> bool {
    // `Al-Otaibi` is the `Otaibi` of `Hamad Al-Otaibi`: compare the parts of names.
    if is_acronym_of(other, full) || is_acronym_of(full, other) {
        return true;
    }
    if initials_within(other, full.split_whitespace())
        || initials_within(full, other.split_whitespace())
    {
        return false;
    }
    let (a, b) = (parts(full), parts(other));
    if b.iter().all(|w| a.contains(w)) || a.iter().all(|w| b.contains(w)) {
        return true;
    }
    match (a.as_slice(), b.as_slice()) {
        ([given_a, .., family_a], [given_b, .., family_b]) if a.len() == b.len() => {
            family_a == family_b && strsim::jaro_winkler(given_a, given_b) >= SAME_GIVEN_NAME
        }
        _ => false,
    }
}

/// `CHP` for `California Highway Patrol`: one word of three to six capitals
/// (two are too often a person's initials), the initials
/// of the capitalised words of the other name (`of`, `and` left out).
fn is_acronym_of(short: &str, long: &str) -> bool {
    let letters: String = long
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect();
    initials(short)
        && (3..=6).contains(&short.trim().chars().count())
        && long.split_whitespace().count() >= 2
        && letters == short.trim()
}

#[cfg(test)]
mod tests {
    use super::same_person;

    #[test]
    fn surnames_and_transliterations_name_one_person() {
        assert!(same_person("Wang Yi", "Wang"));
        assert!(same_person("Hamad Al-Otaibi", "Otaibi"));
        assert!(same_person("Luc Moreau", "Jean-Luc Moreau"));
        assert!(same_person("Sergey Lavrov", "Sergei Lavrov"));
        assert!(!same_person("Wang Yi", "Wang Wenbin"));
        assert!(!same_person("Wang Yi", "Zhao Lijian"));
    }

    #[test]
    fn a_body_and_its_initials_are_one_speaker() {
        assert!(same_person("California Highway Patrol", "CHP"));
        assert!(same_person("NYPD", "New York Police Department"));
        assert!(!same_person("California Highway Patrol", "FBI"));
        assert!(!same_person("Chris Hale", "CH"));
        assert!(!same_person("AMD Opteron", "AMD"));
        assert!(same_person("Ingrid Halvorsen", "HALVORSEN"));
    }
}
