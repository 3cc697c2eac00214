//! Reading reports: files, folders and standard input, in every input format.
//!
//! Bad input never stops a run: each rejected file, line or record becomes a
//! [`Rejection`] with its `path:line:column`, and the rest is read.

mod rejection;
mod report;

pub use rejection::Rejection;
pub use report::{Escape, Layout, Origin, Position, Report};

/// Everything read from the paths a run was given.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Reports in a stable order: by path, then by position in the file.
    pub reports: Vec<Report>,
    /// Input that could not be read, in the same order.
    pub rejected: Vec<Rejection>,
}
