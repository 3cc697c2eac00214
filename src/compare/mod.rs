//! The `compare` stage: for each claim, every rendering's word diff against the
//! reference wording, each difference classified, and the distinct wordings
//! (variants) with the outlets that print them.
//!
//! A rendering is compared with the stretch of the reference's sentence it
//! matches best (local alignment), so a correctly shortened quote shows no
//! deletions, and a quote that keeps the reference's speaker and cue inside its
//! marks is compared with them too.

mod classify;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::time::Duration;

use serde::Serialize;
use similar::{Algorithm, DiffTag};

use classify::written_alike;
pub use classify::{ChangeClass, Speakers, classify};

use crate::align::{Attributed, Claim};
use crate::corpus::Report;
use crate::extract::{Attribution, Kind};
use crate::finding::{Piece, Tag};
use crate::text::local;
use crate::text::{Span, Unit, Word, Wording, folded, units};

/// Below this share of matching words, a rendering is a paraphrase of the
/// reference rather than a version of its words.
pub const PARAPHRASE_BELOW: f64 = 0.75;
/// A rendering that only drops some of the reference's words is a version of
/// them, not a paraphrase, while it keeps at least this share of the stretch.
const CUT_SIMILARITY: f64 = 0.5;
/// How many reference words a window may grow by on each side of its match.
const WINDOW_GROWTH: usize = 3;
/// The longest replacement read as a translator's choice of words; a longer
/// one rewords the statement.
const TRANSLATORS_CHOICE: usize = 3;
/// No single diff may take longer than this (similar's deadline).
const DIFF_DEADLINE: Duration = Duration::from_millis(100);

/// All renderings of one claim, compared with its reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub claim: String,
    /// One per rendering of the claim, in the same order.
    pub diffs: Vec<Diff>,
    /// The distinct wordings, the reference's first.
    pub variants: Vec<Variant>,
}

/// One rendering against the reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    pub label: Label,
    /// Share of the rendering's words that match the reference (0 to 1).
    pub similarity: f64,
    /// The reference words this rendering was compared with: byte range in the
    /// reference's report.
    pub window: Option<Span>,
    pub changes: Vec<Change>,
    /// The rendering word by word, with the reference's words it lacks.
    pub pieces: Vec<Piece>,
}

/// How a rendering relates to the reference wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Label {
    /// It is the reference.
    Reference,
    /// The same words.
    Same,
    /// Different words with the same meaning: synonyms, spellings, word order.
    Translation,
    /// Words changed, added or dropped.
    Altered,
    /// Too different to be a version of the reference's words.
    Paraphrase,
}

/// One difference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub class: ChangeClass,
    /// The reference's words (empty for an insertion), with where they stand.
    pub old: String,
    pub old_range: Option<Span>,
    /// The rendering's words (empty for a deletion), with where they stand.
    pub new: String,
    pub new_range: Option<Span>,
}

/// One distinct wording of a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Variant {
    /// The folded words.
    pub wording: String,
    /// Indices into the claim's renderings.
    pub renderings: Vec<usize>,
    pub label: Label,
}

/// Compare every rendering of `claim` with its reference: the entry point of the stage.
pub fn compare(claim: &Claim, attributed: Attributed<'_>) -> Comparison {
    let reference = &claim.renderings[claim.reference];
    let reference_report = &attributed.reports[reference.report];
    let reference_attribution = &attributed.attributions[reference.report][reference.attribution];
    let scope = Wording::new(
        &reference_report.text,
        &scope(reference_attribution, &reference.pieces),
    );
    let focus = focus(&scope, reference.extent());
    let reference_speaker = reference_attribution
        .speaker
        .as_ref()
        .map(|s| crate::text::fold(&s.mention.text));
    let mut diffs: Vec<Diff> = claim
        .renderings
        .iter()
        .enumerate()
        .map(|(i, rendering)| {
            let report = &attributed.reports[rendering.report];
            let wording = Wording::new(&report.text, &rendering.pieces);
            if i == claim.reference {
                return Diff {
                    label: Label::Reference,
                    similarity: 1.0,
                    window: wording.bytes(0..wording.len()),
                    changes: Vec::new(),
                    pieces: vec![Piece {
                        tag: Tag::Same,
                        text: joined_text(&report.text, &wording.words),
                    }],
                };
            }
            let attribution = &attributed.attributions[rendering.report][rendering.attribution];
            let rendering_speaker = attribution
                .speaker
                .as_ref()
                .map(|s| crate::text::fold(&s.mention.text));
            // Two ways of naming the speaker are interchangeable only when they name one person.
            let speakers = if rendering.speaker.is_some() && rendering.speaker == reference.speaker
            {
                Speakers {
                    reference: reference_speaker.as_deref(),
                    rendering: rendering_speaker.as_deref(),
                }
            } else {
                Speakers::default()
            };
            let reading = Reading {
                speakers,
                translated: claim.translated,
            };
            diff(
                &reference_report.text,
                (&scope, focus.clone()),
                &report.text,
                &wording,
                reading,
            )
        })
        .collect();
    if claim.translated {
        mark_other_translations(claim, attributed.reports, &mut diffs);
    }
    let variants = variants(claim, &diffs, attributed.reports);
    Comparison {
        claim: claim.id.clone(),
        diffs,
        variants,
    }
}

/// Compare any words of a report (`text`, `pieces`) with the rendering `index`
/// of `claim`, as `compare` compares a claim's renderings with its reference:
/// how an unattributed sentence or a quote from another event reads against it.
pub fn against(
    claim: &Claim,
    index: usize,
    attributed: Attributed<'_>,
    text: &str,
    pieces: &[Span],
) -> Diff {
    against_words(claim, index, attributed, text, &Wording::new(text, pieces))
}

/// `against`, given the words of `text` to compare (`Wording::new(text,
/// pieces)`): for a caller that compares the same words with many claims.
pub fn against_words(
    claim: &Claim,
    index: usize,
    attributed: Attributed<'_>,
    text: &str,
    words: &Wording,
) -> Diff {
    let reference = &claim.renderings[index];
    let reference_report = &attributed.reports[reference.report];
    let reference_attribution = &attributed.attributions[reference.report][reference.attribution];
    let scope = Wording::new(
        &reference_report.text,
        &scope(reference_attribution, &reference.pieces),
    );
    let reading = Reading {
        speakers: Speakers::default(),
        translated: claim.translated,
    };
    let focus = focus(&scope, reference.extent());
    diff(
        &reference_report.text,
        (&scope, focus),
        text,
        words,
        reading,
    )
}

/// The words of `scope` (a reference's sentence) that the reference rendering
/// itself is made of, at `extent`: a rendering is looked for there first.
fn focus(scope: &Wording, extent: Span) -> Range<usize> {
    let start = scope
        .words
        .partition_point(|w| w.span.start() < extent.start());
    let end = scope
        .words
        .partition_point(|w| w.span.start() < extent.end());
    start..end.max(start)
}

/// How a rendering is read against the reference: how the two name the
/// speaker, and whether the speaker's words are translated.
#[derive(Clone, Copy, Default)]
struct Reading<'a> {
    speakers: Speakers<'a>,
    translated: bool,
}

/// Where a rendering is looked for in the reference: its whole sentence, and
/// any piece of it outside that sentence (a quote over several paragraphs);
/// for a quote split around its frame, never what stands between the pieces
/// (`"A?" Clinton said at a rally. "B."`), which no rendering of the quote
/// carries. (A readout's own frame stays: outlets quote it, `The Secretary
/// underscored ...`.)
fn scope(attribution: &Attribution, pieces: &[Span]) -> Vec<Span> {
    let (start, end) = (attribution.sentence.start(), attribution.sentence.end());
    let mut ranges: Vec<Span> = pieces
        .iter()
        .filter(|p| p.end() <= start || p.start() >= end)
        .copied()
        .collect();
    let mut from = start;
    if attribution.kind == Kind::Direct {
        for gap in attribution.content.quoted.windows(2) {
            let cut = gap[0].end().max(start)..gap[1].start().min(end);
            if cut.start >= cut.end {
                continue;
            }
            if cut.start > from {
                ranges.push(Span::new(from, cut.start));
            }
            from = from.max(cut.end);
        }
    }
    if end > from {
        ranges.push(Span::new(from, end));
    }
    ranges.sort_by_key(|r| r.start());
    ranges
}

/// Diff one rendering's words against the best-matching stretch of the reference.
fn diff(
    reference_text: &str,
    (scope, focus): (&Wording, Range<usize>),
    text: &str,
    wording: &Wording,
    reading: Reading<'_>,
) -> Diff {
    let translated = reading.translated;
    // Where words recur in the reference's sentence (`say good luck and ...,
    // so good luck mate`), the stretch that renders this claim is the one
    // meant: the whole sentence is taken only where it matches better.
    // (Most references are their whole sentence: then it is aligned once.)
    let whole = focus.start == 0 && focus.end == scope.len();
    let within = (!whole)
        .then(|| local::align(&wording.words, &scope.words[focus.clone()]))
        .flatten()
        .map(|mut found| {
            found.b = found.b.start + focus.start..found.b.end + focus.start;
            found
        });
    let anywhere = local::align(&wording.words, &scope.words);
    let found = match (within, anywhere) {
        (Some(within), Some(anywhere))
            if (anywhere.content, anywhere.matched) > (within.content, within.matched) =>
        {
            Some(anywhere)
        }
        (within, anywhere) => within.or(anywhere),
    };
    let Some(found) = found else {
        return Diff {
            label: Label::Paraphrase,
            similarity: 0.0,
            window: None,
            changes: Vec::new(),
            pieces: vec![Piece {
                tag: Tag::Added,
                text: joined_text(text, &wording.words),
            }],
        };
    };
    // A few words of the rendering outside the matched stretch stand for as many
    // reference words around it (`The United States` before `should stop`
    // stands for `that the US`): the window grows by as many on each side. A
    // longer unmatched stretch is the rendering's own addition, paired with nothing.
    let before = found.a.start.min(found.b.start).min(WINDOW_GROWTH);
    let after = (wording.len() - found.a.end)
        .min(scope.len() - found.b.end)
        .min(WINDOW_GROWTH);
    // Words of the rendering that are the reference's next ones written
    // together (`ofeverything` for `of everything`) take one more of them in.
    let joined = |new: &[Word], old: &[Word]| {
        let (new, old): (Vec<&Word>, Vec<&Word>) = (new.iter().collect(), old.iter().collect());
        !new.is_empty() && written_alike(&old, &new)
    };
    let room_before = found.b.start > before
        && joined(
            &wording.words[found.a.start - before..found.a.start],
            &scope.words[found.b.start - before - 1..found.b.start],
        );
    let room_after = found.b.end + after < scope.len()
        && joined(
            &wording.words[found.a.end..found.a.end + after],
            &scope.words[found.b.end..found.b.end + after + 1],
        );
    // And the reference's words written together (`She's` for tokenised
    // `She ' s`) stand for more of the rendering's: one fewer of them.
    let tighter_before = !room_before
        && before > 1
        && joined(
            &scope.words[found.b.start - before + 1..found.b.start],
            &wording.words[found.a.start - before..found.a.start],
        );
    let tighter_after = !room_after
        && after > 1
        && joined(
            &scope.words[found.b.end..found.b.end + after - 1],
            &wording.words[found.a.end..found.a.end + after],
        );
    let window = found.b.start - before - usize::from(room_before) + usize::from(tighter_before)
        ..found.b.end + after + usize::from(room_after) - usize::from(tighter_after);
    let old: Vec<&Word> = scope.words[window.clone()].iter().collect();
    let new: Vec<&Word> = wording.words.iter().collect();
    // Diffed in units: a word, or a phrase an equivalents group lists, so that
    // `security concerns` and `concerns on security issues` line up as one.
    let (old_units, new_units) = (units(&old), units(&new));
    let keys = |units: &[Unit]| units.iter().map(|u| u.key).collect::<Vec<_>>();
    let deadline = std::time::Instant::now().checked_add(DIFF_DEADLINE);
    let mut ops = similar::capture_diff_slices_deadline(
        Algorithm::Myers,
        &keys(&old_units),
        &keys(&new_units),
        deadline,
    );
    // Reference words dropped at either end only mean the window was drawn too
    // wide (a quote may stop short of its sentence): they are no difference.
    while ops.last().is_some_and(|op| op.tag() == DiffTag::Delete) {
        ops.pop();
    }
    if ops.first().is_some_and(|op| op.tag() == DiffTag::Delete) {
        ops.remove(0);
    }
    let words_of = |units: &[Unit], range: Range<usize>| match (
        units.get(range.start),
        range.end.checked_sub(1).and_then(|e| units.get(e)),
    ) {
        (Some(a), Some(b)) if range.start < range.end => a.words.start..b.words.end,
        (Some(a), _) => a.words.start..a.words.start,
        _ => units.last().map_or(0..0, |u| u.words.end..u.words.end),
    };
    let window = match (ops.first(), ops.last()) {
        (Some(first), Some(last)) => {
            let words = words_of(&old_units, first.old_range().start..last.old_range().end);
            window.start + words.start..window.start + words.end
        }
        _ => window,
    };
    let mut changes = Vec::new();
    let mut pieces = Vec::new();
    let mut equal_words = 0;
    // Changes within equal runs (punctuation, listed phrases) are over words
    // already counted as equal.
    let mut within_equal: Vec<usize> = Vec::new();
    for op in &ops {
        let (tag, ou, nu) = op.as_tag_tuple();
        let o = &old[words_of(&old_units, ou.clone())];
        let n = &new[words_of(&new_units, nu.clone())];
        if tag == DiffTag::Equal {
            equal_words += n.len();
            push_piece(&mut pieces, Tag::Same, text, n);
            let first_change = changes.len();
            for (a, b) in old_units[ou].iter().zip(&new_units[nu]) {
                let (a, b) = (&old[a.words.clone()], &new[b.words.clone()]);
                if folded(a) != folded(b) {
                    changes.push(change(ChangeClass::Synonym, reference_text, a, text, b));
                } else if !same_surface(reference_text, a, text, b) {
                    changes.push(change(ChangeClass::Punctuation, reference_text, a, text, b));
                }
            }
            within_equal.extend(first_change..changes.len());
            continue;
        }
        push_piece(&mut pieces, Tag::Removed, reference_text, o);
        push_piece(&mut pieces, Tag::Added, text, n);
        let elided = tag == DiffTag::Delete
            && ellipsis_before(text, &wording.words, words_of(&new_units, nu).start);
        let class = if elided {
            ChangeClass::Elided
        } else if in_brackets(text, n) || in_brackets(reference_text, o) {
            ChangeClass::Bracketed
        } else {
            classify(o, n, reading.speakers)
        };
        changes.push(change(class, reference_text, o, text, n));
    }
    mark_reordered(&mut changes);
    let faithful_words: usize = changes
        .iter()
        .enumerate()
        .filter(|(i, c)| c.class.is_faithful(translated) && !within_equal.contains(i))
        .map(|(_, c)| Wording::of(&c.new).len())
        .sum();
    let similarity =
        (equal_words + faithful_words) as f64 / window.len().max(new.len()).max(1) as f64;
    let label = label(&changes, similarity, translated);
    let window = scope.bytes(window);
    Diff {
        label,
        similarity,
        window,
        changes,
        pieces,
    }
}

/// How a rendering with these changes and this similarity relates to the reference.
fn label(changes: &[Change], similarity: f64, translated: bool) -> Label {
    // The reference's words, some dropped and nothing else changed: a cut
    // version of them (`unfair scrutiny` for `unfair public
    // scrutiny`), however short, while it keeps most of the stretch.
    let cut = changes.iter().all(|c| {
        c.new.is_empty() || matches!(c.class, ChangeClass::Punctuation | ChangeClass::Elided)
    }) && similarity >= CUT_SIMILARITY;
    // One word put for another and the rest kept (`Good luck, man` for `good
    // luck mate`): a version of the words however short they are, where a
    // share of words alone would call three words with one changed a paraphrase.
    // (Not in translated speech: there a word is the translator's choice.)
    let mut altering = changes.iter().filter(|c| !c.class.is_faithful(translated));
    let one_word_changed = matches!(
        (altering.next(), altering.next()),
        (Some(c), None) if Wording::of(&c.old).len() == 1 && Wording::of(&c.new).len() == 1
    ) && similarity > CUT_SIMILARITY
        && !translated;
    if changes.iter().all(|c| c.class == ChangeClass::Punctuation) {
        Label::Same
    } else if similarity < PARAPHRASE_BELOW && !cut && !one_word_changed {
        Label::Paraphrase
    } else if changes.iter().all(|c| c.class.is_faithful(translated)) {
        Label::Translation
    } else {
        Label::Altered
    }
}

/// In translated speech, a word or phrase put in place of the reference's
/// whose words another report's translation of the statement has too is a
/// translator's choice, not the outlet's change. (A change of meaning stays
/// what it is, and so do words found in no other rendering.)
fn mark_other_translations(claim: &Claim, reports: &[Report], diffs: &mut [Diff]) {
    let words = renderings_words(claim, reports);
    for (i, diff) in diffs.iter_mut().enumerate() {
        mark_translators_choices(&words, claim.renderings[i].report, diff);
    }
}

/// `mark_other_translations` for words of report `report` compared with a
/// rendering of a translated claim (`against`): quoted words of reported
/// speech read against another outlet's quote.
pub fn with_other_translations(
    claim: &Claim,
    reports: &[Report],
    report: usize,
    mut diff: Diff,
) -> Diff {
    if claim.translated {
        mark_translators_choices(&renderings_words(claim, reports), report, &mut diff);
    }
    diff
}

/// Each rendering's report and folded words.
fn renderings_words(claim: &Claim, reports: &[Report]) -> Vec<(usize, HashSet<String>)> {
    claim
        .renderings
        .iter()
        .map(|r| {
            let wording = Wording::new(&reports[r.report].text, &r.pieces);
            let folded = wording.words.iter().map(|w| w.folded.to_string()).collect();
            (r.report, folded)
        })
        .collect()
}

/// Mark as `Retranslated` the changes of `diff` (of a rendering in `report`)
/// whose words another report's rendering has.
fn mark_translators_choices(words: &[(usize, HashSet<String>)], report: usize, diff: &mut Diff) {
    let elsewhere = |word: &str| {
        words
            .iter()
            .any(|(r, set)| *r != report && set.contains(word))
    };
    let mut marked = false;
    for c in diff.changes.iter_mut().filter(|c| is_translators_choice(c)) {
        let new = Wording::of(&c.new);
        let content: Vec<&Word> = new.words.iter().filter(|w| w.content).collect();
        if !content.is_empty() && content.iter().all(|w| elsewhere(&w.folded)) {
            c.class = ChangeClass::Retranslated;
            marked = true;
        }
    }
    if marked && diff.label == Label::Altered {
        diff.label = label(&diff.changes, diff.similarity, true);
    }
}

/// A short replacement or addition of ordinary words: what two translators
/// may both choose.
fn is_translators_choice(change: &Change) -> bool {
    matches!(
        change.class,
        ChangeClass::Substitution | ChangeClass::Insertion
    ) && Wording::of(&change.old)
        .len()
        .max(Wording::of(&change.new).len())
        <= TRANSLATORS_CHOICE
}

/// Whether `words` of `text` stand between square brackets: an editor's
/// words for the speaker's (`[The police] have a hard time` for `They have a
/// hard time`), no change of what was said.
fn in_brackets(text: &str, words: &[&Word]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let before = text[..first.span.start()].trim_end();
    let after = text[last.span.end()..].trim_start();
    before.ends_with('[') && after.starts_with(']')
}

fn change(
    class: ChangeClass,
    old_text: &str,
    old: &[&Word],
    new_text: &str,
    new: &[&Word],
) -> Change {
    let range = |words: &[&Word]| match (words.first(), words.last()) {
        (Some(a), Some(b)) => Some(a.span.to(b.span)),
        _ => None,
    };
    let (old_range, new_range) = (range(old), range(new));
    let slice = |text: &str, r: Option<Span>| r.map_or("", |r| r.of(text)).to_string();
    Change {
        class,
        old: slice(old_text, old_range),
        old_range,
        new: slice(new_text, new_range),
        new_range,
    }
}

/// Content words dropped in one place and added in another were moved, not
/// changed (`European security mechanism`, `mechanism for European security`).
fn mark_reordered(changes: &mut [Change]) {
    let content = |s: &str| {
        let wording = Wording::of(s);
        wording
            .words
            .into_iter()
            .filter(|w| w.content)
            .map(|w| w.folded.to_string())
            .collect::<Vec<_>>()
    };
    let dropped: HashSet<String> = changes.iter().flat_map(|c| content(&c.old)).collect();
    let added: HashSet<String> = changes.iter().flat_map(|c| content(&c.new)).collect();
    for c in changes
        .iter_mut()
        .filter(|c| !c.class.is_faithful(true) && !c.class.is_meaning_bearing())
    {
        let moved = |side: &str, other: &HashSet<String>| {
            let words = content(side);
            !words.is_empty() && words.iter().all(|w| other.contains(w))
        };
        let only_moved = match (c.old.is_empty(), c.new.is_empty()) {
            (true, false) => moved(&c.new, &dropped),
            (false, true) => moved(&c.old, &added),
            _ => false,
        };
        if only_moved {
            c.class = ChangeClass::Reordered;
        }
    }
}

/// Whether two runs of the same words are also printed the same, case and the
/// punctuation between them included (white space aside).
fn same_surface(old_text: &str, old: &[&Word], new_text: &str, new: &[&Word]) -> bool {
    let printed = |text: &str, words: &[&Word]| match (words.first(), words.last()) {
        (Some(a), Some(b)) => text
            .get(a.span.to(b.span).range())
            .unwrap_or("")
            .split_whitespace()
            .collect::<String>(),
        _ => String::new(),
    };
    printed(old_text, old) == printed(new_text, new)
}

/// Whether the rendering marks an omission (`...`, `…`) just before word `at`.
fn ellipsis_before(text: &str, words: &[Word], at: usize) -> bool {
    let start = at
        .checked_sub(1)
        .and_then(|p| words.get(p))
        .map_or(0, |w| w.span.end());
    let end = words.get(at).map_or(text.len(), |w| w.span.start());
    text.get(start..end)
        .is_some_and(|gap| gap.contains("...") || gap.contains('\u{2026}'))
}

fn push_piece(pieces: &mut Vec<Piece>, tag: Tag, text: &str, words: &[&Word]) {
    if words.is_empty() {
        return;
    }
    // As printed, punctuation between the words included (`anti-China`);
    // but where words were skipped between two of them (the cue between the
    // pieces of a split quote, `..." Clinton said. "...`), a space stands in.
    let mut shown = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let gap = text
                .get(words[i - 1].span.end()..word.span.start())
                .unwrap_or(" ");
            if gap.chars().any(char::is_alphanumeric) {
                shown.push(' ');
            } else {
                shown.push_str(gap);
            }
        }
        shown.push_str(word.span.of(text));
    }
    match pieces.last_mut() {
        Some(last) if last.tag == tag => {
            last.text.push(' ');
            last.text.push_str(&shown);
        }
        _ => pieces.push(Piece { tag, text: shown }),
    }
}

fn joined_text(text: &str, words: &[Word]) -> String {
    words
        .iter()
        .map(|w| w.span.of(text))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Group renderings by wording; the reference's wording first, then by size.
fn variants(claim: &Claim, diffs: &[Diff], reports: &[Report]) -> Vec<Variant> {
    let mut by_wording: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in claim.renderings.iter().enumerate() {
        let wording = Wording::new(&reports[r.report].text, &r.pieces);
        by_wording
            .entry(wording.folded(0..wording.len()))
            .or_default()
            .push(i);
    }
    let reference_wording = by_wording
        .iter()
        .find(|(_, v)| v.contains(&claim.reference))
        .map(|(w, _)| w.clone())
        .unwrap_or_default();
    let rank: HashMap<&String, usize> =
        by_wording.keys().enumerate().map(|(n, w)| (w, n)).collect();
    let mut variants: Vec<Variant> = by_wording
        .iter()
        .map(|(wording, renderings)| {
            let label = if *wording == reference_wording {
                Label::Reference
            } else {
                renderings
                    .iter()
                    .map(|&i| diffs[i].label)
                    .min()
                    .unwrap_or(Label::Paraphrase)
            };
            Variant {
                wording: wording.clone(),
                renderings: renderings.clone(),
                label,
            }
        })
        .collect();
    variants.sort_by_key(|v| {
        (
            v.label != Label::Reference,
            std::cmp::Reverse(v.renderings.len()),
            rank.get(&v.wording).copied(),
        )
    });
    variants
}
