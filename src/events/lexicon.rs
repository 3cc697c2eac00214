//! A word list of many languages matched against a report's lead: the shared
//! reader of the act, calendar and place lists. Entries of cased scripts are
//! matched romanised at word starts (`telephon` finds `telephoned` and, from
//! Cyrillic `телефон`, `телефонный`); entries of other scripts as written.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::romanise::{Script, fold_text, has_caseless_letters, script};

/// Where an entry must end to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ends {
    /// Anywhere: an entry is a stem.
    Stem,
    /// At the end of a word.
    Word,
}

#[derive(Debug)]
pub struct Lexicon {
    folded: Option<AhoCorasick>,
    folded_class: Vec<u16>,
    raw: Option<AhoCorasick>,
    raw_class: Vec<u16>,
    ends: Ends,
}

/// A match: the entry's class and where it starts (a byte offset into the
/// folded lead for a cased entry, into the lead for the others).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub class: u16,
    pub at: usize,
    /// Its end, in the same text as `at`.
    pub end: usize,
    /// Whether `at` is into the folded lead.
    pub folded: bool,
}

fn automaton(patterns: &[String]) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    // A DFA: every report's lead is read through several lists.
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns)
        .ok()
}

/// The first `chars` characters of `text`.
pub fn prefix_chars(text: &str, chars: usize) -> &str {
    if text.len() <= chars {
        return text;
    }
    match text.char_indices().nth(chars) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// At most `bytes` of `text`, cut at a character boundary.
pub fn prefix(text: &str, bytes: usize) -> &str {
    &text[..crate::text::floor_char_boundary(text, bytes)]
}

impl Lexicon {
    /// A lexicon of `(class, entry)` pairs.
    pub fn new<'a>(entries: impl IntoIterator<Item = (u16, &'a str)>, ends: Ends) -> Lexicon {
        let (mut folded, mut folded_class, mut raw, mut raw_class) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (class, entry) in entries {
            let cased = entry
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| script(c) == Script::Cased);
            if cased {
                let f = fold_text(entry).trim().to_string();
                if !f.is_empty() {
                    folded.push(f);
                    folded_class.push(class);
                }
            } else {
                raw.push(entry.to_string());
                raw_class.push(class);
            }
        }
        Lexicon {
            folded: automaton(&folded),
            folded_class,
            raw: automaton(&raw),
            raw_class,
            ends,
        }
    }

    /// Every match in `lead` (its folded form is `folded`, [`fold_text`]).
    pub fn hits(&self, lead: &str, folded: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        if let Some(ac) = &self.folded {
            let bytes = folded.as_bytes();
            for m in ac.find_iter(folded) {
                let starts = m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric();
                let ends = self.ends == Ends::Stem
                    || bytes
                        .get(m.end())
                        .is_none_or(|b| !b.is_ascii_alphanumeric());
                if starts && ends {
                    hits.push(Hit {
                        class: self.folded_class[m.pattern().as_usize()],
                        at: m.start(),
                        end: m.end(),
                        folded: true,
                    });
                }
            }
        }
        // Entries of caseless scripts match only where such letters stand.
        if let Some(ac) = self.raw.as_ref().filter(|_| has_caseless_letters(lead)) {
            for m in ac.find_iter(lead) {
                hits.push(Hit {
                    class: self.raw_class[m.pattern().as_usize()],
                    at: m.start(),
                    end: m.end(),
                    folded: false,
                });
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_match_at_word_starts_in_any_script() {
        let lexicon = Lexicon::new([(0, "telephon"), (1, "телефон"), (2, "电话")], Ends::Stem);
        let lead = "They telephoned. Телефонный разговор. 通电话。 Microtelephone.";
        let classes: Vec<u16> = lexicon
            .hits(lead, &fold_text(lead))
            .iter()
            .map(|h| h.class)
            .collect();
        // `телефон` folds as `telephon` does not (`telefon`): each list entry
        // is its language's spelling.
        assert_eq!(classes, [0, 1, 2]);
    }
}
