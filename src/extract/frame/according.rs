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

#[cfg(test)]
mod tests {
    use super::super::sample::{Seen, at_cue};

    fn according(text: &str) -> Option<Seen<'_>> {
        at_cue(text, "according", |c, cue, hi| c.according(0, cue, hi))
    }

    #[test]
    fn the_source_before_what_was_said() {
        assert_eq!(
            according("According to the ministry, talks will resume next week."),
            Some(Seen {
                speaker: "the ministry",
                cue: "According to",
                content: vec!["talks will resume next week"],
                ..Seen::default()
            })
        );
    }

    #[test]
    fn the_source_after_what_was_said() {
        assert_eq!(
            according("Talks will resume next week, according to the ministry."),
            Some(Seen {
                speaker: "the ministry",
                cue: "according to",
                content: vec!["Talks will resume next week"],
                ..Seen::default()
            })
        );
    }

    #[test]
    fn an_opening_but_is_not_what_was_said() {
        assert_eq!(
            according("But according to the ministry, the talks resumed."),
            Some(Seen {
                speaker: "the ministry",
                cue: "according to",
                content: vec!["the talks resumed"],
                ..Seen::default()
            })
        );
    }

    #[test]
    fn a_source_alone_reports_nothing() {
        assert_eq!(according("According to the ministry."), None);
    }
}
