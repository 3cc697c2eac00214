//! CC004 unsupported-fragment: quoted words found in no other rendering of the claim.

use std::cell::OnceCell;

use rustc_hash::FxHashSet;

use super::quote_altered::{self, QuotedWords};
use super::{Context, Rule, excerpt, rendering_location};
use crate::extract::Kind;
use crate::finding::{Finding, Location, Severity};
use crate::text::{Key, Span, Wording, content_keys, shared_keys};

/// Quoted words longer than this are a quotation, not a fragment: others
/// telling the same statement in their own words leave it unconfirmed, not
/// contradicted (a paraphrase that changes its meaning is CC003's finding).
/// Scare quotes and partial quotes are a few words.
const LONGEST_FRAGMENT: usize = 12;

pub(crate) const RULE: Rule = Rule {
    code: "CC004",
    name: "unsupported-fragment",
    severity: Severity::Warning,
    summary: "quoted words (a scare quote, a partial quote) found in no other rendering of that claim",
    documentation: include_str!("unsupported_fragment.md"),
    example: include_str!("unsupported_fragment.example.md"),
    check,
};

fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for (claim, _) in context.own_claims() {
        for (i, rendering) in claim.renderings.iter().enumerate() {
            let attribution = &context.attributions[rendering.report][rendering.attribution];
            if !matches!(attribution.kind, Kind::Mixed | Kind::Fragment)
                || context
                    .foreign_match(rendering.report, rendering.attribution)
                    .is_some()
            {
                continue;
            }
            let report = &context.reports[rendering.report];
            // The other reports' renderings of the same statement (what the
            // rendering says around its quoted words): what the quoted words
            // must be found in. With none, the quote is the only rendering of
            // what it says (single-source, CC011), not a fragment the others lack.
            let quoted_words = &attribution.content.quoted;
            let others: Vec<Wording> = claim
                .renderings
                .iter()
                .filter(|r| {
                    // A few quoted words with no frame of their own (`"Kiki"`,
                    // `"Most Wanted"`) render no statement.
                    r.report != rendering.report
                        && context.attribution(r).kind != Kind::Fragment
                        && context.same_statement_apart_from(rendering, quoted_words, r)
                })
                .map(|r| {
                    let other = &context.attributions[r.report][r.attribution];
                    let mut spans = r.pieces.clone();
                    spans.push(other.sentence);
                    Wording::new(&context.reports[r.report].text, &spans)
                })
                .collect();
            if others.is_empty() {
                continue;
            }
            let others_words: Vec<Vec<String>> = others.iter().map(Wording::folded_words).collect();
            let others_keys: Vec<Vec<Key>> =
                others.iter().map(|o| content_keys(&o.words)).collect();
            // The other reports' quoted words and all their words, made when a
            // part first needs them.
            let quoted_by_others: OnceCell<Vec<Vec<String>>> = OnceCell::new();
            let written_by_others: OnceCell<FxHashSet<String>> = OnceCell::new();
            let within = |quoted: &&Span| rendering.pieces.iter().any(|p| p.overlaps(**quoted));
            for &quoted in attribution.content.quoted.iter().filter(within) {
                // `taken seriously ... addressed`: each side of an ellipsis is quoted on its own.
                // A part is supported by this claim's other renderings, or by
                // words another report of the event quotes (the same quote,
                // aligned with another statement of the speaker's).
                if is_title(&report.text, quoted) {
                    continue;
                }
                let unsupported = quoted_parts(&report.text, quoted)
                    .into_iter()
                    .filter(|part| !part.is_empty() && part.len() <= LONGEST_FRAGMENT)
                    .any(|part| {
                        let elsewhere = quoted_by_others
                            .get_or_init(|| quoted_by_others_of(context, rendering.report));
                        let folded = part.folded_words();
                        !others_words.iter().any(|o| contains(o, &folded))
                            && {
                                let keys = content_keys(&part.words);
                                !others_keys.iter().any(|o| told_in_other_words(&keys, o))
                            }
                            && !quoted_elsewhere(elsewhere, &folded)
                            && !holds_a_quote_of_another(elsewhere, &folded)
                            && !term_of_the_story(&part, || {
                                written_by_others
                                    .get_or_init(|| written_by_others_of(context, rendering.report))
                            })
                    });
                // Words another outlet quotes in other words are an altered
                // quote (CC002's finding): one difference, one finding.
                // Words another outlet quotes as a faithful translation are
                // supported too.
                if !unsupported
                    || !matches!(
                        quote_altered::quoted_words(context, claim, i, quoted, &[]),
                        QuotedWords::Unmatched
                    )
                {
                    continue;
                }
                let primary = Location::new(report, quoted);
                let message = format!(
                    "\"{}\" is in quote marks, but no other report's rendering of this statement has these words",
                    excerpt(&primary.text)
                );
                let related = vec![rendering_location(context, claim, claim.reference)];
                out.push(rule.finding(context, claim, message, primary, related, Vec::new()));
            }
        }
    }
}

/// Whether quoted words are a title or a name (`"Children of Earth"`,
/// `"Torchwood"`, `"15 Most Wanted"`): every word that carries content
/// capitalised or a number, no sentence ending. Quote marks around a title quote no one.
fn is_title(text: &str, quoted: Span) -> bool {
    let Some(words) = text.get(quoted.range()) else {
        return false;
    };
    let wording = Wording::of(words);
    let mut content = wording.words.iter().filter(|w| w.content).peekable();
    content.peek().is_some()
        && content.all(|w| w.capitalised || w.folded.starts_with(|c: char| c.is_ascii_digit()))
        && !words.trim_end().ends_with(['.', '!', '?'])
}

/// The quoted words of every report of the event but `report`, each side of
/// an ellipsis apart (`quoted_parts`).
fn quoted_by_others_of(context: &Context<'_>, report: usize) -> Vec<Vec<String>> {
    context
        .event
        .reports
        .iter()
        .filter(|&&r| r != report)
        .flat_map(|&r| {
            let text = &context.reports[r].text;
            context.attributions[r]
                .iter()
                .flat_map(|a| a.content.quoted.iter())
                .flat_map(move |&q| quoted_parts(text, q))
                .map(|part| part.folded_words())
        })
        .collect()
}

/// Whether a quoted word is a term another report of the event writes in
/// its own text (`the energy-efficient "microserver" market`
/// beside another's `microservers`): quote marks around the story's
/// vocabulary put nothing in anyone's mouth. `written` gives the other
/// reports' words (`written_by_others_of`), made only for a word to look up.
fn term_of_the_story<'w>(part: &Wording, written: impl FnOnce() -> &'w FxHashSet<String>) -> bool {
    // The word itself, singular or plural, not a kin or an interchangeable
    // one: `"seriousness"` where others write `seriously`, or `"meddling"`
    // where they write `interfering`, is still a scare quote.
    let [word] = part.words.as_slice() else {
        return false;
    };
    word.content && written().contains(singular(&word.folded))
}

/// Every word of every report of the event but `report`, folded and singular.
fn written_by_others_of(context: &Context<'_>, report: usize) -> FxHashSet<String> {
    context
        .event
        .reports
        .iter()
        .filter(|&&r| r != report)
        .flat_map(|&r| Wording::of(&context.reports[r].text).words)
        .map(|w| singular(&w.folded).to_string())
        .collect()
}

/// A folded word without a plural `s`: `microservers` is `microserver`.
fn singular(folded: &str) -> &str {
    folded.strip_suffix('s').unwrap_or(folded)
}

/// Whether another report of the event has `part` inside quote marks
/// (`elsewhere` is `quoted_by_others_of`).
fn quoted_elsewhere(elsewhere: &[Vec<String>], part: &[String]) -> bool {
    elsewhere.iter().any(|q| contains(q, part))
}

/// Whether `part` holds another report's quotation of at least
/// `MIN_QUOTE_HELD` words: then it is the fuller version of a passage others
/// excerpt (or cut with an ellipsis), not words no one else quotes.
fn holds_a_quote_of_another(elsewhere: &[Vec<String>], part: &[String]) -> bool {
    elsewhere
        .iter()
        .any(|q| q.len() >= MIN_QUOTE_HELD && contains(part, q))
}

/// See `holds_a_quote_of_another`.
const MIN_QUOTE_HELD: usize = 4;

/// Whether most of a quoted part's content words (`keys`: more than half, and at
/// least two) are in another rendering of the statement, by stem or sense,
/// and the rest put for others: `"healthy and stable major-country
/// relationship"` against `sound and stable major-country relations`. Then
/// the part is the statement quoted in other words (an altered quote, or
/// another translation), not words nobody else puts in the speaker's mouth.
/// A part whose words are all there, but not in a row, is words joined
/// across a cut (`"should stop in the Games"`): unsupported.
fn told_in_other_words(keys: &[Key], other: &[Key]) -> bool {
    let shared = shared_keys(keys, other);
    shared >= 2 && 2 * shared > keys.len() && shared < keys.len()
}

/// The words of `text[start..end]`, split at ellipses.
fn quoted_parts(text: &str, quoted: Span) -> Vec<Wording> {
    let Some(quoted) = text.get(quoted.range()) else {
        return Vec::new();
    };
    quoted
        .split("...")
        .flat_map(|p| p.split('\u{2026}'))
        .map(Wording::of)
        .collect()
}

/// Whether `needle` occurs in `haystack` as a run of consecutive words.
fn contains(haystack: &[String], needle: &[String]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}
