//! Word-level local alignment (Smith–Waterman): the best-matching stretch of two
//! wordings. It finds a partial quote inside a longer rendering, and the part of
//! a long quote that renders one statement, where a whole-string ratio cannot.

use std::ops::Range;

use crate::text::Word;

/// Longer wordings are aligned on their first words only: the cost is the
/// product of the lengths, and no statement is this long.
const MAX_WORDS: usize = 400;

/// The best-matching stretch of two wordings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Alignment {
    /// Words of the first wording in the stretch.
    pub a: Range<usize>,
    /// Words of the second wording in the stretch.
    pub b: Range<usize>,
    /// Pairs of matching content words.
    pub content: usize,
    /// Pairs of matching words of any kind.
    pub matched: usize,
}

/// Whether two words count as the same here: same word, same stem, or
/// interchangeable (`legitimate`, `reasonable`).
pub fn same(a: &Word, b: &Word) -> bool {
    Key::of(a).same(Key::of(b))
}

/// A word as the alignment loop compares it: numbers only, packed together.
#[derive(Clone, Copy)]
struct Key {
    folded: u64,
    stem: u64,
    content: bool,
    sense: u32,
}

impl Key {
    fn of(w: &Word) -> Key {
        Key {
            folded: w.folded_key,
            stem: w.stem_key,
            content: w.content,
            sense: w.sense,
        }
    }

    fn same(self, other: Key) -> bool {
        self.folded == other.folded
            || (self.content && other.content && self.stem == other.stem)
            || (self.sense != 0 && self.sense == other.sense)
    }
}

/// What the words of a wording offer to match (see [`same`]): the folded
/// keys of all its words, the stem keys of its content words, its senses; each
/// sorted, for [`content_bound`].
#[derive(Debug, Clone, Default)]
pub struct Matchable {
    folded: Vec<u64>,
    stems: Vec<u64>,
    senses: Vec<u32>,
}

impl Matchable {
    /// What `words` offer to match: the words of one wording, or of several
    /// taken together.
    pub fn of<'w>(words: impl IntoIterator<Item = &'w Word>) -> Matchable {
        let mut all = Matchable::default();
        for w in words {
            all.folded.push(w.folded_key);
            if w.content {
                all.stems.push(w.stem_key);
            }
            if w.sense != 0 {
                all.senses.push(w.sense);
            }
        }
        all.folded.sort_unstable();
        all.folded.dedup();
        all.stems.sort_unstable();
        all.stems.dedup();
        all.senses.sort_unstable();
        all.senses.dedup();
        all
    }

    /// Whether content word `w` is the same as some word of the wording.
    fn has_content(&self, w: &Word) -> bool {
        self.folded.binary_search(&w.folded_key).is_ok()
            || self.stems.binary_search(&w.stem_key).is_ok()
            || (w.sense != 0 && self.senses.binary_search(&w.sense).is_ok())
    }
}

/// The most pairs of matching content words (`Alignment::content`) that
/// `align(a, b)` can find, `b` given as its [`Matchable`]: the content words of
/// `a` that are the same as some word of `b`. It takes one look-up per word
/// where aligning takes one step per pair of words, so a caller with a
/// threshold skips the alignments that cannot reach it.
pub fn content_bound(a: &[Word], b: &Matchable) -> usize {
    a.iter().filter(|w| w.content && b.has_content(w)).count()
}

/// The best local alignment of `a` and `b`, or `None` if nothing matches.
pub fn align(a: &[Word], b: &[Word]) -> Option<Alignment> {
    let a = &a[..a.len().min(MAX_WORDS)];
    let b = &b[..b.len().min(MAX_WORDS)];
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return None;
    }
    let ka: Vec<Key> = a.iter().map(Key::of).collect();
    let kb: Vec<Key> = b.iter().map(Key::of).collect();
    let width = m + 1;
    // The scores of the row above and of this one: tracing back reads only
    // `step`, so no score matrix is made (and zeroed) for every pair aligned.
    // Column 0 stays 0 in both.
    let (mut previous, mut current) = (vec![0i32; width], vec![0i32; width]);
    // 0: start, 1: diagonal, 2: up (skip a word of a), 3: left (skip a word of b).
    let mut step = vec![0u8; (n + 1) * width];
    let mut best = (0i32, 0usize, 0usize);
    for i in 1..=n {
        let word = ka[i - 1];
        let on_match = if word.content { 3 } else { 1 };
        // Row by row, as slices: the loop then needs no bounds check per cell.
        let (above, row) = (&previous[..width], &mut current[..width]);
        let steps = &mut step[i * width..(i + 1) * width];
        let mut left = row[0];
        for j in 1..=m {
            let pair = if word.same(kb[j - 1]) { on_match } else { -1 };
            // Ties go to the earliest option: start, diagonal, up, left.
            let (mut value, mut from) = (0, 0u8);
            let diagonal = above[j - 1] + pair;
            if diagonal > value {
                (value, from) = (diagonal, 1);
            }
            let up = above[j] - 1;
            if up > value {
                (value, from) = (up, 2);
            }
            if left - 1 > value {
                (value, from) = (left - 1, 3);
            }
            row[j] = value;
            steps[j] = from;
            left = value;
            if value > best.0 {
                best = (value, i, j);
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let (top, mut i, mut j) = best;
    if top <= 0 {
        return None;
    }
    let (a_end, b_end) = (i, j);
    let (mut content, mut matched) = (0, 0);
    while i > 0 && j > 0 && step[i * width + j] != 0 {
        match step[i * width + j] {
            1 => {
                if ka[i - 1].same(kb[j - 1]) {
                    matched += 1;
                    content += usize::from(a[i - 1].content);
                }
                i -= 1;
                j -= 1;
            }
            2 => i -= 1,
            _ => j -= 1,
        }
    }
    Some(Alignment {
        a: i..a_end,
        b: j..b_end,
        content,
        matched,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Wording;

    fn words(text: &str) -> Vec<Word> {
        Wording::of(text).words
    }

    #[test]
    fn a_partial_quote_is_found_inside_the_longer_rendering() {
        let long = words(
            "He stressed that one country's security cannot come at the expense of others, and regional security cannot be guaranteed by expanding military blocs.",
        );
        let part = words("Regional security cannot be ensured by expanding military blocs");
        let found = align(&part, &long).unwrap_or_default();
        assert_eq!(found.a, 0..part.len());
        let window: Vec<&str> = long[found.b].iter().map(|w| w.folded.as_ref()).collect();
        assert_eq!(
            window,
            [
                "regional",
                "security",
                "cannot",
                "be",
                "guaranteed",
                "by",
                "expanding",
                "military",
                "blocs"
            ]
        );
        assert_eq!(
            found.matched, 9,
            "ensured and guaranteed are interchangeable"
        );
    }

    #[test]
    fn the_content_bound_is_never_below_what_alignment_finds() {
        let pairs = [
            (
                "Regional security cannot be ensured by expanding military blocs",
                "He stressed that regional security cannot be guaranteed by expanding military blocs.",
            ),
            (
                "blocs military expanding by guaranteed be cannot security regional",
                "regional security cannot be guaranteed by expanding military blocs",
            ),
            ("talks talks talks on trade", "the trade talks"),
            ("de-escalation and diplomacy", "stop playing with fire"),
        ];
        for (a, b) in pairs {
            let (a, b) = (words(a), words(b));
            let found = align(&a, &b).map_or(0, |f| f.content);
            let bound = content_bound(&a, &Matchable::of(&b));
            assert!(found <= bound, "{found} > {bound}");
        }
        // Unrelated words bound nothing; a reordering bounds all its content words.
        assert_eq!(
            content_bound(
                &words("de-escalation and diplomacy"),
                &Matchable::of(&words("stop playing with fire"))
            ),
            0
        );
        assert_eq!(
            content_bound(
                &words("guaranteed security regional"),
                &Matchable::of(&words("regional security ensured"))
            ),
            3,
            "guaranteed and ensured are interchangeable"
        );
    }

    #[test]
    fn unrelated_wordings_do_not_align() {
        assert_eq!(
            align(
                &words("de-escalation and diplomacy"),
                &words("stop playing with fire")
            ),
            None
        );
    }
}
