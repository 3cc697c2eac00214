//! The `text` stage: a report's text as paragraphs, sentences, tokens and quotations,
//! all as byte offsets into the original text (which is never rewritten).

mod equivalents;
mod fold;
mod initials;
pub mod local;
pub(crate) mod nations;
mod quotes;
mod sentences;
mod span;
mod tokens;
mod wording;

use std::ops::Range;

pub use equivalents::{LONGEST_PHRASE, equivalent, group as equivalence_group};
pub use fold::{american, fold, fold_into};
pub use initials::{initials, initials_within};
pub use nations::{names_a_nation, one_nation};
pub use quotes::{Family, Quote};
pub use span::Span;
pub use tokens::{MAX_TEXT, Token, TokenKind};
pub use wording::{Key, Unit, Word, Wording, content_keys, folded, shared_keys, units};

/// `1 claim`, `2 claims`.
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A report's text, segmented.
#[derive(Debug, Clone)]
pub struct Document<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub quotes: Vec<Quote>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

/// A block of text between blank lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub range: Span,
    /// Indices into `Document::sentences`.
    pub sentences: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Span,
    /// Indices into `Document::tokens`.
    pub tokens: Range<usize>,
    /// Index into `Document::paragraphs`.
    pub paragraph: usize,
}

/// Segment `text`: the entry point of the stage. A text longer than
/// [`MAX_TEXT`] bytes, whose offsets tokens cannot hold, gives an empty
/// document: nothing of it is read, rather than offsets that wrap around.
pub fn analyze(text: &str) -> Document<'_> {
    if text.len() > MAX_TEXT {
        return Document {
            text,
            tokens: Vec::new(),
            quotes: Vec::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
        };
    }
    let blocks = paragraph_ranges(text);
    // About one token for every five bytes of news copy.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut token_ranges = Vec::with_capacity(blocks.len());
    for block in &blocks {
        let first = tokens.len();
        tokens::tokenize(text, block.clone(), &mut tokens);
        token_ranges.push(first..tokens.len());
    }
    let quotes = quotes::pair(text, &mut tokens, &token_ranges);
    let mut paragraphs = Vec::with_capacity(blocks.len());
    let mut sentences = Vec::new();
    for (p, block) in blocks.into_iter().enumerate() {
        let first = sentences.len();
        for (range, tokens) in sentences::split(text, &tokens, token_ranges[p].clone()) {
            sentences.push(Sentence {
                range: Span::from(range),
                tokens,
                paragraph: p,
            });
        }
        paragraphs.push(Paragraph {
            range: Span::from(block),
            sentences: first..sentences.len(),
        });
    }
    Document {
        text,
        tokens,
        quotes,
        paragraphs,
        sentences,
    }
}

/// Paragraphs are separated by blank lines; a single line break is a space,
/// as in Markdown, so hard-wrapped text keeps its sentences whole. A text
/// with no blank line whose lines mostly end a sentence is written a
/// paragraph (or a sentence) a line, as scraped pages and tokenised corpora
/// are: each of its lines is a paragraph, so a headline without a stop does
/// not run into the lede, nor a stray mark into the rest of the text.
fn paragraph_ranges(text: &str) -> Vec<Range<usize>> {
    let by_line = is_written_a_line_a_paragraph(text);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(s..end);
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            start.get_or_insert(offset + lead);
            end = offset + content.trim_end().len();
            if by_line && let Some(s) = start.take() {
                out.push(s..end);
            }
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

/// Whether `text` has no blank line and at least half of its line breaks
/// follow the end of a sentence (a stop, a colon or a closing mark).
/// Hard-wrapped prose breaks mostly inside sentences.
fn is_written_a_line_a_paragraph(text: &str) -> bool {
    let lines = || text.trim().lines().map(str::trim_end);
    if lines().any(|l| l.trim().is_empty()) {
        return false;
    }
    let breaks = lines().count().saturating_sub(1);
    let after_a_sentence = lines()
        .take(breaks)
        .filter(|l| l.ends_with(SENTENCE_ENDS))
        .count();
    breaks > 0 && 2 * after_a_sentence >= breaks
}

/// What a line that ends a sentence ends with.
const SENTENCE_ENDS: [char; 11] = [
    '.', '!', '?', '…', ':', ')', '"', '\'', '\u{201d}', '\u{2019}', '»',
];

/// The sentences of a quoted passage given as its pieces (`"A. B," he said,
/// "C."` is two pieces): each sentence as where its words stand, one span
/// per piece it runs over. A passage is kept whole as one sentence in
/// the document's sentences; a rendering of it is compared sentence by
/// sentence.
pub fn sentences_of(text: &str, pieces: &[Span]) -> Vec<Vec<Span>> {
    let mut out: Vec<Vec<Span>> = Vec::new();
    let mut open = false;
    let mut tokens = Vec::new();
    let mut previous: Option<Span> = None;
    for piece in pieces {
        // A frame between two pieces that ends its own sentence (`"A," Zhao
        // said. "B."`) ends the quoted one too.
        if let Some(before) = previous.replace(*piece) {
            // Marks and spaces in any order: `building. ”` and a new
            // paragraph's `“` end a sentence as `Zhao said. “` does.
            let frame = text.get(before.end()..piece.start()).unwrap_or("");
            if frame
                .trim_end_matches(|c: char| {
                    c.is_whitespace() || CLOSING.contains(&c) || OPENING.contains(&c)
                })
                .ends_with(['.', '!', '?', '…'])
            {
                open = false;
            }
        }
        tokens.clear();
        tokens::tokenize(text, piece.range(), &mut tokens);
        if tokens.is_empty() {
            continue;
        }
        for (range, _) in sentences::split(text, &tokens, 0..tokens.len()) {
            match out.last_mut() {
                // A sentence cut by the frame (`"We will," he said, "act."`) goes on.
                Some(last) if open => last.push(Span::from(range.clone())),
                _ => out.push(vec![Span::from(range.clone())]),
            }
            open = !text[range]
                .trim_end_matches(CLOSING)
                .ends_with(['.', '!', '?', '…']);
        }
    }
    out
}

/// What may follow a sentence's stop inside a quotation.
const CLOSING: &[char] = &['"', '\'', '\u{201d}', '\u{2019}', ')', ' '];
/// What may open a quotation after the frame.
const OPENING: &[char] = &['"', '\'', '\u{201c}', '\u{2018}', '`', ' '];

impl Document<'_> {
    /// The tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.tokens.clone()]
    }

    /// The text of a token.
    pub fn word(&self, token: &Token) -> &str {
        &self.text[token.range()]
    }
}

/// `offset`, or the start of the character it falls in (`str::floor_char_boundary`
/// is newer than the Rust this crate supports).
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let doc = analyze(text);
        doc.quotes.iter().map(|q| q.inner().of(text)).collect()
    }

    #[test]
    fn straight_curly_single_and_guillemet_marks_pair() {
        assert_eq!(quoted(r#"He said "stop now" today."#), ["stop now"]);
        assert_eq!(
            quoted("He said \u{201c}stop now\u{201d} today."),
            ["stop now"]
        );
        assert_eq!(
            quoted("US should \u{2018}stop interfering\u{2019}"),
            ["stop interfering"]
        );
        assert_eq!(quoted("US should 'stop interfering'"), ["stop interfering"]);
        assert_eq!(
            quoted("Il a dit «\u{a0}non\u{a0}» hier."),
            ["\u{a0}non\u{a0}"]
        );
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        assert_eq!(
            quoted("Russia\u{2019}s concerns and the countries' views"),
            Vec::<&str>::new()
        );
        assert_eq!(
            quoted(r#""Russia's 'legitimate' concerns," he said."#),
            ["Russia's 'legitimate' concerns,", "legitimate"]
        );
    }

    #[test]
    fn a_quote_runs_over_paragraphs_when_the_next_one_reopens_it() {
        let text = "\"First part.\n\n\"Second part,\" he said.";
        let doc = analyze(text);
        assert_eq!(doc.quotes.len(), 1);
        let spans: Vec<&str> = doc.quotes[0].spans.iter().map(|s| s.of(text)).collect();
        assert_eq!(spans, ["First part.", "Second part,"]);
    }

    #[test]
    fn a_quote_over_lines_of_copy_written_a_sentence_a_line() {
        let text = "He spoke.\n\" It is a privilege .\nI am glad .\nI cannot wait , \" he said .\nIt airs soon .";
        let doc = analyze(text);
        assert_eq!(doc.quotes.len(), 1);
        let spans: Vec<&str> = doc.quotes[0].spans.iter().map(|s| s.of(text)).collect();
        assert_eq!(
            spans,
            [" It is a privilege .", "I am glad .", "I cannot wait , "]
        );
        // A stray mark a line later that opens, not closes, carries nothing.
        let stray = "He spoke.\n\"Never closed .\nThen \"a real quote\" here .\nEnd .";
        assert_eq!(quoted(stray), ["a real quote"]);
    }

    #[test]
    fn an_unclosed_mark_derails_nothing_beyond_its_paragraph() {
        let text = "He said \"never closed.\n\nThen \"a real quote\" here.";
        assert_eq!(quoted(text), ["a real quote"]);
    }

    #[test]
    fn sentences_survive_abbreviations_and_quotes() {
        let text = "BEIJING, Jan. 27 (Xinhua) -- U.S. Secretary Blinken spoke. \"One. Two,\" he said. Next.";
        let doc = analyze(text);
        let sentences: Vec<&str> = doc.sentences.iter().map(|s| s.range.of(text)).collect();
        assert_eq!(
            sentences,
            [
                "BEIJING, Jan. 27 (Xinhua) -- U.S. Secretary Blinken spoke.",
                "\"One. Two,\" he said.",
                "Next."
            ]
        );
    }

    #[test]
    fn paragraphs_are_separated_by_blank_lines() {
        let text = "One line\nwrapped.\r\n\r\n  Second.\n";
        let doc = analyze(text);
        let paragraphs: Vec<&str> = doc.paragraphs.iter().map(|p| p.range.of(text)).collect();
        assert_eq!(paragraphs, ["One line\nwrapped.", "Second."]);
    }

    #[test]
    fn tokenised_copy_quotes_with_backticks_and_spaced_marks() {
        assert_eq!(
            quoted("`` We will not back down , '' the minister said ."),
            [" We will not back down , "]
        );
        assert_eq!(
            quoted("\" We will not back down , \" the minister said ."),
            [" We will not back down , "]
        );
        assert_eq!(
            quoted("She called it a `` routine '' visit and a 'private matter ' ."),
            [" routine ", "private matter "]
        );
        // A stray closing mark opens nothing: the next sentence stays outside quotes.
        assert_eq!(
            quoted("It ended there . ''\nThe envoy said `` talks go on '' ."),
            [" talks go on "]
        );
    }

    #[test]
    fn tokenised_clitics_are_words_not_marks() {
        let text = "The company 's security team said it was n't over and they 're sure .";
        assert!(quoted(text).is_empty());
        let doc = analyze(text);
        let words: Vec<&str> = doc.tokens.iter().map(|t| doc.word(t)).collect();
        assert!(words.contains(&"'s") && words.contains(&"'re"), "{words:?}");
    }

    #[test]
    fn tokenised_stops_in_numbers_and_initials_end_no_sentence() {
        let text = "It fell 10 kilometres ( 6 . 2 miles ) away . The U . S . envoy spoke at 3 p . m . The talks ended .";
        let doc = analyze(text);
        let sentences: Vec<&str> = doc.sentences.iter().map(|s| s.range.of(text)).collect();
        assert_eq!(
            sentences,
            [
                "It fell 10 kilometres ( 6 . 2 miles ) away .",
                "The U . S . envoy spoke at 3 p . m .",
                "The talks ended ."
            ]
        );
    }

    #[test]
    fn a_text_written_a_line_a_paragraph_is_read_so() {
        let text = "Ministry denies report\nThe ministry said the report was false.\n\"It is baseless,\" a spokesman said.";
        let doc = analyze(text);
        let paragraphs: Vec<&str> = doc.paragraphs.iter().map(|p| p.range.of(text)).collect();
        assert_eq!(
            paragraphs,
            [
                "Ministry denies report",
                "The ministry said the report was false.",
                "\"It is baseless,\" a spokesman said."
            ]
        );
        // Hard-wrapped prose breaks inside sentences: its lines are one paragraph.
        let wrapped = "The minister said on Tuesday that the\ntalks would go on, and that both sides\nwanted a deal.";
        assert_eq!(analyze(wrapped).paragraphs.len(), 1);
    }

    #[test]
    fn a_quoted_passage_is_split_into_its_sentences_across_its_pieces() {
        let text =
            r#""We will act. Talks go on," he said, "and nobody should doubt it. Next?" Yes."#;
        let open = text.find("We").unwrap_or(0);
        let first_end = text.find(",\" he").unwrap_or(0) + 1;
        let second = text.find("and nobody").unwrap_or(0);
        let second_end = text.find("?\" Yes").unwrap_or(0) + 1;
        let sentences = sentences_of(
            text,
            &[Span::new(open, first_end), Span::new(second, second_end)],
        );
        let shown: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| s.iter().map(|r| r.of(text)).collect())
            .collect();
        assert_eq!(
            shown,
            [
                vec!["We will act."],
                vec!["Talks go on,", "and nobody should doubt it."],
                vec!["Next?"]
            ]
        );
    }

    #[test]
    fn a_frame_that_ends_its_sentence_ends_the_quoted_one() {
        let text = r#""Stop the talks," Zhao said. "The time is wrong.""#;
        let first = Span::new(1, text.find(",\"").unwrap_or(0) + 1);
        let second = Span::new(text.find("The").unwrap_or(0), text.len() - 1);
        assert_eq!(sentences_of(text, &[first, second]).len(), 2);
    }

    #[test]
    fn a_quote_paragraph_closed_after_its_stop_ends_its_sentence() {
        // Tokenised copy: the stop, the closing mark, a new paragraph reopening.
        let text = "\u{201c} The chief saw the fire . \u{201d}\n\u{201c} Within a minute the roof burned . \u{201d}";
        let first = Span::new(text.find("The").unwrap_or(0), text.find(" .").unwrap_or(0));
        let second = Span::new(
            text.find("Within").unwrap_or(0),
            text.rfind(" .").unwrap_or(0),
        );
        assert_eq!(sentences_of(text, &[first, second]).len(), 2);
    }

    #[test]
    fn a_quote_written_over_lines_without_reopening_runs_to_its_close() {
        let text = "`` We will not stop .\nThe talks go on , '' he said .\nThen it rained .";
        let doc = analyze(text);
        assert_eq!(doc.quotes.len(), 1);
        let spans: Vec<&str> = doc.quotes[0].spans.iter().map(|s| s.of(text)).collect();
        assert_eq!(spans, [" We will not stop .", "The talks go on , "]);
    }

    #[test]
    fn a_bullet_on_a_line_of_its_own_opens_a_sentence() {
        let text = "Leaders meet\n- Lee held talks in Seoul\n- Kim said the talks went well\nwith a - in it";
        let doc = analyze(text);
        let shown: Vec<&str> = doc.sentences.iter().map(|s| s.range.of(text)).collect();
        assert_eq!(
            shown,
            [
                "Leaders meet",
                "- Lee held talks in Seoul",
                "- Kim said the talks went well\nwith a - in it"
            ]
        );
    }

    #[test]
    fn spaced_curly_single_marks_pair_and_a_spaced_apostrophe_is_none() {
        assert_eq!(
            quoted("\u{2018} I \u{2019} m here , \u{2019} he wrote ."),
            [" I \u{2019} m here , "]
        );
        assert_eq!(
            quoted("She said 'we do n't know , ' and they ' re gone ."),
            ["we do n't know , "]
        );
    }

    #[test]
    fn a_mark_that_ends_a_line_opens_the_next_line_and_holds_no_words_there() {
        let text = "\"A , \" he said . \"\nB .\nC . \"";
        let doc = analyze(text);
        let spans: Vec<&str> = doc.quotes[1].spans.iter().map(|s| s.of(text)).collect();
        assert_eq!(spans, ["B .", "C . "]);
    }

    #[test]
    fn tokenised_opening_marks_after_a_comma_close_what_is_open() {
        assert_eq!(
            quoted("`` We won , `` Lee said . She said , `` We won . ''"),
            [" We won , ", " We won . "]
        );
    }
}
