//! CC002 quote-altered: direct quotes of the same utterance that differ in words.

use super::{Context, Rule, describe, rendering_location};
use crate::align::Attributed;
use crate::align::{Claim, ReferenceChoice};
use crate::compare::{Change, ChangeClass, Comparison, Diff, Label};
use crate::extract::{Attribution, Kind};
use crate::finding::{Finding, Severity, Tag};
use crate::text::{Span, Wording, content_keys, shared_keys};

/// Two quotes that share less of their words than this are two statements
/// that alignment put together, not one statement quoted two ways.
const QUOTES_APART_SIMILARITY: f64 = 0.25;

/// Two quotes that differ beyond a paraphrase are one statement quoted two
/// ways only if they print at least this many content words alike: `There
/// was blood` and `I saw blood coming from her` share one, and are two of a
/// witness's statements.
const QUOTES_APART_SHARED_CONTENT_WORDS: usize = 2;

/// Two quotes of one speaker that open with this many words alike, this many
/// of them content words, are one statement (`opens_alike`).
const SHARED_OPENING_WORDS: usize = 6;
const SHARED_OPENING_CONTENT_WORDS: usize = 2;

/// At most this many changes are named in a message; the evidence has them all.
const CHANGES_NAMED: usize = 3;

pub(crate) const RULE: Rule = Rule {
    code: "CC002",
    name: "quote-altered",
    severity: Severity::Error,
    summary: "direct quotes of the same utterance that differ in words, not just in punctuation or case",
    documentation: include_str!("quote_altered.md"),
    example: include_str!("quote_altered.example.md"),
    check,
};

fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for (claim, comparison) in context.own_claims() {
        let reference = &claim.renderings[claim.reference];
        let reference_outlet = &context.reports[reference.report].outlet;
        let mut differing = Vec::new();
        // Renderings whose words a third outlet prints where the reference's differ.
        let mut outvoting = Vec::new();
        for i in 0..claim.renderings.len() {
            let Some(altered) = altered_words(context, claim, comparison, i) else {
                continue;
            };
            if printed_by_a_third(context, claim, comparison, i, Tag::Added)
                && !printed_by_a_third(context, claim, comparison, i, Tag::Removed)
            {
                outvoting.push((i, altered));
                continue;
            }
            let diff = &comparison.diffs[i];
            let primary = rendering_location(context, claim, i);
            let message = format!(
                "quote differs from {reference_outlet}'s wording: {}",
                named(altered.iter().map(|c| describe(c)))
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
            differing.push((i, altered));
        }
        // Renderings flagged as direct quotes: reported speech's quoted words
        // flag no one of them again.
        let mut flagged: Vec<usize> = differing.iter().map(|(i, _)| *i).collect();
        // Two outlets against the reference, word by word: the reference's
        // words are the altered ones.
        // Named by the closest of them: the others may differ elsewhere too.
        if let Some((_, altered)) = outvoting.iter().min_by_key(|(_, altered)| altered.len()) {
            let finding = against_the_reference(
                context,
                rule,
                claim,
                &outvoting,
                altered,
                "which another outlet prints too",
            );
            out.push(finding);
            flagged.push(claim.reference);
        } else if !differing.is_empty()
            && undecided(claim, comparison)
            && !differing
                .iter()
                .all(|(i, _)| printed_by_a_third(context, claim, comparison, *i, Tag::Removed))
        {
            // When no outlet prints the source's words and no two outlets agree,
            // the reference is only the longest quote: either side of the
            // difference may be the altered one, so both are flagged.
            let finding = against_the_reference(
                context,
                rule,
                claim,
                &differing,
                &differing[0].1,
                "and no outlet prints the source's words",
            );
            out.push(finding);
            flagged.push(claim.reference);
        }
        quoted_in_reported_speech(context, rule, (claim, comparison), flagged, out);
    }
}

/// A finding on the reference itself, against the renderings `others` (with
/// their changes), naming `changes` as the reference made them.
fn against_the_reference(
    context: &Context<'_>,
    rule: &Rule,
    claim: &Claim,
    others: &[(usize, Vec<&Change>)],
    changes: &[&Change],
    why: &str,
) -> Finding {
    // Each outlet once: two sentences of one outlet's quote may both differ.
    let mut outlets: Vec<&str> = Vec::new();
    for (i, _) in others {
        let outlet = context.reports[claim.renderings[*i].report].outlet.as_str();
        if !outlets.contains(&outlet) {
            outlets.push(outlet);
        }
    }
    let message = format!(
        "quote differs from {}'s wording, {why}: {}",
        outlets.join("'s and "),
        named(changes.iter().map(|c| describe(&reversed(c))))
    );
    let related = others
        .iter()
        .map(|(i, _)| rendering_location(context, claim, *i))
        .collect();
    let primary = rendering_location(context, claim, claim.reference);
    rule.finding(context, claim, message, primary, related, Vec::new())
}

/// The changes that make rendering `i` an altered quote of the claim's
/// reference, if it is one.
fn altered_words<'c>(
    context: &Context<'_>,
    claim: &Claim,
    comparison: &'c Comparison,
    i: usize,
) -> Option<Vec<&'c Change>> {
    let rendering = &claim.renderings[i];
    let diff = &comparison.diffs[i];
    let attribution = &context.attributions[rendering.report][rendering.attribution];
    // Paraphrases put in quote marks and scare quotes are other rules'
    // work; a quote is altered only against the words as spoken, and by
    // another outlet, never by its own report's other sentence.
    // Two outlets' quotes of one statement that differ beyond a
    // paraphrase of each other are still two quotes that differ.
    let quotes_apart = diff.label == Label::Paraphrase
        && diff.similarity >= QUOTES_APART_SIMILARITY
        && shared_content_len(context, claim, i) >= QUOTES_APART_SHARED_CONTENT_WORDS
        && shares_a_run(diff)
        && !context.is_verbatim_source(claim)
        && !context.different_speakers(rendering, &claim.renderings[claim.reference])
        && (context.same_statement(rendering, &claim.renderings[claim.reference])
            || opens_alike(diff))
        && !closer_to_another(context, claim, comparison, i);
    // A quote of a few words inside the outlet's own sentence (a
    // fragment) is held to the words as much as a whole quote is.
    if !matches!(attribution.kind, Kind::Direct | Kind::Fragment)
        || !(diff.label == Label::Altered || quotes_apart)
        || !context.is_verbatim(claim, claim.reference)
        || claim.in_one_report(i, claim.reference)
        || context
            .foreign_match(rendering.report, rendering.attribution)
            .is_some()
    {
        return None;
    }
    // Words added before or after all the reference's words make the longer
    // of two excerpts, not an altered quote: whether the speaker said them is
    // CC004's question.
    let text = &context.reports[rendering.report].text;
    let extent = rendering.extent();
    let altered: Vec<&Change> = altering(diff, claim, text, extent).collect();
    (!altered.is_empty()).then_some(altered)
}

/// How many content words (by stem) rendering `i` shares with the reference.
fn shared_content_len(context: &Context<'_>, claim: &Claim, i: usize) -> usize {
    let keys = |r: &crate::align::Rendering| {
        content_keys(&Wording::new(&context.reports[r.report].text, &r.pieces).words)
    };
    shared_keys(
        &keys(&claim.renderings[i]),
        &keys(&claim.renderings[claim.reference]),
    )
}

/// Whether rendering `i`, set apart from the reference by more than a few
/// words, is closer to another quote of the reference's own report, one
/// itself that far from the reference: then the claim holds two of the
/// speaker's statements (alignment joined `It was actually man coverage ...`
/// and `You never see that in man coverage` of two outlets that print both),
/// and `i` quotes the reference outlet's other one.
fn closer_to_another(
    context: &Context<'_>,
    claim: &Claim,
    comparison: &Comparison,
    i: usize,
) -> bool {
    let rendering = &claim.renderings[i];
    let attributed = Attributed {
        reports: context.reports,
        attributions: context.attributions,
    };
    let text = &context.reports[rendering.report].text;
    let words = Wording::new(text, &rendering.pieces);
    let apart = comparison.diffs[i].similarity;
    claim.renderings.iter().enumerate().any(|(k, other)| {
        k != claim.reference
            && other.report == claim.renderings[claim.reference].report
            && comparison.diffs[k].label == Label::Paraphrase
            && context.attribution(other).kind == Kind::Direct
            && {
                let diff = crate::compare::against_words(claim, k, attributed, text, &words);
                diff.label != Label::Paraphrase && diff.similarity > apart
            }
    })
}

/// Whether the two quotes print two words in a row alike somewhere. Two
/// quotes of one statement that differ beyond a paraphrase still keep some
/// stretch of the speaker's words; two statements of one speaker on one
/// topic share only single words, each in its own place (`Nobody else can
/// carry both video and sensor data` and `It can also carry video data and
/// voice data`).
fn shares_a_run(diff: &Diff) -> bool {
    diff.pieces
        .iter()
        .any(|piece| piece.tag == Tag::Same && Wording::of(&piece.text).len() >= 2)
}

/// Whether a rendering opens with a long run of the reference's words as
/// they stand before the two part (`If I had to pick someone,` then `it
/// would be Capaldi` and `I'd pick him`): then it quotes the same statement,
/// however few of the rest of their words the two share.
fn opens_alike(diff: &Diff) -> bool {
    diff.pieces.first().is_some_and(|piece| {
        let run = Wording::of(&piece.text);
        piece.tag == Tag::Same
            && run.len() >= SHARED_OPENING_WORDS
            && run.content_len() >= SHARED_OPENING_CONTENT_WORDS
    })
}

/// Whether the reference was chosen for want of a better one: no outlet near
/// the speaker printed the words, no wording is printed by more outlets, and
/// no other outlet's rendering (a few words quoted in its own sentence, say)
/// has the reference's words as they stand.
fn undecided(claim: &Claim, comparison: &Comparison) -> bool {
    let reference = &claim.renderings[claim.reference];
    matches!(
        claim.reference_is,
        ReferenceChoice::MostComplete | ReferenceChoice::Earliest
    ) && !claim
        .renderings
        .iter()
        .zip(&comparison.diffs)
        .any(|(r, diff)| r.report != reference.report && diff.label == Label::Same)
}

/// How many of the reference's words on each side of a difference a third
/// outlet must print with it to side with one of the two there.
const CONTEXT_WORDS: usize = 2;

/// Whether, at every place rendering `i` differs from the reference, a third
/// outlet's quote prints one side's words as they stand, with a few words
/// around them: the reference's (`side` [`Tag::Removed`]) or the rendering's
/// ([`Tag::Added`]). Then the outlets agree two against one, word by word,
/// though no two print the whole quote alike.
fn printed_by_a_third(
    context: &Context<'_>,
    claim: &Claim,
    comparison: &Comparison,
    i: usize,
    side: Tag,
) -> bool {
    let reference = claim.renderings[claim.reference].report;
    let differing = claim.renderings[i].report;
    let folded = |text: &str| Wording::of(text).folded_words();
    let words_of = |text: &str, pieces: &[Span]| Wording::new(text, pieces).folded_words();
    // A third outlet's quote, or each run of words reported speech puts in
    // quote marks (`her daughter screaming, "I got hit"`): its narration
    // around them is its own.
    let thirds: Vec<Vec<String>> = claim
        .renderings
        .iter()
        .filter(|r| r.report != reference && r.report != differing)
        .flat_map(|r| {
            let text = &context.reports[r.report].text;
            let attribution = context.attribution(r);
            match attribution.kind {
                Kind::Direct | Kind::Fragment => vec![words_of(text, &r.pieces)],
                Kind::Mixed => attribution
                    .content
                    .quoted
                    .iter()
                    .filter_map(|q| q.shared(r.extent()))
                    .map(|q| words_of(text, &[q]))
                    .collect(),
                Kind::Indirect => Vec::new(),
            }
        })
        .collect();
    if thirds.is_empty() {
        return false;
    }
    let pieces = &comparison.diffs[i].pieces;
    let mut places = 0;
    let mut k = 0;
    while k < pieces.len() {
        if pieces[k].tag == Tag::Same {
            k += 1;
            continue;
        }
        // The words on either side of the difference are the two's own.
        let before: Vec<String> = k
            .checked_sub(1)
            .map(|p| folded(&pieces[p].text))
            .unwrap_or_default();
        let before = &before[before.len().saturating_sub(CONTEXT_WORDS)..];
        let mut words: Vec<String> = Vec::new();
        while k < pieces.len() && pieces[k].tag != Tag::Same {
            if pieces[k].tag == side {
                words.extend(folded(&pieces[k].text));
            }
            k += 1;
        }
        // Words past either end of the other's are a longer excerpt, no difference.
        if before.is_empty() || k == pieces.len() {
            continue;
        }
        let after = pieces.get(k).map(|p| folded(&p.text)).unwrap_or_default();
        let after = &after[..after.len().min(CONTEXT_WORDS)];
        places += 1;
        if !thirds.iter().any(|t| prints(t, before, &words, after)) {
            return false;
        }
    }
    places > 0
}

/// Whether the words `third` print `words` between `before` and `after`:
/// all three in a row, or, where `third` is an excerpt that starts or stops
/// there, the words with what of the context it has (its quote begins or ends
/// at the difference). Words put in on one side only (`words` empty) need
/// the context on both.
fn prints(third: &[String], before: &[String], words: &[String], after: &[String]) -> bool {
    let whole = [before, words, after].concat();
    if !whole.is_empty() && third.windows(whole.len()).any(|w| w == whole.as_slice()) {
        return true;
    }
    !words.is_empty()
        && (third.ends_with(&[before, words].concat())
            || third.starts_with(&[words, after].concat()))
}

/// The change seen from the other side: what one dropped, the other added.
fn reversed(change: &Change) -> Change {
    Change {
        class: change.class,
        old: change.new.clone(),
        old_range: change.new_range,
        new: change.old.clone(),
        new_range: change.old_range,
    }
}

/// The first few changes for a message; the evidence has them all.
fn named(changes: impl Iterator<Item = String>) -> String {
    let mut named: Vec<String> = changes.take(CHANGES_NAMED + 1).collect();
    if named.len() > CHANGES_NAMED {
        named.truncate(CHANGES_NAMED);
        named.push("…".to_string());
    }
    named.join(", ")
}

/// The quoted words of reported speech (`Sullivan said Biden "expressed
/// directly to President Putin ..."`) held to another outlet's direct quote of
/// the same words: the words around them are the outlet's own, the words in
/// quote marks are not.
fn quoted_in_reported_speech(
    context: &Context<'_>,
    rule: &Rule,
    (claim, comparison): (&Claim, &Comparison),
    mut flagged: Vec<usize>,
    out: &mut Vec<Finding>,
) {
    // When no outlet prints the source's words and no two agree, the other
    // quote may be the altered one as well: it is flagged too, once.
    let undecided = undecided(claim, comparison);
    // The direct quotes found altered: words only they print are an altered
    // quote echoed, not the speaker's words.
    let altered_quotes = flagged.clone();
    // (the other rendering, this one, their diff, this one's quoted words)
    let mut mirrored: Vec<(usize, usize, Diff, Span)> = Vec::new();
    for (i, rendering) in claim.renderings.iter().enumerate() {
        let attribution = context.attribution(rendering);
        if attribution.kind != Kind::Mixed {
            continue;
        }
        // The quoted words of this statement only: reported speech over
        // several sentences renders a claim a sentence.
        let extent = rendering.extent();
        let within = attribution
            .content
            .quoted
            .iter()
            .filter_map(|q| q.shared(extent));
        for quoted in within {
            let QuotedWords::Altered(j, diff) =
                quoted_words(context, claim, i, quoted, &altered_quotes)
            else {
                continue;
            };
            let other = &context.reports[claim.renderings[j].report].outlet;
            let report = &context.reports[rendering.report];
            let message = format!(
                "quote differs from {other}'s wording: {}",
                named(altering(&diff, claim, &report.text, quoted).map(describe))
            );
            let primary = crate::finding::Location::new(report, quoted);
            let related = vec![rendering_location(context, claim, j)];
            flagged.push(i);
            if undecided {
                mirrored.push((j, i, diff.clone(), quoted));
            }
            out.push(rule.finding(context, claim, message, primary, related, diff.pieces));
        }
    }
    for (j, i, diff, quoted_here) in mirrored {
        let Some(window) = diff.window else { continue };
        if flagged.contains(&j) {
            continue;
        }
        let theirs = context.attribution(&claim.renderings[j]);
        let quoted = &theirs.content.quoted;
        let report = &context.reports[claim.renderings[i].report];
        let changes: Vec<&Change> = altering(&diff, claim, &report.text, quoted_here)
            .filter(|c| in_quote_marks(theirs, c))
            .collect();
        if changes.is_empty() {
            continue;
        }
        flagged.push(j);
        let message = format!(
            "quote differs from {}'s wording, and no outlet prints the source's words: {}",
            report.outlet,
            named(changes.iter().map(|c| describe(&reversed(c))))
        );
        let within = quoted
            .iter()
            .filter_map(|q| q.shared(window))
            .reduce(Span::to)
            .filter(|_| theirs.kind != Kind::Direct)
            .unwrap_or(window);
        let primary =
            crate::finding::Location::new(&context.reports[claim.renderings[j].report], within);
        let related = vec![rendering_location(context, claim, i)];
        out.push(rule.finding(context, claim, message, primary, related, Vec::new()));
    }
}

/// How other outlets' quotes of a claim render the quoted words of one
/// rendering.
pub(super) enum QuotedWords {
    /// Another outlet quotes them as they stand, or as a faithful translation.
    Supported,
    /// The closest quote of them (rendering `.0`) has them in other words.
    Altered(usize, Diff),
    /// No quote of them is close enough to tell.
    Unmatched,
}

/// Whether a change's reference words stand inside the quote marks of the
/// attribution `theirs` they were taken from: only what an outlet prints in
/// quote marks is its quote, and the words around reported speech (`After
/// he "reached into his coat ..."`) are its own narration.
fn in_quote_marks(theirs: &Attribution, change: &Change) -> bool {
    match change.old_range {
        Some(at) if theirs.kind != Kind::Direct => theirs
            .content
            .quoted
            .iter()
            .any(|q| q.start() <= at.start() && at.end() <= q.end()),
        _ => theirs.kind == Kind::Direct,
    }
}

/// How the quoted words `quoted` of rendering `i` stand against the other
/// reports' quotes in the claim (direct quotes, the quoted part of reported
/// speech, the source's own words). The renderings `altered`, quotes
/// already found to differ from the speaker's words, support no words.
pub(super) fn quoted_words(
    context: &Context<'_>,
    claim: &Claim,
    i: usize,
    quoted: Span,
    altered: &[usize],
) -> QuotedWords {
    let rendering = &claim.renderings[i];
    let text = &context.reports[rendering.report].text;
    let content_words = Wording::new(text, &[quoted]).content_len();
    if content_words < MIN_SUPPORTED_CONTENT_WORDS {
        return QuotedWords::Unmatched;
    }
    let attributed = Attributed {
        reports: context.reports,
        attributions: context.attributions,
    };
    let quotes = |j: usize| {
        matches!(
            context.attribution(&claim.renderings[j]).kind,
            Kind::Direct | Kind::Mixed | Kind::Fragment
        ) || (j == claim.reference && context.is_verbatim_source(claim))
    };
    let diffs: Vec<(usize, Diff)> = claim
        .renderings
        .iter()
        .enumerate()
        .filter(|&(j, other)| {
            j != i
                && other.report != rendering.report
                && quotes(j)
                && !context.different_speakers(rendering, other)
                && context
                    .foreign_match(other.report, other.attribution)
                    .is_none()
        })
        .map(|(j, other)| {
            let mut diff = crate::compare::against(claim, j, attributed, text, &[quoted]);
            // Against reported speech, only its words in quote marks are a quote.
            let theirs = context.attribution(other);
            if theirs.kind == Kind::Mixed {
                diff.changes.retain(|c| in_quote_marks(theirs, c));
            }
            (
                j,
                crate::compare::with_other_translations(
                    claim,
                    context.reports,
                    rendering.report,
                    diff,
                ),
            )
        })
        .collect();
    let changed = |diff: &Diff| altering(diff, claim, text, quoted).next().is_some();
    let faithful = |diff: &Diff| {
        matches!(
            diff.label,
            Label::Same | Label::Translation | Label::Reference
        ) || (diff.label == Label::Altered && !changed(diff))
    };
    // Words that some outlet quotes as they stand are supported, whatever
    // another outlet's quote of them says, unless that quote is itself one
    // found altered: then they echo it.
    if diffs
        .iter()
        .any(|(j, diff)| faithful(diff) && !altered.contains(j))
    {
        return QuotedWords::Supported;
    }
    if content_words < MIN_QUOTED_CONTENT_WORDS && !quotes_a_sentence(text, quoted) {
        return QuotedWords::Unmatched;
    }
    diffs
        .into_iter()
        .filter(|(_, diff)| {
            diff.label == Label::Altered && diff.similarity >= QUOTED_ALIKE && changed(diff)
        })
        .max_by(|(_, a), (_, b)| a.similarity.total_cmp(&b.similarity))
        .map_or(QuotedWords::Unmatched, |(j, diff)| {
            QuotedWords::Altered(j, diff)
        })
}

/// Whether the quoted words are a sentence the outlet quotes whole
/// (`screaming, "Something hit me"`) rather than a phrase set in its own
/// sentence (`warned of "deep concerns"`): they open with a capital, after a
/// stop or the comma or colon that introduces a quotation.
fn quotes_a_sentence(text: &str, quoted: Span) -> bool {
    let opens_with_capital = quoted
        .of(text)
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase);
    let before = text[..quoted.start()].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '\u{201c}' | '\u{2018}' | '\u{ab}')
    });
    opens_with_capital && (before.is_empty() || before.ends_with([',', ':', '.', '!', '?']))
}

/// The changes of `diff` that alter the quote whose words stand at `extent`
/// of `text`: neither faithful (translated speech allows more) nor words
/// running on past the other quote.
///
/// Where the speaker spoke another language and no source's English text is
/// the reference, outlets translated independently: words replaced by others
/// (`a great stride`, `a fine step`) are two translators' choices,
/// not a misquote, unless they bear on meaning (a negation, a modal, a
/// number, a date, a name). Against a source's own English text (a
/// ministry's readout) a replaced word is still an alteration.
fn altering<'d, 't>(
    diff: &'d Diff,
    claim: &Claim,
    text: &'t str,
    extent: Span,
) -> impl Iterator<Item = &'d Change> + use<'d, 't> {
    let translated = claim.translated;
    let independently = translated && !claim.reference_is.is_source();
    // Another translation's words replacing these: a translator's choice.
    let retranslated = move |c: &Change| independently && c.class == ChangeClass::Substitution;
    diff.changes.iter().filter(move |c| {
        !(c.class.is_faithful(translated) || retranslated(c) || runs_on(text, extent, c))
    })
}

/// Whether a change only adds words before or after all of the other
/// quote's words (`extent` is the quote's): a longer excerpt, not an alteration.
fn runs_on(text: &str, extent: Span, change: &Change) -> bool {
    let wordless = |from: usize, to: usize| {
        text.get(from..to)
            .is_some_and(|gap| !gap.chars().any(char::is_alphanumeric))
    };
    change.old.is_empty()
        && change.new_range.is_some_and(|added| {
            wordless(extent.start(), added.start()) || wordless(added.end(), extent.end())
        })
}

/// Quoted words of reported speech with fewer content words than this are a
/// phrase (`"deep concerns"`), held to no one's wording here.
const MIN_QUOTED_CONTENT_WORDS: usize = 4;

/// Fewer content words than this are found in too many places to be
/// supported by a match.
const MIN_SUPPORTED_CONTENT_WORDS: usize = 2;

/// How much of the quoted words another quote must share to be the same words
/// altered rather than another statement.
const QUOTED_ALIKE: f64 = 0.6;
