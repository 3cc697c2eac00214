//! The `align` stage: the claims of one event. A claim is one statement as it
//! travels: every attribution, across the event's reports, that renders it.
//!
//! Attributions are taken primary sources first, then longest first, and each
//! joins the claims it shares a stretch of content words with (found by local
//! alignment, so a partial quote joins the longer rendering it is cut from, and
//! a quote that runs over two statements joins both). What joins nothing
//! starts a claim of its own.

mod offices;
mod reference;
mod speakers;

pub use offices::is_government_body;
pub(crate) use speakers::surname;

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::config::{Config, OutletKind};
use crate::corpus::Report;
use crate::events::Event;
use crate::extract::{Attribution, Kind};
use crate::text::local::{self, Matchable};
use crate::text::{Key, Span, Word, Wording, content_keys, shared_keys};

pub(crate) use speakers::parts as name_parts;
pub use speakers::{Names, is_place};

/// A rendering joins a claim when at least this share of the shorter one's
/// content words match.
const MIN_CONTAINMENT: f64 = 0.5;
/// Renderings credited to different people join only when this share of the
/// shorter one's content words match.
const OTHER_SPEAKERS_CONTAINMENT: f64 = 0.8;
/// And at least this many content words match (fewer when a wording is shorter).
pub(crate) const MIN_SHARED: usize = 3;
/// Reordered, a rendering must share this many content keys with a claim...
const MIN_SHARED_REORDERED: usize = 4;
/// ...and this share of the smaller one's keys.
const MIN_KEYS_SHARED_REORDERED: f64 = 0.6;
/// A sentence beside one that renders a claim joins it with this many content
/// words in line with another outlet's rendering (`join_neighbours`).
const MIN_SHARED_BESIDE: usize = 2;
/// A sentence of at most this many words is short (`short_and_alike`)...
const SHORT_SENTENCE_WORDS: usize = 12;
/// ...and renders another when this share of the longer's words are the other's.
const SHORT_SENTENCE_ALIKE: f64 = 0.6;
/// A rendering is compared with at most this many members of a claim: enough to
/// reach every wording, and a bound on the cost of a very large event.
const MAX_MEMBERS_COMPARED: usize = 16;

/// One statement as it travels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// `EVENT#N`, numbered in the order of the reference's position in the corpus.
    pub id: String,
    pub event: String,
    pub renderings: Vec<Rendering>,
    /// Index into `renderings` of the wording the others are compared with.
    pub reference: usize,
    /// Why that rendering is the reference.
    pub reference_is: ReferenceChoice,
    /// The speaker speaks another language than English: the renderings are
    /// translations, made independently, so interchangeable words and word
    /// order differ between faithful ones.
    pub translated: bool,
}

impl Claim {
    /// Whether renderings `a` and `b` are in one report: rules compare outlets,
    /// and a report set against itself is two of its own statements (or a
    /// misreading), not an outlet's divergence.
    pub fn in_one_report(&self, a: usize, b: usize) -> bool {
        self.renderings[a].report == self.renderings[b].report
    }
}

/// One attribution's rendering of a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rendering {
    /// Index into the corpus's reports.
    pub report: usize,
    /// Index into that report's attributions.
    pub attribution: usize,
    /// The words that render the claim, in the report's text.
    pub pieces: Vec<Span>,
    /// The speaker's event-wide name, when the speaker is a named person.
    pub speaker: Option<String>,
}

impl Rendering {
    /// From the first of its words to the last.
    pub fn extent(&self) -> Span {
        match (self.pieces.first(), self.pieces.last()) {
            (Some(first), Some(last)) => first.to(*last),
            _ => Span::default(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceChoice {
    /// From the speaker's own organisation (a foreign ministry for its minister).
    OwnOrganisation,
    /// From an outlet configured as `official`.
    PrimarySource,
    /// From a government body (a ministry, a department) not configured.
    OfficialBody,
    /// The wording most outlets print.
    MostCommon,
    /// The longest quote, when no two outlets print the same.
    MostComplete,
    /// The earliest rendering.
    Earliest,
}

impl ReferenceChoice {
    /// Whether the reference is the source's own publication (its
    /// organisation's, a configured primary source's, a government body's),
    /// not a newspaper's rendering chosen among others.
    pub fn is_source(self) -> bool {
        matches!(
            self,
            ReferenceChoice::OwnOrganisation
                | ReferenceChoice::PrimarySource
                | ReferenceChoice::OfficialBody
        )
    }
}

/// The reports and what extraction found in them: what align, compare and
/// the stages after them read a rendering's words from.
#[derive(Debug, Clone, Copy)]
pub struct Attributed<'a> {
    pub reports: &'a [Report],
    /// Per report (same indices as `reports`), its attributions.
    pub attributions: &'a [Vec<Attribution>],
}

/// A rendering being placed: one attribution's words.
struct Unit {
    report: usize,
    attribution: usize,
    /// Where the words were taken from.
    pieces: Vec<Span>,
    wording: Wording,
    /// Which of the attribution's statements (sentences of a quote) it is.
    statement: usize,
}

/// The claims of `event`: the entry point of the stage.
pub fn align(event: &Event, attributed: Attributed<'_>, config: &Config) -> Vec<Claim> {
    let Attributed {
        reports,
        attributions,
    } = attributed;
    // Looked up once per report: the sorts below ask it many times over.
    let primaries: FxHashSet<usize> = event
        .reports
        .iter()
        .copied()
        .filter(|&r| config.outlet_kind(&reports[r].outlet) == Some(OutletKind::Official))
        .collect();
    let primary = |r: usize| primaries.contains(&r);
    // Reports nearer the source than any newspaper though not configured: a
    // government body's publication, a company's press release. Read once
    // per report, not for each rendering of each claim.
    let bodies: FxHashSet<usize> = event
        .reports
        .iter()
        .copied()
        .filter(|&r| {
            offices::is_government_body(&reports[r].outlet)
                || crate::corpus::is_press_release(&reports[r].text)
        })
        .collect();
    let body = |r: usize| bodies.contains(&r);
    let mut units: Vec<Unit> = event
        .reports
        .iter()
        .flat_map(|&r| {
            attributions[r]
                .iter()
                .enumerate()
                // `condemned the bombing` names what was spoken about, not what was said.
                .filter(|(_, attribution)| attribution.content.proposition)
                .flat_map(move |(a, attribution)| {
                    statements(attribution, &reports[r].text)
                        .into_iter()
                        .enumerate()
                        .map(move |(statement, pieces)| {
                            let wording = Wording::new(&reports[r].text, &pieces);
                            Unit {
                                report: r,
                                attribution: a,
                                pieces,
                                wording,
                                statement,
                            }
                        })
                })
        })
        .filter(|u| u.wording.content_len() > 0)
        .collect();
    units.sort_by_key(|u| {
        let kind = attributions[u.report][u.attribution].kind;
        (
            !primary(u.report),
            kind == Kind::Fragment,
            std::cmp::Reverse(u.wording.content_len()),
            u.report,
            u.attribution,
        )
    });

    let names = Names::new(
        event
            .reports
            .iter()
            .flat_map(|&r| attributions[r].iter().filter_map(|a| a.speaker.as_ref())),
        config,
    );
    // Each unit's speaker, by the event-wide name of a named person.
    let speakers: Vec<Option<String>> = units
        .iter()
        .map(|u| {
            attributions[u.report][u.attribution]
                .speaker
                .as_ref()
                .and_then(|s| names.of(s, config))
        })
        .collect();
    // Members of each claim: (unit, the unit's words that render the claim).
    let mut members: Vec<Vec<(usize, Range<usize>)>> = Vec::new();
    // The content keys of each member's words, and what they offer to match
    // (`text::local::Matchable`), in the same order.
    // The count of content words of each member's words comes with them, counted once.
    let mut member_keys: Vec<Vec<(Vec<Key>, Matchable, usize)>> = Vec::new();
    // Which claims each content stem occurs in: a unit is aligned only with the
    // claims it shares enough stems with, never with every claim of the event.
    let mut by_key: FxHashMap<Key, Vec<usize>> = FxHashMap::default();
    for (u, unit) in units.iter().enumerate() {
        let mut joins: Vec<(usize, Range<usize>, usize)> = Vec::new();
        let keys = content_keys(&unit.wording.words);
        let unit_content = content_words(&unit.wording.words);
        for c in candidates(&keys, &by_key) {
            let claim = &members[c];
            let best = claim
                .iter()
                .zip(&member_keys[c])
                .take(MAX_MEMBERS_COMPARED)
                .filter_map(|((m, range), (theirs, matchable, member_content))| {
                    let member = &units[*m].wording.words[range.clone()];
                    let found = joins_claim(
                        (&unit.wording.words, &keys, unit_content),
                        (member, theirs, matchable, *member_content),
                    )?;
                    // Two people's words are one statement only when they are
                    // nearly the same words (one misattributed): two different
                    // statements of theirs share a topic's words.
                    let other_speaker = matches!(
                        (&speakers[u], &speakers[*m]),
                        (Some(a), Some(b)) if a != b
                    );
                    let shorter = unit_content.min(*member_content).max(1);
                    (!other_speaker
                        || found.1 as f64 / shorter as f64 >= OTHER_SPEAKERS_CONTAINMENT)
                        .then_some(found)
                })
                .max_by_key(|(range, shared)| (*shared, std::cmp::Reverse(range.start)));
            if let Some((range, shared)) = best {
                joins.push((c, range, shared));
            }
        }
        // The strongest matches first; a stretch of the unit renders one claim only.
        joins.sort_by_key(|(c, _, shared)| (std::cmp::Reverse(*shared), *c));
        let mut taken: Vec<(Range<usize>, usize)> = Vec::new();
        for (c, range, _) in joins {
            if taken
                .iter()
                .all(|(t, _)| t.end <= range.start || range.end <= t.start)
            {
                taken.push((range, c));
            }
        }
        if taken.is_empty() {
            taken.push((0..unit.wording.len(), members.len()));
            members.push(Vec::new());
            member_keys.push(Vec::new());
        }
        for (range, c) in cover(taken, unit.wording.len()) {
            let keys = content_keys(&unit.wording.words[range.clone()]);
            for key in &keys {
                let claims = by_key.entry(*key).or_default();
                if !claims.contains(&c) {
                    claims.push(c);
                }
            }
            let matchable = Matchable::of(&unit.wording.words[range.clone()]);
            let content = content_words(&unit.wording.words[range.clone()]);
            members[c].push((u, range));
            member_keys[c].push((keys, matchable, content));
        }
    }

    join_neighbours(&units, &mut members);

    // The people any report of the event describes as officials of a nation
    // that speaks another language: their words are translated wherever quoted.
    let translated_people: FxHashSet<String> = event
        .reports
        .iter()
        .flat_map(|&r| attributions[r].iter().filter_map(|a| a.speaker.as_ref()))
        .filter(|s| offices::speaks_other_language(s))
        .filter_map(|s| names.of(s, config))
        .collect();
    let mut claims: Vec<Claim> = members
        .into_iter()
        .filter(|claim| !claim.is_empty())
        .map(|claim| {
            let mut renderings: Vec<Rendering> = claim
                .into_iter()
                .map(|(u, range)| {
                    let unit = &units[u];
                    let speaker = attributions[unit.report][unit.attribution].speaker.as_ref();
                    Rendering {
                        report: unit.report,
                        attribution: unit.attribution,
                        pieces: pieces_within(unit, range),
                        speaker: speaker.and_then(|s| names.of(s, config)),
                    }
                })
                .collect();
            renderings.sort_by_key(|r| (r.report, r.attribution, r.pieces.first().copied()));
            let (reference, reference_is) =
                reference::choose(&renderings, attributed, (&primary, &body));
            let translated =
                renderings.iter().any(|r| {
                    r.speaker
                        .as_ref()
                        .is_some_and(|s| translated_people.contains(s))
                }) || reference::is_translated(&renderings, (reference, reference_is), attributed);
            Claim {
                id: String::new(),
                event: event.id.clone(),
                renderings,
                reference,
                reference_is,
                translated,
            }
        })
        .collect();
    claims.sort_by_key(|c| {
        let r = &c.renderings[c.reference];
        (r.report, r.pieces.first().copied())
    });
    for (n, claim) in claims.iter_mut().enumerate() {
        claim.id = format!("{}#{}", event.id, n + 1);
    }
    claims
}

/// A sentence of a quote that renders no other outlet's words on the
/// evidence `joins_claim` asks for, but whose neighbour in the same quote
/// renders a claim, joins that claim on less: outlets excerpt one speech
/// sentence by sentence, and a sentence reworded (`Now he can look forward to
/// a life in prison` for `which is what he has to look forward to the rest of
/// his life`) beside sentences that render the claim renders it too. Less is
/// `MIN_SHARED_BESIDE` content words lined up with another report's
/// rendering, and half of the sentence's own.
fn join_neighbours(units: &[Unit], members: &mut [Vec<(usize, Range<usize>)>]) {
    let mut claims_of: FxHashMap<(usize, usize, usize), Vec<usize>> = FxHashMap::default();
    for (c, claim) in members.iter().enumerate() {
        for (u, _) in claim {
            let unit = &units[*u];
            claims_of
                .entry((unit.report, unit.attribution, unit.statement))
                .or_default()
                .push(c);
        }
    }
    // In the order of the quotes' sentences, so that a run of them joins in turn.
    let mut alone: Vec<(usize, usize)> = members
        .iter()
        .enumerate()
        .filter(|(_, claim)| claim.len() == 1)
        .map(|(c, claim)| (claim[0].0, c))
        .collect();
    alone.sort_by_key(|&(u, _)| (units[u].report, units[u].attribution, units[u].statement));
    for (u, own) in alone {
        let unit = &units[u];
        let content = unit.wording.content_len();
        let beside = [unit.statement.checked_sub(1), Some(unit.statement + 1)];
        let mut neighbours: Vec<usize> = beside
            .into_iter()
            .flatten()
            .filter_map(|s| claims_of.get(&(unit.report, unit.attribution, s)))
            .flatten()
            .copied()
            .filter(|&c| c != own)
            .collect();
        neighbours.sort_unstable();
        neighbours.dedup();
        let best = neighbours
            .into_iter()
            .filter_map(|c| {
                let shared = members[c]
                    .iter()
                    .filter(|(m, _)| units[*m].report != unit.report)
                    .filter_map(|(m, range)| {
                        local::align(&unit.wording.words, &units[*m].wording.words[range.clone()])
                    })
                    .map(|found| found.content)
                    .max()?;
                (shared >= MIN_SHARED_BESIDE && 2 * shared >= content).then_some((shared, c))
            })
            .max_by_key(|&(shared, c)| (shared, std::cmp::Reverse(c)));
        if let Some((_, c)) = best
            && let Some(member) = members[own].pop()
        {
            members[c].push(member);
            let key = (unit.report, unit.attribution, unit.statement);
            claims_of.insert(key, vec![c]);
        }
    }
}

/// The claims a wording with content keys `keys` (stems, interchangeable
/// phrases) shares enough with to be worth aligning, in claim order.
fn candidates(keys: &[Key], by_key: &FxHashMap<Key, Vec<usize>>) -> Vec<usize> {
    let needed = shared_needed(keys.len());
    let mut shared: FxHashMap<usize, usize> = FxHashMap::default();
    for key in keys {
        for &c in by_key.get(key).map_or(&[][..], Vec::as_slice) {
            *shared.entry(c).or_default() += 1;
        }
    }
    let mut found: Vec<usize> = shared
        .into_iter()
        .filter(|&(_, n)| n >= needed)
        .map(|(c, _)| c)
        .collect();
    found.sort_unstable();
    found
}

/// How many content keys a wording with `keys` of them must share with a claim
/// to be aligned with it: three, or all of a shorter one's; two of three, so
/// that a short sentence can reach `short_and_alike`.
fn shared_needed(keys: usize) -> usize {
    match keys {
        0..=2 => keys.max(1),
        3 => 2,
        _ => MIN_SHARED,
    }
}

/// Stretch the matched parts of a rendering over all its words: each part from
/// where the one before it ends, the last to the end. The words around a match
/// (`The United States` before `should stop ...`) belong to the rendering too.
fn cover(mut parts: Vec<(Range<usize>, usize)>, len: usize) -> Vec<(Range<usize>, usize)> {
    parts.sort_by_key(|(r, _)| r.start);
    let count = parts.len();
    let mut start = 0;
    for (k, (range, _)) in parts.iter_mut().enumerate() {
        range.start = start;
        if k + 1 == count {
            range.end = len;
        }
        start = range.end;
    }
    parts
}

/// The words of an attribution that are compared: what is inside quote marks
/// for a direct quote or a fragment (with any speaker and cue the marks hold),
/// the content otherwise.
pub fn pieces(attribution: &Attribution) -> Vec<Span> {
    let spans = match attribution.kind {
        Kind::Direct | Kind::Fragment if !attribution.content.quoted.is_empty() => {
            &attribution.content.quoted
        }
        _ => &attribution.content.spans,
    };
    spans.clone()
}

/// The statements an attribution renders, each as where its words stand: a direct quote of several sentences renders each of them (outlets
/// excerpt a quote sentence by sentence, and one continues it where another
/// stops); any other attribution renders one.
pub(crate) fn statements(attribution: &Attribution, text: &str) -> Vec<Vec<Span>> {
    let pieces = pieces(attribution);
    if !matches!(attribution.kind, Kind::Direct | Kind::Mixed) {
        return vec![pieces];
    }
    let sentences = crate::text::sentences_of(text, &pieces);
    if sentences.len() > 1 {
        sentences
    } else {
        vec![pieces]
    }
}

/// If `unit` renders the statement `member` renders: the unit's words that do,
/// and how many content words they share. Either a stretch of the two lines up
/// word by word (local alignment: a partial quote, a quote over two statements),
/// or most of what they are about is shared in another order (a paraphrase that
/// reorders clauses: `Germany will contribute 174 million dollars` and `174
/// million dollars from Germany will go toward`): then all of the unit renders it.
/// Each side comes with its content keys (sorted, as `content_keys` gives them).
/// Each side also comes with its count of content words (`content_words`).
fn joins_claim(
    (unit, mine, unit_content): (&[Word], &[Key], usize),
    (member, theirs, matchable, member_content): (&[Word], &[Key], &Matchable, usize),
) -> Option<(Range<usize>, usize)> {
    let shorter = unit_content.min(member_content);
    let needed = MIN_SHARED.min(shorter).max(1);
    let enough = |content: usize| {
        content >= needed && content as f64 / shorter.max(1) as f64 >= MIN_CONTAINMENT
    };
    // Aligning costs a step per pair of words: skipped when even the bound falls short.
    if enough(local::content_bound(unit, matchable))
        && let Some(found) = local::align(unit, member)
        && enough(found.content)
    {
        return Some((found.a, found.content));
    }
    if short_and_alike(unit, member) {
        return Some((0..unit.len(), shorter));
    }
    let shared = shared_keys(mine, theirs);
    let smaller = mine.len().min(theirs.len()).max(1);
    (shared >= MIN_SHARED_REORDERED && shared as f64 / smaller as f64 >= MIN_KEYS_SHARED_REORDERED)
        .then_some((0..unit.len(), shared))
}

/// A short sentence has too few content words for the thresholds above:
/// `Somebody hit me in my back` and `Something hit me in my back` share two.
/// It renders the same statement when most of all its words, in order, are
/// the other's, and those hold two content words.
fn short_and_alike(unit: &[Word], member: &[Word]) -> bool {
    let longer = unit.len().max(member.len());
    if longer > SHORT_SENTENCE_WORDS {
        return false;
    }
    let keys = |words: &[Word]| words.iter().map(|w| w.folded_key).collect::<Vec<_>>();
    let (a, b) = (keys(unit), keys(member));
    let mut same = 0;
    let mut same_content = 0;
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b) {
        if let similar::DiffOp::Equal { old_index, len, .. } = op {
            same += len;
            same_content += unit[old_index..old_index + len]
                .iter()
                .filter(|w| w.content)
                .count();
        }
    }
    same_content >= 2 && same as f64 / longer as f64 >= SHORT_SENTENCE_ALIKE
}

/// How many of `words` are content words: counted once per unit and member,
/// not again for every pair of them compared.
fn content_words(words: &[Word]) -> usize {
    words.iter().filter(|w| w.content).count()
}

/// Where words `range` of a unit stand: one span for the words of each of
/// the unit's pieces (the halves of a split quote stay apart).
fn pieces_within(unit: &Unit, range: Range<usize>) -> Vec<Span> {
    let mut out: Vec<(Span, usize)> = Vec::new();
    for w in unit.wording.words.get(range).unwrap_or_default() {
        let piece = unit
            .pieces
            .iter()
            .position(|p| p.contains(w.span.start()))
            .unwrap_or(0);
        match out.last_mut() {
            Some(last) if last.1 == piece => last.0 = last.0.to(w.span),
            _ => out.push((w.span, piece)),
        }
    }
    out.into_iter().map(|(span, _)| span).collect()
}
