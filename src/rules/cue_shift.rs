//! CC008 cue-shift: a loaded reporting verb where the reference uses a neutral
//! or emphatic one.

use super::{Context, Rule, rendering_location};
use crate::align::{Claim, ReferenceChoice, Rendering};
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
        let cue_of = |r: &crate::align::Rendering| {
            context.attributions[r.report][r.attribution].cue.as_ref()
        };
        let Some((reference, reference_cue, set_against_reference)) =
            plain_rendering(claim, cue_of)
        else {
            continue;
        };
        let reference_outlet = &context.reports[reference.report].outlet;
        for (i, rendering) in claim.renderings.iter().enumerate() {
            let Some(cue) = cue_of(rendering).filter(|c| c.class == CueClass::Loaded) else {
                continue;
            };
            // One speaker's one statement, reported with two verbs: a loaded verb
            // for another person's words, or for another thing they said, is
            // no shift of this one's framing.
            // A position held over time (`has accused`) frames no one statement.
            // Set against another newspaper's words, only a verb that frames
            // what was said (`claimed`), not one naming an act (`accused X
            // of`), as `shifted_accounts` reads them.
            if rendering.report == reference.report
                || (!set_against_reference && !frames_words(cue))
                || standing_position(cue)
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

/// The rendering a loaded cue is set against, with its cue and whether it is
/// the reference: the reference if its cue is neutral or emphatic. A reference from nearer the source that
/// itself uses a loaded verb (a ministry's `Wang criticised`) makes that verb
/// the source's, so nothing is set against it; the reference chosen among
/// newspapers only for being the longest or earliest does not: then the first
/// other rendering with a neutral or emphatic cue is (`The guards claim ...`,
/// the longest, against `A guard says ...`).
fn plain_rendering<'c>(
    claim: &'c Claim,
    cue_of: impl Fn(&Rendering) -> Option<&'c Cue>,
) -> Option<(&'c Rendering, &'c Cue, bool)> {
    let reference = &claim.renderings[claim.reference];
    let reference_cue = cue_of(reference)?;
    if reference_cue.class != CueClass::Loaded {
        return Some((reference, reference_cue, true));
    }
    if !matches!(
        claim.reference_is,
        ReferenceChoice::MostComplete | ReferenceChoice::Earliest
    ) {
        return None;
    }
    claim
        .renderings
        .iter()
        .filter(|r| r.report != reference.report)
        .find_map(|r| Some((r, cue_of(r).filter(|c| c.class != CueClass::Loaded)?, false)))
}

/// Of two renderings of one speaker's account that alignment left apart, the
/// smaller must share at least this share of its content keys with the other...
const SAME_ACCOUNT: f64 = 1.0 / 3.0;
/// ...and at least this many.
const SAME_ACCOUNT_KEYS: usize = 2;

/// A rendering with its cue and its speaker's event-wide name, as an account
/// of what that speaker said.
struct Account<'c> {
    claim: &'c Claim,
    /// Index of the rendering in the claim.
    index: usize,
    cue: &'c Cue,
    speaker: String,
}

impl<'c> Account<'c> {
    fn rendering(&self) -> &'c Rendering {
        &self.claim.renderings[self.index]
    }
}

/// One speaker's account, reported by one outlet with a loaded verb that
/// frames what was said (`claimed`, `admitted`) and by another with a neutral
/// one. Alignment joins renderings close in wording only, so a paraphrase of
/// the same account (`admitted he had been a long-time fan`, `described
/// himself as a life-long fan`) stands in a claim of its own: here the two are
/// paired by their speaker and what they are about.
fn shifted_accounts(context: &Context<'_>, rule: &Rule, flagged: &[Span], out: &mut Vec<Finding>) {
    let accounts: Vec<Account<'_>> = context
        .own_claims()
        .flat_map(|(claim, _)| (0..claim.renderings.len()).map(move |index| (claim, index)))
        .filter_map(|(claim, index)| {
            let rendering = &claim.renderings[index];
            Some(Account {
                claim,
                index,
                cue: context.attribution(rendering).cue.as_ref()?,
                speaker: speaker_of(context, rendering)?,
            })
        })
        .collect();
    let loaded: Vec<&Account<'_>> = accounts
        .iter()
        .filter(|a| {
            a.cue.class == CueClass::Loaded
                && frames_words(a.cue)
                && !standing_position(a.cue)
                && !flagged.contains(&a.cue.span.span())
        })
        .collect();
    if loaded.is_empty() {
        return;
    }
    let keys = |r: &Rendering| {
        let words = Wording::new(&context.reports[r.report].text, &context.statement(r));
        content_keys(&words.words)
    };
    // The neutral and emphatic accounts of the speakers reported with a
    // loaded verb, with their content keys.
    let plain: Vec<(&Account<'_>, Vec<Key>)> = accounts
        .iter()
        .filter(|a| {
            matches!(a.cue.class, CueClass::Neutral | CueClass::Emphatic)
                && loaded.iter().any(|l| l.speaker == a.speaker)
        })
        .map(|a| (a, keys(a.rendering())))
        .collect();
    let direct = |r: &Rendering| context.attribution(r).kind == Kind::Direct;
    let mut reported: Vec<Span> = Vec::new();
    for account in loaded {
        let rendering = account.rendering();
        if reported.contains(&account.cue.span.span()) {
            continue;
        }
        let mine = keys(rendering);
        let best = plain
            .iter()
            .filter(|(other, _)| {
                other.speaker == account.speaker
                    && other.rendering().report != rendering.report
                    // Two quotations of one statement are aligned by their
                    // words: left apart, they are two statements.
                    && !(direct(other.rendering()) && direct(rendering))
            })
            .filter_map(|(other, theirs)| {
                let shared = shared_keys(&mine, theirs);
                let smaller = mine.len().min(theirs.len()).max(1);
                (shared >= SAME_ACCOUNT_KEYS && shared as f64 / smaller as f64 >= SAME_ACCOUNT)
                    .then_some((shared, *other))
            })
            .max_by_key(|(shared, other)| {
                (
                    *shared,
                    std::cmp::Reverse((other.rendering().report, other.index)),
                )
            });
        let Some((_, other)) = best else {
            continue;
        };
        reported.push(account.cue.span.span());
        let report = &context.reports[rendering.report];
        let other_report = &context.reports[other.rendering().report];
        let message = format!(
            "{} reports what {} said with \"{}\" (loaded); {} uses \"{}\" ({})",
            report.outlet,
            account.speaker,
            account.cue.span.text,
            other_report.outlet,
            other.cue.span.text,
            other.cue.class
        );
        let related = vec![
            Location::new(other_report, other.cue.span.span()),
            rendering_location(context, other.claim, other.index),
        ];
        let primary = Location::new(report, account.cue.span.span());
        out.push(rule.finding(
            context,
            account.claim,
            message,
            primary,
            related,
            Vec::new(),
        ));
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
