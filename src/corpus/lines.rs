//! JSON Lines read one line at a time through a bounded buffer: a file of any
//! size costs the lines a batch holds, never the whole file. The run's input
//! budget is kept here, as it is for a file read whole: lines are taken while
//! they fit in it whole, and the first one that does not is rejected by number.

use std::io::{BufRead, BufReader, Read, Take};
use std::sync::Arc;

use super::batches::Piece;
use super::position::{START, reject, to_u32};
use super::{Budget, Entry, Place, Position, Rejection, Source, io_reason, json};

/// One line of a JSON Lines file, not parsed yet: parsing is left to the
/// batch's workers, in parallel.
#[derive(Debug)]
pub(super) struct Line {
    source: Arc<Source>,
    number: u32,
    /// Without its `\n`, and on line 1 without a byte order mark.
    bytes: Vec<u8>,
    /// Where it starts in its stream, and how many bytes it takes there
    /// (`\n` and byte order mark included): where a second pass finds it.
    offset: u64,
    length: u32,
}

impl Line {
    pub(super) fn read(&self) -> Option<Entry> {
        json::read_line(&self.source, &self.bytes, self.number)
    }

    /// Its length in bytes, which batches are measured in.
    pub(super) fn size(&self) -> usize {
        self.bytes.len()
    }

    /// Where it is in its stream (numbered `input` in the run's inputs).
    pub(super) fn place(&self, input: u32) -> Place {
        Place::Line {
            input,
            offset: self.offset,
            length: self.length,
            number: self.number,
        }
    }

    /// The line read again from its raw bytes (`\n` and byte order mark
    /// included), as it was read the first time.
    pub(super) fn again(source: Arc<Source>, number: u32, mut bytes: Vec<u8>) -> Line {
        let (offset, length) = (0, to_u32(bytes.len()));
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
        }
        if number == 1 && bytes.starts_with(BYTE_ORDER_MARK) {
            bytes.drain(..BYTE_ORDER_MARK.len());
        }
        Line {
            source,
            number,
            bytes,
            offset,
            length,
        }
    }
}

/// The lines of one JSON Lines stream (a file, standard input, bytes), blank
/// lines left out.
pub(super) struct JsonLines<R> {
    source: Arc<Source>,
    /// One byte past the budget is let through, to tell a stream that fits
    /// exactly from one that goes on.
    from: BufReader<Take<R>>,
    budget: Budget,
    /// Bytes of the lines taken so far.
    taken: u64,
    /// Lines read so far, blank ones included.
    lines: usize,
    /// Whether a line held anything but whitespace: a stream of blank lines
    /// is an empty file.
    any_text: bool,
    /// The rejections that close the stream, once it has ended.
    ending: std::vec::IntoIter<Rejection>,
    ended: bool,
}

/// Editors on Windows may start UTF-8 with a byte order mark; positions are
/// counted after it, as those editors show them.
pub(super) const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// The buffer lines are read through.
const BUFFER: usize = 256 << 10;

impl<R: Read> JsonLines<R> {
    pub(super) fn new(source: Arc<Source>, from: R, budget: Budget) -> JsonLines<R> {
        JsonLines {
            source,
            from: BufReader::with_capacity(BUFFER, from.take(budget.left.saturating_add(1))),
            budget,
            taken: 0,
            lines: 0,
            any_text: false,
            ending: Vec::new().into_iter(),
            ended: false,
        }
    }

    /// Stop reading, with these rejections (in order) to close the stream.
    fn end(&mut self, ending: Vec<Rejection>) {
        self.ended = true;
        self.ending = ending.into_iter();
    }

    /// The stream is over: a stream with no text in it is an empty file.
    fn end_of_input(&mut self) {
        let empty = (!self.any_text).then(|| reject(&self.source.path, START, "empty file"));
        self.end(empty.into_iter().collect());
    }

    /// The next line does not fit the budget: the lines taken are kept, and
    /// the rest of the stream is rejected from this line on.
    fn over_budget(&mut self) {
        let mut ending = Vec::new();
        if self.lines > 0 && !self.any_text {
            ending.push(reject(&self.source.path, START, "empty file"));
        }
        let at = Position {
            line: to_u32(self.lines + 1),
            column: 1,
        };
        let reason = format!("not read from this line on: {}", self.budget.over());
        ending.push(reject(&self.source.path, at, reason));
        self.end(ending);
    }
}

impl<R> std::fmt::Debug for JsonLines<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonLines")
            .field("path", &self.source.path)
            .field("lines", &self.lines)
            .finish_non_exhaustive()
    }
}

impl<R: Read> Iterator for JsonLines<R> {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        while !self.ended {
            let mut bytes = Vec::new();
            match self.from.read_until(b'\n', &mut bytes) {
                // A failing device or pipe: what was read stands, the rest is rejected.
                Err(error) => {
                    let at = Position {
                        line: to_u32(self.lines + 1),
                        column: 1,
                    };
                    let rejected = reject(&self.source.path, at, io_reason(&error));
                    self.end(vec![rejected]);
                }
                Ok(0) => self.end_of_input(),
                Ok(read) => {
                    if self.taken.saturating_add(read as u64) > self.budget.left {
                        self.over_budget();
                        continue;
                    }
                    let offset = self.taken;
                    self.taken += read as u64;
                    self.lines += 1;
                    if bytes.last() == Some(&b'\n') {
                        bytes.pop();
                    }
                    if self.lines == 1 && bytes.starts_with(BYTE_ORDER_MARK) {
                        bytes.drain(..BYTE_ORDER_MARK.len());
                    }
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    self.any_text = true;
                    return Some(Piece::Line(Line {
                        source: Arc::clone(&self.source),
                        number: to_u32(self.lines),
                        bytes,
                        offset,
                        length: to_u32(read),
                    }));
                }
            }
        }
        self.ending.next().map(Piece::Rejected)
    }
}

/// Every record of a JSON Lines stream, read here and now, one after another.
pub(super) fn read_all(source: Arc<Source>, from: impl Read, budget: Budget) -> Vec<Entry> {
    JsonLines::new(source, from, budget)
        .flat_map(Piece::read)
        .collect()
}
