//! The lead of a report as grouping reads it: the opening of the text without
//! page furniture (links, one-word labels, photo captions, a repeated
//! headline), and the date stamp some copy opens with (` date 2022-01-21`).
//! Who, what, where and when are told there; the rest of a story is context.

use jiff::civil::Date;

/// How much of the opening is read, in bytes.
pub const LEAD_BYTES: usize = 1000;

/// Words a caption names its source with: the dates in a caption are those of
/// the photo, not of the happening. Each is a word of its own (`EPA`, not the
/// `epa` of `Department`; `image`, not `imagens`, Portuguese for images),
/// except the stems of the first `CAPTION_STEMS`, which may run on
/// (`photograph`, `fotografía`, `Gettyimages`).
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
/// How many of the caption marks, first, are stems.
const CAPTION_STEMS: usize = 4;

/// Whether the caption mark `mark` (an index into `CAPTION_MARKS`) found at
/// `start..end` of `text` stands as a word there.
fn stands_alone(text: &str, mark: usize, start: usize, end: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let m = CAPTION_MARKS[mark];
    let opens = !word(m.chars().next()) || !word(text[..start].chars().next_back());
    let closes =
        mark < CAPTION_STEMS || !word(m.chars().next_back()) || !word(text[end..].chars().next());
    opens && closes
}

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
    let mut kept: Vec<&str> = Vec::new();
    let mut len = 0;
    // A line without a `|` is one segment: a searcher for ` | ` is made only
    // for the lines that may hold one.
    let segments = rest.split('\n').flat_map(|l| {
        let (whole, split) = if l.contains('|') {
            (None, Some(l.split(" | ")))
        } else {
            (Some(l), None)
        };
        whole.into_iter().chain(split.into_iter().flatten())
    });
    for segment in segments {
        let s = segment.trim();
        if s.is_empty() || kept.contains(&s) || is_furniture(s) {
            continue;
        }
        kept.push(s);
        len += s.len() + 1;
        if len >= LEAD_BYTES {
            break;
        }
    }
    // Made once at its size: every report's lead is held while grouping reads
    // them, and most run past `LEAD_BYTES` with their last segment.
    let mut out = String::with_capacity(len);
    for s in kept {
        out.push_str(s);
        out.push('\n');
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
        // The automaton holds the ASCII marks only: its pattern `k` is the
        // `k`th of them.
        let mark = |k: usize| {
            (0..CAPTION_MARKS.len())
                .filter(|&i| CAPTION_MARKS[i].is_ascii())
                .nth(k)
                .unwrap_or(0)
        };
        return captions
            .find_iter(s)
            .any(|m| stands_alone(s, mark(m.pattern().as_usize()), m.start(), m.end()));
    }
    let lower = s.to_lowercase();
    CAPTION_MARKS.iter().enumerate().any(|(k, m)| {
        lower
            .match_indices(m)
            .any(|(at, _)| stands_alone(&lower, k, at, at + m.len()))
    })
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

    #[test]
    fn a_caption_mark_inside_another_word_is_no_caption() {
        // `epa` in `Department`, `image` in `imagens`: lead sentences.
        let text = "Department officials said the two ministers spoke by phone.\n\
            As imagens mostram a reuni\u{e3}o dos dois ministros.\n\
            Ministers meet in Varna. EPA-EFE/Ana Petri\n";
        assert_eq!(
            lead(text).text,
            "Department officials said the two ministers spoke by phone.\n\
             As imagens mostram a reuni\u{e3}o dos dois ministros.\n"
        );
    }
}
