//! Turning byte offsets into the 1-based `line:column` a person's editor shows
//! (columns in characters), so every report and rejection can point into its file.

use super::{Position, Rejection};

/// The top of a file: where whole-file problems are reported.
pub(super) const START: Position = Position { line: 1, column: 1 };

/// The line starts of a text, for answering many position queries cheaply
/// (a JSON array holds thousands of records).
#[derive(Debug)]
pub(super) struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The file line number of the text's first line: a JSON Lines line is
    /// indexed on its own but reported by its number in the file.
    first: usize,
}

impl<'a> Lines<'a> {
    pub(super) fn new(text: &'a str, first_line: u32) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines {
            text,
            starts,
            first: first_line as usize,
        }
    }

    /// The position of byte `offset`, clamped into the text and back to a
    /// character boundary.
    pub(super) fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let index = self
            .starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        let start = self.starts.get(index).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        Position {
            line: to_u32(self.first + index),
            column: to_u32(column + 1),
        }
    }
}

/// Where `inner`, a slice borrowed from `outer`, starts in `outer`.
///
/// serde_json's borrowed `RawValue`s are slices of the input, and their address
/// is the only record of where they sit (`str::substr_range` is not stable yet).
pub(super) fn offset_within(outer: &str, inner: &str) -> Option<usize> {
    let start = inner.as_ptr().addr().checked_sub(outer.as_ptr().addr())?;
    (start + inner.len() <= outer.len()).then_some(start)
}

/// The rejection of bytes that are not UTF-8, at the first bad byte;
/// `first_line` is the file line the bytes start on.
pub(super) fn invalid_utf8(
    path: &str,
    bytes: &[u8],
    error: std::str::Utf8Error,
    first_line: u32,
) -> Rejection {
    let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
    let valid = std::str::from_utf8(valid).unwrap_or_default();
    let at = Lines::new(valid, first_line).position(valid.len());
    let reason = match bytes.get(error.valid_up_to()) {
        Some(byte) => format!("invalid UTF-8 (byte 0x{byte:02x})"),
        None => "invalid UTF-8".to_owned(),
    };
    reject(path, at, reason)
}

pub(super) fn reject(path: &str, at: Position, reason: impl Into<String>) -> Rejection {
    Rejection {
        path: path.to_owned(),
        line: at.line,
        column: at.column,
        reason: reason.into(),
    }
}

/// Files beyond 4 GiB lines or columns are not a real concern; saturate rather than wrap.
pub(super) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
