//! CC008 cue-shift: a loaded reporting verb where the reference uses a neutral
//! or emphatic one.

use super::{Context, Rule, rendering_location};
use crate::align::{Claim, Rendering};
use crate::extract::{Cue, CueClass, Kind, SpeakerClass, lexicon};
use crate::finding::{Finding, Location, Severity};
use crate::text::{Key, Span, Wording, content_keys, fold, shared_keys};

pub(crate) const RULE: Rule = Rule {
    code: "CC008",
    name: "cue-shift",
    severity: Severity::Warning,
    summary: "a loaded cue verb where other outlets use a neutral or emphatic one",
    documentation: include_str!("cue_shift.md"),
    example: include_str!("cue_shift.example.md"),
    check,
};

fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    // The loaded cues found shifted within a claim, not judged again below.
    let mut flagged: Vec<Span> = Vec::new();
    for (claim, _) in context.own_claims() {
        let reference = &claim.renderings[claim.reference];
        let cue_of = |r: &crate::align::Rendering| {
            context.attributions[r.report][r.attribution].cue.as_ref()
        };
        let Some(reference_cue) = cue_of(reference) else {
            continue;
        };
        if reference_cue.class == CueClass::Loaded {
            continue;
        }
        let reference_outlet = &context.reports[reference.report].outlet;
        for (i, rendering) in claim.renderings.iter().enumerate() {
            let Some(cue) = cue_of(rendering).filter(|c| c.class == CueClass::Loaded) else {
                continue;
            };
            // One speaker's one statement, reported with two verbs: a loaded verb
            // for another person's words, or for another thing they said, is
            // no shift of this one's framing.
            if rendering.report == reference.report
                || context.different_speakers(rendering, reference)
                || !context.same_statement(rendering, reference)
            {
                continue;
            }
            let report = &context.reports[rendering.report];
            let primary = Location::new(report, cue.span.span());
            let message = format!(
                "{} reports the words with \"{}\" (loaded); {reference_outlet} uses \"{}\" ({})",
                report.outlet, cue.span.text, reference_cue.span.text, reference_cue.class
            );
            let related = vec![
                Location::new(
                    &context.reports[reference.report],
                    reference_cue.span.span(),
                ),
                rendering_location(context, claim, i),
            ];
            flagged.push(cue.span.span());
            out.push(rule.finding(context, claim, message, primary, related, Vec::new()));
        }
    }
    shifted_accounts(context, rule, &flagged, out);
}

/// Of two renderings of one speaker's account that alignment left apart, the
/// smaller must share at least this share of its content keys with the other...
const SAME_ACCOUNT: f64 = 1.0 / 3.0;
/// ...and at least this many.
const SAME_ACCOUNT_KEYS: usize = 2;

/// One speaker's account, reported by one outlet with a loaded verb that
/// frames what was said (`claimed`, `admitted`) and by another with a neutral
/// one. Alignment joins renderings close in wording only, so a paraphrase of
/// the same account (`admitted he had been a long-time fan`, `described
/// himself as a life-long fan`) stands in a claim of its own: here the two are
/// paired by their speaker and what they are about.
fn shifted_accounts(context: &Context<'_>, rule: &Rule, flagged: &[Span], out: &mut Vec<Finding>) {
    let renderings: Vec<(&Claim, usize)> = context
        .own_claims()
        .flat_map(|(claim, _)| (0..claim.renderings.len()).map(move |i| (claim, i)))
        .collect();
    let loaded: Vec<(&Claim, usize, &Cue, String)> = renderings
        .iter()
        .filter_map(|&(claim, i)| {
            let rendering = &claim.renderings[i];
            let cue = context.attribution(rendering).cue.as_ref()?;
            (cue.class == CueClass::Loaded
                && frames_words(cue)
                && !standing_position(cue)
                && !flagged.contains(&cue.span.span()))
            .then_some(())?;
            Some((claim, i, cue, speaker_of(context, rendering)?))
        })
        .collect();
    if loaded.is_empty() {
        return;
    }
    let keys = |r: &Rendering| {
        let words = Wording::new(&context.reports[r.report].text, &context.statement(r));
        content_keys(&words.words)
    };
    // The neutral and emphatic renderings of the speakers reported with a loaded verb.
    let plain: Vec<(&Claim, usize, &Cue, String, Vec<Key>)> = renderings
        .iter()
        .filter_map(|&(claim, i)| {
            let rendering = &claim.renderings[i];
            let cue = context.attribution(rendering).cue.as_ref()?;
            if !matches!(cue.class, CueClass::Neutral | CueClass::Emphatic) {
                return None;
            }
            let speaker = speaker_of(context, rendering)?;
            loaded
                .iter()
                .any(|l| l.3 == speaker)
                .then(|| (claim, i, cue, speaker, keys(rendering)))
        })
        .collect();
    let mut reported: Vec<Span> = Vec::new();
    for (claim, i, cue, speaker) in loaded {
        let rendering = &claim.renderings[i];
        if reported.contains(&cue.span.span()) {
            continue;
        }
        let mine = keys(rendering);
        let direct = |r: &Rendering| context.attribution(r).kind == Kind::Direct;
        let best = plain
            .iter()
            .filter(|p| {
                let theirs = &p.0.renderings[p.1];
                p.3 == speaker
                    && theirs.report != rendering.report
                    // Two quotations of one statement are aligned by their
                    // words: left apart, they are two statements.
                    && !(direct(theirs) && direct(rendering))
            })
            .filter_map(|p| {
                let shared = shared_keys(&mine, &p.4);
                let smaller = mine.len().min(p.4.len()).max(1);
                (shared >= SAME_ACCOUNT_KEYS && shared as f64 / smaller as f64 >= SAME_ACCOUNT)
                    .then_some((shared, p))
            })
            .max_by_key(|(shared, p)| {
                (
                    *shared,
                    std::cmp::Reverse((p.0.renderings[p.1].report, p.1)),
                )
            });
        let Some((_, &(other_claim, j, other_cue, _, _))) = best else {
            continue;
        };
        reported.push(cue.span.span());
        let report = &context.reports[rendering.report];
        let other = &other_claim.renderings[j];
        let other_report = &context.reports[other.report];
        let message = format!(
            "{} reports what {speaker} said with \"{}\" (loaded); {} uses \"{}\" ({})",
            report.outlet, cue.span.text, other_report.outlet, other_cue.span.text, other_cue.class
        );
        let related = vec![
            Location::new(other_report, other_cue.span.span()),
            rendering_location(context, other_claim, j),
        ];
        let primary = Location::new(report, cue.span.span());
        out.push(rule.finding(context, claim, message, primary, related, Vec::new()));
    }
}

/// Whether a loaded cue frames what was said (`claimed`, `admitted`,
/// `insisted`) rather than naming an act aimed at someone or something
/// (`accused Sudan of`, `condemned the attack`, `warned Moscow`): those report
/// what was done with words, and another outlet's `said` is about other words.
fn frames_words(cue: &Cue) -> bool {
    let words: Vec<&str> = cue.lemma.split_whitespace().collect();
    lexicon()
        .lookup(&words)
        .is_some_and(|entry| entry.speech && !entry.takes_addressee())
}

/// Whether a cue in the perfect (`has insisted`, `had claimed`) tells a
/// position held over time, drawn from many statements, rather than what was
/// said on this occasion: no other outlet's account of the occasion renders it.
fn standing_position(cue: &Cue) -> bool {
    let first = cue.span.text.split_whitespace().next().map(fold);
    matches!(first.as_deref(), Some("has" | "have" | "had"))
}

/// Who a rendering credits, as one name across the event: a person's
/// event-wide name, or a body as named. `None` for a role or a pronoun.
fn speaker_of(context: &Context<'_>, rendering: &Rendering) -> Option<String> {
    rendering.speaker.clone().or_else(|| {
        context
            .attribution(rendering)
            .speaker
            .as_ref()
            .filter(|s| s.class == SpeakerClass::Organisation)
            .map(|s| fold(&s.canonical))
    })
}
