//! The token view: a report's tokens read once (each word folded, looked up
//! in the word lists and placed inside or outside quotation marks), and a
//! clause as a view of them. Every pattern asks its questions of a token
//! here, so no word is folded or looked up twice.
//!
//! Methods the rest of `extract` calls are `pub` (the types are private to
//! `extract`); those the frame's files share are `pub(super)`.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::extract::Excerpt;
use crate::extract::lexicon::lexicon;
use crate::extract::vocabulary::{Section, Sections, vocabulary};
use crate::text::{Span, Token, TokenKind, fold_into};

/// Per folded word, its vocabulary sections and whether some cue starts with
/// it, in one map: `Reading::new` asks both of every word of every report,
/// and one look-up costs half of two. Words in neither are not listed.
static WORD_FACTS: LazyLock<FxHashMap<&'static str, (Sections, bool)>> = LazyLock::new(|| {
    let mut facts: FxHashMap<&'static str, (Sections, bool)> = FxHashMap::default();
    for (word, sections) in vocabulary().listed() {
        facts.entry(word).or_default().0 = sections;
    }
    for word in lexicon().first_words() {
        facts.entry(word).or_default().1 = true;
    }
    facts
});

/// A report's tokens with what the parser asks of each, worked out once for
/// the whole report: a clause (a sentence, or two read as one unit) is a
/// view of it, so no sentence's words are folded and looked up twice and no
/// clause allocates.
pub(in crate::extract) struct Reading<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// The folded words, one after another, and where each token's starts
    /// (the next one's start is where it ends; a mark's is empty). 32-bit,
    /// as token offsets are.
    folded: String,
    starts: Vec<u32>,
    info: Vec<Info>,
}

/// One sentence's tokens, with what the parser asks of each.
pub(in crate::extract) struct Clause<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
    folded: &'a str,
    /// Where the folded word of each token starts, and one more.
    starts: &'a [u32],
    /// Borrowed from the [`Reading`], except inside a quotation read as a
    /// clause of its own, whose words are outside quotes there.
    pub(super) info: Cow<'a, [Info]>,
}

/// What one token is, looked up once.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Info {
    pub(super) sections: Sections,
    /// A word written with a capital.
    pub(super) caps: bool,
    /// Outside every quotation.
    pub(super) outside: bool,
    /// Some lexicon entry starts with this word.
    pub(super) cue_start: bool,
    /// A lower-case word ending in `-ly`: an adverb (`bluntly`, `repeatedly`).
    ly: bool,
}

/// The endings of adverbs made of adjectives (`internally`, `separately`,
/// `reportedly`), which no name has: written with a capital, such a word
/// opens a sentence as an adverb (`Internally the BBC called it ...`), where
/// `Kelly`, `Reilly` or `Emily` would be a speaker.
const ADVERB_ENDINGS: [&str; 11] = [
    "ately", "tly", "ously", "ively", "ably", "ibly", "edly", "arly", "ingly", "fully", "ssly",
];

/// Whether a word written with a capital (`shown`, folded `word`, ending in
/// `-ly`) is an adverb: an adverb ending, or `-ally` or `-ely` after a stem
/// long enough, and no capital inside (`McNally`).
fn sentence_adverb(shown: &str, word: &str) -> bool {
    let inner_caps = shown.chars().skip(1).any(char::is_uppercase);
    !inner_caps
        && (ADVERB_ENDINGS.iter().any(|e| word.ends_with(e))
            || word.len() >= 7 && word.ends_with("ally")
            || word.ends_with("ely") && !word.ends_with("eely"))
}

impl<'a> Reading<'a> {
    /// Read `tokens`, whose sentences start at `sentence_starts` (token
    /// indices, increasing), each with whether it starts inside a quotation
    /// carried on from the line before without a mark (copy written a
    /// sentence a line). `None` when the folded words of the report are too
    /// long for `u32` offsets (a report of gigabytes).
    pub fn new(
        text: &'a str,
        tokens: &'a [Token],
        sentence_starts: impl IntoIterator<Item = (usize, bool)>,
    ) -> Option<Reading<'a>> {
        let mut folded = String::with_capacity(tokens.iter().map(|t| t.end() - t.start()).sum());
        let mut starts = Vec::with_capacity(tokens.len() + 1);
        starts.push(0);
        let mut info: Vec<Info> = Vec::with_capacity(tokens.len());
        let mut sentences = sentence_starts.into_iter().peekable();
        let mut depth = 0usize;
        for (n, t) in tokens.iter().enumerate() {
            // Quote marks are counted from each sentence's start, as each
            // sentence was once read on its own. A sentence only ends outside
            // quotes, so two sentences read as one unit count the same.
            while let Some((_, inside)) = sentences.next_if(|&(s, _)| s <= n) {
                depth = usize::from(inside);
            }
            let outside = outside(t.kind(), &mut depth);
            let start = folded.len();
            let shown = &text[t.range()];
            let mut token_info = Info {
                outside,
                ..Info::default()
            };
            if t.is_word() {
                fold_into(shown, &mut folded);
                let word = &folded[start..];
                // `Min-ho`, `Al-Dosari`: a word after a hyphen inside a name
                // is part of it. The three tokens touch, so they are never
                // split between sentences.
                let caps = shown.chars().next().is_some_and(char::is_uppercase)
                    || n >= 2
                        && tokens[n - 1].end() == t.start()
                        && tokens[n - 2].end() == tokens[n - 1].start()
                        && &text[tokens[n - 1].range()] == "-"
                        && info[n - 2].caps;
                let (sections, cue_start) = WORD_FACTS.get(word).copied().unwrap_or_default();
                token_info.sections = sections;
                token_info.caps = caps;
                token_info.cue_start = cue_start;
                token_info.ly = word.len() > 4
                    && word.ends_with("ly")
                    && (!caps || sentence_adverb(shown, word));
            }
            starts.push(u32::try_from(folded.len()).ok()?);
            info.push(token_info);
        }
        Some(Reading {
            text,
            tokens,
            folded,
            starts,
            info,
        })
    }

    /// The clause of tokens `range` (a sentence, or sentences read as one unit).
    pub fn clause(&self, range: Range<usize>) -> Clause<'_> {
        Clause {
            text: self.text,
            tokens: &self.tokens[range.clone()],
            folded: &self.folded,
            starts: &self.starts[range.start..range.end + 1],
            info: Cow::Borrowed(&self.info[range]),
        }
    }
}

/// Whether a token of this kind stands outside every quotation, given the
/// quotations open before it (`depth`, updated past it).
fn outside(kind: TokenKind, depth: &mut usize) -> bool {
    match kind {
        TokenKind::QuoteOpen(_) => {
            *depth += 1;
            *depth == 1
        }
        TokenKind::QuoteClose(_) => {
            *depth = depth.saturating_sub(1);
            *depth == 0
        }
        _ => *depth == 0,
    }
}

impl<'a> Clause<'a> {
    /// Tokens `range` of this clause as a clause of their own: quote marks
    /// are counted from its start, so the words of a quotation are outside
    /// quotes in the clause of its inside.
    pub(super) fn inside(&self, range: Range<usize>) -> Clause<'a> {
        let mut info = self.info[range.clone()].to_vec();
        let mut depth = 0;
        for (t, i) in self.tokens[range.clone()].iter().zip(&mut info) {
            i.outside = outside(t.kind(), &mut depth);
        }
        Clause {
            text: self.text,
            tokens: &self.tokens[range.clone()],
            folded: self.folded,
            starts: &self.starts[range.start..range.end + 1],
            info: Cow::Owned(info),
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn token(&self, i: usize) -> &Token {
        &self.tokens[i]
    }

    /// Byte range of tokens `range` (empty ranges give an empty byte range).
    pub fn bytes(&self, range: &Range<usize>) -> Range<usize> {
        match (
            self.tokens.get(range.start),
            range.end.checked_sub(1).and_then(|e| self.tokens.get(e)),
        ) {
            (Some(first), Some(last)) if range.start < range.end => first.start()..last.end(),
            (Some(first), _) => first.start()..first.start(),
            _ => 0..0,
        }
    }

    /// Tokens `range` as a span of the report's text.
    pub fn span(&self, range: &Range<usize>) -> Excerpt {
        Excerpt::new(self.text, Span::from(self.bytes(range)))
    }

    /// The text of token `i` as written (empty past the end).
    pub fn word_text(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.range()))
            .unwrap_or("")
    }

    pub fn token_kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind())
    }

    pub fn is_outside_quotes(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|t| t.outside)
    }

    /// The folded word at `i`; `None` for punctuation and marks.
    pub fn word(&self, i: usize) -> Option<&str> {
        let t = self.tokens.get(i)?;
        let (a, b) = (*self.starts.get(i)?, *self.starts.get(i + 1)?);
        t.is_word().then(|| &self.folded[a as usize..b as usize])
    }

    pub(super) fn is(&self, i: usize, word: &str) -> bool {
        self.word(i) == Some(word)
    }

    pub fn sections(&self, i: usize) -> Sections {
        self.info.get(i).map(|t| t.sections).unwrap_or_default()
    }

    pub(super) fn has(&self, i: usize, section: Section) -> bool {
        self.sections(i).has(section)
    }

    pub fn capitalized(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|t| t.caps)
    }

    pub(super) fn is_punct(&self, i: usize, glyphs: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind() == TokenKind::Punct
                && self.text[t.range()]
                    .chars()
                    .next()
                    .is_some_and(|c| glyphs.contains(c))
        })
    }

    pub(super) fn is_comma(&self, i: usize) -> bool {
        self.is_punct(i, ",") && self.is_outside_quotes(i)
    }

    pub(super) fn is_open(&self, i: usize) -> bool {
        matches!(self.token_kind(i), Some(TokenKind::QuoteOpen(_))) && self.is_outside_quotes(i)
    }

    pub(super) fn is_close(&self, i: usize) -> bool {
        matches!(self.token_kind(i), Some(TokenKind::QuoteClose(_))) && self.is_outside_quotes(i)
    }

    pub(super) fn is_number(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    }

    /// An adverb by its ending (`bluntly`; with a capital, `Internally`).
    pub(super) fn ly(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|t| t.ly)
    }

    /// A word that says how or when, not what: it may stand inside a cue.
    pub(super) fn adverbial(&self, i: usize) -> bool {
        self.has(i, Section::Adverb) || self.info.get(i).is_some_and(|t| t.ly)
    }

    /// A word of no closed class: a noun, an adjective, a name, or a verb the
    /// word lists do not know.
    pub(super) fn open_class(&self, i: usize) -> bool {
        if self.word(i).is_none() {
            return false;
        }
        let s = self.sections(i);
        let closed = s.has(Section::Auxiliary)
            || s.has(Section::Pronoun)
            || s.has(Section::Relative)
            || s.has(Section::Determiner)
            || s.has(Section::Preposition)
            || s.has(Section::Opener)
            || (s.has(Section::Adverb) && !self.capitalized(i))
            || self.info[i].ly;
        !closed && (self.capitalized(i) || self.cue_at(i).is_none())
    }

    /// `J.` in `Antony J. Blinken`, `U.S.`: a full stop that belongs to a name.
    pub fn initial_stop(&self, i: usize) -> bool {
        self.is_punct(i, ".")
            && i > 0
            && self.tokens[i - 1].end() == self.tokens[i].start()
            && self.word(i - 1).is_some_and(|w| w.len() <= 3)
            && self.capitalized(i - 1)
    }

    /// `anti-China`, `Crouse-Mays`: a hyphen inside a word.
    pub fn hyphen_inside(&self, i: usize) -> bool {
        self.is_punct(i, "-")
            && i > 0
            && self.tokens[i - 1].end() == self.tokens[i].start()
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.start() == self.tokens[i].end() && n.is_word())
    }

    /// `hi` without the sentence's final stop and any trailing comma.
    pub(super) fn trim_end(&self, lo: usize, mut hi: usize) -> usize {
        while hi > lo && self.is_punct(hi - 1, ".!?,;:…") && self.is_outside_quotes(hi - 1) {
            hi -= 1;
        }
        hi
    }

    /// Without punctuation at the start (a comma left after the last statement).
    pub(super) fn trim_start(&self, mut start: usize, end: usize) -> usize {
        while start < end && self.is_punct(start, ",;:—–-") && self.is_outside_quotes(start) {
            start += 1;
        }
        start
    }
}

#[cfg(test)]
mod tests {
    use super::super::sample::{position, read, words};

    #[test]
    fn words_are_folded_and_marks_are_not_words() {
        read("He SAID “Go.”", |c| {
            assert_eq!(c.word(0), Some("he"));
            assert_eq!(c.word(1), Some("said"));
            assert_eq!(c.word(2), None);
            assert_eq!(c.word_text(1), "SAID");
            assert!(c.capitalized(0));
        });
    }

    #[test]
    fn quoted_words_are_inside_quotes_and_their_marks_outside() {
        read("He said “We will go” today.", |c| {
            let open = position(c, "we") - 1;
            assert!(c.is_open(open));
            assert!(!c.is_outside_quotes(open + 1));
            assert!(c.is_outside_quotes(position(c, "today")));
            // A quotation read as a clause of its own: its words are outside there.
            let inside = c.inside(open + 1..position(c, "go") + 1);
            assert!((0..inside.len()).all(|i| inside.is_outside_quotes(i)));
        });
    }

    #[test]
    fn token_ranges_as_bytes() {
        let text = "Wang said the talks went well.";
        read(text, |c| {
            assert_eq!(words(c, text, &(0..2)), "Wang said");
            assert_eq!(c.bytes(&(2..2)), 10..10);
            assert_eq!(c.bytes(&(9..12)), 0..0);
        });
    }

    #[test]
    fn the_final_stop_and_a_leading_comma_are_trimmed() {
        let text = ", the talks went well.";
        read(text, |c| {
            let (start, end) = (c.trim_start(0, c.len()), c.trim_end(0, c.len()));
            assert_eq!(words(c, text, &(start..end)), "the talks went well");
        });
    }

    #[test]
    fn word_classes_asked_of_a_token() {
        read("Blinken bluntly told 12 ministers", |c| {
            assert!(c.adverbial(1));
            assert!(c.is_number(3));
            assert!(c.open_class(4));
            assert!(!c.open_class(1));
        });
    }

    #[test]
    fn stops_and_hyphens_inside_names() {
        read("Antony J. Blinken met Lim Min-ho", |c| {
            assert!(c.initial_stop(2));
            let hyphen = position(c, "min") + 1;
            assert!(c.hyphen_inside(hyphen));
            // After a hyphen inside a name, the word is part of the name.
            assert!(c.capitalized(hyphen + 1));
        });
    }
}
