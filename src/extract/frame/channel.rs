//! Channels: who the words came through, named beside the frame (`according
//! to the statement`, `as cited by the ministry`, `citing a source`,
//! `, Bloomberg reported`, `stated ANI`).

use std::ops::Range;

use super::{Clause, MAX_PHRASE};
use crate::extract::vocabulary::Section;

impl<'a> Clause<'a> {
    /// `, according to X` / `, as cited by X` / `, citing X` at the comma `j`:
    /// the channel and where it ends.
    pub(super) fn channel_at(&self, j: usize, hi: usize) -> Option<(Range<usize>, usize)> {
        let k = if self.is_comma(j) { j + 1 } else { j };
        let skip = self.channel_words(k)?;
        let source = self.source_phrase(k + skip, hi)?;
        Some((source.clone(), source.end))
    }

    /// `, Bloomberg reported` or `, state media said on Tuesday` at the comma
    /// `j`, ending the sentence after a statement: who relays it, and where
    /// the sentence ends.
    pub(super) fn relay_at(&self, j: usize, hi: usize) -> Option<(Range<usize>, usize)> {
        if !self.is_comma(j) {
            return None;
        }
        let start = j + 1;
        if let Some(relay) = self.inverted_relay(start, hi) {
            return Some((relay, hi));
        }
        let at = (start + 1..hi.min(start + MAX_PHRASE)).find(|&k| {
            self.cue_at(k).is_some() || self.word(k).is_none() && !self.initial_stop(k)
        })?;
        let cue = self.cue_at(at)?;
        if !matches!(cue.entry.lemma.as_str(), "report" | "say" | "write")
            || cue.entry.is_participle()
        {
            return None;
        }
        let relay = start..self.subject_end(self.skip_back_to_verb(at, start), start);
        let word_of_name = |i: usize| {
            let s = self.sections(i);
            self.word(i).is_some()
                && !(s.has(Section::Relative) || s.has(Section::Opener) || s.has(Section::Audience))
                || self.initial_stop(i)
        };
        if relay.is_empty()
            || relay.len() == 1 && self.has(relay.start, Section::Pronoun)
            || !relay.clone().all(word_of_name)
        {
            return None;
        }
        (self.tail(cue.end, hi, false)? == hi).then_some((relay, hi))
    }

    /// `stated ANI.`, `reported Xinhua.` at `k`, ending the sentence: the
    /// relay's name after its cue, as aggregators credit wire copy.
    pub(super) fn inverted_relay(&self, k: usize, hi: usize) -> Option<Range<usize>> {
        let cue = self.cue_at(k)?;
        if cue.start != k
            || !matches!(
                cue.entry.lemma.as_str(),
                "report" | "say" | "state" | "write"
            )
            || cue.entry.is_participle()
            || !self.is_outside_quotes(k)
        {
            return None;
        }
        let name = cue.end..self.trim_end(cue.end, hi);
        let named = !name.is_empty()
            && name.len() <= MAX_PHRASE
            // `dpa` is an agency in lower case.
            && (self.capitalized(name.start) || self.has(name.start, Section::Organisation))
            && !self.has(name.start, Section::Pronoun)
            && name.clone().all(|i| self.word(i).is_some() || self.initial_stop(i));
        named.then_some(name)
    }

    /// How many words introduce a channel at `i`: `according to`, `as cited in`, `citing`.
    pub(super) fn channel_words(&self, i: usize) -> Option<usize> {
        if !self.is_outside_quotes(i) {
            return None;
        }
        let skip = match (self.word(i), self.word(i + 1)) {
            (Some("according"), Some("to")) => 2,
            (Some("as"), Some("cited" | "quoted" | "reported" | "carried")) => {
                if matches!(self.word(i + 2), Some("in" | "by" | "on")) {
                    3
                } else {
                    2
                }
            }
            (Some("cited" | "quoted"), Some("by" | "in")) => 2,
            // `in a statement carried by the state news agency`
            (Some("carried" | "published"), Some("by")) => 2,
            (Some("citing" | "quoting"), _) => 1,
            _ => return None,
        };
        Some(skip)
    }

    /// `according to X`, `as cited in X`: X runs to the next comma or the end.
    pub(super) fn source_phrase(&self, start: usize, hi: usize) -> Option<Range<usize>> {
        let mut end = start;
        let hi = hi.min(start + 2 * MAX_PHRASE);
        while end < hi && !self.is_comma(end) && self.is_outside_quotes(end) && !self.is_open(end) {
            end += 1;
        }
        let end = self.trim_end(start, end);
        (end > start && (start..end).any(|i| self.word(i).is_some())).then_some(start..end)
    }

    /// Channels named inside `range`: `as cited by X`, `according to X`, `citing X`.
    pub(super) fn channels_in(&self, range: Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            if let Some(skip) = self.channel_words(i)
                && let Some(source) = self.source_phrase(i + skip, range.end)
            {
                i = source.end;
                out.push(source);
            } else {
                i += 1;
            }
        }
        out
    }

    /// Whether `citing` or `quoting` stands at `i`: who follows is the source.
    pub(super) fn citing(&self, i: usize) -> bool {
        matches!(self.word(i), Some("citing" | "quoting")) && self.is_outside_quotes(i)
    }

    /// `Citing X,` opening `range`: X.
    pub(super) fn citing_prefix(&self, range: Range<usize>) -> Option<Range<usize>> {
        let at = range.clone().find(|&i| self.citing(i))?;
        let source = self.source_phrase(at + 1, range.end)?;
        self.is_comma(source.end).then_some(source)
    }
}

#[cfg(test)]
mod tests {
    use super::super::sample::{Seen, position, read, statements, words};

    /// The channels of the first statement of `text`.
    fn channels(text: &str) -> Vec<&str> {
        statements(text)
            .into_iter()
            .next()
            .map(|s| s.channels)
            .unwrap_or_default()
    }

    #[test]
    fn according_to_after_a_frame() {
        assert_eq!(
            statements("Talks will resume, the ministry said, according to state media."),
            [Seen {
                speaker: "the ministry",
                cue: "said",
                channels: vec!["state media"],
                content: vec!["Talks will resume"],
                ..Seen::default()
            }]
        );
    }

    /// The relay named after the comma that follows the first word `before`.
    fn relay<'t>(text: &'t str, before: &str) -> Option<&'t str> {
        read(text, |c| {
            let hi = c.trim_end(0, c.len());
            c.relay_at(position(c, before) + 1, hi).map(|(r, end)| {
                assert_eq!(end, hi, "a relay ends the sentence");
                words(c, text, &r)
            })
        })
    }

    #[test]
    fn an_outlet_that_reported_it() {
        let text = "Wang said the talks were useful, Bloomberg reported.";
        assert_eq!(relay(text, "useful"), Some("Bloomberg"));
        assert_eq!(channels(text), ["Bloomberg"]);
    }

    #[test]
    fn an_agency_named_after_its_cue() {
        let text = "Wang said the talks were useful, stated ANI.";
        assert_eq!(relay(text, "useful"), Some("ANI"));
        read(text, |c| {
            let hi = c.trim_end(0, c.len());
            let ani = c.inverted_relay(position(c, "stated"), hi);
            assert_eq!(ani.map(|r| words(c, text, &r)), Some("ANI"));
        });
        assert_eq!(channels(text), ["ANI"]);
    }

    #[test]
    fn a_frame_that_reports_more_is_no_relay() {
        let text = "Wang said the talks were useful, Bloomberg reported that more were planned.";
        assert_eq!(relay(text, "useful"), None);
        let circumstance = "Wang said the talks were useful, Bloomberg reported on Monday.";
        assert_eq!(relay(circumstance, "useful"), Some("Bloomberg"));
    }

    #[test]
    fn a_source_cited_is_the_innermost_channel() {
        assert_eq!(
            channels("Talks will resume, according to TASS, citing a source."),
            ["a source"]
        );
        assert_eq!(
            statements("Talks will resume, according to TASS, citing a source.")[0].speaker,
            "TASS"
        );
    }

    #[test]
    fn a_channel_between_cue_and_that() {
        assert_eq!(
            channels("The ministry said in a statement carried by WAM that talks would resume."),
            ["WAM"]
        );
    }

    #[test]
    fn a_pronoun_relays_nothing() {
        assert_eq!(relay("The talks were useful, he said.", "useful"), None);
    }

    #[test]
    fn the_words_that_introduce_a_channel() {
        let text = "as cited in the report, according to him, citing aides";
        read(text, |c| {
            let found: Vec<&str> = c
                .channels_in(0..c.len())
                .iter()
                .map(|r| words(c, text, r))
                .collect();
            assert_eq!(found, ["the report", "him", "aides"]);
        });
    }
}
