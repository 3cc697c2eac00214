//! The word lists of `data/speakers.txt`: titles, bodies, pronouns, adverbs.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// One section of the data file, folded to lower case.
#[derive(Debug, Default)]
pub struct Vocabulary {
    sections: HashMap<String, HashSet<String>>,
}

static VOCABULARY: LazyLock<Vocabulary> =
    LazyLock::new(|| Vocabulary::parse(include_str!("../../data/speakers.txt")));

pub fn vocabulary() -> &'static Vocabulary {
    &VOCABULARY
}

impl Vocabulary {
    pub fn parse(source: &str) -> Vocabulary {
        let mut sections: HashMap<String, HashSet<String>> = HashMap::new();
        let mut current = String::new();
        for line in source.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = name.to_string();
            } else {
                sections
                    .entry(current.clone())
                    .or_default()
                    .insert(line.to_lowercase());
            }
        }
        Vocabulary { sections }
    }

    fn has(&self, section: &str, folded: &str) -> bool {
        self.sections
            .get(section)
            .is_some_and(|s| s.contains(folded))
    }

    pub fn is_title(&self, folded: &str) -> bool {
        self.has("titles", folded)
    }

    pub fn is_body(&self, folded: &str) -> bool {
        self.has("bodies", folded)
    }

    pub fn is_auxiliary(&self, folded: &str) -> bool {
        self.has("auxiliaries", folded)
    }

    pub fn is_organisation(&self, folded: &str) -> bool {
        self.has("organisations", folded)
    }

    pub fn is_audience(&self, folded: &str) -> bool {
        self.has("audiences", folded)
    }

    pub fn is_pronoun(&self, folded: &str) -> bool {
        self.has("pronouns", folded)
    }

    pub fn is_determiner(&self, folded: &str) -> bool {
        self.has("determiners", folded)
    }

    pub fn is_adverb(&self, folded: &str) -> bool {
        self.has("adverbs", folded)
    }

    pub fn is_month(&self, folded: &str) -> bool {
        self.has("months", folded)
    }

    pub fn is_weekday(&self, folded: &str) -> bool {
        self.has("weekdays", folded)
    }

    pub fn opens_tail(&self, folded: &str) -> bool {
        self.has("tail", folded)
    }
}

#[cfg(test)]
mod tests {
    use super::vocabulary;

    #[test]
    fn sections_are_read() {
        let v = vocabulary();
        assert!(v.is_title("spokesperson"));
        assert!(v.is_body("ministry"));
        assert!(v.is_auxiliary("has"));
        assert!(v.is_organisation("xinhua"));
        assert!(v.is_pronoun("he"));
        assert!(v.is_adverb("also"));
        assert!(v.is_weekday("thursday"));
        assert!(!v.is_title("wang"));
    }
}
