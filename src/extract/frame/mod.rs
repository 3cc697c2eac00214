//! Reporting frames: the speaker, cue, addressee and channels around what was
//! said, in one sentence.
//!
//! A sentence is read left to right, cue by cue (a word of the lexicon where a
//! verb can stand). Each cue is tried as
//! - the end of a statement, after what was said: `"...," Wang said`,
//!   `..., said Ned Price, the State Department spokesman`, `..., according to Price`;
//! - the start of one, before what was said: `Wang told Blinken that ...`,
//!   `According to Price, ...`, `He said: "..."`;
//! - a participle or a second verb that borrows the clause's speaker:
//!   `..., adding that ...`, `She blamed ... and said ...`.
//!
//! What a statement reports is read again for a frame at its very start:
//! `Price said Blinken underscored ...` credits Blinken, with Price as the channel.

use std::borrow::Cow;
use std::ops::Range;

use super::lexicon::{Entry, Frame as CueFrame, lexicon};
use super::vocabulary::{Section, Sections, vocabulary};
use crate::text::{Token, TokenKind, fold_into};

/// Nested speech deeper than this is not news prose.
const MAX_NESTING: usize = 3;
/// The longest appositive between a name and its cue (`Li, a professor at ..., said`).
const MAX_APPOSITIVE: usize = 24;
/// How far after a cue or an addressee `that` may come (`told Blinken in a call on Thursday that`).
const MAX_THAT_DISTANCE: usize = 12;
/// The longest speaker phrase, in tokens.
const MAX_PHRASE: usize = 16;
/// The longest second half of a split quote, in tokens.
const MAX_QUOTE: usize = 400;
/// The longest circumstance after a trailing cue before a comma (`said at a rally in San Diego`).
const MAX_TAIL: usize = 16;

/// A report's tokens with what the parser asks of each, worked out once for
/// the whole report: a clause (a sentence, or two read as one unit) is a
/// view of it, so no sentence's words are folded and looked up twice and no
/// clause allocates.
pub(super) struct Reading<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// The folded words, one after another; `spans` says where each token's is.
    folded: String,
    spans: Vec<(u32, u32)>,
    info: Vec<Info>,
}

/// One sentence's tokens, with what the parser asks of each.
pub(super) struct Clause<'a> {
    text: &'a str,
    tokens: &'a [Token],
    folded: &'a str,
    spans: &'a [(u32, u32)],
    /// Borrowed from the [`Reading`], except inside a quotation read as a
    /// clause of its own, whose words are outside quotes there.
    info: Cow<'a, [Info]>,
}

/// What one token is, looked up once.
#[derive(Debug, Clone, Copy, Default)]
struct Info {
    sections: Sections,
    /// A word written with a capital.
    caps: bool,
    /// Outside every quotation.
    outside: bool,
    /// Some lexicon entry starts with this word.
    cue_start: bool,
    /// A lower-case word ending in `-ly`: an adverb (`bluntly`, `repeatedly`).
    ly: bool,
}

/// A cue found at a token: its entry and where its words are.
#[derive(Debug, Clone, Copy)]
pub(super) struct CueAt {
    pub entry: &'static Entry,
    pub start: usize,
    pub end: usize,
}

/// A speaker phrase: the whole phrase as written, the part that names the
/// speaker, and a role given beside the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Phrase {
    pub span: Range<usize>,
    pub name: Range<usize>,
    pub role: Option<Range<usize>>,
}

impl Phrase {
    fn plain(span: Range<usize>) -> Phrase {
        Phrase {
            name: span.clone(),
            span,
            role: None,
        }
    }
}

/// A statement found in a sentence, in token positions of the clause.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Statement {
    pub speaker: Option<Phrase>,
    pub cue: Option<(Range<usize>, &'static Entry)>,
    pub addressee: Option<Range<usize>>,
    /// Outermost first.
    pub channels: Vec<Range<usize>>,
    /// What was said: one part, or several around the frame.
    pub content: Vec<Range<usize>>,
    /// One past the last token the statement takes.
    pub end: usize,
}

impl Statement {
    /// Move every position by `offset` (from a sub-clause to its enclosing clause).
    fn shift(&mut self, offset: usize) {
        let shift = |r: &mut Range<usize>| *r = r.start + offset..r.end + offset;
        if let Some(p) = &mut self.speaker {
            shift(&mut p.span);
            shift(&mut p.name);
            if let Some(r) = &mut p.role {
                shift(r);
            }
        }
        if let Some((r, _)) = &mut self.cue {
            shift(r);
        }
        if let Some(r) = &mut self.addressee {
            shift(r);
        }
        self.channels.iter_mut().for_each(shift);
        self.content.iter_mut().for_each(shift);
        self.end += offset;
    }
}

/// A content of one part.
fn one(part: Range<usize>) -> Vec<Range<usize>> {
    let mut parts = Vec::with_capacity(2);
    parts.push(part);
    parts
}

impl<'a> Reading<'a> {
    /// Read `tokens`, whose sentences start at `sentence_starts` (token
    /// indices, increasing). `None` when the folded words of the report are
    /// too long for `u32` offsets (a report of gigabytes).
    pub fn new(
        text: &'a str,
        tokens: &'a [Token],
        sentence_starts: impl IntoIterator<Item = usize>,
    ) -> Option<Reading<'a>> {
        let (words, cues) = (vocabulary(), lexicon());
        let mut folded = String::with_capacity(tokens.iter().map(|t| t.end() - t.start()).sum());
        let mut spans = Vec::with_capacity(tokens.len());
        let mut info: Vec<Info> = Vec::with_capacity(tokens.len());
        let mut starts = sentence_starts.into_iter().peekable();
        let mut depth = 0usize;
        for (n, t) in tokens.iter().enumerate() {
            // Quote marks are counted from each sentence's start, as each
            // sentence was once read on its own. A sentence only ends outside
            // quotes, so two sentences read as one unit count the same.
            while starts.next_if(|&s| s <= n).is_some() {
                depth = 0;
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
                token_info.sections = words.sections(word);
                token_info.caps = caps;
                token_info.cue_start = cues.starts(word);
                token_info.ly = !caps && word.len() > 4 && word.ends_with("ly");
            }
            spans.push((
                u32::try_from(start).ok()?,
                u32::try_from(folded.len()).ok()?,
            ));
            info.push(token_info);
        }
        Some(Reading {
            text,
            tokens,
            folded,
            spans,
            info,
        })
    }

    /// The clause of tokens `range` (a sentence, or sentences read as one unit).
    pub fn clause(&self, range: Range<usize>) -> Clause<'_> {
        Clause {
            text: self.text,
            tokens: &self.tokens[range.clone()],
            folded: &self.folded,
            spans: &self.spans[range.clone()],
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
    fn inside(&self, range: Range<usize>) -> Clause<'a> {
        let mut info = self.info[range.clone()].to_vec();
        let mut depth = 0;
        for (t, i) in self.tokens[range.clone()].iter().zip(&mut info) {
            i.outside = outside(t.kind(), &mut depth);
        }
        Clause {
            text: self.text,
            tokens: &self.tokens[range.clone()],
            folded: self.folded,
            spans: &self.spans[range],
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
    pub(super) fn word(&self, i: usize) -> Option<&str> {
        let t = self.tokens.get(i)?;
        let (a, b) = *self.spans.get(i)?;
        t.is_word().then(|| &self.folded[a as usize..b as usize])
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.word(i) == Some(word)
    }

    pub(super) fn sections(&self, i: usize) -> Sections {
        self.info.get(i).map(|t| t.sections).unwrap_or_default()
    }

    fn has(&self, i: usize, section: Section) -> bool {
        self.sections(i).has(section)
    }

    pub(super) fn capitalized(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|t| t.caps)
    }

    fn is_punct(&self, i: usize, glyphs: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind() == TokenKind::Punct
                && self.text[t.range()]
                    .chars()
                    .next()
                    .is_some_and(|c| glyphs.contains(c))
        })
    }

    fn is_comma(&self, i: usize) -> bool {
        self.is_punct(i, ",") && self.is_outside_quotes(i)
    }

    fn is_open(&self, i: usize) -> bool {
        matches!(self.token_kind(i), Some(TokenKind::QuoteOpen(_))) && self.is_outside_quotes(i)
    }

    fn is_close(&self, i: usize) -> bool {
        matches!(self.token_kind(i), Some(TokenKind::QuoteClose(_))) && self.is_outside_quotes(i)
    }

    fn is_number(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    }

    /// A word that says how or when, not what: it may stand inside a cue.
    fn adverbial(&self, i: usize) -> bool {
        self.has(i, Section::Adverb) || self.info.get(i).is_some_and(|t| t.ly)
    }

    /// A word of no closed class: a noun, an adjective, a name, or a verb the
    /// word lists do not know.
    fn open_class(&self, i: usize) -> bool {
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

    /// A word that can be part of a speaker phrase: a name, a title, a body.
    pub(super) fn nominal(&self, i: usize) -> bool {
        let Some(w) = self.word(i) else { return false };
        let s = self.sections(i);
        if s.has(Section::Particle) && self.particle_in_name(i) {
            return true;
        }
        if s.has(Section::Title) || s.has(Section::Body) {
            return !(s.has(Section::Auxiliary) || s.has(Section::Preposition));
        }
        if !self.capitalized(i)
            || w.is_empty()
            || s.has(Section::Determiner)
            || s.has(Section::Pronoun)
            || s.has(Section::Opener)
            || s.has(Section::Preposition)
            || s.has(Section::Relative)
            || s.has(Section::Weekday)
        {
            return false;
        }
        // `Will Doyle`, `Theresa May`: a modal or a month written with a
        // capital inside a sentence is a name beside another name.
        if s.has(Section::Month) {
            return i > 0 && self.plain_name(i - 1);
        }
        if s.has(Section::Auxiliary) {
            return i > 0 && self.plain_name(i - 1)
                || (i == 0 || !self.is_open(i - 1)) && self.plain_name(i + 1);
        }
        true
    }

    /// Particle `i` stands inside a name: before a name or another particle,
    /// and after a name or a particle, or written with a capital (`Van der
    /// Merwe said`, `Ursula von der Leyen said`, `De la Cruz told`).
    fn particle_in_name(&self, i: usize) -> bool {
        let particle = |k: usize| self.has(k, Section::Particle) && self.word(k).is_some();
        let ahead = {
            let mut k = i + 1;
            while particle(k) {
                k += 1;
            }
            self.plain_name(k)
        };
        let behind = i > 0 && (self.plain_name(i - 1) || particle(i - 1) && self.nominal(i - 1));
        ahead && (behind || self.capitalized(i))
    }

    /// A capitalised word of no closed class, title or body: a name (`Doyle`).
    fn plain_name(&self, i: usize) -> bool {
        const CLOSED: [Section; 10] = [
            Section::Determiner,
            Section::Pronoun,
            Section::Opener,
            Section::Preposition,
            Section::Auxiliary,
            Section::Relative,
            Section::Month,
            Section::Weekday,
            Section::Title,
            Section::Body,
        ];
        let s = self.sections(i);
        self.word(i).is_some() && self.capitalized(i) && !CLOSED.iter().any(|&c| s.has(c))
    }

    /// `J.` in `Antony J. Blinken`, `U.S.`: a full stop that belongs to a name.
    pub(super) fn initial_stop(&self, i: usize) -> bool {
        self.is_punct(i, ".")
            && i > 0
            && self.tokens[i - 1].end() == self.tokens[i].start()
            && self.word(i - 1).is_some_and(|w| w.len() <= 3)
            && self.capitalized(i - 1)
    }

    /// `anti-China`, `Crouse-Mays`: a hyphen inside a word.
    pub(super) fn hyphen_inside(&self, i: usize) -> bool {
        self.is_punct(i, "-")
            && i > 0
            && self.tokens[i - 1].end() == self.tokens[i].start()
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.start() == self.tokens[i].end() && n.is_word())
    }

    /// The cue that starts at token `i`, if a verb can stand there.
    pub fn cue_at(&self, i: usize) -> Option<CueAt> {
        let info = self.info.get(i)?;
        if !info.cue_start || !info.outside {
            return None;
        }
        let entry = lexicon().lookup_with(self.word(i)?, |k| self.word(i + k))?;
        let n = entry.words.len();
        // `citing X`, `quoting X`: a channel, not a frame.
        if matches!(self.word(i), Some("citing" | "quoting")) {
            return None;
        }
        // `States` in `United States`, `Post` in `Washington Post` are names:
        // a capitalised cue counts only opening a sentence (`According to`, `Asked`).
        if info.caps && i > 0 && !(self.is_open(i - 1) || self.is_punct(i - 1, ":—–-")) {
            return None;
        }
        // `continues to put out`: a verb of aspect, not of speech.
        if entry.lemma == "continue"
            && (self.is(i + n, "to") || self.word(i + n).is_some_and(|w| w.ends_with("ing")))
        {
            return None;
        }
        // `to say`: an infinitive hangs on another verb.
        if i > 0 && self.is(i - 1, "to") && entry.frame != CueFrame::According {
            return None;
        }
        // `the report said`, `his remarks`, `Trump's call for`: nouns.
        // `The ministry's news release quotes Wang as saying`: a verb of relay.
        let relay = entry.lemma == "quote"
            && (i + n..self.len().min(i + n + MAX_PHRASE))
                .any(|k| self.is(k, "as") && self.is(k + 1, "saying"));
        if info.sections.has(Section::Noun) && !relay && self.noun_here(i, n) {
            return None;
        }
        // `cannot be guaranteed`, `was criticised`: a passive credits no one with
        // speech, but `was quoted by Interfax as saying` credits its subject.
        if self.passive(i)
            && !(entry.lemma == "quote" && matches!(self.word(i + n), Some("by" | "as")))
        {
            return None;
        }
        Some(CueAt {
            entry,
            start: i,
            end: i + n,
        })
    }

    /// Whether the verb at `i` is a passive participle: a form of `be` before
    /// it (adverbs between), and no `-ing`.
    fn passive(&self, i: usize) -> bool {
        if self.word(i).is_some_and(|w| w.ends_with("ing")) {
            return false;
        }
        let mut k = i;
        while k > 0 && self.adverbial(k - 1) && !self.has(k - 1, Section::Auxiliary) {
            k -= 1;
        }
        k > 0
            && matches!(
                self.word(k - 1),
                Some(
                    "be" | "been"
                        | "being"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "isn't"
                        | "wasn't"
                        | "aren't"
                        | "weren't"
                )
            )
    }

    /// Whether the cue form at `i` (of `n` words) stands where a noun does.
    fn noun_here(&self, i: usize, n: usize) -> bool {
        let after = i + n;
        let before_is_modifier = i > 0
            && (self.has(i - 1, Section::Determiner) && !self.is(i - 1, "that")
                || self
                    .word(i - 1)
                    .is_some_and(|w| w.ends_with("'s") || w.ends_with('s') && w.ends_with("s'"))
                || self.open_class(i - 1) && !self.capitalized(i - 1));
        let after_is_verb = self.has(after, Section::Auxiliary)
            || (self.info.get(after).is_some_and(|t| t.cue_start)
                && lexicon()
                    .lookup_with(self.word(after).unwrap_or(""), |k| self.word(after + k))
                    .is_some()
                && !self.has(after, Section::Noun));
        // `White House press secretary Josh Earnest`: a noun before a title.
        let before_title = self.has(after, Section::Title)
            && !self.capitalized(after)
            && self.word(after).is_some_and(|w| !w.ends_with('s'));
        before_is_modifier || after_is_verb || before_title
    }

    /// `hi` without the sentence's final stop and any trailing comma.
    fn trim_end(&self, lo: usize, mut hi: usize) -> usize {
        while hi > lo && self.is_punct(hi - 1, ".!?,;:…") && self.is_outside_quotes(hi - 1) {
            hi -= 1;
        }
        hi
    }

    /// Where the text starts after a dateline (`BEIJING, Jan 27 (Reuters) -`,
    /// `Beijing [China], January 27 (ANI):`), or 0 without one.
    pub fn dateline_end(&self) -> usize {
        const MAX_DATELINE: usize = 16;
        let mut credit = false;
        for i in 0..self.len().min(MAX_DATELINE) {
            let t = &self.tokens[i];
            let shown = &self.text[t.range()];
            if t.is_word() && shown.len() >= 3 && shown.chars().all(|c| c.is_uppercase())
                || shown == ")"
                || shown == "/"
            {
                credit = true;
            } else if credit
                && t.kind() == TokenKind::Punct
                && "-—–:".contains(shown)
                && !self.hyphen_inside(i)
            {
                let mut end = i + 1;
                while end < self.len() && self.is_punct(end, "-—–") {
                    end += 1;
                }
                return end;
            } else if self.is_open(i) {
                return 0;
            }
        }
        0
    }

    /// The agency a dateline credits (`Xinhua` in `BEIJING, March 3 (Xinhua) --`),
    /// given the dateline's end.
    pub fn dateline_credit(&self, end: usize) -> Option<Range<usize>> {
        let close = (0..end).rev().find(|&i| self.is_punct(i, ")"))?;
        let open = (0..close).rev().find(|&i| self.is_punct(i, "("))?;
        (close > open + 1
            && close - open <= 5
            && (open + 1..close).all(|i| self.nominal(i) || self.initial_stop(i)))
        .then_some(open + 1..close)
    }

    /// A credit standing as a sentence of its own, as a republished story ends:
    /// `ANI` in `(ANI)`.
    pub fn credit(&self) -> Option<Range<usize>> {
        let last = self.len().checked_sub(1)?;
        (last >= 2
            && self.is_punct(0, "(")
            && self.is_punct(last, ")")
            && (1..last).all(|i| self.nominal(i) || self.initial_stop(i)))
        .then_some(1..last)
    }

    /// Every statement of the sentence from token `lo` on.
    ///
    /// A frame that ends a statement (`..., Wang said`) is the outermost: what
    /// it reports runs from where the last statement ended, and any frame at
    /// the start of that is nested speech. Otherwise the first frame from the
    /// left that starts one wins. Each cue is looked at a bounded number of
    /// times, so a sentence of any length is read in linear time.
    pub fn statements(&self, lo: usize) -> Vec<Statement> {
        // `"..." ― Sonya Herridge⏎"..." ― Pamela Padilla`: quotations listed with
        // their authors, one a line, with no stop to end each as a sentence.
        let mut out = Vec::new();
        let mut from = lo;
        let mut line_start = lo;
        while line_start < self.len() {
            let line = self.line_end(line_start);
            if line_start > lo || line < self.len() {
                if let Some(found) = self.dash_credit(line_start, self.trim_end(line_start, line)) {
                    if from < line_start {
                        out.extend(self.statements_from(from, line_start));
                    }
                    out.push(found);
                    from = line;
                }
            }
            line_start = line;
        }
        if from < self.len() {
            out.extend(self.statements_from(from, self.len()));
        }
        out
    }

    /// Where the line that holds token `lo` ends: the first token after a line
    /// break, or the end of the clause.
    fn line_end(&self, lo: usize) -> usize {
        (lo + 1..self.len())
            .find(|&i| {
                self.text
                    .get(self.tokens[i - 1].end()..self.tokens[i].start())
                    .is_some_and(|gap| gap.contains('\n'))
            })
            .unwrap_or(self.len())
    }

    /// The statements of a sentence (or what is left of it after credit lines) from `lo` on.
    fn statements_from(&self, lo: usize, end: usize) -> Vec<Statement> {
        let hi = self.trim_end(lo, end);
        let cues: Vec<CueAt> = (lo..hi).filter_map(|c| self.cue_at(c)).collect();
        let subject = self.subject(lo, hi).map(Phrase::plain);
        // Frames after what they report, found once with the sentence as their content.
        let endings: Vec<Statement> = cues
            .iter()
            .filter_map(|&cue| {
                self.inverted(lo, cue, hi).or_else(|| {
                    let verb_start = self.skip_back_to_verb(cue.start, lo);
                    self.trailing(lo, cue, verb_start, hi)
                })
            })
            .collect();
        let mut out: Vec<Statement> = Vec::new();
        let mut pos = lo;
        // `"..." ― Steve Quinlan`, as quotations listed with their authors are credited.
        if let Some(found) = self.dash_credit(lo, hi) {
            return vec![found];
        }
        // `Kasich: 'We are going all the way'`, as headlines and transcripts credit.
        if let Some(found) = self.colon_frame(lo, hi) {
            pos = found.end;
            out.push(found);
        }
        let (mut next_cue, mut next_ending) = (0, 0);
        while pos < hi {
            // A channel of the statement just found: `..., according to the
            // statement`, `..., Wang said, Bloomberg reported`. Named after it, a
            // channel relays all before it (it is outermost), but one that is
            // cited was the source of the one before (`..., according to TASS,
            // citing a source`).
            if let Some(last) = out.last_mut()
                && let Some((channel, end)) =
                    self.channel_at(pos, hi).or_else(|| self.relay_at(pos, hi))
            {
                if self.citing(pos + usize::from(self.is_comma(pos))) {
                    last.channels.push(channel);
                } else {
                    last.channels.insert(0, channel);
                }
                last.end = end;
                pos = end;
                continue;
            }
            while endings
                .get(next_ending)
                .is_some_and(|e| e.content.first().is_none_or(|c| c.end <= pos))
            {
                next_ending += 1;
            }
            while cues.get(next_cue).is_some_and(|c| c.start < pos) {
                next_cue += 1;
            }
            let ending = endings
                .get(next_ending)
                .and_then(|e| self.reported_from(e, pos));
            let borrowed = out
                .last()
                .and_then(|s| s.speaker.clone())
                .or_else(|| subject.clone());
            // Without an ending frame, the first frame from the left that starts one.
            let starting = if ending.is_some() {
                None
            } else {
                cues.get(next_cue..)
                    .unwrap_or_default()
                    .iter()
                    .find_map(|&cue| self.starting_frame(pos, cue, hi, borrowed.clone()))
            };
            let Some(found) = ending.or(starting) else {
                break;
            };
            let found = self.nested(found, 1);
            pos = found.end.max(pos + 1);
            out.push(found);
        }
        out
    }

    /// `Cruz continued:`, `Breitbart News responded:`, `Stated Stone:`,
    /// `Dianne Bystrom agreed.`: a frame that ends its sentence with a colon or
    /// a stop and reports nothing in it, for the quotation that follows (the
    /// next paragraph, or a sentence only quoted). Its content is left empty.
    pub fn lead_in(&self, lo: usize) -> Option<Statement> {
        let colon = self.len().checked_sub(1)?;
        if colon <= lo || !self.is_punct(colon, ":.") || !self.is_outside_quotes(colon) {
            return None;
        }
        let cue = (lo.max(colon.saturating_sub(MAX_TAIL))..colon)
            .rev()
            .find_map(|c| self.cue_at(c))?;
        if cue.entry.frame == CueFrame::According || cue.entry.is_participle() {
            return None;
        }
        if (cue.end..colon).any(|j| !self.is_outside_quotes(j) || self.is(j, "that")) {
            return None;
        }
        // `Stated Stone:`, `Said Dorothy Poynter, who grew up with Ali:`
        if cue.start == lo {
            let speaker = self.phrase_forward(cue.end, colon)?;
            return Some(Statement {
                speaker: Some(Phrase {
                    span: speaker.start..colon,
                    name: speaker,
                    role: None,
                }),
                cue: Some((cue.start..cue.end, cue.entry)),
                end: colon + 1,
                ..Statement::default()
            });
        }
        let verb_start = self.skip_back_to_verb(cue.start, lo);
        let phrase = self.phrase_back(self.subject_end(verb_start, lo), lo)?;
        if !self.boundary_before(phrase.span.start, lo) && !self.is(phrase.span.start - 1, "as") {
            return None;
        }
        let addressee = if cue.entry.takes_addressee() {
            self.phrase_forward(cue.end, colon)
        } else {
            None
        };
        if addressee.is_none() && cue.entry.frame == CueFrame::AddresseeRequired {
            return None;
        }
        // What stands between the cue and the colon is circumstance.
        if addressee.is_none() && cue.end < colon && self.tail(cue.end, colon, false).is_none() {
            return None;
        }
        let before = phrase.span.start.saturating_sub(2 * MAX_PHRASE).max(lo);
        Some(Statement {
            channels: self.channels_in(before..phrase.span.start),
            speaker: Some(phrase),
            cue: Some((verb_start..cue.end, cue.entry)),
            addressee,
            end: colon + 1,
            ..Statement::default()
        })
    }

    /// `"QUOTE" ― NAME[, APPOSITIVE]`: a quotation that opens the sentence,
    /// credited after a dash by a name that ends it.
    fn dash_credit(&self, lo: usize, hi: usize) -> Option<Statement> {
        if !self.is_open(lo) {
            return None;
        }
        let dash = (lo + 1..hi)
            .rev()
            .take(MAX_APPOSITIVE)
            .find(|&j| self.is_punct(j, "―—") && self.is_outside_quotes(j))?;
        let before = (lo..dash)
            .rev()
            .find(|&j| self.word(j).is_some() || self.is_close(j))?;
        if !self.is_close(before) {
            return None;
        }
        let name = self.phrase_forward(dash + 1, hi)?;
        if name.start != dash + 1
            || !name.clone().any(|i| self.capitalized(i) && self.nominal(i))
            || name.end < hi && !self.is_comma(name.end)
        {
            return None;
        }
        let entry = lexicon().lookup(&["—"])?;
        Some(Statement {
            speaker: Some(Phrase {
                span: name.start..hi,
                role: (name.end + 1 < hi).then(|| name.end + 1..hi),
                name,
            }),
            cue: Some((dash..dash + 1, entry)),
            content: one(lo..before + 1),
            end: hi,
            ..Statement::default()
        })
    }

    /// `NAME: CONTENT` at the start of a sentence: a speaker of a few words,
    /// one of them a name, then a colon.
    fn colon_frame(&self, lo: usize, hi: usize) -> Option<Statement> {
        let phrase = self.phrase_forward(lo, hi)?;
        let colon = phrase.end;
        if !self.is_punct(colon, ":")
            || phrase.len() > 6
            || !phrase
                .clone()
                .any(|i| self.capitalized(i) && self.nominal(i))
            || phrase.clone().any(|i| self.has(i, Section::Notice))
        {
            return None;
        }
        let entry = lexicon().lookup(&[":"])?;
        let start = colon + 1;
        let words = (start..hi.min(start + 8))
            .filter(|&j| self.word(j).is_some())
            .count();
        if words < 3 {
            return None;
        }
        let (content, channels, end) = self.content_after(start, hi);
        Some(Statement {
            speaker: Some(Phrase::plain(phrase)),
            cue: Some((colon..colon + 1, entry)),
            content: one(content),
            channels,
            end,
            ..Statement::default()
        })
    }

    /// An ending frame found with the sentence as its content, reporting from
    /// `pos` instead: `None` when too little is left before it.
    fn reported_from(&self, ending: &Statement, pos: usize) -> Option<Statement> {
        let first = ending.content.first()?;
        if first.start >= pos {
            return Some(ending.clone());
        }
        let start = self.trim_start(pos, first.end);
        if !self.enough_words(start, first.end) {
            return None;
        }
        let mut found = ending.clone();
        found.content[0] = start..first.end;
        Some(found)
    }

    /// At least two words, or a quotation, between `start` and `end`.
    fn enough_words(&self, start: usize, end: usize) -> bool {
        let mut words = 0;
        for i in (start..end).rev().take(64) {
            if !self.is_outside_quotes(i) || self.is_close(i) {
                return true;
            }
            if self.word(i).is_some() {
                words += 1;
                if words >= 2 {
                    return true;
                }
            }
        }
        false
    }

    /// The statement a cue starts, reading from `pos`: `According to X, ...`,
    /// `X said ...`, `..., adding ...`.
    fn starting_frame(
        &self,
        pos: usize,
        cue: CueAt,
        hi: usize,
        borrowed: Option<Phrase>,
    ) -> Option<Statement> {
        if cue.entry.frame == CueFrame::According {
            return self.according(pos, cue, hi);
        }
        let verb_start = self.skip_back_to_verb(cue.start, pos);
        self.leading(pos, cue, verb_start, hi)
            .or_else(|| self.borrowing(pos, cue, verb_start, hi, borrowed))
    }

    /// `According to X, CONTENT` and `CONTENT, according to X`.
    fn according(&self, pos: usize, cue: CueAt, hi: usize) -> Option<Statement> {
        let source = self.source_phrase(cue.end, hi)?;
        let mut found = Statement {
            speaker: Some(Phrase::plain(source.clone())),
            cue: Some((cue.start..cue.end, cue.entry)),
            ..Statement::default()
        };
        let before = self.trim_end(pos, cue.start);
        if before > pos && self.enough_words(pos, before) && !self.opener_only(pos, before) {
            found.content = one(self.trim_start(pos, before)..before);
            found.end = source.end;
            return Some(found);
        }
        if self.is_comma(source.end) {
            let (content, channels, end) = self.content_after(source.end + 1, hi);
            if content.is_empty() {
                return None;
            }
            found.content = vec![content];
            found.channels = channels;
            found.end = end;
            return Some(found);
        }
        None
    }

    /// Only words that open a clause (`But`, `And`) between `from` and `to`.
    fn opener_only(&self, from: usize, to: usize) -> bool {
        to - from < 4 && (from..to).all(|i| self.word(i).is_none() || self.has(i, Section::Opener))
    }

    /// `"...," said Wang`, `..., said Ned Price, the State Department spokesman`.
    fn inverted(&self, pos: usize, cue: CueAt, hi: usize) -> Option<Statement> {
        // `"...?" asked the boy`
        if !matches!(cue.entry.frame, CueFrame::Verb | CueFrame::Addressee)
            || cue.entry.is_participle()
        {
            return None;
        }
        // `"...", suggests that Phoenix ...`: what follows the cue is what was said.
        if self.is(cue.end, "that") {
            return None;
        }
        let boundary = self.content_boundary(pos, cue.start)?;
        let mut phrase = match self.phrase_forward(cue.end, hi) {
            Some(speaker) => Phrase::plain(speaker),
            None => self.described_name(cue.end, hi)?,
        };
        let speaker = phrase.span.clone();
        if self.has(speaker.start, Section::Audience) && !self.has(speaker.start, Section::Pronoun)
            || self.is_open(speaker.end)
        {
            return None;
        }
        let mut end = speaker.end;
        let quoted = self.is_close(boundary.saturating_sub(1)) || self.is_close(boundary);
        // After an inverted cue the appositive runs to the end of the sentence,
        // or to what starts something new there; a `who` clause describes the
        // speaker too, but gives no role.
        if self.is_comma(end)
            && !self.starts_something(end + 1, hi)
            && !self.no_appositive(end + 1, hi)
        {
            let stop = (end + 1..hi)
                .find(|&j| {
                    self.is_comma(j)
                        && (self.starts_something(j + 1, hi) || self.no_appositive(j + 1, hi))
                        || self.is_open(j)
                })
                .unwrap_or(hi);
            if stop > end + 1 {
                if !self.has(end + 1, Section::Relative) {
                    phrase.role = Some(end + 1..stop);
                }
                phrase.span = speaker.start..stop;
                end = stop;
            }
        } else {
            end = self.tail(end, hi, quoted)?;
        }
        let mut found = Statement {
            speaker: Some(phrase),
            cue: Some((cue.start..cue.end, cue.entry)),
            content: one(self.trim_start(pos, boundary)..boundary),
            end,
            ..Statement::default()
        };
        self.second_part(&mut found, hi);
        Some(found)
    }

    /// `9/11 widow Terry Strada`, `master of ceremonies Bob Cole`: a role in
    /// lower case and without a determiner before the name it describes, as an
    /// inverted cue's speaker (`"...," said longtime friend Ann Lee`).
    fn described_name(&self, start: usize, hi: usize) -> Option<Phrase> {
        const MAX_ROLE: usize = 6;
        let mut k = start;
        while k < hi.min(start + MAX_ROLE) {
            let s = self.sections(k);
            let plain = self.word(k).is_some()
                && !self.capitalized(k)
                && (self.open_class(k) || self.is_number(k) || self.is(k, "of") && k > start)
                && !(s.has(Section::Time) || s.has(Section::Audience) || self.is(k, "that"));
            // `9/11`, `first-term`
            let joined = k > start
                && self.is_punct(k, "/-")
                && self.tokens[k - 1].end() == self.tokens[k].start()
                && self
                    .tokens
                    .get(k + 1)
                    .is_some_and(|n| n.start() == self.tokens[k].end());
            if !(plain || joined) {
                break;
            }
            k += 1;
        }
        if k == start || self.is(k - 1, "of") || !self.capitalized(k) {
            return None;
        }
        let name = self.phrase_forward(k, hi)?;
        if !name.clone().any(|i| self.capitalized(i) && self.nominal(i)) {
            return None;
        }
        Some(Phrase {
            span: start..name.end,
            role: Some(start..k),
            name,
        })
    }

    /// After `said Wang,` (or a comma inside his appositive): what describes
    /// no speaker. A participle clause (`summing up the talks`, `asked about
    /// ...`), a clause of circumstance (`as he left`), or a circumstance that
    /// ends the sentence (`on his first day on the job`).
    fn no_appositive(&self, k: usize, hi: usize) -> bool {
        let Some(w) = self.word(k) else {
            return false;
        };
        let capital = self.capitalized(k);
        let last = !(k..hi).any(|j| self.is_comma(j));
        !capital && (w.ends_with("ing") && !self.has(k, Section::Title) || w == "asked")
            || !capital && last && self.has(k, Section::Preposition) && w != "of"
            || matches!(
                w,
                "as" | "while" | "when" | "after" | "before" | "because" | "though" | "although"
            )
    }

    /// Where what was said ends before a trailing frame at `at`: the comma or
    /// closing mark before it, with words before that.
    fn content_boundary(&self, pos: usize, at: usize) -> Option<usize> {
        let before = at.checked_sub(1).filter(|&b| b >= pos)?;
        let end = if self.is_comma(before)
            || self.is_punct(before, "—–") && self.is_outside_quotes(before)
        {
            before
        } else if self.is_close(before) {
            at
        } else {
            return None;
        };
        // `As cited by the foreign ministry, Wang said`: a channel, not what was said.
        if self
            .channel_words(pos)
            .and_then(|skip| self.source_phrase(pos + skip, end))
            .is_some_and(|source| self.trim_end(pos, end) <= source.end)
        {
            return None;
        }
        self.enough_words(pos, end).then_some(end)
    }

    /// `"...," Wang said`, `..., the ministry said in a statement.`
    fn trailing(&self, pos: usize, cue: CueAt, verb_start: usize, hi: usize) -> Option<Statement> {
        if cue.entry.is_participle() {
            return None;
        }
        let phrase = self.phrase_back(self.subject_end(verb_start, pos), pos)?;
        // `"...," Cordesman, who has advised McCain, said`: a relative clause
        // inside the speaker's appositive frames nothing before it.
        if self.is(phrase.span.start, "who") {
            return None;
        }
        let boundary = self.content_boundary(pos, phrase.span.start)?;
        let quoted = self.is_close(boundary.saturating_sub(1)) || self.is_close(boundary);
        let mut k = cue.end;
        let mut addressee = None;
        if cue.entry.takes_addressee()
            && let Some(a) = self
                .phrase_forward(k, hi)
                .or_else(|| self.quoted_title(k, hi))
        {
            k = a.end;
            addressee = Some(a);
        } else if cue.entry.frame == CueFrame::AddresseeRequired && !quoted {
            return None;
        }
        let end = self.tail(k, hi, quoted)?;
        // `said in a statement carried by WAM`
        let channels = self.channels_in(k..end);
        // `As for the pundits, Bolton said, "..."`: what was said follows.
        if !quoted
            && self.is_comma(end)
            && self.is_open(end + 1)
            && (self.adverbial_prefix(pos, boundary) || self.few_words(pos, boundary))
        {
            return None;
        }
        let mut found = Statement {
            speaker: Some(phrase),
            cue: Some((verb_start..cue.end, cue.entry)),
            addressee,
            channels,
            content: one(self.trim_start(pos, boundary)..boundary),
            end,
        };
        self.second_part(&mut found, hi);
        Some(found)
    }

    /// `Later in the piece,`: too few words between `from` and `to` to be what was said.
    fn few_words(&self, from: usize, to: usize) -> bool {
        (from..to).filter(|&i| self.word(i).is_some()).count() <= 5
    }

    /// `As for the pundits,`, `In a statement,`: a prefix that sets the scene
    /// for what follows rather than saying anything.
    fn adverbial_prefix(&self, pos: usize, end: usize) -> bool {
        let start = self.trim_start(pos, end);
        let s = self.sections(start);
        let scene = matches!(
            self.word(start),
            Some("as" | "when" | "while" | "after" | "before" | "if" | "asked" | "pressed")
        ) || self.word(start).is_some_and(|w| w.ends_with("ing"));
        (s.has(Section::Preposition) || scene) && !self.is(start, "that")
    }

    /// What may follow a trailing cue without being reported: nothing, or
    /// circumstance up to a comma (`in a statement`, `on Thursday`, `of the
    /// discovery`). Gives where it ends.
    ///
    /// After a quotation (`quoted`) a cue reports nothing more, so anything
    /// up to a comma is circumstance (`he tells hundreds of supporters at a
    /// rally`, `he said on ABC's "This Week"`).
    fn tail(&self, k: usize, hi: usize, quoted: bool) -> Option<usize> {
        if k >= hi || self.is_comma(k) {
            return Some(k.min(hi));
        }
        if self.is_open(k) || self.is(k, "that") || self.is_punct(k, ":") {
            return None;
        }
        let s = self.sections(k);
        let circumstance = s.has(Section::Preposition)
            || s.has(Section::Time)
            || s.has(Section::Weekday)
            || s.has(Section::Month)
            || self.adverbial(k)
            || self.is_number(k)
            || s.has(Section::Determiner) && self.has(k + 1, Section::Time)
            || matches!(
                self.word(k),
                Some("as" | "while" | "when" | "before" | "after")
            )
            || self.is_punct(k, "(—–-");
        if !circumstance && !quoted {
            return None;
        }
        let longest = if quoted { 3 * MAX_TAIL } else { MAX_TAIL };
        for j in k..hi.min(k + longest) {
            if self.is_comma(j) || self.is_punct(j, ";") && self.is_outside_quotes(j) {
                return Some(j);
            }
            // `Cruz said as the heckler yelled: "..."`: a clause of its own.
            if j > k
                && matches!(self.word(j), Some("as" | "while" | "when" | "and" | "but"))
                && self.clause_with_frame(j + 1, hi)
            {
                return Some(j);
            }
            if !quoted && (self.is_open(j) || self.is(j, "that") && self.is_outside_quotes(j)) {
                return None;
            }
        }
        (hi <= k + longest).then_some(hi)
    }

    /// After a trailing frame: `"A," he said, "B."` or `A, aides said, is B`.
    fn second_part(&self, found: &mut Statement, hi: usize) {
        let mut at = found.end;
        if !self.is_comma(at) {
            return;
        }
        // `"A," Trump said during a rally in Kenansville, N.C., "B."`
        if !self.is_open(at + 1)
            && let Some(comma) = (at + 1..hi.min(at + MAX_TAIL))
                .take_while(|&j| {
                    !self.is_open(j) && !self.is(j, "that") && self.cue_at(j).is_none()
                })
                .find(|&j| self.is_comma(j) && self.is_open(j + 1))
        {
            at = comma;
        }
        let first_quoted = found
            .content
            .first()
            .is_some_and(|c| c.end > c.start && self.is_close(c.end - 1));
        if first_quoted
            && let Some(TokenKind::QuoteOpen(q)) = self.token_kind(at + 1)
            && let Some(close) = (at + 2..hi.min(at + MAX_QUOTE))
                .find(|&k| self.token_kind(k) == Some(TokenKind::QuoteClose(q)))
            && (close + 1 >= hi || self.is_comma(close + 1) || self.is_punct(close + 1, ".;"))
        {
            found.content.push(at + 1..close + 1);
            found.end = close + 1;
            return;
        }
        // `It's a reminder, Rogers said, that "..."`
        if (self.has(at + 1, Section::Auxiliary) || self.is(at + 1, "that"))
            && !self.has(at + 1, Section::Pronoun)
        {
            let (part, channels, end) = self.content_after(at + 1, hi);
            if !part.is_empty() {
                found.content.push(part);
                found.channels.extend(channels);
                found.end = end;
            }
        }
    }

    /// `Wang told Blinken that ...`, `He said: "..."`.
    fn leading(&self, pos: usize, cue: CueAt, verb_start: usize, hi: usize) -> Option<Statement> {
        // `a creative writing professor`: an -ing form without `is` is no verb of the phrase.
        if cue.entry.is_participle()
            && !(verb_start < cue.start
                && (verb_start..cue.start).any(|k| {
                    matches!(
                        self.word(k),
                        Some("is" | "are" | "was" | "were" | "been" | "be" | "'m" | "am")
                    ) || self
                        .word(k)
                        .is_some_and(|w| w.ends_with("'s") || w.ends_with("'re"))
                }))
        {
            return None;
        }
        let phrase = self.phrase_back(self.subject_end(verb_start, pos), pos)?;
        if !self.boundary_before(phrase.span.start, pos) {
            return None;
        }
        let mut found = Statement {
            speaker: Some(phrase.clone()),
            cue: Some((verb_start..cue.end, cue.entry)),
            ..Statement::default()
        };
        let before = phrase.span.start.saturating_sub(2 * MAX_PHRASE).max(pos);
        let mut relays = self.channels_in(before..phrase.span.start);
        let start = match self.quoted_as_saying(cue, &phrase, hi) {
            // `TASS quoted Lavrov as saying ...`, `The Kremlin was quoted by Interfax as saying ...`
            Some((speaker, channel, start)) => {
                found.speaker = Some(speaker);
                relays.push(channel);
                start
            }
            None => self.content_start(cue, hi, &mut found)?,
        };
        let (content, channels, end) = self.content_after(start, hi);
        if content.is_empty() {
            return None;
        }
        found.content = vec![content];
        // `Citing a senior official, Yonhap said`, `Kyodo News, citing government
        // sources, said`: who is cited is the speaker, who cites relays.
        let speaker = found.speaker.clone().unwrap_or(phrase);
        let cited = self.citing_prefix(before..speaker.span.start).or_else(|| {
            speaker
                .role
                .clone()
                .filter(|r| self.citing(r.start))
                .and_then(|r| self.source_phrase(r.start + 1, r.end.max(r.start + 1)))
        });
        if let Some(source) = cited {
            relays.retain(|r| *r != source);
            relays.push(speaker.name.clone());
            found.speaker = Some(Phrase::plain(source));
        }
        relays.append(&mut found.channels);
        found.channels = relays;
        found.channels.extend(channels);
        found.end = end;
        Some(found)
    }

    /// Whether `citing` or `quoting` stands at `i`: who follows is the source.
    fn citing(&self, i: usize) -> bool {
        matches!(self.word(i), Some("citing" | "quoting")) && self.is_outside_quotes(i)
    }

    /// `Citing X,` opening `range`: X.
    fn citing_prefix(&self, range: Range<usize>) -> Option<Range<usize>> {
        let at = range.clone().find(|&i| self.citing(i))?;
        let source = self.source_phrase(at + 1, range.end)?;
        self.is_comma(source.end).then_some(source)
    }

    /// After the cue `quote`: `Lavrov as saying` (the subject relays) or `by
    /// Interfax as saying` (passive: the subject is quoted). The speaker, the
    /// channel and where what was said starts.
    fn quoted_as_saying(
        &self,
        cue: CueAt,
        subject: &Phrase,
        hi: usize,
    ) -> Option<(Phrase, Range<usize>, usize)> {
        if cue.entry.lemma != "quote" {
            return None;
        }
        let (speaker, channel, k) = if self.is(cue.end, "by") {
            let by = self.phrase_forward(cue.end + 1, hi)?;
            let k = by.end;
            (subject.clone(), by, k)
        } else {
            let quoted = self.phrase_forward(cue.end, hi)?;
            let k = quoted.end;
            (Phrase::plain(quoted), subject.span.clone(), k)
        };
        if !(self.is(k, "as") && self.is(k + 1, "saying")) {
            return None;
        }
        let mut start = k + 2;
        while start < hi && self.is_punct(start, ",:") && self.is_outside_quotes(start) {
            start += 1;
        }
        (start < hi).then_some((speaker, channel, start))
    }

    /// A cue without a speaker of its own: `..., saying ...`, `... and said ...`.
    fn borrowing(
        &self,
        pos: usize,
        cue: CueAt,
        verb_start: usize,
        hi: usize,
        borrowed: Option<Phrase>,
    ) -> Option<Statement> {
        let before = verb_start
            .checked_sub(1)
            .filter(|&b| b >= pos.saturating_sub(1))?;
        let hangs = if cue.entry.is_participle() {
            self.is_comma(before)
                || matches!(
                    self.word(before),
                    Some("and" | "while" | "before" | "after" | "by" | "upon" | "when")
                )
                || self.is_punct(before, "—–")
                // `issued a statement saying`, `sent an email saying`
                || self.open_class(before) && !self.capitalized(before)
        } else {
            matches!(self.word(before), Some("and" | "but"))
        };
        if !hangs {
            return None;
        }
        let mut found = Statement {
            speaker: borrowed,
            cue: Some((verb_start..cue.end, cue.entry)),
            ..Statement::default()
        };
        let start = self.content_start(cue, hi, &mut found)?;
        let (content, channels, end) = self.content_after(start, hi);
        if content.is_empty() {
            return None;
        }
        found.content = vec![content];
        found.channels.extend(channels);
        found.end = end;
        Some(found)
    }

    /// Where what a leading cue reports starts: past an addressee it must
    /// take, past a colon, at `that` when circumstance stands before it.
    fn content_start(&self, cue: CueAt, hi: usize, found: &mut Statement) -> Option<usize> {
        let mut k = cue.end;
        match cue.entry.frame {
            CueFrame::AddresseeRequired => {
                let mut addressee = self.phrase_forward(k, hi)?;
                // `told his Russian counterpart China would ...`: the last name
                // before a verb is the subject of what was said.
                if addressee.len() > 1
                    && self.has(addressee.end, Section::Auxiliary)
                    && self.capitalized(addressee.end - 1)
                    && self.word(addressee.end - 2).is_some()
                {
                    addressee.end -= 1;
                }
                k = addressee.end;
                found.addressee = Some(addressee);
            }
            CueFrame::Addressee => {
                // `urged the US to stop`: the person is also part of what is reported.
                if let Some(addressee) = self.phrase_forward(k, hi)
                    && (self.is(addressee.end, "to")
                        || self.is(addressee.end, "of")
                        || self.is(addressee.end, "against")
                        || self.is(addressee.end, "that")
                        || self.is(addressee.end, "not"))
                {
                    found.addressee = Some(addressee);
                }
            }
            _ => {}
        }
        // `told Blinken in a phone call on Thursday that ...`
        if let Some(that) = (k..hi.min(k + MAX_THAT_DISTANCE))
            .take_while(|&j| self.is_outside_quotes(j) && !self.is_comma(j) && !self.is_open(j))
            .find(|&j| self.is(j, "that"))
            && (k..that).all(|j| self.circumstance_word(j))
        {
            // `said in a statement carried by WAM that ...`
            found.channels.extend(self.channels_in(k..that));
            k = that;
        }
        // `warned of the risks`, `spoke about the call`: the preposition
        // belongs to the cue, what it governs is what was said.
        if k == cue.end
            && found.addressee.is_none()
            && matches!(self.word(k), Some("of" | "about" | "with" | "against"))
            && let Some((range, _)) = &mut found.cue
        {
            k += 1;
            range.end = k;
        }
        while k < hi && self.is_punct(k, ",:-—–") && self.is_outside_quotes(k) {
            k += 1;
        }
        // `told reporters later, "..."`, `asking her, "..."`: a few words of
        // circumstance, then the quotation that is what was said.
        if let Some(comma) = (k..hi.min(k + 6)).find(|&j| self.is_comma(j) || !self.is_outside_quotes(j))
            && comma > k
            && self.is_comma(comma)
            && self.quoted_to_end(comma + 1, hi)
            && (k..comma).all(|j| !self.is(j, "that") && self.cue_at(j).is_none())
            // `things such as, "..."`: what was said is named before the quotation.
            && !matches!(self.word(comma - 1), Some("as" | "like" | "including"))
        {
            if cue.entry.takes_addressee()
                && found.addressee.is_none()
                && self.phrase_forward(k, comma) == Some(k..comma)
            {
                found.addressee = Some(k..comma);
            }
            k = comma + 1;
        }
        let words_from = if self.is(k, "that") { k + 1 } else { k };
        (k < hi && (words_from..hi.min(words_from + 8)).any(|j| self.word(j).is_some()))
            .then_some(k)
    }

    /// Whether a quotation opens at `k` and closes where the sentence ends.
    fn quoted_to_end(&self, k: usize, hi: usize) -> bool {
        let Some(TokenKind::QuoteOpen(q)) = self.token_kind(k) else {
            return false;
        };
        self.is_outside_quotes(k)
            && (k + 1..hi.min(k + MAX_QUOTE))
                .find(|&j| self.token_kind(j) == Some(TokenKind::QuoteClose(q)))
                .is_some_and(|close| self.trim_end(close + 1, hi) == close + 1)
    }

    /// A word of a circumstance between a cue and `that`: `in a phone call on Thursday`.
    fn circumstance_word(&self, j: usize) -> bool {
        let s = self.sections(j);
        self.word(j).is_none() && !self.is_open(j)
            || s.has(Section::Preposition)
            || s.has(Section::Determiner)
            || s.has(Section::Time)
            || s.has(Section::Weekday)
            || s.has(Section::Month)
            || self.adverbial(j)
            || self.is_number(j)
            || self.open_class(j)
    }

    /// What a leading frame reports, from `start`: to the end of the sentence,
    /// or to what starts something new (`, adding ...`, `, according to X`,
    /// `; he said ...`). Gives the content, channels named after it, and where
    /// the statement ends.
    fn content_after(&self, start: usize, hi: usize) -> (Range<usize>, Vec<Range<usize>>, usize) {
        let mut channels = Vec::new();
        let mut j = start;
        while j < hi {
            let boundary = (self.is_comma(j)
                || self.is_punct(j, ";—–") && self.is_outside_quotes(j))
                && j > start;
            if boundary {
                if let Some((channel, end)) = self.channel_at(j, hi) {
                    channels.push(channel);
                    return (start..self.trim_end(start, j), channels, end);
                }
                if self.starts_something(j + 1, hi) {
                    return (start..self.trim_end(start, j), channels, j);
                }
            }
            // `called on the senator to take back his words and said ...`
            if j > start
                && matches!(self.word(j), Some("and" | "but"))
                && self.is_outside_quotes(j)
                && self.second_verb(j + 1, hi)
            {
                return (start..self.trim_end(start, j), channels, j);
            }
            j += 1;
        }
        (start..self.trim_end(start, hi), channels, hi)
    }

    /// Whether a new statement starts at `k`: a participle cue (`adding`), or
    /// `and`/`but` with a speaker and a cue of their own.
    fn starts_something(&self, k: usize, hi: usize) -> bool {
        if let Some(cue) = self.cue_at(k)
            && cue.entry.is_participle()
        {
            return true;
        }
        if self.inverted_relay(k, hi).is_some() {
            return true;
        }
        let k = if matches!(self.word(k), Some("and" | "but" | "while" | "whereas")) {
            k + 1
        } else {
            k
        };
        let Some(phrase) = self.phrase_forward(k, hi) else {
            return false;
        };
        let at = self.skip_forward_to_verb(phrase.end, hi);
        self.cue_at(at)
            .is_some_and(|c| c.entry.frame != CueFrame::According)
            && (self.is_outside_quotes(k))
    }

    /// Whether a cue that shares the clause's speaker starts at `k`: `and said`,
    /// `but also said`.
    fn second_verb(&self, k: usize, hi: usize) -> bool {
        let at = self.skip_forward_to_verb(k, hi);
        self.cue_at(at).is_some_and(|c| {
            c.entry.speech
                && !c.entry.is_participle()
                && c.entry.frame != CueFrame::According
                && !self.has(at, Section::Noun)
        })
    }

    /// Whether a speaker and a cue of their own start at `k`.
    fn clause_with_frame(&self, k: usize, hi: usize) -> bool {
        let Some(phrase) = self.phrase_forward(k, hi) else {
            return false;
        };
        let at = self.skip_forward_to_verb(phrase.end, hi);
        self.cue_at(at)
            .is_some_and(|c| c.entry.frame != CueFrame::According && !c.entry.is_participle())
    }

    /// `, according to X` / `, as cited by X` / `, citing X` at the comma `j`:
    /// the channel and where it ends.
    fn channel_at(&self, j: usize, hi: usize) -> Option<(Range<usize>, usize)> {
        let k = if self.is_comma(j) { j + 1 } else { j };
        let skip = self.channel_words(k)?;
        let source = self.source_phrase(k + skip, hi)?;
        Some((source.clone(), source.end))
    }

    /// `, Bloomberg reported` or `, state media said on Tuesday` at the comma
    /// `j`, ending the sentence after a statement: who relays it, and where
    /// the sentence ends.
    fn relay_at(&self, j: usize, hi: usize) -> Option<(Range<usize>, usize)> {
        if !self.is_comma(j) {
            return None;
        }
        let start = j + 1;
        if let Some(relay) = self.inverted_relay(start, hi) {
            return Some((relay, hi));
        }
        let at = (start + 1..hi.min(start + MAX_PHRASE)).find(|&k| {
            self.cue_at(k).is_some() || self.word(k).is_none() && !self.initial_stop(k)
        })?;
        let cue = self.cue_at(at)?;
        if !matches!(cue.entry.lemma.as_str(), "report" | "say" | "write")
            || cue.entry.is_participle()
        {
            return None;
        }
        let relay = start..self.subject_end(self.skip_back_to_verb(at, start), start);
        let word_of_name = |i: usize| {
            let s = self.sections(i);
            self.word(i).is_some()
                && !(s.has(Section::Relative) || s.has(Section::Opener) || s.has(Section::Audience))
                || self.initial_stop(i)
        };
        if relay.is_empty()
            || relay.len() == 1 && self.has(relay.start, Section::Pronoun)
            || !relay.clone().all(word_of_name)
        {
            return None;
        }
        (self.tail(cue.end, hi, false)? == hi).then_some((relay, hi))
    }

    /// `stated ANI.`, `reported Xinhua.` at `k`, ending the sentence: the
    /// relay's name after its cue, as aggregators credit wire copy.
    fn inverted_relay(&self, k: usize, hi: usize) -> Option<Range<usize>> {
        let cue = self.cue_at(k)?;
        if cue.start != k
            || !matches!(
                cue.entry.lemma.as_str(),
                "report" | "say" | "state" | "write"
            )
            || cue.entry.is_participle()
            || !self.is_outside_quotes(k)
        {
            return None;
        }
        let name = cue.end..self.trim_end(cue.end, hi);
        let named = !name.is_empty()
            && name.len() <= MAX_PHRASE
            // `dpa` is an agency in lower case.
            && (self.capitalized(name.start) || self.has(name.start, Section::Organisation))
            && !self.has(name.start, Section::Pronoun)
            && name.clone().all(|i| self.word(i).is_some() || self.initial_stop(i));
        named.then_some(name)
    }

    /// How many words introduce a channel at `i`: `according to`, `as cited in`, `citing`.
    fn channel_words(&self, i: usize) -> Option<usize> {
        if !self.is_outside_quotes(i) {
            return None;
        }
        let skip = match (self.word(i), self.word(i + 1)) {
            (Some("according"), Some("to")) => 2,
            (Some("as"), Some("cited" | "quoted" | "reported" | "carried")) => {
                if matches!(self.word(i + 2), Some("in" | "by" | "on")) {
                    3
                } else {
                    2
                }
            }
            (Some("cited" | "quoted"), Some("by" | "in")) => 2,
            // `in a statement carried by the state news agency`
            (Some("carried" | "published"), Some("by")) => 2,
            (Some("citing" | "quoting"), _) => 1,
            _ => return None,
        };
        Some(skip)
    }

    /// `according to X`, `as cited in X`: X runs to the next comma or the end.
    fn source_phrase(&self, start: usize, hi: usize) -> Option<Range<usize>> {
        let mut end = start;
        let hi = hi.min(start + 2 * MAX_PHRASE);
        while end < hi && !self.is_comma(end) && self.is_outside_quotes(end) && !self.is_open(end) {
            end += 1;
        }
        let end = self.trim_end(start, end);
        (end > start && (start..end).any(|i| self.word(i).is_some())).then_some(start..end)
    }

    /// Channels named inside `range`: `as cited by X`, `according to X`, `citing X`.
    fn channels_in(&self, range: Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            if let Some(skip) = self.channel_words(i)
                && let Some(source) = self.source_phrase(i + skip, range.end)
            {
                i = source.end;
                out.push(source);
            } else {
                i += 1;
            }
        }
        out
    }

    /// Move back from the cue at `cue` over auxiliaries and adverbs that belong
    /// to it (`has also said`, `would not say`): where the cue's span starts.
    fn skip_back_to_verb(&self, cue: usize, lo: usize) -> usize {
        let mut start = cue;
        while start > lo {
            let k = start - 1;
            let s = self.sections(k);
            if self.word(k).is_some()
                && (s.has(Section::Auxiliary) || self.adverbial(k))
                && !s.has(Section::Pronoun)
                && !self.capitalized(k)
            {
                start = k;
            } else {
                break;
            }
        }
        start
    }

    /// Move back from a cue's first word over a time between it and its
    /// speaker (`Priebus later Thursday told`, `Wang Yi on Thursday asked`):
    /// where the speaker phrase ends.
    fn subject_end(&self, verb_start: usize, lo: usize) -> usize {
        let mut end = verb_start;
        while end > lo {
            let k = end - 1;
            let s = self.sections(k);
            let time = s.has(Section::Weekday)
                || s.has(Section::Time) && !s.has(Section::Determiner) && !self.capitalized(k)
                || self.is(k, "on") && end < verb_start
                || self.adverbial(k) && !self.capitalized(k);
            if time && self.word(k).is_some() {
                end = k;
            } else {
                break;
            }
        }
        // `last week`, `this month`
        if end > lo
            && end < verb_start
            && matches!(self.word(end - 1), Some("last" | "this" | "next" | "on"))
        {
            end -= 1;
        }
        if end == lo { verb_start } else { end }
    }

    /// `"Fox and Friends"`, `ABC's "This Week"` as the one spoken to.
    fn quoted_title(&self, k: usize, hi: usize) -> Option<Range<usize>> {
        let Some(TokenKind::QuoteOpen(q)) = self.token_kind(k) else {
            return None;
        };
        let close = (k + 1..hi.min(k + 10))
            .find(|&j| self.token_kind(j) == Some(TokenKind::QuoteClose(q)))?;
        (k + 1..close)
            .all(|j| {
                self.word(j).is_none()
                    || self.capitalized(j)
                    || matches!(self.word(j), Some("and" | "of" | "the"))
            })
            .then_some(k..close + 1)
    }

    /// Move forward from `k` over auxiliaries, adverbs and `on Thursday`.
    fn skip_forward_to_verb(&self, mut k: usize, hi: usize) -> usize {
        while k < hi {
            let s = self.sections(k);
            if self.word(k).is_some()
                && (s.has(Section::Auxiliary) || self.adverbial(k) || s.has(Section::Weekday))
            {
                k += 1;
            } else if self.is(k, "on") && self.has(k + 1, Section::Weekday) {
                k += 2;
            } else {
                break;
            }
        }
        k
    }

    /// Whether a phrase starting at `start` begins a clause rather than sitting
    /// inside one: the start of the sentence, a mark, `and`, `that`, `while`, a date.
    fn boundary_before(&self, start: usize, lo: usize) -> bool {
        if start <= lo {
            return true;
        }
        let before = start - 1;
        if matches!(
            self.token_kind(before),
            Some(TokenKind::QuoteClose(_) | TokenKind::QuoteOpen(_))
        ) {
            return true;
        }
        if self.word(before).is_none() {
            return self.is_punct(before, ",:;()[]-—–―");
        }
        let s = self.sections(before);
        s.has(Section::Opener)
            || s.has(Section::Relative)
            || s.has(Section::Weekday)
            || s.has(Section::Time)
            || self.is_number(before)
            || self.has(before, Section::Adverb) && self.capitalized(before)
    }

    /// The subject at the start of the sentence, for cues that borrow it.
    fn subject(&self, lo: usize, hi: usize) -> Option<Range<usize>> {
        let mut k = lo;
        // Past an opening circumstance: `On Saturday,`, `In a statement Tuesday,`.
        if self.has(k, Section::Preposition) || self.has(k, Section::Opener) || self.adverbial(k) {
            if let Some(comma) = (k..hi.min(k + 12)).find(|&j| self.is_comma(j)) {
                k = comma + 1;
            }
        }
        self.phrase_forward(k, hi)
    }

    /// The speaker phrase that ends just before `end` (the start of the cue),
    /// with an appositive: `US State Department spokesperson Ned Price`,
    /// `Michael Tyler, a spokesman for the campaign,`, `the White House
    /// spokesman, Josh Earnest,`, `he`.
    fn phrase_back(&self, end: usize, lo: usize) -> Option<Phrase> {
        let last = end.checked_sub(1).filter(|&l| l >= lo)?;
        if self.is_comma(last) {
            return self.appositive_back(last, lo);
        }
        if self.is_punct(last, ")") && self.is_outside_quotes(last) {
            // `Sen. Chuck Grassley (R-Iowa) said`
            let open = (lo..last).rev().take(8).find(|&k| self.is_punct(k, "("))?;
            let core = self.noun_phrase_back(open, lo)?;
            return Some(Phrase {
                span: core.start..end,
                name: core,
                role: None,
            });
        }
        self.noun_phrase_back(end, lo).map(Phrase::plain)
    }

    /// `NAME, APPOSITIVE,` or `ROLE, NAME,` ending at the comma `comma`.
    fn appositive_back(&self, comma: usize, lo: usize) -> Option<Phrase> {
        let commas: Vec<usize> = (lo.max(comma.saturating_sub(MAX_APPOSITIVE))..comma)
            .rev()
            .take_while(|&k| self.is_outside_quotes(k) || self.is_close(k))
            .filter(|&k| self.is_comma(k))
            .take(3)
            .collect();
        // `Christopher Harvey, a delegate from Houston, Texas, said`: the name
        // before the first of the commas, where a clause may start.
        let open = commas
            .iter()
            .rev()
            .copied()
            .find(|&k| {
                self.name_back(k, lo).is_some_and(|core| {
                    self.boundary_before(core.start, lo)
                        && core.clone().any(|i| self.capitalized(i) && self.nominal(i))
                })
            })
            .or_else(|| commas.first().copied())?;
        if open + 1 >= comma {
            return None;
        }
        let core = self.name_back(open, lo)?;
        let inner = open + 1..comma;
        // `Reid, who called on Grayson to quit, said`: the relative clause
        // describes him, as an appositive does, but gives no role.
        if self.has(inner.start, Section::Relative) {
            return Some(Phrase {
                span: core.start..comma,
                name: core,
                role: None,
            });
        }
        // `Ki Hong, 33, said`: an age.
        if inner.len() == 1 && self.is_number(inner.start) {
            return Some(Phrase {
                span: core.start..comma,
                name: core,
                role: None,
            });
        }
        let named = |r: &Range<usize>| r.clone().any(|i| self.capitalized(i) && self.nominal(i));
        let inner_name = self
            .noun_phrase_back(comma, open + 1)
            .filter(|p| p.start == open + 1);
        // `the White House spokesman, Josh Earnest,`
        if let Some(name) = inner_name.filter(|n| {
            named(n)
                && !core.clone().any(|i| {
                    self.capitalized(i)
                        && !self.has(i, Section::Title)
                        && !self.has(i, Section::Body)
                        && self.nominal(i)
                })
        }) {
            return Some(Phrase {
                span: core.start..comma,
                name,
                role: Some(core),
            });
        }
        if !named(&core) {
            return None;
        }
        Some(Phrase {
            span: core.start..comma,
            name: core,
            role: Some(inner),
        })
    }

    /// A name that ends just before `end`, or before a party and state after it
    /// (`Rep. Jim Jordan (R-Ohio)`).
    fn name_back(&self, end: usize, lo: usize) -> Option<Range<usize>> {
        let last = end.checked_sub(1).filter(|&l| l >= lo)?;
        if self.is_punct(last, ")") && self.is_outside_quotes(last) {
            let open = (lo..last).rev().take(8).find(|&k| self.is_punct(k, "("))?;
            return self.noun_phrase_back(open, lo);
        }
        self.noun_phrase_back(end, lo)
    }

    /// A noun phrase that ends just before `end`: a pronoun, or a run of names,
    /// titles and nouns opened by a determiner, with `of`-phrases
    /// (`supporters of the bill`).
    fn noun_phrase_back(&self, end: usize, lo: usize) -> Option<Range<usize>> {
        let last = end.checked_sub(1).filter(|&l| l >= lo)?;
        if self.has(last, Section::Pronoun) || self.is(last, "who") {
            return Some(last..end);
        }
        if !(self.nominal(last) || self.open_class(last) || self.is_number(last)) {
            return None;
        }
        let head_is_name = self.capitalized(last);
        let mut start = end;
        let mut attached = 0;
        while start > lo && end - start < MAX_PHRASE {
            let k = start - 1;
            if self.word(k).is_none() {
                if self.initial_stop(k) || self.hyphen_inside(k) || self.is_punct(k, "&") {
                    start = k;
                    continue;
                }
                break;
            }
            let s = self.sections(k);
            // `... bill that New Jersey Gov. Chris Christie said`: `that` before a
            // name opens a clause, not the phrase.
            if matches!(self.word(k), Some("that" | "this")) && self.capitalized(k + 1) {
                break;
            }
            if s.has(Section::Determiner) {
                start = k;
                // `One of the authors`, `some of his aides`
                if k >= lo + 2 && self.is(k - 1, "of") && self.has(k - 2, Section::Determiner) {
                    start = k - 2;
                    break;
                }
                // `a spokesman for the Feingold campaign`: the determiner opens a
                // phrase that may hang on the noun before it.
                if attached < 2
                    && k >= lo + 2
                    && matches!(
                        self.word(k - 1),
                        Some("of" | "for" | "at" | "from" | "with" | "in")
                    )
                    && (self.nominal(k - 2) || self.open_class(k - 2))
                {
                    attached += 1;
                    start = k - 1;
                    continue;
                }
                break;
            }
            if matches!(self.word(k), Some("of" | "for" | "at"))
                && start < end
                && attached < 2
                && k > lo
                && (self.nominal(k - 1) || self.open_class(k - 1))
            {
                attached += 1;
                start = k;
                continue;
            }
            if self.is(k, "and")
                && start < end
                && k > lo
                && self.capitalized(start)
                && self.nominal(k - 1)
            {
                start = k;
                continue;
            }
            if self.nominal(k) {
                start = k;
                continue;
            }
            // Before a name only titles and bodies stand (`campaign manager
            // Robby Mook`); before a common noun any modifier does.
            if self.open_class(k) || self.is_number(k) {
                let before_name = head_is_name
                    && (start..end).all(|i| self.capitalized(i) || self.word(i).is_none());
                if before_name && !s.has(Section::Title) {
                    break;
                }
                start = k;
                continue;
            }
            break;
        }
        while start < end && matches!(self.word(start), Some("of" | "and" | "for" | "at")) {
            start += 1;
        }
        (start < end).then_some(start..end)
    }

    /// A speaker or addressee phrase that starts at `start`: `the United States`,
    /// `U.S. Secretary of State Antony Blinken`, `ANI`, `reporters`, `him`,
    /// `one Democrat familiar with the discussion`.
    pub(super) fn phrase_forward(&self, start: usize, hi: usize) -> Option<Range<usize>> {
        if start >= hi || !self.is_outside_quotes(start) {
            return None;
        }
        let s = self.sections(start);
        if (s.has(Section::Pronoun) || s.has(Section::Audience)) && !self.capitalized(start)
            || s.has(Section::Pronoun) && !s.has(Section::Determiner)
        {
            return Some(start..start + 1);
        }
        let mut end = start;
        let mut determined = false;
        while self.has(end, Section::Determiner) && end < hi && end < start + 3 {
            end += 1;
            determined = true;
        }
        let first = end;
        while end < hi && end - start < MAX_PHRASE {
            match self.phrase_step(end, first, hi, determined) {
                Some(next) => end = next,
                None => break,
            }
        }
        while end > first
            && (matches!(
                self.word(end - 1),
                Some("of" | "and" | "for" | "at" | "from")
            ) || self.has(end - 1, Section::Determiner))
        {
            end -= 1;
        }
        (end > first).then_some(start..end)
    }

    /// One step of [`Clause::phrase_forward`] from `end`: where the phrase
    /// goes on to, or `None` where it stops.
    fn phrase_step(&self, end: usize, first: usize, hi: usize, determined: bool) -> Option<usize> {
        let started = end > first;
        let lower_noun = determined && self.open_class(end) && !self.capitalized(end);
        let joins = |next: usize| self.nominal(next) || self.has(next, Section::Determiner);
        let word = self.word(end);
        let one_more = self.nominal(end)
            || lower_noun
            || self.is_number(end) && started
            || word.is_none() && (self.initial_stop(end) || self.hyphen_inside(end))
            // `Secretary of State`, `director of the institute`
            || word == Some("of") && started && joins(end + 1)
            // `a spokesman for the campaign`, `a professor at the university`
            || matches!(word, Some("for" | "at" | "from"))
                && started
                && self.has(end - 1, Section::Title)
                && joins(end + 1)
            // `State Councilor and Foreign Minister`
            || word == Some("and")
                && started
                && self.has(end - 1, Section::Title)
                && self.nominal(end + 1);
        if one_more {
            return Some(end + 1);
        }
        // `Sen. Chuck Grassley (R-Iowa)`
        if started && self.is_punct(end, "(") {
            let close = (end + 1..hi.min(end + 8)).find(|&k| self.is_punct(k, ")"))?;
            return Some(close + 1);
        }
        None
    }

    /// Without punctuation at the start (a comma left after the last statement).
    fn trim_start(&self, mut start: usize, end: usize) -> usize {
        while start < end && self.is_punct(start, ",;:—–-") && self.is_outside_quotes(start) {
            start += 1;
        }
        start
    }

    /// Read the content of `outer` for a frame at its very start: nested speech.
    fn nested(&self, outer: Statement, level: usize) -> Statement {
        if level > MAX_NESTING || outer.content.len() != 1 {
            return outer;
        }
        let Range { start, end } = outer.content[0].clone();
        let start = if self.is(start, "that") {
            start + 1
        } else {
            start
        };
        let quoted = match (
            self.token_kind(start),
            end.checked_sub(1).and_then(|e| self.token_kind(e)),
        ) {
            (Some(TokenKind::QuoteOpen(a)), Some(TokenKind::QuoteClose(b))) => a == b,
            _ => false,
        };
        let inner = if quoted {
            // Inside a direct quote the frame starts after the opening mark: read the
            // quotation as a clause of its own, where its words are outside quotes.
            let (lo, hi) = (start + 1, end - 1);
            let inside = self.inside(lo..hi);
            inside
                .leading_at_start(0, inside.len())
                .filter(|s| {
                    // `"He continues to ...," he said`: a pronoun in a quote is the speaker's own.
                    s.speaker.as_ref().is_none_or(|p| {
                        !(p.span.len() == 1 && inside.has(p.span.start, Section::Pronoun))
                    })
                })
                .map(|mut s| {
                    s.shift(lo);
                    // What is left runs to the closing mark.
                    if let Some(last) = s.content.last_mut() {
                        last.end = last.end.max(hi);
                    }
                    s
                })
        } else {
            self.leading_at_start(start, end)
        };
        let Some(mut inner) = inner else { return outer };
        let mut channels = outer.channels;
        // `..., he said`: a pronoun relays no one new.
        channels.extend(
            outer
                .speaker
                .map(|p| p.span)
                .filter(|s| !(s.len() == 1 && self.has(s.start, Section::Pronoun))),
        );
        channels.extend(inner.channels);
        inner.channels = channels;
        inner.end = outer.end;
        self.nested(inner, level + 1)
    }

    /// A leading frame whose speaker opens `lo..hi` and names a person or a
    /// role: `Blinken underscored ...`, `the Secretary warned of ...`.
    fn leading_at_start(&self, lo: usize, hi: usize) -> Option<Statement> {
        let hi = self.trim_end(lo, hi);
        // `As cited by the foreign ministry, Wang said ...`
        let mut prefix = Vec::new();
        let mut lo = lo;
        if let Some(skip) = self.channel_words(lo)
            && let Some(source) = self.source_phrase(lo + skip, hi)
            && self.is_comma(source.end)
        {
            lo = source.end + 1;
            prefix.push(source);
        }
        let phrase = self.phrase_forward(lo, hi)?;
        // `We will not back down`: the speaker of a quote is no one else it names.
        if matches!(
            self.word(phrase.start).and_then(|w| w.split('\'').next()),
            Some("i" | "we" | "you")
        ) {
            return None;
        }
        let person = phrase.clone().any(|i| {
            self.has(i, Section::Title)
                || self.has(i, Section::Pronoun)
                || self.capitalized(i)
                    && self.nominal(i)
                    && !self.has(i, Section::Organisation)
                    && !self.has(i, Section::Body)
        });
        let at = self.skip_forward_to_verb(phrase.end, hi);
        let cue = self.cue_at(at)?;
        if matches!(cue.entry.frame, CueFrame::According)
            || cue.entry.is_participle()
            || !cue.entry.speech
        {
            return None;
        }
        // `TASS quoted Lavrov as saying ...`: a body may relay a person.
        let relayed = self.quoted_as_saying(cue, &Phrase::plain(phrase.clone()), hi);
        if !person && relayed.is_none() {
            return None;
        }
        let verb_start = self.skip_back_to_verb(cue.start, phrase.end);
        let mut found = Statement {
            speaker: Some(Phrase::plain(phrase)),
            cue: Some((verb_start..cue.end, cue.entry)),
            ..Statement::default()
        };
        let start = match relayed {
            Some((speaker, channel, start)) => {
                found.speaker = Some(speaker);
                prefix.push(channel);
                start
            }
            None => self.content_start(cue, hi, &mut found)?,
        };
        let (content, channels, _) = self.content_after(start, hi);
        if content.is_empty() {
            return None;
        }
        found.content = vec![content];
        prefix.append(&mut found.channels);
        prefix.extend(channels);
        found.channels = prefix;
        found.end = hi;
        Some(found)
    }
}
