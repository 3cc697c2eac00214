//! The words of a rendering in comparison form: what align and compare count in.

use std::cell::RefCell;
use std::collections::HashSet;
use std::ops::Range;
use std::rc::Rc;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_64;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use super::{Span, fold};

/// One word of a rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Where the word stands in the report's text.
    pub span: Span,
    /// Lower case, apostrophes folded: what "the same word" means. Shared, not
    /// owned: a corpus repeats its words, and a copy costs a count, not a string.
    /// A plain count (`Rc`), not an atomic one: words are made and dropped on
    /// the thread that reads them, tens of millions of times on a large
    /// corpus, and atomic counts cost 7% of the CPU time of a 100k check.
    pub folded: Rc<str>,
    /// The Snowball stem of the folded word: what "the same content" means
    /// when matching a paraphrase (`seriously`, `seriousness`).
    pub stem: Rc<str>,
    /// Not a stop word: the words that say what a statement is about.
    pub content: bool,
    /// Written with a capital letter: a name, or the first word of a sentence.
    pub capitalised: bool,
    /// Interchangeable single words share it (see `equivalents::sense`); 0 for none.
    pub sense: u32,
    /// Some listed phrase of two words or more begins with it
    /// (`equivalents::begins_phrase`): known once per distinct word, not
    /// looked up at every unit made.
    pub begins_phrase: bool,
    /// A hash of `folded` and one of `stem`: equal words have equal keys, so
    /// loops over pairs of words compare numbers (64 bits: a collision among
    /// a corpus's words is out of reach).
    pub folded_key: u64,
    pub stem_key: u64,
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

/// What a word is, whatever its place: worked out once per distinct word and
/// thread, because stemming is the dearest step and news copy repeats its words.
#[derive(Clone)]
struct Lexeme {
    folded: Rc<str>,
    stem: Rc<str>,
    content: bool,
    sense: u32,
    begins_phrase: bool,
    folded_key: u64,
    stem_key: u64,
}

impl Lexeme {
    fn of(word: &str) -> Lexeme {
        let folded = fold(word);
        let bare = folded.strip_suffix("'s").unwrap_or(&folded);
        // British and American spellings (`defence`, `defense`) share a stem:
        // one outlet's copy edited to its house style renders the same words.
        let stem = STEMMER.stem(&super::american(bare)).into_owned();
        let content = !STOP_WORDS.contains(bare);
        let sense = super::equivalents::sense(&folded);
        let begins_phrase = super::equivalents::begins_phrase(&folded);
        Lexeme {
            folded_key: word_key(&folded),
            stem_key: xxh3_64(stem.as_bytes()),
            folded: folded.into(),
            stem: stem.into(),
            content,
            sense,
            begins_phrase,
        }
    }
}

/// The key of a folded word (`Word::folded_key`).
pub(super) fn word_key(folded: &str) -> u64 {
    xxh3_64(folded.as_bytes())
}

/// Distinct words met so far on this thread; emptied when it grows past
/// `LEXEMES_KEPT` so that a huge vocabulary cannot hold memory forever.
const LEXEMES_KEPT: usize = 200_000;

thread_local! {
    static LEXEMES: RefCell<FxHashMap<Box<str>, Lexeme>> = RefCell::new(FxHashMap::default());
}

/// Calls `f` with each word of `text` and its offset: the words
/// `unicode_word_indices` gives (Unicode word boundaries, the segments holding
/// a letter or digit), found faster. Segmenting words is the dearest step of
/// making a report's words, and most of news copy is ASCII: the ASCII stretches
/// of a text are read by `ascii_words`, and only a stretch around each other
/// character goes through the Unicode segmenter. A stretch is cut where a
/// space is followed by an ASCII character other than a space, where there is
/// always a boundary and no rule looks back past the space, so each stretch
/// segments alone as it does within the whole text.
fn for_each_word<'t>(text: &'t str, mut f: impl FnMut(usize, &'t str)) {
    let bytes = text.as_bytes();
    let cut = |at: usize| bytes[at - 1] == b' ' && bytes[at].is_ascii() && bytes[at] != b' ';
    let mut from = 0;
    while from < bytes.len() {
        let Some(other) = bytes[from..]
            .iter()
            .position(|b| !b.is_ascii())
            .map(|i| from + i)
        else {
            ascii_words(text, from..bytes.len(), &mut f);
            return;
        };
        let start = (from + 1..=other).rev().find(|&at| cut(at)).unwrap_or(from);
        ascii_words(text, from..start, &mut f);
        let end = (other + 1..bytes.len())
            .find(|&at| cut(at))
            .unwrap_or(bytes.len());
        if let Some(stretch) = text.get(start..end) {
            for (offset, word) in stretch.unicode_word_indices() {
                f(start + offset, word);
            }
        }
        from = end;
    }
}

/// The words of `text[range]`, all ASCII, as `unicode_word_indices` gives
/// them: runs of letters, digits and `_` joined by `'`, `.` or `:` between
/// letters and by `.`, `,`, `;` or `'` between digits, keeping those with a
/// letter or digit (the rules of unicode-segmentation's own ASCII path, which
/// it takes only for a text that is ASCII throughout).
fn ascii_words<'t>(text: &'t str, range: Range<usize>, f: &mut impl FnMut(usize, &'t str)) {
    let bytes = text.as_bytes();
    let core = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    // `.` `,` `;` `'` between digits, `'` `.` `:` between letters.
    let joins = |at: usize| {
        at + 1 < range.end && {
            let (before, after) = (bytes[at - 1], bytes[at + 1]);
            match bytes[at] {
                b'.' | b',' | b';' | b'\'' if before.is_ascii_digit() && after.is_ascii_digit() => {
                    true
                }
                b'\'' | b'.' | b':'
                    if before.is_ascii_alphabetic() && after.is_ascii_alphabetic() =>
                {
                    true
                }
                _ => false,
            }
        }
    };
    let mut at = range.start;
    while at < range.end {
        if !core(bytes[at]) {
            at += 1;
            continue;
        }
        let start = at;
        at += 1;
        while at < range.end && (core(bytes[at]) || joins(at)) {
            at += 1;
        }
        if let Some(word) = text.get(start..at)
            && word.bytes().any(|b| b.is_ascii_alphanumeric())
        {
            f(start, word);
        }
    }
}

impl Wording {
    /// The words of `text` inside `pieces`.
    pub fn new(text: &str, pieces: &[Span]) -> Wording {
        // News copy runs about six bytes a word: one allocation, not a regrowth
        // (and a copy of every word so far) at each doubling.
        let bytes: usize = pieces.iter().map(|p| p.len()).sum();
        let mut words = Vec::with_capacity(bytes / 6 + 1);
        LEXEMES.with_borrow_mut(|lexemes| {
            if lexemes.len() > LEXEMES_KEPT {
                lexemes.clear();
            }
            for piece in pieces {
                let Some(slice) = text.get(piece.range()) else {
                    continue;
                };
                for_each_word(slice, |offset, word| {
                    let start = piece.start() + offset;
                    let lexeme = match lexemes.get(word) {
                        Some(known) => known.clone(),
                        None => {
                            let new = Lexeme::of(word);
                            lexemes.insert(word.into(), new.clone());
                            new
                        }
                    };
                    words.push(Word {
                        span: Span::new(start, start + word.len()),
                        folded: lexeme.folded,
                        stem: lexeme.stem,
                        content: lexeme.content,
                        capitalised: word.chars().next().is_some_and(char::is_uppercase),
                        sense: lexeme.sense,
                        begins_phrase: lexeme.begins_phrase,
                        folded_key: lexeme.folded_key,
                        stem_key: lexeme.stem_key,
                    });
                });
            }
        });
        Wording { words }
    }

    /// The words of all of `text`.
    pub fn of(text: &str) -> Wording {
        Wording::new(text, &[Span::new(0, text.len())])
    }

    /// Each word folded, as owned strings to compare runs of words by.
    pub fn folded_words(&self) -> Vec<String> {
        self.words.iter().map(|w| w.folded.to_string()).collect()
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

    /// The words of a stretch of the text these words were made from (a
    /// sentence of a whole report's words): what `Wording::new` gives for that
    /// stretch, without segmenting the text again. `None` when a word runs
    /// over either end of the stretch (`said.The`, a sentence split inside a
    /// word): segmenting the stretch alone would cut that word apart.
    pub fn within(&self, stretch: Span) -> Option<Wording> {
        let first = self
            .words
            .partition_point(|w| w.span.start() < stretch.start());
        let end = first + self.words[first..].partition_point(|w| w.span.end() <= stretch.end());
        let runs_in = first > 0 && self.words[first - 1].span.end() > stretch.start();
        let runs_out = self
            .words
            .get(end)
            .is_some_and(|w| w.span.start() < stretch.end());
        (!runs_in && !runs_out).then(|| Wording {
            words: self.words[first..end].to_vec(),
        })
    }

    /// From word `range.start` to the end of word `range.end - 1`.
    pub fn bytes(&self, range: Range<usize>) -> Option<Span> {
        let first = self.words.get(range.start)?;
        let last = self.words.get(range.end.checked_sub(1)?)?;
        Some(first.span.to(last.span))
    }

    /// The folded words, joined by spaces: the comparison form of the wording.
    pub fn folded(&self, range: Range<usize>) -> String {
        self.words
            .get(range)
            .unwrap_or_default()
            .iter()
            .map(|w| w.folded.as_ref())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// What a unit of comparison stands for: a word (the hash of its folded form,
/// or of its stem in content keys), or an equivalents group. A number, not a
/// string: units and keys are made for every word compared, many times over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    Word(u64),
    Group(u32),
}

/// A unit of comparison: one word, or a phrase that an equivalents group
/// lists (`security concerns`, `concerns on security issues`), whose key is then
/// the group's, so that interchangeable phrases line up as one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The word folded, or the group a phrase belongs to.
    pub key: Key,
    /// The words it covers (indices into the words it was made from).
    pub words: Range<usize>,
}

/// The units of a run of words: at each word, the longest listed phrase that
/// starts there, else the word.
pub fn units(words: &[&Word]) -> Vec<Unit> {
    let mut out = Vec::with_capacity(words.len());
    each_unit(
        words.len(),
        |i| words[i],
        |key, words| {
            out.push(Unit { key, words });
        },
    );
    out
}

/// Calls `unit` with the key and the words of each unit (see `units`) of the
/// `count` words that `word` gives by index: one loop for `units` and
/// `content_keys`, which then needs neither a list of references nor of units.
fn each_unit<'w>(
    count: usize,
    word: impl Fn(usize) -> &'w Word,
    mut unit: impl FnMut(Key, Range<usize>),
) {
    let mut i = 0;
    while i < count {
        // Only a word that begins some listed phrase needs the phrases looked up.
        let longest = if word(i).begins_phrase {
            (2..=super::LONGEST_PHRASE.min(count - i))
                .rev()
                .find_map(|len| {
                    // On the stack: made for every phrase length tried.
                    let mut keys = [0u64; super::LONGEST_PHRASE];
                    for (k, key) in keys[..len].iter_mut().enumerate() {
                        *key = word(i + k).folded_key;
                    }
                    super::equivalents::group_of_words(&keys[..len]).map(|g| (len, Key::Group(g)))
                })
        } else {
            None
        };
        // A single listed word: its first group, as `sense` numbers it.
        let single = || match word(i).sense {
            0 => (1, Key::Word(word(i).folded_key)),
            sense => (1, Key::Group(sense - 1)),
        };
        let (len, key) = longest.unwrap_or_else(single);
        unit(key, i..i + len);
        i += len;
    }
}

/// Folded words joined by single spaces (written into one string, with no
/// list of the words made first: compare makes one for every rendering).
pub fn folded(words: &[&Word]) -> String {
    let mut out = String::with_capacity(words.iter().map(|w| w.folded.len() + 1).sum());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&w.folded);
    }
    out
}

/// What a run of words is about, for finding what it may render: the group of
/// each listed phrase and the stem of each other content word, without repeats.
pub fn content_keys(words: &[Word]) -> Vec<Key> {
    let mut keys: Vec<Key> = Vec::new();
    each_unit(
        words.len(),
        |i| &words[i],
        |key, unit| match key {
            Key::Group(_) => keys.push(key),
            Key::Word(_) => {
                let word = &words[unit.start];
                if word.content {
                    keys.push(Key::Word(word.stem_key));
                }
            }
        },
    );
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// How many keys two sorted key lists (as `content_keys` gives them) share.
pub fn shared_keys(a: &[Key], b: &[Key]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::{Span, Wording, for_each_word};
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn words(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        for_each_word(text, |offset, word| out.push((offset, word)));
        out
    }

    /// Pieces that the word boundary rules treat apart: letters, digits and
    /// the marks that join them, spaces, line ends, curly quotes, a combining
    /// mark, a joiner, an emoji, regional indicators, Hebrew and Katakana.
    const PIECES: &[&str] = &[
        "a",
        "Z",
        "7",
        "0",
        "'",
        ".",
        ",",
        ";",
        ":",
        "_",
        " ",
        "  ",
        "\r",
        "\n",
        "\r\n",
        "\t",
        "-",
        "\"",
        "\u{2019}",
        "\u{201c}",
        "\u{e9}",
        "\u{301}",
        "\u{200d}",
        "\u{1f600}",
        "\u{1f1fa}",
        "\u{5d0}",
        "\u{30a2}",
        "\u{a0}",
        "\u{2060}",
        "\u{df}",
        "U.S.",
        "n't",
    ];

    #[test]
    fn british_and_american_spellings_share_a_stem() {
        let stems = |text: &str| -> Vec<String> {
            Wording::of(text)
                .words
                .iter()
                .map(|w| w.stem.to_string())
                .collect()
        };
        assert_eq!(
            stems("self-defence honoured centre"),
            stems("self-defense honored center")
        );
        assert_ne!(stems("defence"), stems("fence"));
    }

    #[test]
    fn words_are_those_of_the_unicode_segmenter() {
        for text in [
            "",
            "Wang said the U.S. would act.",
            "Russia\u{2019}s \u{201c}legitimate\u{201d} concerns, 3.5% and 1,000 e.g. a:b",
            "caf\u{e9} au lait \u{201c}x\u{201d} don't",
            " \u{301}a b\u{200d} \u{1f600}c",
        ] {
            assert_eq!(words(text), text.unicode_word_indices().collect::<Vec<_>>());
        }
    }

    proptest! {
        #[test]
        fn words_are_those_of_the_unicode_segmenter_on_any_text(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40)
        ) {
            let text = pieces.concat();
            prop_assert_eq!(words(&text), text.unicode_word_indices().collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_sentence_of_a_whole_text_has_the_words_of_the_sentence_alone() {
        let text = "Talks resumed on Monday. \"We welcome it,\" Wang said. The U.S. agreed.";
        let all = Wording::of(text);
        let second = Span::new(25, text.find(" The").unwrap_or_default());
        assert_eq!(all.within(second), Some(Wording::new(text, &[second])));
        assert_eq!(all.within(Span::new(0, 0)), Some(Wording::default()));
        // `said.The` is one word of the whole text: a stretch ending or
        // starting inside it would cut it.
        let text = "Wang said.The talks went on.";
        let all = Wording::of(text);
        let cut = text.find('.').unwrap_or_default();
        assert_eq!(all.within(Span::new(0, cut + 1)), None);
        assert_eq!(all.within(Span::new(cut + 1, text.len())), None);
    }

    #[test]
    fn words_carry_offsets_stems_and_content() {
        let text = "Russia\u{2019}s concerns should be taken seriously.";
        let w = Wording::of(text);
        let folded: Vec<&str> = w.words.iter().map(|w| w.folded.as_ref()).collect();
        assert_eq!(
            folded,
            ["russia's", "concerns", "should", "be", "taken", "seriously"]
        );
        assert_eq!(&*w.words[5].stem, "serious");
        assert!(w.words[1].content && !w.words[2].content);
        assert_eq!(w.words[1].span.of(text), "concerns");
    }
}
