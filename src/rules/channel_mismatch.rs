//! CC007 channel-mismatch: the same words credited through a different channel
//! than the other outlets credit them through.
//!
//! What counts is the innermost channel of each rendering, the one closest to
//! the speaker (`stated ANI` around `as cited by the foreign ministry` comes from
//! the ministry). Channels are named many ways (`the foreign ministry`, `a
//! readout from the Chinese foreign ministry`, `a statement posted on the
//! Chinese Foreign Ministry's website`): each is matched to an outlet by the
//! words they share, and a spokesperson's name to the outlet their title names.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Context, Rule, excerpt, rendering_location};
use crate::finding::{Finding, Location, Severity};
use crate::text::{Wording, fold};

/// Words that name a kind of document or a role, not whose it is.
const GENERIC: &[&str] = &[
    "statement",
    "statements",
    "readout",
    "release",
    "website",
    "posted",
    "report",
    "reports",
    "transcript",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "official",
    "officials",
    "remarks",
    "briefing",
    "news",
];

/// Where a rendering says its words came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Route {
    /// From the speaker, or through a primary source's own statement.
    Source,
    /// Through someone else: an outlet, `state media`.
    Through(String),
}

pub(crate) const RULE: Rule = Rule {
    code: "CC007",
    name: "channel-mismatch",
    severity: Severity::Warning,
    summary: "the same quote credited through different channels",
    documentation: include_str!("channel_mismatch.md"),
    example: include_str!("channel_mismatch.example.md"),
    check,
};

fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let outlets = outlet_words(context);
    let people = spokespeople(context, &outlets);
    for (claim, _) in context.own_claims() {
        let routes: Vec<(Route, Option<&crate::extract::Excerpt>)> = claim
            .renderings
            .iter()
            .map(|r| {
                let attribution = &context.attributions[r.report][r.attribution];
                let own = fold(&context.reports[r.report].outlet);

                // The innermost channel that is not the report's own outlet, nor a
                // credit of the whole report (`(ANI)` at its end, outside the sentence).
                let channel = attribution.channels.iter().rev().find(|c| {
                    c.start >= attribution.sentence.start()
                        && c.end <= attribution.sentence.end()
                        && owner(&c.text, &outlets, &people).is_none_or(|o| o != own)
                });
                match channel {
                    None => (Route::Source, None),
                    Some(c) => match owner(&c.text, &outlets, &people) {
                        Some(o) if is_primary_outlet(context, &o) => (Route::Source, Some(c)),
                        Some(o) => (Route::Through(o), Some(c)),
                        // A channel that names no outlet counts only when it is
                        // press (`state media`); a person or a document is the source's.
                        None if names_press(&c.text) => {
                            (Route::Through(content_words(&c.text).join(" ")), Some(c))
                        }
                        None => (Route::Source, Some(c)),
                    },
                }
            })
            .collect();
        told_another(context, rule, claim, &routes, out);
        for (i, (route, channel)) in routes.iter().enumerate() {
            let (Route::Through(name), Some(channel)) = (route, channel) else {
                continue;
            };
            let rendering = &claim.renderings[i];
            let others: Vec<&Route> = routes
                .iter()
                .zip(&claim.renderings)
                .filter(|(_, r)| r.report != rendering.report)
                .map(|(route, _)| &route.0)
                .collect();
            let from_source = others.iter().filter(|r| ***r == Route::Source).count();
            // Only against a clear majority, of two outlets at least, or the
            // source's own publication: otherwise the routes are merely various,
            // and one other outlet that names no channel does not say the words
            // came straight from the speaker.
            let source_publishes = context.is_verbatim_source(claim)
                && routes[claim.reference].0 == Route::Source
                && claim.renderings[claim.reference].report != rendering.report;
            if !(source_publishes || from_source >= MIN_FROM_SOURCE)
                || from_source * 2 <= others.len()
            {
                continue;
            }
            let report = &context.reports[rendering.report];
            let primary = Location::new(report, channel.span());
            let words = rendering_location(context, claim, i);
            let message = format!(
                "{} credits \"{}\" through {name}; {from_source} of {} other renderings have it from the source",
                report.outlet,
                excerpt(&words.text),
                others.len()
            );
            let related = vec![rendering_location(context, claim, claim.reference), words];
            out.push(rule.finding(context, claim, message, primary, related, Vec::new()));
        }
    }
}

/// See the majority in `check`.
const MIN_FROM_SOURCE: usize = 2;

/// News organisations by every name they go by: `data/press.txt`.
static NEWS_ORGANISATIONS: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    crate::data::lines(include_str!("../../data/press.txt"))
        .flat_map(|line| {
            let mut names = line.split(['|', ',']).map(str::trim);
            let canonical = names.next().unwrap_or("");
            std::iter::once(canonical)
                .chain(names)
                .map(move |name| (name, canonical))
        })
        .collect()
});

/// The news organisation an addressee names (`told People`, `tells PEOPLE
/// magazine`, `told UsMagazine.com`), written with a capital as a name is:
/// `told people` names no one.
fn press_addressee(text: &str) -> Option<&'static str> {
    let text = text.trim();
    let bare = text
        .strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .unwrap_or(text);
    if !bare.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // `The Hill` is listed with its article: `Hill` alone may be a person.
    [text, bare].into_iter().find_map(|name| {
        let mut name = fold(name);
        for suffix in [".com", "magazine", "newspaper"] {
            if let Some(shorter) = name.strip_suffix(suffix) {
                name = shorter.trim_end().to_string();
            }
        }
        NEWS_ORGANISATIONS.get(name.as_str()).copied()
    })
}

/// A speaker who `told` a news organisation the words, where the other
/// outlets that say whom the words went to agree on another one (`told Us`
/// where most say `told People`): a channel, named as the addressee. Only
/// against a majority of two outlets at least of those naming a channel.
fn told_another(
    context: &Context<'_>,
    rule: &Rule,
    claim: &crate::align::Claim,
    routes: &[(Route, Option<&crate::extract::Excerpt>)],
    out: &mut Vec<Finding>,
) {
    let addressee = |i: usize| {
        let r = &claim.renderings[i];
        context.attributions[r.report][r.attribution]
            .addressee
            .as_ref()
    };
    let told: Vec<Option<&str>> = (0..claim.renderings.len())
        .map(|i| {
            (routes[i].0 == Route::Source)
                .then(|| addressee(i).and_then(|a| press_addressee(&a.text)))
                .flatten()
        })
        .collect();
    if told.iter().all(Option::is_none) {
        return;
    }
    // Whom each rendering has the words through: its channel or its addressee.
    let through: Vec<Option<&str>> = routes
        .iter()
        .zip(&told)
        .map(|((route, _), told)| match route {
            Route::Through(name) => Some(name.as_str()),
            Route::Source => *told,
        })
        .collect();
    for (i, mine) in told.iter().enumerate() {
        let (Some(mine), Some(to)) = (mine, addressee(i)) else {
            continue;
        };
        let rendering = &claim.renderings[i];
        // One vote an outlet, for each organisation it names.
        let mut named: Vec<(usize, &str)> = (0..claim.renderings.len())
            .filter(|&j| claim.renderings[j].report != rendering.report)
            .filter_map(|j| through[j].map(|n| (claim.renderings[j].report, n)))
            .collect();
        named.sort_unstable();
        named.dedup();
        let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
        for (_, name) in &named {
            *counts.entry(name).or_default() += 1;
        }
        let Some((other, votes)) = counts
            .into_iter()
            .max_by_key(|&(name, votes)| (votes, std::cmp::Reverse(name)))
        else {
            continue;
        };
        if other == *mine || votes < MIN_FROM_SOURCE || votes * 2 <= named.len() {
            continue;
        }
        // The organisation as another outlet prints it, when one names it as addressee.
        let shown = (0..claim.renderings.len())
            .find(|&j| told[j] == Some(other))
            .and_then(addressee)
            .map_or(other, |a| a.text.trim());
        let report = &context.reports[rendering.report];
        let words = rendering_location(context, claim, i);
        let message = format!(
            "{} credits \"{}\" as told to {}; {votes} of {} other renderings that say whom the words went to have {shown}",
            report.outlet,
            excerpt(&words.text),
            to.text.trim(),
            named.len()
        );
        let primary = Location::new(report, to.span());
        let related = vec![rendering_location(context, claim, claim.reference), words];
        out.push(rule.finding(context, claim, message, primary, related, Vec::new()));
    }
}

/// Words that make a channel phrase the press rather than the source.
const PRESS: &[&str] = &[
    "media",
    "press",
    "newspaper",
    "newspapers",
    "agency",
    "agencies",
    "tabloid",
    "television",
    "broadcaster",
    "outlet",
    "outlets",
];

/// What `press` names when a word of the source's own follows it: a
/// document or a person of the source (`the press release`, `a press
/// secretary`), not the press.
const THE_SOURCES_OWN: &[&str] = &[
    "release",
    "releases",
    "statement",
    "conference",
    "briefing",
    "note",
    "secretary",
    "office",
    "officer",
];

fn names_press(text: &str) -> bool {
    let words = Wording::of(text).words;
    words.iter().enumerate().any(|(i, w)| {
        let own = w.folded.as_ref() == "press"
            && words
                .get(i + 1)
                .is_some_and(|next| THE_SOURCES_OWN.contains(&next.folded.as_ref()));
        PRESS.contains(&w.folded.as_ref()) && !own
    })
}

/// The content words of a channel phrase, without generic words.
fn content_words(text: &str) -> Vec<String> {
    let wording = Wording::of(text);
    let mut words: Vec<String> = wording
        .words
        .iter()
        .filter(|w| w.content && !GENERIC.contains(&w.folded.as_ref()))
        .map(|w| w.folded.strip_suffix("'s").unwrap_or(&w.folded).to_string())
        .collect();
    words.dedup();
    words
}

/// An outlet's name, folded, with its words (`chinese` read as `china`).
type OutletName = (String, FxHashSet<String>);

/// Every outlet the configuration knows (names and aliases), with its words:
/// made once for a run, not for each event, as a configuration may list
/// hundreds of outlets.
#[derive(Debug, Default)]
pub struct ConfiguredOutlets {
    names: Vec<OutletName>,
    /// Each word of their names, with the outlets (indices into `names`)
    /// that have it: `owner` reads only the outlets that share a word with a
    /// phrase, not all of them for every channel.
    by_word: FxHashMap<String, Vec<usize>>,
}

impl ConfiguredOutlets {
    pub fn of(config: &crate::config::Config) -> ConfiguredOutlets {
        let mut names: Vec<&str> = config
            .outlets
            .iter()
            .flat_map(|o| std::iter::once(&o.name).chain(&o.aliases))
            .map(String::as_str)
            .collect();
        names.sort_unstable();
        names.dedup();
        let names: Vec<OutletName> = names.into_iter().map(outlet_name).collect();
        let mut by_word: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, (_, words)) in names.iter().enumerate() {
            for word in words {
                by_word.entry(word.clone()).or_default().push(i);
            }
        }
        ConfiguredOutlets { names, by_word }
    }
}

fn outlet_name(name: &str) -> OutletName {
    (
        fold(name),
        content_words(name)
            .into_iter()
            .map(adjective_to_country)
            .collect(),
    )
}

/// Every outlet the event or the configuration knows: the configuration's,
/// and the event's own outlets it does not list. (Two names that fold alike
/// are one outlet: the same folded name and words.)
struct Outlets<'a> {
    configured: &'a ConfiguredOutlets,
    of_event: Vec<OutletName>,
}

impl Outlets<'_> {
    fn iter(&self) -> impl Iterator<Item = &OutletName> {
        self.configured.names.iter().chain(&self.of_event)
    }
}

fn outlet_words<'a>(context: &Context<'a>) -> Outlets<'a> {
    let configured = context.configured_outlets;
    let known: FxHashSet<&str> = configured
        .names
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    let mut of_event: Vec<&str> = context
        .event
        .reports
        .iter()
        .map(|&r| context.reports[r].outlet.as_str())
        .filter(|name| !known.contains(fold(name).as_str()))
        .collect();
    of_event.sort_unstable();
    of_event.dedup();
    Outlets {
        configured,
        of_event: of_event.into_iter().map(outlet_name).collect(),
    }
}

/// `chinese` and `china` name the same ministry.
fn adjective_to_country(word: String) -> String {
    match word.as_str() {
        "chinese" => "china".to_string(),
        "american" | "u.s" => "us".to_string(),
        "russian" => "russia".to_string(),
        "indian" => "india".to_string(),
        _ => word,
    }
}

/// The outlet (folded name) a channel phrase names: the one it shares the most
/// words with, two at least (or all of a one-word name).
fn owner(text: &str, outlets: &Outlets<'_>, people: &FxHashMap<String, String>) -> Option<String> {
    let words: FxHashSet<String> = content_words(text)
        .into_iter()
        .map(adjective_to_country)
        .collect();
    // A spokesperson named: `Price`, `Department spokesman Ned Price`.
    if let Some(outlet) = words.iter().filter_map(|w| people.get(w)).min() {
        return Some(outlet.clone());
    }
    // The words each configured outlet shares with the phrase, counted from
    // the index of their words: an outlet that shares none is no owner.
    let mut shared: FxHashMap<usize, usize> = FxHashMap::default();
    for word in &words {
        for &o in outlets.configured.by_word.get(word).into_iter().flatten() {
            *shared.entry(o).or_default() += 1;
        }
    }
    // Only equal names tie, and two outlets of one folded name have the same
    // words: the order the candidates come in changes nothing.
    let configured = shared.into_iter().map(|(o, shared)| {
        let (name, own) = &outlets.configured.names[o];
        (name, shared, own.len())
    });
    let of_event = outlets
        .of_event
        .iter()
        .map(|(name, own)| (name, own.intersection(&words).count(), own.len()));
    configured
        .chain(of_event)
        .filter(|&(_, shared, size)| shared >= 2.min(size) && shared > 0)
        .max_by_key(|&(name, shared, _)| (shared, std::cmp::Reverse(name)))
        .map(|(name, _, _)| name.clone())
}

/// Names of people who speak for an outlet, from channel phrases that give both
/// (`State Department spokesman Ned Price`): a bare `Price` then names the outlet.
fn spokespeople(context: &Context<'_>, outlets: &Outlets<'_>) -> FxHashMap<String, String> {
    let mut people = FxHashMap::default();
    for &r in &context.event.reports {
        for a in &context.attributions[r] {
            for channel in &a.channels {
                let Some(outlet) = owner(&channel.text, outlets, &FxHashMap::default()) else {
                    continue;
                };
                for word in Wording::of(&channel.text)
                    .words
                    .iter()
                    .filter(|w| w.capitalised && w.content)
                {
                    let own = outlets.iter().any(|(_, words)| {
                        words.contains(&adjective_to_country(word.folded.to_string()))
                    });
                    if !own {
                        people.insert(word.folded.to_string(), outlet.clone());
                    }
                }
            }
        }
    }
    people
}

fn is_primary_outlet(context: &Context<'_>, folded: &str) -> bool {
    context.config.outlets.iter().any(|o| {
        o.kind == crate::config::OutletKind::Official
            && (fold(&o.name) == folded || o.aliases.iter().any(|a| fold(a) == folded))
    })
}

#[cfg(test)]
mod tests {
    use super::press_addressee;

    #[test]
    fn a_news_organisation_is_named_with_a_capital() {
        assert_eq!(press_addressee("People"), Some("people"));
        assert_eq!(press_addressee("PEOPLE magazine"), Some("people"));
        assert_eq!(press_addressee("UsMagazine.com"), Some("us weekly"));
        assert_eq!(press_addressee("the BBC"), Some("bbc"));
        assert_eq!(press_addressee("The Hill"), Some("the hill"));
        assert_eq!(press_addressee("people"), None);
        assert_eq!(press_addressee("us"), None);
        // A person called Hill is no newspaper.
        assert_eq!(press_addressee("Hill"), None);
    }
}
