//! Input that could not be read as a report, and why.

use std::fmt;

use serde::Serialize;

/// One rejected file, line or record: printed as `path:line:column: reason`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Rejection {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub reason: String,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.column, self.reason
        )
    }
}
