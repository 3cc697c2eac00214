//! Average-link clustering over the candidate pairs: two groups merge when the
//! mean similarity over all their pairs of reports (a pair never compared counts
//! as 0) reaches the threshold. One bridging report cannot chain two events
//! together, as it would with single-link (connected components).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

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
pub fn average_link(n: usize, pairs: &[(u32, u32, f32)], threshold: f32) -> Vec<Vec<u32>> {
    // For each group, the summed similarity to each neighbouring group.
    let mut links: Vec<FxHashMap<u32, f32>> = vec![FxHashMap::default(); n];
    for &(a, b, s) in pairs {
        *links[a as usize].entry(b).or_default() += s;
        *links[b as usize].entry(a).or_default() += s;
    }
    let mut members: Vec<Vec<u32>> = (0..n as u32).map(|i| vec![i]).collect();
    let size = |members: &Vec<Vec<u32>>, g: u32| members[g as usize].len() as u32;
    let mut heap: BinaryHeap<Merge> = pairs
        .iter()
        .filter(|p| p.2 >= threshold)
        .map(|&(a, b, s)| Merge {
            mean: s,
            a,
            b,
            sizes: (1, 1),
        })
        .collect();
    while let Some(Merge { mean, a, b, sizes }) = heap.pop() {
        if mean < threshold {
            break;
        }
        if members[a as usize].is_empty()
            || members[b as usize].is_empty()
            || sizes != (size(&members, a), size(&members, b))
        {
            continue;
        }
        let (a_size, b_size) = (members[a as usize].len(), members[b as usize].len());
        // Merge the smaller group into the larger one.
        let (keep, gone) = if a_size >= b_size { (a, b) } else { (b, a) };
        let moved = std::mem::take(&mut members[gone as usize]);
        members[keep as usize].extend(moved);
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
    let mut groups: Vec<Vec<u32>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.sort_by_key(|g| g[0]);
    groups
}

#[cfg(test)]
mod tests {
    use super::average_link;

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
    fn nothing_merges_below_the_threshold() {
        assert_eq!(
            average_link(3, &[(0, 1, 0.2)], 0.3),
            [vec![0], vec![1], vec![2]]
        );
    }
}
