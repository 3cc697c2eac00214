//! What grouping keeps of a report: its most distinctive terms, weighted, and
//! its date. Names, numbers and dates weigh more than topic words, because they
//! tell one happening from another (a call a month later shares the topic and
//! most of the phrasing, not the date or every name).
//!
//! Memory is what limits a large corpus, so a report's profile is small: at most
//! [`TERMS_KEPT`] terms as `u32` ids into the corpus's [`Vocabulary`] (8 bytes a
//! term), its day and the years it names. Texts are scanned twice (document
//! frequencies, then profiles) rather than keeping every report's terms.

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

/// A term's id in the [`Vocabulary`]. Ids follow the order of the terms' hashes,
/// so sorting by id sorts as the hashes would.
pub type TermId = u32;

/// A report's grouping profile: terms with unit-length weights, sorted by term.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    pub terms: Box<[(TermId, f32)]>,
    /// Days since 1970-01-01, when the report is dated.
    pub day: Option<i32>,
    /// The years the text names (`2013`), sorted.
    pub years: Box<[u16]>,
}

/// How a folded word is read before its shape is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listed {
    /// A month, a weekday, `today`: a date term.
    Date,
    /// A stop word: no term.
    Stop,
}

/// The calendar words and the stop words, in one table: one look-up a word.
static LISTED: LazyLock<FxHashMap<&'static str, Listed>> = LazyLock::new(|| {
    let mut listed: FxHashMap<&'static str, Listed> =
        stop_words::get(stop_words::Language::English)
            .iter()
            .map(|&w| (w, Listed::Stop))
            .collect();
    // A calendar word that is also a stop word (`may`) is a date, as before.
    for (section, word) in crate::data::sections(include_str!("../../data/meaning.txt")) {
        if section == "dates" {
            listed.insert(word, Listed::Date);
        }
    }
    listed
});

fn hash(kind: TermKind, folded: &str) -> u64 {
    let tag: u8 = match kind {
        TermKind::Name => b'N',
        TermKind::Number => b'#',
        TermKind::Date => b'D',
        TermKind::Word => b'W',
    };
    // Known flaw: seeds a few units apart let xxh3 map a short word of one kind
    // onto another of another kind (`liu` and `lin` share a hash). Spreading the
    // tag over the seed's high bits fixes that but reorders ties between equal
    // weights, which costs ECB+ about 0.004 of B3 F1; left as it is for now.
    xxhash_rust::xxh3::xxh3_64_with_seed(folded.as_bytes(), u64::from(tag))
}

/// What a word is as a term, read once a thread ([`KNOWN`]): its folded form,
/// and its kind and hash, which for a capitalised word depend on whether it
/// opens a sentence.
#[derive(Debug)]
struct Known {
    folded: Box<str>,
    read: Read,
}

#[derive(Debug, Clone, Copy)]
enum Read {
    /// A stop word, or too short: no term.
    Skip,
    Term(TermKind, u64),
    /// A capitalised word listed nowhere: a name inside a sentence; opening
    /// one, a topic word if long enough.
    Capital {
        name: u64,
        word: Option<u64>,
    },
}

/// Words read per thread before the table is emptied.
const KNOWN_KEPT: usize = 1 << 16;

thread_local! {
    /// Reports repeat their words: each thread keeps how it read them.
    static KNOWN: std::cell::RefCell<FxHashMap<Box<str>, Known>> =
        std::cell::RefCell::new(FxHashMap::default());
}

/// How the word `word` reads as a term, wherever it stands.
fn known(word: &str) -> Known {
    // A possessive or a stray apostrophe at the end is not part of the word.
    let word = word.trim_end_matches('\'');
    let word = word.strip_suffix("'s").unwrap_or(word);
    if word.is_empty() {
        return Known {
            folded: Box::default(),
            read: Read::Skip,
        };
    }
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let folded = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.to_lowercase()
    };
    let read = if folded.bytes().any(|b| b.is_ascii_digit()) {
        Read::Term(TermKind::Number, hash(TermKind::Number, &folded))
    } else {
        match LISTED.get(folded.as_str()) {
            Some(Listed::Date) => Read::Term(TermKind::Date, hash(TermKind::Date, &folded)),
            Some(Listed::Stop) => Read::Skip,
            None => {
                let word = (folded.chars().count() >= MIN_WORD_CHARS)
                    .then(|| hash(TermKind::Word, &folded));
                if capitalised {
                    Read::Capital {
                        name: hash(TermKind::Name, &folded),
                        word,
                    }
                } else {
                    word.map_or(Read::Skip, |h| Read::Term(TermKind::Word, h))
                }
            }
        }
    };
    Known {
        folded: folded.into(),
        read,
    }
}

/// Hand the word `word` to `visit` as (kind, hash, folded word) if it is a
/// term. `known` holds the words read before.
fn flush(
    word: &str,
    known: &mut FxHashMap<Box<str>, Known>,
    sentence_start: bool,
    visit: &mut impl FnMut(TermKind, u64, &str) -> bool,
) -> bool {
    let k = match known.get(word) {
        Some(k) => k,
        None => {
            if known.len() >= KNOWN_KEPT {
                known.clear();
            }
            known
                .entry(word.into())
                .or_insert_with(|| self::known(word))
        }
    };
    let (kind, hash) = match k.read {
        Read::Skip => return true,
        Read::Term(kind, hash) => (kind, hash),
        Read::Capital { name, .. } if !sentence_start => (TermKind::Name, name),
        Read::Capital {
            word: Some(hash), ..
        } => (TermKind::Word, hash),
        Read::Capital { word: None, .. } => return true,
    };
    visit(kind, hash, &k.folded)
}

/// Every term of a text, in order, handed to `visit` as (kind, hash, folded
/// word): words are slices of the text, nothing is allocated per word. A plain
/// scan of letters and digits, not UAX #29: grouping reads every report, and
/// needs words, not their exact boundaries.
fn each_term(text: &str, mut visit: impl FnMut(TermKind, u64, &str)) {
    each_term_while(text, |kind, hash, folded| {
        visit(kind, hash, folded);
        true
    });
}

/// [`each_term`], stopping as soon as `visit` returns false.
fn each_term_while(text: &str, visit: impl FnMut(TermKind, u64, &str) -> bool) {
    KNOWN.with(|known| each_term_known(text, &mut known.borrow_mut(), visit));
}

fn each_term_known(
    text: &str,
    known: &mut FxHashMap<Box<str>, Known>,
    mut visit: impl FnMut(TermKind, u64, &str) -> bool,
) {
    let bytes = text.as_bytes();
    let mut sentence_start = true;
    // Where the word being read starts, if one is.
    let mut start: Option<usize> = None;
    let mut at = 0;
    while at < bytes.len() {
        // Inside a word, its ASCII letters and digits change nothing.
        if start.is_some() {
            while at < bytes.len() && (bytes[at].is_ascii_alphanumeric() || bytes[at] == b'\'') {
                at += 1;
            }
            if at == bytes.len() {
                break;
            }
        }
        // ASCII is read byte by byte; anything else is decoded.
        let (c, len) = match bytes[at] {
            b if b.is_ascii() => (char::from(b), 1),
            _ => match text[at..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            },
        };
        let in_word = if c.is_ascii() {
            c.is_ascii_alphanumeric() || (c == '\'' && start.is_some())
        } else {
            c.is_alphanumeric()
        };
        if in_word {
            start.get_or_insert(at);
        } else {
            if let Some(from) = start.take() {
                if !flush(&text[from..at], known, sentence_start, &mut visit) {
                    return;
                }
                sentence_start = false;
            }
            if matches!(c, '.' | '!' | '?' | '\n' | '"' | '\u{201c}' | ':') {
                sentence_start = true;
            }
        }
        at += len;
    }
    if let Some(from) = start {
        flush(&text[from..], known, sentence_start, &mut visit);
    }
}

/// The terms two or more reports share, as ids, with how many reports hold each.
/// A term in only one report ties it to nothing, so it gets no id.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<u64, TermId>,
    /// Per id, the term's hash.
    hashes: Vec<u64>,
    /// Per id, how many reports hold the term.
    df: Vec<u32>,
    /// How many reports were counted.
    total: usize,
}

impl Vocabulary {
    /// Count in how many of `reports` each term occurs, and number the shared ones.
    pub fn new(reports: &[&Report]) -> Vocabulary {
        let df = reports
            .par_iter()
            .fold(
                || {
                    (
                        FxHashMap::<u64, u32>::default(),
                        FxHashSet::<u64>::default(),
                    )
                },
                |(mut df, mut seen), report| {
                    seen.clear();
                    each_term(&report.text, |_, hash, _| {
                        if seen.insert(hash) {
                            *df.entry(hash).or_default() += 1;
                        }
                    });
                    (df, seen)
                },
            )
            .map(|(df, _)| df)
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
            });
        let mut shared: Vec<(u64, u32)> = df.into_iter().filter(|&(_, n)| n >= 2).collect();
        shared.sort_unstable_by_key(|&(hash, _)| hash);
        let ids = shared
            .iter()
            .enumerate()
            .map(|(id, &(hash, _))| (hash, id as TermId))
            .collect();
        Vocabulary {
            ids,
            hashes: shared.iter().map(|&(hash, _)| hash).collect(),
            df: shared.into_iter().map(|(_, n)| n).collect(),
            total: reports.len(),
        }
    }

    /// Per id, the term's hash: all that is needed, once profiles are made, to
    /// find a term's words again ([`words`]).
    pub fn into_hashes(self) -> Vec<u64> {
        self.hashes
    }

    /// How many terms have ids.
    pub fn len(&self) -> usize {
        self.df.len()
    }
}

/// A kept term as a person reads it, and whether it is a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readable {
    pub word: String,
    pub kind: TermKind,
}

/// The profile of every report, in order.
pub fn profiles(reports: &[&Report], vocabulary: &Vocabulary) -> Vec<Profile> {
    reports
        .par_iter()
        .map_init(
            || (FxHashMap::default(), Vec::new()),
            |(counts, years), report| profile(report, vocabulary, counts, years),
        )
        .collect()
}

/// The profile of one report. `counts` (by term hash, so the vocabulary is
/// asked once a term, not once a word) and `years` are scratch space, reused
/// from report to report.
fn profile(
    report: &Report,
    vocabulary: &Vocabulary,
    counts: &mut FxHashMap<u64, (u32, TermKind)>,
    years: &mut Vec<u16>,
) -> Profile {
    counts.clear();
    years.clear();
    each_term(&report.text, |kind, hash, folded| {
        if let Some(year) = year(kind, folded) {
            years.push(year);
        }
        counts.entry(hash).or_insert((0, kind)).0 += 1;
    });
    let total = vocabulary.total as f32;
    let weighted: Vec<(TermId, f32)> = counts
        .iter()
        .filter_map(|(hash, &(tf, kind))| {
            // A term no other report has ties this report to nothing.
            let id = *vocabulary.ids.get(hash)?;
            let df = vocabulary.df[id as usize];
            // Unsmoothed: a term every report shares says nothing about which
            // happening a report is about.
            let idf = (total / df as f32).ln();
            let weight = saturated(tf as f32) * idf * kind.weight();
            (weight > 0.0).then_some((id, weight))
        })
        .collect();
    years.sort_unstable();
    years.dedup();
    let terms = unit_length(weighted, TERMS_KEPT);
    let day = report.published.map(|d| {
        d.since(jiff::civil::date(1970, 1, 1))
            .map_or(0, |span| span.get_days())
    });
    Profile {
        terms,
        day,
        years: years.as_slice().into(),
    }
}

/// The readable form of the terms whose hashes are `wanted`, as the first of
/// `texts` that holds each term writes it (`None` for a term none holds).
/// Profiles keep ids, not words: only the few terms shown are looked for again.
pub fn words<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    wanted: &[u64],
) -> Vec<Option<Readable>> {
    let mut found: Vec<Option<Readable>> = vec![None; wanted.len()];
    let mut missing = wanted.len();
    for text in texts {
        if missing == 0 {
            break;
        }
        each_term_while(text, |kind, hash, folded| {
            for (slot, &w) in found.iter_mut().zip(wanted) {
                if w == hash && slot.is_none() {
                    *slot = Some(Readable {
                        word: folded.to_string(),
                        kind,
                    });
                    missing -= 1;
                }
            }
            missing > 0
        });
    }
    found
}

/// A term's count, saturated as BM25 does: the tenth mention of a name adds
/// little to the first few.
pub fn saturated(tf: f32) -> f32 {
    tf * (1.0 + SATURATION) / (tf + SATURATION)
}

/// The `kept` heaviest of `weighted` (ids and weights), scaled to unit length
/// and sorted by id: a profile's terms, a report's names.
pub fn unit_length(mut weighted: Vec<(u32, f32)>, kept: usize) -> Box<[(u32, f32)]> {
    let heavier = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    // Only the kept are sorted, heaviest first as before, so their norm sums alike.
    if kept > 0 && weighted.len() > kept {
        weighted.select_nth_unstable_by(kept - 1, heavier);
    }
    weighted.truncate(kept);
    // Ids are distinct, so an unstable sort orders exactly as a stable one,
    // without the stable sort's scratch space.
    weighted.sort_unstable_by(heavier);
    let norm = weighted
        .iter()
        .map(|t| t.1 * t.1)
        .sum::<f32>()
        .sqrt()
        .max(f32::MIN_POSITIVE);
    let mut unit: Box<[(u32, f32)]> = weighted.iter().map(|t| (t.0, t.1 / norm)).collect();
    unit.sort_unstable_by_key(|t| t.0);
    unit
}

/// A number that reads as a year of news: 1900 to 2099.
fn year(kind: TermKind, folded: &str) -> Option<u16> {
    if kind != TermKind::Number || folded.len() != 4 {
        return None;
    }
    let year: u16 = folded.parse().ok()?;
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
    sparse_cosine(&a.terms, &b.terms)
}

/// The dot product of two unit-length weightings sorted by id: their cosine.
pub fn sparse_cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    // Without branches on the ids, which no predictor guesses. Weights are
    // positive: adding 0.0 where the ids differ leaves the sum as it was.
    while i < a.len() && j < b.len() {
        let ((x, v), (y, w)) = (a[i], b[j]);
        sum += if x == y { v * w } else { 0.0 };
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<(String, TermKind)> {
        let mut found = Vec::new();
        each_term(text, |kind, _, folded| {
            found.push((folded.to_string(), kind))
        });
        found
    }

    #[test]
    fn names_numbers_and_dates_are_told_apart_from_topic_words() {
        assert_eq!(
            terms("On Thursday, Wang Yi called Blinken. Talks on 27 January went well."),
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

    #[test]
    fn a_term_in_one_report_only_gets_no_id() {
        let report = |text: &str| Report {
            id: String::new(),
            outlet: String::new(),
            published: None,
            title: None,
            url: None,
            event: None,
            text: text.to_string(),
            origin: Default::default(),
        };
        let (a, b) = (report("Lavrov met Wang."), report("Lavrov met Blinken."));
        let vocabulary = Vocabulary::new(&[&a, &b]);
        // `lavrov` and `met` are shared; `wang` and `blinken` are not.
        assert_eq!(vocabulary.len(), 2);
        // Their words are found again from their hashes.
        let mut found: Vec<String> = words([a.text.as_str()], &vocabulary.into_hashes())
            .into_iter()
            .flatten()
            .map(|r| r.word)
            .collect();
        found.sort();
        assert_eq!(found, ["lavrov", "met"]);
    }
}
