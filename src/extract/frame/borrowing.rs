//! A cue with no speaker of its own, which borrows the clause's: `..., adding
//! that ...`, `She blamed ... and said ...`.

use super::{Clause, CueAt, Phrase, Statement};
use crate::extract::lexicon::Frame as CueFrame;

/// A title in quote marks before a subject is at most this many tokens long.
const MAX_TITLE_WORDS: usize = 8;

impl<'a> Clause<'a> {
    /// A cue without a speaker of its own: `..., saying ...`, `... and said ...`.
    pub(super) fn borrowing(
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
        if content.is_empty() || !self.reports_speech(cue, &content) {
            return None;
        }
        found.content = vec![content];
        found.channels.extend(channels);
        found.end = end;
        Some(found)
    }

    /// `Noting that the talks were frank, Wang said ...`: a participle that
    /// opens the sentence borrows the subject of the clause after its comma.
    /// So does one after a word that opens a clause, whatever the main
    /// clause does: `After telling reporters she was "done with all that,"
    /// Reid checked into a clinic`.
    pub(super) fn opening_participle(&self, lo: usize, hi: usize) -> Option<Statement> {
        let after_opener = matches!(
            self.word(lo),
            Some("after" | "before" | "while" | "when" | "upon" | "since")
        );
        let at = lo + usize::from(after_opener);
        let cue = self.cue_at(at)?;
        if !cue.entry.is_participle() || cue.entry.frame == CueFrame::According {
            return None;
        }
        // The comma that ends the participle's clause: outside quote marks, or
        // the last thing inside the quotation that closes it (`"...," Reid`).
        let ends_clause =
            |j: usize| self.is_comma(j) || self.is_close(j) && j > 0 && self.is_punct(j - 1, ",");
        let boundary = (cue.end..hi).find(|&j| {
            let subject = self.past_a_quoted_title(j + 1, hi);
            ends_clause(j)
                && (self.clause_with_frame(subject, hi)
                    || after_opener && self.main_clause(subject, hi))
        })?;
        let speaker = self.phrase_forward(self.past_a_quoted_title(boundary + 1, hi), hi)?;
        let mut found = Statement {
            speaker: Some(Phrase::plain(speaker)),
            cue: Some((at..cue.end, cue.entry)),
            ..Statement::default()
        };
        let start = self.content_start(cue, boundary, &mut found)?;
        let end = if self.is_close(boundary) {
            boundary + 1
        } else {
            self.trim_end(start, boundary)
        };
        let content = start..end;
        if content.is_empty() || !self.reports_speech(cue, &content) {
            return None;
        }
        found.content = vec![content];
        found.end = boundary + 1;
        Some(found)
    }

    /// Past a title in quote marks that opens a subject (`"American Pie"
    /// actress Tara Reid`): where the words describing the person start.
    fn past_a_quoted_title(&self, k: usize, hi: usize) -> usize {
        if !self.is_open(k) {
            return k;
        }
        (k + 1..hi.min(k + MAX_TITLE_WORDS))
            .find(|&j| self.is_close(j))
            .map_or(k, |close| close + 1)
    }

    /// Whether a clause with a subject and a verb of its own starts at `k`
    /// (`actress Tara Reid checked into a clinic`, `she left`).
    fn main_clause(&self, k: usize, hi: usize) -> bool {
        let Some(subject) = self.phrase_forward(k, hi) else {
            return false;
        };
        let verb = self.skip_forward_to_verb(subject.end, hi);
        verb < hi && !self.capitalized(verb) && self.open_class(verb)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Phrase;
    use super::super::sample::{Seen, at_cue, statements};

    /// The cue `cue` borrowing the sentence's first word as its speaker.
    fn borrowing<'t>(text: &'t str, cue: &str) -> Option<Seen<'t>> {
        at_cue(text, cue, |c, cue, hi| {
            let verb_start = c.skip_back_to_verb(cue.start, 0);
            c.borrowing(0, cue, verb_start, hi, Some(Phrase::plain(0..1)))
        })
    }

    #[test]
    fn a_participle_after_a_comma() {
        assert_eq!(
            borrowing(
                "Wang criticised the sanctions, saying they would fail.",
                "saying"
            ),
            Some(Seen {
                speaker: "Wang",
                cue: "saying",
                content: vec!["they would fail"],
                ..Seen::default()
            })
        );
    }

    #[test]
    fn a_second_verb_after_and() {
        assert_eq!(
            borrowing(
                "She blamed the weather and said the match would go ahead.",
                "said"
            ),
            Some(Seen {
                speaker: "She",
                cue: "said",
                content: vec!["the match would go ahead"],
                ..Seen::default()
            })
        );
    }

    #[test]
    fn a_participle_opening_the_sentence_borrows_the_subject_after_it() {
        assert_eq!(
            statements("Noting that the talks were frank, Wang said China was ready."),
            [
                Seen {
                    speaker: "Wang",
                    cue: "Noting",
                    content: vec!["that the talks were frank"],
                    ..Seen::default()
                },
                Seen {
                    speaker: "Wang",
                    cue: "said",
                    content: vec!["China was ready"],
                    ..Seen::default()
                }
            ]
        );
    }

    #[test]
    fn a_participle_after_a_clause_opener_borrows_the_main_clause_subject() {
        assert_eq!(
            statements(
                "After telling reporters that she was \"done with all of that,\" \"Blue Hour\" singer Mia Holt checked into a clinic."
            ),
            [Seen {
                speaker: "singer Mia Holt",
                cue: "telling",
                addressee: "reporters",
                content: vec!["that she was \"done with all of that,\""],
                ..Seen::default()
            }]
        );
    }

    #[test]
    fn a_cue_with_its_own_subject_borrows_nothing() {
        assert_eq!(
            borrowing("Officials are saying the talks failed.", "saying"),
            None
        );
    }
}
