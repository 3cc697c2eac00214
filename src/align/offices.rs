//! What news says about a speaker beyond the name: the nation in the role
//! (`Chinese Foreign Minister`, `Russia's foreign ministry`) and the office
//! that publishes the holder's words (a foreign ministry for its minister, the
//! State Department for the Secretary of State). From them: whose words reach
//! English through translation, and which outlet is a speaker's own
//! organisation, the channel nearest the speaker. The offices are data
//! (`data/offices.txt`); the nations are `text::nations`.

use std::sync::LazyLock;

use crate::extract::{Speaker, SpeakerClass};
use crate::text::nations::{nation_in, phrase};

/// An office: the role's phrase and the names of the organisation behind it.
#[derive(Debug)]
struct Office {
    role: String,
    organisations: Vec<String>,
}

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
