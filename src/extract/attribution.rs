//! The extract stage's output: who is credited with saying what, with every part
//! as a byte span into the report's text.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::text::Span;

/// One "who said what" inside a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribution {
    pub kind: Kind,
    pub speaker: Option<Speaker>,
    pub cue: Option<Cue>,
    pub addressee: Option<Excerpt>,
    /// The chain the words came through, outermost first: `stated ANI` around
    /// `as cited by the foreign ministry` gives `[ANI, the foreign ministry]`.
    pub channels: Vec<Excerpt>,
    pub content: Content,
    /// The sentence the attribution was found in: where a quoted rendering is
    /// looked for when this attribution is a claim's reference.
    pub sentence: Span,
}

impl Attribution {
    /// Whether the words are credited to anyone: a speaker, or at least a
    /// reporting frame (`saying ...` whose speaker was not found). A quotation
    /// with neither (a scare quote, a title, a quote standing alone) is
    /// uncredited: still found, since rules need it, but no attribution to list.
    pub fn is_credited(&self) -> bool {
        self.speaker.is_some() || self.cue.is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The whole content is inside quote marks.
    Direct,
    /// Reported speech with some of its words inside quote marks.
    Mixed,
    /// Reported speech without quote marks.
    Indirect,
    /// Quoted words with no reporting frame: a partial quote or a scare quote.
    Fragment,
}

/// A piece of the report's text: its words and where they stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excerpt {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl Excerpt {
    pub fn new(text: &str, span: Span) -> Excerpt {
        Excerpt {
            text: span.of(text).to_string(),
            start: span.start(),
            end: span.end(),
        }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Who the words are credited to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The mention as written: `the Chinese Foreign Minister`, `he`, `Wang`.
    #[serde(flatten)]
    pub mention: Excerpt,
    /// The one name this speaker goes by in the report (`Wang Yi`), or the
    /// mention itself, lower-cased, when it names no person (`the state department`).
    pub canonical: String,
    /// The title or role given with the name (`Chinese Foreign Minister`).
    pub role: Option<String>,
    pub class: SpeakerClass,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerClass {
    /// A named person.
    Person,
    /// A role or title without a name that could not be resolved to one.
    Role,
    /// A body, country, outlet or document.
    Organisation,
    /// A pronoun with no antecedent.
    Unresolved,
}

/// The reporting verb or phrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cue {
    #[serde(flatten)]
    pub span: Excerpt,
    pub lemma: String,
    pub class: CueClass,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CueClass {
    Neutral,
    Hedged,
    Emphatic,
    Loaded,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Direct => "direct",
            Kind::Mixed => "mixed",
            Kind::Indirect => "indirect",
            Kind::Fragment => "fragment",
        })
    }
}

impl fmt::Display for CueClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CueClass::Neutral => "neutral",
            CueClass::Hedged => "hedged",
            CueClass::Emphatic => "emphatic",
            CueClass::Loaded => "loaded",
        })
    }
}

/// What was said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Content {
    pub text: String,
    /// One span, or several for a quote split around its cue or run over paragraphs.
    pub spans: Vec<Span>,
    /// The parts inside quote marks (all of it for a direct quote).
    pub quoted: Vec<Span>,
    /// Whether the content is what was said (a clause, quoted words) rather
    /// than what the words were about (`condemned the bombing`) or that
    /// nothing was said (`declined to comment`). Only what was said is
    /// compared with other reports' renderings.
    pub proposition: bool,
}

impl Content {
    /// From the first byte of the content to its last.
    pub fn extent(&self) -> Span {
        let start = self.spans.first().map_or(0, |s| s.start());
        let end = self.spans.last().map_or(start, |s| s.end());
        Span::new(start, end)
    }
}
