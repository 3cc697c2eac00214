//! What kind of difference one change between two wordings is.

use std::collections::HashSet;
use std::fmt;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::text::{Word, american, equivalent};

/// The kinds of difference, from harmless to meaning-bearing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeClass {
    /// The same words, with other punctuation or case: `Games,` and `games`.
    Punctuation,
    /// Spelling or transliteration: `criticised`, `criticized`; `Sergey`, `Sergei`.
    Spelling,
    /// Another form of the same word: `want` for `wanted`, `concern` for `concerns`.
    Inflection,
    /// Interchangeable words, the typical translation variant: `legitimate`, `reasonable`.
    Synonym,
    /// Words another outlet's translation of the statement also uses: a
    /// translator's choice, when the speaker spoke another language.
    Retranslated,
    /// Articles, prepositions and the like added or dropped.
    FunctionWord,
    /// The same words in another order.
    Reordered,
    /// Words left out where the rendering shows an ellipsis.
    Elided,
    /// Words an editor put in square brackets for the speaker's.
    Bracketed,
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
            ChangeClass::Inflection => "inflection",
            ChangeClass::Synonym => "synonym",
            ChangeClass::Retranslated => "another translation's words",
            ChangeClass::FunctionWord => "function word",
            ChangeClass::Reordered => "word order",
            ChangeClass::Elided => "elision",
            ChangeClass::Bracketed => "editor's brackets",
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
    /// Whether a change of this class leaves the words a faithful rendering.
    /// Punctuation, spelling, an elision, an editor's brackets and another name for the speaker
    /// always do. Interchangeable words, another form of a word, function
    /// words, word order, words left out and another translation's words do
    /// only in translated speech
    /// (`translated`):
    /// independent translators choose them, while an English speaker's
    /// words have one wording, and a quote that changes them is altered.
    pub fn is_faithful(self, translated: bool) -> bool {
        match self {
            ChangeClass::Punctuation
            | ChangeClass::Spelling
            | ChangeClass::Elided
            | ChangeClass::Bracketed
            | ChangeClass::SpeakerReference => true,
            // A translation may leave words out: a variant, not a misquote.
            ChangeClass::Synonym
            | ChangeClass::Inflection
            | ChangeClass::Retranslated
            | ChangeClass::FunctionWord
            | ChangeClass::Reordered
            | ChangeClass::Deletion => translated,
            _ => false,
        }
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

static MEANING: LazyLock<FxHashMap<&'static str, FxHashSet<&'static str>>> =
    LazyLock::new(|| crate::data::by_section(include_str!("../../data/meaning.txt")));

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
        if written_alike(old, new) || is_acronym_of(old, new) || is_acronym_of(new, old) {
            return ChangeClass::Spelling;
        }
        // `Khartoum` for `Sudan`: a capital names its government.
        if equivalent(&o, &n) || crate::text::one_nation(&o, &n) {
            return ChangeClass::Synonym;
        }
        if speakers.names(&o, &n) {
            return ChangeClass::SpeakerReference;
        }
        if let ([a], [b]) = (old, new)
            && (handle_of(a, b) || handle_of(b, a))
        {
            return ChangeClass::Spelling;
        }
    }
    // A negation put in or taken out (`not`, `cannot` for `can`); a clause
    // added that happens to hold one (`and I have no regrets`) adds words,
    // and is judged as such.
    if negated(old) != negated(new) && old.len().max(new.len()) <= SHORT {
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
    if old.len() == new.len() && replaced && old.iter().zip(new).all(|(a, b)| spelled_alike(a, b)) {
        // `wanted` and `want` are one word, but not one wording: a quote
        // that changes the tense or the number changes what was said.
        return if old.iter().zip(new).any(|(a, b)| inflected(a, b)) {
            ChangeClass::Inflection
        } else {
            ChangeClass::Spelling
        };
    }
    // One name put for another; `Mrs` for `Ms` is an honorific, and
    // `Chile's` for `Chile has` keeps the name.
    let named = |w: &&&Word| {
        w.capitalised
            && w.content
            && !in_section("honorifics", w)
            && !crate::extract::is_pronoun(&w.folded)
    };
    let names = |words: &[&Word]| {
        words
            .iter()
            .filter(named)
            .map(|w| w.stem.clone())
            .collect::<HashSet<_>>()
    };
    if replaced && on_both_sides(&|w| named(&&w)) && names(old) != names(new) {
        return ChangeClass::Name;
    }
    match (old.is_empty(), new.is_empty()) {
        _ if all().all(|w| !w.content) => ChangeClass::FunctionWord,
        (true, _) => ChangeClass::Insertion,
        (_, true) => ChangeClass::Deletion,
        _ => ChangeClass::Substitution,
    }
}

/// The same words but for how they are joined or written: `end game` and
/// `endgame`, `tool kits` and `toolkits`, `eleventh` and `11th`, `it's`
/// and `it is`, `did n't` and `did not`, `she's been` and `she has been`.
pub(super) fn written_alike(old: &[&Word], new: &[&Word]) -> bool {
    let bare = |words: &[&Word], auxiliary: bool| {
        let mut out = String::new();
        for w in words {
            let word = crate::data::number_words()
                .get(w.folded.as_ref())
                .copied()
                .unwrap_or(&w.folded);
            out.extend(
                expanded(word, auxiliary)
                    .chars()
                    .filter(|c| c.is_alphanumeric()),
            );
        }
        out
    };
    bare(old, false) == bare(new, false) || bare(old, true) == bare(new, true)
}

/// A contraction written out: `won't` `will not`, `can't` `can not`,
/// `didn't` `did not`, `it's` `it is`, `we'll` `we will`. `'s` and `'d` are
/// also `has` and `had` (`it's been`, `I'd gone`): read so when `auxiliary`.
fn expanded(word: &str, auxiliary: bool) -> std::borrow::Cow<'_, str> {
    const WHOLE: &[(&str, &str)] = &[
        ("won't", "will not"),
        ("can't", "can not"),
        ("cannot", "can not"),
        ("shan't", "shall not"),
    ];
    const ENDINGS: &[(&str, &str)] = &[
        ("n't", " not"),
        ("'s", " is"),
        ("'re", " are"),
        ("'ll", " will"),
        ("'d", " would"),
        ("'m", " am"),
        ("'ve", " have"),
    ];
    const AUXILIARIES: &[(&str, &str)] = &[("'s", " has"), ("'d", " had")];
    // A clitic tokenised apart (`daughter 's`) is folded without its apostrophe.
    const CLITICS: &[(&str, &str)] = &[
        ("s", "'s"),
        ("d", "'d"),
        ("ve", "'ve"),
        ("ll", "'ll"),
        ("m", "'m"),
        ("re", "'re"),
    ];
    let word = CLITICS
        .iter()
        .find(|(bare, _)| *bare == word)
        .map_or(word, |(_, clitic)| *clitic);
    if let Some((_, full)) = WHOLE.iter().find(|(short, _)| *short == word) {
        return std::borrow::Cow::Borrowed(full);
    }
    let auxiliaries = if auxiliary { AUXILIARIES } else { &[] };
    match auxiliaries
        .iter()
        .chain(ENDINGS)
        .find(|(ending, _)| word.ends_with(ending))
    {
        Some((ending, full)) => {
            std::borrow::Cow::Owned(format!("{}{full}", &word[..word.len() - ending.len()]))
        }
        None => std::borrow::Cow::Borrowed(word),
    }
}

/// `UN` for `United Nations`, `EU` for `European Union`: a name's initials.
fn is_acronym_of(short: &[&Word], long: &[&Word]) -> bool {
    let [acronym] = short else {
        return false;
    };
    let letters: String = acronym
        .folded
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let initials: String = long
        .iter()
        .filter(|w| w.capitalised)
        .filter_map(|w| w.folded.chars().next())
        .collect();
    letters.len() >= 2 && long.len() >= 2 && letters == initials
}

/// One word written two ways: a name's transliteration (`Sergey`, `Sergei`),
/// an inflection (the same stem), or British and American spelling
/// (`criticised`, `criticized`). Two different common words that look alike
/// (`sulking`, `skulking`) are not one spelling.
fn spelled_alike(a: &Word, b: &Word) -> bool {
    if a.stem == b.stem || american(&a.folded) == american(&b.folded) {
        return true;
    }
    a.capitalised && b.capitalised && strsim::jaro_winkler(&a.folded, &b.folded) >= SAME_SPELLING
}

/// Whether `handle` is a social-media handle made of the name `name` and
/// letters run on to it without a space (`@SecBlinken`, `@PMOIndia` hold
/// `Blinken`, `India`): one name written two ways. The name must be a
/// capitalised word of four letters or more, and the handle three letters
/// longer (`Johnsons` is a plural).
fn handle_of(handle: &Word, name: &Word) -> bool {
    let (h, n) = (handle.folded.as_ref(), name.folded.as_ref());
    name.capitalised
        && handle.capitalised
        && n.chars().count() >= 4
        && h.len() >= n.len() + 3
        && (h.ends_with(n) || h.starts_with(n))
        && h.chars().all(char::is_alphanumeric)
}

/// Another form of one common word (`want`, `wanted`), not the same word
/// spelled another way (`criticised`, `criticized`) or a name transliterated.
fn inflected(a: &Word, b: &Word) -> bool {
    a.stem == b.stem
        && a.folded != b.folded
        && american(&a.folded) != american(&b.folded)
        && !(a.capitalised && b.capitalised)
}

#[cfg(test)]
mod tests {
    use super::{ChangeClass, Speakers, classify, written_alike};
    use crate::text::Wording;

    fn alike(a: &str, b: &str) -> bool {
        let (a, b) = (Wording::of(a), Wording::of(b));
        let (a, b): (Vec<_>, Vec<_>) = (a.words.iter().collect(), b.words.iter().collect());
        written_alike(&a, &b)
    }

    #[test]
    fn contractions_written_out_are_one_spelling() {
        assert!(alike("did n't", "did not"));
        assert!(alike("it's", "it is"));
        assert!(alike("daughter 's been", "daughter has been"));
        assert!(alike("she'd gone", "she had gone"));
        assert!(alike("I 'm not", "I am not"));
        assert!(alike("we 're ready", "we are ready"));
        assert!(alike("tool kits", "toolkits"));
    }

    fn class(old: &str, new: &str) -> ChangeClass {
        let (a, b) = (Wording::of(old), Wording::of(new));
        let (a, b): (Vec<_>, Vec<_>) = (a.words.iter().collect(), b.words.iter().collect());
        classify(&a, &b, Speakers::default())
    }

    #[test]
    fn a_capital_put_for_its_nation_names_the_same_government() {
        assert_eq!(class("Sudan", "Khartoum"), ChangeClass::Synonym);
        assert_eq!(class("Chinese", "Beijing"), ChangeClass::Synonym);
        assert_eq!(class("@SecBlinken", "Blinken"), ChangeClass::Spelling);
        assert_eq!(class("Sudan", "Chad"), ChangeClass::Name);
        assert_eq!(class("Sudan", "Juba"), ChangeClass::Name);
    }

    #[test]
    fn a_pronoun_opening_a_sentence_is_no_name() {
        assert_eq!(class("Somebody", "Something"), ChangeClass::Substitution);
    }

    #[test]
    fn other_words_are_not() {
        assert!(!alike("daughter 's been", "daughter was been"));
        assert!(!alike("did not", "does not"));
    }
}
