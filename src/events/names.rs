//! Who took part: the people a report's lead names, as keys that are the same
//! in every script. A name is romanised and reduced to its consonant skeleton
//! (`Blinken`, `Блинкен` and `布林肯` all become `blnkn`), so reports in
//! different languages can be compared by the people they name.
//!
//! Cased scripts show names by their capitals: a run of capitalised words that
//! the corpus does not also write in lower case is one person, keyed by the
//! surname (or by surname and given name when an East-Asian surname leads).
//! Chinese, Arabic, Korean and other caseless text joins a key that cased
//! copy anchors when a window of it has the same skeleton; what no skeleton
//! reaches comes from the alias list (`data/names.txt`).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::profile::{saturated, unit_length};
use super::romanise::{Script, fold, fold_into, has_caseless_letters, script};

/// A person's id in the corpus's [`Cast`].
pub type NameId = u32;

/// How far into the lead names are read, in characters: who took part is
/// told early, in any script (a Cyrillic letter takes two bytes, a Chinese
/// one three).
pub const NAME_CHARS: usize = 900;
/// How far into the lead a name counts among the principals, in characters.
const PRINCIPAL_CHARS: usize = 600;
/// The principals kept per report.
pub const PRINCIPALS: usize = 3;
/// Names kept per report for comparing across languages.
const NAMES_KEPT: usize = 24;
/// A mention this many characters into the lead weighs half as much as the first.
const HALF_WEIGHT_AT: f32 = 300.0;

static LISTS: LazyLock<Lists> = LazyLock::new(Lists::load);

/// The word lists names are told by.
struct Lists {
    surnames: FxHashSet<String>,
    /// Titles that stand before a person's name, folded.
    titles: FxHashSet<String>,
    /// Folded words that are never a participant: titles, calendar words,
    /// countries, cities, demonyms.
    not_names: FxHashSet<String>,
    /// Stop words per ISO 639-1 language, folded.
    stops: FxHashMap<&'static str, FxHashSet<String>>,
    /// Aliases as written, and the Latin name each stands for.
    aliases: Option<AhoCorasick>,
    alias_of: Vec<String>,
}

impl Lists {
    fn load() -> Lists {
        let names = crate::data::sections(include_str!("../../data/names.txt"));
        let surnames = names
            .iter()
            .filter(|(s, _)| *s == "surnames")
            .map(|(_, w)| fold(w))
            .collect();
        let mut titles: FxHashSet<String> = names
            .iter()
            .filter(|(s, _)| *s == "titles")
            .map(|(_, w)| fold(w))
            .collect();
        let mut not_names: FxHashSet<String> = names
            .iter()
            .filter(|(s, _)| *s == "not names")
            .map(|(_, w)| fold(w))
            .collect();
        for (section, word) in crate::data::sections(include_str!("../../data/speakers.txt")) {
            if matches!(section, "titles" | "months" | "weekdays" | "times") {
                not_names.insert(fold(word));
            }
            if section == "titles" {
                titles.insert(fold(word));
            }
        }
        let places = crate::data::lines(include_str!("../../data/places.txt"));
        let cities =
            crate::data::lines(include_str!("../../data/cities.txt")).flat_map(|l| l.split('|'));
        let calendar = crate::data::sections(include_str!("../../data/calendar.txt"))
            .into_iter()
            .flat_map(|(_, l)| l.split('|'));
        for name in places.chain(cities).chain(calendar) {
            for word in name.split([' ', '-']) {
                let f = fold(word);
                if !f.is_empty() {
                    not_names.insert(f);
                }
            }
        }
        let mut stops: FxHashMap<&'static str, FxHashSet<String>> = FxHashMap::default();
        for &language in stop_words::available_languages() {
            if let Some(words) = stop_words::lookup(language) {
                stops.insert(language, words.iter().map(|w| fold(w)).collect());
            }
        }
        let (mut written, mut alias_of) = (Vec::new(), Vec::new());
        for (_, line) in names.iter().filter(|(s, _)| *s == "aliases") {
            let mut forms = line.split('|').map(str::trim);
            let Some(latin) = forms.next() else { continue };
            for form in forms.filter(|f| !f.is_empty()) {
                written.push(form.to_string());
                alias_of.push(latin.to_string());
            }
        }
        let aliases = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&written)
            .ok();
        not_names.extend(titles.iter().cloned());
        Lists {
            surnames,
            titles,
            not_names,
            stops,
            aliases,
            alias_of,
        }
    }

    fn stop(&self, language: Option<&str>, folded: &str) -> bool {
        let of = |l: &str| self.stops.get(l).is_some_and(|s| s.contains(folded));
        of("en") || language.is_some_and(|l| l != "en" && of(l))
    }
}

/// The ISO 639-1 code of a language as [`crate::extract::language`] names it.
pub fn short_code(language: Option<&str>) -> Option<&'static str> {
    const CODES: [(&str, &str); 34] = [
        ("eng", "en"),
        ("fra", "fr"),
        ("deu", "de"),
        ("spa", "es"),
        ("ita", "it"),
        ("por", "pt"),
        ("nld", "nl"),
        ("rus", "ru"),
        ("ukr", "uk"),
        ("bel", "be"),
        ("bul", "bg"),
        ("mkd", "mk"),
        ("srp", "sr"),
        ("slv", "sl"),
        ("hrv", "hr"),
        ("pol", "pl"),
        ("ces", "cs"),
        ("slk", "sk"),
        ("ron", "ro"),
        ("hun", "hu"),
        ("est", "et"),
        ("fin", "fi"),
        ("swe", "sv"),
        ("dan", "da"),
        ("nob", "no"),
        ("tur", "tr"),
        ("ind", "id"),
        ("tgl", "tl"),
        ("ell", "el"),
        ("ara", "ar"),
        ("cmn", "zh"),
        ("jpn", "ja"),
        ("kor", "ko"),
        ("tam", "ta"),
    ];
    let language = language?;
    CODES
        .iter()
        .find(|(long, _)| *long == language)
        .map(|(_, short)| *short)
}

/// One word of a lead.
#[derive(Debug)]
struct Word<'a> {
    text: &'a str,
    at: usize,
    script: Script,
    /// First word of a sentence: its capital says nothing.
    opens: bool,
}

/// The words of `text`: runs of letters of one script. An apostrophe or a
/// hyphen ends a word (`Lavrov's` is `Lavrov`, `s`).
fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut start: Option<(usize, Script)> = None;
    let mut opens = true;
    let mut next_opens = true;
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        // Inside a word of a cased script, its ASCII letters change nothing.
        if let Some((_, Script::Cased)) = start {
            while bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
                at += 1;
            }
        }
        let Some(&b) = bytes.get(at) else { break };
        // ASCII without decoding (every ASCII letter is of a cased script);
        // any other character decoded.
        let (c, len) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        let letter = if b < 0x80 {
            b.is_ascii_alphabetic()
        } else {
            c.is_alphabetic()
        };
        let s = if !letter {
            Script::Caseless
        } else if b < 0x80 {
            Script::Cased
        } else {
            script(c)
        };
        if let Some((from, script)) = start {
            if !letter || s != script {
                out.push(Word {
                    text: &text[from..at],
                    at: from,
                    script,
                    opens,
                });
                start = None;
                next_opens = false;
            }
        }
        if letter {
            if start.is_none() {
                start = Some((at, s));
                opens = next_opens;
            }
        } else if matches!(
            c,
            '.' | '!' | '?' | '\n' | ':' | '"' | '\u{201c}' | '\u{ab}' | '\u{201e}' | '。'
        ) {
            next_opens = true;
        }
        at += len;
    }
    if let Some((from, script)) = start {
        out.push(Word {
            text: &text[from..],
            at: from,
            script,
            opens,
        });
    }
    out
}

fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && !chars.clone().all(char::is_uppercase)
        || word.chars().count() == 1 && word.chars().all(char::is_uppercase)
}

/// The consonant skeleton of a romanised word: the first letter, then the
/// consonants with sounds that scripts render differently folded together
/// (`w`/`v`/`f`, `r`/`l`, `g`/`k`, `zh`/`j` ...). `arabic`: the word was
/// written without short vowels, so `w` and `y` are vowels too.
pub fn skeleton(folded: &str, arabic: bool) -> String {
    if arabic {
        return spelled_out(folded, true);
    }
    // The same few thousand names recur in every lead of a large corpus:
    // each thread keeps the skeletons it has made, up to a bound.
    thread_local! {
        static MADE: std::cell::RefCell<FxHashMap<Box<str>, Box<str>>> =
            std::cell::RefCell::new(FxHashMap::default());
    }
    MADE.with(|made| {
        let mut made = made.borrow_mut();
        if let Some(s) = made.get(folded) {
            return s.to_string();
        }
        let s = spelled_out(folded, false);
        if made.len() >= SKELETONS_KEPT {
            made.clear();
        }
        made.insert(folded.into(), s.as_str().into());
        s
    })
}

/// Skeletons each thread keeps made.
const SKELETONS_KEPT: usize = 1 << 16;

/// [`skeleton`], made afresh.
fn spelled_out(folded: &str, arabic: bool) -> String {
    const DIGRAPHS: [(&str, &str); 16] = [
        ("tsch", "c"),
        ("dzh", "j"),
        ("tsz", "j"),
        ("zh", "j"),
        ("dj", "j"),
        ("sch", "s"),
        ("ch", "c"),
        ("sh", "s"),
        ("ts", "s"),
        ("tz", "s"),
        ("kh", "h"),
        ("ph", "f"),
        ("ck", "k"),
        ("gh", "g"),
        ("th", "t"),
        ("ng", "n"),
    ];
    let mut w: String = folded.chars().filter(char::is_ascii_lowercase).collect();
    if arabic {
        w.retain(|c| c != 'w' && c != 'y');
    }
    for (from, to) in DIGRAPHS {
        if w.contains(from) {
            w = w.replace(from, to);
        }
    }
    let bytes: Vec<u8> = w.bytes().collect();
    let mut out = String::with_capacity(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        let soft = matches!(bytes.get(i + 1), Some(b'e' | b'i' | b'y'));
        let c = match b {
            b'c' if soft => 's',
            b'c' | b'q' | b'g' => 'k',
            b'w' | b'v' => 'f',
            b'x' | b'z' => 's',
            b'r' => 'l',
            b'y' | b'i' if i == 0 => 'j',
            b => char::from(b),
        };
        if i > 0 && matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h') {
            continue;
        }
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// The skeleton of a run of Chinese characters, syllable by syllable (`布林肯`:
/// `bu` `lin` `ken` → `blnkn`), as a Latin name's skeleton reads.
fn han_skeleton(run: &str) -> String {
    let mut out = String::new();
    for c in run.chars() {
        out.push_str(&skeleton(
            &any_ascii::any_ascii_char(c).to_ascii_lowercase(),
            false,
        ));
    }
    out
}

/// A name as a report's lead writes it: its key and where.
#[derive(Debug, Clone)]
struct Mention {
    key: String,
    at: usize,
    /// Right after a title (`Foreign Minister Sergei Lavrov`).
    titled: bool,
}

/// The cased-script names of a lead: runs of capitalised name words, each one
/// person. `is_name` says whether a folded capitalised word can be part of a name.
/// Each with the number of words of its run and the skeleton of the run's
/// first word.
fn runs(text: &str, mut is_name: impl FnMut(&str) -> bool) -> Vec<(Mention, usize, String)> {
    let mut out = Vec::new();
    let mut run: Vec<(String, usize, usize)> = Vec::new();
    let mut folded = String::new();
    let (mut after_title, mut titled) = (false, false);
    let close = |run: &mut Vec<(String, usize, usize)>,
                 out: &mut Vec<(Mention, usize, String)>,
                 titled: bool| {
        if run.is_empty() {
            return;
        }
        let keys: Vec<String> = run.iter().map(|(f, _, _)| skeleton(f, false)).collect();
        let key = if run.len() == 2 && LISTS.surnames.contains(&run[0].0) {
            format!("{}+{}", keys[0], keys[1])
        } else {
            keys[keys.len() - 1].clone()
        };
        let at = run[0].1;
        // The first word counts only for a run of two or more.
        let first = if run.len() >= 2 {
            keys[0].clone()
        } else {
            String::new()
        };
        out.push((Mention { key, at, titled }, run.len(), first));
        run.clear();
    };
    for word in words(text) {
        fold_into(word.text, &mut folded);
        let title = LISTS.titles.contains(&folded);
        if word.script != Script::Cased
            || !capitalised(word.text)
            || folded.len() < 2
            || !is_name(&folded)
        {
            close(&mut run, &mut out, titled);
            after_title = title;
            continue;
        }
        let joined = run.last().is_some_and(|&(_, _, end)| {
            word.at >= end && word.at - end <= 1 && text[end..word.at].trim().is_empty()
        });
        if !joined {
            close(&mut run, &mut out, titled);
        }
        if run.is_empty() {
            titled = after_title;
        }
        after_title = false;
        run.push((folded.clone(), word.at, word.at + word.text.len()));
    }
    close(&mut run, &mut out, titled);
    out
}

/// The names of the corpus: each person's key, how many leads name them, and
/// whether copy writes the key as a surname (a person) more than as a first name.
#[derive(Debug, Default)]
pub struct Cast {
    /// Per report, its names with unit-length weights, sorted by id.
    pub names: Vec<Box<[(NameId, f32)]>>,
    /// Per report, its principal participants, most prominent first.
    pub principals: Vec<Box<[NameId]>>,
    /// Per id, the key (a skeleton; `s+jnpn` for a surname-first name).
    pub keys: Vec<String>,
}

/// What one pass over the leads learns about the words the corpus capitalises.
#[derive(Default)]
struct Casing {
    /// Folded word (its hash) → (times written in lower case, times
    /// capitalised inside a sentence).
    counts: FxHashMap<u64, (u32, u32)>,
}

fn word_hash(folded: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(folded.as_bytes())
}

/// The names of every lead. `languages` per lead, ISO 639-1; `aliases` are
/// the configured other names of people, (alias, name).
pub fn cast(
    leads: &[&str],
    languages: &[Option<&'static str>],
    aliases: &[(String, String)],
) -> Cast {
    let lists = &*LISTS;
    let configured = Configured::new(aliases);
    // Words written in lower case as often as capitalised are not names.
    let casing = leads
        .par_iter()
        .fold(Casing::default, |mut casing, lead| {
            let mut folded = String::new();
            for word in words(lead) {
                if word.script != Script::Cased {
                    continue;
                }
                let lower = word.text.chars().next().is_some_and(char::is_lowercase);
                if !lower && word.opens {
                    continue;
                }
                fold_into(word.text, &mut folded);
                let entry = casing.counts.entry(word_hash(&folded)).or_default();
                if lower {
                    entry.0 += 1;
                } else {
                    entry.1 += 1;
                }
            }
            casing
        })
        .reduce(Casing::default, |mut a, b| {
            for (w, (l, c)) in b.counts {
                let e = a.counts.entry(w).or_default();
                e.0 += l;
                e.1 += c;
            }
            a
        });
    let is_name = |language: Option<&str>, folded: &str| {
        !lists.not_names.contains(folded)
            && !lists.stop(language, folded)
            && casing
                .counts
                .get(&word_hash(folded))
                .is_none_or(|&(low, cap)| low == 0 || low < cap)
    };
    // Each lead's cased names, and per key: leads, times last of a run, times first.
    let found: Vec<Vec<(Mention, usize, String)>> = leads
        .par_iter()
        .zip(languages)
        .map(|(lead, &language)| runs(lead, |f| is_name(language, f)))
        .collect();
    let mut stats: FxHashMap<&str, KeyStats> = FxHashMap::default();
    for mentions in &found {
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        for (m, len, first) in mentions {
            let s = stats.entry(m.key.as_str()).or_default();
            if *len >= 2 {
                s.last += 1;
            }
            if m.titled {
                s.titled += 1;
            }
            if seen.insert(m.key.as_str()) {
                s.leads += 1;
            }
            if *len >= 2 && !m.key.contains('+') {
                stats.entry(first.as_str()).or_default().first += 1;
            }
        }
    }
    let table = KeyTable::new(&stats);
    // Each lead's mentions resolved, with those of caseless scripts and aliases:
    // keys borrowed from the mentions, the table and the alias lists, not
    // copied (millions of small strings in a large corpus).
    let resolved: Vec<Vec<(&str, usize)>> = leads
        .par_iter()
        .zip(&found)
        .map(|(lead, mentions)| {
            let mut keys: Vec<(&str, usize)> = mentions
                .iter()
                .map(|(m, _, _)| (table.resolve(&m.key, mentions), m.at))
                .collect();
            keys.extend(table.caseless(lead));
            keys.extend(listed(lead));
            keys.extend(configured.find(lead));
            // Where each name stands, in characters rather than bytes.
            if !lead.is_ascii() {
                for (_, at) in &mut keys {
                    *at = lead.get(..*at).map_or(*at, |before| before.chars().count());
                }
            }
            keys
        })
        .collect();
    // Ids, in key order so that runs are reproducible.
    let unique: FxHashSet<&str> = resolved.iter().flatten().map(|&(k, _)| k).collect();
    let mut all: Vec<&str> = unique.into_iter().collect();
    all.sort_unstable();
    let ids: FxHashMap<&str, NameId> = all
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as NameId))
        .collect();
    let per_lead: Vec<Vec<(NameId, f32, f32)>> = resolved
        .par_iter()
        .map(|keys| {
            // (id, weight in the lead, weight in the opening)
            let mut weights: FxHashMap<NameId, (f32, f32)> = FxHashMap::default();
            for (key, at) in keys {
                let Some(&id) = ids.get(key) else {
                    continue;
                };
                let w = 1.0 / (1.0 + *at as f32 / HALF_WEIGHT_AT);
                let e = weights.entry(id).or_default();
                e.0 += w;
                if *at < PRINCIPAL_CHARS {
                    e.1 += w;
                }
            }
            let mut v: Vec<(NameId, f32, f32)> =
                weights.into_iter().map(|(i, (a, b))| (i, a, b)).collect();
            v.sort_by_key(|t| t.0);
            v
        })
        .collect();
    let mut df = vec![0u32; all.len()];
    for &(id, _, _) in per_lead.iter().flatten() {
        df[id as usize] += 1;
    }
    let total = leads.len() as f32;
    let person: Vec<bool> = all.iter().map(|k| table.is_person(k)).collect();
    let (names, principals): (Vec<_>, Vec<_>) = per_lead
        .par_iter()
        .map(|v| {
            let idf = |id: NameId| (total / df[id as usize] as f32).ln();
            let weighted: Vec<(NameId, f32)> = v
                .iter()
                .filter(|&&(id, _, _)| df[id as usize] >= 2)
                // People only, and rarity counted gently: the principals, named
                // in most reports of an event, must outweigh a stray name.
                .filter(|&&(id, _, _)| person[id as usize])
                .map(|&(id, w, _)| (id, saturated(w) * idf(id).max(0.0).sqrt()))
                .filter(|&(_, w)| w > 0.0)
                .collect();
            let names = unit_length(weighted, NAMES_KEPT);
            let mut ranked: Vec<(NameId, f32)> = v
                .iter()
                .filter(|&&(id, _, w)| w > 0.0 && df[id as usize] >= 2 && person[id as usize])
                .map(|&(id, _, w)| (id, w * idf(id).max(0.1).sqrt()))
                .collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            (names, ranked.iter().take(PRINCIPALS).map(|t| t.0).collect())
        })
        .unzip();
    Cast {
        names,
        principals,
        keys: all.iter().map(|k| k.to_string()).collect(),
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct KeyStats {
    leads: u32,
    /// Times the key closed a run of two or more words (a surname).
    last: u32,
    /// Times it opened one (a given name, a title).
    first: u32,
    /// Times a title stood before it.
    titled: u32,
}

/// A person's key: a surname-first name, or one that a title stands before
/// somewhere in the corpus and that is a surname more often than a first word
/// (`Putin`, not `Vladimir`, not `Olympics`).
fn is_person(key: &str, s: &KeyStats) -> bool {
    key.contains('+') || s.titled >= 1 && s.last >= s.first
}

/// The corpus's keys, for resolving short and inflected forms and matching
/// caseless scripts.
struct KeyTable {
    leads: FxHashMap<String, KeyStats>,
    /// A surname alone stands for the one surname-first name that starts with
    /// it, a given name alone (`Jinping`) for the one that ends with it.
    short_to_full: FxHashMap<String, String>,
    /// Keys of two or more leads, by skeleton (without `+`), for caseless text.
    by_skeleton: FxHashMap<String, String>,
}

impl KeyTable {
    fn new(stats: &FxHashMap<&str, KeyStats>) -> KeyTable {
        let mut parts: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        for &k in stats.keys() {
            if let Some((first, given)) = k.split_once('+') {
                parts.entry(first).or_default().push(k);
                if given.len() >= 3 {
                    parts.entry(given).or_default().push(k);
                }
            }
        }
        let short_to_full = parts
            .into_iter()
            .filter(|(_, v)| v.len() == 1)
            .map(|(s, v)| (s.to_string(), v[0].to_string()))
            .collect();
        let mut by_skeleton: FxHashMap<String, String> = FxHashMap::default();
        let mut keys: Vec<&&str> = stats.keys().collect();
        keys.sort_unstable();
        for k in keys {
            let s = &stats[*k];
            let bare = k.replace('+', "");
            if s.leads >= 2
                && bare.len() >= 3
                && (s.last > 0 && s.last >= s.first || k.contains('+'))
            {
                by_skeleton.entry(bare).or_insert_with(|| k.to_string());
            }
        }
        KeyTable {
            leads: stats.iter().map(|(k, s)| (k.to_string(), *s)).collect(),
            short_to_full,
            by_skeleton,
        }
    }

    fn leads(&self, key: &str) -> u32 {
        self.leads.get(key).map_or(0, |s| s.leads)
    }

    /// A surname alone resolves to the lead's own full name, else the corpus's;
    /// an inflected form (`Путиным`, `Lawrows`) to its base.
    fn resolve<'a>(&'a self, key: &'a str, mentions: &'a [(Mention, usize, String)]) -> &'a str {
        if key.contains('+') {
            return key;
        }
        // `key+…` or `…+key`, without making either.
        let (n, k) = (key.len(), key.as_bytes());
        if let Some((m, _, _)) = mentions.iter().find(|(m, _, _)| {
            let b = m.key.as_bytes();
            b.len() > n
                && (b.starts_with(k) && b[n] == b'+'
                    || n >= 3 && b.ends_with(k) && b[b.len() - n - 1] == b'+')
        }) {
            return &m.key;
        }
        if let Some(full) = self.short_to_full.get(key) {
            return full;
        }
        for cut in 1..=2 {
            if key.len() < cut + 3 || !key.is_char_boundary(key.len() - cut) {
                continue;
            }
            let base = &key[..key.len() - cut];
            if self.leads(base) >= 2 && self.leads(key) <= self.leads(base) {
                return base;
            }
        }
        key
    }

    fn is_person(&self, key: &str) -> bool {
        self.leads.get(key).is_some_and(|s| is_person(key, s))
    }

    /// Names in caseless scripts: Chinese windows of two to four characters,
    /// and Arabic, Korean or other words, whose skeleton is a known person's.
    fn caseless(&self, lead: &str) -> Vec<(&str, usize)> {
        let mut out = Vec::new();
        if !has_caseless_letters(lead) {
            return out;
        }
        for word in words(lead) {
            match word.script {
                Script::Cased => {}
                Script::Han => {
                    let chars: Vec<(usize, char)> = word.text.char_indices().collect();
                    let mut i = 0;
                    while i < chars.len() {
                        let mut found = None;
                        for n in (2..=4).rev() {
                            if i + n > chars.len() {
                                continue;
                            }
                            let end = chars.get(i + n).map_or(word.text.len(), |c| c.0);
                            let s = han_skeleton(&word.text[chars[i].0..end]);
                            if let Some(k) = self.by_skeleton.get(&s) {
                                found = Some((k.as_str(), n));
                                break;
                            }
                        }
                        match found {
                            Some((k, n)) => {
                                out.push((k, word.at + chars[i].0));
                                i += n;
                            }
                            None => i += 1,
                        }
                    }
                }
                Script::Arabic | Script::Caseless => {
                    let arabic = word.script == Script::Arabic;
                    let mut s = skeleton(&fold(word.text), arabic);
                    if arabic {
                        s = s.replace('p', "b");
                        // The article `al-` is written joined.
                        if let Some(rest) = s.strip_prefix("al").filter(|r| r.len() >= 3) {
                            s = format!("a{rest}");
                        }
                    }
                    if s.len() < 3 {
                        continue;
                    }
                    if let Some(k) = self.matching(&s, arabic) {
                        out.push((k, word.at));
                    }
                }
            }
        }
        out
    }

    /// The key whose skeleton `s` is, or `s` with up to two letters of ending.
    fn matching(&self, s: &str, arabic: bool) -> Option<&str> {
        let norm = |k: &str| {
            if arabic {
                k.replace('p', "b")
            } else {
                k.to_string()
            }
        };
        for cut in 0..=2 {
            if s.len() < cut + 3 {
                break;
            }
            let stem = &s[..s.len() - cut];
            if arabic {
                if let Some(k) = self.by_skeleton.iter().find(|(b, _)| norm(b) == stem) {
                    return Some(k.1);
                }
            } else if let Some(k) = self.by_skeleton.get(stem) {
                return Some(k);
            }
        }
        None
    }
}

/// The other names `crosscheck.toml` gives people (`[[speakers]]`), found in
/// any lead: unlike the list's, they may be Latin descriptions (`China's top
/// diplomat`) that no run of capitals would tell as the person.
struct Configured {
    matcher: Option<AhoCorasick>,
    keys: Vec<String>,
}

impl Configured {
    fn new(aliases: &[(String, String)]) -> Configured {
        let (written, keys): (Vec<&str>, Vec<String>) = aliases
            .iter()
            .map(|(alias, name)| (alias.trim(), key_of(name)))
            .filter(|(alias, key)| !alias.is_empty() && !key.is_empty())
            .unzip();
        let matcher = (!written.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(true)
                    .build(&written)
                    .ok()
            })
            .flatten();
        Configured { matcher, keys }
    }

    /// (key, where) for each alias standing as whole words in `lead`.
    fn find(&self, lead: &str) -> Vec<(&str, usize)> {
        let Some(ac) = &self.matcher else {
            return Vec::new();
        };
        // Only Latin letters have word edges to respect: `Wang` is not inside
        // `Wangaratta`, but 王毅 stands inside a Chinese sentence.
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        ac.find_iter(lead)
            .filter(|m| {
                let (found, before, after) = (
                    &lead[m.start()..m.end()],
                    lead[..m.start()].chars().next_back(),
                    lead[m.end()..].chars().next(),
                );
                !(latin(found.chars().next()) && word(before)
                    || latin(found.chars().next_back()) && word(after))
            })
            .map(|m| (self.keys[m.pattern().as_usize()].as_str(), m.start()))
            .collect()
    }
}

/// The key of each alias's Latin name, in the order of `Lists::alias_of`.
static ALIAS_KEYS: LazyLock<Vec<String>> =
    LazyLock::new(|| LISTS.alias_of.iter().map(|latin| key_of(latin)).collect());

/// Names the alias list knows, as written in the lead: (key, where).
fn listed(lead: &str) -> Vec<(&'static str, usize)> {
    let Some(ac) = &LISTS.aliases else {
        return Vec::new();
    };
    // Latin copy finds its names by their letters; the list is for other scripts.
    if lead.is_ascii() {
        return Vec::new();
    }
    ac.find_iter(lead)
        .map(|m| (ALIAS_KEYS[m.pattern().as_usize()].as_str(), m.start()))
        .collect()
}

/// The key of a name written in Latin letters, as [`runs`] makes it.
pub fn key_of(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [first, second] if LISTS.surnames.contains(first) => {
            format!("{}+{}", skeleton(first, false), skeleton(second, false))
        }
        [.., last] => skeleton(last, false),
        [] => String::new(),
    }
}

/// A lead's capitalised words with their skeletons, read once to find how it
/// writes each of a group's principals ([`Spelled::written`]).
#[derive(Debug)]
pub struct Spelled<'a> {
    words: Vec<Word<'a>>,
    /// Per word, its skeleton when it is a capitalised word of a cased script.
    skeletons: Vec<Option<String>>,
}

impl<'a> Spelled<'a> {
    pub fn new(lead: &'a str) -> Spelled<'a> {
        let words = words(lead);
        let mut folded = String::new();
        let skeletons = words
            .iter()
            .map(|w| {
                (w.script == Script::Cased && capitalised(w.text)).then(|| {
                    fold_into(w.text, &mut folded);
                    skeleton(&folded, false)
                })
            })
            .collect();
        Spelled { words, skeletons }
    }

    /// The principal a report names, as its lead writes it: the first Latin
    /// spelling of a key, for showing. `None` when it is written in another
    /// script only.
    pub fn written(&self, key: &str) -> Option<String> {
        let mut found = None;
        let all = &self.words;
        for (i, (w, own)) in all.iter().zip(&self.skeletons).enumerate() {
            let Some(own) = own else { continue };
            let surname_of = key
                .strip_suffix(own.as_str())
                .is_some_and(|head| head.ends_with('+'));
            if key == own || surname_of && i > 0 {
                let text = if key.contains('+') && i > 0 {
                    format!("{} {}", all[i - 1].text, w.text)
                } else {
                    w.text.to_string()
                };
                if text.is_ascii() || found.is_none() {
                    found = Some(text);
                    if found.as_deref().is_some_and(str::is_ascii) {
                        break;
                    }
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_person_has_one_skeleton_in_every_script() {
        let latin = skeleton(&fold("Blinken"), false);
        assert_eq!(latin, "blnkn");
        assert_eq!(skeleton(&fold("Блинкен"), false), latin);
        assert_eq!(han_skeleton("布林肯"), latin);
        assert_eq!(skeleton(&fold("بلينكن"), true), latin);
        assert_eq!(
            skeleton(&fold("Lawrow"), false),
            skeleton(&fold("Лавров"), false)
        );
        assert_eq!(skeleton(&fold("Sullivan"), false), han_skeleton("沙利文"));
        assert_eq!(
            key_of("Xi Jinping").replace('+', ""),
            han_skeleton("习近平")
        );
        assert_ne!(
            skeleton(&fold("Biden"), false),
            skeleton(&fold("Putin"), false)
        );
    }

    #[test]
    fn words_are_runs_of_letters_of_one_script() {
        let found: Vec<(&str, Script, bool)> =
            words("Ravel met Osko\u{2019}s aide. \u{201c}Да\u{201d}, 布林肯说 l\u{e9}gal")
                .into_iter()
                .map(|w| (w.text, w.script, w.opens))
                .collect();
        assert_eq!(
            found,
            [
                ("Ravel", Script::Cased, true),
                ("met", Script::Cased, false),
                ("Osko", Script::Cased, false),
                ("s", Script::Cased, false),
                ("aide", Script::Cased, false),
                ("Да", Script::Cased, true),
                ("布林肯说", Script::Han, false),
                ("l\u{e9}gal", Script::Cased, false),
            ]
        );
    }

    #[test]
    fn a_principal_is_shown_as_the_lead_writes_it_in_latin_letters() {
        let lead = "Министр Лавров встретился с Блинкеном. Sergei Lavrov and Xi Jinping.";
        let spelled = Spelled::new(lead);
        assert_eq!(
            spelled.written(&key_of("Lavrov")).as_deref(),
            Some("Lavrov")
        );
        assert_eq!(
            spelled.written(&key_of("Xi Jinping")).as_deref(),
            Some("Xi Jinping")
        );
        // Only in Cyrillic: shown as written.
        assert_eq!(spelled.written("blnkn").as_deref(), None);
        assert_eq!(
            Spelled::new("Встреча с Блинкен.")
                .written("blnkn")
                .as_deref(),
            Some("Блинкен")
        );
    }

    #[test]
    fn a_run_of_capitalised_words_is_one_person_keyed_by_the_surname() {
        let found: Vec<String> = runs(
            "Secretary Antony Blinken met Wang Yi. Then Blinken left.",
            |w| w != "secretary" && w != "then",
        )
        .into_iter()
        .map(|(m, _, _)| m.key)
        .collect();
        assert_eq!(found, ["blnkn", "fn+j", "blnkn"]);
    }

    #[test]
    fn names_in_three_scripts_are_one_person() {
        let leads = [
            "Foreign Minister Sergei Lavrov met Secretary Antony Blinken. Lavrov said the talks were useful.",
            "Министр Сергей Лавров встретился с Энтони Блинкеном. Лавров заявил.",
            "俄罗斯外长拉夫罗夫与美国国务卿布林肯会晤。",
            "Sergei Lavrov and Antony Blinken spoke by phone.",
        ];
        let languages = [Some("en"), Some("ru"), Some("zh"), Some("en")];
        let cast = cast(&leads, &languages, &[]);
        let principal_keys = |i: usize| {
            let mut k: Vec<&str> = cast.principals[i]
                .iter()
                .map(|&id| cast.keys[id as usize].as_str())
                .collect();
            k.sort();
            k
        };
        assert_eq!(principal_keys(0), ["blnkn", "lflf"]);
        assert_eq!(principal_keys(1), ["blnkn", "lflf"]);
        assert_eq!(principal_keys(2), ["blnkn", "lflf"]);
    }

    #[test]
    fn a_name_counts_among_the_principals_by_characters_not_bytes() {
        // 400 Cyrillic characters, 800 bytes, before the second name.
        let filler = "и переговоры шли долго ".repeat(17);
        let russian = format!("Министр Сергей Лавров {filler} встретился с Энтони Блинкеном.");
        let leads = [
            "Foreign Minister Sergei Lavrov met Secretary Antony Blinken.",
            russian.as_str(),
            "Sergei Lavrov and Antony Blinken spoke by phone.",
        ];
        let languages = [Some("en"), Some("ru"), Some("en")];
        let cast = cast(&leads, &languages, &[]);
        let mut keys: Vec<&str> = cast.principals[1]
            .iter()
            .map(|&id| cast.keys[id as usize].as_str())
            .collect();
        keys.sort();
        assert_eq!(keys, ["blnkn", "lflf"]);
    }

    #[test]
    fn a_configured_alias_names_its_person_in_any_lead() {
        let aliases = [
            (
                "the Pearl Coast's envoy".to_string(),
                "Tomas Verhoef".to_string(),
            ),
            ("維爾霍夫".to_string(), "Tomas Verhoef".to_string()),
        ];
        let configured = Configured::new(&aliases);
        let keys = |lead: &str| -> Vec<String> {
            configured
                .find(lead)
                .into_iter()
                .map(|(k, _)| k.to_string())
                .collect()
        };
        let verhoef = key_of("Tomas Verhoef");
        assert_eq!(
            keys("The Pearl Coast's envoy arrived on Monday."),
            std::slice::from_ref(&verhoef)
        );
        assert_eq!(keys("昨日維爾霍夫抵達。"), [verhoef]);
        // A Latin alias is a whole word or nothing.
        assert!(keys("the Pearl Coast's envoys").is_empty());
        assert!(Configured::new(&[]).find("anything").is_empty());
    }
}
