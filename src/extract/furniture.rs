//! Page furniture: words on the page that are not the story's. A photo
//! caption (`... in Sochi on December 7. PHOTO/AFP`, the paragraph its
//! credit ends) describes a picture, and
//! the sentence an excerpt was cut in (`And as I said yester`) says nothing
//! whole, and a line linking to another story (`Read more: ...`) gives that
//! story's headline: none yields an attribution to compare.

use super::attribution::Attribution;
use super::frame::Clause;
use super::vocabulary::Section;
use crate::text::{Document, Span};

/// What ends a text that was not cut mid-sentence.
const ENDS: &[char] = &[
    '.', '!', '?', '…', '"', '\'', '\u{201d}', '\u{2019}', ')', ']', '»',
];

/// Drop the attributions framed in a caption or in the sentence an excerpt
/// was cut in, and mark as no proposition any other whose words run into
/// that sentence (a quotation cut off).
pub(super) fn set_aside(doc: &Document<'_>, clauses: &[Clause<'_>], found: &mut Vec<Attribution>) {
    // A caption's credit ends it: the caption is the credit's line (and the
    // line before, where the credit stands on a line of its own), from the
    // sentence before the credit's at the earliest: never the rest of the copy.
    let captions: Vec<Span> = doc
        .sentences
        .iter()
        .enumerate()
        .zip(clauses)
        .filter_map(|((i, sentence), c)| Some((i, sentence, credit(c)?)))
        .map(|(i, sentence, at)| {
            let mut line = line_start(doc.text, at);
            if doc.text[line..at].trim().is_empty() {
                line = line_start(doc.text, line.saturating_sub(1));
            }
            let before = i
                .checked_sub(1)
                .and_then(|j| doc.sentences.get(j))
                .map_or(sentence.range.start(), |s| s.range.start());
            let end = doc.text[at..]
                .find('\n')
                .map_or(doc.text.len(), |n| at + n)
                .min(sentence.range.end());
            Span::new(line.max(before), end)
        })
        .collect();
    let links: Vec<Span> = doc
        .sentences
        .iter()
        .zip(clauses)
        .filter(|(_, c)| is_link(c))
        .map(|(s, _)| s.range)
        .collect();
    let cut = cut_off(doc);
    found.retain(|a| {
        !captions.iter().any(|c| c.contains(anchor(a)))
            && !links.iter().any(|l| l.overlaps(a.sentence))
            && !cut.is_some_and(|c| a.sentence == c && runs_to(a, c.end()))
    });
    // Words that run on into a caption or a link (copy with no stop at the
    // end of a line) end where it starts.
    for a in found.iter_mut() {
        let extent = a.content.extent();
        let into = captions
            .iter()
            .chain(&links)
            .map(|r| r.start())
            .filter(|&at| extent.start() < at && at < extent.end())
            .min();
        if let Some(at) = into {
            end_content_at(doc.text, a, at);
        }
    }
    found.retain(|a| !a.content.spans.is_empty());
    if let Some(cut) = cut {
        for a in found.iter_mut().filter(|a| runs_to(a, cut.end())) {
            a.content.proposition = false;
        }
    }
}

/// End an attribution's words before byte `at`, and the punctuation and
/// spaces before it.
fn end_content_at(text: &str, a: &mut Attribution, at: usize) {
    let end = text.get(..at).map_or(at, |t| {
        t.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—|".contains(c))
            .len()
    });
    let cut = |spans: &mut Vec<Span>| {
        spans.retain(|s| s.start() < end);
        for s in spans.iter_mut() {
            if s.end() > end {
                *s = Span::new(s.start(), end);
            }
        }
    };
    cut(&mut a.content.spans);
    cut(&mut a.content.quoted);
    a.content.text = super::joined(text, &a.content.spans);
}

/// Where an attribution is said to stand: its cue, else its first word.
fn anchor(a: &Attribution) -> usize {
    a.cue
        .as_ref()
        .map_or(a.content.extent().start(), |c| c.span.start)
}

/// The byte where the line holding byte `at` starts.
fn line_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |n| n + 1)
}

/// Whether an attribution's words run to byte `end`, where the text was cut.
fn runs_to(a: &Attribution, end: usize) -> bool {
    // The content is trimmed of punctuation: a word cut short ends the text.
    a.content.extent().end() + 1 >= end
}

/// The last sentence of a text cut mid-sentence: the text ends with no stop,
/// closing mark or bracket, and has more than one sentence (a headline alone
/// is whole without a stop).
fn cut_off(doc: &Document<'_>) -> Option<Span> {
    let last = doc.sentences.last()?;
    let ends = doc.text.trim_end().ends_with(ENDS);
    (doc.sentences.len() > 1 && !ends).then_some(last.range)
}

/// `AP Photo/Jane Doe`, `Photo: AFP`, `Official White House Photo by ...`:
/// where a sentence credits a picture, the byte of the word that does.
fn credit(clause: &Clause<'_>) -> Option<usize> {
    (0..clause.len())
        .find(|&i| {
            clause.capitalized(i)
                && clause.sections(i).has(Section::Caption)
                && (clause.word_text(i + 1) == "/"
                    && clause.token(i).end() == clause.token(i + 1).start()
                    || matches!(clause.word_text(i + 1), ":" | "by"))
        })
        .map(|i| clause.token(i).start())
}

/// `Read more: ...`, `Related: ...`, `See also: ...`: a line that links to
/// another story, whose headline follows the label.
fn is_link(clause: &Clause<'_>) -> bool {
    let label = |i: usize| clause.word(i).is_some() && clause.sections(i).has(Section::Link);
    let colon = |i: usize| clause.word_text(i) == ":";
    clause.capitalized(0) && label(0) && (colon(1) || label(1) && colon(2))
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;

    fn contents(text: &str) -> Vec<(String, bool)> {
        extract(text)
            .into_iter()
            .filter(|a| a.speaker.is_some())
            .map(|a| (a.content.text, a.content.proposition))
            .collect()
    }

    #[test]
    fn the_sentence_an_excerpt_was_cut_in_says_nothing() {
        assert_eq!(
            contents("Lee said the talks were useful. Kim said the next round would be in Ma"),
            [("the talks were useful".to_string(), true)]
        );
    }

    #[test]
    fn a_whole_quotation_before_the_cut_is_kept() {
        assert_eq!(
            contents("It rained. \"We talked,\" Kim told reporters after hi"),
            [("We talked".to_string(), true)]
        );
    }

    #[test]
    fn a_caption_credits_a_picture() {
        assert_eq!(
            contents(
                "Lee greets Kim in Seoul on May 2, as Kim said he would. PHOTO/AFP\n\nLee said the talks were useful."
            ),
            [("the talks were useful".to_string(), true)]
        );
    }

    #[test]
    fn a_caption_inside_copy_with_no_breaks_takes_only_its_own_sentences() {
        assert_eq!(
            contents(
                "Lee said the talks were useful. Officials said more talks were planned. Kim waves in Seoul. Photo: AFP. Kim said the visit had gone well."
            ),
            [
                ("the talks were useful".to_string(), true),
                ("more talks were planned".to_string(), true),
                ("the visit had gone well".to_string(), true)
            ]
        );
    }

    #[test]
    fn a_line_linking_to_another_story_is_no_part_of_this_one() {
        assert_eq!(
            contents(
                "Lee said the talks were useful.\n\nRead more: Kim says new talks are due in May\n\nRelated: Ministers said to weigh a new plan\n\nKim said the visit had gone well."
            ),
            [
                ("the talks were useful".to_string(), true),
                ("the visit had gone well".to_string(), true)
            ]
        );
    }

    #[test]
    fn a_date_line_is_no_one_speaking() {
        assert_eq!(
            contents(
                "Published: 5 May 2026 Updated: 6 May 2026\n\nLee said the talks were useful."
            ),
            [("the talks were useful".to_string(), true)]
        );
    }

    #[test]
    fn a_caption_is_its_own_line_in_copy_with_no_breaks() {
        assert_eq!(
            contents(
                "Lee and Kim in Seoul on May 2, 2026. Photo: AFP\n- Kim said the visit had gone well\n- Lee said the talks were useful\nLee and Kim in Seoul, as Kim said they would. Photo: AFP"
            ),
            [
                ("the visit had gone well".to_string(), true),
                ("the talks were useful".to_string(), true)
            ]
        );
    }

    #[test]
    fn a_credit_on_a_line_of_its_own_takes_the_line_before() {
        assert_eq!(
            contents(
                "Lee said the talks were useful.\n\nKim waves as he said he would.\nPhoto: Reuters/Jane Roe\n\nKim said the visit had gone well."
            ),
            [
                ("the talks were useful".to_string(), true),
                ("the visit had gone well".to_string(), true)
            ]
        );
    }
}
