//! What grouping keeps of a report: its most distinctive terms, weighted, and
//! its date. Names, numbers and dates weigh more than topic words, because they
//! tell one happening from another (a call a month later shares the topic and
//! most of the phrasing, not the date or every name).

use std::sync::LazyLock;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::corpus::Report;

/// Terms kept per report: enough to compare, small enough to hold 100k reports.
const TERMS_KEPT: usize = 128;
/// BM25's k1: how soon repeating a term stops adding weight.
const SATURATION: f32 = 1.2;
/// How much of its similarity a pair keeps when the years they name disagree.
const YEAR_CONFLICT: f32 = 0.5;
/// Shorter words carry little about a happening (`us`, `un` aside, as names).
const MIN_WORD_CHARS: usize = 3;

/// A term's kind, and how much it weighs against a topic word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TermKind {
    /// A capitalised word that does not open a sentence: a person, place, body.
    Name,
    /// Digits: a number, a year, a day of the month.
    Number,
    /// A month or a weekday.
    Date,
    /// Any other word that is not a stop word.
    Word,
}

impl TermKind {
    fn weight(self) -> f32 {
        match self {
            TermKind::Name => 3.0,
            TermKind::Number | TermKind::Date => 3.0,
            TermKind::Word => 0.5,
        }
    }
}

/// A report's grouping profile: terms (hashed) with unit-length weights, sorted by term.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    pub terms: Vec<(u64, f32)>,
    /// Days since 1970-01-01, when the report is dated.
    pub day: Option<i32>,
    /// The years the text names (`2013`), sorted.
    pub years: Vec<u16>,
}

static STOP_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    stop_words::get(stop_words::Language::English)
        .iter()
        .copied()
        .collect()
});

static CALENDAR: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::data::sections(include_str!("../../data/meaning.txt"))
        .into_iter()
        .filter(|(section, _)| *section == "dates")
        .map(|(_, word)| word)
        .collect()
});

/// One term occurrence: its hash, kind and the word as folded.
struct Term {
    hash: u64,
    kind: TermKind,
    folded: String,
}

fn hash(kind: TermKind, folded: &str) -> u64 {
    let tag: u8 = match kind {
        TermKind::Name => b'N',
        TermKind::Number => b'#',
        TermKind::Date => b'D',
        TermKind::Word => b'W',
    };
    xxhash_rust::xxh3::xxh3_64_with_seed(folded.as_bytes(), u64::from(tag))
}

/// Turn the word just read into a term, if it is one, and start a new word.
fn flush(word: &mut String, sentence_start: bool, out: &mut Vec<Term>) {
    if word.is_empty() {
        return;
    }
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let folded = word.to_lowercase();
    word.clear();
    let kind = if folded.chars().any(|c| c.is_ascii_digit()) {
        TermKind::Number
    } else if CALENDAR.contains(folded.as_str()) {
        TermKind::Date
    } else if STOP_WORDS.contains(folded.as_str()) {
        return;
    } else if capitalised && !sentence_start {
        TermKind::Name
    } else if folded.chars().count() >= MIN_WORD_CHARS {
        TermKind::Word
    } else {
        return;
    };
    out.push(Term {
        hash: hash(kind, &folded),
        kind,
        folded,
    });
}

/// The terms of a text. A plain scan of letters and digits, not UAX #29: grouping
/// reads every report, and needs words, not their exact boundaries.
fn terms(text: &str) -> Vec<Term> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || (c == '\'' && !word.is_empty()) {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            // A possessive or a stray apostrophe at the end is not part of the word.
            while word.ends_with('\'') {
                word.pop();
            }
            if let Some(stem) = word.strip_suffix("'s") {
                word.truncate(stem.len());
            }
            flush(&mut word, sentence_start, &mut out);
            sentence_start = false;
        }
        if matches!(c, '.' | '!' | '?' | '\n' | '"' | '\u{201c}' | ':') {
            sentence_start = true;
        }
    }
    flush(&mut word, sentence_start, &mut out);
    out
}

/// How many reports each term occurs in.
pub fn document_frequencies(reports: &[&Report]) -> FxHashMap<u64, u32> {
    reports
        .par_iter()
        .fold(FxHashMap::<u64, u32>::default, |mut df, report| {
            let mut seen: FxHashSet<u64> = FxHashSet::default();
            for term in terms(&report.text) {
                if seen.insert(term.hash) {
                    *df.entry(term.hash).or_default() += 1;
                }
            }
            df
        })
        .reduce(FxHashMap::default, |mut a, b| {
            let (mut big, small) = if a.len() >= b.len() {
                (a, b)
            } else {
                (b, std::mem::take(&mut a))
            };
            for (term, n) in small {
                *big.entry(term).or_default() += n;
            }
            big
        })
}

/// A kept term as a person reads it, and whether it is a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readable {
    pub word: String,
    pub kind: TermKind,
}

/// The profile of one report, and the readable form of its kept terms.
pub fn profile(
    report: &Report,
    df: &FxHashMap<u64, u32>,
    total: usize,
) -> (Profile, Vec<(u64, Readable)>) {
    let mut counts: FxHashMap<u64, (u32, TermKind, String)> = FxHashMap::default();
    let mut years: Vec<u16> = Vec::new();
    for term in terms(&report.text) {
        if let Some(year) = year(&term) {
            years.push(year);
        }
        let entry = counts
            .entry(term.hash)
            .or_insert((0, term.kind, term.folded));
        entry.0 += 1;
    }
    let mut weighted: Vec<(u64, f32, String, TermKind)> = counts
        .into_iter()
        .filter_map(|(term, (tf, kind, folded))| {
            // A term no other report has ties this report to nothing.
            let df = *df.get(&term)?;
            if df < 2 {
                return None;
            }
            // Unsmoothed: a term every report shares says nothing about which
            // happening a report is about.
            let idf = (total as f32 / df as f32).ln();
            let weight = saturated(tf) * idf * kind.weight();
            (weight > 0.0).then_some((term, weight, folded, kind))
        })
        .collect();
    years.sort_unstable();
    years.dedup();
    weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    weighted.truncate(TERMS_KEPT);
    let norm = weighted
        .iter()
        .map(|t| t.1 * t.1)
        .sum::<f32>()
        .sqrt()
        .max(f32::MIN_POSITIVE);
    let mut terms: Vec<(u64, f32)> = weighted.iter().map(|t| (t.0, t.1 / norm)).collect();
    terms.sort_by_key(|t| t.0);
    let names = weighted
        .into_iter()
        .map(|t| {
            (
                t.0,
                Readable {
                    word: t.2,
                    kind: t.3,
                },
            )
        })
        .collect();
    let day = report.published.map(|d| {
        d.since(jiff::civil::date(1970, 1, 1))
            .map_or(0, |span| span.get_days())
    });
    (Profile { terms, day, years }, names)
}

/// A term's count, saturated as BM25 does: the tenth mention of a name adds
/// little to the first few.
fn saturated(tf: u32) -> f32 {
    let tf = tf as f32;
    tf * (1.0 + SATURATION) / (tf + SATURATION)
}

/// A number that reads as a year of news: 1900 to 2099.
fn year(term: &Term) -> Option<u16> {
    let year: u16 = term
        .folded
        .parse()
        .ok()
        .filter(|_| term.kind == TermKind::Number && term.folded.len() == 4)?;
    (1900..2100).contains(&year).then_some(year)
}

/// Cosine similarity of two profiles (their weights have unit length), halved
/// when both name years and none in common: the same kind of happening in
/// another year (an election, a casting, a recall) is another event.
pub fn similarity(a: &Profile, b: &Profile) -> f32 {
    let cosine = cosine(a, b);
    let conflict = !a.years.is_empty()
        && !b.years.is_empty()
        && !a.years.iter().any(|y| b.years.binary_search(y).is_ok());
    if conflict {
        cosine * YEAR_CONFLICT
    } else {
        cosine
    }
}

fn cosine(a: &Profile, b: &Profile) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].0.cmp(&b.terms[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a.terms[i].1 * b.terms[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_numbers_and_dates_are_told_apart_from_topic_words() {
        let found: Vec<(String, TermKind)> =
            terms("On Thursday, Wang Yi called Blinken. Talks on 27 January went well.")
                .into_iter()
                .map(|t| (t.folded, t.kind))
                .collect();
        assert_eq!(
            found,
            [
                ("thursday".to_string(), TermKind::Date),
                ("wang".to_string(), TermKind::Name),
                ("yi".to_string(), TermKind::Name),
                ("called".to_string(), TermKind::Word),
                ("blinken".to_string(), TermKind::Name),
                ("talks".to_string(), TermKind::Word),
                ("27".to_string(), TermKind::Number),
                ("january".to_string(), TermKind::Date),
                ("went".to_string(), TermKind::Word),
                ("well".to_string(), TermKind::Word),
            ]
        );
    }
}
