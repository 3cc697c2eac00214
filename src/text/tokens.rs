//! Words and punctuation with their byte offsets, the unit every later stage counts in.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// One word or punctuation mark of a report's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters or digits (a UAX #29 word: `Russia's`, `21st`, `U.S`).
    Word,
    /// Any other visible character that is not a quote mark of a found quotation.
    Punct,
    /// The opening mark of quotation number `n` (an index into `Document::quotes`).
    QuoteOpen(usize),
    /// The closing mark of quotation number `n`.
    QuoteClose(usize),
}

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// Split `text[range]` into tokens; whitespace is dropped.
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    for (offset, segment) in slice.split_word_bound_indices() {
        let start = range.start + offset;
        if segment.chars().any(char::is_alphanumeric) {
            out.push(Token {
                start,
                end: start + segment.len(),
                kind: TokenKind::Word,
            });
        } else {
            // A punctuation segment can hold several characters ("--", "..."):
            // each becomes a token, so quote marks stand alone.
            for (i, c) in segment.char_indices() {
                if !c.is_whitespace() {
                    let at = start + i;
                    out.push(Token {
                        start: at,
                        end: at + c.len_utf8(),
                        kind: TokenKind::Punct,
                    });
                }
            }
        }
    }
}
