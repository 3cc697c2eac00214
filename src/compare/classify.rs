//! What kind of difference one change between two wordings is.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::LazyLock;

use serde::Serialize;

use crate::text::{Word, equivalent};

/// The kinds of difference, from harmless to meaning-bearing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeClass {
    /// The same words, with other punctuation or case: `Games,` and `games`.
    Punctuation,
    /// Spelling, transliteration or inflection: `criticised`, `criticized`.
    Spelling,
    /// Interchangeable words, the typical translation variant: `legitimate`, `reasonable`.
    Synonym,
    /// Articles, prepositions and the like added or dropped.
    FunctionWord,
    /// The same words in another order.
    Reordered,
    /// Words left out where the rendering shows an ellipsis.
    Elided,
    /// Another way of naming the speaker (`The Secretary`, `Blinken`).
    SpeakerReference,
    /// Words that carry content added.
    Insertion,
    /// Words that carry content dropped.
    Deletion,
    /// Words that carry content replaced by others.
    Substitution,
    /// A negation added, dropped or swapped.
    Negation,
    /// A modal changed: `should`, `must`, `may`.
    Modality,
    /// A number changed.
    Number,
    /// A date or weekday changed.
    Date,
    /// A name changed.
    Name,
}

impl fmt::Display for ChangeClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ChangeClass::Punctuation => "punctuation",
            ChangeClass::Spelling => "spelling",
            ChangeClass::Synonym => "synonym",
            ChangeClass::FunctionWord => "function word",
            ChangeClass::Reordered => "word order",
            ChangeClass::Elided => "elision",
            ChangeClass::SpeakerReference => "speaker reference",
            ChangeClass::Insertion => "insertion",
            ChangeClass::Deletion => "deletion",
            ChangeClass::Substitution => "substitution",
            ChangeClass::Negation => "negation",
            ChangeClass::Modality => "modality",
            ChangeClass::Number => "number",
            ChangeClass::Date => "date",
            ChangeClass::Name => "name",
        })
    }
}

impl ChangeClass {
    /// Whether a change of this class leaves the words a faithful rendering
    /// (a translation variant, not a misquote).
    pub fn is_faithful(self) -> bool {
        matches!(
            self,
            ChangeClass::Punctuation
                | ChangeClass::Spelling
                | ChangeClass::Synonym
                | ChangeClass::FunctionWord
                | ChangeClass::Reordered
                | ChangeClass::Elided
                | ChangeClass::SpeakerReference
        )
    }

    /// Whether a change of this class touches negation, modality, numbers, dates or names.
    pub fn is_meaning_bearing(self) -> bool {
        matches!(
            self,
            ChangeClass::Negation
                | ChangeClass::Modality
                | ChangeClass::Number
                | ChangeClass::Date
                | ChangeClass::Name
        )
    }
}

/// The longest replacement read as one thing put for another (`must` for
/// `should`, `December` for `August`, `the prime minister` for `the president`).
const SHORT: usize = 3;

/// How close two words must be to be one spelling (`Sergey`, `Sergei`).
const SAME_SPELLING: f64 = 0.9;

static MEANING: LazyLock<HashMap<&'static str, HashSet<&'static str>>> = LazyLock::new(|| {
    let mut sections: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (section, word) in crate::data::sections(include_str!("../../data/meaning.txt")) {
        sections.entry(section).or_default().insert(word);
    }
    sections
});

fn in_section(section: &str, word: &Word) -> bool {
    MEANING
        .get(section)
        .is_some_and(|s| s.contains(word.folded.as_ref()))
}

/// Context a classification needs beyond the words themselves.
#[derive(Debug, Clone, Copy, Default)]
pub struct Speakers<'a> {
    /// How the reference names its speaker, folded (`the secretary`).
    pub reference: Option<&'a str>,
    /// How the rendering names the same speaker, folded (`blinken`).
    pub rendering: Option<&'a str>,
}

impl Speakers<'_> {
    /// Whether `old` and `new` are the reference's and the rendering's names
    /// for the speaker (articles aside: `Secretary` for `the Secretary`).
    fn names(&self, old: &str, new: &str) -> bool {
        let bare = |s: &str| s.trim_start_matches("the ").to_string();
        match (self.reference, self.rendering) {
            (Some(r), Some(n)) => bare(r) == bare(old) && bare(n) == bare(new),
            _ => false,
        }
    }
}

fn joined(words: &[&Word]) -> String {
    words
        .iter()
        .map(|w| w.folded.as_ref())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The class of the change from `old` (reference words) to `new` (rendering
/// words); either may be empty.
pub fn classify(old: &[&Word], new: &[&Word], speakers: Speakers<'_>) -> ChangeClass {
    let all = || old.iter().chain(new.iter());
    let differ = |section: &str| {
        let a = old
            .iter()
            .filter(|w| in_section(section, w))
            .map(|w| &w.folded)
            .collect::<HashSet<_>>();
        let b = new
            .iter()
            .filter(|w| in_section(section, w))
            .map(|w| &w.folded)
            .collect::<HashSet<_>>();
        a != b
    };
    // `cannot` and `should not` both negate: what matters is whether one side does.
    let negated = |words: &[&Word]| words.iter().any(|w| in_section("negation", w));
    let (o, n) = (joined(old), joined(new));
    if !old.is_empty() && !new.is_empty() {
        let bare = |s: &str| {
            s.chars()
                .filter(|c| c.is_alphanumeric() || *c == ' ')
                .collect::<String>()
        };
        if bare(&o) == bare(&n) {
            return ChangeClass::Spelling;
        }
        if equivalent(&o, &n) {
            return ChangeClass::Synonym;
        }
        if speakers.names(&o, &n) {
            return ChangeClass::SpeakerReference;
        }
    }
    if negated(old) != negated(new) {
        return ChangeClass::Negation;
    }
    // The other meaning-bearing classes are one thing put for another: an added
    // `could` hedges, an added `on Feb. 4` informs; `must` for `should`,
    // `December` for `August` change what was said.
    // ...and a short thing: a long stretch replaced by another is rewording,
    // whatever names it happens to hold.
    let replaced = !old.is_empty() && !new.is_empty() && old.len() <= SHORT && new.len() <= SHORT;
    let on_both_sides =
        |test: &dyn Fn(&Word) -> bool| old.iter().any(|w| test(w)) && new.iter().any(|w| test(w));
    if replaced && on_both_sides(&|w| in_section("modality", w)) && differ("modality") {
        return ChangeClass::Modality;
    }
    if replaced && on_both_sides(&|w| w.folded.chars().any(|c| c.is_ascii_digit())) {
        return ChangeClass::Number;
    }
    if replaced && on_both_sides(&|w| in_section("dates", w)) {
        return ChangeClass::Date;
    }
    if old.len() == new.len()
        && replaced
        && old.iter().zip(new).all(|(a, b)| {
            a.stem == b.stem || strsim::jaro_winkler(&a.folded, &b.folded) >= SAME_SPELLING
        })
    {
        return ChangeClass::Spelling;
    }
    if replaced && on_both_sides(&|w| w.capitalised && w.content) {
        return ChangeClass::Name;
    }
    match (old.is_empty(), new.is_empty()) {
        _ if all().all(|w| !w.content) => ChangeClass::FunctionWord,
        (true, _) => ChangeClass::Insertion,
        (_, true) => ChangeClass::Deletion,
        _ => ChangeClass::Substitution,
    }
}
