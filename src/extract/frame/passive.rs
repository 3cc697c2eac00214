//! Passive frames: the source named after `by` (`The damage was estimated
//! by the Greek Commerce Confederation at 200 million euros`), what was
//! said around it.

use super::{Clause, Phrase, Statement};
use crate::extract::lexicon::{Complement, Frame as CueFrame, lexicon};

impl<'a> Clause<'a> {
    /// `X was estimated by Y at Z`, `It was announced by the ministry that ...`:
    /// the source after `by` is the speaker; the subject, and what follows the
    /// source, are what was said.
    pub(super) fn passive_by(&self, lo: usize, hi: usize) -> Option<Statement> {
        let (verb, entry) = (lo + 1..hi).find_map(|i| {
            if !self.is_outside_quotes(i) || !self.passive(i) {
                return None;
            }
            let entry = lexicon().lookup_with(self.word(i)?, |k| self.word(i + k))?;
            // `was attacked by gunmen`, `was seen by`: no speech; `was told by`:
            // the subject is who was spoken to.
            (entry.complement != Complement::Clause
                && entry.frame != CueFrame::AddresseeRequired
                && self.is(i + entry.words.len(), "by"))
            .then_some((i, entry))
        })?;
        let by = verb + entry.words.len();
        let source = self.phrase_forward(by + 1, hi)?;
        let be = self.skip_back_to_verb(verb, lo);
        let subject = self.trim_start(lo, be)..be;
        if !self.enough_words(subject.start, subject.end) {
            return None;
        }
        let mut content = vec![subject];
        let rest = self.trim_start(source.end, hi)..hi;
        if rest.start < rest.end && !self.is_comma(source.end) {
            content.push(rest);
        }
        Some(Statement {
            speaker: Some(Phrase::plain(source)),
            cue: Some((be..by + 1, entry)),
            content,
            end: hi,
            ..Statement::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::sample::{Seen, read, seen};

    fn passive(text: &str) -> Option<Seen<'_>> {
        read(text, |c| {
            let hi = c.trim_end(0, c.len());
            c.passive_by(0, hi).map(|s| seen(c, text, &s))
        })
    }

    #[test]
    fn the_source_after_by() {
        assert_eq!(
            passive("The damage was estimated by the trade council at 200 million euros."),
            Some(Seen {
                speaker: "the trade council",
                cue: "was estimated by",
                content: vec!["The damage", "at 200 million euros"],
                ..Seen::default()
            })
        );
    }

    #[test]
    fn a_passive_of_another_sense_is_no_frame() {
        assert_eq!(passive("The camp was attacked by gunmen at dawn."), None);
    }
}
