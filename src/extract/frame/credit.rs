//! Credits that stand outside a sentence's grammar: a dateline (`Beijing
//! [China], January 27 (ANI):`), a credit closing a story (`(ANI)`), a
//! quotation credited after a dash (`"..." ― Steve Quinlan`) and a speaker
//! before a colon, as headlines and transcripts credit (`Kasich: '...'`).

use std::ops::Range;

use super::{Clause, MAX_APPOSITIVE, Phrase, Statement, one};
use crate::extract::lexicon::lexicon;
use crate::extract::vocabulary::Section;
use crate::text::TokenKind;

impl<'a> Clause<'a> {
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

    /// Where the line that holds token `lo` ends: the first token after a line
    /// break, or the end of the clause.
    pub(super) fn line_end(&self, lo: usize) -> usize {
        (lo + 1..self.len())
            .find(|&i| {
                self.text
                    .get(self.tokens[i - 1].end()..self.tokens[i].start())
                    .is_some_and(|gap| gap.contains('\n'))
            })
            .unwrap_or(self.len())
    }

    /// `"QUOTE" ― NAME[, APPOSITIVE]`: a quotation that opens the sentence,
    /// credited after a dash by a name that ends it.
    pub(super) fn dash_credit(&self, lo: usize, hi: usize) -> Option<Statement> {
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

    /// `MS. LEE`, `SECRETARY BLINKEN`: a speaker written in capitals, as a
    /// transcript labels each turn.
    pub(crate) fn transcript_label(&self, phrase: Range<usize>) -> bool {
        let mut letters = 0;
        for i in phrase {
            if self.word(i).is_none() {
                continue;
            }
            let shown = self.word_text(i);
            if shown.chars().any(char::is_lowercase) {
                return false;
            }
            letters += shown.chars().filter(|c| c.is_alphabetic()).count();
        }
        letters >= 2
    }

    /// `NAME: CONTENT` at the start of a sentence: a speaker of a few words,
    /// one of them a name, then a colon.
    pub(super) fn colon_frame(&self, lo: usize, hi: usize) -> Option<Statement> {
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
        // `MS. LEE: Thank you.`: a transcript's speaker, in capitals, may say little.
        if words < 3 && !(words > 0 && self.transcript_label(phrase.clone())) {
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
}

#[cfg(test)]
mod tests {
    use super::super::sample::{Seen, read, statements, words};

    /// The words after a dateline, and the agency it credits.
    fn dateline(text: &str) -> (&str, Option<&str>) {
        read(text, |c| {
            let end = c.dateline_end();
            (
                words(c, text, &(end..c.len())),
                c.dateline_credit(end).map(|r| words(c, text, &r)),
            )
        })
    }

    #[test]
    fn a_wire_dateline() {
        assert_eq!(
            dateline("BEIJING, Jan 27 (Reuters) - Wang said the talks were useful."),
            ("Wang said the talks were useful.", Some("Reuters"))
        );
    }

    #[test]
    fn a_syndicated_dateline() {
        assert_eq!(
            dateline("Beijing [China], January 27 (ANI): Wang said the talks were useful."),
            ("Wang said the talks were useful.", Some("ANI"))
        );
    }

    #[test]
    fn a_sentence_without_a_dateline() {
        assert_eq!(
            dateline("Wang said the talks were useful."),
            ("Wang said the talks were useful.", None)
        );
    }

    #[test]
    fn a_credit_standing_alone() {
        let credit = |text| read(text, |c| c.credit().map(|r| words(c, text, &r)));
        assert_eq!(credit("(ANI)"), Some("ANI"));
        assert_eq!(credit("(see below)"), None);
    }

    #[test]
    fn a_quotation_credited_after_a_dash() {
        assert_eq!(
            statements("“We will rebuild.” ― Maria Lopez, a nurse"),
            [Seen {
                speaker: "Maria Lopez, a nurse",
                role: "a nurse",
                cue: "―",
                content: vec!["“We will rebuild.”"],
                ..Seen::default()
            }]
        );
    }

    #[test]
    fn quotations_listed_with_their_authors_one_a_line() {
        let found = statements("“Keep going.” ― Ana Ruiz\n“Never stop.” ― Tom Hale");
        let credited: Vec<(&str, Vec<&str>)> =
            found.into_iter().map(|s| (s.speaker, s.content)).collect();
        assert_eq!(
            credited,
            [
                ("Ana Ruiz", vec!["“Keep going.”"]),
                ("Tom Hale", vec!["“Never stop.”"])
            ]
        );
    }

    #[test]
    fn a_speaker_before_a_colon() {
        assert_eq!(
            statements("Kasich: “We are going all the way”"),
            [Seen {
                speaker: "Kasich",
                cue: ":",
                content: vec!["“We are going all the way”"],
                ..Seen::default()
            }]
        );
    }

    #[test]
    fn a_notice_before_a_colon_credits_no_one() {
        read("Update: the talks were moved to Friday.", |c| {
            assert_eq!(c.colon_frame(0, c.len()), None);
        });
    }
}
