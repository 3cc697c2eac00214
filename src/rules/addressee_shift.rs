//! CC009 addressee-shift: the same words said to a different person.
//!
//! Only people are compared: "told Blinken" and "urged the US" name the same
//! side of a conversation in two ways, "told Blinken" and "told Sullivan" do not.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Context, Rule, excerpt, rendering_location};
use crate::finding::{Finding, Location};
use crate::text::{Wording, fold};

pub(super) fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let people = people_of_event(context);
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
        // A clear majority, or there is no telling which addressee is right.
        let majority = match ranked.as_slice() {
            [(name, n), (_, m), ..] if n > m => name.to_string(),
            [(name, _)] => name.to_string(),
            _ => continue,
        };
        for (i, name) in addressed.iter().filter(|(_, name)| *name != majority) {
            let rendering = &claim.renderings[*i];
            let report = &context.reports[rendering.report];
            let Some(addressee) =
                &context.attributions[rendering.report][rendering.attribution].addressee
            else {
                continue;
            };
            let words = rendering_location(context, claim, *i);
            let message = format!(
                "{} says \"{}\" was said to {name}; other reports say to {majority}",
                report.outlet,
                excerpt(&words.text)
            );
            let primary = Location::new(report, (addressee.start, addressee.end));
            out.push(rule.finding(context, claim, message, primary, vec![words], Vec::new()));
        }
    }
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
    let words = Wording::of(text);
    // The name is the run of capitalised words at the end that are not titles.
    let name: Vec<&str> = words
        .words
        .iter()
        .rev()
        .take_while(|w| w.capitalised && !NOT_NAMES.contains(w.folded.as_ref()))
        .map(|w| &text[w.range.clone()])
        .collect();
    if let Some(known) = name.iter().find_map(|n| people.get(&fold(n))) {
        return Some(known.clone());
    }
    (name.len() >= 2).then(|| name.iter().rev().copied().collect::<Vec<_>>().join(" "))
}
