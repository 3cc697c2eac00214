//! Words and punctuation with their byte offsets, the unit every later stage counts in.
//!
//! Words follow UAX #29 where news copy needs it (`Russia's`, `U.S`, `2.5`,
//! `1,000` are one word; `anti-China` is three tokens), read byte by byte with a
//! fast path for ASCII: extraction must keep up with a whole wire feed.

use std::ops::Range;

/// One word or punctuation mark of a report's text.
///
/// Offsets are `u32` and the kind is packed into one `u32`, so a token takes
/// 12 bytes rather than 32: a report of a few MB has a token vector of tens
/// of MB otherwise, past the allocator's mmap threshold, and every report
/// paid to fault its pages in afresh. A text too long for `u32` offsets is
/// not tokenized at all (see [`MAX_TEXT`]).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    kind: u32,
}

/// The longest text, in bytes, whose tokens can be indexed: offsets are `u32`.
pub const MAX_TEXT: usize = u32::MAX as usize;

/// A byte offset as tokens store it, or `None` past [`MAX_TEXT`].
pub fn offset(at: usize) -> Option<u32> {
    u32::try_from(at).ok()
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

/// The packed kinds: a quotation's number `n` is stored as `2n` (opening) or
/// `2n + 1` (closing); the two largest values are a word and punctuation. A
/// quotation takes two marks of at least one byte each, so a text of at most
/// [`MAX_TEXT`] bytes numbers fewer than `2^31 - 1` of them and the packed
/// values never reach the two kept for words and punctuation.
const WORD: u32 = u32::MAX;
const PUNCT: u32 = u32::MAX - 1;

impl TokenKind {
    /// The packed form, or `None` for a quotation number too large to pack.
    fn pack(self) -> Option<u32> {
        let quote = |n: usize, close: u32| {
            u32::try_from(n)
                .ok()
                .and_then(|n| n.checked_mul(2))
                .map(|n| n | close)
                .filter(|&k| k < PUNCT)
        };
        match self {
            TokenKind::Word => Some(WORD),
            TokenKind::Punct => Some(PUNCT),
            TokenKind::QuoteOpen(n) => quote(n, 0),
            TokenKind::QuoteClose(n) => quote(n, 1),
        }
    }

    fn unpack(k: u32) -> TokenKind {
        match k {
            WORD => TokenKind::Word,
            PUNCT => TokenKind::Punct,
            k if k & 1 == 0 => TokenKind::QuoteOpen((k >> 1) as usize),
            k => TokenKind::QuoteClose((k >> 1) as usize),
        }
    }
}

impl Token {
    /// A token at bytes `start..end` (which must fit in `u32`, as they do in a
    /// text of at most [`MAX_TEXT`] bytes).
    fn new(start: u32, end: u32, kind: TokenKind) -> Token {
        Token {
            start,
            end,
            kind: kind.pack().unwrap_or(PUNCT),
        }
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    pub fn kind(&self) -> TokenKind {
        TokenKind::unpack(self.kind)
    }

    /// Make this token a mark of a found quotation (`QuoteOpen` or
    /// `QuoteClose`). A number too large to pack leaves the token as it was;
    /// it cannot occur in a text of at most [`MAX_TEXT`] bytes.
    pub fn set_kind(&mut self, kind: TokenKind) {
        if let Some(k) = kind.pack() {
            self.kind = k;
        }
    }

    pub fn is_word(&self) -> bool {
        self.kind == WORD
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("start", &self.start)
            .field("end", &self.end)
            .field("kind", &self.kind())
            .finish()
    }
}

/// Split `text[range]` into tokens; white space is dropped. Each punctuation
/// character is a token of its own, except `''`, the double quote mark of
/// typewriter copy (`''Without these adjustments,'' he said`).
///
/// Nothing is added for a range that ends past [`MAX_TEXT`]: its offsets would not fit.
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let (Some(base), Some(_)) = (offset(range.start), offset(range.end)) else {
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
        } else if let Some(clitic) = spaced_clitic(slice, i) {
            // Tokenised copy writes `company 's`, `they 're`: a word, not a mark.
            i += clitic;
            TokenKind::Word
        } else {
            i += len;
            if c == '`' && bytes.get(i) == Some(&b'`') {
                // ``, the opening double mark of tokenised (LDC, Penn Treebank) copy.
                i += 1;
            } else if c == '\'' && bytes.get(i) == Some(&b'\'') {
                // Three marks closing a quote inside a quote are `'` then `''`;
                // opening one, `''` then `'`.
                let closing = start > 0 && !bytes[start - 1].is_ascii_whitespace();
                if !(closing && bytes.get(i + 1) == Some(&b'\'')) {
                    i += 1;
                }
            }
            TokenKind::Punct
        };
        // Both fit: `range.end` does, and they are no larger.
        out.push(Token::new(base + start as u32, base + i as u32, kind));
    }
}

/// The clitics tokenised copy splits off the word before them.
const CLITICS: [&str; 6] = ["s", "re", "ve", "ll", "d", "m"];

/// The length of a clitic (`'s`, `'re`, `'ll`) at byte `i` of `slice` that
/// stands apart from the word it belongs to (`company 's`), if one is there.
fn spaced_clitic(slice: &str, i: usize) -> Option<usize> {
    let rest = slice.get(i..)?.strip_prefix(['\'', '\u{2019}'])?;
    let mark = slice.len() - i - rest.len();
    let after_space = slice[..i].ends_with(char::is_whitespace);
    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let clitic = &rest[..letters];
    (after_space && CLITICS.iter().any(|c| c.eq_ignore_ascii_case(clitic)))
        .then_some(mark + letters)
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
    fn offsets_past_u32_are_refused_not_wrapped() {
        assert_eq!(offset(MAX_TEXT), Some(u32::MAX));
        assert_eq!(offset(MAX_TEXT + 1), None);
        assert_eq!(offset(usize::MAX), None);
    }

    #[test]
    fn kinds_pack_up_to_the_most_quotations_a_text_can_hold() {
        // A quotation takes at least two bytes: a text of MAX_TEXT bytes has
        // at most MAX_TEXT / 2 of them, numbered from 0.
        let most = MAX_TEXT / 2 - 1;
        for kind in [
            TokenKind::Word,
            TokenKind::Punct,
            TokenKind::QuoteOpen(0),
            TokenKind::QuoteClose(0),
            TokenKind::QuoteOpen(most),
            TokenKind::QuoteClose(most),
        ] {
            let mut token = Token::new(1, 2, TokenKind::Punct);
            token.set_kind(kind);
            assert_eq!(token.kind(), kind);
            assert_eq!(token.range(), 1..2);
        }
        // One more would collide with a word or punctuation: refused.
        assert_eq!(TokenKind::QuoteOpen(most + 1).pack(), None);
        assert_eq!(TokenKind::QuoteClose(most + 1).pack(), None);
        let mut token = Token::new(0, 1, TokenKind::Punct);
        token.set_kind(TokenKind::QuoteClose(usize::MAX));
        assert_eq!(token.kind(), TokenKind::Punct);
    }

    #[test]
    fn a_token_is_twelve_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 12);
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
