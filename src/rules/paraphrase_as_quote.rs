//! CC005 paraphrase-as-quote: text in quote marks that is only a paraphrase of
//! the statement, with no verbatim rendering behind it.

use super::{Context, Rule, excerpt, rendering_location};
use crate::align::{Attributed, Claim};
use crate::compare::{self, Label};
use crate::extract::Kind;
use crate::finding::{Finding, Severity, Tag};
use crate::text::{Key, Wording, content_keys, shared_keys};

/// Below this share of matching words a quote is another statement, not a
/// paraphrase of this one put in quote marks (real copy: a quote aligned with a
/// loosely related sentence shares a word or two).
const MIN_SIMILARITY: f64 = 0.2;

/// A reference a quote holds whole has at least this many words: fewer are a
/// phrase found in many statements.
const MIN_WHOLE_REFERENCE_WORDS: usize = 3;

/// A quote no primary source's rendering joined renders one of its statements
/// when it carries at least this share of that statement's content words (and
/// the speaker is the same): too loose a rendering for alignment to join, too
/// close to be another statement.
const MIN_SHARED_CONTENT: f64 = 0.45;

pub(crate) const RULE: Rule = Rule {
    code: "CC005",
    name: "paraphrase-as-quote",
    severity: Severity::Warning,
    summary: "text in quote marks that matches only a paraphrase elsewhere, not any verbatim rendering",
    documentation: include_str!("paraphrase_as_quote.md"),
    example: include_str!("paraphrase_as_quote.example.md"),
    check,
};

fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    paraphrases_in_claims(context, rule, out);
    unsourced_quotes(context, rule, out);
}

/// Quotes aligned with a claim whose reference they only paraphrase.
fn paraphrases_in_claims(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for (claim, comparison) in context.own_claims() {
        let reference_outlet = &context.reports[claim.renderings[claim.reference].report].outlet;
        for (i, rendering) in claim.renderings.iter().enumerate() {
            let attribution = &context.attributions[rendering.report][rendering.attribution];
            let diff = &comparison.diffs[i];
            // A report's quote set against its own paraphrase is a speaker quoted
            // and summed up, not another outlet's wording put in quote marks.
            let same_report = claim.in_one_report(i, claim.reference);
            // Against the source's own words (its organisation's, a primary
            // source's) or a paraphrase, a quote in other words is a paraphrase
            // put in quote marks; against another outlet's quote of the
            // statement it is one of two quotes that differ (CC002).
            let against_a_quote = !context.is_verbatim_source(claim)
                && context.attribution(&claim.renderings[claim.reference]).kind == Kind::Direct;
            if attribution.kind != Kind::Direct
                || against_a_quote
                || diff.label != Label::Paraphrase
                || diff.similarity < MIN_SIMILARITY
                || same_report
                || context
                    .foreign_match(rendering.report, rendering.attribution)
                    .is_some()
                || holds_the_reference_whole(context, claim, diff)
            {
                continue;
            }
            // Another outlet printing the same words in quote marks means there is a
            // verbatim source behind them, one the reference does not have.
            let echoed = comparison.variants.iter().any(|v| {
                v.renderings.contains(&i)
                    && v.renderings
                        .iter()
                        .any(|&o| quoted_elsewhere(context, claim, o, rendering.report))
            });
            if echoed {
                continue;
            }
            let primary = rendering_location(context, claim, i);
            let message = format!(
                "\"{}\" is in quote marks, but it paraphrases {reference_outlet}'s wording ({:.0}% of the words match)",
                excerpt(&primary.text),
                diff.similarity * 100.0
            );
            let related = vec![rendering_location(context, claim, claim.reference)];
            out.push(rule.finding(
                context,
                claim,
                message,
                primary,
                related,
                diff.pieces.clone(),
            ));
        }
    }
}

/// Whether a quote prints all of the reference's words as they stand, in a
/// row, with words of its own around them: the longer excerpt of a source
/// that goes on (`Taiwan belongs to China and the one-China principle is
/// ...` for a reference that stops at `that Taiwan belongs to China`), not a
/// paraphrase. Whether the speaker said the rest is CC004's question.
fn holds_the_reference_whole(context: &Context<'_>, claim: &Claim, diff: &compare::Diff) -> bool {
    let reference = &claim.renderings[claim.reference];
    let words = Wording::new(&context.reports[reference.report].text, &reference.pieces);
    // Reported speech's `that` opens the reference, not the speaker's words.
    let opening = usize::from(words.words.first().is_some_and(|w| &*w.folded == "that"));
    let needed = words.len() - opening;
    let same: Vec<&crate::finding::Piece> =
        diff.pieces.iter().filter(|p| p.tag == Tag::Same).collect();
    needed >= MIN_WHOLE_REFERENCE_WORDS
        && !diff.pieces.iter().any(|p| p.tag == Tag::Removed)
        && matches!(same.as_slice(), [run] if Wording::of(&run.text).len() == needed)
}

/// Whether rendering `o` of the claim is a direct quote in a report other than `report`.
fn quoted_elsewhere(context: &Context<'_>, claim: &Claim, o: usize, report: usize) -> bool {
    let other = &claim.renderings[o];
    other.report != report
        && context.attributions[other.report][other.attribution].kind == Kind::Direct
}

/// Quotes of a claim no primary source's rendering joined, that render one of
/// the primary source's statements in other words: the paraphrase was too
/// loose for alignment to put it with the statement, so its claim holds only
/// the paraphrase (and outlets that repeat it in reported speech).
fn unsourced_quotes(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let attributed = Attributed {
        reports: context.reports,
        attributions: context.attributions,
    };
    // The primary source's statements of the event: claim, words, content stems.
    let statements: Vec<(&Claim, Wording, Vec<Key>)> = context
        .own_claims()
        .map(|(claim, _)| claim)
        .filter(|claim| {
            let reference = &claim.renderings[claim.reference];
            reference.speaker.is_some() && context.is_primary(reference.report)
        })
        .map(|claim| {
            let reference = &claim.renderings[claim.reference];
            let words = Wording::new(&context.reports[reference.report].text, &reference.pieces);
            let stems = content_keys(&words.words);
            (claim, words, stems)
        })
        .collect();
    if statements.is_empty() {
        return;
    }
    for (claim, _) in context.own_claims() {
        if claim
            .renderings
            .iter()
            .any(|r| context.is_primary(r.report))
        {
            continue;
        }
        for (i, rendering) in claim.renderings.iter().enumerate() {
            let attribution = &context.attributions[rendering.report][rendering.attribution];
            if attribution.kind != Kind::Direct
                || rendering.speaker.is_none()
                || context
                    .foreign_match(rendering.report, rendering.attribution)
                    .is_some()
                || (0..claim.renderings.len())
                    .any(|o| quoted_elsewhere(context, claim, o, rendering.report))
            {
                continue;
            }
            let text = &context.reports[rendering.report].text;
            let stems = content_keys(&Wording::new(text, &rendering.pieces).words);
            let best = statements
                .iter()
                .filter(|(statement, _, _)| {
                    statement.renderings[statement.reference].speaker == rendering.speaker
                })
                .map(|(statement, _, theirs)| {
                    let shared = shared_keys(&stems, theirs) as f64;
                    (shared / theirs.len().max(1) as f64, statement)
                })
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let Some((share, statement)) = best.filter(|(share, _)| *share >= MIN_SHARED_CONTENT)
            else {
                continue;
            };
            let diff = compare::against(
                statement,
                statement.reference,
                attributed,
                text,
                &rendering.pieces,
            );
            if diff.label != Label::Paraphrase {
                continue;
            }
            let primary = rendering_location(context, claim, i);
            let message = format!(
                "\"{}\" is in quote marks, but it paraphrases {}'s wording ({:.0}% of its content words)",
                excerpt(&primary.text),
                context.reports[statement.renderings[statement.reference].report].outlet,
                share * 100.0
            );
            let related = vec![rendering_location(context, statement, statement.reference)];
            out.push(rule.finding(context, claim, message, primary, related, diff.pieces));
        }
    }
}
