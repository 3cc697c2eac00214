//! Average-link clustering over the candidate pairs: two groups merge when the
//! mean similarity over all their pairs of reports (a pair never compared counts
//! as 0) reaches the threshold. One bridging report cannot chain two events
//! together, as it would with single-link (connected components).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// A possible merge, ordered by mean similarity (then by ids, for a stable order).
#[derive(Debug, PartialEq)]
struct Merge {
    mean: f32,
    a: u32,
    b: u32,
    /// The sizes of `a` and `b` when this was computed: stale if either changed.
    sizes: (u32, u32),
}

impl Eq for Merge {}

impl PartialOrd for Merge {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Merge {
    fn cmp(&self, other: &Self) -> Ordering {
        self.mean
            .total_cmp(&other.mean)
            .then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
    }
}

/// Groups of the `n` items (each sorted, groups in order of their first item),
/// from `pairs` `(a, b, similarity)`, merging while the mean similarity of the
/// best pair of groups is at least `threshold`.
#[cfg(test)]
pub fn average_link(n: usize, pairs: &[(u32, u32, f32)], threshold: f32) -> Vec<Vec<u32>> {
    let keys = Keyed {
        keys: vec![(); n],
        merge: |_: &mut (), _: ()| {},
        apart: |_: &(), _: &()| None::<()>,
    };
    average_link_keyed(pairs, threshold, keys).groups
}

/// What each item says about itself, how two groups' sayings combine, and
/// when two groups must stay apart whatever their similarity.
#[derive(Debug)]
pub struct Keyed<K, M, A> {
    pub keys: Vec<K>,
    pub merge: M,
    pub apart: A,
}

/// The groups, and the merges refused: `(group, group, why, mean similarity)`,
/// indices into `groups`, the best refusal per pair of groups.
#[derive(Debug)]
pub struct Clustering<R> {
    pub groups: Vec<Vec<u32>>,
    pub kept_apart: Vec<(usize, usize, R, f32)>,
}

/// [`average_link`] where a merge that `apart` gives a reason against does not
/// happen: the reason is kept, to say why the groups stayed apart.
pub fn average_link_keyed<K, R, M, A>(
    pairs: &[(u32, u32, f32)],
    threshold: f32,
    keyed: Keyed<K, M, A>,
) -> Clustering<R>
where
    M: Fn(&mut K, K),
    A: Fn(&K, &K) -> Option<R>,
    K: Default,
{
    let Keyed {
        mut keys,
        merge,
        apart,
    } = keyed;
    let n = keys.len();
    // For each group, the summed similarity to each neighbouring group.
    let mut links: Vec<FxHashMap<u32, f32>> = vec![FxHashMap::default(); n];
    for &(a, b, s) in pairs {
        *links[a as usize].entry(b).or_default() += s;
        *links[b as usize].entry(a).or_default() += s;
    }
    let mut members: Vec<Vec<u32>> = (0..n as u32).map(|i| vec![i]).collect();
    // Where a merged group went, to find the groups of refused merges at the end.
    let mut merged_into: Vec<u32> = (0..n as u32).collect();
    let mut refused: Vec<(u32, u32, R, f32)> = Vec::new();
    let size = |members: &Vec<Vec<u32>>, g: u32| members[g as usize].len() as u32;
    // The merges of single items are all known at the start: sorted once (in
    // parallel, best last), they are taken from the end, and only the merges
    // that merging makes go through the heap. Both give the best first, in
    // the same order as one heap of everything: `Merge`s of distinct pairs
    // never tie, and two of one pair (one of them stale) are skipped alike
    // in either order.
    let mut initial: Vec<Merge> = pairs
        .par_iter()
        .filter(|p| p.2 >= threshold)
        .map(|&(a, b, s)| Merge {
            mean: s,
            a,
            b,
            sizes: (1, 1),
        })
        .collect();
    initial.par_sort_unstable();
    let mut heap: BinaryHeap<Merge> = BinaryHeap::new();
    let mut next = |heap: &mut BinaryHeap<Merge>| match (initial.last(), heap.peek()) {
        (Some(first), Some(made)) if made > first => heap.pop(),
        (Some(_), _) => initial.pop(),
        (None, _) => heap.pop(),
    };
    while let Some(Merge { mean, a, b, sizes }) = next(&mut heap) {
        if mean < threshold {
            break;
        }
        if members[a as usize].is_empty()
            || members[b as usize].is_empty()
            || sizes != (size(&members, a), size(&members, b))
        {
            continue;
        }
        if let Some(why) = apart(&keys[a as usize], &keys[b as usize]) {
            refused.push((a, b, why, mean));
            continue;
        }
        let (a_size, b_size) = (members[a as usize].len(), members[b as usize].len());
        // Merge the smaller group into the larger one.
        let (keep, gone) = if a_size >= b_size { (a, b) } else { (b, a) };
        let moved = std::mem::take(&mut members[gone as usize]);
        members[keep as usize].extend(moved);
        merged_into[gone as usize] = keep;
        let gone_keys = std::mem::take(&mut keys[gone as usize]);
        merge(&mut keys[keep as usize], gone_keys);
        let gone_links = std::mem::take(&mut links[gone as usize]);
        links[keep as usize].remove(&gone);
        for (other, sum) in gone_links {
            if other == keep {
                continue;
            }
            *links[keep as usize].entry(other).or_default() += sum;
            let theirs = &mut links[other as usize];
            theirs.remove(&gone);
            *theirs.entry(keep).or_default() += sum;
        }
        let keep_size = size(&members, keep);
        for (&other, &sum) in &links[keep as usize] {
            let other_size = size(&members, other);
            let mean = sum / (keep_size as f32 * other_size as f32);
            if mean >= threshold {
                let (x, y, sizes) = if keep < other {
                    (keep, other, (keep_size, other_size))
                } else {
                    (other, keep, (other_size, keep_size))
                };
                heap.push(Merge {
                    mean,
                    a: x,
                    b: y,
                    sizes,
                });
            }
        }
    }
    let root = |mut g: u32| {
        while merged_into[g as usize] != g {
            g = merged_into[g as usize];
        }
        g
    };
    let mut groups: Vec<Vec<u32>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.sort_by_key(|g| g[0]);
    // Each item's group, to name the groups a refusal kept apart.
    let mut group_of = vec![0usize; n];
    for (i, g) in groups.iter().enumerate() {
        for &m in g {
            group_of[m as usize] = i;
        }
    }
    let mut kept_apart: Vec<(usize, usize, R, f32)> = Vec::new();
    for (a, b, why, mean) in refused {
        let (x, y) = (group_of[root(a) as usize], group_of[root(b) as usize]);
        if x == y {
            continue;
        }
        let (x, y) = (x.min(y), x.max(y));
        match kept_apart.iter_mut().find(|k| k.0 == x && k.1 == y) {
            Some(k) if k.3 >= mean => {}
            Some(k) => *k = (x, y, why, mean),
            None => kept_apart.push((x, y, why, mean)),
        }
    }
    kept_apart.sort_by_key(|k| (k.0, k.1));
    Clustering { groups, kept_apart }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bridging_item_does_not_chain_two_groups() {
        // 0-1-2 are one event, 4-5-6 another; 3 is similar to one of each.
        let pairs = [
            (0, 1, 0.9),
            (0, 2, 0.9),
            (1, 2, 0.9),
            (4, 5, 0.9),
            (4, 6, 0.9),
            (5, 6, 0.9),
            (2, 3, 0.6),
            (3, 4, 0.6),
        ];
        let groups = average_link(7, &pairs, 0.3);
        assert_eq!(groups, [vec![0, 1, 2], vec![3], vec![4, 5, 6]]);
    }

    #[test]
    fn a_refused_merge_keeps_two_groups_apart_and_says_why() {
        let pairs = [(0, 1, 0.9), (1, 2, 0.5), (0, 2, 0.5)];
        let keyed = Keyed {
            keys: vec![1, 1, 2],
            merge: |a: &mut i32, b: i32| *a = (*a).max(b),
            apart: |a: &i32, b: &i32| (a != b).then_some("differ"),
        };
        let found = average_link_keyed(&pairs, 0.3, keyed);
        assert_eq!(found.groups, [vec![0, 1], vec![2]]);
        assert_eq!(found.kept_apart.len(), 1);
        assert_eq!(
            (
                found.kept_apart[0].0,
                found.kept_apart[0].1,
                found.kept_apart[0].2
            ),
            (0, 1, "differ")
        );
    }

    #[test]
    fn nothing_merges_below_the_threshold() {
        assert_eq!(
            average_link(3, &[(0, 1, 0.2)], 0.3),
            [vec![0], vec![1], vec![2]]
        );
    }
}
