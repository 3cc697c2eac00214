//! Who a speaker phrase names, and one name per person within a report.
//!
//! `Chinese Foreign Minister Wang Yi` is the person Wang Yi with the role
//! Chinese Foreign Minister; later in the same report `Wang`, `the Chinese
//! minister` and `he` are the same person. People are registered from every
//! name in the report, not only from speakers, so `the Secretary` finds
//! `Secretary of State Antony J. Blinken` even where he was only spoken to.

use std::collections::HashSet;
use std::ops::Range;

use super::attribution::{Span, Speaker, SpeakerClass};
use super::frame::{Clause, Phrase};
use super::vocabulary::vocabulary;

/// A speaker phrase, split into its name and its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Described {
    /// The whole phrase as written, appositive included (bytes).
    pub span: Range<usize>,
    /// The name as written, without initials: `Antony Blinken`. Empty without a name.
    pub name: Vec<String>,
    pub role: Option<String>,
    /// Folded role words without determiners and connectors: `chinese`, `foreign`, `minister`.
    pub role_words: HashSet<String>,
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
    let span = clause.bytes(&phrase.span);
    let folded = |i: usize| {
        clause
            .word(i)
            .map(|w| w.strip_suffix("'s").unwrap_or(w).to_string())
    };
    let pronoun = tokens.len() == 1 && folded(tokens.start).is_some_and(|w| words.is_pronoun(&w));
    let mut name_start = tokens.end;
    while name_start > tokens.start {
        let t = name_start - 1;
        let is_name_word = clause.capitalized(t)
            && folded(t).is_some_and(|w| {
                !words.is_title(&w) && !words.is_body(&w) && !words.is_determiner(&w)
            });
        // `Lim Min-ho`, `Al-Dosari`, `Jean-Luc`: a hyphen inside a name.
        let hyphen = clause.hyphen_inside(t) && name_start < tokens.end;
        if is_name_word || clause.initial_stop(t) || hyphen {
            name_start = t;
        } else {
            break;
        }
    }
    // `Opposition parties in the United Kingdom`: a name after a preposition
    // is what the phrase is about, not who it is.
    let name_start = if (tokens.start..name_start).any(|i| {
        matches!(
            clause.word(i),
            Some("in" | "of" | "for" | "from" | "at" | "with" | "on")
        ) && !(i > tokens.start && folded(i - 1).is_some_and(|w| words.is_title(&w)))
    }) {
        tokens.end
    } else {
        name_start
    };
    // `Chinese Foreign Ministry spokesperson`: the name stops at the title.
    // Words joined without a space (`Min-ho`, `Al-Dosari`) are one name word;
    // initials (`J.`) are left out.
    let mut name: Vec<String> = Vec::new();
    let mut i = name_start;
    while i < tokens.end {
        let mut j = i + 1;
        while j < tokens.end
            && clause.token(j).start == clause.token(j - 1).end
            && (clause.hyphen_inside(j) || clause.hyphen_inside(j - 1))
        {
            j += 1;
        }
        let letters = (i..j)
            .filter_map(|k| clause.word(k))
            .map(|w| w.chars().count())
            .sum::<usize>();
        if letters > 1 {
            let shown = &text[clause.token(i).start..clause.token(j - 1).end];
            let shown = shown
                .strip_suffix("'s")
                .or_else(|| shown.strip_suffix("\u{2019}s"))
                .unwrap_or(shown);
            name.push(shown.to_string());
        }
        i = j;
    }
    let mut role_tokens: Vec<usize> = (tokens.start..name_start)
        .filter(|&i| folded(i).is_some_and(|w| !words.is_determiner(&w)))
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
            .filter(|&i| folded(i).is_some_and(|w| !words.is_determiner(&w)))
            .collect();
        match (own.first(), own.last(), trimmed.first(), trimmed.last()) {
            (Some(&a), Some(&b), _, _) if name_start < tokens.end => {
                Some(text[clause.bytes(&(a..b + 1))].to_string())
            }
            (_, _, Some(&a), Some(&b)) => {
                let first = if folded(a).is_some_and(|w| words.is_determiner(&w)) {
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
    let role_words: HashSet<String> = role_tokens
        .iter()
        .filter_map(|&i| folded(i))
        .filter(|w| !matches!(w.as_str(), "of" | "and" | "for" | "at"))
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
    let any_body = (tokens.start..tokens.end)
        .filter_map(folded)
        .any(|w| words.is_body(&w));
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
        tokens.end > tokens.start && folded(tokens.end - 1).is_some_and(|w| words.is_title(&w));
    Described {
        span,
        name,
        role,
        role_words,
        class,
        pronoun,
        titled,
    }
}

/// A person named in the report.
#[derive(Debug, Clone)]
struct Known {
    at: usize,
    name: Vec<String>,
    folded_name: Vec<String>,
    role: Option<String>,
    role_words: HashSet<String>,
}

impl Known {
    fn canonical(&self) -> String {
        self.name.join(" ")
    }
}

/// The people of one report, in the order they are named.
#[derive(Debug, Default)]
pub(super) struct People {
    known: Vec<Known>,
    /// The last person credited with speech, for `he said`: a named person,
    /// or a speaker known only by a title (`the minister`).
    last_speaker: Option<Last>,
}

#[derive(Debug, Clone)]
enum Last {
    Person(Known),
    Role {
        canonical: String,
        role: Option<String>,
    },
}

/// Head-of-government titles: what `the leader` may stand for.
const LEADERS: [&str; 6] = [
    "president",
    "prime",
    "premier",
    "chancellor",
    "king",
    "emir",
];

/// Whether role words (`japanese`, `leader`) fit a person's (`japanese`, `prime`, `minister`).
fn fits(words: &HashSet<String>, known: &HashSet<String>) -> bool {
    words.iter().all(|w| {
        known.contains(w)
            || (w == "leader" || w == "leaders") && LEADERS.iter().any(|l| known.contains(*l))
    })
}

impl People {
    /// Register a phrase that names a person (with a full name, or a title and a name).
    pub fn register(&mut self, phrase: &Described) {
        if phrase.class != SpeakerClass::Person || (phrase.name.len() < 2 && phrase.role.is_none())
        {
            return;
        }
        self.known.push(Known {
            at: phrase.span.start,
            name: phrase.name.clone(),
            folded_name: phrase.name.iter().map(|w| crate::text::fold(w)).collect(),
            role: phrase.role.clone(),
            role_words: phrase.role_words.clone(),
        });
    }

    /// The registered person that best fits `matches`: the last one named before
    /// `at`, else the first one named after it.
    fn find(&self, at: usize, matches: impl Fn(&Known) -> bool) -> Option<usize> {
        let before = (0..self.known.len())
            .filter(|&i| self.known[i].at <= at && matches(&self.known[i]))
            .last();
        before.or_else(|| {
            (0..self.known.len()).find(|&i| self.known[i].at > at && matches(&self.known[i]))
        })
    }

    /// Resolve a speaker phrase to one name for this report.
    pub fn resolve(&mut self, text: &str, phrase: &Described) -> Speaker {
        let mention = Span::new(text, phrase.span.clone());
        let lower = |s: &str| {
            let words = vocabulary();
            s.split_whitespace()
                .filter(|w| !words.is_determiner(&w.to_lowercase()))
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        if phrase.pronoun
            && matches!(crate::text::fold(&mention.text).as_str(), "he" | "she")
            && let Some(Last::Role { canonical, role }) = &self.last_speaker
        {
            return Speaker {
                mention,
                canonical: canonical.clone(),
                role: role.clone(),
                class: SpeakerClass::Role,
            };
        }
        let found = if phrase.pronoun {
            match (
                matches!(crate::text::fold(&mention.text).as_str(), "he" | "she"),
                &self.last_speaker,
            ) {
                (true, Some(Last::Person(known))) => self
                    .known
                    .iter()
                    .rposition(|k| k.folded_name == known.folded_name),
                _ => None,
            }
        } else if phrase.class == SpeakerClass::Person && phrase.name.len() > 1 {
            let name: Vec<String> = phrase.name.iter().map(|w| crate::text::fold(w)).collect();
            self.find(phrase.span.start, |k| k.folded_name == name)
        } else if phrase.class == SpeakerClass::Person && phrase.name.len() == 1 {
            let word = crate::text::fold(&phrase.name[0]);
            self.find(phrase.span.start, |k| k.folded_name.contains(&word))
        } else if (phrase.class == SpeakerClass::Role
            || phrase.class == SpeakerClass::Organisation && phrase.titled)
            && !phrase.role_words.is_empty()
        {
            self.find(phrase.span.start, |k| {
                fits(&phrase.role_words, &k.role_words)
            })
        } else {
            None
        };
        match (found, phrase.class) {
            (Some(index), _) => {
                // `Zhao Lijian, a foreign ministry spokesman`: a role given
                // with a later mention is the person's role from then on.
                if self.known[index].role.is_none() && phrase.role.is_some() {
                    self.known[index].role = phrase.role.clone();
                    self.known[index]
                        .role_words
                        .extend(phrase.role_words.iter().cloned());
                }
                let known = self.known[index].clone();
                let role = phrase.role.clone().or_else(|| known.role.clone());
                self.last_speaker = Some(Last::Person(known.clone()));
                Speaker {
                    mention,
                    canonical: known.canonical(),
                    role,
                    class: SpeakerClass::Person,
                }
            }
            (None, SpeakerClass::Person) => {
                let known = Known {
                    at: phrase.span.start,
                    name: phrase.name.clone(),
                    folded_name: phrase.name.iter().map(|w| crate::text::fold(w)).collect(),
                    role: phrase.role.clone(),
                    role_words: phrase.role_words.clone(),
                };
                self.known.push(known.clone());
                self.last_speaker = Some(Last::Person(known.clone()));
                Speaker {
                    mention,
                    canonical: known.canonical(),
                    role: phrase.role.clone(),
                    class: SpeakerClass::Person,
                }
            }
            (None, class) => {
                let canonical = lower(&mention.text);
                if class == SpeakerClass::Role && phrase.titled {
                    self.last_speaker = Some(Last::Role {
                        canonical: canonical.clone(),
                        role: phrase.role.clone(),
                    });
                }
                Speaker {
                    mention,
                    canonical,
                    role: phrase.role.clone(),
                    class,
                }
            }
        }
    }
}
