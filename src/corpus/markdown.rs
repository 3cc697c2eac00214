//! Markdown and plain text (`.md`, `.txt`, and any file named explicitly):
//! one report per file, the text verbatim so positions map back one to one.
//!
//! Fields come from YAML front matter between `---` lines, or, in plain text
//! scraped from the web, from a leading `date YYYY-MM-DD` header.

use serde::de::IgnoredAny;

use super::fields::Fields;
use super::position::{Lines, START, reject};
use super::{Entry, Found, Layout, Origin, Position, Source};

/// Front matter carries no text (the body is the text); a `text:` key is ignored.
type FrontMatter = Fields<IgnoredAny>;

pub(super) fn read(source: &Source, text: &str) -> Entry {
    let lines = Lines::new(text, 1);
    let mut rows = rows(text);
    let opens = rows.next().is_some_and(|(_, row)| is_fence(row));
    if !opens {
        return plain(source, &lines, text);
    }
    let Some((close, row)) = rows.find(|(_, row)| is_fence(row)) else {
        return Err(reject(
            &source.path,
            START,
            "unterminated front matter: no closing `---` line",
        ));
    };
    let yaml_start = text.find('\n').map_or(text.len(), |i| i + 1);
    let yaml = text.get(yaml_start..close).unwrap_or_default();
    let fields: FrontMatter = match serde_saphyr::from_str(yaml) {
        Ok(fields) => fields,
        Err(error) => return Err(yaml_rejection(source, &lines, yaml, yaml_start, &error)),
    };
    // The text starts at the first line after the fence that is not blank.
    let mut body = close + row.len();
    for (start, row) in rows {
        if !row.trim().is_empty() {
            body = start;
            break;
        }
        body = start + row.len();
    }
    report(
        source,
        fields,
        text.get(body..).unwrap_or_default(),
        lines.position(body),
        START,
    )
}

/// A file without front matter: all text, unless it opens with a date header.
fn plain(source: &Source, lines: &Lines, text: &str) -> Entry {
    let Some(header) = date_header(text) else {
        return report(source, Fields::default(), text, START, START);
    };
    let at = lines.position(header.date);
    let fields = FrontMatter {
        published: Some(header.value.to_owned()),
        ..Fields::default()
    };
    report(
        source,
        fields,
        text.get(header.text..).unwrap_or_default(),
        lines.position(header.text),
        at,
    )
}

/// The report of a whole file whose text is `body`, starting at `start`;
/// `at` is where problems with its fields are reported.
fn report(
    source: &Source,
    fields: FrontMatter,
    body: &str,
    start: Position,
    at: Position,
) -> Entry {
    if body.trim().is_empty() {
        return Err(reject(&source.path, START, "empty text"));
    }
    let origin = Origin {
        path: source.path.clone(),
        line: start.line,
        column: start.column,
        folder: source.folder.clone(),
        layout: Layout::Verbatim,
    };
    match fields.into_report(body.to_owned(), origin, source.path.clone(), false) {
        Ok(report) => Ok(Found { report, at: START }),
        Err(reason) => Err(reject(&source.path, at, reason)),
    }
}

/// The header of scraped plain text: `date 2022-01-27`, then the text, on the
/// same line or the next. Offsets are bytes into the file.
#[derive(Debug)]
struct DateHeader<'a> {
    /// Where the date value starts.
    date: usize,
    value: &'a str,
    /// Where the text starts: after the date and the whitespace that follows.
    text: usize,
}

fn date_header(text: &str) -> Option<DateHeader<'_>> {
    let keyword = text.len() - text.trim_start().len();
    let after = text.get(keyword..)?.strip_prefix("date")?;
    let gap = after.len() - after.trim_start_matches([' ', '\t']).len();
    if gap == 0 {
        return None;
    }
    let date = keyword + "date".len() + gap;
    let rest = text.get(date..)?;
    let value = rest.split(char::is_whitespace).next()?;
    if !looks_like_date(value) {
        return None;
    }
    let after_value = rest.get(value.len()..)?;
    let text_start = date + value.len() + (after_value.len() - after_value.trim_start().len());
    Some(DateHeader {
        date,
        value,
        text: text_start,
    })
}

/// `NNNN-NN-NN`: the shape that marks a header, before checking it is a real day.
fn looks_like_date(value: &str) -> bool {
    value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        })
}

/// The lines of `text` with their byte offsets, line endings included.
fn rows(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |offset, row| {
        let start = *offset;
        *offset += row.len();
        Some((start, row))
    })
}

fn is_fence(row: &str) -> bool {
    row.trim_end() == "---"
}

/// A front matter error, moved from the YAML's coordinates to the file's. The
/// YAML is `yaml`, at byte `yaml_start` of the file. The error's character
/// offset is used, not its line: YAML also breaks lines at a lone `\r`, which
/// the file's lines do not.
fn yaml_rejection(
    source: &Source,
    lines: &Lines,
    yaml: &str,
    yaml_start: usize,
    error: &serde_saphyr::Error,
) -> super::Rejection {
    let plain = error.without_snippet().to_string();
    let (at, message) = match error.location() {
        Some(location) => {
            let suffix = format!(" at line {}, column {}", location.line(), location.column());
            let message = plain.strip_suffix(&suffix).unwrap_or(&plain).to_owned();
            let chars = usize::try_from(location.span().offset()).unwrap_or(usize::MAX);
            let offset = yaml
                .char_indices()
                .nth(chars)
                .map_or(yaml.len(), |(i, _)| i);
            (lines.position(yaml_start + offset), message)
        }
        None => (START, plain),
    };
    reject(&source.path, at, format!("invalid front matter: {message}"))
}
