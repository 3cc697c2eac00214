//! Trailing frames: speaker, then cue, after what was said (`"...," Wang
//! said`, `..., the ministry said in a statement`).

use super::{Clause, CueAt, Statement, one};
use crate::extract::lexicon::Frame as CueFrame;
use crate::extract::vocabulary::Section;

impl<'a> Clause<'a> {
    /// `"...," Wang said`, `..., the ministry said in a statement.`
    pub(super) fn trailing(
        &self,
        pos: usize,
        cue: CueAt,
        verb_start: usize,
        hi: usize,
    ) -> Option<Statement> {
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
        // `During the meeting, Austin warned ...`: a scene set before the
        // frame, with no clause of its own, is not what was said.
        if !quoted
            && self.adverbial_prefix(pos, boundary)
            && self.few_words(pos, boundary)
            && !self.proposition(self.trim_start(pos, boundary)..boundary)
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
}

#[cfg(test)]
mod tests {
    use super::super::sample::{Seen, at_cue};

    fn trailing<'t>(text: &'t str, cue: &str) -> Option<Seen<'t>> {
        at_cue(text, cue, |c, cue, hi| {
            c.trailing(0, cue, c.skip_back_to_verb(cue.start, 0), hi)
        })
    }

    #[test]
    fn speaker_and_cue_after_a_quotation() {
        assert_eq!(
            trailing("“We will go,” Wang said.", "said"),
            Some(Seen {
                speaker: "Wang",
                cue: "said",
                content: vec!["“We will go,”"],
                ..Seen::default()
            })
        );
    }

    #[test]
    fn circumstance_after_the_cue_is_not_reported() {
        assert_eq!(
            trailing(
                "The talks were useful, the ministry said in a statement on Thursday.",
                "said"
            ),
            Some(Seen {
                speaker: "the ministry",
                cue: "said",
                content: vec!["The talks were useful"],
                ..Seen::default()
            })
        );
    }

    #[test]
    fn the_one_spoken_to() {
        assert_eq!(
            trailing("The talks were useful, Wang told reporters.", "told"),
            Some(Seen {
                speaker: "Wang",
                cue: "told",
                addressee: "reporters",
                content: vec!["The talks were useful"],
                ..Seen::default()
            })
        );
    }

    #[test]
    fn a_scene_before_the_frame_is_not_what_was_said() {
        assert_eq!(
            trailing("As for the pundits, Bolton said, “They are wrong.”", "said"),
            None
        );
    }

    #[test]
    fn a_relative_clause_frames_nothing_before_it() {
        assert_eq!(
            trailing(
                "“The deal is dead,” Cordesman, who has advised Lee, said.",
                "advised"
            ),
            None
        );
    }
}
