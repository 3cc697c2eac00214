//! Who a speaker phrase names: `Chinese Foreign Minister Wang Yi` is the
//! person Wang Yi with the role Chinese Foreign Minister; `the State
//! Department` is a body, `he` a pronoun. Which person a mention stands for
//! across the report is [`super::people`]'s to say.

use std::ops::Range;

use rustc_hash::FxHashSet;

use super::attribution::{Excerpt, SpeakerClass};
use super::frame::{Clause, Phrase};
use super::vocabulary::{Section, vocabulary};

/// A speaker phrase, split into its name and its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Described {
    /// The whole phrase as written, appositive included.
    pub mention: Excerpt,
    /// The name as written, without initials: `Antony Blinken`. Empty without a name.
    pub name: Vec<String>,
    pub role: Option<String>,
    /// Folded role words without determiners and connectors: `chinese`, `foreign`, `minister`.
    pub role_words: FxHashSet<String>,
    pub class: SpeakerClass,
    pub pronoun: bool,
    /// The phrase ends in a title (`the Kremlin spokesman`): it may be an alias of a person.
    pub titled: bool,
}

/// Split the phrase `tokens` (clause positions) into name and role.
pub(super) fn describe(clause: &Clause<'_>, text: &str, tokens: Range<usize>) -> Described {
    describe_phrase(
        clause,
        text,
        &Phrase {
            span: tokens.clone(),
            name: tokens,
            role: None,
        },
    )
}

/// Split a speaker phrase into name and role: the name is the run of
/// capitalised words at the end of its naming part that are not titles; the
/// rest of that part, or the appositive beside it, is the role.
pub(super) fn describe_phrase(clause: &Clause<'_>, text: &str, phrase: &Phrase) -> Described {
    let words = vocabulary();
    let tokens = phrase.name.clone();
    let mention = clause.span(&phrase.span);
    // The folded word without a possessive `'s`, and whether it is in a
    // section of the vocabulary: the clause looked each word up already, so
    // only a word that lost its `'s` is looked up again.
    let folded = |i: usize| clause.word(i).map(|w| w.strip_suffix("'s").unwrap_or(w));
    let is = |i: usize, section: Section| match clause.word(i) {
        Some(w) => match w.strip_suffix("'s") {
            Some(bare) => words.is(section, bare),
            None => clause.sections(i).has(section),
        },
        None => false,
    };
    let pronoun = tokens.len() == 1 && folded(tokens.start).is_some_and(|w| words.is_pronoun(w));
    let mut name_start = tokens.end;
    while name_start > tokens.start {
        let t = name_start - 1;
        // `Rosa King`: a title that is also a family name ends the name it
        // follows (a given name: a capitalised word of no other kind).
        let family_name = t + 1 == tokens.end
            && t > tokens.start
            && is(t, Section::FamilyName)
            && clause.capitalized(t)
            && clause.capitalized(t - 1)
            && [
                Section::Title,
                Section::Body,
                Section::Determiner,
                Section::Organisation,
            ]
            .iter()
            .all(|&section| !is(t - 1, section));
        let is_name_word = clause.capitalized(t)
            && folded(t).is_some()
            && (family_name || !is(t, Section::Title))
            && !is(t, Section::Body)
            && !is(t, Section::Determiner);
        // `Lim Min-ho`, `Al-Dosari`, `Jean-Luc`: a hyphen inside a name.
        let hyphen = clause.hyphen_inside(t) && name_start < tokens.end;
        // `van der Merwe`, `von der Leyen`: particles before the family name.
        let particle = is(t, Section::Particle) && name_start < tokens.end;
        if is_name_word || clause.initial_stop(t) || hyphen || particle {
            name_start = t;
        } else {
            break;
        }
    }
    // `Opposition parties in the United Kingdom`: a name after a preposition
    // is what the phrase is about, not who it is. Not a name right after a
    // title (`Department of International Relations spokesperson Naledi
    // Naidoo`): the title makes it whose words they are.
    let titled = name_start > tokens.start && is(name_start - 1, Section::Title);
    let name_start = if !titled
        && (tokens.start..name_start).any(|i| {
            matches!(
                clause.word(i),
                Some("in" | "of" | "for" | "from" | "at" | "with" | "on")
            ) && !(i > tokens.start && is(i - 1, Section::Title))
        }) {
        tokens.end
    } else {
        name_start
    };
    // `Ukraine's Dmytro Kuleba`, `the BBC Capaldi`: a country in the
    // possessive or a body in capitals before a person's name is no part of it
    // (`United Arab Emirates` is one name).
    let mut name_start = name_start;
    while name_start + 1 < tokens.end
        && is(name_start, Section::Organisation)
        && (clause.word(name_start).is_some_and(|w| w.ends_with("'s"))
            || clause
                .word_text(name_start)
                .chars()
                .all(|c| c.is_uppercase()))
        && (name_start + 1..tokens.end)
            .any(|i| clause.capitalized(i) && folded(i).is_some() && !is(i, Section::Organisation))
    {
        name_start += 1;
    }
    // `Sullivan and Yang stressed ...`: two people named, neither of them alone
    // the speaker; the phrase is their name as a pair.
    let two_people = !pronoun
        && name_start >= tokens.start + 2
        && name_start < tokens.end
        && folded(name_start - 1) == Some("and")
        && clause.capitalized(name_start - 2)
        && [
            Section::Title,
            Section::Body,
            Section::Organisation,
            Section::Determiner,
        ]
        .iter()
        .all(|&section| !is(name_start - 2, section));
    if two_people {
        return Described {
            mention,
            name: Vec::new(),
            role: Some(text[clause.bytes(&tokens)].to_string()),
            role_words: FxHashSet::default(),
            class: SpeakerClass::Role,
            pronoun,
            titled: false,
        };
    }
    // `Chinese Foreign Ministry spokesperson`: the name stops at the title.
    // Words joined without a space (`Min-ho`, `Al-Dosari`) are one name word;
    // initials (`J.`) are left out.
    let mut name: Vec<String> = Vec::new();
    let mut i = name_start;
    while i < tokens.end {
        let mut j = i + 1;
        while j < tokens.end
            && clause.token(j).start() == clause.token(j - 1).end()
            && (clause.hyphen_inside(j) || clause.hyphen_inside(j - 1))
        {
            j += 1;
        }
        let letters = (i..j)
            .filter_map(|k| clause.word(k))
            .map(|w| w.chars().count())
            .sum::<usize>();
        if letters > 1 {
            let shown = &text[clause.token(i).start()..clause.token(j - 1).end()];
            let shown = shown
                .strip_suffix("'s")
                .or_else(|| shown.strip_suffix("\u{2019}s"))
                .unwrap_or(shown);
            name.push(shown.to_string());
        }
        i = j;
    }
    let mut role_tokens: Vec<usize> = (tokens.start..name_start)
        .filter(|&i| folded(i).is_some() && !is(i, Section::Determiner))
        .collect();
    if let Some(role) = &phrase.role {
        role_tokens.extend(role.clone().filter(|&i| clause.word(i).is_some()));
    }
    let role = if pronoun {
        None
    } else if let Some(appositive) = &phrase.role {
        let trimmed: Vec<usize> = appositive
            .clone()
            .filter(|&i| clause.word(i).is_some())
            .collect();
        let own: Vec<usize> = (tokens.start..name_start)
            .filter(|&i| folded(i).is_some() && !is(i, Section::Determiner))
            .collect();
        match (own.first(), own.last(), trimmed.first(), trimmed.last()) {
            (Some(&a), Some(&b), _, _) if name_start < tokens.end => {
                Some(text[clause.bytes(&(a..b + 1))].to_string())
            }
            (_, _, Some(&a), Some(&b)) => {
                let first = if is(a, Section::Determiner) {
                    (a + 1..=b).find(|&i| clause.word(i).is_some()).unwrap_or(a)
                } else {
                    a
                };
                Some(text[clause.bytes(&(first..b + 1))].to_string())
            }
            _ => None,
        }
    } else {
        match (role_tokens.first(), role_tokens.last()) {
            (Some(&a), Some(&b)) => Some(text[clause.bytes(&(a..b + 1))].to_string()),
            _ => None,
        }
    };
    let role_words: FxHashSet<String> = role_tokens
        .iter()
        .filter_map(|&i| folded(i))
        .filter(|w| !matches!(*w, "of" | "and" | "for" | "at"))
        .map(str::to_string)
        .collect();
    let organisation_word = |w: &String| {
        let w = crate::text::fold(w);
        let bare = w.strip_suffix("'s").unwrap_or(&w);
        words.is_organisation(bare) || words.is_body(bare)
    };
    // `The New York Post`, `Fox News`, `China`: a name ending in a body or made of places.
    let organisation_name = !name.is_empty()
        && (name.iter().all(organisation_word)
            || name
                .last()
                .is_some_and(|w| words.is_body(&crate::text::fold(w))));
    let any_body = (tokens.start..tokens.end).any(|i| is(i, Section::Body));
    let class = if pronoun {
        SpeakerClass::Unresolved
    } else if !name.is_empty() && !organisation_name {
        SpeakerClass::Person
    } else if organisation_name || any_body {
        SpeakerClass::Organisation
    } else {
        SpeakerClass::Role
    };
    let titled =
        tokens.end > tokens.start && folded(tokens.end - 1).is_some_and(|w| words.is_title(w));
    Described {
        mention,
        name,
        role,
        role_words,
        class,
        pronoun,
        titled,
    }
}

#[cfg(test)]
mod tests {
    use super::{Phrase, describe, describe_phrase};
    use crate::extract::SpeakerClass;
    use crate::extract::frame::sample::read;

    /// What `text`, all of it one speaker phrase, names: the name's words, the
    /// role, the class.
    fn described(text: &str) -> (Vec<String>, Option<String>, SpeakerClass) {
        read(text, |c| {
            let d = describe(c, text, 0..c.len());
            (d.name, d.role, d.class)
        })
    }

    fn person(name: &[&str], role: Option<&str>) -> (Vec<String>, Option<String>, SpeakerClass) {
        (
            name.iter().map(|w| w.to_string()).collect(),
            role.map(String::from),
            SpeakerClass::Person,
        )
    }

    #[test]
    fn two_people_named_together_are_neither_alone() {
        assert_eq!(
            described("Sullivan and Yang"),
            (
                Vec::new(),
                Some("Sullivan and Yang".to_string()),
                SpeakerClass::Role
            )
        );
    }

    #[test]
    fn a_name_after_a_title_is_the_speaker_though_a_body_of_something_comes_first() {
        assert_eq!(
            described("Southland Department of Coastal Affairs spokesperson Mira Kell"),
            person(
                &["Mira", "Kell"],
                Some("Southland Department of Coastal Affairs spokesperson")
            )
        );
    }

    #[test]
    fn a_title_then_a_name() {
        assert_eq!(
            described("Chinese Foreign Minister Wang Yi"),
            person(&["Wang", "Yi"], Some("Chinese Foreign Minister"))
        );
    }

    #[test]
    fn initials_are_left_out_and_hyphens_kept() {
        assert_eq!(
            described("Antony J. Blinken"),
            person(&["Antony", "Blinken"], None)
        );
        assert_eq!(described("Lim Min-ho"), person(&["Lim", "Min-ho"], None));
        assert_eq!(
            described("Van der Merwe"),
            person(&["Van", "der", "Merwe"], None)
        );
    }

    #[test]
    fn a_country_or_a_body_before_a_name_is_no_part_of_it() {
        assert_eq!(
            described("Ukraine's Dmytro Kuleba"),
            person(&["Dmytro", "Kuleba"], Some("Ukraine's"))
        );
        assert_eq!(described("BBC Capaldi"), person(&["Capaldi"], Some("BBC")));
    }

    #[test]
    fn a_body_has_no_name() {
        assert_eq!(
            described("the State Department"),
            (
                vec![],
                Some("State Department".into()),
                SpeakerClass::Organisation
            )
        );
    }

    #[test]
    fn a_pronoun_has_no_role() {
        assert_eq!(described("he"), (vec![], None, SpeakerClass::Unresolved));
    }

    #[test]
    fn a_name_after_a_preposition_is_what_the_phrase_is_about() {
        let (name, _, class) = described("Opposition parties in the United Kingdom");
        assert_eq!((name, class), (vec![], SpeakerClass::Role));
    }

    #[test]
    fn an_appositive_is_the_role_without_its_determiner() {
        let text = "Michael Tyler, a spokesman for the campaign";
        let (name, role) = read(text, |c| {
            let phrase = Phrase {
                span: 0..c.len(),
                name: 0..2,
                role: Some(3..c.len()),
            };
            let d = describe_phrase(c, text, &phrase);
            (d.name, d.role)
        });
        assert_eq!(
            (name, role),
            (
                vec!["Michael".to_string(), "Tyler".to_string()],
                Some("spokesman for the campaign".to_string())
            )
        );
    }
}
