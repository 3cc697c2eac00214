//! The lead of a report as grouping reads it: the opening of the text without
//! page furniture (links, one-word labels, photo captions, a repeated
//! headline), and the date stamp some copy opens with (` date 2022-01-21`).
//! Who, what, where and when are told there; the rest of a story is context.

use jiff::civil::Date;

/// How much of the opening is read, in bytes.
pub const LEAD_BYTES: usize = 1000;

/// Words a caption names its source with: the dates in a caption are those of
/// the photo, not of the happening.
const CAPTION_MARKS: [&str; 15] = [
    "getty",
    "photo",
    "foto",
    "фото",
    "/afp",
    "afp via",
    "ap photo",
    "pool/",
    "/pool",
    "via reuters",
    "/reuters",
    "imago",
    "epa",
    "image",
    "file picture",
];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lead {
    pub text: String,
    /// The date the copy is stamped with, a whole day or only a month.
    pub stamp: Option<Stamp>,
}

/// A date stamp at the head of the copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    Day(Date),
    Month(i16, i8),
}

/// The lead of `text`.
pub fn lead(text: &str) -> Lead {
    let (stamp, rest) = stamp(text);
    let mut out = String::with_capacity(LEAD_BYTES.min(rest.len()) + 64);
    let mut kept: Vec<&str> = Vec::new();
    for segment in rest.split('\n').flat_map(|l| l.split(" | ")) {
        let s = segment.trim();
        if s.is_empty() || kept.contains(&s) || is_furniture(s) {
            continue;
        }
        kept.push(s);
        out.push_str(s);
        out.push('\n');
        if out.len() >= LEAD_BYTES {
            break;
        }
    }
    Lead { text: out, stamp }
}

/// A link, an image, a label of one or two words, a photo caption.
fn is_furniture(s: &str) -> bool {
    if LINKS.as_ref().map_or_else(
        || LINK_MARKS.iter().any(|m| s.contains(m)),
        |links| links.is_match(s),
    ) {
        return true;
    }
    // Chinese and Japanese write no spaces: count their characters instead.
    if s.split_whitespace().take(3).count() <= 2 && s.chars().count() < 12 {
        return true;
    }
    if s.len() >= 300 {
        return false;
    }
    if let Some(captions) = CAPTIONS.as_ref().filter(|_| s.is_ascii()) {
        return captions.is_match(s);
    }
    let lower = s.to_lowercase();
    CAPTION_MARKS.iter().any(|m| lower.contains(m))
}

/// What marks a link or an image.
const LINK_MARKS: [&str; 4] = ["http://", "https://", "www.", "!["];

/// The link marks, found in one pass.
static LINKS: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| aho_corasick::AhoCorasick::new(LINK_MARKS).ok());

/// The caption marks, for ASCII segments: one pass, any case.
static CAPTIONS: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(CAPTION_MARKS.iter().filter(|m| m.is_ascii()))
            .ok()
    });

/// ` date 2022-01-21` or ` date 2022-01` at the very start: (the stamp, the rest).
fn stamp(text: &str) -> (Option<Stamp>, &str) {
    let trimmed = text.trim_start();
    let Some(rest) = trimmed.strip_prefix("date ") else {
        return (None, text);
    };
    let token: &str = rest.split_whitespace().next().unwrap_or("");
    let after = &rest[token.len()..];
    let parts: Vec<&str> = token.split('-').collect();
    let number = |i: usize| parts.get(i).and_then(|p| p.parse::<i32>().ok());
    let found = match (number(0), number(1), number(2), parts.len()) {
        (Some(y), Some(m), Some(d), 3) => {
            Date::new(y as i16, m as i8, d as i8).ok().map(Stamp::Day)
        }
        (Some(y), Some(m), None, 2) if (1..=12).contains(&m) => {
            Some(Stamp::Month(y as i16, m as i8))
        }
        _ => None,
    };
    match found {
        Some(s) => (Some(s), after),
        None => (None, text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stamp_links_labels_and_repeats_are_not_the_lead() {
        let text = " date 2022-01-21 Talks in Geneva end\nShare\nhttps://example.org/x\nTalks in Geneva end\nThe two ministers met for ninety minutes.\n";
        let lead = lead(text);
        assert_eq!(lead.stamp, Some(Stamp::Day(jiff::civil::date(2022, 1, 21))));
        assert_eq!(
            lead.text,
            "Talks in Geneva end\nThe two ministers met for ninety minutes.\n"
        );
    }

    #[test]
    fn a_caption_credited_to_a_pool_or_an_agency_is_not_the_lead() {
        let text = "President Orlov waves ahead of the regional summit in Varna, Monday. \
            Ana Petri/Pool via REUTERS\nOrlov and Sand met for three hours in Varna on Monday.\n";
        assert_eq!(
            lead(text).text,
            "Orlov and Sand met for three hours in Varna on Monday.\n"
        );
    }
}
