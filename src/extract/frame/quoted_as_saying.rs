//! `TASS quoted Lavrov as saying ...`, `The Kremlin was quoted by Interfax as
//! saying ...`: the cue `quote`, whose subject is the channel, or the
//! speaker when the verb is passive.

use std::ops::Range;

use super::{Clause, CueAt, Phrase};

impl<'a> Clause<'a> {
    /// After the cue `quote`: `Lavrov as saying` (the subject relays) or `by
    /// Interfax as saying` (passive: the subject is quoted). The speaker, the
    /// channel and where what was said starts.
    pub(super) fn quoted_as_saying(
        &self,
        cue: CueAt,
        subject: &Phrase,
        hi: usize,
    ) -> Option<(Phrase, Range<usize>, usize)> {
        if cue.entry.lemma != "quote" {
            return None;
        }
        let (speaker, channel, k) = if self.is(cue.end, "by") {
            let by = self.phrase_forward(cue.end + 1, hi)?;
            let k = by.end;
            (subject.clone(), by, k)
        } else {
            let quoted = self.phrase_forward(cue.end, hi)?;
            let k = quoted.end;
            (Phrase::plain(quoted), subject.span.clone(), k)
        };
        if !(self.is(k, "as") && self.is(k + 1, "saying")) {
            return None;
        }
        let mut start = k + 2;
        while start < hi && self.is_punct(start, ",:") && self.is_outside_quotes(start) {
            start += 1;
        }
        (start < hi).then_some((speaker, channel, start))
    }
}

#[cfg(test)]
mod tests {
    use super::super::Phrase;
    use super::super::sample::{cue, read, words};

    /// The speaker, the channel and the first word of what was said, when the
    /// sentence's first word is the subject of `quote`.
    fn quoted_as_saying(text: &str, subject_words: usize) -> Option<(&str, &str, &str)> {
        read(text, |c| {
            let subject = Phrase::plain(0..subject_words);
            let hi = c.trim_end(0, c.len());
            c.quoted_as_saying(cue(c, "quoted"), &subject, hi)
                .map(|(speaker, channel, start)| {
                    (
                        words(c, text, &speaker.span),
                        words(c, text, &channel),
                        words(c, text, &(start..start + 1)),
                    )
                })
        })
    }

    #[test]
    fn the_subject_relays_who_it_quotes() {
        assert_eq!(
            quoted_as_saying("TASS quoted Lavrov as saying the talks were useful.", 1),
            Some(("Lavrov", "TASS", "the"))
        );
    }

    #[test]
    fn quoted_by_a_channel_the_subject_speaks() {
        assert_eq!(
            quoted_as_saying(
                "The Kremlin was quoted by Interfax as saying it was ready.",
                2
            ),
            Some(("The Kremlin", "Interfax", "it"))
        );
    }

    #[test]
    fn quoting_a_text_is_no_relay() {
        assert_eq!(quoted_as_saying("The paper quoted the report.", 2), None);
    }
}
