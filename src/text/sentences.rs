//! Sentence boundaries (UAX #29), repaired for news copy: no break after a title
//! or month abbreviation ("Jan. 27", "U.S. Secretary"), and none inside a quotation,
//! so a quoted passage of several sentences stays whole.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use unicode_segmentation::UnicodeSegmentation;

use super::quotes::Quote;

static ABBREVIATIONS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    crate::data::lines(include_str!("../../data/abbreviations.txt"))
        .map(str::to_lowercase)
        .collect()
});

/// Byte ranges of the sentences of `text[paragraph]`, trimmed of white space.
pub fn split(text: &str, paragraph: Range<usize>, quotes: &[Quote]) -> Vec<Range<usize>> {
    let Some(slice) = text.get(paragraph.clone()) else {
        return Vec::new();
    };
    // Only quotations that open inside this paragraph matter, and the one
    // top-level quotation that may run into it from the paragraph before.
    let first = quotes.partition_point(|q| q.outer.start < paragraph.start);
    let last = quotes.partition_point(|q| q.outer.start < paragraph.end);
    let carried = quotes[..first].iter().rev().find(|q| q.depth == 0);
    let quotes: Vec<&Quote> = carried
        .filter(|q| q.outer.end > paragraph.start)
        .into_iter()
        .chain(&quotes[first..last])
        .collect();
    let mut sentences: Vec<Range<usize>> = Vec::new();
    for (offset, segment) in slice.split_sentence_bound_indices() {
        let start = paragraph.start + offset;
        let range = start..start + segment.len();
        let joins_previous = sentences.last().is_some_and(|prev| {
            ends_in_abbreviation(&text[prev.clone()]) || inside_quote(start, &quotes)
        });
        match sentences.last_mut() {
            Some(prev) if joins_previous => prev.end = range.end,
            _ => sentences.push(range),
        }
    }
    sentences
        .into_iter()
        .filter_map(|r| trim(text, r))
        .collect()
}

fn ends_in_abbreviation(sentence: &str) -> bool {
    let last = sentence.split_whitespace().next_back().unwrap_or("");
    let last = last.trim_start_matches(|c: char| !c.is_alphanumeric());
    ABBREVIATIONS.contains(&last.to_lowercase()) || is_initial(last)
}

/// `J.` in `Antony J. Blinken`: one capital letter and a full stop.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// Whether a break at `at` would fall inside a quotation (between its marks).
fn inside_quote(at: usize, quotes: &[&Quote]) -> bool {
    quotes
        .iter()
        .any(|q| q.outer.start < at && at < q.outer.end)
}

fn trim(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    (start < end).then_some(start..end)
}
