//! Where it happened: the city a report's dateline or lead names first, from a
//! gazetteer of capitals, summit cities and seats of power with their names in
//! other languages (`data/cities.txt`). A call has no place.

use std::sync::LazyLock;

use super::lexicon::{Ends, Lexicon, prefix};
use super::romanise::fold_text;

/// How far into the lead a place is read, in bytes.
const PLACE_BYTES: usize = 600;
/// A place this many bytes in weighs half as much as the first.
const HALF_WEIGHT_AT: f32 = 200.0;

/// A place's index in the gazetteer.
pub type PlaceId = u16;

/// A place the lead says the happening is at (`in Geneva`) counts this much more.
const AT_WEIGHT: f32 = 2.0;

/// The words that put a happening at a place, folded (cased scripts) or as written.
static AT: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::data::sections(include_str!("../../data/cities.txt"))
        .into_iter()
        .filter(|(s, _)| *s == "at")
        .map(|(_, w)| fold_text(w).trim().to_string())
        .collect()
});

static GAZETTEER: LazyLock<(Lexicon, Vec<&'static str>)> = LazyLock::new(|| {
    let lines: Vec<&'static str> = crate::data::sections(include_str!("../../data/cities.txt"))
        .into_iter()
        .filter(|(s, _)| *s == "places")
        .map(|(_, l)| l)
        .collect();
    let names = lines
        .iter()
        .map(|l| l.split('|').next().unwrap_or(l).trim())
        .collect();
    let entries = lines
        .iter()
        .enumerate()
        .flat_map(|(i, l)| l.split('|').map(move |n| (i as u16, n.trim())));
    (Lexicon::new(entries, Ends::Word), names)
});

/// The English name of a place.
pub fn name(place: PlaceId) -> &'static str {
    GAZETTEER.1.get(place as usize).copied().unwrap_or("")
}

/// The place a lead names most prominently: a dateline counts double, then
/// the earliest mentions weigh most.
pub fn read(lead: &str, folded: &str) -> Option<PlaceId> {
    let dateline_end = lead
        .find(['—', '–'])
        .or_else(|| lead.find(" - "))
        .filter(|&at| at < 60 && !lead[..at].contains('\n'));
    let mut weights: Vec<(PlaceId, f32)> = Vec::new();
    for hit in GAZETTEER
        .0
        .hits(prefix(lead, PLACE_BYTES), prefix(folded, PLACE_BYTES))
    {
        // Folded offsets are the lead's while the lead is ASCII.
        let in_dateline = dateline_end.is_some_and(|end| {
            hit.at < end && (!hit.folded || lead.get(..end).is_some_and(str::is_ascii))
        });
        let at = if hit.folded {
            let before = folded[..hit.at].trim_end();
            let word = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            AT.iter().any(|a| a == word)
        } else {
            let before = lead[..hit.at].trim_end();
            AT.iter()
                .any(|a| !a.is_empty() && !a.is_ascii() && before.ends_with(a.as_str()))
        };
        let w = 1.0 / (1.0 + hit.at as f32 / HALF_WEIGHT_AT)
            * if in_dateline || at { AT_WEIGHT } else { 1.0 };
        match weights.iter_mut().find(|(p, _)| *p == hit.class) {
            Some(e) => e.1 += w,
            None => weights.push((hit.class, w)),
        }
    }
    weights
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(p, _)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(lead: &str) -> Option<&'static str> {
        read(lead, &fold_text(lead)).map(name)
    }

    #[test]
    fn a_city_is_found_by_any_of_its_names() {
        assert_eq!(place("GENEVA — The talks began."), Some("Geneva"));
        assert_eq!(
            place("Лавров и Блинкен встретились в Женеве."),
            Some("Geneva")
        );
        assert_eq!(
            place("Macron a rencontré Poutine au Kremlin."),
            Some("Moscow")
        );
        assert_eq!(place("拜登与习近平在巴厘岛会晤。"), Some("Bali"));
        assert_eq!(place("The talks were useful."), None);
        // German copy writes Kyiv as Kyjiw.
        assert_eq!(place("Der Kanzler besuchte am Montag Kyjiw."), Some("Kyiv"));
    }
}
