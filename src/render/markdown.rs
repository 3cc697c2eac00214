//! `check --format markdown`: a pull-request comment. The findings of each
//! event in a table, the word diff with ~~dropped~~ and **added** words, and
//! the claims × outlets matrix folded in a `<details>` block. GitHub takes at
//! most 65,536 characters in a comment, so past a budget the remaining
//! findings are counted instead of shown.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::matrix::{self, Matrix};
use super::summary::{self, RuleCount, Run, Summary, left_out_event};
use super::table::outlets;
use crate::finding::Finding;
use crate::finding::{Piece, Tag};
use crate::outcome::{ByEvent, Outcome};
use crate::text::counted;

/// Characters of Markdown written before findings are only counted: under
/// GitHub's limit, with room for the closing lines.
const BUDGET: usize = 60_000;

pub fn write_check(outcome: &Outcome, run: &Run, out: &mut dyn Write) -> io::Result<()> {
    let summary = Summary::of(outcome, run);
    let mut md = String::new();
    let _ = writeln!(
        md,
        "### crosscheck: {} ({} error, {} warning, {} info)\n",
        counted(summary.findings, "finding"),
        summary.errors,
        summary.warnings,
        summary.infos
    );
    let _ = writeln!(md, "{}\n", escape(&summary.line()));
    let mut left_out = 0;
    let by_event = ByEvent::of(outcome);
    for event in &outcome.events {
        let findings = by_event.findings(&event.id);
        let matrix = Matrix::of(outcome, event, &by_event);
        if findings.is_empty() && matrix.claims.is_empty() {
            continue;
        }
        let mut section = String::new();
        let _ = writeln!(
            section,
            "#### {} · {} · {}\n",
            escape(&event.id),
            counted(event.reports.len(), "report"),
            counted(findings.len(), "finding")
        );
        if md.len() + section.len() > BUDGET {
            left_out += findings.len();
            continue;
        }
        md.push_str(&section);
        if !findings.is_empty() {
            md.push_str("| severity | rule | outlets | where | finding |\n| --- | --- | --- | --- | --- |\n");
        }
        for f in findings {
            let row = finding_row(f);
            if md.len() + row.len() > BUDGET {
                left_out += 1;
                continue;
            }
            md.push_str(&row);
        }
        md.push('\n');
        let details = matrix_details(&matrix);
        if !matrix.claims.is_empty() && md.len() + details.len() <= BUDGET {
            md.push_str(&details);
        }
    }
    if left_out > 0 {
        let _ = writeln!(
            md,
            "… and {} more: the whole report is `crosscheck check --format html`.\n",
            counted(left_out, "finding")
        );
    }
    if outcome.left_out().next().is_some() || !outcome.too_large.is_empty() {
        md.push_str("#### Left out of wording comparison\n\n");
        for why in outcome
            .too_large
            .iter()
            .filter_map(|&i| left_out_event(outcome, i))
        {
            let _ = writeln!(md, "- {}", escape(&why));
        }
        for event in &outcome.events {
            for (report, language) in summary::not_english(outcome, event) {
                let _ = writeln!(
                    md,
                    "- {} ({}, {}, event {}): not English ({language})",
                    escape(&report.origin.path),
                    escape(&report.id),
                    escape(&report.outlet),
                    escape(&event.id)
                );
            }
        }
        md.push('\n');
    }
    if !outcome.rejected.is_empty() {
        md.push_str("#### Rejected input\n\n");
        for r in &outcome.rejected {
            let _ = writeln!(md, "- {}", escape(&r.to_string()));
        }
        md.push('\n');
    }
    out.write_all(md.as_bytes())
}

/// `check --statistics --format markdown`: one rule a row.
pub fn write_statistics(counts: &[RuleCount], out: &mut dyn Write) -> io::Result<()> {
    let mut md = String::from("| count | code | name | severity |\n| ---: | --- | --- | --- |\n");
    for c in counts {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} |",
            c.count, c.rule, c.name, c.severity
        );
    }
    out.write_all(md.as_bytes())
}

fn finding_row(f: &Finding) -> String {
    let mut text = escape(&f.message);
    if !f.evidence.is_empty() {
        text.push_str("<br>");
        text.push_str(&diff(&f.evidence));
    }
    format!(
        "| {} | {} {} | {} | {}:{}:{} | {} |\n",
        if f.severity == crate::finding::Severity::Error {
            "**error**".to_string()
        } else {
            f.severity.to_string()
        },
        f.rule,
        f.name,
        escape(&outlets(f)),
        escape(&f.primary.path),
        f.primary.line,
        f.primary.column,
        text
    )
}

fn matrix_details(matrix: &Matrix) -> String {
    let mut md = String::from("<details><summary>Claims × outlets</summary>\n\n");
    for column in &matrix.claims {
        let _ = writeln!(
            md,
            "- {} {} ({})",
            column.number,
            escape(&super::table::excerpt(&column.wording, 100)),
            escape(&column.outlet)
        );
    }
    md.push_str("\n| outlet |");
    for column in &matrix.claims {
        let _ = write!(md, " {} |", column.number);
    }
    md.push_str("\n| --- |");
    md.push_str(&" :-: |".repeat(matrix.claims.len()));
    md.push('\n');
    for (outlet, cells) in matrix.outlets.iter().zip(&matrix.cells) {
        let _ = write!(md, "| {} |", escape(outlet));
        for cell in cells {
            let _ = write!(md, " {} |", escape(&matrix::cell_text(cell)));
        }
        md.push('\n');
    }
    let _ = writeln!(md, "\n{}\n\n</details>\n", escape(matrix::LEGEND));
    md
}

/// The word diff: ~~dropped~~ and **added** words.
fn diff(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p.tag {
            Tag::Same => escape(&p.text),
            Tag::Removed => format!("~~{}~~", escape(&p.text)),
            Tag::Added => format!("**{}**", escape(&p.text)),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text that reads as itself in a table cell: Markdown's and HTML's special
/// characters escaped, line breaks as `<br>`.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '\n' => escaped.push_str("<br>"),
            '\r' => {}
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '|' | '#' | '!' => {
                escaped.push('\\');
                escaped.push(c);
            }
            _ => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_what_markdown_and_html_would_read() {
        assert_eq!(
            escape("a | b <i>*x*</i>\nc"),
            "a \\| b &lt;i&gt;\\*x\\*&lt;/i&gt;<br>c"
        );
    }
}
