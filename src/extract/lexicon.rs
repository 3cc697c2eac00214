//! The cue lexicon (`data/cues.tsv`): reporting verbs and phrases, their lemma and class.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::attribution::CueClass;
use crate::text::fold;

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The words of this form, folded: `["pointed", "out"]`.
    pub words: Vec<String>,
    pub lemma: String,
    pub class: CueClass,
    pub frame: Frame,
    /// A verb of speech (`say`, `warn`), not of state or judgement (`think`,
    /// `support`): only speech is read for a frame nested inside it.
    pub speech: bool,
    /// What the verb reports when its words follow it.
    pub complement: Complement,
}

impl Entry {
    pub fn takes_addressee(&self) -> bool {
        matches!(self.frame, Frame::Addressee | Frame::AddresseeRequired)
    }

    /// `saying`, `adding`: a cue that borrows its speaker from the clause it hangs on.
    pub fn is_participle(&self) -> bool {
        self.words.first().is_some_and(|w| w.ends_with("ing"))
    }
}

/// How a cue relates to its speaker and the person spoken to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// `X said`, `said X`.
    Verb,
    /// `X urged Y to`, `X warned of`: an addressee may follow.
    Addressee,
    /// `X told Y`: an addressee must follow (`asked for the call` is no speech).
    AddresseeRequired,
    /// `according to X`: the speaker follows the cue.
    According,
}

/// What a cue reports when its words follow it (`data/cues.tsv` says why).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Complement {
    /// What was said, as written after it: `said the talks failed`.
    Said,
    /// Only a clause, a quotation or an infinitive: `added 16 points` is no speech.
    Clause,
    /// A noun phrase names what the words were about: `condemned the bombing`.
    Topic,
    /// Never what was said: `declined to comment`.
    Nothing,
}

/// The lexicon, indexed by the first word of each form.
#[derive(Debug)]
pub struct Lexicon {
    by_first_word: FxHashMap<String, Vec<Entry>>,
}

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../data/cues.tsv")));

/// The compiled-in lexicon.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    /// Parse the TSV format of `data/cues.tsv`. Malformed lines are skipped: the
    /// file is compiled in and checked by a test, not user input.
    pub fn parse(source: &str) -> Lexicon {
        let mut by_first_word: FxHashMap<String, Vec<Entry>> = FxHashMap::default();
        for line in crate::data::lines(source) {
            let fields: Vec<&str> = line.split('\t').collect();
            let [lemma, class, object, complement, forms] = fields[..] else {
                continue;
            };
            let (Some(class), Some(complement)) = (cue_class(class), cue_complement(complement))
            else {
                continue;
            };
            let frame = match object {
                "addressee" => Frame::Addressee,
                "addressee+" => Frame::AddresseeRequired,
                "according" => Frame::According,
                _ => Frame::Verb,
            };
            let speech = object != "state";
            for form in forms.split(',') {
                let words: Vec<String> = form.split_whitespace().map(fold).collect();
                let Some(first) = words.first().cloned() else {
                    continue;
                };
                let entry = Entry {
                    words,
                    lemma: lemma.to_string(),
                    class,
                    frame,
                    speech,
                    complement,
                };
                by_first_word.entry(first).or_default().push(entry);
            }
        }
        // Longest form first, so `pointed out` wins over a shorter `pointed`.
        for entries in by_first_word.values_mut() {
            entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        Lexicon { by_first_word }
    }

    /// The longest entry whose words start `words` (folded tokens).
    pub fn lookup<S: AsRef<str>>(&self, words: &[S]) -> Option<&Entry> {
        self.lookup_with(words.first()?.as_ref(), |k| words.get(k).map(AsRef::as_ref))
    }

    /// The longest entry that starts with `first`, whose `k`th word (counting
    /// `first` as 0) must equal `word(k)`.
    pub fn lookup_with<'w>(
        &self,
        first: &str,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<&Entry> {
        let entries = self.by_first_word.get(first)?;
        entries.iter().find(|e| {
            e.words
                .iter()
                .enumerate()
                .skip(1)
                .all(|(k, f)| word(k) == Some(f.as_str()))
        })
    }

    /// Whether any entry starts with `first`: most words are no cue.
    pub fn starts(&self, first: &str) -> bool {
        self.by_first_word.contains_key(first)
    }

    /// The words some entry starts with (each once).
    pub(crate) fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first_word.keys().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.by_first_word.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_first_word.is_empty()
    }

    /// The distinct lemmas, for documentation and tests.
    pub fn lemmas(&self) -> Vec<&str> {
        let mut lemmas: Vec<&str> = self
            .by_first_word
            .values()
            .flatten()
            .map(|e| e.lemma.as_str())
            .collect();
        lemmas.sort_unstable();
        lemmas.dedup();
        lemmas
    }
}

fn cue_class(name: &str) -> Option<CueClass> {
    Some(match name {
        "neutral" => CueClass::Neutral,
        "hedged" => CueClass::Hedged,
        "emphatic" => CueClass::Emphatic,
        "loaded" => CueClass::Loaded,
        _ => return None,
    })
}

fn cue_complement(name: &str) -> Option<Complement> {
    Some(match name {
        "-" => Complement::Said,
        "clause" => Complement::Clause,
        "topic" => Complement::Topic,
        "none" => Complement::Nothing,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_data_file_is_understood() {
        let source = include_str!("../../data/cues.tsv");
        let lines = crate::data::lines(source);
        let forms: usize = lines
            .map(|l| {
                let fields: Vec<&str> = l.split('\t').collect();
                assert_eq!(fields.len(), 5, "five tab-separated fields: {l:?}");
                assert!(cue_class(fields[1]).is_some(), "known class: {l:?}");
                assert!(
                    cue_complement(fields[3]).is_some(),
                    "known complement: {l:?}"
                );
                fields[4].split(',').count()
            })
            .sum();
        assert_eq!(lexicon().len(), forms);
    }

    #[test]
    fn the_longest_form_wins() {
        let entry = lexicon()
            .lookup(&["pointed", "out", "that"])
            .map(|e| e.lemma.as_str());
        assert_eq!(entry, Some("point out"));
        let said = lexicon()
            .lookup(&["said", "that"])
            .map(|e| (e.lemma.as_str(), e.class));
        assert_eq!(said, Some(("say", CueClass::Neutral)));
        assert_eq!(lexicon().lookup(&["walked", "out"]), None);
    }
}
