//! For the tests of each part of the frame (and of the speakers it finds): a
//! sample sentence read as the driver reads it, and what a pattern found there written out as the words
//! of the sentence, so a test reads as input beside what must be recognised.

#![allow(clippy::expect_used)]

use std::ops::Range;

use super::{Clause, CueAt, Reading, Statement};

/// A statement as the words it names; `""` for a part it has not.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Seen<'t> {
    /// The whole speaker phrase, appositive included.
    pub speaker: &'t str,
    /// The role given beside the name (`the department spokesman`).
    pub role: &'t str,
    pub cue: &'t str,
    pub addressee: &'t str,
    pub channels: Vec<&'t str>,
    pub content: Vec<&'t str>,
}

/// `text` read as one clause (one sentence), given to `f`.
pub(in crate::extract) fn read<R>(text: &str, f: impl FnOnce(&Clause<'_>) -> R) -> R {
    let doc = crate::text::analyze(text);
    let reading = Reading::new(text, &doc.tokens, [(0, false)]).expect("a sample is short");
    f(&reading.clause(0..doc.tokens.len()))
}

/// Every statement the driver finds in `text`.
pub(super) fn statements(text: &str) -> Vec<Seen<'_>> {
    read(text, |c| {
        c.statements(0).iter().map(|s| seen(c, text, s)).collect()
    })
}

/// What `frame` finds at the cue that starts with `word` (folded), given
/// the cue and the end of the sentence without its final stop, as the
/// driver calls a pattern.
pub(super) fn at_cue<'t>(
    text: &'t str,
    word: &str,
    frame: impl FnOnce(&Clause<'_>, CueAt, usize) -> Option<Statement>,
) -> Option<Seen<'t>> {
    read(text, |c| {
        let cue = cue(c, word);
        let hi = c.trim_end(0, c.len());
        frame(c, cue, hi).map(|s| seen(c, text, &s))
    })
}

/// The cue that starts at the first word `word` of the clause.
pub(super) fn cue(c: &Clause<'_>, word: &str) -> CueAt {
    let at = position(c, word);
    c.cue_at(at).expect("a cue at the word")
}

/// Where the first word `word` (folded) of the clause is.
pub(super) fn position(c: &Clause<'_>, word: &str) -> usize {
    (0..c.len())
        .find(|&i| c.word(i) == Some(word))
        .expect("the word in the sample")
}

/// The words of tokens `range`.
pub(super) fn words<'t>(c: &Clause<'_>, text: &'t str, range: &Range<usize>) -> &'t str {
    &text[c.bytes(range)]
}

/// `statement` written out as the words of `text`.
pub(super) fn seen<'t>(c: &Clause<'_>, text: &'t str, statement: &Statement) -> Seen<'t> {
    let words = |r: &Range<usize>| words(c, text, r);
    Seen {
        speaker: statement.speaker.as_ref().map_or("", |p| words(&p.span)),
        role: statement
            .speaker
            .as_ref()
            .and_then(|p| p.role.as_ref())
            .map_or("", words),
        cue: statement.cue.as_ref().map_or("", |(r, _)| words(r)),
        addressee: statement.addressee.as_ref().map_or("", words),
        channels: statement.channels.iter().map(words).collect(),
        content: statement.content.iter().map(words).collect(),
    }
}
