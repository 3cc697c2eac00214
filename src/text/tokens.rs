//! Words and punctuation with their byte offsets, the unit every later stage counts in.
//!
//! Words follow UAX #29 where news copy needs it (`Russia's`, `U.S`, `2.5`,
//! `1,000` are one word; `anti-China` is three tokens), read byte by byte with a
//! fast path for ASCII: extraction must keep up with a whole wire feed.

use std::ops::Range;

/// One word or punctuation mark of a report's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters or digits (`Russia's`, `21st`, `U.S`).
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

/// Split `text[range]` into tokens; white space is dropped. Each punctuation
/// character is a token of its own, except `''`, the double quote mark of
/// typewriter copy (`''Without these adjustments,'' he said`).
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let bytes = slice.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            match slice[i..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        if c.is_whitespace() {
            i += len;
            continue;
        }
        let start = i;
        let kind = if is_word_char(c) {
            i = word_end(slice, i + len);
            TokenKind::Word
        } else {
            i += len;
            if c == '\'' && bytes.get(i) == Some(&b'\'') {
                // Three marks closing a quote inside a quote are `'` then `''`;
                // opening one, `''` then `'`.
                let closing = start > 0 && !bytes[start - 1].is_ascii_whitespace();
                if !(closing && bytes.get(i + 1) == Some(&b'\'')) {
                    i += 1;
                }
            }
            TokenKind::Punct
        };
        out.push(Token {
            start: range.start + start,
            end: range.start + i,
            kind,
        });
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    // Most copy is ASCII: no table lookup for it.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    c.is_alphanumeric() || is_combining(c)
}

/// Combining marks and joiners continue the word they follow (`é` written as `e` + U+0301).
fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0x200D | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0900..=0x0903
        | 0x093A..=0x094F | 0x0E31..=0x0E3A | 0x0E47..=0x0E4E | 0x3099..=0x309A)
}

/// Where the word that continues at byte `i` of `slice` ends. A mark between
/// two letters or two digits joins them: `Russia's`, `U.S`, `2.5`, `1,000`.
fn word_end(slice: &str, mut i: usize) -> usize {
    let bytes = slice.as_bytes();
    let char_at = |at: usize| -> Option<char> {
        match bytes.get(at) {
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => slice.get(at..).and_then(|s| s.chars().next()),
            None => None,
        }
    };
    let char_before = |at: usize| slice.get(..at).and_then(|s| s.chars().next_back());
    loop {
        // The ASCII letters and digits of a word, a byte at a time.
        while bytes
            .get(i)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
        {
            i += 1;
        }
        let Some(c) = char_at(i) else { break };
        if is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        let joins = match c {
            '\'' | '\u{2019}' | '.' => {
                let after = char_at(i + c.len_utf8());
                let before = char_before(i);
                match (before, after) {
                    (Some(x), Some(y)) if x.is_alphabetic() && y.is_alphabetic() => true,
                    (Some(x), Some(y)) => c == '.' && x.is_ascii_digit() && y.is_ascii_digit(),
                    _ => false,
                }
            }
            ',' | ';' => {
                char_before(i).is_some_and(|x| x.is_ascii_digit())
                    && char_at(i + 1).is_some_and(|y| y.is_ascii_digit())
            }
            _ => false,
        };
        if !joins {
            break;
        }
        i += c.len_utf8();
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut out);
        out.iter().map(|t| &text[t.range()]).collect()
    }

    #[test]
    fn words_keep_apostrophes_initials_and_numbers_whole() {
        assert_eq!(
            shown("Russia\u{2019}s U.S. envoy paid $1,000.50 on Jan. 27, don't"),
            [
                "Russia\u{2019}s",
                "U.S",
                ".",
                "envoy",
                "paid",
                "$",
                "1,000.50",
                "on",
                "Jan",
                ".",
                "27",
                ",",
                "don't"
            ]
        );
    }

    #[test]
    fn hyphens_and_marks_stand_alone() {
        assert_eq!(
            shown("anti-China \u{201c}circles\u{201d} ''now''"),
            [
                "anti", "-", "China", "\u{201c}", "circles", "\u{201d}", "''", "now", "''"
            ]
        );
    }
}
