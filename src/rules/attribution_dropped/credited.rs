//! Statements other reports credit to a source in words that make them a
//! claim (an estimate, a supposition, an accusation, an unnamed source's
//! account), looked for in sentences that credit no one.
//!
//! The claim path of CC006 needs a sentence to render most of an aligned
//! claim's reference words. Real coverage rarely does: one outlet prints a
//! figure or a judgement in a clause of its own sentence (`a flaw that has
//! seen two million users hacked`) where another gives it as a source's
//! (`more than two million computers are believed to have been infected,
//! according to PC Magazine`). Here the other side is the attributed content
//! itself, and the match is looser but must share something distinctive.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::extract::{Attribution, CueClass};
use crate::text::{Key, Word, Wording, content_keys};

/// The least a sentence must share with a statement: this many content keys...
const MIN_SHARED: usize = 3;
/// ...making at least this share of the statement's (its hedges aside).
const MIN_COVERAGE: f64 = 0.6;
/// A run of words the two have in the same order must hold this many content
/// words, or one fewer when one of them is a number (`two million`).
const MIN_RUN: usize = 3;
/// A sentence holding all of a statement's content keys, at least this many,
/// needs a run of one word fewer.
const WHOLE_KEYS: usize = 4;

static STANCE: LazyLock<FxHashMap<&'static str, FxHashSet<&'static str>>> =
    LazyLock::new(|| crate::data::by_section(include_str!("../../../data/stance.txt")));

fn listed(section: &str, word: &str) -> bool {
    STANCE.get(section).is_some_and(|s| s.contains(word))
}

/// Whether a word makes what it is part of an estimate or a supposition.
pub(super) fn is_hedge(word: &Word) -> bool {
    listed("hedges", &word.folded)
}

fn is_number(word: &Word) -> bool {
    word.folded.starts_with(|c: char| c.is_ascii_digit())
        || crate::data::number_words().contains_key(word.folded.as_ref())
        || listed("scales", &word.folded)
}

/// Whether a word is, or ends, an amount large enough to be estimated rather
/// than counted: a scale (`two million`) or a figure of four digits or more.
/// A small count (`two children`) is a detail any report may give.
fn is_amount(word: &Word) -> bool {
    listed("scales", &word.folded) || word.folded.chars().filter(char::is_ascii_digit).count() >= 4
}

/// A statement another report credits as someone's claim.
pub(super) struct Credited<'a> {
    pub report: usize,
    /// Index into that report's attributions.
    pub index: usize,
    pub attribution: &'a Attribution,
    words: Wording,
    /// Its content keys, hedges left out: what a bare rendering carries.
    keys: Vec<Key>,
    /// When only a hedge in its words makes it a claim, the stems of the
    /// words hedged (`set` in `presumably set`): a sentence states the claim
    /// when it states those, or shares an amount with it, not when it shares
    /// only another clause (`while people were inside`).
    hedged: Option<Vec<u64>>,
}

/// Whether a speaker's mention names no one (`a friend of the actress`,
/// `one report`, `sources`).
fn is_unnamed(mention: &str) -> bool {
    let mention = Wording::of(mention);
    match mention.words.as_slice() {
        [only] => listed("unnamed-sources", &only.folded),
        [first, second, ..] => {
            listed("unnamed-by", &first.folded) && listed("unnamed-sources", &second.folded)
        }
        [] => false,
    }
}

/// Whether attribution `a` credits a claim in its own right: a hedged or
/// loaded cue (`estimated`, `claim`, `accuse`), or a speaker who is no one
/// named. A statement its speaker rejects or concedes is none: `None`; a
/// statement with neither is a claim only through a hedge in its words.
fn credits_a_claim(a: &Attribution) -> Option<bool> {
    let cue = a.cue.as_ref()?;
    let speaker = a.speaker.as_ref()?;
    if listed("not-claims", &cue.lemma) {
        return None;
    }
    Some(
        matches!(cue.class, CueClass::Hedged | CueClass::Loaded)
            || is_unnamed(&speaker.mention.text),
    )
}

/// Whether some word of `text` is a hedge, read without making its words.
fn mentions_a_hedge(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| !w.is_empty() && listed("hedges", &w.to_lowercase()))
}

/// The stems of the words hedges qualify: the first content word after each.
fn hedged_words(words: &[Word]) -> Vec<u64> {
    words
        .iter()
        .enumerate()
        .filter(|(_, w)| is_hedge(w))
        .filter_map(|(i, _)| {
            words[i + 1..]
                .iter()
                .find(|w| w.content && !is_hedge(w))
                .map(|w| w.stem_key)
        })
        .collect()
}

/// Whether a sentence ends as one (`.`, `?`, `!`, a closing quote mark): a
/// headline's telegraphic grammar (`Arson suspected in fire that ...`) gives
/// no frame to trust.
fn ends_a_sentence(text: &str, sentence: crate::text::Span) -> bool {
    text.get(sentence.range())
        .map(str::trim_end)
        .is_some_and(|t| t.ends_with(['.', '?', '!', '"', '\'', '\u{201d}', '\u{2019}']))
}

/// The claims the reports of `reports` credit, and an index from each content
/// key to the claims that have it.
pub(super) fn claims<'a>(
    reports: impl Iterator<Item = (usize, &'a str, &'a [Attribution])>,
) -> (Vec<Credited<'a>>, FxHashMap<Key, Vec<usize>>) {
    let mut credited = Vec::new();
    let mut by_key: FxHashMap<Key, Vec<usize>> = FxHashMap::default();
    for (report, text, attributions) in reports {
        for (index, attribution) in attributions.iter().enumerate() {
            if !attribution.content.proposition {
                continue;
            }
            let Some(in_its_right) = credits_a_claim(attribution) else {
                continue;
            };
            // Most statements are credited plainly: their words are read only
            // when a hedge may make them a claim.
            if !ends_a_sentence(text, attribution.sentence)
                || !(in_its_right || mentions_a_hedge(&attribution.content.text))
            {
                continue;
            }
            // A quotation of several sentences states each of them: one
            // outlet's sentence may hold the first of them alone.
            for pieces in crate::align::statements(attribution, text) {
                let words = Wording::new(text, &pieces);
                let hedged = (!in_its_right).then(|| hedged_words(&words.words));
                if hedged.as_ref().is_some_and(Vec::is_empty) {
                    continue;
                }
                let bare: Vec<Word> = words
                    .words
                    .iter()
                    .filter(|w| !is_hedge(w))
                    .cloned()
                    .collect();
                let keys = content_keys(&bare);
                if keys.len() < MIN_SHARED {
                    continue;
                }
                for key in &keys {
                    by_key.entry(*key).or_default().push(credited.len());
                }
                credited.push(Credited {
                    report,
                    index,
                    attribution,
                    words,
                    keys,
                    hedged,
                });
            }
        }
    }
    (credited, by_key)
}

/// The claim of another report that the words of a sentence of report
/// `report` state, if any: the one whose content keys the sentence covers
/// most, among those it shares a distinctive run of words with.
pub(super) fn stated<'c, 'a>(
    words: &Wording,
    report: usize,
    credited: &'c [Credited<'a>],
    by_key: &FxHashMap<Key, Vec<usize>>,
) -> Option<&'c Credited<'a>> {
    let keys = content_keys(&words.words);
    let mut shared: FxHashMap<usize, usize> = FxHashMap::default();
    for key in &keys {
        for &c in by_key.get(key).into_iter().flatten() {
            *shared.entry(c).or_default() += 1;
        }
    }
    let mut best: Option<(f64, usize, usize)> = None;
    for (c, n) in shared {
        let claim = &credited[c];
        let coverage = n as f64 / claim.keys.len() as f64;
        if claim.report == report || n < MIN_SHARED || coverage < MIN_COVERAGE {
            continue;
        }
        // Figures that differ make another statement: a sentence that trade
        // `was worth 150 billion` does not print bare a claim that it
        // `should reach 203 billion`.
        if other_figures(&words.words, &claim.words.words) {
            continue;
        }
        // A sentence that holds every content word of the statement, four
        // or more, may say it in another order (`is being supported in his
        // choice by his brothers and parents`, `his brothers and parents are
        // supportive of his choice`): a run of two in the same order is then
        // enough.
        let whole = n == claim.keys.len() && n >= WHOLE_KEYS;
        let min_run = if whole { MIN_RUN - 1 } else { MIN_RUN };
        let (run, amount) = common_run(&words.words, &claim.words.words, min_run);
        let states_the_hedged =
            |hedged: &Vec<u64>| amount || words.words.iter().any(|w| hedged.contains(&w.stem_key));
        if !claim.hedged.as_ref().is_none_or(states_the_hedged) {
            continue;
        }
        // Ties go to the earlier claim, so that the choice does not depend
        // on the order of a hash map.
        let better = best.is_none_or(|(bc, br, bi)| {
            (coverage, run, std::cmp::Reverse(c)) > (bc, br, std::cmp::Reverse(bi))
        });
        if run > 0 && better {
            best = Some((coverage, run, c));
        }
    }
    best.map(|(_, _, c)| &credited[c])
}

/// Whether both wordings give figures (`150`, `two`; a scale such as
/// `billion` says no figure) and share none of them.
fn other_figures(a: &[Word], b: &[Word]) -> bool {
    let figures = |words: &[Word]| -> Vec<u64> {
        words
            .iter()
            .filter(|w| {
                w.folded.starts_with(|c: char| c.is_ascii_digit())
                    || crate::data::number_words().contains_key(w.folded.as_ref())
            })
            .map(|w| w.folded_key)
            .collect()
    };
    let (a, b) = (figures(a), figures(b));
    !a.is_empty() && !b.is_empty() && !a.iter().any(|f| b.contains(f))
}

/// A run of words two wordings have in the same order, as far as read.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    content: usize,
    number: bool,
    amount: bool,
    plain: bool,
}

/// The content words of the longest run of words two wordings have in the
/// same order, if it is distinctive: `MIN_RUN` content words, or one fewer
/// with a number among them, and not all of them a name (`the Endangered
/// Species Act` is what a statement is about, not what it says); else 0.
/// And whether a distinctive run holds an amount (`is_amount`).
fn common_run(a: &[Word], b: &[Word], min_run: usize) -> (usize, bool) {
    // The run is of content words: the small words between them come and go
    // with the phrasing (`rule that weakened the Act`, `rule that weakened Act`).
    // A small word with a capital inside a sentence is a name (`WHO`, `US`).
    let counted = |words: &[Word]| -> Vec<(usize, Word)> {
        words
            .iter()
            .enumerate()
            .filter(|(i, w)| w.content || is_number(w) || (*i > 0 && w.capitalised))
            .map(|(i, w)| (i, w.clone()))
            .collect()
    };
    let (a, b) = (counted(a), counted(b));
    // A word is part of a name when both write it with a capital, unless it
    // opens the sentence, where every word has one.
    let named = |i: usize, j: usize| a[i].0 > 0 && a[i].1.capitalised && b[j].1.capitalised;
    let mut best = (0, false);
    // Of the run ending at each pair of words, one row kept: its content
    // words, and whether it holds a number, an amount, a word not of a name.
    let mut previous = vec![Run::default(); b.len() + 1];
    let mut current = previous.clone();
    for (i, (_, word)) in a.iter().enumerate() {
        for (j, (_, other)) in b.iter().enumerate() {
            current[j + 1] = if word.folded == other.folded {
                let run = previous[j];
                Run {
                    content: run.content + 1,
                    number: run.number || is_number(word),
                    amount: run.amount || is_amount(word),
                    plain: run.plain || !named(i, j),
                }
            } else {
                Run::default()
            };
            let run = current[j + 1];
            if run.plain && (run.content >= min_run || (run.number && run.content + 1 >= min_run)) {
                best = (best.0.max(run.content), best.1 || run.amount);
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    best
}
