//! Pairing quote marks into quotations.
//!
//! Real copy mixes straight, curly, single and guillemet marks, uses apostrophes
//! that look like closing marks, and sometimes forgets a closing mark. Marks are
//! paired within a paragraph; an opening mark left open at the end of a paragraph
//! carries on only when the next paragraph opens with the same kind of mark (the
//! newspaper convention for quotes over several paragraphs). Otherwise it is
//! dropped, so one stray mark never swallows the rest of the document.

use std::ops::Range;

use super::Span;
use super::tokens::{Token, TokenKind};

/// One quotation: the words between a pair of marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted text, one range per paragraph the quotation runs over,
    /// without the marks.
    pub spans: Vec<Span>,
    /// From the first opening mark to the end of the closing mark.
    pub outer: Span,
    pub family: Family,
    /// 0 for a quotation at the top level, 1 for one inside another, and so on.
    pub depth: usize,
}

impl Quote {
    /// From the first quoted character to the last (across paragraphs).
    pub fn inner(&self) -> Span {
        let start = self.spans.first().map_or(self.outer.start(), |s| s.start());
        let end = self.spans.last().map_or(self.outer.end(), |s| s.end());
        Span::new(start, end)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `"` `“` `”` `„` `''` ``` `` ```
    Double,
    /// `'` `‘` `’` `` ` ``
    Single,
    /// `«` `»`
    Guillemet,
    /// `‹` `›`
    SingleGuillemet,
}

/// What a mark can do where it stands.
struct Mark {
    family: Family,
    can_open: bool,
    can_close: bool,
    /// Set apart from the words on both sides: it opens or closes by what is open.
    spaced: bool,
}

fn classify(glyph: char, prev: Option<char>, next: Option<char>) -> Option<Mark> {
    let opens_after = |c: char| c.is_whitespace() || "([{<—–-/\u{201c}\u{2018}\"'«‹".contains(c);
    let closes_before =
        |c: char| c.is_whitespace() || ",.;:!?)]}>—–-/\u{201d}\u{2019}\"'»›…".contains(c);
    // Read only for the marks that need them: most punctuation is no mark.
    let left_flanking = || next.is_some_and(|c| !c.is_whitespace()) && prev.is_none_or(opens_after);
    let right_flanking =
        || prev.is_some_and(|c| !c.is_whitespace()) && next.is_none_or(closes_before);
    let next_is_word = next.is_some_and(char::is_alphanumeric);
    // Tokenised copy sets marks apart from the words on both sides (`" Stop , "
    // he said`): such a mark opens when no quotation of its kind is open, and
    // closes one that is.
    let spaced = prev.is_none_or(char::is_whitespace) && next.is_none_or(char::is_whitespace);
    let (family, can_open, can_close) = match glyph {
        '"' => (
            Family::Double,
            left_flanking() || spaced,
            right_flanking() || !left_flanking(),
        ),
        '\u{201c}' | '\u{201e}' => (Family::Double, true, false),
        '\u{201d}' => (Family::Double, false, true),
        '\'' => (
            Family::Single,
            left_flanking() && next_is_word,
            right_flanking() || spaced,
        ),
        '\u{2018}' => (
            Family::Single,
            next.is_some_and(|c| !c.is_whitespace()) || spaced,
            false,
        ),
        '\u{2019}' => (Family::Single, false, right_flanking() || spaced),
        '«' => (Family::Guillemet, true, false),
        '»' => (Family::Guillemet, false, true),
        '‹' => (Family::SingleGuillemet, true, false),
        '›' => (Family::SingleGuillemet, false, true),
        _ => return None,
    };
    Some(Mark {
        family,
        can_open,
        can_close,
        spaced,
    })
}

/// An opening mark still waiting for its close.
struct Open {
    family: Family,
    /// Tokens of this quotation's marks (the first opening mark and, for a quote
    /// over several paragraphs, each reopening mark).
    marks: Vec<usize>,
    start: usize,
    spans: Vec<Span>,
    depth: usize,
    /// Carried into the next paragraph by a mark that reopens it (else by
    /// the mark that closes it there).
    reopened: bool,
}

/// Deeper nesting than this is not prose: further opening marks are ignored,
/// which keeps pairing linear on input made only of quote marks.
const MAX_DEPTH: usize = 8;

/// Find the quotations of `text`, whose `tokens` are grouped into `paragraphs`
/// (ranges of token indices). Marks of found quotations become `QuoteOpen` /
/// `QuoteClose` tokens; every other mark stays `Punct`.
pub fn pair(text: &str, tokens: &mut [Token], paragraphs: &[Range<usize>]) -> Vec<Quote> {
    // Each found quotation with its mark tokens (openings, then the closing one).
    let mut found: Vec<(Quote, Vec<usize>)> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let mut first = paragraph.start;
        // A quotation carried over from the previous paragraph starts again
        // here: after the mark that reopens it, or at the first word.
        if let Some(open) = stack.first_mut()
            && let Some(opening) = tokens.get(paragraph.start)
        {
            if open.reopened {
                open.marks.push(paragraph.start);
                open.start = opening.end();
                first += 1;
            } else {
                open.start = opening.start();
            }
        }
        for t in first..paragraph.end {
            let token = tokens[t];
            if token.kind() != TokenKind::Punct {
                continue;
            }
            let Some(mark) = mark_at(text, &token) else {
                continue;
            };
            let open_at = stack.iter().rposition(|o| o.family == mark.family);
            if mark.can_close
                && let Some(at) = open_at
            {
                stack.truncate(at + 1);
                if let Some(mut open) = stack.pop() {
                    open.spans.push(Span::new(open.start, token.start()));
                    let first_mark = open
                        .marks
                        .first()
                        .map_or(token.start(), |&m| tokens[m].start());
                    open.marks.push(t);
                    let quote = Quote {
                        spans: open.spans,
                        outer: Span::new(first_mark, token.end()),
                        family: open.family,
                        depth: open.depth,
                    };
                    found.push((quote, open.marks));
                }
            } else if mark.can_open && stack.len() < MAX_DEPTH {
                stack.push(Open {
                    family: mark.family,
                    marks: vec![t],
                    start: token.end(),
                    spans: Vec::new(),
                    depth: stack.len(),
                    reopened: false,
                });
            }
        }
        carry_over(text, tokens, paragraphs, p, &mut stack);
    }
    // Quotations close inner-first: number them in text order instead.
    found.sort_by_key(|(q, _)| q.outer.start());
    let mut quotes = Vec::with_capacity(found.len());
    for (n, (quote, marks)) in found.into_iter().enumerate() {
        if let Some((&close, openings)) = marks.split_last() {
            for &m in openings {
                tokens[m].set_kind(TokenKind::QuoteOpen(n));
            }
            tokens[close].set_kind(TokenKind::QuoteClose(n));
        }
        quotes.push(quote);
    }
    quotes
}

/// The most lines of copy written a sentence a line that one quotation runs over.
const MAX_QUOTE_LINES: usize = 16;

/// Whether a quotation left open at the end of paragraph `p`, in copy written
/// a sentence a line (paragraphs apart by a single line break), is closed a
/// few lines later by a mark after the stop or comma that ends what was said
/// (`"A.` / `B.` / `C," he said.`), with no mark of its kind before that.
fn closes_lines_later(
    text: &str,
    tokens: &[Token],
    paragraphs: &[Range<usize>],
    p: usize,
    family: Family,
) -> bool {
    'lines: for q in p + 1..paragraphs.len().min(p + MAX_QUOTE_LINES) {
        let (Some(before), Some(line)) = (paragraphs.get(q - 1), paragraphs.get(q)) else {
            return false;
        };
        let gap = match (
            before.end.checked_sub(1).and_then(|t| tokens.get(t)),
            tokens.get(line.start),
        ) {
            (Some(a), Some(b)) => text.get(a.end()..b.start()).unwrap_or(""),
            _ => return false,
        };
        if gap.matches('\n').count() != 1 {
            return false;
        }
        for t in line.clone() {
            let Some(mark) = tokens
                .get(t)
                .filter(|tok| tok.kind() == TokenKind::Punct)
                .and_then(|tok| mark_at(text, tok))
                .filter(|m| m.family == family)
            else {
                continue;
            };
            // A line that opens with a mark of the kind and closes none runs
            // the quotation on, as a paragraph reopening it would
            // (`"A.` / `B.` / `"C.` / `D."`): the close is looked for further.
            if t == line.start && mark.can_open && !closes_in(text, tokens, line.clone(), family) {
                continue 'lines;
            }
            let after_stop = t > line.start
                && tokens
                    .get(t - 1)
                    .and_then(|prev| text.get(prev.range()))
                    .is_some_and(|prev| matches!(prev, "," | "." | "?" | "!"));
            return mark.can_close && after_stop;
        }
    }
    false
}

/// Whether a mark of `family` in the tokens `line`, after its first, can close.
fn closes_in(text: &str, tokens: &[Token], line: Range<usize>, family: Family) -> bool {
    tokens
        .get(line)
        .unwrap_or_default()
        .iter()
        .skip(1)
        .filter(|t| t.kind() == TokenKind::Punct)
        .filter_map(|t| mark_at(text, t))
        .any(|m| m.family == family && m.can_close)
}

fn mark_at(text: &str, token: &Token) -> Option<Mark> {
    let shown = text.get(token.range())?;
    let prev = text[..token.start()].chars().next_back();
    let next = text[token.end()..].chars().next();
    let glyph = match shown {
        // `''` is typewriter copy's double quote mark, and tokenised copy's
        // closing one (after ``): set apart from the next word, it only closes.
        "''" if next.is_none_or(char::is_whitespace) => '\u{201d}',
        "''" => '"',
        // ``, tokenised copy's opening double mark; `, its opening single one.
        // After a comma or a stop it may close what it opened, as that copy
        // sometimes writes (`` A , `` he said .): it opens or closes by what is open.
        "``" if next.is_none_or(char::is_whitespace)
            && text[..token.start()]
                .trim_end_matches(' ')
                .ends_with([',', '.', '?', '!']) =>
        {
            '"'
        }
        "``" => '\u{201c}',
        "`" => '\u{2018}',
        _ => shown.chars().next()?,
    };
    // `I ’ m`, `don ' t`: tokenised copy's apostrophe, set apart like a mark.
    if matches!(glyph, '\'' | '\u{2019}') && apostrophe_apart(text, token) {
        return None;
    }
    classify(glyph, prev, next)
}

/// The clitics tokenised copy writes apart from the word before, and from
/// their apostrophe: `I ’ m`, `they ’ re`, `don ’ t`.
const CLITICS: [&str; 7] = ["s", "re", "ve", "ll", "d", "m", "t"];

/// Whether the mark `token`, spaced on both sides, stands between a word and
/// a clitic (`I ’ m`): an apostrophe.
fn apostrophe_apart(text: &str, token: &Token) -> bool {
    let before = &text[..token.start()];
    let after = &text[token.end()..];
    if !before.ends_with(' ') || !after.starts_with(' ') {
        return false;
    }
    let word = before.trim_end().chars().next_back();
    let rest = after.trim_start_matches(' ');
    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let clitic = &rest[..letters];
    let ends = !rest[letters..].starts_with(|c: char| c.is_alphanumeric());
    word.is_some_and(char::is_alphabetic)
        && ends
        && CLITICS.iter().any(|c| c.eq_ignore_ascii_case(clitic))
        && (clitic != "t" || word.is_some_and(|c| c == 'n'))
}

/// At the end of paragraph `p`: keep the outermost open quotation if the next
/// paragraph reopens it with a mark of the same kind (the newspaper
/// convention), or if that paragraph's first mark of its kind can only close
/// it (copy written a sentence a line, whose quotations run over lines
/// without reopening); drop every other open mark.
fn carry_over(
    text: &str,
    tokens: &[Token],
    paragraphs: &[Range<usize>],
    p: usize,
    stack: &mut Vec<Open>,
) {
    let next = paragraphs.get(p + 1);
    let reopens = |family: Family| {
        next.and_then(|next| tokens.get(next.start))
            .and_then(|token| mark_at(text, token))
            .is_some_and(|m| m.can_open && m.family == family)
    };
    let closes = |family: Family| {
        next.and_then(|next| {
            tokens[next.clone()]
                .iter()
                .filter(|t| t.kind() == TokenKind::Punct)
                .filter_map(|t| mark_at(text, t))
                .find(|m| m.family == family)
        })
        .is_some_and(|m| m.can_close && (!m.can_open || m.spaced))
    };
    let carried = match stack.first_mut() {
        Some(open) if reopens(open.family) => {
            open.reopened = true;
            true
        }
        Some(open)
            if closes(open.family)
                || closes_lines_later(text, tokens, paragraphs, p, open.family) =>
        {
            open.reopened = false;
            true
        }
        _ => false,
    };
    if carried {
        stack.truncate(1);
        if let (Some(open), Some(paragraph)) = (stack.first_mut(), paragraphs.get(p)) {
            let end = paragraph
                .end
                .checked_sub(1)
                .map_or(open.start, |last| tokens[last].end());
            // A quotation opened by the paragraph's last mark (`. "` then a
            // line break) holds no words there.
            if end > open.start {
                open.spans.push(Span::new(open.start, end));
            }
        }
    } else {
        stack.clear();
    }
}
