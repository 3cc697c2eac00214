//! `According to X, CONTENT` and `CONTENT, according to X`: a source named
//! by a phrase rather than a verb, before or after what was said.

use super::{Clause, CueAt, Phrase, Statement, one};
use crate::extract::vocabulary::Section;

impl<'a> Clause<'a> {
    /// `According to X, CONTENT` and `CONTENT, according to X`.
    pub(super) fn according(&self, pos: usize, cue: CueAt, hi: usize) -> Option<Statement> {
        let source = self.source_phrase(cue.end, hi)?;
        let mut found = Statement {
            speaker: Some(Phrase::plain(source.clone())),
            cue: Some((cue.start..cue.end, cue.entry)),
            ..Statement::default()
        };
        let before = self.trim_end(pos, cue.start);
        if before > pos && self.enough_words(pos, before) && !self.opener_only(pos, before) {
            found.content = one(self.trim_start(pos, before)..before);
            found.end = source.end;
            return Some(found);
        }
        if self.is_comma(source.end) {
            let (content, channels, end) = self.content_after(source.end + 1, hi);
            if content.is_empty() {
                return None;
            }
            found.content = vec![content];
            found.channels = channels;
            found.end = end;
            return Some(found);
        }
        None
    }

    /// Only words that open a clause (`But`, `And`) between `from` and `to`.
    fn opener_only(&self, from: usize, to: usize) -> bool {
        to - from < 4 && (from..to).all(|i| self.word(i).is_none() || self.has(i, Section::Opener))
    }
}
