//! The words of a rendering in comparison form: what align and compare count in.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use super::fold;

/// One word of a rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the report's text.
    pub range: Range<usize>,
    /// Lower case, apostrophes folded: what "the same word" means.
    pub folded: String,
    /// The Snowball stem of the folded word: what "the same content" means
    /// when matching a paraphrase (`seriously`, `seriousness`).
    pub stem: String,
    /// Not a stop word: the words that say what a statement is about.
    pub content: bool,
    /// Written with a capital letter: a name, or the first word of a sentence.
    pub capitalised: bool,
}

/// The words of some pieces of a report's text, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wording {
    pub words: Vec<Word>,
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

static STOP_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    stop_words::get(stop_words::Language::English)
        .iter()
        .copied()
        .collect()
});

impl Wording {
    /// The words of `text` inside `pieces` (byte ranges).
    pub fn new(text: &str, pieces: &[Range<usize>]) -> Wording {
        let mut words = Vec::new();
        for piece in pieces {
            let Some(slice) = text.get(piece.clone()) else {
                continue;
            };
            for (offset, word) in slice.unicode_word_indices() {
                let start = piece.start + offset;
                let folded = fold(word);
                let bare = folded.strip_suffix("'s").unwrap_or(&folded);
                let stem = STEMMER.stem(bare).into_owned();
                let content = !STOP_WORDS.contains(bare);
                let capitalised = word.chars().next().is_some_and(char::is_uppercase);
                words.push(Word {
                    range: start..start + word.len(),
                    folded,
                    stem,
                    content,
                    capitalised,
                });
            }
        }
        Wording { words }
    }

    /// The words of all of `text`.
    pub fn of(text: &str) -> Wording {
        Wording::new(text, std::slice::from_ref(&(0..text.len())))
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn content_len(&self) -> usize {
        self.words.iter().filter(|w| w.content).count()
    }

    /// Byte range from word `range.start` to the end of word `range.end - 1`.
    pub fn bytes(&self, range: Range<usize>) -> Option<Range<usize>> {
        let first = self.words.get(range.start)?;
        let last = self.words.get(range.end.checked_sub(1)?)?;
        Some(first.range.start..last.range.end)
    }

    /// The folded words, joined by spaces: the comparison form of the wording.
    pub fn folded(&self, range: Range<usize>) -> String {
        self.words
            .get(range)
            .unwrap_or_default()
            .iter()
            .map(|w| w.folded.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::Wording;

    #[test]
    fn words_carry_offsets_stems_and_content() {
        let text = "Russia\u{2019}s concerns should be taken seriously.";
        let w = Wording::of(text);
        let folded: Vec<&str> = w.words.iter().map(|w| w.folded.as_str()).collect();
        assert_eq!(
            folded,
            ["russia's", "concerns", "should", "be", "taken", "seriously"]
        );
        assert_eq!(w.words[5].stem, "serious");
        assert!(w.words[1].content && !w.words[2].content);
        assert_eq!(&text[w.words[1].range.clone()], "concerns");
    }
}
