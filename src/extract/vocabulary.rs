//! The word lists of `data/speakers.txt`: titles, bodies, pronouns, adverbs.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// The sections of the data file a word belongs to, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Sections(u16);

/// The sections of `data/speakers.txt`; a word's bit `n` says it is listed in `SECTIONS[n]`.
const SECTIONS: [&str; 11] = [
    "titles",
    "bodies",
    "auxiliaries",
    "organisations",
    "audiences",
    "pronouns",
    "determiners",
    "adverbs",
    "months",
    "weekdays",
    "tail",
];
const TITLES: usize = 0;
const BODIES: usize = 1;
const AUXILIARIES: usize = 2;
const ORGANISATIONS: usize = 3;
const AUDIENCES: usize = 4;
const PRONOUNS: usize = 5;
const DETERMINERS: usize = 6;
const ADVERBS: usize = 7;
const MONTHS: usize = 8;
const WEEKDAYS: usize = 9;
const TAIL: usize = 10;

/// Every word of the data file, folded to lower case, with its sections: one
/// hash lookup answers every question about a word.
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
                words.entry(word.to_lowercase()).or_default().0 |= 1 << section;
            }
        }
        Vocabulary { words }
    }

    /// Whether `folded` is listed in section `section` (an index into `SECTIONS`).
    fn has(&self, section: usize, folded: &str) -> bool {
        self.words
            .get(folded)
            .is_some_and(|s| s.0 & (1 << section) != 0)
    }

    pub fn is_title(&self, folded: &str) -> bool {
        self.has(TITLES, folded)
    }

    pub fn is_body(&self, folded: &str) -> bool {
        self.has(BODIES, folded)
    }

    pub fn is_auxiliary(&self, folded: &str) -> bool {
        self.has(AUXILIARIES, folded)
    }

    pub fn is_organisation(&self, folded: &str) -> bool {
        self.has(ORGANISATIONS, folded)
    }

    pub fn is_audience(&self, folded: &str) -> bool {
        self.has(AUDIENCES, folded)
    }

    pub fn is_pronoun(&self, folded: &str) -> bool {
        self.has(PRONOUNS, folded)
    }

    pub fn is_determiner(&self, folded: &str) -> bool {
        self.has(DETERMINERS, folded)
    }

    pub fn is_adverb(&self, folded: &str) -> bool {
        self.has(ADVERBS, folded)
    }

    pub fn is_month(&self, folded: &str) -> bool {
        self.has(MONTHS, folded)
    }

    pub fn is_weekday(&self, folded: &str) -> bool {
        self.has(WEEKDAYS, folded)
    }

    pub fn opens_tail(&self, folded: &str) -> bool {
        self.has(TAIL, folded)
    }
}

#[cfg(test)]
mod tests {
    use super::vocabulary;

    #[test]
    fn every_section_of_the_data_file_is_known() {
        for name in crate::data::section_names(include_str!("../../data/speakers.txt")) {
            assert!(super::SECTIONS.contains(&name), "unknown section [{name}]");
        }
    }

    #[test]
    fn sections_are_read() {
        let v = vocabulary();
        assert!(v.is_title("spokesperson"));
        assert!(v.is_body("ministry"));
        assert!(v.is_auxiliary("has"));
        assert!(v.is_organisation("xinhua"));
        assert!(v.is_pronoun("he"));
        assert!(v.is_adverb("also"));
        assert!(v.is_weekday("thursday"));
        assert!(!v.is_title("wang"));
    }
}
