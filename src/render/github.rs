//! `check --format github`: GitHub Actions workflow commands, one annotation a
//! finding or rejected input, shown on the lines of the pull request's files.
//!
//! Workflow commands are `::LEVEL key=value,...::message`: in the message `%`,
//! CR and LF must be escaped, and in a value also `:` and `,`, or the runner
//! cuts the command short.

use std::io::{self, Write};

use super::Style;
use super::table::diff_text;
use crate::finding::Severity;
use crate::outcome::Outcome;

pub fn write_check(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    for rejection in &outcome.rejected {
        writeln!(
            out,
            "::error file={},line={},col={},title={}::{}",
            property(&rejection.path),
            rejection.line,
            rejection.column,
            property("crosscheck: rejected input"),
            data(&rejection.reason)
        )?;
    }
    let plain = Style::default();
    for f in &outcome.findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = f.message.clone();
        if !f.evidence.is_empty() {
            message.push('\n');
            message.push_str(&diff_text(&f.evidence, &plain));
        }
        let p = &f.primary;
        writeln!(
            out,
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(&p.path),
            p.line,
            p.column,
            p.end_line,
            p.end_column,
            property(&format!("{} {} ({})", f.rule, f.name, p.outlet)),
            data(&message)
        )?;
    }
    Ok(())
}

/// A message: `%`, CR and LF escaped.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: as a message, and `:` and `,` too.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_properties_are_escaped() {
        assert_eq!(data("50% said:\r\nyes, no"), "50%25 said:%0D%0Ayes, no");
        assert_eq!(
            property("a:b,c%\nd"),
            "a%3Ab%2Cc%25%0Ad",
            "a property escapes : and , as well"
        );
    }
}
