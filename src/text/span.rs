//! A stretch of a report's text, as byte offsets: the one way every stage
//! writes where something is. (A `Range<usize>` in this crate counts words
//! or tokens, never bytes of a report.) Offsets are kept in 32 bits (a report longer
//! than that is never indexed, see [`super::MAX_TEXT`]), which halves what
//! a corpus's sentences and renderings hold in memory.

use std::fmt;
use std::ops::Range;

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeTuple, Serializer};

/// Bytes `start..end` of a report's text. Written as `[start, end]`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// Bytes `start..end`. An offset past 32 bits (no indexed text has one)
    /// is held at the largest that fits.
    pub fn new(start: usize, end: usize) -> Span {
        let fit = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        Span {
            start: fit(start),
            end: fit(end),
        }
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    /// The span as a range, to slice the text with.
    pub fn range(self) -> Range<usize> {
        self.start()..self.end()
    }

    pub fn len(self) -> usize {
        self.end().saturating_sub(self.start())
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Whether byte `at` is inside the span.
    pub fn contains(self, at: usize) -> bool {
        self.range().contains(&at)
    }

    /// Whether the two spans share a byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The bytes the two spans share, if any.
    pub fn shared(self, other: Span) -> Option<Span> {
        let (start, end) = (self.start.max(other.start), self.end.min(other.end));
        (start < end).then_some(Span { start, end })
    }

    /// From the start of one to the end of the other.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start,
            end: other.end,
        }
    }

    /// The text of the span, or `""` if it does not fall on `text`'s characters.
    pub fn of(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut pair = serializer.serialize_tuple(2)?;
        pair.serialize_element(&self.start)?;
        pair.serialize_element(&self.end)?;
        pair.end()
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Span, D::Error> {
        let (start, end) = <(u32, u32)>::deserialize(deserializer)?;
        Ok(Span { start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_is_written_as_a_pair_and_read_back() {
        let span = Span::new(4, 9);
        let json = serde_json::to_string(&span).unwrap_or_default();
        assert_eq!(json, "[4,9]");
        let back: Span = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, span);
        assert_eq!(span.of("The minister said"), "minis");
    }

    #[test]
    fn spans_overlap_only_when_they_share_a_byte() {
        assert!(Span::new(0, 5).overlaps(Span::new(4, 8)));
        assert!(!Span::new(0, 5).overlaps(Span::new(5, 8)));
        assert_eq!(Span::new(0, 5).to(Span::new(7, 9)), Span::new(0, 9));
    }
}
