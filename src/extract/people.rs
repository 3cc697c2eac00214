//! One name per person within a report: after `Chinese Foreign Minister Wang
//! Yi`, the same report's `Wang`, `the Chinese minister` and `he` are the same
//! person. People are registered from every name in the report, not only from
//! speakers, so `the Secretary` finds `Secretary of State Antony J. Blinken`
//! even where he was only spoken to.

use std::collections::BTreeSet;
use std::hash::{BuildHasher, Hash};
use std::ops::Range;

use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};

use super::attribution::{Excerpt, Speaker, SpeakerClass};
use super::speaker::Described;
use super::vocabulary::{Section, vocabulary};

/// A person named in the report.
#[derive(Debug, Clone)]
struct Known {
    at: usize,
    name: Vec<String>,
    folded_name: Vec<String>,
    role: Option<String>,
    role_words: FxHashSet<String>,
}

impl Known {
    fn canonical(&self) -> String {
        self.name.join(" ")
    }
}

/// The people of one report, in the order they are named.
///
/// Every mention of a long report is looked up here, so the people are
/// indexed by what a mention is matched on (the full name, one word of it, a
/// role word): a lookup reads the few people that may match, not everyone
/// named so far, and resolving stays linear in the length of the report.
#[derive(Debug, Default)]
pub(super) struct People {
    known: Vec<Known>,
    /// How many of `known`, from the first, are in text order (`at` never
    /// decreasing), so that where a mention falls among them is a binary
    /// search. Registration goes in text order; a person first met as a
    /// speaker may be added out of it, and all after such a one are searched
    /// one by one (they are few: each is a name not registered before).
    ordered: usize,
    /// Indices into `known` by the [`key`] of the folded full name, in
    /// increasing order. Keys are hashes, so that indexing copies no string:
    /// whoever is found under one is still matched against the mention.
    by_name: FxHashMap<u64, Vec<usize>>,
    /// Indices into `known` by the key of each folded word of the name, in increasing order.
    by_word: FxHashMap<u64, Vec<usize>>,
    /// Indices into `known` by the key of each role word; a role given later adds to these.
    by_role_word: FxHashMap<u64, BTreeSet<usize>>,
    /// Indices into `known` whose role words may stand for `the leader`.
    leading: BTreeSet<usize>,
    /// The last person credited with speech, for `he said`: a named person,
    /// or a speaker known only by a title (`the minister`).
    last_speaker: Option<Last>,
    /// Someone else named as a sentence's subject after the last speaker
    /// (`Smith welcomed the news.` / `"...," he said`): whom `he` stands for.
    subject: Option<usize>,
    /// The person last named as a sentence's subject, speaker or not: whom
    /// `the 55-year-old` stands for when no one has spoken yet.
    named_subject: Option<usize>,
}

#[derive(Debug, Clone)]
enum Last {
    /// An index into `known`.
    Person(usize),
    Role {
        canonical: String,
        role: Option<String>,
    },
}

/// Head-of-government titles: what `the leader` may stand for.
const LEADERS: [&str; 6] = [
    "president",
    "prime",
    "premier",
    "chancellor",
    "king",
    "emir",
];

fn is_leader_word(w: &str) -> bool {
    w == "leader" || w == "leaders"
}

/// Whether role words (`japanese`, `leader`) fit a person's (`japanese`, `prime`, `minister`).
fn fits(words: &FxHashSet<String>, known: &FxHashSet<String>) -> bool {
    words.iter().all(|w| {
        known.contains(w) || is_leader_word(w) && LEADERS.iter().any(|l| known.contains(*l))
    })
}

/// Whether folded name words are a family name with its particles (`van der
/// merwe`, `de blasio`): particles, then one word. An empty name or a single
/// word is not.
fn family_name(folded: &[String]) -> bool {
    match folded.split_last() {
        Some((_, particles)) if !particles.is_empty() => particles
            .iter()
            .all(|w| vocabulary().is(Section::Particle, w)),
        _ => false,
    }
}

/// What the indices of [`People`] file a name or a word under.
fn key<T: Hash + ?Sized>(value: &T) -> u64 {
    FxBuildHasher.hash_one(value)
}

/// Indices of `sorted` (increasing) within `range`.
fn within(sorted: &[usize], range: Range<usize>) -> impl DoubleEndedIterator<Item = usize> + '_ {
    let from = sorted.partition_point(|&i| i < range.start);
    let to = sorted.partition_point(|&i| i < range.end);
    sorted[from..to.max(from)].iter().copied()
}

impl People {
    /// Register a phrase that names a person (with a full name, or a title and a name).
    pub fn register(&mut self, phrase: &Described) {
        if phrase.class != SpeakerClass::Person || (phrase.name.len() < 2 && phrase.role.is_none())
        {
            return;
        }
        let folded_name: Vec<String> = phrase.name.iter().map(|w| crate::text::fold(w)).collect();
        // A family name with its particles (`Van der Merwe`) after someone named
        // in full with it (`Lwazi van der Merwe`) refers to that person; it is
        // no new full name. (`Du Wei`, `Le Yucheng`, named first, are.)
        if family_name(&folded_name)
            && phrase.role.is_none()
            && self.ends_a_known_name(&folded_name)
        {
            return;
        }
        // `the BBC Lind` after `Maria Lind`: one word of a known name is that person.
        if folded_name.len() == 1 && self.ends_a_known_name(&folded_name) {
            return;
        }
        self.add(Known {
            at: phrase.mention.start,
            name: phrase.name.clone(),
            folded_name,
            role: phrase.role.clone(),
            role_words: phrase.role_words.clone(),
        });
    }

    /// Whether a longer name already known ends with these (folded) words.
    fn ends_a_known_name(&self, words: &[String]) -> bool {
        let Some(last) = words.last() else {
            return false;
        };
        self.by_word
            .get(&key(last.as_str()))
            .into_iter()
            .flatten()
            .any(|&i| {
                let known = &self.known[i].folded_name;
                known.len() > words.len() && known.ends_with(words)
            })
    }

    /// Add a person to `known` and to the indices; gives its index.
    fn add(&mut self, known: Known) -> usize {
        let index = self.known.len();
        if self.ordered == index && self.known.last().is_none_or(|k| k.at <= known.at) {
            self.ordered += 1;
        }
        self.by_name
            .entry(key(&known.folded_name))
            .or_default()
            .push(index);
        for word in &known.folded_name {
            let filed = self.by_word.entry(key(word.as_str())).or_default();
            // A word twice in one name (or two words of one key) is one entry.
            if filed.last() != Some(&index) {
                filed.push(index);
            }
        }
        for word in &known.role_words {
            self.index_role_word(index, word);
        }
        self.known.push(known);
        index
    }

    fn index_role_word(&mut self, index: usize, word: &str) {
        self.by_role_word
            .entry(key(word))
            .or_default()
            .insert(index);
        if is_leader_word(word) || LEADERS.contains(&word) {
            self.leading.insert(index);
        }
    }

    /// The registered person that best fits `matches` among `candidates` (the
    /// indices, in increasing order, within a range, of everyone who may
    /// match): the last one named before `at`, else the first one named after it.
    fn find<I>(
        &self,
        at: usize,
        candidates: impl Fn(Range<usize>) -> I,
        matches: impl Fn(&Known) -> bool,
    ) -> Option<usize>
    where
        I: DoubleEndedIterator<Item = usize>,
    {
        let (ordered, all) = (self.ordered, self.known.len());
        // Those in text order named at or before `at` are `..split`.
        let split = self.known[..ordered].partition_point(|k| k.at <= at);
        let fits = |i: &usize| matches(&self.known[*i]);
        let before = |i: &usize| self.known[*i].at <= at;
        candidates(ordered..all)
            .rev()
            .filter(before)
            .find(fits)
            .or_else(|| candidates(0..split).rev().find(fits))
            .or_else(|| candidates(split..ordered).find(fits))
            .or_else(|| candidates(ordered..all).filter(|i| !before(i)).find(fits))
    }

    /// A person named as the subject of a sentence: if no one else, `he` in
    /// what follows stands for them rather than for the last speaker.
    /// Whether `phrase` names someone known; only after a speaker does it change
    /// whom `he` stands for (with no one credited yet, `he` stays unresolved).
    pub fn note_subject(&mut self, phrase: &Described) -> bool {
        // `The United Arab Emirates opposes ...`: a place named like a person is none.
        let place = phrase.name.iter().any(|w| {
            let w = crate::text::fold(w);
            vocabulary().is_organisation(w.strip_suffix("'s").unwrap_or(&w))
        });
        if phrase.pronoun || phrase.class != SpeakerClass::Person || place {
            return false;
        }
        let Some(found) = self
            .by_full_name(phrase)
            .or_else(|| self.by_name_word(phrase))
        else {
            return false;
        };
        self.named_subject = Some(found);
        let last = match &self.last_speaker {
            Some(Last::Person(i)) => Some(&self.known[*i].folded_name),
            Some(Last::Role { .. }) => None,
            None => return true,
        };
        self.subject = (last != Some(&self.known[found].folded_name)).then_some(found);
        true
    }

    /// Resolve a speaker phrase to one name for this report: the lookups
    /// below, each for one kind of mention, tried in order.
    pub fn resolve(&mut self, phrase: Described) -> Speaker {
        if stands_for_someone(&phrase)
            && let Some(subject) = self.subject
        {
            return self.known_speaker(subject, phrase);
        }
        if let Some(role) = self.pronoun_for_role(&phrase) {
            return role;
        }
        if let Some(index) = self.by_family_name_like_a_title(&phrase) {
            let surname = Described {
                role: None,
                role_words: FxHashSet::default(),
                ..phrase
            };
            return self.known_speaker(index, surname);
        }
        let found = self
            .pronoun_for_person(&phrase)
            .or_else(|| self.by_full_name(&phrase))
            .or_else(|| self.by_name_word(&phrase))
            .or_else(|| self.by_role(&phrase));
        let found = found.or_else(|| self.named_subject.filter(|_| by_age(&phrase.mention.text)));
        match (found, phrase.class) {
            (Some(index), _) => self.known_speaker(index, phrase),
            (None, SpeakerClass::Person) => self.new_speaker(phrase),
            (None, _) => self.unnamed_speaker(phrase),
        }
    }

    /// `he` or `she` after a speaker known only by a title (`the minister`): that title.
    fn pronoun_for_role(&self, phrase: &Described) -> Option<Speaker> {
        let Some(Last::Role { canonical, role }) = &self.last_speaker else {
            return None;
        };
        stands_for_someone(phrase).then(|| Speaker {
            mention: phrase.mention.clone(),
            canonical: canonical.clone(),
            role: role.clone(),
            class: SpeakerClass::Role,
        })
    }

    /// `he` or `she` after a named speaker: the last one named with that
    /// speaker's name.
    fn pronoun_for_person(&self, phrase: &Described) -> Option<usize> {
        let Some(Last::Person(last)) = &self.last_speaker else {
            return None;
        };
        if !stands_for_someone(phrase) {
            return None;
        }
        let last = self.known.get(*last)?;
        self.by_name
            .get(&key(&last.folded_name))?
            .iter()
            .rev()
            .copied()
            .find(|&i| self.known[i].folded_name == last.folded_name)
    }

    /// A name of several words (`Wang Yi`, `Van der Merwe`): the person of
    /// that full name, or named in full with that family name.
    fn by_full_name(&self, phrase: &Described) -> Option<usize> {
        if phrase.pronoun || phrase.class != SpeakerClass::Person || phrase.name.len() < 2 {
            return None;
        }
        let name: Vec<String> = phrase.name.iter().map(|w| crate::text::fold(w)).collect();
        let named = self.by_name.get(&key(&name)).map_or(&[][..], Vec::as_slice);
        let full = self.find(
            phrase.mention.start,
            |r| within(named, r),
            |k| k.folded_name == name,
        );
        // `Van der Merwe` after `Lwazi van der Merwe`: a family name
        // with its particles is a surname of several words.
        let family = || {
            self.find_by_word(phrase.mention.start, name.last()?, |k| {
                k.folded_name.len() > name.len() && k.folded_name.ends_with(&name)
            })
        };
        // A family name (`De Blasio`) is first the person named in full with
        // it (`Bill de Blasio`), even if it was registered as a name itself
        // before that person was named (in a headline).
        if family_name(&name) {
            family().or(full)
        } else {
            full
        }
    }

    /// One name word (`Wang`): the person whose name has it. Initials that
    /// name writes as such (`AMD` in `AMD Opteron`, a product read as a name)
    /// are a body's, not that person's.
    fn by_name_word(&self, phrase: &Described) -> Option<usize> {
        if phrase.pronoun || phrase.class != SpeakerClass::Person || phrase.name.len() != 1 {
            return None;
        }
        let word = crate::text::fold(&phrase.name[0]);
        self.find_by_word(phrase.mention.start, &word, |k| {
            k.folded_name.contains(&word)
                && !crate::text::initials_within(&phrase.name[0], k.name.iter().map(String::as_str))
        })
    }

    /// A title written alone with a capital (`King said`, `Bishop added`)
    /// after someone named in full with it as a family name (`Rosa King`):
    /// that person, not a monarch or a cleric.
    fn by_family_name_like_a_title(&self, phrase: &Described) -> Option<usize> {
        let mention = phrase.mention.text.trim();
        let one_word = !mention.is_empty() && mention.chars().all(char::is_alphabetic);
        if phrase.pronoun
            || phrase.class != SpeakerClass::Role
            || !one_word
            || !mention.starts_with(char::is_uppercase)
        {
            return None;
        }
        let word = crate::text::fold(mention);
        self.find_by_word(phrase.mention.start, &word, |k| {
            k.folded_name.len() > 1 && k.folded_name.last() == Some(&word)
        })
    }

    /// [`People::find`] among those with the (folded) word `word` in their name.
    fn find_by_word(
        &self,
        at: usize,
        word: &str,
        matches: impl Fn(&Known) -> bool,
    ) -> Option<usize> {
        let named = self.by_word.get(&key(word)).map_or(&[][..], Vec::as_slice);
        self.find(at, |r| within(named, r), matches)
    }

    /// A title without a name (`the Chinese minister`, `the Kremlin
    /// spokesman`): the person whose role has its words.
    fn by_role(&self, phrase: &Described) -> Option<usize> {
        let titled = phrase.class == SpeakerClass::Role
            || phrase.class == SpeakerClass::Organisation && phrase.titled;
        if phrase.pronoun || !titled || phrase.role_words.is_empty() || names_several(phrase) {
            return None;
        }
        // Whoever fits has every role word but `leader`, or stands for the
        // leader: the fewest of those are the ones to read.
        let empty = BTreeSet::new();
        let candidates = phrase
            .role_words
            .iter()
            .map(|w| {
                if is_leader_word(w) {
                    &self.leading
                } else {
                    self.by_role_word.get(&key(w.as_str())).unwrap_or(&empty)
                }
            })
            .min_by_key(|c| c.len())
            .unwrap_or(&empty);
        // `the Prime Minister` bare is the report's own: news names a foreign
        // one with the nation (`British Prime Minister Tom Hale`), not its
        // home one (`Prime Minister Ravi Kumar`), whoever was named last.
        let names_a_nation =
            |words: &FxHashSet<String>| words.iter().any(|w| crate::text::names_a_nation(w));
        let home = (!names_a_nation(&phrase.role_words))
            .then(|| {
                self.find(
                    phrase.mention.start,
                    |r| candidates.range(r).copied(),
                    |k| fits(&phrase.role_words, &k.role_words) && !names_a_nation(&k.role_words),
                )
            })
            .flatten();
        home.or_else(|| {
            self.find(
                phrase.mention.start,
                |r| candidates.range(r).copied(),
                |k| fits(&phrase.role_words, &k.role_words),
            )
        })
    }

    /// The speaker a lookup found: a person known by `index`.
    fn known_speaker(&mut self, index: usize, phrase: Described) -> Speaker {
        // `Zhao Lijian, a foreign ministry spokesman`: a role given
        // with a later mention is the person's role from then on.
        if self.known[index].role.is_none() && phrase.role.is_some() {
            self.known[index].role = phrase.role.clone();
            for word in &phrase.role_words {
                if self.known[index].role_words.insert(word.clone()) {
                    self.index_role_word(index, word);
                }
            }
        }
        let known = &self.known[index];
        let role = phrase.role.or_else(|| known.role.clone());
        let canonical = known.canonical();
        self.last_speaker = Some(Last::Person(index));
        self.subject = None;
        Speaker {
            mention: phrase.mention,
            canonical,
            role,
            class: SpeakerClass::Person,
        }
    }

    /// A person no lookup found: known from now on.
    fn new_speaker(&mut self, phrase: Described) -> Speaker {
        let index = self.add(Known {
            at: phrase.mention.start,
            folded_name: phrase.name.iter().map(|w| crate::text::fold(w)).collect(),
            name: phrase.name,
            role: phrase.role.clone(),
            role_words: phrase.role_words,
        });
        self.last_speaker = Some(Last::Person(index));
        self.subject = None;
        Speaker {
            mention: phrase.mention,
            canonical: self.known[index].canonical(),
            role: phrase.role,
            class: SpeakerClass::Person,
        }
    }

    /// A speaker that is no person found or named: a body, an unresolved
    /// pronoun, or a title, which `he` may stand for next.
    fn unnamed_speaker(&mut self, phrase: Described) -> Speaker {
        let canonical = without_determiners(&phrase.mention.text);
        if phrase.class == SpeakerClass::Role && phrase.titled {
            self.subject = None;
            self.last_speaker = Some(Last::Role {
                canonical: canonical.clone(),
                role: phrase.role.clone(),
            });
        }
        Speaker {
            mention: phrase.mention,
            canonical,
            role: phrase.role,
            class: phrase.class,
        }
    }
}

/// Whether a title names several people (`the leaders agreed`, `both
/// ministers said`): its last word a title's plural. No one of them is the
/// speaker.
fn names_several(phrase: &Described) -> bool {
    let last = phrase
        .mention
        .text
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(crate::text::fold)
        .unwrap_or_default();
    last.len() > 3
        && last
            .strip_suffix('s')
            .is_some_and(|one| vocabulary().is_title(one))
}

/// Whether a mention is `he` or `she`: a pronoun that stands for the last speaker.
fn he_or_she(mention: &Excerpt) -> bool {
    matches!(crate::text::fold(&mention.text).as_str(), "he" | "she")
}

/// Whether a phrase stands for someone named before, as `he` or `she` do:
/// those pronouns, and a person given by age (`the 55-year-old`, `the
/// 55 - year - old`).
fn stands_for_someone(phrase: &Described) -> bool {
    phrase.pronoun && he_or_she(&phrase.mention) || by_age(&phrase.mention.text)
}

/// `the 55-year-old`, `the 55 - year - old`: a person given by age alone.
fn by_age(mention: &str) -> bool {
    let folded: String = crate::text::fold(mention)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let rest = folded.strip_prefix("the").unwrap_or(&folded);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && rest[digits..] == *"-year-old"
}

/// A mention in lower case, without its determiners: `the State Department`
/// is `state department`.
fn without_determiners(s: &str) -> String {
    let words = vocabulary();
    s.split_whitespace()
        .filter(|w| !words.is_determiner(&w.to_lowercase()))
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use crate::extract::{SpeakerClass, extract};

    /// Each speaker credited in `text`: the name it goes by, its role, its class.
    fn speakers(text: &str) -> Vec<(String, Option<String>, SpeakerClass)> {
        extract(text)
            .into_iter()
            .filter_map(|a| a.speaker)
            .map(|s| (s.canonical, s.role, s.class))
            .collect()
    }

    fn person(name: &str, role: Option<&str>) -> (String, Option<String>, SpeakerClass) {
        (name.into(), role.map(String::from), SpeakerClass::Person)
    }

    const NAMED: &str = "Chinese Foreign Minister Wang Yi spoke to Blinken on Thursday.";

    #[test]
    fn a_family_name_with_its_particles() {
        assert_eq!(
            speakers("Lwazi van der Merwe opened the bridge. Van der Merwe said it was safe."),
            [person("Lwazi van der Merwe", None)]
        );
    }

    #[test]
    fn one_word_of_a_name_after_a_body_is_the_person_named_before() {
        assert_eq!(
            speakers(
                "Maria Lind said it was over. In an interview with the BBC Lind admitted she had been nervous."
            ),
            [person("Maria Lind", None), person("Maria Lind", None)]
        );
    }

    #[test]
    fn one_word_of_a_name() {
        assert_eq!(
            speakers(&format!("{NAMED} Wang said the talks were useful.")),
            [person("Wang Yi", Some("Chinese Foreign Minister"))]
        );
    }

    #[test]
    fn a_title_without_a_name() {
        assert_eq!(
            speakers(&format!(
                "{NAMED} The Chinese minister said the talks were useful."
            )),
            [person("Wang Yi", Some("Chinese minister"))]
        );
    }

    #[test]
    fn he_after_a_named_speaker() {
        assert_eq!(
            speakers("Wang Yi said the talks were useful. He said more would follow."),
            [person("Wang Yi", None), person("Wang Yi", None)]
        );
    }

    #[test]
    fn he_after_someone_else_named_as_a_subject() {
        assert_eq!(
            speakers(
                "Matt Smith said he was sad. Peter Lind said he was thrilled. Outgoing star Matt Smith walked off the stage. \"I wish him well,\" he said."
            ),
            [
                person("Matt Smith", None),
                person("Peter Lind", None),
                person("Matt Smith", None)
            ]
        );
    }

    #[test]
    fn he_after_a_subject_described_by_a_who_clause() {
        assert_eq!(
            speakers(
                "\"We won,\" Dan Cole said. Tom Berg, who looked as though he was tired, sat down on the bench. \"I felt the pressure,\" he said."
            ),
            [person("Dan Cole", None), person("Tom Berg", None)]
        );
    }

    #[test]
    fn he_after_a_sentence_about_someone_a_who_clause_describes() {
        assert_eq!(
            speakers(
                "Ann Dale announced the new host. The show aired an interview with Tom Berg, who starred in the film. \"She will be great,\" he says."
            ),
            [person("Ann Dale", None), person("Tom Berg", None)]
        );
    }

    #[test]
    fn he_after_a_subject_described_between_dashes() {
        assert_eq!(
            speakers(
                "\"We won,\" Dan Cole said. Tom Berg \u{2013} a fan of the club \u{2013} sat down on the bench. \"I felt the pressure,\" he said."
            ),
            [person("Dan Cole", None), person("Tom Berg", None)]
        );
    }

    #[test]
    fn she_after_a_clause_opened_by_after_is_the_one_it_names() {
        assert_eq!(
            speakers(
                "Maria Lopez said her daughter Ana Ruiz was at the door. After Ana Ruiz was hit, she screamed, \"I cannot feel my legs.\""
            ),
            [person("Maria Lopez", None), person("Ana Ruiz", None)]
        );
    }

    #[test]
    fn a_place_opening_a_sentence_is_no_subject_for_she() {
        assert_eq!(
            speakers(
                "Huda Salem said the talks went well. The United Arab Emirates opposes sanctions, she said."
            ),
            [person("Huda Salem", None), person("Huda Salem", None)]
        );
    }

    #[test]
    fn he_after_a_speaker_known_by_a_title() {
        let minister = (
            "minister".into(),
            Some("minister".into()),
            SpeakerClass::Role,
        );
        assert_eq!(
            speakers("The minister said the talks were useful. He said more would follow."),
            [minister.clone(), minister]
        );
    }

    #[test]
    fn a_person_given_by_age_is_the_one_named_before() {
        assert_eq!(
            speakers(
                "Actor Peter Capaldi was named on Sunday. In a statement, the 55-year-old said he was thrilled. Later the 55 - year - old said the role was a gift."
            ),
            [
                person("Peter Capaldi", Some("55-year-old")),
                person("Peter Capaldi", Some("55 - year - old"))
            ]
        );
    }

    #[test]
    fn he_with_no_speaker_before_is_unresolved() {
        assert_eq!(
            speakers(&format!("{NAMED} He said the talks were useful.")),
            [("he".into(), None, SpeakerClass::Unresolved)]
        );
    }

    #[test]
    fn a_body_goes_by_its_mention_without_determiners() {
        assert_eq!(
            speakers("The State Department said the call was frank."),
            [(
                "state department".into(),
                Some("State Department".into()),
                SpeakerClass::Organisation
            )]
        );
    }
}
