//! CC001 speaker-mismatch: the same words credited to different speakers.

use std::collections::HashMap;

use super::{Context, Rule, excerpt, rendering_location};
use crate::compare::Label;
use crate::finding::{Finding, Location, Severity};

pub(crate) const RULE: Rule = Rule {
    code: "CC001",
    name: "speaker-mismatch",
    severity: Severity::Error,
    summary: "the same words credited to different speakers",
    documentation: include_str!("speaker_mismatch.md"),
    example: include_str!("speaker_mismatch.example.md"),
    check,
};

fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for (claim, comparison) in context.own_claims() {
        // The speaker the claim belongs to: the reference's, else the one most reports name.
        let reference = &claim.renderings[claim.reference];
        let Some(speaker) = reference.speaker.clone().or_else(|| most_named(claim)) else {
            continue;
        };
        // The credit is compared only where a report names the speaker: a
        // pronoun (`he said`) is the extractor's reading, not the outlet's,
        // unless the source itself speaks of its own official.
        let named = |i: usize| {
            let r = &claim.renderings[i];
            r.speaker.as_ref() == Some(&speaker)
                && (context
                    .attribution(r)
                    .speaker
                    .as_ref()
                    .is_some_and(|s| !is_pronoun(&s.mention.text))
                    || (i == claim.reference && context.is_verbatim_source(claim)))
        };
        let Some(credited_with) = std::iter::once(claim.reference)
            .chain(0..claim.renderings.len())
            .find(|&i| named(i))
        else {
            continue;
        };
        for (i, rendering) in claim.renderings.iter().enumerate() {
            if context
                .foreign_match(rendering.report, rendering.attribution)
                .is_some()
            {
                continue;
            }
            let Some(other) = &rendering.speaker else {
                continue;
            };
            // Two credits within one report are two statements of its own, or the
            // extractor's misreading; a mismatch is between outlets.
            if claim.in_one_report(i, credited_with) {
                continue;
            }
            // Only the same words, and enough of them to be one statement: a loose
            // paraphrase, or a phrase of a few words (`the initiative`), may be
            // another person's statement.
            if *other == speaker
                || comparison.diffs[i].label == Label::Paraphrase
                || content_words(context, rendering) < MIN_CONTENT_WORDS
            {
                continue;
            }
            // An outlet that names both people where it gives the words
            // (`said Ana Ruiz, an analyst at Meridian Bank`) has not moved them:
            // which of the two names is the speaker is the extractor's call,
            // and too uncertain to accuse anyone of.
            let credited_rendering = &claim.renderings[credited_with];
            if names_near_words(context, rendering, &speaker)
                || names_near_words(context, credited_rendering, other)
            {
                continue;
            }
            let attribution = &context.attributions[rendering.report][rendering.attribution];
            // `he said` credits whoever the pronoun was read to mean: a misreading
            // of the pronoun is no outlet's error. Only named credits count.
            if attribution
                .speaker
                .as_ref()
                .is_some_and(|s| is_pronoun(&s.mention.text))
            {
                continue;
            }
            let report = &context.reports[rendering.report];
            let words = rendering_location(context, claim, i);
            let primary = attribution
                .speaker
                .as_ref()
                .map_or(words.clone(), |s| Location::new(report, s.mention.span()));
            let credited = &context.reports[claim.renderings[credited_with].report];
            let message = format!(
                "{} credits \"{}\" to {other}; {} credits these words to {speaker}",
                report.outlet,
                excerpt(&words.text),
                credited.outlet
            );
            let related = vec![rendering_location(context, claim, credited_with), words];
            out.push(rule.finding(context, claim, message, primary, related, Vec::new()));
        }
    }
}

/// Whether the report names `name` (by its last word) in the stretch where
/// the rendering's attribution was read: its sentence and its speaker's mention.
fn names_near_words(
    context: &Context<'_>,
    rendering: &crate::align::Rendering,
    name: &str,
) -> bool {
    let attribution = &context.attributions[rendering.report][rendering.attribution];
    let (mut start, mut end) = (attribution.sentence.start(), attribution.sentence.end());
    if let Some(speaker) = &attribution.speaker {
        start = start.min(speaker.mention.span().start());
        end = end.max(speaker.mention.span().end());
    }
    let text = &context.reports[rendering.report].text;
    let Some(stretch) = text.get(start..end) else {
        return false;
    };
    let surname = crate::align::surname(name);
    !surname.is_empty() && crate::align::name_parts(stretch).contains(&surname)
}

/// Fewer content words than this are a phrase many people say.
const MIN_CONTENT_WORDS: usize = 4;

fn content_words(context: &Context<'_>, rendering: &crate::align::Rendering) -> usize {
    crate::text::Wording::new(&context.reports[rendering.report].text, &rendering.pieces)
        .content_len()
}

fn is_pronoun(mention: &str) -> bool {
    matches!(
        mention.to_lowercase().as_str(),
        "he" | "she" | "they" | "it" | "we" | "i"
    )
}

/// The person most reports credit with a claim, if one leads.
fn most_named(claim: &crate::align::Claim) -> Option<String> {
    let mut counts: HashMap<&String, usize> = HashMap::new();
    for r in &claim.renderings {
        if let Some(s) = &r.speaker {
            *counts.entry(s).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&String, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match ranked.as_slice() {
        [(first, n), (_, m), ..] if n > m => Some((*first).clone()),
        [(first, _)] => Some((*first).clone()),
        _ => None,
    }
}
