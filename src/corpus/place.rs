//! Where a report was read, so that a second pass reads it again without
//! the first holding it: a JSON line by its byte offset in its file, a
//! record of any other file by its number in the file.

/// A report's place in the run's inputs (numbered in corpus order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A line of a JSON Lines file: `length` bytes from `offset`, its `\n`
    /// included, numbered `number` in the file.
    Line {
        input: u32,
        offset: u64,
        length: u32,
        number: u32,
    },
    /// The `index`th record read from a file read whole (a JSON array, a
    /// Markdown or text file), rejected records counted.
    Record { input: u32, index: u32 },
}

impl Place {
    /// The input it is in.
    pub fn input(&self) -> u32 {
        match *self {
            Place::Line { input, .. } | Place::Record { input, .. } => input,
        }
    }
}
