//! Which rendering of a claim the others are judged against: the most
//! complete verbatim rendering from the channel nearest the speaker. In that
//! order: the speaker's own organisation (a foreign ministry for its
//! minister, inferred from the role, no configuration needed), an outlet
//! configured as `official`, a government body (a ministry, a department),
//! then a direct quote (the wording most outlets
//! back, printing it or an excerpt of it; else the most complete), then any
//! rendering. A quote is never
//! judged against another outlet's paraphrase while a quote of it exists.

use std::collections::HashMap;

use super::offices;
use super::{Attributed, ReferenceChoice, Rendering};
use crate::extract::Kind;
use crate::text::Wording;

/// Past this many different wordings of a claim, which outlets back a wording
/// is counted by its exact words only: comparing each with each as excerpts
/// costs their number squared.
const MAX_WORDINGS_COMPARED: usize = 32;

/// The reference rendering of a claim, and why it is the one. `primary`
/// and `body` tell, by report, a configured official outlet and a source
/// not configured (a government body, a company's press release).
pub(super) fn choose(
    renderings: &[Rendering],
    attributed: Attributed<'_>,
    (primary, body): (&dyn Fn(usize) -> bool, &dyn Fn(usize) -> bool),
) -> (usize, ReferenceChoice) {
    let Attributed {
        reports,
        attributions,
    } = attributed;
    let earliest = |candidates: &mut dyn Iterator<Item = usize>| {
        candidates.min_by_key(|&i| {
            (
                reports[renderings[i].report].published,
                renderings[i].report,
                i,
            )
        })
    };
    // Each rendering's words, made once: the choice asks for them often.
    let wordings: Vec<Wording> = renderings
        .iter()
        .map(|r| Wording::new(&reports[r.report].text, &r.pieces))
        .collect();
    let words = |i: usize| &wordings[i];
    // How many of each rendering's words stand in brackets (an editor's).
    let bracketed: Vec<usize> = renderings
        .iter()
        .map(|r| {
            r.pieces
                .iter()
                .filter_map(|p| reports[r.report].text.get(p.range()))
                .map(words_in_brackets)
                .sum()
        })
        .collect();
    let bracketed_words = |i: usize| bracketed[i];
    let own = |i: usize| {
        let r = &renderings[i];
        attributions[r.report][r.attribution]
            .speaker
            .as_ref()
            .is_some_and(|s| offices::is_own_organisation(&reports[r.report].outlet, s))
    };
    let all = 0..renderings.len();
    // The most complete of the speaker's own organisation's renderings.
    if let Some(i) = all
        .clone()
        .filter(|&i| own(i))
        .max_by_key(|&i| (words(i).len(), std::cmp::Reverse(i)))
    {
        return (i, ReferenceChoice::OwnOrganisation);
    }
    if let Some(i) = earliest(&mut all.clone().filter(|&i| primary(renderings[i].report))) {
        return (i, ReferenceChoice::PrimarySource);
    }
    // A government body's rendering, its speaker's office unknown, or a
    // company's press release: nearer the source than any newspaper's.
    if let Some(i) = earliest(&mut all.clone().filter(|&i| body(renderings[i].report))) {
        return (i, ReferenceChoice::OfficialBody);
    }
    let quoted: Vec<usize> = all
        .clone()
        .filter(|&i| {
            let r = &renderings[i];
            attributions[r.report][r.attribution].kind == Kind::Direct
        })
        .collect();
    let quoted_only = !quoted.is_empty();
    let candidates = if quoted_only { quoted } else { all.collect() };
    let mut by_wording: HashMap<String, Vec<usize>> = HashMap::new();
    for &i in &candidates {
        let wording = words(i);
        by_wording
            .entry(wording.folded(0..wording.len()))
            .or_default()
            .push(i);
    }
    let mut groups: Vec<Vec<usize>> = by_wording.into_values().collect();
    groups.sort_unstable();
    // Renderings in one report are one outlet's wording, counted once.
    let outlets = |members: &mut dyn Iterator<Item = usize>| {
        let mut reports: Vec<usize> = members.map(|i| renderings[i].report).collect();
        reports.sort_unstable();
        reports.dedup();
        reports.len()
    };
    // An outlet backs a wording when it prints those words or an excerpt of
    // them: outlets cut one quote at different places, and agree on the words
    // they share. (Not a longer quote: the shortest excerpt would be backed
    // by every quote it is cut from, and judge them all as additions.)
    let folded: Vec<Vec<&str>> = groups
        .iter()
        .map(|g| words(g[0]).words.iter().map(|w| &*w.folded).collect())
        .collect();
    let compare_excerpts = groups.len() <= MAX_WORDINGS_COMPARED;
    let excerpt =
        |h: usize, g: usize| compare_excerpts && h != g && excerpt_of(&folded[h], &folded[g]);
    let printed_by =
        |h: usize, report: usize| groups[h].iter().any(|&i| renderings[i].report == report);
    // An outlet's excerpt backs no wording that its own fuller quote of the
    // same words contradicts (`productive` cut from its `candid, in-depth and
    // productive` does not back another outlet's `honest, in-depth and
    // productive`).
    let contradicted = |h: usize, g: usize, report: usize| {
        (0..groups.len()).any(|k| {
            k != g && printed_by(k, report) && excerpt(h, k) && !excerpt(k, g) && !excerpt(g, k)
        })
    };
    let backing = |g: usize| {
        outlets(
            &mut (0..groups.len())
                .filter(|&h| h == g || excerpt(h, g))
                .flat_map(|h| {
                    groups[h]
                        .iter()
                        .copied()
                        .filter(move |&i| h == g || !contradicted(h, g, renderings[i].report))
                }),
        )
    };
    let backed: Vec<usize> = (0..groups.len()).map(backing).collect();
    let largest = backed.iter().copied().max().unwrap_or(0);
    if largest > 1 {
        // Of the wordings most outlets back: one with no words put in brackets
        // (`[the Act]` stands for what the speaker said), the most complete,
        // the earliest.
        let edited = |g: usize| bracketed_words(groups[g][0]) > 0;
        let best = (0..groups.len())
            .filter(|&g| backed[g] == largest)
            .min_by_key(|&g| (edited(g), std::cmp::Reverse(folded[g].len())));
        if let Some(g) = best
            && let Some(i) = earliest(&mut groups[g].iter().copied())
        {
            return (i, ReferenceChoice::MostCommon);
        }
    }
    if !quoted_only {
        // The earliest report's fullest rendering: a word it quotes in one
        // sentence is no reference for the statement it gives in another.
        let first = earliest(&mut candidates.iter().copied()).unwrap_or(0);
        let report = renderings[first].report;
        let fullest = candidates
            .iter()
            .copied()
            .filter(|&i| renderings[i].report == report)
            .max_by_key(|&i| (words(i).len(), std::cmp::Reverse(i)))
            .unwrap_or(first);
        return (fullest, ReferenceChoice::Earliest);
    }
    // No wording shared: the most complete quote, which the shorter excerpts
    // fit in. Words an editor put in brackets are not the speaker's (`[The
    // police] have a hard time` is no more complete than `They have a hard
    // time`), and an unedited quote is preferred to an edited one as long.
    let speakers_words = |i: usize| words(i).len().saturating_sub(bracketed_words(i));
    let longest = candidates
        .iter()
        .map(|&i| speakers_words(i))
        .max()
        .unwrap_or(0);
    let most_complete: Vec<usize> = candidates
        .into_iter()
        .filter(|&i| speakers_words(i) == longest)
        .collect();
    let unedited = most_complete.iter().any(|&i| bracketed_words(i) == 0);
    (
        earliest(
            &mut most_complete
                .into_iter()
                .filter(|&i| !unedited || bracketed_words(i) == 0),
        )
        .unwrap_or(0),
        ReferenceChoice::MostComplete,
    )
}

/// How many words of a piece of a quote stand in square brackets. A piece
/// may start or stop inside them (`The police ] have ...`): words before a
/// lone `]` or after a lone `[` are bracketed too.
fn words_in_brackets(piece: &str) -> usize {
    let count = |t: &str| {
        t.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    let mut inside = match (piece.find('['), piece.find(']')) {
        (None, Some(_)) => true,
        (Some(open), Some(close)) => close < open,
        _ => false,
    };
    let mut total = 0;
    for (k, part) in piece.split(['[', ']']).enumerate() {
        if k > 0 {
            inside = !inside;
        }
        if inside {
            total += count(part);
        }
    }
    total
}

/// Whether a claim's speaker speaks another language than English, as its
/// renderings describe them (`Chinese Foreign Minister Wang Yi`, `Russia's
/// foreign ministry`) or as the speaker's own organisation publishes them.
pub(super) fn is_translated(
    renderings: &[Rendering],
    reference: (usize, ReferenceChoice),
    attributed: Attributed<'_>,
) -> bool {
    let (reference, choice) = reference;
    // A source that publishes in English what its officials said in another
    // language (a foreign ministry's English readout).
    let from_a_translating_source = choice.is_source()
        && renderings.get(reference).is_some_and(|r| {
            offices::outlet_speaks_other_language(&attributed.reports[r.report].outlet)
        });
    from_a_translating_source
        || renderings.iter().any(|r| {
            let attribution = &attributed.attributions[r.report][r.attribution];
            attribution.speaker.as_ref().is_some_and(|s| {
                offices::speaks_other_language(s)
                    || (offices::is_own_organisation(&attributed.reports[r.report].outlet, s)
                        && offices::outlet_speaks_other_language(
                            &attributed.reports[r.report].outlet,
                        ))
            })
        })
}

/// Whether `short` is a run of `long`'s words.
fn excerpt_of(short: &[&str], long: &[&str]) -> bool {
    !short.is_empty() && short.len() <= long.len() && long.windows(short.len()).any(|w| w == short)
}

#[cfg(test)]
mod tests {
    use super::words_in_brackets;

    #[test]
    fn words_in_brackets_are_counted_even_when_a_piece_starts_inside_them() {
        assert_eq!(words_in_brackets("The police ] have a hard time"), 2);
        assert_eq!(words_in_brackets("we should strengthen [ the Act ] now"), 2);
        assert_eq!(words_in_brackets("it would be [ Capaldi"), 1);
        assert_eq!(words_in_brackets("no brackets here"), 0);
    }
}
