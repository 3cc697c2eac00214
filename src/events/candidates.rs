//! Blocking: which pairs of reports are worth comparing. Never all pairs: two
//! reports are candidates when they share distinctive terms or a principal
//! participant (inverted indexes of the rarer ones) and, when both are dated,
//! were published within the window.

use super::names::NameId;
use super::profile::Profile;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// A term in more reports than this is too common to say two reports are about
/// the same happening, and too costly to pair up through.
const MIN_POSTINGS_CAP: usize = 64;
/// Each report keeps at most this many candidates, the most similar first.
const CANDIDATES_PER_REPORT: usize = 32;

/// A shared principal counts in blocking as much as a shared term of this weight.
const PRINCIPAL_WEIGHT: f32 = 0.5;

/// Candidate pairs `(a, b, similarity)` with `a < b` and similarity at least
/// `min_similarity`, sorted. `terms` is how many term ids the profiles draw
/// from, `names` how many name ids the principals do.
pub fn pairs(
    profiles: &[Profile],
    terms: usize,
    principals: &[Box<[NameId]>],
    names: usize,
    window_days: Option<u32>,
    min_similarity: f32,
    similarity: impl Fn(usize, usize) -> f32 + Sync,
) -> Vec<(u32, u32, f32)> {
    let n = profiles.len();
    // Common terms are left out of the index; grows slowly with the corpus so that
    // a large event's names stay indexed.
    let cap = MIN_POSTINGS_CAP.max((n as f64).sqrt() as usize);
    let postings = Postings::new(
        profiles.iter().map(|p| p.terms.iter().map(|t| t.0)),
        terms,
        cap,
    );
    let people = Postings::new(principals.iter().map(|p| p.iter().copied()), names, cap);
    // A participant in too many reports to index alone (a president, in a
    // year of news) is indexed with each other participant it is named with:
    // two reports of the same two people are candidates in any language.
    let (couples, couple_ids) = couples(principals, &people);
    let duos = Postings::new(couples.iter().map(|c| c.iter().copied()), couple_ids, cap);
    let within_window = |a: &Profile, b: &Profile| match (window_days, a.day, b.day) {
        (Some(w), Some(x), Some(y)) => x.abs_diff(y) <= w,
        _ => true,
    };
    let mut candidates: Vec<(u32, u32)> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0.0f32; n], Vec::<u32>::new()),
            |(score, touched), i| {
                let me = &profiles[i];
                let terms = me.terms.iter().map(|&(t, w)| (&postings, t, w));
                let people = principals[i]
                    .iter()
                    .map(|&p| (&people, p, PRINCIPAL_WEIGHT));
                let duos = couples[i]
                    .iter()
                    .map(|&c| (&duos, c, 2.0 * PRINCIPAL_WEIGHT));
                for (index, key, weight) in terms.chain(people).chain(duos) {
                    for &j in index.of(key) {
                        if j as usize == i {
                            continue;
                        }
                        if score[j as usize] == 0.0 {
                            touched.push(j);
                        }
                        score[j as usize] += weight;
                    }
                }
                let mut found: Vec<(u32, f32)> = touched
                    .drain(..)
                    .map(|j| {
                        let s = std::mem::take(&mut score[j as usize]);
                        (j, s)
                    })
                    .filter(|&(j, _)| within_window(me, &profiles[j as usize]))
                    .collect();
                found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                found.truncate(CANDIDATES_PER_REPORT);
                found
                    .into_iter()
                    .map(|(j, _)| {
                        if (i as u32) < j {
                            (i as u32, j)
                        } else {
                            (j, i as u32)
                        }
                    })
                    .collect::<Vec<_>>()
            },
        )
        .flatten()
        .collect();
    // A pair is found from both its reports, mostly: compared once.
    candidates.par_sort_unstable();
    candidates.dedup();
    candidates
        .into_par_iter()
        .map(|(a, b)| (a, b, similarity(a as usize, b as usize)))
        .filter(|&(_, _, s)| s >= min_similarity)
        .collect()
}

/// Per report, the couples of its principals of which one is too common to
/// be indexed alone (`people` has no entry for it), as dense ids; and how many
/// ids there are.
fn couples(principals: &[Box<[NameId]>], people: &Postings) -> (Vec<Vec<u32>>, usize) {
    let mut ids: FxHashMap<(NameId, NameId), u32> = FxHashMap::default();
    let per_report = principals
        .iter()
        .map(|p| {
            let mut out = Vec::new();
            for (k, &a) in p.iter().enumerate() {
                for &b in &p[k + 1..] {
                    if a == b || !(people.of(a).is_empty() || people.of(b).is_empty()) {
                        continue;
                    }
                    let key = (a.min(b), a.max(b));
                    let next = ids.len() as u32;
                    out.push(*ids.entry(key).or_insert(next));
                }
            }
            out
        })
        .collect();
    (per_report, ids.len())
}

/// The inverted index: per term id, the reports (in order) whose profiles keep
/// it, in one flat array. A term kept by more than `cap` profiles has no entry:
/// it is never stored, not stored and then dropped.
struct Postings {
    /// Where each term's reports start in `reports`; one more entry than terms.
    starts: Vec<u32>,
    reports: Vec<u32>,
}

impl Postings {
    /// The index of each report's ids (`reports`, in report order), from `terms` ids.
    fn new<I, T>(reports: I, terms: usize, cap: usize) -> Postings
    where
        I: Iterator<Item = T> + Clone,
        T: Iterator<Item = u32>,
    {
        let mut counts = vec![0u32; terms];
        for p in reports.clone() {
            for term in p {
                counts[term as usize] += 1;
            }
        }
        let mut starts = Vec::with_capacity(terms + 1);
        let mut total = 0u32;
        starts.push(0);
        for count in &mut counts {
            if *count as usize > cap {
                *count = 0;
            }
            total += *count;
            starts.push(total);
        }
        // `counts` becomes each term's next free slot.
        for (count, &start) in counts.iter_mut().zip(&starts) {
            *count = start;
        }
        let mut postings = vec![0u32; total as usize];
        for (i, p) in reports.enumerate() {
            for term in p {
                let term = term as usize;
                if starts[term] == starts[term + 1] {
                    continue;
                }
                postings[counts[term] as usize] = i as u32;
                counts[term] += 1;
            }
        }
        Postings {
            starts,
            reports: postings,
        }
    }

    fn of(&self, term: u32) -> &[u32] {
        let term = term as usize;
        &self.reports[self.starts[term] as usize..self.starts[term + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_reports_of_the_same_two_people_are_paired_when_one_is_named_everywhere() {
        // A hundred reports name person 0 (too common to index alone), each
        // with someone else; reports 100 and 101 name 0 with person 1, in
        // two languages: no term in common.
        let mut principals: Vec<Box<[NameId]>> = (0..100)
            .map(|i| vec![0, 2 + i].into_boxed_slice())
            .collect();
        principals.push(vec![0, 1].into_boxed_slice());
        principals.push(vec![1, 0].into_boxed_slice());
        let profiles = vec![Profile::default(); principals.len()];
        let found = pairs(&profiles, 0, &principals, 102, None, 0.0, |_, _| 1.0);
        assert_eq!(found, [(100, 101, 1.0)]);
    }
}
