//! Inverted frames: the cue before its speaker, after what was said
//! (`"...," said Wang`, `..., said Ned Price, the State Department spokesman`).

use super::{Clause, CueAt, Phrase, Statement, one};
use crate::extract::lexicon::Frame as CueFrame;
use crate::extract::vocabulary::Section;

impl<'a> Clause<'a> {
    /// `"...," said Wang`, `..., said Ned Price, the State Department spokesman`.
    pub(super) fn inverted(&self, pos: usize, cue: CueAt, hi: usize) -> Option<Statement> {
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
        let quoted = self.is_close(boundary.saturating_sub(1)) || self.is_close(boundary);
        // `Taban Deng, the governor, accused Sudan of ...`: a noun phrase
        // before the cue is its subject, not what was said.
        if !quoted && !self.proposition(self.trim_start(pos, boundary)..boundary) {
            return None;
        }
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
        // `central Aceh district resident Bensu Elianita`: a place inside the
        // role, which ends at a title before the name.
        if let Some(title) = (start..hi.min(start + MAX_ROLE))
            .take_while(|&k| self.word(k).is_some() && !self.has(k, Section::Audience))
            .find(|&k| {
                self.has(k, Section::Title) && !self.capitalized(k) && self.capitalized(k + 1)
            })
            && let Some(name) = self.phrase_forward(title + 1, hi)
            && name
                .clone()
                .all(|i| self.plain_name(i) || self.initial_stop(i))
        {
            return Some(Phrase {
                span: start..name.end,
                role: Some(start..title + 1),
                name,
            });
        }
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
        // `..., quoted by the Associated Press`: who relayed the words.
        if self.channel_words(k).is_some() {
            return true;
        }
        let capital = self.capitalized(k);
        let last = !(k..hi).any(|j| self.is_comma(j));
        !capital && (w.ends_with("ing") && !self.has(k, Section::Title) || w == "asked")
            || !capital && last && self.has(k, Section::Preposition) && w != "of"
            || matches!(
                w,
                "as" | "while" | "when" | "after" | "before" | "because" | "though" | "although"
            )
    }
}

#[cfg(test)]
mod tests {
    use super::super::sample::{Seen, at_cue};

    fn inverted<'t>(text: &'t str, cue: &str) -> Option<Seen<'t>> {
        at_cue(text, cue, |c, cue, hi| c.inverted(0, cue, hi))
    }

    #[test]
    fn the_cue_before_its_speaker() {
        assert_eq!(
            inverted("“We will not retreat,” said Wang.", "said"),
            Some(Seen {
                speaker: "Wang",
                cue: "said",
                content: vec!["“We will not retreat,”"],
                ..Seen::default()
            })
        );
    }

    #[test]
    fn an_appositive_to_the_end_is_the_role() {
        let text = "The talks were useful, said Ned Price, the department spokesman.";
        assert_eq!(
            inverted(text, "said"),
            Some(Seen {
                speaker: "Ned Price, the department spokesman",
                role: "the department spokesman",
                cue: "said",
                content: vec!["The talks were useful"],
                ..Seen::default()
            })
        );
    }

    #[test]
    fn a_role_in_lower_case_before_the_name() {
        assert_eq!(
            inverted(
                "“It was a hard winter,” said longtime friend Ann Lee.",
                "said"
            )
            .map(|s| (s.speaker, s.role)),
            Some(("longtime friend Ann Lee", "longtime friend"))
        );
    }

    #[test]
    fn a_place_inside_a_role_in_lower_case() {
        assert_eq!(
            inverted(
                "“The roofs fell in,” said central Lake district resident Ann Lee.",
                "said"
            )
            .map(|s| (s.speaker, s.role)),
            Some((
                "central Lake district resident Ann Lee",
                "central Lake district resident"
            ))
        );
    }

    #[test]
    fn a_participle_after_the_name_describes_no_speaker() {
        assert_eq!(
            inverted("“We won,” said Lee, smiling at the crowd.", "said")
                .map(|s| (s.speaker, s.role)),
            Some(("Lee", ""))
        );
    }

    #[test]
    fn a_relay_after_the_speaker_is_no_part_of_the_role() {
        assert_eq!(
            inverted(
                "“It is a provocation,” said Project Co-Founder John Lee, quoted by the Associated Press.",
                "said"
            )
            .map(|s| s.speaker),
            Some("Project Co-Founder John Lee")
        );
    }

    #[test]
    fn a_subject_before_the_cue_is_not_what_was_said() {
        assert_eq!(
            inverted(
                "Taban Deng, the governor, accused Sudan of the attack.",
                "accused"
            ),
            None
        );
    }

    #[test]
    fn a_cue_before_that_reports_what_follows() {
        assert_eq!(inverted("The plan works, says that report.", "says"), None);
    }
}
