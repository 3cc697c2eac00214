//! The word lists of `data/speakers.txt`: titles, bodies, function words, times.
//!
//! Every word of the file is stored once with the set of sections it is listed
//! in, so one hash lookup per token answers every question the frame parser asks.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// The sections of `data/speakers.txt`, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sections(u32);

/// The section names, in bit order.
const SECTIONS: [&str; 20] = [
    "titles",
    "bodies",
    "auxiliaries",
    "organisations",
    "audiences",
    "pronouns",
    "relatives",
    "determiners",
    "adverbs",
    "prepositions",
    "openers",
    "nouns",
    "months",
    "weekdays",
    "times",
    "notices",
    "particles",
    "captions",
    "links",
    "family-names",
];

/// One section of the data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// `minister`, `spokesman`: split from a name as its role.
    Title,
    /// `ministry`, `campaign`, `report`: a speaker that is no person.
    Body,
    /// `has`, `would`, `didn't`: part of the cue when before it.
    Auxiliary,
    /// `china`, `reuters`: a name that names no person.
    Organisation,
    /// `reporters`, `him`: spoken to.
    Audience,
    /// `he`, `they`.
    Pronoun,
    /// `who`, `which`.
    Relative,
    /// `the`, `his`, `many`, `two`.
    Determiner,
    /// `also`, `repeatedly`.
    Adverb,
    /// `of`, `for`, `at`.
    Preposition,
    /// `and`, `but`, `that`, `while`: a new clause may start after them.
    Opener,
    /// `report`, `remarks`: a cue form that is as often a noun.
    Noun,
    Month,
    Weekday,
    /// `Thursday`, `last`, `week`: a time after a cue.
    Time,
    /// `Update`, `Photo`: a label before a colon, not a speaker.
    Notice,
    /// `van`, `der`, `bin`: a word inside a name, often in lower case
    /// (`Lwazi van der Merwe`, `Ursula von der Leyen`).
    Particle,
    /// `Photo`, `Image`: credits a picture (`AP Photo/...`, `Photo: AFP`).
    Caption,
    /// `Read more`, `Related`: labels a line that links to another story.
    Link,
    /// `king`, `bishop`: a title that is also a family name (`Rosa King`).
    FamilyName,
}

impl Sections {
    pub fn has(self, section: Section) -> bool {
        self.0 & (1 << section as u32) != 0
    }
}

/// Every word of the data file, folded to lower case, with its sections.
#[derive(Debug, Default)]
pub struct Vocabulary {
    words: FxHashMap<String, Sections>,
}

static VOCABULARY: LazyLock<Vocabulary> =
    LazyLock::new(|| Vocabulary::parse(include_str!("../../data/speakers.txt")));

pub fn vocabulary() -> &'static Vocabulary {
    &VOCABULARY
}

impl Vocabulary {
    /// Parse the data file. An unknown section is a mistake in the compiled-in
    /// file, caught by the test below; its words are ignored.
    pub fn parse(source: &str) -> Vocabulary {
        let mut words: FxHashMap<String, Sections> = FxHashMap::default();
        for (name, word) in crate::data::sections(source) {
            if let Some(section) = SECTIONS.iter().position(|s| *s == name) {
                words.entry(crate::text::fold(word)).or_default().0 |= 1 << section;
            }
        }
        Vocabulary { words }
    }

    /// Every listed word with its sections.
    pub(crate) fn listed(&self) -> impl Iterator<Item = (&str, Sections)> {
        self.words
            .iter()
            .map(|(word, &sections)| (word.as_str(), sections))
    }

    /// The sections a folded word is listed in.
    pub fn sections(&self, folded: &str) -> Sections {
        self.words.get(folded).copied().unwrap_or_default()
    }

    pub fn is(&self, section: Section, folded: &str) -> bool {
        self.sections(folded).has(section)
    }

    pub fn is_title(&self, folded: &str) -> bool {
        self.is(Section::Title, folded)
    }

    pub fn is_body(&self, folded: &str) -> bool {
        self.is(Section::Body, folded)
    }

    pub fn is_organisation(&self, folded: &str) -> bool {
        self.is(Section::Organisation, folded)
    }

    pub fn is_pronoun(&self, folded: &str) -> bool {
        self.is(Section::Pronoun, folded)
    }

    pub fn is_determiner(&self, folded: &str) -> bool {
        self.is(Section::Determiner, folded)
    }
}

#[cfg(test)]
mod tests {
    use super::{Section, vocabulary};

    #[test]
    fn every_section_of_the_data_file_is_known() {
        for name in crate::data::section_names(include_str!("../../data/speakers.txt")) {
            assert!(super::SECTIONS.contains(&name), "unknown section [{name}]");
        }
        let sections = [
            Section::Title,
            Section::Body,
            Section::Auxiliary,
            Section::Organisation,
            Section::Audience,
            Section::Pronoun,
            Section::Relative,
            Section::Determiner,
            Section::Adverb,
            Section::Preposition,
            Section::Opener,
            Section::Noun,
            Section::Month,
            Section::Weekday,
            Section::Time,
            Section::Notice,
            Section::Particle,
            Section::Caption,
            Section::Link,
            Section::FamilyName,
        ];
        for (bit, section) in sections.into_iter().enumerate() {
            assert_eq!(section as usize, bit);
        }
    }

    #[test]
    fn sections_are_read() {
        let v = vocabulary();
        assert!(v.is_title("spokesperson"));
        assert!(v.is_body("ministry"));
        assert!(v.is(Section::Auxiliary, "has"));
        assert!(v.is_organisation("xinhua"));
        assert!(v.is_pronoun("he"));
        assert!(v.is(Section::Adverb, "also"));
        assert!(v.is(Section::Weekday, "thursday"));
        assert!(v.is(Section::Noun, "remarks"));
        assert!(v.is(Section::Particle, "der"));
        assert!(!v.is_title("wang"));
    }
}
