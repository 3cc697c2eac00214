//! Nations as news names them (`data/nations.txt`): a name, an adjective or a
//! capital for its government (`Sudan`, `Sudanese`, `Khartoum`), and the
//! language its officials speak. Read by extraction (a title with a nation is
//! a foreign official's) and by alignment (whose words reach English in
//! translation).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;

/// A nation as news names it.
#[derive(Debug)]
pub struct Nation {
    /// Its names, adjectives and capitals, as phrases (see `phrase`).
    names: Vec<String>,
    /// The language its officials speak (ISO 639-1).
    pub language: String,
}

static NATIONS: LazyLock<Vec<Nation>> = LazyLock::new(|| {
    crate::data::lines(include_str!("../../data/nations.txt"))
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            let [names, adjectives, capitals, language] = fields.as_slice() else {
                return None;
            };
            let names = [names, adjectives, capitals]
                .iter()
                .flat_map(|f| f.split(','))
                .map(phrase)
                .filter(|p| !p.is_empty())
                .collect();
            Some(Nation {
                names,
                language: language.to_string(),
            })
        })
        .collect()
});

/// A phrase in comparison form: lower case, words apart, punctuation a space
/// (`U.S.` is `u s` wherever it is written), padded so that a phrase is found
/// in another only as whole words.
pub fn phrase(text: &str) -> String {
    let mut out = String::from(" ");
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        out.push_str(&super::fold(word));
        out.push(' ');
    }
    if out.len() == 1 { String::new() } else { out }
}

/// Every nation's names in one automaton, each pattern with its nation.
/// (A build fails only past the automaton's size limits, far beyond a list
/// of nations: then no nation is known.)
static NATION_NAMES: LazyLock<Option<(AhoCorasick, Vec<usize>)>> = LazyLock::new(|| {
    let mut patterns: Vec<&str> = Vec::new();
    let mut nations = Vec::new();
    for (n, nation) in NATIONS.iter().enumerate() {
        for name in &nation.names {
            patterns.push(name);
            nations.push(n);
        }
    }
    // Leftmost, then longest: `south sudan` before the `sudan` inside it.
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .ok()?;
    Some((automaton, nations))
});

/// The nation a phrase names first, if any.
pub fn nation_in(phrase: &str) -> Option<&'static Nation> {
    let (automaton, nations) = NATION_NAMES.as_ref()?;
    let found = automaton.find(phrase)?;
    nations
        .get(found.pattern().as_usize())
        .and_then(|&n| NATIONS.get(n))
}

/// Whether `text` names a nation: its name, adjective or capital (`British
/// Prime Minister`).
pub fn names_a_nation(text: &str) -> bool {
    nation_in(&phrase(text)).is_some()
}

/// Whether two different phrases name one nation: its name, adjective or
/// capital (`Sudan`, `Sudanese`, `Khartoum`), as news puts a capital for its
/// government.
pub fn one_nation(a: &str, b: &str) -> bool {
    let (a, b) = (phrase(a), phrase(b));
    let nations = |p: &str| NATIONS_NAMED.get(p).map_or(&[][..], Vec::as_slice);
    a != b && nations(&a).iter().any(|n| nations(&b).contains(n))
}

/// The nations each name, adjective and capital names (see `one_nation`,
/// asked for every changed word compared).
static NATIONS_NAMED: LazyLock<FxHashMap<String, Vec<usize>>> = LazyLock::new(|| {
    let mut named: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (n, nation) in NATIONS.iter().enumerate() {
        for name in &nation.names {
            named.entry(name.clone()).or_default().push(n);
        }
    }
    named
});
