//! Where what was said starts and ends around a frame: the boundary before
//! a trailing frame, the circumstance a cue may take without reporting it
//! (`said in a statement on Thursday`), the second half of a split quote,
//! and what starts a statement of its own (`, adding ...`).

use std::ops::Range;

use super::{Clause, CueAt, MAX_TAIL, Statement};
use crate::extract::lexicon::{Complement, Frame as CueFrame};
use crate::extract::vocabulary::Section;
use crate::text::TokenKind;

/// How far after a cue or an addressee `that` may come (`told Blinken in a call on Thursday that`).
const MAX_THAT_DISTANCE: usize = 12;
/// The longest second half of a split quote, in tokens.
const MAX_QUOTE: usize = 400;

impl<'a> Clause<'a> {
    /// Where what was said ends before a trailing frame at `at`: the comma or
    /// closing mark before it, with words before that.
    pub(super) fn content_boundary(&self, pos: usize, at: usize) -> Option<usize> {
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

    /// Whether tokens `range`, what a cue reports, say something: quoted
    /// words, a clause (`that ...`, `whether ...`, a verb of its own) or an
    /// infinitive (`to stop`), rather than a noun or prepositional phrase
    /// alone (`16 points`, `through the church`, `calls for a ceasefire`).
    pub fn proposition(&self, range: Range<usize>) -> bool {
        let Some(first) = range.clone().find(|&i| self.word(i).is_some()) else {
            return false;
        };
        if matches!(
            self.word(first),
            Some("that" | "whether" | "if" | "how" | "why" | "what" | "when" | "where" | "who")
        ) {
            return true;
        }
        // `16 points for the visitors, who won the title`: a relative clause
        // describes a noun, and says nothing of what was reported.
        let end = (first + 1..range.end)
            .find(|&i| self.has(i, Section::Relative) && self.is_outside_quotes(i))
            .unwrap_or(range.end);
        (range.start..end).any(|i| {
            if !self.is_outside_quotes(i) {
                return self.token(i).is_word();
            }
            let Some(w) = self.word(i) else { return false };
            let after_modifier = i > range.start
                && (self.has(i - 1, Section::Determiner) || self.has(i - 1, Section::Preposition));
            self.has(i, Section::Auxiliary)
                // `to stop`, not `to the blaze`
                || w == "to"
                    && self.word(i + 1).is_some_and(|_| {
                        !self.capitalized(i + 1)
                            && self.open_class(i + 1)
                            && !self.is_number(i + 1)
                    })
                // `the rule weakened the law`, not `the injured`
                || w.len() > 3 && w.ends_with("ed") && !self.capitalized(i) && !after_modifier
                // `Russia wants ...`, not `knew the area and saw the smoke`
                || i > first
                    && self.cue_at(i).is_some()
                    && !matches!(self.word(i - 1), Some("and" | "but" | "or"))
                    // `the attack`, `the "barbaric" attack`: a noun.
                    && self.word(i - 1).is_some()
                    && !self.has(i - 1, Section::Determiner)
        })
    }

    /// Whether a cue reports speech with `content` after it: a cue that needs
    /// a clause (`added`, `claimed`) means something else before a noun
    /// phrase (`added 16 points`, `claimed the title`).
    pub(super) fn reports_speech(&self, cue: CueAt, content: &Range<usize>) -> bool {
        (cue.entry.complement != Complement::Clause || self.proposition(content.clone()))
            && !self.participle_before_phrase(cue, content)
    }

    /// `a man charged in the deaths of two girls pleaded not guilty`, `the
    /// officer accused of shooting him was convicted`: a participle followed
    /// by a prepositional phrase, then a verb, describes the noun before it,
    /// and the verb is the sentence's own. What such a cue reports opens with
    /// `that`, a quotation or a comma after the phrase (`charged in a letter
    /// that ...`, `added by 2029, trade should ...`); with no verb after it,
    /// the phrase is what was said (`warned of risks to the economy`).
    fn participle_before_phrase(&self, cue: CueAt, content: &Range<usize>) -> bool {
        // The phrase opens right after the verb, whether or not the cue has
        // taken its preposition (`accused of`). One word only: `called on
        // Trump to apologise` is a phrasal verb.
        let phrase = cue.end;
        cue.end == cue.start + 1
            && self.word(cue.start).is_some_and(|w| w.ends_with("ed"))
            && self.has(phrase, Section::Preposition)
            && !self.is(phrase, "to")
            && !(phrase + 1..content.end).any(|i| {
                !self.is_outside_quotes(i)
                    || self.is_open(i)
                    || self.is(i, "that")
                    || self.is_comma(i)
            })
            && self.finite_verb_in((phrase + 1).max(content.start)..content.end)
    }

    /// Whether tokens `range` hold a verb of a clause's own: an auxiliary
    /// (`was convicted`, `might stop`) or a past form that heads no phrase of
    /// its own (`pleaded not guilty`, not `the risks posed by ...`).
    fn finite_verb_in(&self, range: Range<usize>) -> bool {
        range.clone().any(|i| {
            self.has(i, Section::Auxiliary)
                || self
                    .word(i)
                    .is_some_and(|w| w.len() > 3 && w.ends_with("ed"))
                    && !self.capitalized(i)
                    && i + 1 < range.end
                    && !self.has(i + 1, Section::Preposition)
        })
    }

    /// `said on Tuesday.`, `said in a statement.`: what follows a cue is only
    /// its circumstance, and the frame reports what the next paragraph quotes.
    pub(super) fn circumstance_only(&self, content: &Range<usize>) -> bool {
        self.tail(content.start, content.end, false) == Some(content.end)
            && content.clone().all(|i| {
                let s = self.sections(i);
                self.word(i).is_none()
                    || self.capitalized(i)
                    || self.is_number(i)
                    || self.adverbial(i)
                    || [
                        Section::Preposition,
                        Section::Determiner,
                        Section::Time,
                        Section::Weekday,
                        Section::Month,
                        Section::Body,
                    ]
                    .iter()
                    .any(|&c| s.has(c))
            })
    }

    /// At least two words, or a quotation, between `start` and `end`.
    pub(super) fn enough_words(&self, start: usize, end: usize) -> bool {
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

    /// What may follow a trailing cue without being reported: nothing, or
    /// circumstance up to a comma (`in a statement`, `on Thursday`, `of the
    /// discovery`). Gives where it ends.
    ///
    /// After a quotation (`quoted`) a cue reports nothing more, so anything
    /// up to a comma is circumstance (`he tells hundreds of supporters at a
    /// rally`, `he said on ABC's "This Week"`).
    pub(super) fn tail(&self, k: usize, hi: usize, quoted: bool) -> Option<usize> {
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
    pub(super) fn second_part(&self, found: &mut Statement, hi: usize) {
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

    /// Where what a leading cue reports starts: past an addressee it must
    /// take, past a colon, at `that` when circumstance stands before it.
    pub(super) fn content_start(
        &self,
        cue: CueAt,
        hi: usize,
        found: &mut Statement,
    ) -> Option<usize> {
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
                        || self.is(addressee.end, "over")
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
            // `said in a statement that`, `said Thursday that`, not `say the
            // bullet that killed him was ...` (a relative clause in what was said).
            && (k == that || self.opens_circumstance(k))
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
    /// Whether word `k` may open a circumstance after a cue: a preposition,
    /// a time (`this week`), an adverb, a number, or punctuation.
    fn opens_circumstance(&self, k: usize) -> bool {
        let s = self.sections(k);
        self.word(k).is_none()
            || s.has(Section::Preposition)
            || s.has(Section::Time)
            || s.has(Section::Weekday)
            || s.has(Section::Month)
            || self.adverbial(k)
            || self.is_number(k)
            || s.has(Section::Determiner)
                && (self.has(k + 1, Section::Time) || self.has(k + 1, Section::Weekday))
    }

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
    pub(super) fn content_after(
        &self,
        start: usize,
        hi: usize,
    ) -> (Range<usize>, Vec<Range<usize>>, usize) {
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
            // `cried out "I've been hit," and then fell`: the quotation the
            // cue opens is what was said, an utterance closed by its own
            // stop or comma; the story goes on after it. (`said "budget
            // reforms" and ... would help` goes on with what was said.)
            if j > start
                && self.is_close(j)
                && self.is_open(start)
                && self.is_punct(j - 1, ",.!?")
                && self.story_goes_on(j + 1, hi)
            {
                return (start..j + 1, channels, j + 1);
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

    /// Whether the narrative goes on at `k`, after a quotation: `and then`,
    /// `before`, `while` opening words of the story rather than more of
    /// what was said (`and "..."`).
    fn story_goes_on(&self, k: usize, hi: usize) -> bool {
        let k = if self.is_comma(k) { k + 1 } else { k };
        k + 1 < hi
            && matches!(
                self.word(k),
                Some("and" | "but" | "then" | "before" | "while" | "until" | "as" | "when")
            )
            && !self.is_open(k + 1)
    }

    /// Whether a new statement starts at `k`: a participle cue (`adding`), or
    /// `and`/`but` with a speaker and a cue of their own.
    pub(super) fn starts_something(&self, k: usize, hi: usize) -> bool {
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
    pub(super) fn clause_with_frame(&self, k: usize, hi: usize) -> bool {
        let Some(phrase) = self.phrase_forward(k, hi) else {
            return false;
        };
        let at = self.skip_forward_to_verb(phrase.end, hi);
        self.cue_at(at)
            .is_some_and(|c| c.entry.frame != CueFrame::According && !c.entry.is_participle())
    }
}

#[cfg(test)]
mod tests {
    use super::super::sample::{Seen, position, read, statements, words};

    #[test]
    fn what_was_said_ends_at_the_comma_before_a_trailing_frame() {
        let text = "Talks failed, Wang said.";
        read(text, |c| {
            let wang = position(c, "wang");
            assert_eq!(c.content_boundary(0, wang), Some(position(c, "failed") + 1));
        });
    }

    #[test]
    fn a_channel_before_a_frame_is_not_what_was_said() {
        read(
            "As cited by the ministry, Wang said the talks failed.",
            |c| {
                assert_eq!(c.content_boundary(0, position(c, "wang")), None);
            },
        );
    }

    #[test]
    fn circumstance_after_a_cue_runs_to_the_comma() {
        let text = "He said at a rally in San Diego, “We will win.”";
        read(text, |c| {
            let after = position(c, "said") + 1;
            let end = c.tail(after, c.len(), false);
            assert_eq!(
                end.map(|e| words(c, text, &(after..e))),
                Some("at a rally in San Diego")
            );
        });
    }

    #[test]
    fn what_a_cue_reports_is_no_circumstance() {
        read("He said the plan would work.", |c| {
            assert_eq!(c.tail(position(c, "said") + 1, c.len(), false), None);
        });
    }

    #[test]
    fn a_quotation_split_around_its_frame() {
        assert_eq!(
            statements("“We are ready,” Wang said, “and we will wait.”"),
            [Seen {
                speaker: "Wang",
                cue: "said",
                content: vec!["“We are ready,”", "“and we will wait.”"],
                ..Seen::default()
            }]
        );
    }

    #[test]
    fn reported_speech_split_around_its_frame() {
        assert_eq!(
            statements("It's a reminder, Rogers said, that the law still holds."),
            [Seen {
                speaker: "Rogers",
                cue: "said",
                content: vec!["It's a reminder", "that the law still holds"],
                ..Seen::default()
            }]
        );
    }

    #[test]
    fn what_was_said_starts_at_that_after_circumstance() {
        assert_eq!(
            statements("Wang told Blinken in a phone call on Thursday that the US should listen."),
            [Seen {
                speaker: "Wang",
                cue: "told",
                addressee: "Blinken",
                content: vec!["that the US should listen"],
                ..Seen::default()
            }]
        );
    }

    #[test]
    fn a_preposition_after_the_cue_belongs_to_it() {
        assert_eq!(
            statements("Blinken warned of the risks of escalation."),
            [Seen {
                speaker: "Blinken",
                cue: "warned of",
                content: vec!["the risks of escalation"],
                ..Seen::default()
            }]
        );
    }

    #[test]
    fn a_participle_starts_a_statement_of_its_own() {
        assert_eq!(
            statements("Wang said the talks were useful, adding that more would follow."),
            [
                Seen {
                    speaker: "Wang",
                    cue: "said",
                    content: vec!["the talks were useful"],
                    ..Seen::default()
                },
                Seen {
                    speaker: "Wang",
                    cue: "adding",
                    content: vec!["that more would follow"],
                    ..Seen::default()
                }
            ]
        );
    }

    #[test]
    fn a_quotation_after_the_cue_ends_where_the_story_goes_on() {
        assert_eq!(
            statements("The boy cried out \"Help me, I am stuck,\" and then fainted on the bank."),
            [Seen {
                speaker: "The boy",
                cue: "cried out",
                content: vec!["\"Help me, I am stuck,\""],
                ..Seen::default()
            }]
        );
    }

    /// The cue words of each statement found in `text`.
    fn cues(text: &str) -> Vec<&str> {
        statements(text).into_iter().map(|s| s.cue).collect()
    }

    #[test]
    fn a_verb_that_needs_a_clause_reports_no_noun_phrase() {
        // Sport, violence and other senses of verbs of speech.
        assert_eq!(cues("Smith added 16 points for the visitors."), [""; 0]);
        assert_eq!(cues("The team claimed the title last year."), [""; 0]);
        assert_eq!(
            cues("Government forces attacked a camp near the border."),
            [""; 0]
        );
        assert_eq!(cues("A fire ripped through the church on Sunday."), [""; 0]);
        assert_eq!(cues("Crews responded to the blaze at dawn."), [""; 0]);
        assert_eq!(cues("He knew the area well."), [""; 0]);
        assert_eq!(cues("She saw the smoke from her window."), [""; 0]);
        assert_eq!(cues("Both leaders appeared on the stage."), [""; 0]);
        // The same verbs before a clause, a quotation or an infinitive report speech.
        assert_eq!(cues("Smith added that the team was tired."), ["added"]);
        assert_eq!(cues("The team claimed the referee was wrong."), ["claimed"]);
        assert_eq!(cues("He knew the plan had failed."), ["knew"]);
        assert_eq!(cues("Both leaders appeared to agree."), ["appeared"]);
        assert_eq!(cues("Smith added: “We were tired.”"), ["added"]);
    }

    #[test]
    fn a_proposition_is_a_clause_a_quotation_or_an_infinitive() {
        let said = |text: &str| read(text, |c| c.proposition(0..c.len()));
        assert!(said("that the talks failed"));
        assert!(said("the rule weakened the law"));
        assert!(said("the bullet was a ricochet"));
        assert!(said("to stop the war"));
        assert!(said("the talks “useful”"));
        assert!(!said("the bombing"));
        assert!(!said("calls for a ceasefire"));
        assert!(!said("to the killings"));
        assert!(!said("16 points for the injured players"));
        assert!(!said("16 points for the visitors, who claimed the title"));
        assert!(!said("the area well and saw the smoke"));
    }

    #[test]
    fn two_words_or_a_quotation_are_enough_to_be_said() {
        read("Yes, “no” and maybe so.", |c| {
            assert!(!c.enough_words(0, 1));
            assert!(c.enough_words(0, position(c, "no") + 2));
            assert!(c.enough_words(position(c, "and"), c.len()));
        });
    }
}
