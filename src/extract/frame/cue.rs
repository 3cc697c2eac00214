//! Where a cue stands: a word of the lexicon where a verb can stand (not a
//! noun as in `the report said`, not an infinitive, not a passive), and the
//! auxiliaries and adverbs that belong to it (`has also said`).

use super::{Clause, MAX_PHRASE};
use crate::extract::lexicon::{Entry, Frame as CueFrame, lexicon};
use crate::extract::vocabulary::Section;

/// A cue found at a token: its entry and where its words are.
#[derive(Debug, Clone, Copy)]
pub(super) struct CueAt {
    pub entry: &'static Entry,
    pub start: usize,
    pub end: usize,
}

impl<'a> Clause<'a> {
    /// The cue that starts at token `i`, if a verb can stand there.
    pub(super) fn cue_at(&self, i: usize) -> Option<CueAt> {
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
    pub(super) fn passive(&self, i: usize) -> bool {
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
        // `The police officers claim ...`: a plural noun before a base form is its subject.
        let plural_subject = i > 0
            && !self.capitalized(i - 1)
            && self.word(i - 1).is_some_and(|w| {
                w.len() > 3
                    && w.ends_with('s')
                    && !["ss", "is", "us", "'s"].iter().any(|e| w.ends_with(e))
            })
            && self.word(i).is_some_and(|w| !w.ends_with('s'));
        let before_is_modifier = i > 0
            && (self.has(i - 1, Section::Determiner) && !self.is(i - 1, "that")
                || self
                    .word(i - 1)
                    .is_some_and(|w| w.ends_with("'s") || w.ends_with('s') && w.ends_with("s'"))
                || self.open_class(i - 1) && !self.capitalized(i - 1) && !plural_subject);
        let after_is_verb = self.has(after, Section::Auxiliary)
            || (self.info.get(after).is_some_and(|t| t.cue_start)
                && lexicon()
                    .lookup_with(self.word(after).unwrap_or(""), |k| self.word(after + k))
                    .is_some()
                && !self.has(after, Section::Noun));
        // `White House press secretary Josh Earnest`, `state media`: a noun
        // before a title or a body.
        let before_title = (self.has(after, Section::Title) || self.has(after, Section::Body))
            && !self.capitalized(after)
            && self.word(after).is_some_and(|w| !w.ends_with('s'));
        // `the governor of Unity state`: a noun after a name in a prepositional phrase.
        let after_place = i >= 2
            && self.capitalized(i - 1)
            && matches!(self.word(i - 2), Some("of" | "in" | "from"));
        before_is_modifier || after_is_verb || before_title || after_place
    }

    /// Move back from the cue at `cue` over auxiliaries and adverbs that belong
    /// to it (`has also said`, `would not say`): where the cue's span starts.
    pub(super) fn skip_back_to_verb(&self, cue: usize, lo: usize) -> usize {
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

    /// Move forward from `k` over auxiliaries, adverbs and `on Thursday`.
    pub(super) fn skip_forward_to_verb(&self, mut k: usize, hi: usize) -> usize {
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
}

#[cfg(test)]
mod tests {
    use super::super::sample::{position, read, words};

    /// The lemma of the cue at the first word `word` of `text`.
    fn lemma(text: &str, word: &str) -> Option<String> {
        read(text, |c| {
            c.cue_at(position(c, word))
                .map(|cue| cue.entry.lemma.clone())
        })
    }

    #[test]
    fn a_verb_of_the_lexicon_is_a_cue() {
        assert_eq!(
            lemma("Wang said the talks went well.", "said"),
            Some("say".into())
        );
        assert_eq!(
            lemma("Wang pointed out the risks.", "pointed"),
            Some("point out".into())
        );
    }

    #[test]
    fn a_noun_is_no_cue() {
        assert_eq!(
            lemma("The report said the talks went well.", "report"),
            None
        );
    }

    #[test]
    fn a_cue_form_naming_a_thing_is_no_cue() {
        assert_eq!(
            lemma("Chinese state media said the talks were frank.", "state"),
            None
        );
        assert_eq!(
            lemma(
                "The governor of Unity state, Taban Deng, said it was over.",
                "state"
            ),
            None
        );
        assert_eq!(
            lemma(
                "Moscow sought security guarantees from the West.",
                "guarantees"
            ),
            None
        );
        assert_eq!(
            lemma("The exact details of the meeting are not known.", "details"),
            None
        );
        assert_eq!(
            lemma("Wang states that the talks failed.", "states"),
            Some("state".into())
        );
    }

    #[test]
    fn a_plural_noun_before_a_base_form_is_its_subject() {
        assert_eq!(
            lemma(
                "The police officers claim the bullet was a ricochet.",
                "claim"
            ),
            Some("claim".into())
        );
        assert_eq!(lemma("The crisis report was late.", "report"), None);
    }

    #[test]
    fn an_infinitive_is_no_cue() {
        assert_eq!(lemma("He refused to say more.", "say"), None);
    }

    #[test]
    fn a_passive_credits_no_one() {
        assert_eq!(lemma("The plan was criticised widely.", "criticised"), None);
        assert_eq!(
            lemma("Lavrov was quoted by TASS as saying so.", "quoted"),
            Some("quote".into())
        );
    }

    #[test]
    fn citing_is_a_channel_not_a_cue() {
        assert_eq!(lemma("He spoke, citing a report.", "citing"), None);
    }

    #[test]
    fn a_capitalised_cue_inside_a_sentence_is_a_name() {
        assert_eq!(lemma("The United States said no.", "states"), None);
    }

    #[test]
    fn auxiliaries_and_adverbs_belong_to_the_cue() {
        let text = "Wang has also said the talks went well.";
        read(text, |c| {
            let said = position(c, "said");
            let start = c.skip_back_to_verb(said, 0);
            assert_eq!(words(c, text, &(start..said + 1)), "has also said");
            assert_eq!(c.skip_forward_to_verb(position(c, "has"), c.len()), said);
        });
    }
}
