//! The compiled-in data files of `data/`: one reader for their two shapes, a
//! list of lines and a list in `[sections]`. A `#` starts a comment.

use std::sync::LazyLock;

// Looked up for words, several times for every word a rule reads: FxHash, not
// SipHash (which took 1% of a 100k check). Only looked up, never iterated, so
// the hasher changes no order.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The lines that carry data: comments and blank lines dropped, white space trimmed.
pub fn lines(source: &str) -> impl Iterator<Item = &str> {
    source
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// Each entry with the `[section]` it is listed under (`""` before the first).
pub fn sections(source: &str) -> Vec<(&str, &str)> {
    let mut section = "";
    let mut out = Vec::new();
    for line in lines(source) {
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => section = name,
            None => out.push((section, line)),
        }
    }
    out
}

/// The entries of each `[section]`, as a set per section name.
pub fn by_section(source: &str) -> HashMap<&str, HashSet<&str>> {
    let mut out: HashMap<&str, HashSet<&str>> = HashMap::default();
    for (section, entry) in sections(source) {
        out.entry(section).or_default().insert(entry);
    }
    out
}

/// The number words of `data/meaning.txt` (`[numbers]`: `two 2`) and the
/// digits each stands for.
pub fn number_words() -> &'static HashMap<&'static str, &'static str> {
    static NUMBERS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
        sections(include_str!("../data/meaning.txt"))
            .into_iter()
            .filter(|(section, _)| *section == "numbers")
            .filter_map(|(_, line)| line.split_once(' '))
            .map(|(word, digits)| (word, digits.trim()))
            .collect()
    });
    &NUMBERS
}

/// The names of the `[sections]` of a file, in order.
pub fn section_names(source: &str) -> Vec<&str> {
    lines(source)
        .filter_map(|l| l.strip_prefix('[').and_then(|l| l.strip_suffix(']')))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_blank_lines_and_sections() {
        let source = "# about\nfree\n\n[one]\na # note\n[two]\nb\n";
        assert_eq!(
            lines(source).collect::<Vec<_>>(),
            ["free", "[one]", "a", "[two]", "b"]
        );
        assert_eq!(sections(source), [("", "free"), ("one", "a"), ("two", "b")]);
        assert_eq!(section_names(source), ["one", "two"]);
    }
}
