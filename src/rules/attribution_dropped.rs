//! CC006 attribution-dropped: a statement that other outlets attribute, printed
//! in an outlet's own voice.

mod credited;

use super::{Context, Rule, excerpt, rendering_location};
use crate::align::{Attributed, Claim, MIN_SHARED};
use crate::compare::{self, Label};
use crate::extract::{Attribution, Excerpt};
use crate::finding::{Finding, Location, Piece, Severity};
use std::cell::OnceCell;

use crate::text::Span;
use crate::text::local::{self, Matchable};
use crate::text::{Key, Wording, content_keys, shared_keys};

/// A stretch shorter than this says too little to be a dropped statement.
const MIN_WORDS: usize = 6;
/// ...and it must carry at least this share of the statement's content words.
const MIN_COVERAGE: f64 = 0.6;

/// A claim's reference words, for comparing unattributed sentences with.
struct Reference<'c> {
    claim: &'c Claim,
    words: Wording,
    /// Its content keys (`text::content_keys`).
    stems: Vec<Key>,
    matchable: Matchable,
}

pub(crate) const RULE: Rule = Rule {
    code: "CC006",
    name: "attribution-dropped",
    severity: Severity::Warning,
    summary: "a claim stated in the outlet's own voice that other outlets attribute",
    documentation: include_str!("attribution_dropped.md"),
    example: include_str!("attribution_dropped.example.md"),
    check,
};

fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let attributed = Attributed {
        reports: context.reports,
        attributions: context.attributions,
    };
    // Each attributed claim's reference words and content stems, once for the event.
    let references: Vec<Reference<'_>> = context
        .own_claims()
        .map(|(claim, _)| claim)
        // A claim is a source's statement, not a fact others narrate, when the
        // source itself credits it to its speaker, or two reports or more do.
        .filter(|claim| {
            claim.renderings[claim.reference].speaker.is_some()
                && (context.is_verbatim_source(claim) || attributed_by(claim) >= 2)
        })
        .map(|claim| {
            let reference = &claim.renderings[claim.reference];
            let words = Wording::new(&context.reports[reference.report].text, &reference.pieces);
            let stems = content_keys(&words.words);
            let matchable = Matchable::of(&words.words);
            Reference {
                claim,
                words,
                stems,
                matchable,
            }
        })
        .collect();
    // What all the references offer to match, and the fewest content keys one
    // has: a sentence whose bound against all of them together falls short of
    // the coverage the smallest needs can render none of them.
    let all_references = Matchable::of(references.iter().flat_map(|r| &r.words.words));
    let fewest_keys = references.iter().map(|r| r.stems.len().max(1)).min();
    let may_render = |words: &Wording| {
        fewest_keys.is_some_and(|fewest| {
            local::content_bound(&words.words, &all_references) as f64 / fewest as f64
                >= MIN_COVERAGE
        })
    };
    // The statements the event's reports credit as claims, whether or not
    // they were aligned with another rendering.
    let (claims, by_key) = credited::claims(
        context
            .event
            .reports
            .iter()
            .filter(|&&q| context.is_compared(q))
            .map(|&q| {
                (
                    q,
                    context.reports[q].text.as_str(),
                    context.attributions[q].as_slice(),
                )
            }),
    );
    for &r in &context.event.reports {
        // A primary source's own voice is the source, not a dropped attribution;
        // a report left out of wording comparison has no English sentences to read.
        if context.is_source(r) || !context.is_compared(r) {
            continue;
        }
        let report = &context.reports[r];
        let all_words = context.words.of(r, &report.text);
        // The report's quotations, found only when a finding is in view.
        let quotations: OnceCell<Vec<Span>> = OnceCell::new();
        let quoted = |stretch: Span, sentence: Span| {
            opens_a_quote(&report.text, sentence)
                || quotations
                    .get_or_init(|| quotation_spans(&report.text))
                    .iter()
                    .any(|q| q.contains(stretch.start()))
        };
        let sentences = context.sentences.get(r).map_or(&[][..], Vec::as_slice);
        for (s, &sentence) in sentences.iter().enumerate() {
            // Every attribution in the sentence, or whose words run into it (a
            // quote continued in the next sentence, `"A," Trump said. "B."`).
            let frames: Vec<&Attribution> = context.attributions[r]
                .iter()
                .filter(|a| {
                    a.sentence.overlaps(sentence)
                        || a.content.spans.iter().any(|s| s.overlaps(sentence))
                })
                .collect();
            // A sentence with a reporting frame is still the outlet's own voice
            // when the frame is itself words of another claim: `France hopes
            // Vietnam will ...` printed bare, where the source has `Rousseau
            // said France hopes Vietnam will ...`. So a stretch counts only if
            // every frame it touches has its speaker and cue inside the
            // stretch and among the words of the claim it renders.
            let own_voice = |stretch: Span, reference: &Wording| {
                let said = |said: &Excerpt| {
                    stretch.start() <= said.start
                        && said.end <= stretch.end()
                        && Wording::of(&said.text)
                            .words
                            .iter()
                            .all(|w| reference.words.iter().any(|r| r.folded == w.folded))
                };
                frames.iter().all(|a| {
                    let touches = a.content.spans.iter().any(|s| s.overlaps(stretch))
                        || a.speaker
                            .as_ref()
                            .is_some_and(|s| s.mention.span().overlaps(stretch));
                    !touches
                        || (a.speaker.as_ref().is_some_and(|s| said(&s.mention))
                            && a.cue.as_ref().is_some_and(|c| said(&c.span)))
                })
            };
            let words = all_words
                .within(sentence)
                .unwrap_or_else(|| Wording::new(&report.text, &[sentence]));
            // A sentence may run two statements together: each stretch renders one.
            let mut taken: Vec<Span> = Vec::new();
            let renders = words.len() >= MIN_WORDS && may_render(&words);
            while let Some((claim, stretch, pieces)) = renders
                .then(|| {
                    best_match(
                        &words,
                        r,
                        &references,
                        &taken,
                        &own_voice,
                        attributed,
                        &report.text,
                    )
                })
                .flatten()
            {
                taken.push(stretch);
                // Words inside quote marks are someone's words, not the outlet's
                // own voice, even where extraction found no frame for them (a
                // quote run on over lines: `"A.` / `B."`).
                if quoted(stretch, sentence)
                    || left_open(&report.text, &sentences[s.saturating_sub(CARRIED_OVER)..s])
                {
                    continue;
                }
                let reference = &claim.renderings[claim.reference];
                // Reported speech runs on past its frame (`Awad said he had come
                // to the school. He and other men had been sitting ...`): a
                // sentence right after the report credits the same speaker
                // carries that credit.
                let before = &sentences[s.saturating_sub(CARRIED_OVER)..s];
                if opens_with_a_pronoun(&words)
                    && reference
                        .speaker
                        .as_deref()
                        .is_some_and(|name| credits_nearby(context, r, before, name))
                {
                    continue;
                }
                let primary = Location::new(report, stretch);
                let speaker = reference.speaker.as_deref().unwrap_or("its speaker");
                let message = format!(
                    "{} prints \"{}\" in its own voice; {} attributes these words to {speaker}",
                    report.outlet,
                    excerpt(&primary.text),
                    context.reports[reference.report].outlet
                );
                let related = vec![rendering_location(context, claim, claim.reference)];
                out.push(rule.finding(context, claim, message, primary, related, pieces));
            }
            // A sentence that renders no aligned claim, credits no one and
            // hedges nothing may still state bare what another report gives as
            // a source's claim.
            // The cheap tests first: most sentences meet no credited claim,
            // and finding the report's quotations reads its whole text again.
            if !taken.is_empty()
                || !frames.is_empty()
                || claims.is_empty()
                || words.len() < MIN_STATED_WORDS
                || words.words.iter().any(credited::is_hedge)
            {
                continue;
            }
            let Some(found) = credited::stated(&words, r, &claims, &by_key) else {
                continue;
            };
            let before = &sentences[s.saturating_sub(CARRIED_OVER)..s];
            if quoted(sentence, sentence)
                || left_open(&report.text, before)
                || (opens_with_a_pronoun(&words)
                    && context.attributions[r]
                        .iter()
                        .any(|a| before.iter().any(|b| b.overlaps(a.sentence))))
            {
                continue;
            }
            let source = &context.reports[found.report];
            let a = found.attribution;
            let speaker = a
                .speaker
                .as_ref()
                .map_or("its source", |s| s.mention.text.as_str());
            let cue = a.cue.as_ref().map_or("", |c| c.span.text.as_str());
            let primary = Location::new(report, sentence);
            let message = format!(
                "{} prints \"{}\" in its own voice; {} attributes it to {speaker} (\"{cue}\": \"{}\")",
                report.outlet,
                excerpt(&primary.text),
                source.outlet,
                excerpt(&a.content.text),
            );
            let related = vec![Location::new(source, a.sentence)];
            let claim = context.own_claims().map(|(c, _)| c).find(|c| {
                c.renderings
                    .iter()
                    .any(|x| x.report == found.report && x.attribution == found.index)
            });
            out.push(match claim {
                Some(claim) => rule.finding(context, claim, message, primary, related, Vec::new()),
                None => rule.report_finding(context, message, primary, related),
            });
        }
    }
}

/// A sentence shorter than this states too little to hold another's claim.
const MIN_STATED_WORDS: usize = 4;

/// Whether a sentence opens with a quote mark (`"`, `“`, ``` `` ```, `«`).
fn opens_a_quote(text: &str, sentence: Span) -> bool {
    text.get(sentence.range())
        .map(str::trim_start)
        .is_some_and(|t| t.starts_with(['"', '\u{201c}', '\u{ab}']) || t.starts_with("``"))
}

/// Whether the last of `before` that has quote marks leaves a quotation
/// open: `"For a while I could not tell anyone .` on a line of its own, the
/// next line going on with the quote.
fn left_open(text: &str, before: &[Span]) -> bool {
    for sentence in before.iter().rev() {
        let Some(words) = text.get(sentence.range()) else {
            return false;
        };
        let straight = words.matches('"').count();
        let opened = words.matches(['\u{201c}', '\u{ab}']).count() + words.matches("``").count();
        let closed = words.matches(['\u{201d}', '\u{bb}']).count() + words.matches("''").count();
        if straight + opened + closed > 0 {
            // An odd straight mark opens a quote when words follow it.
            let opens = |at: usize| words[at + 1..].chars().any(char::is_alphanumeric);
            return (straight % 2 == 1 && words.rfind('"').is_some_and(opens)) || opened > closed;
        }
    }
    false
}

/// The stretches of `text` inside quote marks.
fn quotation_spans(text: &str) -> Vec<Span> {
    crate::text::analyze(text)
        .quotes
        .into_iter()
        .flat_map(|q| q.spans)
        .collect()
}

/// Whether a sentence opens with a pronoun (`He and other men had been
/// sitting ...`): one that goes on about the person just credited.
fn opens_with_a_pronoun(words: &Wording) -> bool {
    words.words.first().is_some_and(|w| {
        matches!(
            w.folded.as_ref(),
            "he" | "she" | "they" | "his" | "her" | "their" | "i" | "we" | "my" | "our"
        )
    })
}

/// How many reports credit the claim to a named speaker.
fn attributed_by(claim: &Claim) -> usize {
    let mut reports: Vec<usize> = claim
        .renderings
        .iter()
        .filter(|r| r.speaker.is_some())
        .map(|r| r.report)
        .collect();
    reports.sort_unstable();
    reports.dedup();
    reports.len()
}

/// How many sentences after a credit still carry it.
const CARRIED_OVER: usize = 2;

/// Whether report `report` credits the person `name` in one of `sentences`.
fn credits_nearby(context: &Context<'_>, report: usize, sentences: &[Span], name: &str) -> bool {
    let surname = crate::align::surname(name);
    context.attributions[report].iter().any(|a| {
        sentences.iter().any(|s| s.overlaps(a.sentence))
            && a.speaker
                .as_ref()
                .is_some_and(|s| crate::align::surname(&s.canonical) == surname)
    })
}

/// The claim an unattributed sentence of report `report` renders best, if it
/// renders one as a version of its words, outside the stretches `taken`: the
/// claim, the stretch that renders it, and the word diff.
fn best_match<'c>(
    words: &Wording,
    report: usize,
    references: &[Reference<'c>],
    taken: &[Span],
    own_voice: &dyn Fn(Span, &Wording) -> bool,
    attributed: Attributed<'_>,
    text: &str,
) -> Option<(&'c Claim, Span, Vec<Piece>)> {
    let stems = content_keys(&words.words);
    let mut best: Option<(f64, &'c Claim, Span, Vec<Piece>)> = None;
    for reference in references {
        let claim = reference.claim;
        let covers =
            |content: usize| content as f64 / reference.stems.len().max(1) as f64 >= MIN_COVERAGE;
        if claim.renderings[claim.reference].report == report
            || shared_keys(&stems, &reference.stems) < MIN_SHARED
            || !covers(local::content_bound(&words.words, &reference.matchable))
        {
            continue;
        }
        let Some(found) = local::align(&words.words, &reference.words.words) else {
            continue;
        };
        if found.a.len() < MIN_WORDS || !covers(found.content) {
            continue;
        }
        let Some(stretch) = words.bytes(found.a) else {
            continue;
        };
        if taken.iter().any(|t| t.overlaps(stretch)) || !own_voice(stretch, &reference.words) {
            continue;
        }
        let diff = compare::against(claim, claim.reference, attributed, text, &[stretch]);
        if diff.label != Label::Paraphrase && best.as_ref().is_none_or(|b| diff.similarity > b.0) {
            best = Some((diff.similarity, claim, stretch, diff.pieces));
        }
    }
    best.map(|(_, claim, stretch, pieces)| (claim, stretch, pieces))
}
