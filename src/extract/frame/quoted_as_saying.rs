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
