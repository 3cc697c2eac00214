//! Sentence boundaries, read off the tokens: a full stop, question or exclamation
//! mark (with any closing marks after it) before a word that may open a
//! sentence. News copy needs two repairs: no break after a title or month
//! abbreviation ("Jan. 27", "Sen. Casey", "U.S. Secretary"), and none inside a
//! quotation, so a quoted passage of several sentences stays whole.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::tokens::{Token, TokenKind};

static ABBREVIATIONS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    crate::data::lines(include_str!("../../data/abbreviations.txt"))
        .map(|l| l.trim_end_matches('.').to_lowercase())
        .collect()
});

/// Words that open a sentence and never follow an abbreviation inside one:
/// `... to the U.S. The talks ...` breaks after `U.S.`.
const OPENERS: &[&str] = &[
    "the", "he", "she", "it", "they", "we", "i", "but", "and", "in", "a", "an", "this", "his",
    "her", "their", "there", "if", "when", "while", "what", "why", "how", "yet", "still",
];

/// The sentences of a paragraph whose tokens are `tokens[range]`: each as its
/// byte range and its token range.
pub fn split(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    let Some(paragraph) = tokens.get(range.clone()) else {
        return out;
    };
    let mut first = 0;
    let mut depth = 0usize;
    let mut i = 0;
    while i < paragraph.len() {
        // `- Macron held talks ...` on a line of its own: a bullet opens a sentence.
        if i > first && depth == 0 && is_bullet(text, paragraph, i) {
            out.push(span(paragraph, first..i, range.start));
            first = i;
        }
        match paragraph[i].kind() {
            TokenKind::QuoteOpen(_) => depth += 1,
            TokenKind::QuoteClose(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        let ends =
            depth == 0 && (is_terminal(text, &paragraph[i]) || closes_sentence(text, paragraph, i));
        if !ends {
            i += 1;
            continue;
        }
        // Closing marks and brackets after the stop belong to this sentence,
        // and so does a closing mark left unpaired: the inner quotation of
        // `“ I told him , ‘ Stop !` / `Why ? ’ ” she said .` opened a line
        // before, where pairing let it go.
        let mut last = i;
        while let Some(next) = paragraph.get(last + 1) {
            let closing = matches!(next.kind(), TokenKind::QuoteClose(_))
                || (next.kind() == TokenKind::Punct
                    && matches!(
                        &text[next.range()],
                        ")" | "]" | "!" | "?" | "." | "…" | "’" | "”" | "»" | "›" | "''"
                    ));
            if !closing {
                break;
            }
            if let TokenKind::QuoteClose(_) = next.kind() {
                depth = depth.saturating_sub(1);
            }
            last += 1;
        }
        if depth == 0 && breaks_after(text, paragraph, i, last) {
            out.push(span(paragraph, first..last + 1, range.start));
            first = last + 1;
        }
        i = last + 1;
    }
    if first < paragraph.len() {
        out.push(span(paragraph, first..paragraph.len(), range.start));
    }
    out
}

/// Whether token `i` is a bullet opening a line of a list: `-`, `•`, `*` or
/// `–` first on its line, a space after it.
fn is_bullet(text: &str, paragraph: &[Token], i: usize) -> bool {
    let token = &paragraph[i];
    token.kind() == TokenKind::Punct
        && matches!(&text[token.range()], "-" | "•" | "*" | "–" | "·")
        && text[..token.start()]
            .trim_end_matches([' ', '\t'])
            .ends_with('\n')
        && text[token.end()..].starts_with([' ', '\t'])
}

fn span(paragraph: &[Token], local: Range<usize>, offset: usize) -> (Range<usize>, Range<usize>) {
    let bytes = paragraph[local.start].start()..paragraph[local.end - 1].end();
    (bytes, local.start + offset..local.end + offset)
}

fn is_terminal(text: &str, token: &Token) -> bool {
    token.kind() == TokenKind::Punct && matches!(&text[token.range()], "." | "!" | "?" | "…")
}

/// A closing quote mark right after a stop: `... he said "Stop." Then ...`.
fn closes_sentence(text: &str, paragraph: &[Token], i: usize) -> bool {
    matches!(paragraph[i].kind(), TokenKind::QuoteClose(_))
        && i > 0
        && is_terminal(text, &paragraph[i - 1])
}

/// Whether the sentence ends after token `last`, its stop being token `stop`.
fn breaks_after(text: &str, paragraph: &[Token], stop: usize, last: usize) -> bool {
    let Some(next) = paragraph.get(last + 1) else {
        return true;
    };
    if next.start() == paragraph[last].end() {
        return false;
    }
    let next_text = &text[next.range()];
    let Some(first_char) = next_text.chars().next() else {
        return false;
    };
    // `"..." — Steve Quinlan`: a dash after the stop credits what came before it.
    if first_char.is_lowercase()
        || (next.kind() == TokenKind::Punct && ",;:)]―—".contains(first_char))
    {
        return false;
    }
    // `Jan. 27`, `Sen. Casey`, `Antony J. Blinken`: a stop that belongs to a word.
    let stop_token = &paragraph[stop];
    let is_stop = &text[stop_token.range()] == ".";
    let before = stop
        .checked_sub(1)
        .map(|b| &paragraph[b])
        .filter(|b| b.is_word());
    let abbreviated = is_stop
        && before.is_some_and(|b| {
            (b.end() == stop_token.start() && is_abbreviation(&text[b.range()]))
                || is_spaced_abbreviation(text, paragraph, stop)
        });
    // Tokenised copy spaces the stop of a decimal: `6 . 2 miles`.
    if is_stop
        && before.is_some_and(|b| {
            b.end() < stop_token.start() && text[b.range()].ends_with(|c: char| c.is_ascii_digit())
        })
        && first_char.is_ascii_digit()
    {
        return false;
    }
    if abbreviated && last == stop {
        let lower = next_text.to_lowercase();
        return OPENERS.contains(&lower.as_str());
    }
    true
}

/// Tokenised copy spaces the stops of `U . S .` and `p . m .`: a stop after a
/// lone capital letter, or after a lone letter that follows another stop.
fn is_spaced_abbreviation(text: &str, paragraph: &[Token], stop: usize) -> bool {
    let letter = |t: &Token| {
        let mut chars = text[t.range()].chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
            .then(|| text[t.range()].starts_with(char::is_uppercase))
    };
    let Some(is_capital) = stop.checked_sub(1).and_then(|b| letter(&paragraph[b])) else {
        return false;
    };
    is_capital
        || stop
            .checked_sub(2)
            .is_some_and(|b| &text[paragraph[b].range()] == ".")
}

fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    // `U.S.`, `G.K.`, `p.m.`: a stop inside the word marks an abbreviation.
    initial
        || word.contains('.')
        || if word
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            ABBREVIATIONS.contains(&word.to_lowercase())
        } else {
            // Lower case already: no copy to look it up.
            ABBREVIATIONS.contains(word)
        }
}
