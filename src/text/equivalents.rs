//! Interchangeable words and phrases (`data/equivalents.txt`): translators'
//! synonyms and the spellings of one name.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// Each phrase (folded words joined by spaces) and the groups it belongs to.
static GROUPS: LazyLock<FxHashMap<String, Vec<usize>>> = LazyLock::new(|| {
    let mut groups: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let lines = crate::data::lines(include_str!("../../data/equivalents.txt"));
    for (n, line) in lines.enumerate() {
        for phrase in line.split('|') {
            let key = phrase
                .split_whitespace()
                .map(super::fold)
                .collect::<Vec<_>>()
                .join(" ");
            groups.entry(key).or_default().push(n);
        }
    }
    groups
});

/// The first words of listed phrases of two words or more.
static PHRASE_STARTS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    GROUPS
        .keys()
        .filter_map(|phrase| phrase.split_once(' ').map(|(first, _)| first.to_string()))
        .collect()
});

/// Whether some listed phrase of two words or more begins with this (folded) word.
pub fn begins_phrase(folded: &str) -> bool {
    PHRASE_STARTS.contains(folded)
}

/// A number shared by interchangeable single words (`legitimate`, `reasonable`),
/// 0 for a word in no group: word-by-word comparisons test it instead of
/// looking phrases up. A word in several groups takes its first.
pub fn sense(folded: &str) -> u32 {
    GROUPS
        .get(folded)
        .and_then(|g| g.first())
        .map_or(0, |&g| g as u32 + 1)
}

/// The longest phrase a group lists, in words.
pub const LONGEST_PHRASE: usize = 4;

/// The group of a phrase (folded words joined by single spaces), if one lists it.
pub fn group(phrase: &str) -> Option<u32> {
    GROUPS
        .get(phrase)
        .and_then(|g| g.first())
        .map(|&g| g as u32)
}

/// Each listed phrase of two words or more by the hash of its words' keys
/// (`phrase_key`), with its first group: a run of words is looked up by the
/// keys its words already carry, with no string joined for it.
static PHRASES_BY_KEYS: LazyLock<FxHashMap<u64, u32>> = LazyLock::new(|| {
    GROUPS
        .iter()
        .filter(|(phrase, _)| phrase.contains(' '))
        .filter_map(|(phrase, groups)| {
            let keys: Vec<u64> = phrase.split(' ').map(super::wording::word_key).collect();
            Some((phrase_key(&keys), *groups.first()? as u32))
        })
        .collect()
});

/// One number for a run of words, from their keys (`Word::folded_key`).
fn phrase_key(keys: &[u64]) -> u64 {
    // The bytes of a phrase of listed length on the stack, with no allocation:
    // runs of words are looked up at every word that begins a phrase.
    let mut stacked = [0u8; 8 * LONGEST_PHRASE];
    if let Some(bytes) = stacked.get_mut(..8 * keys.len()) {
        for (chunk, key) in bytes.chunks_exact_mut(8).zip(keys) {
            chunk.copy_from_slice(&key.to_le_bytes());
        }
        return xxhash_rust::xxh3::xxh3_64(bytes);
    }
    let bytes: Vec<u8> = keys.iter().flat_map(|k| k.to_le_bytes()).collect();
    xxhash_rust::xxh3::xxh3_64(&bytes)
}

/// The group of a phrase of two words or more, given as its words' keys
/// (`Word::folded_key`), if one lists it.
pub fn group_of_words(keys: &[u64]) -> Option<u32> {
    PHRASES_BY_KEYS.get(&phrase_key(keys)).copied()
}

/// Whether two phrases (folded words joined by single spaces) render the same thing.
pub fn equivalent(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (Some(x), Some(y)) = (GROUPS.get(a), GROUPS.get(b)) else {
        return false;
    };
    x.iter().any(|g| y.contains(g))
}

#[cfg(test)]
mod tests {
    use super::equivalent;

    #[test]
    fn a_listed_phrase_is_found_by_its_words_keys() {
        let keys = |phrase: &str| -> Vec<u64> {
            phrase
                .split(' ')
                .map(crate::text::wording::word_key)
                .collect()
        };
        let found = super::group_of_words(&keys("the united states"));
        assert!(found.is_some());
        assert_eq!(found, super::group_of_words(&keys("the united states")));
        assert_eq!(super::group_of_words(&keys("the united nations")), None);
        assert_eq!(super::group_of_words(&keys("united states the")), None);
    }

    #[test]
    fn translators_synonyms_and_name_spellings_are_equivalent() {
        assert!(equivalent("legitimate", "reasonable"));
        assert!(equivalent("the united states", "the us"));
        assert!(!equivalent("should", "must"));
        assert!(!equivalent("underscored", "warned"));
    }
}
