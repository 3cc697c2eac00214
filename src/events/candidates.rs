//! Blocking: which pairs of reports are worth comparing. Never all pairs: two
//! reports are candidates when they share distinctive terms (an inverted index
//! of the rarer terms) and, when both are dated, were published within the window.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::profile::{Profile, similarity};

/// A term in more reports than this is too common to say two reports are about
/// the same happening, and too costly to pair up through.
const MIN_POSTINGS_CAP: usize = 64;
/// Each report keeps at most this many candidates, the most similar first.
const CANDIDATES_PER_REPORT: usize = 32;

/// Candidate pairs `(a, b, similarity)` with `a < b` and similarity at least
/// `min_similarity`, sorted.
pub fn pairs(
    profiles: &[Profile],
    window_days: Option<u32>,
    min_similarity: f32,
) -> Vec<(u32, u32, f32)> {
    let n = profiles.len();
    // Common terms are left out of the index; grows slowly with the corpus so that
    // a large event's names stay indexed.
    let cap = MIN_POSTINGS_CAP.max((n as f64).sqrt() as usize);
    let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (i, p) in profiles.iter().enumerate() {
        for &(term, _) in &p.terms {
            postings.entry(term).or_default().push(i as u32);
        }
    }
    postings.retain(|_, reports| reports.len() <= cap);
    let within_window = |a: &Profile, b: &Profile| match (window_days, a.day, b.day) {
        (Some(w), Some(x), Some(y)) => x.abs_diff(y) <= w,
        _ => true,
    };
    let mut pairs: Vec<(u32, u32, f32)> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0.0f32; n], Vec::<u32>::new()),
            |(score, touched), i| {
                let me = &profiles[i];
                for &(term, weight) in &me.terms {
                    for &j in postings.get(&term).map_or(&[][..], Vec::as_slice) {
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
                        let (a, b) = if (i as u32) < j {
                            (i as u32, j)
                        } else {
                            (j, i as u32)
                        };
                        (a, b, similarity(me, &profiles[j as usize]))
                    })
                    .filter(|&(_, _, s)| s >= min_similarity)
                    .collect::<Vec<_>>()
            },
        )
        .flatten()
        .collect();
    pairs.sort_by_key(|p| (p.0, p.1));
    pairs.dedup_by(|x, y| x.0 == y.0 && x.1 == y.1);
    pairs
}
