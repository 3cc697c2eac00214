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

/// The most sentences a paragraph taken as a whole caption holds.
const MAX_CAPTION_SENTENCES: usize = 3;

/// What ends a text that was not cut mid-sentence.
const ENDS: &[char] = &[
    '.', '!', '?', '…', '"', '\'', '\u{201d}', '\u{2019}', ')', ']', '»',
];

/// Drop the attributions framed in a caption or in the sentence an excerpt
/// was cut in, and mark as no proposition any other whose words run into
/// that sentence (a quotation cut off).
pub(super) fn set_aside(doc: &Document<'_>, clauses: &[Clause<'_>], found: &mut Vec<Attribution>) {
    // A caption's credit ends its paragraph: a short paragraph is the whole
    // caption; in a long one (copy with no paragraph breaks) only the credit
    // and the sentence before it are.
    let captions: Vec<Span> = doc
        .sentences
        .iter()
        .enumerate()
        .zip(clauses)
        .filter(|(_, c)| is_caption(c))
        .filter_map(|((i, s), _)| {
            let paragraph = doc.paragraphs.get(s.paragraph)?;
            if paragraph.sentences.len() <= MAX_CAPTION_SENTENCES {
                return Some(paragraph.range);
            }
            let first = i.saturating_sub(1).max(paragraph.sentences.start);
            Some(Span::new(
                doc.sentences.get(first)?.range.start(),
                s.range.end(),
            ))
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
        !captions.iter().any(|c| c.overlaps(a.sentence))
            && !links.iter().any(|l| l.overlaps(a.sentence))
            && !cut.is_some_and(|c| a.sentence == c && runs_to(a, c.end()))
    });
    if let Some(cut) = cut {
        for a in found.iter_mut().filter(|a| runs_to(a, cut.end())) {
            a.content.proposition = false;
        }
    }
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
/// a sentence that credits a picture.
fn is_caption(clause: &Clause<'_>) -> bool {
    (0..clause.len()).any(|i| {
        clause.capitalized(i)
            && clause.sections(i).has(Section::Caption)
            && (clause.word_text(i + 1) == "/"
                && clause.token(i).end() == clause.token(i + 1).start()
                || matches!(clause.word_text(i + 1), ":" | "by"))
    })
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
}
