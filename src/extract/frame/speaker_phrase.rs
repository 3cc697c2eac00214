//! Speaker phrases: the words that name who is credited (`US State Department
//! spokesperson Ned Price`, `Michael Tyler, a spokesman for the campaign,`,
//! `he`), read back from a cue or forward from a word, with an appositive
//! beside the name as the speaker's role.

use std::ops::Range;

use super::{Clause, MAX_APPOSITIVE, MAX_PHRASE};
use crate::extract::vocabulary::Section;
use crate::text::TokenKind;

/// How many common nouns may describe a person before their name at the
/// start of a sentence (`Wide receiver`, `Star centre back`).
const MAX_DESCRIPTOR: usize = 3;

/// A speaker phrase: the whole phrase as written, the part that names the
/// speaker, and a role given beside the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::extract) struct Phrase {
    pub span: Range<usize>,
    pub name: Range<usize>,
    pub role: Option<Range<usize>>,
}

impl Phrase {
    pub(super) fn plain(span: Range<usize>) -> Phrase {
        Phrase {
            name: span.clone(),
            span,
            role: None,
        }
    }
}

impl<'a> Clause<'a> {
    /// A word that can be part of a speaker phrase: a name, a title, a body.
    pub fn nominal(&self, i: usize) -> bool {
        let Some(w) = self.word(i) else { return false };
        let s = self.sections(i);
        if s.has(Section::Particle) && self.particle_in_name(i) {
            return true;
        }
        if s.has(Section::Title) || s.has(Section::Body) {
            return !(s.has(Section::Auxiliary) || s.has(Section::Preposition));
        }
        // `BBC One`, `Radio Four`: a number word written with a capital after a name.
        if s.has(Section::Determiner)
            && self.capitalized(i)
            && i > 0
            && (self.plain_name(i - 1) || self.capitalized(i - 1) && self.has(i - 1, Section::Body))
        {
            return true;
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
        // `Internally the BBC ...`, `Privately, officials ...`: an adverb
        // opening the sentence or set off by a comma.
        let opens = i == 0 || self.line_break_before(i);
        if self.ly(i) && (opens || self.is_comma(i + 1))
            || s.has(Section::Adverb) && opens && self.is_comma(i + 1)
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

    /// Whether a line break stands between token `i` and the one before it.
    pub(super) fn line_break_before(&self, i: usize) -> bool {
        i > 0
            && i < self.len()
            && self
                .text
                .get(self.tokens[i - 1].end()..self.tokens[i].start())
                .is_some_and(|gap| gap.contains('\n'))
    }

    /// `the 55 - year - old`: a hyphen set apart inside an age, as
    /// tokenised copy writes it.
    fn age_hyphen(&self, k: usize) -> bool {
        self.is_punct(k, "-")
            && k > 0
            && (self.is_number(k - 1) || self.is(k - 1, "year"))
            && matches!(self.word(k + 1), Some("year" | "old"))
    }

    /// Whether tokens `range` name a person outside quote marks: a name
    /// word that is no title, body, organisation or place.
    pub fn names_someone(&self, range: Range<usize>) -> bool {
        range.clone().any(|i| {
            i > 0
                && self.is_outside_quotes(i)
                && self.plain_name(i)
                && !self.has(i, Section::Organisation)
        })
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
    pub(super) fn plain_name(&self, i: usize) -> bool {
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

    /// Move back from a cue's first word over a time between it and its
    /// speaker (`Priebus later Thursday told`, `Wang Yi on Thursday asked`):
    /// where the speaker phrase ends.
    pub(super) fn subject_end(&self, verb_start: usize, lo: usize) -> usize {
        const MAX_CIRCUMSTANCE: usize = 5;
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
        // `Biden in a phone call warned`, `Lavrov at a news conference said`:
        // a circumstance after a name, before the verb, without commas.
        if let Some(p) = (lo + 1..end)
            .rev()
            .take(MAX_CIRCUMSTANCE)
            .find(|&p| matches!(self.word(p), Some("in" | "at" | "during")))
            && self.capitalized(p - 1)
            && self.nominal(p - 1)
            && self.has(p + 1, Section::Determiner)
            && (p + 1..end).all(|j| {
                self.word(j).is_some_and(|_| !self.capitalized(j))
                    && (self.has(j, Section::Determiner) || self.open_class(j))
            })
        {
            end = p;
        }
        if end == lo { verb_start } else { end }
    }

    /// `"Fox and Friends"`, `ABC's "This Week"` as the one spoken to.
    pub(super) fn quoted_title(&self, k: usize, hi: usize) -> Option<Range<usize>> {
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

    /// Whether a phrase starting at `start` begins a clause rather than sitting
    /// inside one: the start of the sentence, a mark, `and`, `that`, `while`, a date.
    pub(super) fn boundary_before(&self, start: usize, lo: usize) -> bool {
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
            || self.adverbial(before) && self.capitalized(before)
    }

    /// The subject at the start of the sentence, for cues that borrow it.
    pub(super) fn subject(&self, lo: usize, hi: usize) -> Option<Range<usize>> {
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
    pub(super) fn phrase_back(&self, end: usize, lo: usize) -> Option<Phrase> {
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
        let phrase = self.noun_phrase_back(end, lo)?;
        Some(
            self.title_after_name(&phrase, lo)
                .unwrap_or_else(|| Phrase::plain(phrase)),
        )
    }

    /// `Charlotte Moore, Controller BBC One says`: a role after a name and a
    /// comma, with no comma to close it.
    fn title_after_name(&self, role: &Range<usize>, lo: usize) -> Option<Phrase> {
        let mut comma = role.start.checked_sub(1).filter(|&c| c > lo)?;
        // `Ben Lee , Controller , Radio Drama says`: the title, then its body.
        if self.is_comma(comma)
            && !self.has(role.start, Section::Title)
            && let Some(title) = self.noun_phrase_back(comma, lo)
            && self.has(title.start, Section::Title)
            && title.start > lo
            && self.is_comma(title.start - 1)
        {
            comma = title.start - 1;
        } else if !self.is_comma(comma) || !self.has(role.start, Section::Title) {
            return None;
        }
        let role = &(comma + 1..role.end);
        let name = self.name_back(comma, lo)?;
        let person = name
            .clone()
            .all(|i| self.plain_name(i) && !self.has(i, Section::Organisation));
        (person && self.boundary_before(name.start, lo)).then(|| Phrase {
            span: name.start..role.end,
            name,
            role: Some(role.clone()),
        })
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
        // `the White House spokesman, Josh Earnest,`, `the governor of Unity
        // state, Taban Deng,` (a name after `of` is what the role is about).
        let about = (core.start..core.end)
            .find(|&i| matches!(self.word(i), Some("of" | "for" | "in")))
            .unwrap_or(core.end);
        if let Some(name) = inner_name.filter(|n| {
            named(n)
                && !(core.start..about).any(|i| {
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
        while start > lo && end - start < MAX_PHRASE && !self.line_break_before(start) {
            let k = start - 1;
            if self.word(k).is_none() {
                if self.initial_stop(k)
                    || self.hyphen_inside(k)
                    || self.is_punct(k, "&")
                    || self.age_hyphen(k)
                {
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
            if s.has(Section::Determiner) && !(self.capitalized(k) && self.nominal(k)) {
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
                    // `Wide receiver Vincent Ortiz says`: a few common nouns
                    // opening the sentence before a full name describe the person.
                    if let Some(opening) = self.descriptor_before(k, start..end, lo) {
                        start = opening;
                    }
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

    /// Where a descriptor ending at token `last` opens (`Wide receiver`, `Star
    /// striker`, `The wide receiver`), before the name `name`: at most
    /// `MAX_DESCRIPTOR` words of no closed class and no cue, lower case but
    /// the first, which opens the sentence (an article may, before a full name).
    fn descriptor_before(&self, last: usize, name: Range<usize>, lo: usize) -> Option<usize> {
        let words = name.clone().filter(|&i| self.word(i).is_some()).count();
        if words == 0 {
            return None;
        }
        let mut first = last;
        loop {
            // `The wide receiver ...`: an article may open it.
            let opening =
                self.capitalized(first) && (first <= lo || self.boundary_before(first, lo));
            // Not before a lone name: `Some retired Texans` is no one.
            if opening && self.has(first, Section::Determiner) {
                return (words >= 2 && first < last).then_some(first);
            }
            let noun = self.word(first).is_some()
                && self.open_class(first)
                && !self.is_number(first)
                && !self.has(first, Section::Determiner)
                && self.cue_at(first).is_none();
            if !noun {
                return None;
            }
            if opening {
                return Some(first);
            }
            if self.capitalized(first)
                || first <= lo
                || self.boundary_before(first, lo)
                || last - first + 1 >= MAX_DESCRIPTOR
            {
                return None;
            }
            first -= 1;
        }
    }

    /// A speaker or addressee phrase that starts at `start`: `the United States`,
    /// `U.S. Secretary of State Antony Blinken`, `ANI`, `reporters`, `him`,
    /// `one Democrat familiar with the discussion`.
    pub fn phrase_forward(&self, start: usize, hi: usize) -> Option<Range<usize>> {
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
        // `Photo: AFP` / `France's Macron sees ...`: a name never runs over lines.
        if started && self.line_break_before(end) {
            return None;
        }
        let lower_noun = determined && self.open_class(end) && !self.capitalized(end);
        let joins = |next: usize| self.nominal(next) || self.has(next, Section::Determiner);
        let word = self.word(end);
        let one_more = self.nominal(end)
            || lower_noun
            || self.is_number(end) && started
            || word.is_none() && (self.initial_stop(end) || self.hyphen_inside(end))
            // `Enough Project Co - Founder John Prendergast`: a spaced hyphen before a title.
            || started
                && self.is_punct(end, "-")
                && self.capitalized(end - 1)
                && self.has(end + 1, Section::Title)
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
        // `Acme advanced threat researcher Paul Ferguson`, `Acme senior
        // economist Jane Roe`: words in lower case before a title, and a name
        // after it.
        // Not after a title and a name (`President Ana Ruiz greets President
        // Tom Hale`): a person named in full ends the phrase, and a word in
        // lower case after the name is the verb.
        let named_in_full = (first..end).any(|k| self.has(k, Section::Title))
            && self.capitalized(end - 1)
            && !self.has(end - 1, Section::Title);
        if started && !named_in_full && !self.capitalized(end) && self.open_class(end) {
            let title = (end + 1..hi.min(end + 4))
                .take_while(|&k| self.word(k).is_some())
                .find(|&k| self.has(k, Section::Title))?;
            let modifiers = (end..title).all(|k| !self.capitalized(k) && self.open_class(k));
            let named = self.capitalized(title + 1) && self.nominal(title + 1);
            return (modifiers && named).then_some(title);
        }
        // `Sen. Chuck Grassley (R-Iowa)`
        if started && self.is_punct(end, "(") {
            let close = (end + 1..hi.min(end + 8)).find(|&k| self.is_punct(k, ")"))?;
            return Some(close + 1);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::sample::{position, read, words};

    /// The phrase that ends before the first word `cue`: its name and its role.
    fn back<'t>(text: &'t str, cue: &str) -> Option<(&'t str, &'t str)> {
        read(text, |c| {
            let end = c.subject_end(c.skip_back_to_verb(position(c, cue), 0), 0);
            c.phrase_back(end, 0).map(|p| {
                (
                    words(c, text, &p.name),
                    p.role.map_or("", |r| words(c, text, &r)),
                )
            })
        })
    }

    /// The phrase that starts at the first word of `text`.
    fn forward(text: &str) -> Option<&str> {
        read(text, |c| {
            c.phrase_forward(0, c.len()).map(|r| words(c, text, &r))
        })
    }

    #[test]
    fn a_verb_after_a_title_and_a_name_ends_the_phrase() {
        assert_eq!(
            forward("Prime Minister Ana Ruiz greets President Tom Hale in Geneva."),
            Some("Prime Minister Ana Ruiz")
        );
        assert_eq!(
            forward("Acme senior economist Jane Roe said it."),
            Some("Acme senior economist Jane Roe")
        );
    }

    #[test]
    fn a_title_before_a_name() {
        assert_eq!(
            back(
                "US State Department spokesperson Ned Price said it.",
                "said"
            ),
            Some(("US State Department spokesperson Ned Price", ""))
        );
    }

    #[test]
    fn a_name_then_its_role_between_commas() {
        assert_eq!(
            back(
                "Michael Tyler, a spokesman for the campaign, said it.",
                "said"
            ),
            Some(("Michael Tyler", "a spokesman for the campaign"))
        );
    }

    #[test]
    fn a_role_then_its_name_between_commas() {
        assert_eq!(
            back("The White House spokesman, Josh Earnest, said it.", "said"),
            Some(("Josh Earnest", "The White House spokesman"))
        );
    }

    #[test]
    fn a_role_after_a_name_without_a_closing_comma() {
        assert_eq!(
            back(
                "Charlotte Moore , Controller BBC One says : it works .",
                "says"
            ),
            Some(("Charlotte Moore", "Controller BBC One"))
        );
    }

    #[test]
    fn a_role_about_a_place_then_a_name() {
        assert_eq!(
            back("The governor of Unity state, Taban Deng, said it.", "said"),
            Some(("Taban Deng", "The governor of Unity state"))
        );
    }

    #[test]
    fn a_title_and_its_body_after_a_name() {
        assert_eq!(
            back(
                "Ben Lee , Controller , Radio Drama says : it works .",
                "says"
            ),
            Some(("Ben Lee", "Controller , Radio Drama"))
        );
    }

    #[test]
    fn an_age_is_no_role() {
        assert_eq!(back("Ki Hong, 33, said it.", "said"), Some(("Ki Hong", "")));
    }

    #[test]
    fn a_time_between_speaker_and_cue() {
        assert_eq!(
            back("Wang Yi on Thursday asked the US to stop.", "asked"),
            Some(("Wang Yi", ""))
        );
    }

    #[test]
    fn phrases_read_forward() {
        assert_eq!(
            forward("U.S. Secretary of State Antony Blinken said"),
            Some("U.S. Secretary of State Antony Blinken")
        );
        assert_eq!(forward("reporters in Geneva"), Some("reporters"));
        assert_eq!(forward("Van der Merwe said"), Some("Van der Merwe"));
        assert_eq!(forward("Will Doyle said"), Some("Will Doyle"));
        assert_eq!(
            forward("Enough Project Co - Founder John Prendergast said"),
            Some("Enough Project Co - Founder John Prendergast")
        );
    }

    #[test]
    fn words_in_lower_case_before_a_title_and_a_name() {
        assert_eq!(
            forward("Acme advanced threat researcher Paul Ferguson said"),
            Some("Acme advanced threat researcher Paul Ferguson")
        );
        assert_eq!(forward("Acme quietly dropped the plan"), Some("Acme"));
    }

    #[test]
    fn a_circumstance_between_a_name_and_its_verb_is_no_part_of_it() {
        assert_eq!(
            back("Lee in a phone call warned Kim of costs.", "warned"),
            Some(("Lee", ""))
        );
        assert_eq!(
            back("A spokesman for the ministry said it.", "said"),
            Some(("A spokesman for the ministry", ""))
        );
    }

    #[test]
    fn a_name_never_runs_over_lines() {
        assert_eq!(
            forward("Photo AFP\nEmmanuel Macron said"),
            Some("Photo AFP")
        );
        assert_eq!(
            back("Advertisement\nPresident Joe Biden said it.", "said"),
            Some(("President Joe Biden", ""))
        );
    }

    #[test]
    fn a_common_word_names_no_one() {
        assert_eq!(forward("the said"), None);
        read("Talks were held.", |c| {
            assert!(!c.nominal(position(c, "were")))
        });
    }
}
