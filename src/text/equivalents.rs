//! Interchangeable words and phrases (`data/equivalents.txt`): translators'
//! synonyms and the spellings of one name.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Each phrase (folded words joined by spaces) and the groups it belongs to.
static GROUPS: LazyLock<HashMap<String, Vec<usize>>> = LazyLock::new(|| {
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
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
    fn translators_synonyms_and_name_spellings_are_equivalent() {
        assert!(equivalent("legitimate", "reasonable"));
        assert!(equivalent("the united states", "the us"));
        assert!(!equivalent("should", "must"));
        assert!(!equivalent("underscored", "warned"));
    }
}
