//! A cue with no speaker of its own, which borrows the clause's: `..., adding
//! that ...`, `She blamed ... and said ...`.

use super::{Clause, CueAt, Phrase, Statement};

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
        if content.is_empty() {
            return None;
        }
        found.content = vec![content];
        found.channels.extend(channels);
        found.end = end;
        Some(found)
    }
}
