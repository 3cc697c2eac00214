//! Reporting frames: the speaker, cue, addressee and channels around what was said
//! in one sentence.
//!
//! A sentence is read from the outside in. A frame at its end (`..., Wang said`,
//! `"...," stated ANI`) is the outermost; otherwise the first frame from the left
//! (`Wang said that ...`, `According to Price, ...`). What the frame reports is
//! then read again for a frame at its start: `Price said Blinken underscored ...`
//! credits Blinken, with Price as the channel.

use std::ops::Range;

use super::lexicon::{Entry, Frame as CueFrame, lexicon};
use super::vocabulary::{Vocabulary, vocabulary};
use crate::text::{Token, TokenKind, fold};

/// Nested speech deeper than this is not news prose.
const MAX_NESTING: usize = 3;
/// The longest appositive between a name and its cue (`Li, a professor at ..., said`).
const MAX_APPOSITIVE: usize = 16;
/// How far after an addressee `that` may come (`told Blinken in a call on Thursday that`).
const MAX_THAT_DISTANCE: usize = 12;

/// One sentence's tokens, with what the parser asks of each.
pub(super) struct Clause<'a> {
    text: &'a str,
    tokens: &'a [Token],
    folded: Vec<String>,
    /// How many quotations each token is inside (0: outside every one).
    depth: Vec<usize>,
    words: &'static Vocabulary,
}

/// A statement found in a sentence, in token positions of the clause.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Statement {
    pub speaker: Option<Range<usize>>,
    /// A role given in an appositive: `Li Haidong, a professor at ..., said`.
    pub role: Option<Range<usize>>,
    pub cue: Option<(Range<usize>, &'static Entry)>,
    pub addressee: Option<Range<usize>>,
    /// Outermost first.
    pub channels: Vec<Range<usize>>,
    pub content: Range<usize>,
    /// The second half of a quote split around its cue.
    pub more: Option<Range<usize>>,
}

impl Statement {
    /// Move every position by `offset` (from a sub-clause to its enclosing clause).
    fn shift(&mut self, offset: usize) {
        let shift = |r: &mut Range<usize>| *r = r.start + offset..r.end + offset;
        for r in [
            &mut self.speaker,
            &mut self.role,
            &mut self.addressee,
            &mut self.more,
        ]
        .into_iter()
        .flatten()
        {
            shift(r);
        }
        if let Some((r, _)) = &mut self.cue {
            shift(r);
        }
        self.channels.iter_mut().for_each(shift);
        shift(&mut self.content);
    }
}

impl<'a> Clause<'a> {
    pub fn new(text: &'a str, tokens: &'a [Token]) -> Clause<'a> {
        let folded = tokens.iter().map(|t| fold(&text[t.range()])).collect();
        let mut depth = Vec::with_capacity(tokens.len());
        let mut open = 0usize;
        for t in tokens {
            match t.kind {
                TokenKind::QuoteOpen(_) => {
                    depth.push(open);
                    open += 1;
                }
                TokenKind::QuoteClose(_) => {
                    open = open.saturating_sub(1);
                    depth.push(open);
                }
                _ => depth.push(open),
            }
        }
        Clause {
            text,
            tokens,
            folded,
            depth,
            words: vocabulary(),
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
            (Some(first), Some(last)) if range.start < range.end => first.start..last.end,
            (Some(first), _) => first.start..first.start,
            _ => 0..0,
        }
    }

    pub fn token_kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    pub fn is_outside_quotes(&self, i: usize) -> bool {
        self.depth.get(i) == Some(&0)
    }

    pub(super) fn word(&self, i: usize) -> Option<&str> {
        let t = self.tokens.get(i)?;
        t.is_word().then(|| self.folded[i].as_str())
    }

    fn is_punct(&self, i: usize, glyphs: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && glyphs.contains(&self.text[t.range()]))
    }

    fn is_comma(&self, i: usize) -> bool {
        self.is_punct(i, ",") && self.is_outside_quotes(i)
    }

    pub(super) fn capitalized(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.is_word()
                && self.text[t.range()]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
    }

    /// A word that can be part of a speaker phrase: a name, a title, a body.
    pub(super) fn nominal(&self, i: usize) -> bool {
        let Some(w) = self.word(i) else { return false };
        let bare = w.strip_suffix("'s").unwrap_or(w);
        // A capitalised word opening a sentence (`On`, `The`, `He`) or a date is no name.
        let name_like = self.capitalized(i)
            && self.cue_at(i).is_none()
            && !self.words.is_determiner(w)
            && !self.words.is_pronoun(w)
            && !self.words.opens_tail(w)
            && !self.words.is_month(bare)
            && !self.words.is_weekday(bare);
        name_like || self.words.is_title(bare) || self.words.is_body(bare)
    }

    fn title(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| self.words.is_title(w.strip_suffix("'s").unwrap_or(w)))
    }

    /// `J.` in `Antony J. Blinken`, `U.S.`: a full stop that belongs to a name.
    pub(super) fn initial_stop(&self, i: usize) -> bool {
        self.is_punct(i, ".")
            && i > 0
            && self.tokens[i - 1].end == self.tokens[i].start
            && self.word(i - 1).is_some_and(|w| w.len() <= 3)
            && self.capitalized(i - 1)
    }

    fn hyphen_inside(&self, i: usize) -> bool {
        self.is_punct(i, "-")
            && i > 0
            && self.tokens[i - 1].end == self.tokens[i].start
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.start == self.tokens[i].end)
    }

    /// The cue that starts at token `i`, with its length in tokens.
    pub fn cue_at(&self, i: usize) -> Option<(&'static Entry, usize)> {
        if !self.is_outside_quotes(i) || !self.tokens.get(i)?.is_word() {
            return None;
        }
        let entry = lexicon().lookup(&self.folded[i..])?;
        // `States` in `United States`, `State` in `State Department` are names:
        // a capitalised cue counts only as `According to` opening a sentence.
        if self.capitalized(i) && (entry.frame != CueFrame::According || i > 0) {
            return None;
        }
        // A cue's words are adjacent word tokens: `pointed out`, not `pointed, out`.
        let n = entry.words.len();
        (i + n <= self.tokens.len() && (i..i + n).all(|k| self.tokens[k].is_word()))
            .then_some((entry, n))
    }

    /// Move `end` back over words that may stand between a speaker and the cue.
    fn skip_back(&self, mut end: usize, lo: usize) -> usize {
        loop {
            let Some(w) = end
                .checked_sub(1)
                .filter(|&e| e >= lo)
                .and_then(|e| self.word(e))
            else {
                return end;
            };
            if self.words.is_adverb(w) || self.words.is_auxiliary(w) {
                end -= 1;
            } else if self.words.is_weekday(w) && end >= lo + 2 && self.word(end - 2) == Some("on")
            {
                end -= 2;
            } else {
                return end;
            }
        }
    }

    /// Move `start` forward over adverbs and `on Thursday`.
    fn skip_forward(&self, mut start: usize, hi: usize) -> usize {
        while start < hi {
            match self.word(start) {
                Some(w) if self.words.is_adverb(w) => start += 1,
                Some("on")
                    if self
                        .word(start + 1)
                        .is_some_and(|w| self.words.is_weekday(w)) =>
                {
                    start += 2
                }
                _ => break,
            }
        }
        start
    }

    /// Whether a phrase starting at `start` begins a clause, rather than sitting
    /// in the middle of one.
    fn boundary_before(&self, start: usize, lo: usize) -> bool {
        if start <= lo {
            return true;
        }
        let before = start - 1;
        if let Some(t) = self.tokens.get(before)
            && matches!(t.kind, TokenKind::QuoteClose(_) | TokenKind::QuoteOpen(_))
        {
            return true;
        }
        self.is_punct(before, ",:;()[]-—–")
            || self.word(before).is_some_and(|w| {
                matches!(
                    w,
                    "and"
                        | "but"
                        | "as"
                        | "while"
                        | "when"
                        | "because"
                        | "after"
                        | "before"
                        | "since"
                        | "so"
                        | "then"
                        | "that"
                        | "where"
                        | "though"
                        | "although"
                        | "meanwhile"
                )
            })
    }

    /// A speaker phrase that ends just before `end`: `the Chinese Foreign Minister`,
    /// `US State Department spokesperson Ned Price`, `he`.
    fn phrase_back(&self, end: usize, lo: usize) -> Option<Range<usize>> {
        let last = end.checked_sub(1).filter(|&l| l >= lo)?;
        if self.word(last).is_some_and(|w| self.words.is_pronoun(w)) {
            return Some(last..end);
        }
        let mut start = end;
        while start > lo {
            let t = start - 1;
            match self.word(t) {
                Some(w) if self.words.is_determiner(w) => {
                    start = t;
                    break;
                }
                Some(_) if self.nominal(t) => start = t,
                Some("of") if t > lo && self.nominal(t - 1) && start < end => start = t,
                // `State Councilor and Foreign Minister Wang Yi`, not `Wang Yi and Blinken`.
                Some("and") if t > lo && self.title(t - 1) && start < end => start = t,
                None if self.initial_stop(t) || self.hyphen_inside(t) => start = t,
                _ => break,
            }
        }
        while start < end && matches!(self.word(start), Some("of" | "and")) {
            start += 1;
        }
        (start < end && self.nominal(last)).then_some(start..end)
    }

    /// A speaker or addressee phrase that starts at `start`: `the United States`,
    /// `U.S. Secretary of State Antony Blinken`, `ANI`.
    pub(super) fn phrase_forward(&self, start: usize, hi: usize) -> Option<Range<usize>> {
        let mut end = start;
        // `he`, `reporters`, `him`; but `US` in `US officials` is a name.
        if let Some(w) = self.word(end)
            && end < hi
            && (self.words.is_pronoun(w) || self.words.is_audience(w))
            && !self.capitalized(end)
        {
            return Some(end..end + 1);
        }
        if self.word(end).is_some_and(|w| self.words.is_determiner(w)) {
            end += 1;
        }
        let first_nominal = end;
        while end < hi {
            match self.word(end) {
                Some(_) if self.nominal(end) => end += 1,
                Some("of") if end > first_nominal && self.nominal(end + 1) && end + 1 < hi => {
                    end += 1
                }
                Some("and")
                    if end > first_nominal
                        && self.title(end - 1)
                        && self.nominal(end + 1)
                        && end + 1 < hi =>
                {
                    end += 1
                }
                None if self.initial_stop(end) || self.hyphen_inside(end) => end += 1,
                _ => break,
            }
        }
        (end > first_nominal).then_some(start..end)
    }

    /// `according to X`, `as cited in X`: X runs to the next comma or the end.
    fn source_phrase(&self, start: usize, hi: usize) -> Option<Range<usize>> {
        let mut end = start;
        while end < hi
            && !self.is_comma(end)
            && self.is_outside_quotes(end)
            && !self.ends_sentence(end, hi)
        {
            end += 1;
        }
        (end > start && (start..end).any(|i| self.word(i).is_some())).then_some(start..end)
    }

    fn ends_sentence(&self, i: usize, hi: usize) -> bool {
        i + 1 == hi && self.is_punct(i, ".!?")
    }

    /// `hi` without the sentence's final full stop and any trailing comma.
    fn trim_end(&self, lo: usize, mut hi: usize) -> usize {
        while hi > lo && self.is_punct(hi - 1, ".!?,;:…") {
            hi -= 1;
        }
        hi
    }

    /// Channels named inside `range`: `as cited by X`, `according to X`, `citing X`.
    fn channels_in(&self, range: Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            let skip = match (self.word(i), self.word(i + 1)) {
                (Some("according"), Some("to")) => 2,
                (Some("as"), Some("cited" | "quoted" | "reported")) => {
                    if matches!(self.word(i + 2), Some("in" | "by")) {
                        3
                    } else {
                        2
                    }
                }
                (Some("cited" | "quoted"), Some("by" | "in")) => 2,
                (Some("citing" | "quoting"), _) => 1,
                _ => 0,
            };
            if skip > 0
                && self.is_outside_quotes(i)
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

    /// Whether what follows a trailing cue is only circumstance (`in a statement`,
    /// `on Thursday`, `, according to ...`) and no reported content.
    fn tail_ok(&self, tail: usize, hi: usize) -> bool {
        if tail >= hi {
            return true;
        }
        let opens =
            self.is_comma(tail) || self.word(tail).is_some_and(|w| self.words.opens_tail(w));
        // `said on Thursday that ...` reports content: that is a leading frame.
        let reports = (tail..hi).any(|i| {
            self.is_outside_quotes(i)
                && (self.word(i) == Some("that")
                    || matches!(self.tokens[i].kind, TokenKind::QuoteOpen(_)))
        });
        opens && !reports
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
            {
                credit = true;
            } else if credit
                && t.kind == TokenKind::Punct
                && "-—–:".contains(shown)
                && !self.hyphen_inside(i)
            {
                let mut end = i + 1;
                while end < self.len() && self.is_punct(end, "-—–") {
                    end += 1;
                }
                return end;
            }
        }
        0
    }

    /// Read tokens `lo..hi` as one statement, outside in.
    pub fn statement(&self, lo: usize, hi: usize) -> Option<Statement> {
        let hi = self.trim_end(lo, hi);
        let outer = self
            .trailing(lo, hi)
            .or_else(|| self.leading(lo, hi, false))?;
        Some(self.nested(outer, 1))
    }

    /// Read the content of `outer` for a frame at its very start: nested speech.
    fn nested(&self, outer: Statement, level: usize) -> Statement {
        if level > MAX_NESTING {
            return outer;
        }
        let Range { start, end } = outer.content.clone();
        let quoted = match (
            self.tokens.get(start).map(|t| t.kind),
            end.checked_sub(1).map(|e| self.tokens[e].kind),
        ) {
            (Some(TokenKind::QuoteOpen(a)), Some(TokenKind::QuoteClose(b))) => a == b,
            _ => false,
        };
        let inner = if quoted {
            // Inside a direct quote the frame starts after the opening mark: read the
            // quotation as a clause of its own, where its words are outside quotes.
            let (lo, hi) = (start + 1, end - 1);
            let inside = Clause::new(self.text, &self.tokens[lo..hi]);
            inside
                .leading(0, inside.trim_end(0, inside.len()), true)
                .map(|mut s| {
                    s.shift(lo);
                    // What is left runs to the closing mark.
                    s.content.end = s.content.end.max(hi);
                    s
                })
        } else {
            self.leading(start, self.trim_end(start, end), true)
        };
        let Some(mut inner) = inner else { return outer };
        let mut channels = outer.channels;
        channels.extend(outer.speaker);
        channels.extend(inner.channels);
        inner.channels = channels;
        self.nested(inner, level + 1)
    }

    /// A frame at the end: `CONTENT, SPEAKER CUE ...`, `"QUOTE," CUE SPEAKER`.
    fn trailing(&self, lo: usize, hi: usize) -> Option<Statement> {
        for i in lo..hi {
            let (content_end, suffix) = match self.tokens[i].kind {
                TokenKind::Punct if self.is_comma(i) => (i, i + 1),
                TokenKind::QuoteClose(_) if self.is_outside_quotes(i) => {
                    (i + 1, if self.is_comma(i + 1) { i + 2 } else { i + 1 })
                }
                _ => continue,
            };
            if suffix >= hi || !(lo..content_end).any(|k| self.word(k).is_some()) {
                continue;
            }
            if let Some(mut found) = self.frame_at(suffix, hi) {
                found.content = lo..content_end;
                found.channels = self
                    .channels_in(found.content.end..hi)
                    .into_iter()
                    .chain(found.channels)
                    .collect();
                return Some(found);
            }
        }
        None
    }

    /// The frame that fills `start..hi` exactly, with nothing reported after it
    /// but circumstance, or the second half of a split quote.
    fn frame_at(&self, start: usize, hi: usize) -> Option<Statement> {
        let mut found = Statement::default();
        let tail;
        if let Some((entry, n)) = self.cue_at(start) {
            // `said Wang`, `stated ANI`; never `told Wang`, where Wang is spoken to.
            if !matches!(entry.frame, CueFrame::Verb | CueFrame::According) {
                return None;
            }
            let speaker = if entry.frame == CueFrame::According {
                self.source_phrase(start + n, hi)?
            } else {
                self.phrase_forward(start + n, hi)?
            };
            found.cue = Some((start..start + n, entry));
            let mut end = speaker.end;
            // `said Ned Price, the State Department spokesman.`
            if entry.frame != CueFrame::According
                && self.is_comma(end)
                && let Some(role) = self.phrase_forward(end + 1, hi).filter(|r| r.end == hi)
            {
                found.role = Some(role.clone());
                end = role.end;
            }
            found.speaker = Some(speaker);
            tail = end;
        } else {
            let speaker = self.phrase_forward(start, hi)?;
            let at = self.skip_forward(speaker.end, hi);
            let at = (at..hi)
                .find(|&k| !self.word(k).is_some_and(|w| self.words.is_auxiliary(w)))
                .unwrap_or(at);
            let (entry, n) = self.cue_at(at)?;
            if entry.frame == CueFrame::According {
                return None;
            }
            found.speaker = Some(speaker);
            found.cue = Some((at..at + n, entry));
            let mut end = at + n;
            if entry.takes_addressee() {
                match self.phrase_forward(end, hi) {
                    Some(addressee) => {
                        end = addressee.end;
                        found.addressee = Some(addressee);
                    }
                    None if entry.frame == CueFrame::AddresseeRequired => return None,
                    None => {}
                }
            }
            tail = end;
        }
        // `"A," he said, "B."`: the second half of a split quote.
        if self.is_comma(tail)
            && let Some(TokenKind::QuoteOpen(q)) = self.tokens.get(tail + 1).map(|t| t.kind)
            && let Some(close) = (tail + 2..hi.min(self.len()))
                .find(|&k| self.tokens[k].kind == TokenKind::QuoteClose(q))
            && self.trim_end(close + 1, hi) == close + 1
        {
            found.more = Some(tail + 1..close + 1);
            return Some(found);
        }
        self.tail_ok(tail, hi).then_some(found)
    }

    /// The first frame from the left: `SPEAKER CUE [ADDRESSEE] [that] CONTENT`,
    /// `According to SPEAKER, CONTENT`. With `at_start`, the speaker must open the span.
    fn leading(&self, lo: usize, hi: usize, at_start: bool) -> Option<Statement> {
        for c in lo..hi {
            let Some((entry, n)) = self.cue_at(c) else {
                continue;
            };
            let mut found = Statement::default();
            let mut k = c + n;
            let speaker_start;
            if entry.frame == CueFrame::According {
                if !(c == lo || (!at_start && self.boundary_before(c, lo))) {
                    continue;
                }
                let Some(source) = self.source_phrase(k, hi) else {
                    continue;
                };
                if !self.is_comma(source.end) {
                    continue;
                }
                speaker_start = c;
                k = source.end + 1;
                found.speaker = Some(source);
            } else {
                let Some((speaker, role)) = self.speaker_back(c, lo) else {
                    continue;
                };
                let first = if at_start {
                    self.after_channel_prefix(lo, hi)
                } else {
                    lo
                };
                if (at_start && speaker.start != first) || !self.boundary_before(speaker.start, lo)
                {
                    continue;
                }
                speaker_start = speaker.start;
                found.speaker = Some(speaker);
                found.role = role;
                k = self.skip_forward(k, hi);
                let addressee = self
                    .phrase_forward(k, hi)
                    .filter(|_| entry.takes_addressee());
                if entry.frame == CueFrame::AddresseeRequired && addressee.is_none() {
                    continue;
                }
                if let Some(addressee) = addressee {
                    k = addressee.end;
                    found.addressee = Some(addressee);
                    // `told Blinken in a phone call on Thursday that ...`
                    if let Some(that) = (k..hi.min(k + MAX_THAT_DISTANCE))
                        .take_while(|&j| self.is_outside_quotes(j) && !self.is_comma(j))
                        .find(|&j| self.word(j) == Some("that"))
                    {
                        k = that;
                    }
                }
            }
            while k < hi && (self.word(k) == Some("that") || self.is_punct(k, ",:-—")) {
                k += 1;
            }
            if !(k..hi).any(|j| self.word(j).is_some()) {
                continue;
            }
            found.cue = Some((c..c + n, entry));
            found.channels = self.channels_in(lo..speaker_start);
            found.content = k..hi;
            return Some(found);
        }
        None
    }

    /// Past `As cited by the foreign ministry,` or `Citing Xinhua,` at `lo`.
    fn after_channel_prefix(&self, lo: usize, hi: usize) -> usize {
        let found = self.channels_in(lo..hi).into_iter().next();
        match found {
            Some(source)
                if source.start <= lo + 3
                    && self.is_comma(source.end)
                    && !matches!(self.word(lo), Some("according")) =>
            {
                source.end + 1
            }
            _ => lo,
        }
    }

    /// The speaker phrase before the cue at `cue`, and an appositive role.
    fn speaker_back(&self, cue: usize, lo: usize) -> Option<(Range<usize>, Option<Range<usize>>)> {
        let end = self.skip_back(cue, lo);
        if end > lo && self.is_comma(end - 1) {
            let comma = end - 1;
            let open = (lo..comma)
                .rev()
                .take(MAX_APPOSITIVE)
                .find(|&k| self.is_comma(k))?;
            let name = self.phrase_back(open, lo)?;
            return self
                .capitalized(open - 1)
                .then_some((name, Some(open + 1..comma)));
        }
        Some((self.phrase_back(end, lo)?, None))
    }
}
