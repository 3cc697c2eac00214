//! Leading frames: speaker and cue before what was said (`Wang told Blinken
//! that ...`, `He said: "..."`), and a lead-in whose words the next
//! paragraph quotes (`Cruz continued:`).

use super::{Clause, CueAt, MAX_PHRASE, MAX_TAIL, Phrase, Statement};
use crate::extract::lexicon::{Frame as CueFrame, lexicon};
use crate::extract::vocabulary::Section;

impl<'a> Clause<'a> {
    /// `Wang told Blinken that ...`, `He said: "..."`.
    pub(super) fn leading(
        &self,
        pos: usize,
        cue: CueAt,
        verb_start: usize,
        hi: usize,
    ) -> Option<Statement> {
        // `a creative writing professor`: an -ing form without `is` is no verb
        // of the phrase, unless it hangs on a person's name opening the
        // sentence (`Public defender Peter Lynch admitting that ...`).
        let be = verb_start < cue.start
            && (verb_start..cue.start).any(|k| {
                matches!(
                    self.word(k),
                    Some("is" | "are" | "was" | "were" | "been" | "be" | "'m" | "am")
                ) || self
                    .word(k)
                    .is_some_and(|w| w.ends_with("'s") || w.ends_with("'re"))
            });
        let phrase = self.phrase_back(self.subject_end(verb_start, pos), pos)?;
        if cue.entry.is_participle() && !be && !self.absolute_participle(&phrase, verb_start, pos) {
            return None;
        }
        let phrase = if self.boundary_before(phrase.span.start, pos) {
            phrase
        } else {
            self.subject_of_relative(&phrase, pos)
                .or_else(|| self.name_after_opening(&phrase, pos))?
        };
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
        // `Peter Capaldi revealed as 12th Doctor`: a headline's passive.
        let passive_as = self.is(content.start, "as") && !self.proposition(content.clone());
        if content.is_empty()
            || passive_as
            || !self.reports_speech(cue, &content)
            || end == hi && self.circumstance_only(&content)
        {
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

    /// `Public defender Peter Lynch admitting that ...`, `with Lynch
    /// admitting that ...`: a participle right after a person's name that
    /// opens the sentence or follows `with`.
    fn absolute_participle(&self, phrase: &Phrase, verb_start: usize, pos: usize) -> bool {
        let start = phrase.span.start;
        phrase.span.end == verb_start
            && self.names_someone(phrase.name.clone())
            && (start == self.trim_start(pos, start) || start > pos && self.is(start - 1, "with"))
    }

    /// `The officer who fired the shot says ...`: the subject before a
    /// relative clause, when the phrase before the cue ends that clause.
    fn subject_of_relative(&self, phrase: &Phrase, pos: usize) -> Option<Phrase> {
        let end = phrase.span.end;
        let relative = (pos..phrase.span.start)
            .rev()
            .take(MAX_PHRASE)
            .take_while(|&k| {
                self.is_outside_quotes(k) && !self.is_comma(k) && self.cue_at(k).is_none()
            })
            .find(|&k| matches!(self.word(k), Some("who" | "that")))?;
        let subject = self.phrase_back(relative, pos)?;
        let at_boundary = self.boundary_before(subject.span.start, pos);
        (at_boundary && subject.span.end == relative).then_some(Phrase {
            span: subject.span.start..end,
            ..subject
        })
    }

    /// `In a live interview with the BBC Capaldi admitted ...`: a sentence
    /// opening with a prepositional phrase and no comma; the name after the
    /// body that ends it is the speaker.
    fn name_after_opening(&self, phrase: &Phrase, pos: usize) -> Option<Phrase> {
        let open = self.trim_start(pos, phrase.span.start);
        if !self.has(open, Section::Preposition)
            || (open..phrase.span.start).any(|k| self.is_comma(k))
        {
            return None;
        }
        let end = phrase.name.end;
        let mut start = end;
        while start > phrase.span.start
            && self.plain_name(start - 1)
            && !self.has(start - 1, Section::Organisation)
        {
            start -= 1;
        }
        let before = start.checked_sub(1)?;
        let ends_phrase = self.has(before, Section::Organisation)
            || self.has(before, Section::Body)
            || self.word(before).is_some() && !self.capitalized(before);
        (start < end && start > phrase.span.start && ends_phrase).then(|| Phrase::plain(start..end))
    }

    /// `Cruz continued:`, `Breitbart News responded:`, `Stated Stone:`,
    /// `Dianne Bystrom agreed.`: a frame that ends its sentence with a colon or
    /// a stop and reports nothing in it, for the quotation that follows (the
    /// next paragraph, or a sentence only quoted). Its content is left empty.
    pub fn lead_in(&self, lo: usize) -> Option<Statement> {
        self.verb_lead_in(lo).or_else(|| self.document_lead_in(lo))
    }

    /// `Below is a statement by Francesca Grifo:`, `The following is
    /// attributable to Spokesperson Ned Price:`: a document and who it is
    /// by, for the quotation that follows. The colon is the cue.
    fn document_lead_in(&self, lo: usize) -> Option<Statement> {
        let colon = self.len().checked_sub(1)?;
        if colon <= lo || !self.is_punct(colon, ":") || !self.is_outside_quotes(colon) {
            return None;
        }
        let by = (lo..colon)
            .rev()
            .take(MAX_PHRASE)
            .find(|&k| matches!(self.word(k), Some("by" | "from" | "to")))?;
        let speaker = self
            .phrase_forward(by + 1, colon)
            .filter(|p| p.end == colon)?;
        let document = (lo..by).any(|k| {
            self.has(k, Section::Body) && !self.capitalized(k)
                || matches!(self.word(k), Some("remarks" | "attributable"))
        });
        if !document || (lo..by).any(|k| !self.is_outside_quotes(k) || self.cue_at(k).is_some()) {
            return None;
        }
        let entry = lexicon().lookup(&[":"])?;
        Some(Statement {
            speaker: Some(Phrase::plain(speaker)),
            cue: Some((colon..colon + 1, entry)),
            end: colon + 1,
            ..Statement::default()
        })
    }

    fn verb_lead_in(&self, lo: usize) -> Option<Statement> {
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
}

#[cfg(test)]
mod tests {
    use super::super::sample::{Seen, at_cue, read, seen};

    fn leading<'t>(text: &'t str, cue: &str) -> Option<Seen<'t>> {
        at_cue(text, cue, |c, cue, hi| {
            c.leading(0, cue, c.skip_back_to_verb(cue.start, 0), hi)
        })
    }

    fn lead_in(text: &str) -> Option<Seen<'_>> {
        read(text, |c| c.lead_in(0).map(|s| seen(c, text, &s)))
    }

    #[test]
    fn speaker_cue_addressee_then_what_was_said() {
        assert_eq!(
            leading(
                "Wang told Blinken that the US should stop interfering.",
                "told"
            ),
            Some(Seen {
                speaker: "Wang",
                cue: "told",
                addressee: "Blinken",
                content: vec!["that the US should stop interfering"],
                ..Seen::default()
            })
        );
    }

    #[test]
    fn a_quotation_after_a_colon() {
        assert_eq!(
            leading("He said: “We are ready.”", "said"),
            Some(Seen {
                speaker: "He",
                cue: "said",
                content: vec!["“We are ready.”"],
                ..Seen::default()
            })
        );
    }

    #[test]
    fn who_is_cited_is_the_speaker_and_who_cites_relays() {
        assert_eq!(
            leading(
                "Citing a senior official, Yonhap said the talks had stalled.",
                "said"
            ),
            Some(Seen {
                speaker: "a senior official",
                cue: "said",
                channels: vec!["Yonhap"],
                content: vec!["the talks had stalled"],
                ..Seen::default()
            })
        );
    }

    #[test]
    fn a_participle_without_be_is_no_verb_of_the_phrase() {
        assert_eq!(
            leading("A writing tutor praised the essay.", "writing"),
            None
        );
    }

    #[test]
    fn a_headline_passive_with_as_is_no_frame() {
        assert_eq!(leading("Ann Lee revealed as new coach", "revealed"), None);
    }

    #[test]
    fn a_subject_before_a_relative_clause() {
        assert_eq!(
            leading("The officer who fired the shot says he aimed low.", "says").map(|s| s.speaker),
            Some("The officer who fired the shot")
        );
    }

    #[test]
    fn a_name_after_an_opening_phrase_without_a_comma() {
        assert_eq!(
            leading(
                "In a live interview with the BBC Capaldi admitted he had been nervous.",
                "admitted"
            )
            .map(|s| (s.speaker, s.content)),
            Some(("Capaldi", vec!["he had been nervous"]))
        );
    }

    #[test]
    fn a_participle_after_a_name_opening_the_sentence() {
        assert_eq!(
            leading(
                "Public defender Peter Lynch admitting that the man had a gun.",
                "admitting"
            )
            .map(|s| s.speaker),
            Some("Public defender Peter Lynch")
        );
    }

    #[test]
    fn a_lead_in_ending_in_a_colon() {
        assert_eq!(
            lead_in("Cruz continued:"),
            Some(Seen {
                speaker: "Cruz",
                cue: "continued",
                ..Seen::default()
            })
        );
        assert_eq!(
            lead_in("Stated Stone:"),
            Some(Seen {
                speaker: "Stone",
                cue: "Stated",
                ..Seen::default()
            })
        );
    }

    #[test]
    fn a_document_and_its_author_before_a_colon() {
        assert_eq!(
            lead_in("Below is a statement by Ned Price:"),
            Some(Seen {
                speaker: "Ned Price",
                cue: ":",
                ..Seen::default()
            })
        );
        assert_eq!(
            lead_in("The following is attributable to Spokesperson Ned Price:").map(|s| s.speaker),
            Some("Spokesperson Ned Price")
        );
        assert_eq!(lead_in("He drove to the coast by bus:"), None);
    }

    #[test]
    fn a_frame_that_reports_something_is_no_lead_in() {
        assert_eq!(lead_in("He said it was over."), None);
    }
}
