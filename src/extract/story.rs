//! A report read unit after unit (a sentence, or two read as one): each
//! unit's frames become attributions, and a quotation with no frame of its
//! own carries on the attribution before it, over sentences and paragraphs
//! (`"A," he said. "B."`, a quote running over several paragraphs, a lead-in
//! such as `Cruz continued:` whose words the next paragraph quotes).

use std::ops::Range;

use super::frame::{Clause, Reading, Statement};
use super::people::People;
use super::speaker::describe;
use super::vocabulary::Section;
use super::{Attribution, DATELINE_PARAGRAPHS, Kind, assemble, joined, trim, trim_str};
use crate::text::{Document, Quote, Span, TokenKind};

/// Every attribution a frame reports, unit after unit (a sentence, or two
/// read as one), with the quotations that carry one on joined to it.
pub(super) fn framed<'t>(
    doc: &'t Document<'t>,
    reading: &'t Reading<'t>,
    clauses: &[Clause<'t>],
    people: &mut People,
) -> Vec<Attribution> {
    let mut thread = Thread::default();
    let transcript = is_transcript(doc, clauses);
    let mut s = 0;
    while s < clauses.len() {
        let (joined, statements, next) = read_unit(doc, reading, clauses, s, transcript);
        let paragraph = doc.sentences[s].paragraph;
        let unit = Unit {
            clause: joined.as_ref().unwrap_or(&clauses[s]),
            first: s,
            next,
            paragraph,
            opens_paragraph: doc.paragraphs[paragraph].sentences.start == s,
        };
        let noted = sentence_subject(unit.clause)
            .any(|subject| people.note_subject(&describe(unit.clause, doc.text, subject)));
        if !noted && let Some(subject) = described_later(unit.clause) {
            people.note_subject(&describe(unit.clause, doc.text, subject));
        }
        if statements.is_empty() {
            thread.quotations(doc, &unit, people);
        } else {
            thread.statements(doc, &unit, &statements, people);
        }
        s = next;
    }
    thread.found
}

/// The words before a sentence's first verb that can name its subject.
const SUBJECT_WITHIN: usize = 6;

/// The names that may open a sentence as its subject (`Outgoing star Matt
/// Smith welcomed ...`): whom `he` in the next sentence most likely stands
/// for. None after a preposition (`The meeting with Blinken ...`).
fn sentence_subject<'c>(clause: &'c Clause<'_>) -> impl Iterator<Item = Range<usize>> + 'c {
    // `After Ana Ruiz was hit, she screamed`: past a word that opens a clause
    // (`after`, `when`, `but`), the clause's subject is the one `she` stands for.
    let fronted = clause.sections(0).has(Section::Opener);
    let start = usize::from(fronted);
    let within = clause.len().min(SUBJECT_WITHIN + start);
    let end = (start..within)
        .find(|&i| clause.sections(i).has(Section::Preposition) || !clause.is_outside_quotes(i))
        .unwrap_or(within);
    let mut next = start;
    (0..end).filter_map(move |i| {
        if i < next || !clause.nominal(i) || !clause.capitalized(i) {
            return None;
        }
        let phrase = clause.phrase_forward(i, clause.len())?;
        next = phrase.end;
        // A subject stands before its verb: `Smith welcomed`, not `the Persian Gulf to`.
        let verb = clause.sections(phrase.end).has(Section::Auxiliary)
            || clause.word(phrase.end).is_some_and(|w| {
                !clause.capitalized(phrase.end)
                    && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("'s"))
            });
        // `Tom Berg, who looked tired, admitted ...`, `Capaldi – a fan of
        // the show – revealed ...`: the verb comes after words that describe
        // the subject.
        let described = clause.word_text(phrase.end) == ","
            && clause.word(phrase.end + 1) == Some("who")
            || matches!(clause.word_text(phrase.end), "-" | "\u{2013}" | "\u{2014}");
        (verb || described).then_some(phrase)
    })
}

/// A name further into a sentence whose subject names no one, described by a
/// who-clause (`The show featured an interview with Smith, who endorsed the
/// choice.`): the clause makes that person the one the sentence is about, whom
/// `he` in the next sentence stands for. Only when the sentence opens outside
/// quote marks with no pronoun (`He cited Lauer, who ...` is still about him)
/// and names no one before (`Lewis, Winfrey and Wonder, who ...` could be any).
fn described_later(clause: &Clause<'_>) -> Option<Range<usize>> {
    if !clause.is_outside_quotes(0) || clause.sections(0).has(Section::Pronoun) {
        return None;
    }
    let start =
        (1..clause.len()).find(|&i| clause.capitalized(i) || !clause.is_outside_quotes(i))?;
    if !clause.nominal(start) || !clause.is_outside_quotes(start) {
        return None;
    }
    let phrase = clause.phrase_forward(start, clause.len())?;
    (clause.word_text(phrase.end) == "," && clause.word(phrase.end + 1) == Some("who"))
        .then_some(phrase)
}

/// One unit of a report as [`framed`] reads it.
struct Unit<'c, 't> {
    /// Its sentence, or its two sentences read as one.
    clause: &'c Clause<'t>,
    /// Its first sentence and the sentence after it.
    first: usize,
    next: usize,
    paragraph: usize,
    opens_paragraph: bool,
}

/// What reading a report unit after unit carries from one to the next.
#[derive(Default)]
struct Thread {
    found: Vec<Attribution>,
    /// The attribution a quotation standing as the next unit carries on.
    open: Option<OpenQuote>,
    /// A frame ending in a colon (`Cruz continued:`) whose words the next
    /// paragraph quotes, without content yet.
    lead_in: Option<LeadIn>,
}

/// An attribution a quotation may carry on: `"A," he said. "B."`.
#[derive(Debug, Clone, Copy)]
struct OpenQuote {
    /// Its index in [`Thread::found`].
    attribution: usize,
    /// The paragraph it was found in.
    paragraph: usize,
    /// The sentence that may carry it on: the one right after its unit.
    next: usize,
    /// Whether what it reports outside quote marks names someone else, who
    /// might be the speaker of a quotation in the next paragraph.
    others_named: bool,
}

/// A lead-in, and the sentence that must quote its words.
struct LeadIn {
    attribution: Attribution,
    next: usize,
}

impl Thread {
    /// A unit's own statements. A quotation standing next carries on the last
    /// direct quote among them, or the last of them.
    fn statements(
        &mut self,
        doc: &Document<'_>,
        unit: &Unit<'_, '_>,
        statements: &[Statement],
        people: &mut People,
    ) {
        let first = self.found.len();
        for statement in statements {
            let attribution = assemble(doc, unit.clause, statement, people);
            self.found.push(attribution);
        }
        let carries = (first..self.found.len())
            .rev()
            .find(|&a| self.found[a].kind == Kind::Direct)
            .unwrap_or(self.found.len() - 1);
        let others_named = statements.get(carries - first).is_some_and(|st| {
            st.content
                .iter()
                .any(|part| unit.clause.names_someone(part.clone()))
        });
        self.open = Some(OpenQuote {
            attribution: carries,
            paragraph: unit.paragraph,
            next: unit.next,
            others_named,
        });
    }

    /// A unit with no frame of its own: its quotations carry on the open
    /// attribution or a lead-in's (`"A," he said.` / `"B."`), and it may
    /// itself be a lead-in.
    fn quotations(&mut self, doc: &Document<'_>, unit: &Unit<'_, '_>, people: &mut People) {
        let clause = unit.clause;
        let mut carried = self
            .open
            .filter(|open| self.carries_on(doc, open, unit))
            .map(|open| open.attribution);
        let quotes = leading_quotes(clause);
        // `"B.` opening a quote that runs over the next paragraphs.
        let running = if quotes.is_empty() {
            running_quote(doc, clause)
        } else {
            None
        };
        let quoted = !quotes.is_empty() || running.is_some();
        if carried.is_none()
            && quoted
            && only_quotes(clause)
            && let Some(lead_in) = self.lead_in.take().filter(|l| l.next == unit.first)
        {
            self.found.push(lead_in.attribution);
            carried = Some(self.found.len() - 1);
        }
        match carried {
            Some(a) if quoted => {
                if let Some(quote) = running {
                    self.add_running_quote(doc, a, quote);
                    self.open = None;
                    return;
                }
                self.add_quotes(doc, clause, a, quotes);
                self.open = Some(OpenQuote {
                    attribution: a,
                    paragraph: unit.paragraph,
                    next: unit.next,
                    others_named: false,
                });
            }
            _ => self.open = None,
        }
        self.lead_in = clause.lead_in(0).map(|st| LeadIn {
            attribution: assemble(doc, clause, &st, people),
            next: unit.next,
        });
    }

    /// Whether a quotation-only unit carries on `open`: right after it, in its
    /// paragraph, or opening the next paragraph with nothing but quoted words
    /// when `open` has a speaker and names no one else who could be the
    /// quotation's (a quote over several paragraphs, each closed).
    fn carries_on(&self, doc: &Document<'_>, open: &OpenQuote, unit: &Unit<'_, '_>) -> bool {
        open.next == unit.first
            && (open.paragraph == unit.paragraph
                || open.paragraph + 1 == unit.paragraph
                    && unit.opens_paragraph
                    && only_quotes(unit.clause)
                    && running_quote(doc, unit.clause).is_none_or(|q| {
                        // A quote over several paragraphs goes on the last
                        // one's words only when those were a quotation too.
                        self.found[open.attribution].kind == Kind::Direct && closes_its_line(doc, q)
                    })
                    && self.found[open.attribution].speaker.is_some()
                    && !open.others_named)
    }

    /// Quotations `quotes` (token ranges of `clause`) as more of attribution `a`'s content.
    fn add_quotes(
        &mut self,
        doc: &Document<'_>,
        clause: &Clause<'_>,
        a: usize,
        quotes: Vec<Range<usize>>,
    ) {
        let attribution = &mut self.found[a];
        for quote in quotes {
            let range = clause.bytes(&trim(clause, quote));
            attribution.content.spans.push(Span::from(range.clone()));
            attribution.content.quoted.push(Span::from(range));
        }
        attribution.content.text = joined(doc.text, &attribution.content.spans);
        attribution.content.proposition = true;
        if attribution.kind == Kind::Indirect {
            attribution.kind = Kind::Mixed;
        }
    }

    /// A quotation that runs over the next paragraphs as more of attribution
    /// `a`'s content, every paragraph of it.
    fn add_running_quote(&mut self, doc: &Document<'_>, a: usize, quote: &Quote) {
        let attribution = &mut self.found[a];
        let last = quote.spans.len().saturating_sub(1);
        for (n, span) in quote.spans.iter().enumerate() {
            let r = if n == last {
                Span::from(trim_str(doc.text, span.range()))
            } else {
                *span
            };
            attribution.content.spans.push(r);
            attribution.content.quoted.push(r);
        }
        attribution.content.text = joined(doc.text, &attribution.content.spans);
        attribution.content.proposition = true;
    }
}

/// The statements of sentence `s` and where the next unit starts. A quote that
/// ends in a question or exclamation mark ends its sentence, but the frame
/// may follow it (`"Why now?" Sanders asked.`): then the two are read as one
/// unit, given back as its own clause.
fn read_unit<'t>(
    doc: &'t Document<'t>,
    reading: &'t Reading<'t>,
    clauses: &[Clause<'t>],
    s: usize,
    transcript: bool,
) -> (Option<Clause<'t>>, Vec<Statement>, usize) {
    let sentence = &doc.sentences[s];
    let start = if !transcript
        && sentence.paragraph < DATELINE_PARAGRAPHS
        && doc.paragraphs[sentence.paragraph].sentences.start == s
    {
        clauses[s].dateline_end()
    } else {
        0
    };
    let alone = clauses[s].statements(start);
    if let Some(next) = doc.sentences.get(s + 1)
        && next.paragraph == sentence.paragraph
        && alone.is_empty()
        && ends_in_quote(&clauses[s])
        && !leading_quotes(&clauses[s]).is_empty()
    {
        let unit = reading.clause(sentence.tokens.start..next.tokens.end);
        let joined = unit.statements(start);
        // The frame must come right after the quote: `"Why now?" Sanders asked.`
        let first_len = sentence.tokens.len();
        let framed = joined.first().is_some_and(|st| {
            let frame = [
                st.speaker.as_ref().map(|p| p.span.start),
                st.cue.as_ref().map(|c| c.0.start),
            ];
            frame.into_iter().flatten().min() == Some(first_len)
                && st.content.first().is_some_and(|c| c.start <= 1)
        });
        if framed {
            return (Some(unit), joined, s + 2);
        }
    }
    (None, alone, s + 1)
}

/// Whether a report is a transcript: two paragraphs or more open with a
/// speaker in capitals and a colon (`MS. LEE:`), which is then no dateline.
fn is_transcript(doc: &Document<'_>, clauses: &[Clause<'_>]) -> bool {
    doc.paragraphs
        .iter()
        .filter_map(|p| clauses.get(p.sentences.start))
        .filter(|c| {
            (1..c.len().min(6))
                .find(|&i| c.word_text(i) == ":")
                .is_some_and(|colon| c.transcript_label(0..colon))
        })
        .nth(1)
        .is_some()
}

/// Whether the clause ends with a quotation closed after `?`, `!` or `.`.
fn ends_in_quote(clause: &Clause<'_>) -> bool {
    let n = clause.len();
    n >= 2
        && matches!(clause.token_kind(n - 1), Some(TokenKind::QuoteClose(_)))
        && clause.is_outside_quotes(n - 1)
        && matches!(clause.token_kind(n - 2), Some(TokenKind::Punct))
        && matches!(clause.word_text(n - 2), "?" | "!" | ".")
}

/// The top-level quotations of a clause that opens with one: what carries
/// on the attribution of the sentence before (`"B." "C."`, `"B" - and more`).
fn leading_quotes(clause: &Clause<'_>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !matches!(clause.token_kind(0), Some(TokenKind::QuoteOpen(_))) {
        return out;
    }
    let mut i = 0;
    while i < clause.len() {
        if let Some(TokenKind::QuoteOpen(q)) = clause.token_kind(i)
            && clause.is_outside_quotes(i)
            && let Some(close) = (i + 1..clause.len())
                .find(|&k| clause.token_kind(k) == Some(TokenKind::QuoteClose(q)))
        {
            out.push(i..close + 1);
            i = close + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether every word of a clause that opens with a quotation is quoted.
fn only_quotes(clause: &Clause<'_>) -> bool {
    matches!(clause.token_kind(0), Some(TokenKind::QuoteOpen(_)))
        && (0..clause.len()).all(|i| !clause.token(i).is_word() || !clause.is_outside_quotes(i))
}

/// Whether nothing but punctuation follows `quote`'s closing mark on its
/// line: no frame of its own (`... ," Smith said`) credits it there.
fn closes_its_line(doc: &Document<'_>, quote: &Quote) -> bool {
    let rest = doc.text.get(quote.outer.end()..).unwrap_or("");
    rest.split('\n')
        .next()
        .unwrap_or("")
        .chars()
        .all(|c| !c.is_alphanumeric())
}

/// The quotation a clause opens, when it closes in a later paragraph.
fn running_quote<'d>(doc: &'d Document<'_>, clause: &Clause<'_>) -> Option<&'d Quote> {
    let Some(TokenKind::QuoteOpen(q)) = clause.token_kind(0) else {
        return None;
    };
    doc.quotes.get(q).filter(|quote| quote.spans.len() > 1)
}
