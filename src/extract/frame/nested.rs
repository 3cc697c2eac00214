//! Nested speech: what a statement reports, read again for a frame at its
//! very start. `Price said Blinken underscored ...` credits Blinken, with
//! Price as the channel.

use std::ops::Range;

use super::{Clause, Phrase, Statement};
use crate::extract::lexicon::{Complement, Frame as CueFrame};
use crate::extract::vocabulary::Section;
use crate::text::TokenKind;

/// Nested speech deeper than this is not news prose.
const MAX_NESTING: usize = 3;

impl<'a> Clause<'a> {
    /// Read the content of `outer` for a frame at its very start: nested speech.
    pub(super) fn nested(&self, outer: Statement, level: usize) -> Statement {
        if level > MAX_NESTING || outer.content.len() != 1 {
            return outer;
        }
        let Range { start, end } = outer.content[0].clone();
        let start = if self.is(start, "that") {
            start + 1
        } else {
            start
        };
        let quoted = match (
            self.token_kind(start),
            end.checked_sub(1).and_then(|e| self.token_kind(e)),
        ) {
            (Some(TokenKind::QuoteOpen(a)), Some(TokenKind::QuoteClose(b))) => a == b,
            _ => false,
        };
        let inner = if quoted {
            // Inside a direct quote the frame starts after the opening mark: read the
            // quotation as a clause of its own, where its words are outside quotes.
            let (lo, hi) = (start + 1, end - 1);
            let inside = self.inside(lo..hi);
            // Words inside a quote credited outside its marks are what was
            // said (`"The Secretary discussed ...," the department said`), unless
            // they report speech again: a person's, as a readout relays it
            // (`"The Secretary warned of ...," Price said`), or quoted words
            // (`"He told me: 'stop'," she said`). A pronoun there is the
            // speaker's own (`"He continues to ...," he said`).
            inside
                .leading_at_start(0, inside.len())
                .filter(|s| {
                    let Some(content) = s.content.first() else {
                        return false;
                    };
                    let quoted = inside.is_open(inside.trim_start(content.start, content.end));
                    let pronoun = s.speaker.as_ref().is_some_and(|p| {
                        p.span.len() == 1 && inside.has(p.span.start, Section::Pronoun)
                    });
                    let said = s.cue.as_ref().is_some_and(|(_, e)| {
                        e.complement == Complement::Said || inside.proposition(content.clone())
                    });
                    quoted || !pronoun && said
                })
                .map(|mut s| {
                    s.shift(lo);
                    // What is left runs to the closing mark.
                    if let Some(last) = s.content.last_mut() {
                        last.end = last.end.max(hi);
                    }
                    s
                })
        } else {
            self.leading_at_start(start, end)
        };
        let Some(mut inner) = inner else { return outer };
        let mut channels = outer.channels;
        // `..., he said`: a pronoun relays no one new.
        channels.extend(
            outer
                .speaker
                .map(|p| p.span)
                .filter(|s| !(s.len() == 1 && self.has(s.start, Section::Pronoun))),
        );
        channels.extend(inner.channels);
        inner.channels = channels;
        inner.end = outer.end;
        self.nested(inner, level + 1)
    }

    /// A leading frame whose speaker opens `lo..hi` and names a person or a
    /// role: `Blinken underscored ...`, `the Secretary warned of ...`.
    fn leading_at_start(&self, lo: usize, hi: usize) -> Option<Statement> {
        let hi = self.trim_end(lo, hi);
        // `As cited by the foreign ministry, Wang said ...`
        let mut prefix = Vec::new();
        let mut lo = lo;
        if let Some(skip) = self.channel_words(lo)
            && let Some(source) = self.source_phrase(lo + skip, hi)
            && self.is_comma(source.end)
        {
            lo = source.end + 1;
            prefix.push(source);
        }
        let phrase = self.phrase_forward(lo, hi)?;
        // `We will not back down`: the speaker of a quote is no one else it names.
        if matches!(
            self.word(phrase.start).and_then(|w| w.split('\'').next()),
            Some("i" | "we" | "you")
        ) {
            return None;
        }
        let person = phrase.clone().any(|i| {
            self.has(i, Section::Title)
                || self.has(i, Section::Pronoun)
                || self.capitalized(i)
                    && self.nominal(i)
                    && !self.has(i, Section::Organisation)
                    && !self.has(i, Section::Body)
        });
        let at = self.skip_forward_to_verb(phrase.end, hi);
        let cue = self.cue_at(at)?;
        if matches!(cue.entry.frame, CueFrame::According)
            || cue.entry.is_participle()
            || !cue.entry.speech
        {
            return None;
        }
        // `TASS quoted Lavrov as saying ...`: a body may relay a person.
        let relayed = self.quoted_as_saying(cue, &Phrase::plain(phrase.clone()), hi);
        if !person && relayed.is_none() {
            return None;
        }
        let verb_start = self.skip_back_to_verb(cue.start, phrase.end);
        let mut found = Statement {
            speaker: Some(Phrase::plain(phrase)),
            cue: Some((verb_start..cue.end, cue.entry)),
            ..Statement::default()
        };
        let start = match relayed {
            Some((speaker, channel, start)) => {
                found.speaker = Some(speaker);
                prefix.push(channel);
                start
            }
            None => self.content_start(cue, hi, &mut found)?,
        };
        let (content, channels, _) = self.content_after(start, hi);
        if content.is_empty() || !self.reports_speech(cue, &content) {
            return None;
        }
        found.content = vec![content];
        prefix.append(&mut found.channels);
        prefix.extend(channels);
        found.channels = prefix;
        found.end = hi;
        Some(found)
    }
}

#[cfg(test)]
mod tests {
    use super::super::sample::{Seen, statements};

    #[test]
    fn the_outer_speaker_is_the_channel() {
        assert_eq!(
            statements("Price said Blinken underscored the risks of further aggression."),
            [Seen {
                speaker: "Blinken",
                cue: "underscored",
                channels: vec!["Price"],
                content: vec!["the risks of further aggression"],
                ..Seen::default()
            }]
        );
    }

    #[test]
    fn a_readout_quoted_is_what_was_said() {
        assert_eq!(
            statements("“The Secretary discussed the crisis with Wang,” the department said."),
            [Seen {
                speaker: "the department",
                cue: "said",
                content: vec!["“The Secretary discussed the crisis with Wang,”"],
                ..Seen::default()
            }]
        );
        assert_eq!(
            statements("“The Secretary welcomed the progress,” the department said.")[0].speaker,
            "the department"
        );
    }

    #[test]
    fn a_readout_relays_the_speech_of_a_person() {
        assert_eq!(
            statements("“The Secretary warned of the risks,” Price said."),
            [Seen {
                speaker: "The Secretary",
                cue: "warned of",
                channels: vec!["Price"],
                content: vec!["the risks,"],
                ..Seen::default()
            }]
        );
    }

    #[test]
    fn speech_quoted_inside_a_quotation_is_nested() {
        assert_eq!(
            statements("“He told me: ‘stop the war’,” Ms Lee said."),
            [Seen {
                speaker: "He",
                cue: "told",
                addressee: "me",
                channels: vec!["Ms Lee"],
                content: vec!["‘stop the war’,"],
                ..Seen::default()
            }]
        );
    }

    #[test]
    fn we_in_a_quotation_is_no_speaker_inside_it() {
        assert_eq!(
            statements("“We will not back down,” Wang said.")[0].speaker,
            "Wang"
        );
    }

    #[test]
    fn a_pronoun_relays_no_one() {
        assert_eq!(
            statements("He said Blinken warned of the risks."),
            [Seen {
                speaker: "Blinken",
                cue: "warned of",
                content: vec!["the risks"],
                ..Seen::default()
            }]
        );
    }
}
