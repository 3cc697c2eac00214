//! The `extract` stage: who is credited with saying what in one report.
//!
//! Each sentence is read for a reporting frame (see [`frame`]); what the frame
//! reports becomes the content, direct, mixed or indirect by where the quote
//! marks are. Sentences are read in order (see [`story`]), so a quotation with
//! no frame of its own carries on the attribution before it. Quotations that no
//! frame reports are fragments (partial quotes, scare quotes). Speakers are
//! then resolved to one name per person within the report (see [`speaker`] and
//! [`people`]).

mod attribution;
mod frame;
mod furniture;
mod language;
mod lexicon;
mod people;
mod speaker;
mod story;
mod vocabulary;

/// Whether a folded word stands for a person without naming one (`he`,
/// `somebody`; `data/speakers.txt`): capitalised at a sentence's start, it is
/// still no name.
pub fn is_pronoun(folded: &str) -> bool {
    vocabulary::vocabulary().is_pronoun(folded)
}

use std::fmt;
use std::ops::Range;

pub use attribution::{Attribution, Content, Cue, CueClass, Excerpt, Kind, Speaker, SpeakerClass};
pub use language::{is_english, language, reads_as_english};
pub use lexicon::{Lexicon, lexicon};

use lexicon::Complement;

use crate::text::{self, Document, Span, TokenKind};
use frame::{Clause, Reading, Statement};
use people::People;
use speaker::{describe, describe_phrase};
use story::framed;

/// Every attribution in `text`, in text order: the entry point of the stage.
/// A report in another language ([`is_english`] false) gives only its
/// quotations, without speakers or cues. A report too long to index gives
/// none ([`extract_as`] says so).
pub fn extract(text: &str) -> Vec<Attribution> {
    extract_as(text, is_english(text)).unwrap_or_default()
}

/// Every attribution in `text`, with the English rules (`english`) or only
/// the quotations, whatever the language: for a caller that knows the
/// language of its reports.
///
/// A text longer than [`text::MAX_TEXT`] bytes (4 GiB) is skipped, as
/// [`TooLong`]: token offsets are 32-bit.
pub fn extract_as(text: &str, english: bool) -> Result<Vec<Attribution>, TooLong> {
    if text.len() > text::MAX_TEXT {
        return Err(TooLong { bytes: text.len() });
    }
    extract_from(&text::analyze(text), english)
}

/// A report extraction skipped: too long for the 32-bit offsets of tokens.
/// The library gives it back rather than printing it; the command line says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong {
    /// The length of the report's text.
    pub bytes: usize,
}

impl fmt::Display for TooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "skipped a report of {} bytes: extraction indexes texts of at most {} bytes",
            self.bytes,
            text::MAX_TEXT
        )
    }
}

impl std::error::Error for TooLong {}

/// `extract_as`, on a text already segmented: for a caller that keeps some of
/// the segmentation (the sentences) for later.
pub fn extract_from(doc: &text::Document<'_>, english: bool) -> Result<Vec<Attribution>, TooLong> {
    if !english {
        let mut found = Vec::new();
        add_fragments(doc, &mut found);
        found.sort_by_key(|a| a.content.extent().start());
        return Ok(found);
    }
    let carried = carried_into(doc);
    let reading = Reading::new(
        doc.text,
        &doc.tokens,
        doc.sentences.iter().map(|s| {
            (
                s.tokens.start,
                carried.binary_search(&s.tokens.start).is_ok(),
            )
        }),
    )
    .ok_or(TooLong {
        bytes: doc.text.len(),
    })?;
    let clauses: Vec<Clause<'_>> = doc
        .sentences
        .iter()
        .map(|s| reading.clause(s.tokens.clone()))
        .collect();
    let mut people = people_named(doc.text, &clauses);
    let mut found = framed(doc, &reading, &clauses, &mut people);
    run_on(doc, &mut found);
    transcript_turns(doc, &mut found);
    furniture::set_aside(doc, &clauses, &mut found);
    add_fragments(doc, &mut found);
    let credits = story_credits(doc, &clauses);
    if !credits.is_empty() {
        for a in &mut found {
            a.channels.splice(0..0, credits.iter().cloned());
        }
    }
    found.sort_by_key(|a| a.content.extent().start());
    Ok(found)
}

/// A transcript's turn (`MS. LEE: Good afternoon. We have been clear ...`):
/// the speaker, in capitals, opens the paragraph, and every word of it after
/// the colon is theirs, as said.
fn transcript_turns(doc: &Document<'_>, found: &mut Vec<Attribution>) {
    let mut turns: Vec<(usize, Span)> = Vec::new();
    for (i, a) in found.iter().enumerate() {
        let (Some(speaker), Some(cue)) = (&a.speaker, &a.cue) else {
            continue;
        };
        let label = &speaker.mention.text;
        let capitals = !label.chars().any(char::is_lowercase)
            && label.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        let Some(paragraph) = doc
            .paragraphs
            .iter()
            .find(|p| p.range.start() <= speaker.mention.start && cue.span.end <= p.range.end())
        else {
            continue;
        };
        if cue.span.text != ":" || !capitals || speaker.mention.start != paragraph.range.start() {
            continue;
        }
        let words = Span::from(trim_str(doc.text, cue.span.end..paragraph.range.end()));
        if words.start() < words.end() {
            turns.push((i, words));
        }
    }
    for &(i, words) in &turns {
        let a = &mut found[i];
        a.kind = Kind::Direct;
        a.content.spans = vec![words];
        a.content.quoted = vec![words];
        a.content.text = doc.text[words.range()].to_string();
        a.content.proposition = true;
    }
    // What the speaker reports inside their own turn is part of it.
    let turn_of = |i: usize| turns.iter().find(|t| t.0 == i);
    let mut n = 0;
    found.retain(|a| {
        let own = turn_of(n).is_some();
        n += 1;
        own || !turns.iter().any(|(_, w)| {
            a.content
                .spans
                .iter()
                .all(|s| w.contains(s.start()) && s.end() <= w.end())
        })
    });
}

/// A quotation opened in an attribution's sentence and running on over the
/// next lines or paragraphs (`Lee said: "A.` / `B.` / `C."`): its later
/// paragraphs are more of that attribution's words, up to one another
/// attribution reports.
fn run_on(doc: &Document<'_>, found: &mut Vec<Attribution>) {
    for quote in doc
        .quotes
        .iter()
        .filter(|q| q.depth == 0 && q.spans.len() > 1)
    {
        let Some(first) = quote.spans.first() else {
            continue;
        };
        let opened =
            |a: &Attribution| a.is_credited() && a.content.spans.iter().any(|s| s.overlaps(*first));
        // `Lee said: "A.` / `B.` / `C," she added.`: the frame at the end
        // reports every line already; the one at the start keeps what else it
        // reports, if anything.
        let reporting: Vec<usize> = (0..found.len()).filter(|&i| opened(&found[i])).collect();
        if let [earlier @ .., last] = reporting.as_slice() {
            let later = found[*last].content.spans.clone();
            for &i in earlier {
                let content = &mut found[i].content;
                content
                    .spans
                    .retain(|s| !later.iter().any(|l| l.overlaps(*s)));
                content
                    .quoted
                    .retain(|s| !later.iter().any(|l| l.overlaps(*s)));
                content.text = joined(doc.text, &content.spans);
            }
            found.retain(|a| !a.content.spans.is_empty());
        }
        let Some(owner) = found
            .iter()
            .position(opened)
            .or_else(|| introduced(doc, found, quote.outer.start(), *first))
        else {
            continue;
        };
        let last = quote.spans.len() - 1;
        let mut added = false;
        for (n, span) in quote.spans.iter().enumerate().skip(1) {
            let span = if n == last {
                Span::from(trim_str(doc.text, span.range()))
            } else {
                without_spaces(doc.text, *span)
            };
            if span.start() >= span.end() {
                continue;
            }
            if found[owner].content.spans.iter().any(|s| s.overlaps(span)) {
                continue;
            }
            let reported = |a: &Attribution| a.content.spans.iter().any(|s| s.overlaps(span));
            if found.iter().any(reported) {
                break;
            }
            let content = &mut found[owner].content;
            content.spans.push(span);
            content.quoted.push(span);
            added = true;
        }
        if added {
            let a = &mut found[owner];
            // Its first paragraph with the stop that ends it, so that the
            // sentences of the quotation stay apart.
            let whole = without_spaces(doc.text, *first);
            for s in a
                .content
                .spans
                .iter_mut()
                .chain(a.content.quoted.iter_mut())
            {
                if s.overlaps(whole) && s.end() < whole.end() {
                    *s = Span::new(s.start(), whole.end());
                }
            }
            a.content.text = joined(doc.text, &a.content.spans);
            if a.kind == Kind::Indirect {
                a.kind = Kind::Mixed;
            }
        }
    }
}

/// A quotation whose first line follows a credited sentence ending in a
/// colon that already reports something else (`Reid told the Post she was a
/// careful driver:` / `"No.` / `I have learned."`): the quotation is the same
/// speaker's words, a direct quote of its own, added to `found`; its index.
/// (`opened` is where its first mark stands, `first` its first line's words.)
fn introduced(
    doc: &Document<'_>,
    found: &mut Vec<Attribution>,
    opened: usize,
    first: Span,
) -> Option<usize> {
    let frame = found.iter().rev().find(|a| {
        a.is_credited()
            && doc
                .text
                .get(a.sentence.end()..opened)
                .is_some_and(|between| between.trim().is_empty())
            && doc
                .text
                .get(a.sentence.range())
                .is_some_and(|sentence| sentence.trim_end().ends_with(':'))
    })?;
    let words = without_spaces(doc.text, first);
    if words.start() >= words.end() {
        return None;
    }
    let quote = Attribution {
        kind: Kind::Direct,
        content: Content {
            text: doc.text.get(words.range()).unwrap_or_default().to_string(),
            spans: vec![words],
            quoted: vec![words],
            proposition: true,
        },
        sentence: words,
        ..frame.clone()
    };
    found.push(quote);
    Some(found.len() - 1)
}

/// The first tokens of the lines a quotation runs on to without a reopening
/// mark (copy written a sentence a line: `"A.` / `B.` / `C," he said.`):
/// sentences that start inside quote marks.
fn carried_into(doc: &Document<'_>) -> Vec<usize> {
    let mut out: Vec<usize> = doc
        .quotes
        .iter()
        .filter(|q| q.depth == 0)
        .flat_map(|q| q.spans.iter().skip(1))
        .filter_map(|span| {
            let t = doc.tokens.partition_point(|t| t.start() < span.start());
            let token = doc.tokens.get(t)?;
            (token.start() == span.start() && token.is_word()).then_some(t)
        })
        .collect();
    out.sort_unstable();
    out
}

/// Everyone the report names in full, registered before any speaker is
/// resolved, so that `the Secretary` finds a name given later.
fn people_named(text: &str, clauses: &[Clause<'_>]) -> People {
    let mut people = People::default();
    for clause in clauses {
        // A phrase of one word names no one to register: a lone name word
        // is not a full name, and a lone title has no name.
        for phrase in names(clause).filter(|p| p.len() > 1) {
            people.register(&describe(clause, text, phrase));
        }
    }
    people
}

/// The agencies whose copy the whole story is, outermost channels of every
/// attribution in it: a credit ending the story (`... (ANI)`), and the agency
/// of a syndicated dateline (`Beijing [China], January 27 (ANI):`), once.
fn story_credits(doc: &Document<'_>, clauses: &[Clause<'_>]) -> Vec<Excerpt> {
    let credit = clauses.last().and_then(|c| c.credit().map(|r| c.span(&r)));
    // A wire's own dateline (`MOSCOW, Feb 10 (Reuters) -`) credits the outlet
    // itself, which relays nothing.
    let dateline = doc
        .paragraphs
        .iter()
        .take(DATELINE_PARAGRAPHS)
        .filter_map(|p| {
            let c = clauses.get(p.sentences.start)?;
            let end = c.dateline_end();
            // Only the syndication style, ending in a colon, relays.
            let syndicated = end > 0 && c.word_text(end - 1) == ":";
            syndicated
                .then(|| c.dateline_credit(end))
                .flatten()
                .map(|r| c.span(&r))
        })
        .next();
    match (credit, dateline) {
        (Some(c), Some(d)) if c.text != d.text => vec![c, d],
        (Some(c), _) => vec![c],
        (None, Some(d)) => vec![d],
        (None, None) => Vec::new(),
    }
}

/// Datelines open one of the first paragraphs (after a headline).
const DATELINE_PARAGRAPHS: usize = 3;

/// Maximal runs of name-like words outside quotations: the people a report names.
fn names<'c>(clause: &'c Clause<'_>) -> impl Iterator<Item = Range<usize>> + 'c {
    let mut next = 0;
    (0..clause.len()).filter_map(move |i| {
        if i < next || !clause.is_outside_quotes(i) || !clause.nominal(i) {
            return None;
        }
        let phrase = clause.phrase_forward(i, clause.len())?;
        next = phrase.end;
        Some(phrase)
    })
}

/// Turn a statement's token positions into an attribution with byte spans.
fn assemble(
    doc: &Document<'_>,
    clause: &Clause<'_>,
    statement: &Statement,
    people: &mut People,
) -> Attribution {
    let text = doc.text;
    let speaker = statement
        .speaker
        .as_ref()
        .map(|phrase| people.resolve(describe_phrase(clause, text, phrase)));
    let cue = statement.cue.as_ref().map(|(range, entry)| Cue {
        span: clause.span(range),
        lemma: entry.lemma.clone(),
        class: entry.class,
    });
    let addressee = statement.addressee.as_ref().map(|r| clause.span(r));
    let channels = statement
        .channels
        .iter()
        .map(|r| clause.span(&trim(clause, r.clone())))
        .filter(|s| !s.text.is_empty())
        .collect();
    let (kind, mut content) = content(doc, clause, &statement.content);
    content.proposition = match statement.cue.as_ref().map(|(_, e)| e.complement) {
        Some(Complement::Nothing) => false,
        Some(Complement::Topic) => statement
            .content
            .iter()
            .any(|r| clause.proposition(r.clone())),
        // `warned Beijing over its actions`: what the words were about.
        _ => !statement.content.first().is_some_and(|r| {
            let after = match &statement.addressee {
                Some(a) if a.start == r.start => a.end,
                _ => r.start,
            };
            clause.word(after) == Some("over") && clause.is_outside_quotes(after)
        }),
    };
    // `"The Secretary warned of ...," Price said`: the quote marks hold the
    // inner speaker and cue too, and what is quoted is what they hold.
    let first = statement.content.first().map_or(0, |r| r.start);
    let last = statement.content.last().map_or(0, |r| r.end);
    let quoted_from = [
        statement.speaker.as_ref().map(|p| p.span.start),
        statement.cue.as_ref().map(|c| c.0.start),
    ]
    .into_iter()
    .flatten()
    .filter(|&i| !clause.is_outside_quotes(i))
    .min();
    if let Some(from) = quoted_from.filter(|&f| f < first) {
        content.quoted = quoted_runs(clause, from..last).map(Span::from).collect();
    }
    let sentence = clause.bytes(&(0..clause.len()));
    Attribution {
        kind,
        speaker,
        cue,
        addressee,
        channels,
        content,
        sentence: Span::from(sentence),
    }
}

/// The content of token ranges `parts`: its kind, spans and quoted parts.
fn content(doc: &Document<'_>, clause: &Clause<'_>, parts: &[Range<usize>]) -> (Kind, Content) {
    let mut inside = 0;
    let mut outside = 0;
    let mut spans = Vec::new();
    let mut quoted = Vec::new();
    for part in parts {
        // `said that "..."`: the `that` of reported speech is no word of the speaker's.
        let words = if clause.word(part.start) == Some("that") {
            part.start + 1..part.end
        } else {
            part.clone()
        };
        for i in words.clone() {
            if clause.token(i).is_word() {
                if clause.is_outside_quotes(i) {
                    outside += 1
                } else {
                    inside += 1
                }
            }
        }
        let direct = words
            .clone()
            .all(|i| !clause.token(i).is_word() || !clause.is_outside_quotes(i));
        // A quote over several paragraphs: its earlier paragraphs come first,
        // whether this one reopens it or, in copy written a sentence a line,
        // goes on without a mark (`"A.` / `B," he said.`).
        let carried_on = || {
            (!clause.is_outside_quotes(words.start))
                .then(|| {
                    words.clone().find_map(|i| match clause.token_kind(i) {
                        Some(TokenKind::QuoteClose(q)) => Some(q),
                        _ => None,
                    })
                })
                .flatten()
        };
        let opening = match clause.token_kind(words.start) {
            Some(TokenKind::QuoteOpen(q)) => Some(q),
            _ => carried_on(),
        };
        if let Some(q) = opening
            && let Some(quote) = doc.quotes.get(q)
        {
            // Only its paragraphs before this one: a quotation that opens
            // here and runs on has none.
            let here = clause.bytes(&words).start;
            for earlier in quote
                .spans
                .iter()
                .take(quote.spans.len().saturating_sub(1))
                .filter(|s| s.end() <= here)
            {
                // `` `` A`` in tokenised copy: the space after the mark is no word.
                let earlier = without_spaces(doc.text, *earlier);
                spans.push(earlier);
                quoted.push(earlier);
            }
        }
        let range = if direct {
            trim(clause, part.clone())
        } else {
            trim_keeping_marks(clause, part.clone())
        };
        let bytes = clause.bytes(&range);
        if bytes.start < bytes.end {
            spans.push(Span::from(bytes));
        }
        quoted.extend(quoted_runs(clause, part.clone()).map(Span::from));
    }
    let kind = match (inside, outside) {
        (_, 0) => Kind::Direct,
        (0, _) => Kind::Indirect,
        _ => Kind::Mixed,
    };
    let text = joined(doc.text, &spans);
    (
        kind,
        Content {
            text,
            spans,
            quoted,
            proposition: true,
        },
    )
}

/// Byte ranges of the quoted words inside `part`: each run of tokens inside quote marks.
fn quoted_runs<'c>(
    clause: &'c Clause<'_>,
    part: Range<usize>,
) -> impl Iterator<Item = Range<usize>> + 'c {
    let mut i = part.start;
    std::iter::from_fn(move || {
        while i < part.end && (clause.is_outside_quotes(i) || !clause.token(i).is_word()) {
            i += 1;
        }
        let start = i;
        while i < part.end && !clause.is_outside_quotes(i) {
            i += 1;
        }
        (start < part.end).then(|| clause.bytes(&trim(clause, start..i)))
    })
}

/// Without punctuation and quote marks at either end.
fn trim(clause: &Clause<'_>, mut range: Range<usize>) -> Range<usize> {
    while range.start < range.end && !clause.token(range.start).is_word() {
        range.start += 1;
    }
    while range.end > range.start && !clause.token(range.end - 1).is_word() {
        range.end -= 1;
    }
    range
}

/// Without punctuation at either end, but keeping quote marks (`with "seriousness"`).
fn trim_keeping_marks(clause: &Clause<'_>, mut range: Range<usize>) -> Range<usize> {
    let is_mark = |i: usize| {
        matches!(
            clause.token(i).kind(),
            TokenKind::QuoteOpen(_) | TokenKind::QuoteClose(_)
        )
    };
    while range.start < range.end && !clause.token(range.start).is_word() && !is_mark(range.start) {
        range.start += 1;
    }
    while range.end > range.start
        && !clause.token(range.end - 1).is_word()
        && !is_mark(range.end - 1)
    {
        range.end -= 1;
    }
    range
}

fn joined(text: &str, spans: &[Span]) -> String {
    spans
        .iter()
        .filter_map(|s| text.get(s.range()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every top-level quotation that no attribution reports becomes a fragment, or
/// a direct quote without a speaker when it stands as a sentence of its own.
fn add_fragments(doc: &Document<'_>, found: &mut Vec<Attribution>) {
    // The reported spans by start, each with the furthest end of those up to
    // it: whether any overlaps a quotation is then a binary search, not a
    // scan of every span for every quotation.
    let mut covered: Vec<(usize, usize)> = found
        .iter()
        .flat_map(|a| a.content.spans.iter().map(|s| (s.start(), s.end())))
        .collect();
    covered.sort_unstable();
    let mut furthest = 0;
    for c in &mut covered {
        furthest = furthest.max(c.1);
        c.1 = furthest;
    }
    for quote in doc.quotes.iter().filter(|q| q.depth == 0) {
        let inner = quote.inner();
        let trimmed = trim_str(doc.text, inner.range());
        // A quotation any attribution reports, even in part, is no fragment.
        let starting_before = covered.partition_point(|c| c.0 < trimmed.end);
        if trimmed.start >= trimmed.end
            || starting_before > 0 && covered[starting_before - 1].1 > trimmed.start
        {
            continue;
        }
        let span = Span::from(trimmed.clone());
        let sentence = sentence_around(doc, trimmed.start);
        // A quotation that is its whole sentence is a direct quote whose speaker
        // the text does not give; quoted words inside the writer's own sentence
        // are a fragment (a partial quote, a scare quote).
        let (outer_start, outer_end) = (quote.outer.start(), quote.outer.end());
        let outside = trim_str(doc.text, sentence.start()..outer_start).len()
            + trim_str(doc.text, outer_end..sentence.end().max(outer_end)).len();
        let kind = if outside == 0 {
            Kind::Direct
        } else {
            Kind::Fragment
        };
        found.push(Attribution {
            kind,
            speaker: None,
            cue: None,
            addressee: None,
            channels: Vec::new(),
            content: Content {
                text: doc.text[trimmed.clone()].to_string(),
                spans: vec![span],
                quoted: vec![span],
                proposition: true,
            },
            sentence,
        });
    }
}

/// The sentence holding byte `at`.
fn sentence_around(doc: &Document<'_>, at: usize) -> Span {
    let i = doc.sentences.partition_point(|s| s.range.end() <= at);
    doc.sentences.get(i).map_or(Span::new(at, at), |s| s.range)
}

/// `span` without white space at either end.
fn without_spaces(text: &str, span: Span) -> Span {
    let Some(slice) = text.get(span.range()) else {
        return span;
    };
    let start = span.start() + (slice.len() - slice.trim_start().len());
    Span::new(start, start.max(span.start() + slice.trim_end().len()))
}

/// `range` without punctuation or white space at either end.
fn trim_str(text: &str, range: Range<usize>) -> Range<usize> {
    // A quotation opened in an earlier paragraph than the sentence it ends in
    // gives a backward range: nothing lies between.
    let Some(slice) = text.get(range.clone()) else {
        return range.start..range.start;
    };
    let start = slice
        .find(|c: char| c.is_alphanumeric())
        .map_or(slice.len(), |i| i);
    let end = slice
        .rfind(|c: char| c.is_alphanumeric())
        .map_or(start, |i| {
            i + slice[i..].chars().next().map_or(1, char::len_utf8)
        });
    range.start + start..range.start + end.max(start)
}

/// Each report's attributions, none for a report skipped as too long to
/// index, and the skipped ones apart, for the caller to say.
pub fn set_aside_skipped(
    found: Vec<Result<Vec<Attribution>, TooLong>>,
) -> (Vec<Vec<Attribution>>, Vec<TooLong>) {
    let mut skipped = Vec::new();
    let attributions = found
        .into_iter()
        .map(|f| {
            f.unwrap_or_else(|too_long| {
                skipped.push(too_long);
                Vec::new()
            })
        })
        .collect();
    (attributions, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_too_long_is_said_as_the_command_line_prints_it() {
        let skipped = TooLong {
            bytes: text::MAX_TEXT + 1,
        };
        assert_eq!(
            skipped.to_string(),
            "skipped a report of 4294967296 bytes: extraction indexes texts of at most 4294967295 bytes"
        );
    }
}
