//! What news says about a speaker beyond the name: the nation in the role
//! (`Chinese Foreign Minister`, `Russia's foreign ministry`) and the office
//! that publishes the holder's words (a foreign ministry for its minister, the
//! State Department for the Secretary of State). From them: whose words reach
//! English through translation, and which outlet is a speaker's own
//! organisation, the channel nearest the speaker. Both lists are data
//! (`data/nations.txt`, `data/offices.txt`).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;

use crate::extract::{Speaker, SpeakerClass};

/// A nation as news names it.
#[derive(Debug)]
struct Nation {
    /// Its names, adjectives and capitals, as phrases (see `phrase`).
    names: Vec<String>,
    /// The language its officials speak (ISO 639-1).
    language: String,
}

/// An office: the role's phrase and the names of the organisation behind it.
#[derive(Debug)]
struct Office {
    role: String,
    organisations: Vec<String>,
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

static OFFICES: LazyLock<Vec<Office>> = LazyLock::new(|| {
    let mut offices: Vec<Office> = crate::data::lines(include_str!("../../data/offices.txt"))
        .filter_map(|line| {
            let (role, organisations) = line.split_once('|')?;
            Some(Office {
                role: phrase(role),
                organisations: organisations.split(',').map(phrase).collect(),
            })
        })
        .collect();
    // `foreign ministry spokesperson` before `foreign minister`.
    offices.sort_by_key(|o| std::cmp::Reverse(o.role.len()));
    offices
});

/// A phrase in comparison form: lower case, words apart, punctuation a space
/// (`U.S.` is `u s` wherever it is written), padded so that a phrase is found
/// in another only as whole words.
fn phrase(text: &str) -> String {
    let mut out = String::from(" ");
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        out.push_str(&crate::text::fold(word));
        out.push(' ');
    }
    if out.len() == 1 { String::new() } else { out }
}

/// What a speaker's words say about them: the role, and the mention itself
/// when it names a body (`Russia's foreign ministry said`).
fn described(speaker: &Speaker) -> String {
    let mut text = speaker.role.clone().unwrap_or_default();
    if speaker.class == SpeakerClass::Organisation {
        text.push(' ');
        text.push_str(&speaker.mention.text);
    }
    phrase(&text)
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
fn nation_in(phrase: &str) -> Option<&'static Nation> {
    let (automaton, nations) = NATION_NAMES.as_ref()?;
    let found = automaton.find(phrase)?;
    nations
        .get(found.pattern().as_usize())
        .and_then(|&n| NATIONS.get(n))
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

/// Whether the speaker is an official of a nation whose officials speak
/// another language than English: their words reach English in translation,
/// and outlets translate them independently.
pub fn speaks_other_language(speaker: &Speaker) -> bool {
    nation_in(&described(speaker)).is_some_and(|n| n.language != "en")
}

/// Whether an outlet's name is a nation whose officials speak another
/// language (`Chinese Foreign Ministry`, `Kremlin`).
pub fn outlet_speaks_other_language(outlet: &str) -> bool {
    nation_in(&phrase(outlet)).is_some_and(|n| n.language != "en")
}

/// Words that make an outlet a government body rather than the press: a
/// ministry or department publishes its officials' words.
const BODIES: &[&str] = &[
    " ministry ",
    " ministry of ",
    " department of ",
    " office of ",
    " embassy ",
    " white house ",
    " kremlin ",
    " presidency ",
    " government ",
    " mfa ",
];

/// Whether an outlet is a government body (`Ministry of Foreign Affairs`,
/// `US Embassy in Moscow`): one that publishes its officials' words.
pub fn is_government_body(outlet: &str) -> bool {
    let outlet = phrase(outlet);
    BODIES.iter().any(|b| outlet.contains(b))
        || OFFICES
            .iter()
            .flat_map(|o| &o.organisations)
            .any(|org| outlet.contains(org.as_str()))
}

/// Whether `outlet` is the speaker's own organisation: the office their role
/// belongs to (a foreign ministry for a foreign minister or its spokesperson),
/// or the body the speaker is, of the same nation when both name one.
pub fn is_own_organisation(outlet: &str, speaker: &Speaker) -> bool {
    let outlet = phrase(outlet);
    let speaker_words = described(speaker);
    if outlet.is_empty() || speaker_words.is_empty() {
        return false;
    }
    let same_nation = match (nation_in(&outlet), nation_in(&speaker_words)) {
        (Some(a), Some(b)) => std::ptr::eq(a, b),
        _ => true,
    };
    if !same_nation {
        return false;
    }
    let office = OFFICES
        .iter()
        .find(|o| speaker_words.contains(o.role.as_str()));
    match office {
        Some(office) => office
            .organisations
            .iter()
            .any(|org| outlet.contains(org.as_str())),
        // A body speaking (`the State Department said`) published by itself.
        None => {
            let names = |office: &Office, text: &str| {
                office
                    .organisations
                    .iter()
                    .any(|org| text.contains(org.as_str()))
            };
            speaker.class == SpeakerClass::Organisation
                && OFFICES
                    .iter()
                    .any(|o| names(o, &speaker_words) && names(o, &outlet))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Excerpt;
    use crate::text::Span;

    fn speaker(mention: &str, role: Option<&str>, class: SpeakerClass) -> Speaker {
        Speaker {
            mention: Excerpt::new(mention, Span::new(0, mention.len())),
            canonical: mention.to_string(),
            role: role.map(str::to_string),
            class,
        }
    }

    #[test]
    fn a_ministers_own_organisation_is_their_ministry_of_their_nation() {
        let wang = speaker(
            "Wang Yi",
            Some("Chinese Foreign Minister"),
            SpeakerClass::Person,
        );
        assert!(is_own_organisation("Chinese Foreign Ministry", &wang));
        assert!(is_own_organisation(
            "Ministry of Foreign Affairs of the People's Republic of China",
            &wang
        ));
        assert!(!is_own_organisation("Russian Foreign Ministry", &wang));
        assert!(!is_own_organisation("Xinhua", &wang));
        let blinken = speaker(
            "Blinken",
            Some("US Secretary of State"),
            SpeakerClass::Person,
        );
        assert!(is_own_organisation("U.S. Department of State", &blinken));
        assert!(!is_own_organisation("Chinese Foreign Ministry", &blinken));
        let price = speaker(
            "Ned Price",
            Some("State Department spokesperson"),
            SpeakerClass::Person,
        );
        assert!(is_own_organisation("US Department of State", &price));
        let body = speaker("the State Department", None, SpeakerClass::Organisation);
        assert!(is_own_organisation("US Department of State", &body));
        let nobody = speaker("Smith", None, SpeakerClass::Person);
        assert!(!is_own_organisation("US Department of State", &nobody));
    }

    #[test]
    fn officials_of_non_english_speaking_nations_are_translated() {
        let wang = speaker(
            "Wang Yi",
            Some("Chinese Foreign Minister"),
            SpeakerClass::Person,
        );
        assert!(speaks_other_language(&wang));
        let ministry = speaker(
            "Russia's foreign ministry",
            None,
            SpeakerClass::Organisation,
        );
        assert!(speaks_other_language(&ministry));
        let blinken = speaker(
            "Blinken",
            Some("US Secretary of State"),
            SpeakerClass::Person,
        );
        assert!(!speaks_other_language(&blinken));
        let sheriff = speaker("Larry Kroon", Some("Sheriff"), SpeakerClass::Person);
        assert!(!speaks_other_language(&sheriff));
        assert!(outlet_speaks_other_language("Chinese Foreign Ministry"));
        assert!(is_government_body("Ministry"));
        assert!(is_government_body("U.S. Department of State"));
        assert!(!is_government_body("Reuters"));
        assert!(!outlet_speaks_other_language("Reuters"));
    }
}
