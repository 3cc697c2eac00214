//! CC009 addressee-shift: the same words said to a different person.
//!
//! Only people are compared: "told Blinken" and "urged the US" name the same
//! side of a conversation in two ways, "told Blinken" and "told Sullivan" do not.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Context, Rule, excerpt, rendering_location};
use crate::finding::{Finding, Location, Severity};
use crate::text::fold;

pub(crate) const RULE: Rule = Rule {
    code: "CC009",
    name: "addressee-shift",
    severity: Severity::Warning,
    summary: "the same words said to a different addressee",
    documentation: include_str!("addressee_shift.md"),
    example: include_str!("addressee_shift.example.md"),
    check,
};

fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let people = people_of_event(context);
    // Who each report has the speakers talk to, over all its statements.
    let spoken_to: Vec<(usize, String)> = context
        .event
        .reports
        .iter()
        .flat_map(|&r| {
            context.attributions[r]
                .iter()
                .filter_map(|a| person(&a.addressee.as_ref()?.text, &people))
                .map(move |name| (r, name))
        })
        .collect();
    for (claim, _) in context.own_claims() {
        let addressed: Vec<(usize, String)> = claim
            .renderings
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let addressee = context.attributions[r.report][r.attribution]
                    .addressee
                    .as_ref()?;
                Some((i, person(&addressee.text, &people)?))
            })
            .collect();
        let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
        for (_, name) in &addressed {
            *counts.entry(name.as_str()).or_default() += 1;
        }
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        // A clear majority says who the words were said to.
        let majority = match ranked.as_slice() {
            [(name, n), (_, m), ..] if n > m => Some(name.to_string()),
            [(name, n)] if *n > 1 => Some(name.to_string()),
            _ => None,
        };
        for (i, name) in &addressed {
            let rendering = &claim.renderings[*i];
            let report = &context.reports[rendering.report];
            let elsewhere = match &majority {
                Some(majority) if majority == name => continue,
                Some(majority) => format!("other reports say to {majority}"),
                // Without a majority, an addressee is still wrong when no other
                // report of the event names that person at all, while the words
                // are carried elsewhere and other reports have the speakers
                // talk to someone else: a person of another conversation. (One
                // outlet naming whom words were said to, where the others do
                // not say, is ordinary.)
                None if claim
                    .renderings
                    .iter()
                    .any(|r| r.report != rendering.report)
                    && !named_elsewhere(context, rendering.report, name) =>
                {
                    let Some((_, other)) = spoken_to
                        .iter()
                        .find(|(r, other)| *r != rendering.report && other != name)
                    else {
                        continue;
                    };
                    format!(
                        "no other report of this event names them; others say words were said to {other}"
                    )
                }
                None => continue,
            };
            let Some(addressee) =
                &context.attributions[rendering.report][rendering.attribution].addressee
            else {
                continue;
            };
            let words = rendering_location(context, claim, *i);
            let message = format!(
                "{} says \"{}\" was said to {name}; {elsewhere}",
                report.outlet,
                excerpt(&words.text)
            );
            let primary = Location::new(report, addressee.span());
            out.push(rule.finding(context, claim, message, primary, vec![words], Vec::new()));
        }
    }
}

/// Whether a report of the event other than `report` names the person, by
/// surname as a whole word.
fn named_elsewhere(context: &Context<'_>, report: usize, name: &str) -> bool {
    let Some(surname) = name.split_whitespace().last() else {
        return false;
    };
    context
        .event
        .reports
        .iter()
        .filter(|&&r| r != report)
        .any(|&r| names_word(&context.reports[r].text, surname))
}

/// Whether `word` occurs in `text` with no letter or digit on either side.
fn names_word(text: &str, word: &str) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(word).any(|(at, _)| {
        !alnum(text[..at].chars().next_back()) && !alnum(text[at + word.len()..].chars().next())
    })
}

/// The people named in the event, by surname (folded) to full name.
fn people_of_event(context: &Context<'_>) -> FxHashMap<String, String> {
    let mut full_names: Vec<String> = Vec::new();
    for &r in &context.event.reports {
        for a in &context.attributions[r] {
            if let Some(speaker) = a
                .speaker
                .as_ref()
                .filter(|s| s.class == crate::extract::SpeakerClass::Person)
            {
                full_names.push(speaker.canonical.clone());
            }
            // People spoken to are named in full somewhere too (`told Antony Blinken`).
            if let Some(name) = a
                .addressee
                .as_ref()
                .and_then(|ad| person(&ad.text, &FxHashMap::default()))
            {
                full_names.push(name);
            }
        }
    }
    let mut people = FxHashMap::default();
    for name in full_names {
        let words: Vec<&str> = name.split_whitespace().collect();
        if let (Some(first), Some(last)) = (words.first(), words.last()) {
            people.entry(fold(last)).or_insert_with(|| name.clone());
            people.entry(fold(first)).or_insert_with(|| name.clone());
        }
    }
    people
}

/// Words of a phrase that name a role, a body or a place, not a person
/// (`data/speakers.txt`, the extractor's lists).
static NOT_NAMES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::data::sections(include_str!("../../data/speakers.txt"))
        .into_iter()
        .filter(|(section, _)| matches!(*section, "titles" | "bodies" | "organisations"))
        .map(|(_, word)| word)
        .collect()
});

/// The person an addressee phrase names: a speaker of the event it names by
/// surname, or the name at its end (`US National Security Adviser Jake Sullivan`).
/// `None` for bodies and countries (`the United States`, `all parties`).
fn person(text: &str, people: &FxHashMap<String, String>) -> Option<String> {
    // The name is the run of capitalised words at the end that are not titles;
    // a hyphenated name (`Kang Tae-yong`, `Al-Dosari`) is one word.
    let name: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .rev()
        .take_while(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !NOT_NAMES.contains(fold(w).as_str())
        })
        .collect();
    if let Some(known) = name.iter().find_map(|n| people.get(&fold(n))) {
        return Some(known.clone());
    }
    (name.len() >= 2).then(|| name.iter().rev().copied().collect::<Vec<_>>().join(" "))
}
