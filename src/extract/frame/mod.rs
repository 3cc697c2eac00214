//! Reporting frames: the speaker, cue, addressee and channels around what was
//! said, in one sentence.
//!
//! A sentence is read left to right, cue by cue (a word of the lexicon where a
//! verb can stand). Each cue is tried as
//! - the end of a statement, after what was said: `"...," Wang said`,
//!   `..., said Ned Price, the State Department spokesman`, `..., according to Price`;
//! - the start of one, before what was said: `Wang told Blinken that ...`,
//!   `According to Price, ...`, `He said: "..."`;
//! - a participle or a second verb that borrows the clause's speaker:
//!   `..., adding that ...`, `She blamed ... and said ...`.
//!
//! What a statement reports is read again for a frame at its very start:
//! `Price said Blinken underscored ...` credits Blinken, with Price as the channel.
//!
//! This file is the driver: it finds a sentence's cues and tries the
//! patterns on each, in the order above. The parts it asks, one concern a file:
//! - [`tokens`]: the token view, a report read once;
//! - [`cue`]: where a cue stands;
//! - [`credit`]: credit lines and datelines;
//! - the patterns, one family a file: [`according`], [`inverted`],
//!   [`trailing`], [`leading`], [`quoted_as_saying`], [`borrowing`], [`passive`];
//! - [`content`]: where what was said starts and ends;
//! - [`channel`]: who the words came through;
//! - [`speaker_phrase`]: who is credited;
//! - [`nested`]: speech reported inside speech.

mod according;
mod borrowing;
mod channel;
mod content;
mod credit;
mod cue;
mod inverted;
mod leading;
mod nested;
mod passive;
mod quoted_as_saying;
#[cfg(test)]
pub(super) mod sample;
mod speaker_phrase;
mod tokens;
mod trailing;

use std::ops::Range;

use super::lexicon::{Entry, Frame as CueFrame};
use cue::CueAt;
pub(super) use speaker_phrase::Phrase;
pub(super) use tokens::{Clause, Reading};

/// The longest appositive between a name and its cue (`Li, a professor at ..., said`).
const MAX_APPOSITIVE: usize = 24;
/// The longest speaker phrase, in tokens.
const MAX_PHRASE: usize = 16;
/// The longest circumstance after a trailing cue before a comma (`said at a rally in San Diego`).
const MAX_TAIL: usize = 16;

/// A statement found in a sentence, in token positions of the clause.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Statement {
    pub speaker: Option<Phrase>,
    pub cue: Option<(Range<usize>, &'static Entry)>,
    pub addressee: Option<Range<usize>>,
    /// Outermost first.
    pub channels: Vec<Range<usize>>,
    /// What was said: one part, or several around the frame.
    pub content: Vec<Range<usize>>,
    /// One past the last token the statement takes.
    pub end: usize,
}

impl Statement {
    /// Move every position by `offset` (from a sub-clause to its enclosing clause).
    fn shift(&mut self, offset: usize) {
        let shift = |r: &mut Range<usize>| *r = r.start + offset..r.end + offset;
        if let Some(p) = &mut self.speaker {
            shift(&mut p.span);
            shift(&mut p.name);
            if let Some(r) = &mut p.role {
                shift(r);
            }
        }
        if let Some((r, _)) = &mut self.cue {
            shift(r);
        }
        if let Some(r) = &mut self.addressee {
            shift(r);
        }
        self.channels.iter_mut().for_each(shift);
        self.content.iter_mut().for_each(shift);
        self.end += offset;
    }
}

/// A content of one part.
fn one(part: Range<usize>) -> Vec<Range<usize>> {
    let mut parts = Vec::with_capacity(2);
    parts.push(part);
    parts
}

impl<'a> Clause<'a> {
    /// Every statement of the sentence from token `lo` on.
    ///
    /// A frame that ends a statement (`..., Wang said`) is the outermost: what
    /// it reports runs from where the last statement ended, and any frame at
    /// the start of that is nested speech. Otherwise the first frame from the
    /// left that starts one wins. Each cue is looked at a bounded number of
    /// times, so a sentence of any length is read in linear time.
    pub fn statements(&self, lo: usize) -> Vec<Statement> {
        // `"..." ― Sonya Herridge⏎"..." ― Pamela Padilla`: quotations listed with
        // their authors, one a line, with no stop to end each as a sentence.
        let mut out = Vec::new();
        let mut from = lo;
        let mut line_start = lo;
        while line_start < self.len() {
            let line = self.line_end(line_start);
            if line_start > lo || line < self.len() {
                if let Some(found) = self.dash_credit(line_start, self.trim_end(line_start, line)) {
                    if from < line_start {
                        out.extend(self.statements_from(from, line_start));
                    }
                    out.push(found);
                    from = line;
                }
            }
            line_start = line;
        }
        if from < self.len() {
            out.extend(self.statements_from(from, self.len()));
        }
        out
    }

    /// The statements of a sentence (or what is left of it after credit lines) from `lo` on.
    fn statements_from(&self, lo: usize, end: usize) -> Vec<Statement> {
        let hi = self.trim_end(lo, end);
        let cues: Vec<CueAt> = (lo..hi).filter_map(|c| self.cue_at(c)).collect();
        let subject = self.subject(lo, hi).map(Phrase::plain);
        // Frames after what they report, found once with the sentence as their content.
        let endings: Vec<Statement> = cues
            .iter()
            .filter_map(|&cue| {
                self.inverted(lo, cue, hi).or_else(|| {
                    let verb_start = self.skip_back_to_verb(cue.start, lo);
                    self.trailing(lo, cue, verb_start, hi)
                })
            })
            .collect();
        let mut out: Vec<Statement> = Vec::new();
        let mut pos = lo;
        // `"..." ― Steve Quinlan`, as quotations listed with their authors are credited.
        if let Some(found) = self.dash_credit(lo, hi) {
            return vec![found];
        }
        // `Kasich: 'We are going all the way'`, as headlines and transcripts credit.
        if let Some(found) = self.colon_frame(lo, hi) {
            pos = found.end;
            out.push(found);
        }
        if let Some(found) = self.opening_participle(lo, hi) {
            pos = found.end;
            out.push(found);
        }
        let (mut next_cue, mut next_ending) = (0, 0);
        while pos < hi {
            // A channel of the statement just found: `..., according to the
            // statement`, `..., Wang said, Bloomberg reported`. Named after it, a
            // channel relays all before it (it is outermost), but one that is
            // cited was the source of the one before (`..., according to TASS,
            // citing a source`).
            if let Some(last) = out.last_mut()
                && let Some((channel, end)) =
                    self.channel_at(pos, hi).or_else(|| self.relay_at(pos, hi))
            {
                if self.citing(pos + usize::from(self.is_comma(pos))) {
                    last.channels.push(channel);
                } else {
                    last.channels.insert(0, channel);
                }
                last.end = end;
                pos = end;
                continue;
            }
            while endings
                .get(next_ending)
                .is_some_and(|e| e.content.first().is_none_or(|c| c.end <= pos))
            {
                next_ending += 1;
            }
            while cues.get(next_cue).is_some_and(|c| c.start < pos) {
                next_cue += 1;
            }
            let ending = endings
                .get(next_ending)
                .and_then(|e| self.reported_from(e, pos));
            let borrowed = out
                .last()
                .and_then(|s| s.speaker.clone())
                .or_else(|| subject.clone());
            // Without an ending frame, the first frame from the left that starts one.
            let starting = if ending.is_some() {
                None
            } else {
                cues.get(next_cue..)
                    .unwrap_or_default()
                    .iter()
                    .find_map(|&cue| self.starting_frame(pos, cue, hi, borrowed.clone()))
            };
            let Some(found) = ending.or(starting) else {
                break;
            };
            let found = self.nested(found, 1);
            pos = found.end.max(pos + 1);
            out.push(found);
        }
        // `The damage was estimated by the confederation at ...`
        if out.is_empty() {
            out.extend(self.passive_by(lo, hi));
        }
        out
    }

    /// An ending frame found with the sentence as its content, reporting from
    /// `pos` instead: `None` when too little is left before it.
    fn reported_from(&self, ending: &Statement, pos: usize) -> Option<Statement> {
        let first = ending.content.first()?;
        if first.start >= pos {
            return Some(ending.clone());
        }
        let start = self.trim_start(pos, first.end);
        if !self.enough_words(start, first.end) {
            return None;
        }
        let mut found = ending.clone();
        found.content[0] = start..first.end;
        Some(found)
    }

    /// The statement a cue starts, reading from `pos`: `According to X, ...`,
    /// `X said ...`, `..., adding ...`.
    fn starting_frame(
        &self,
        pos: usize,
        cue: CueAt,
        hi: usize,
        borrowed: Option<Phrase>,
    ) -> Option<Statement> {
        if cue.entry.frame == CueFrame::According {
            return self.according(pos, cue, hi);
        }
        let verb_start = self.skip_back_to_verb(cue.start, pos);
        self.leading(pos, cue, verb_start, hi)
            .or_else(|| self.borrowing(pos, cue, verb_start, hi, borrowed))
    }
}

#[cfg(test)]
mod tests {
    use super::sample::{Seen, statements};

    #[test]
    fn a_sentence_without_a_cue_reports_nothing() {
        assert_eq!(statements("The talks were useful."), []);
    }

    #[test]
    fn each_frame_from_the_left_starts_a_statement() {
        let found =
            statements("Wang said the talks were useful, and Blinken said they were frank.");
        let speakers: Vec<(&str, Vec<&str>)> =
            found.into_iter().map(|s| (s.speaker, s.content)).collect();
        assert_eq!(
            speakers,
            [
                ("Wang", vec!["the talks were useful"]),
                ("Blinken", vec!["they were frank"])
            ]
        );
    }

    #[test]
    fn a_frame_after_what_it_reports_is_the_outermost() {
        assert_eq!(
            statements("Blinken said the talks were useful, Price said."),
            [Seen {
                speaker: "Blinken",
                cue: "said",
                channels: vec!["Price"],
                content: vec!["the talks were useful"],
                ..Seen::default()
            }]
        );
    }

    #[test]
    fn a_frame_after_a_question() {
        assert_eq!(
            statements("“Why now?” Sanders asked."),
            [Seen {
                speaker: "Sanders",
                cue: "asked",
                content: vec!["“Why now?”"],
                ..Seen::default()
            }]
        );
    }
}
