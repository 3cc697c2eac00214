//! JSON input: JSON Lines (`.jsonl`, `.ndjson`, standard input), one report
//! per line, and JSON documents (`.json`), one report or an array of them.
//!
//! Records are read one at a time from slices of the file, so a bad line or
//! array element rejects only itself, and the `text` string is kept raw long
//! enough to learn where it sits and which escapes it holds: that is what lets
//! later stages point at a quote's `line:column` in the file.

use serde_json::value::RawValue;

use super::fields::Fields;
use super::position::{Lines, invalid_utf8, offset_within, reject, to_u32};
use super::{Entry, Escape, Found, Layout, Origin, Source};

/// A record with its text still raw, borrowed from the file.
type Record<'a> = Fields<&'a RawValue>;

/// One line of a JSON Lines file (without its `\n`), numbered from 1 in the
/// file; `None` for a blank line, which is no record.
pub(super) fn read_line(source: &Source, raw: &[u8], number: u32) -> Option<Entry> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    // Each line is decoded on its own, so a stray Latin-1 byte costs one line.
    Some(match std::str::from_utf8(raw) {
        Err(error) => Err(invalid_utf8(&source.path, raw, error, number)),
        Ok(line) => {
            let lines = Lines::new(line, number);
            record(
                source,
                &lines,
                line,
                line,
                format!("{}:{number}", source.path),
            )
        }
    })
}

/// A JSON document: one record, or an array whose elements are read one by one.
pub(super) fn read_document(source: &Source, text: &str) -> Vec<Entry> {
    let lines = Lines::new(text, 1);
    if !text.trim_start().starts_with('[') {
        return vec![record(source, &lines, text, text, source.path.clone())];
    }
    // Splitting the array into raw elements checks only the JSON syntax, so
    // one element with a bad field does not take the others down with it.
    match serde_json::from_str::<Vec<&RawValue>>(text) {
        Err(error) => vec![Err(json_rejection(source, &lines, text, 0, &error))],
        Ok(elements) => elements
            .iter()
            .map(|element| {
                let start = offset_within(text, element.get()).unwrap_or(0);
                let line = lines.position(start).line;
                record(
                    source,
                    &lines,
                    text,
                    element.get(),
                    format!("{}:{line}", source.path),
                )
            })
            .collect(),
    }
}

/// The report in `slice`, one JSON object somewhere in `doc` (which `lines` indexes).
fn record(source: &Source, lines: &Lines, doc: &str, slice: &str, default_id: String) -> Entry {
    let base = offset_within(doc, slice).unwrap_or(0);
    let leading = slice.len() - slice.trim_start().len();
    let at = lines.position(base + leading);
    // serde would also take an array as the fields in order; a report is an object.
    if !slice.trim_start().starts_with('{') {
        return Err(reject(&source.path, at, "expected a JSON object"));
    }
    let fields: Record = match serde_json::from_str(slice) {
        Ok(fields) => fields,
        Err(error) => return Err(json_rejection(source, lines, slice, base, &error)),
    };
    let Some(raw) = fields.text else {
        return Err(reject(&source.path, at, "missing field `text`"));
    };
    let raw = raw.get();
    let raw_at = offset_within(doc, raw).unwrap_or(base);
    let (text, escapes) = match decode(raw) {
        Ok(decoded) => decoded,
        Err(error) => return Err(json_rejection(source, lines, raw, raw_at, &error)),
    };
    // The text starts one character after the opening quote.
    let start = lines.position(raw_at + 1);
    if text.trim().is_empty() {
        return Err(reject(&source.path, start, "empty text"));
    }
    let origin = Origin {
        path: source.path.clone(),
        line: start.line,
        column: start.column,
        folder: source.folder.clone(),
        layout: Layout::JsonString(escapes),
    };
    match fields.into_report(text, origin, default_id, true) {
        Ok(report) => Ok(Found { report, at }),
        Err(reason) => Err(reject(&source.path, at, reason)),
    }
}

/// The decoded text of a raw JSON string, and where its raw form is longer.
fn decode(raw: &str) -> Result<(String, Vec<Escape>), serde_json::Error> {
    // serde_json decodes (and so validates, surrogates included); the scan
    // below only measures, and may trust that every escape is well formed.
    let text: String = serde_json::from_str(raw)?;
    let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or_default();
    Ok((text, escapes(inner)))
}

/// Every escape in the body of a valid JSON string, as the decoded byte offset
/// where it stands and how many more characters the raw form takes.
fn escapes(inner: &str) -> Vec<Escape> {
    let mut escapes = Vec::new();
    let mut decoded = 0usize;
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            decoded += c.len_utf8();
            continue;
        }
        let (len, extra) = match chars.next() {
            Some('u') => {
                let unit = chars
                    .by_ref()
                    .take(4)
                    .filter_map(|c| c.to_digit(16))
                    .fold(0, |unit, digit| unit * 16 + digit);
                if (0xD800..0xDC00).contains(&unit) {
                    // A high surrogate: its low half follows as another `\uXXXX`,
                    // and the pair is one 4-byte character written in 12.
                    chars.by_ref().take(6).for_each(drop);
                    (4, 11)
                } else {
                    (char::from_u32(unit).map_or(3, char::len_utf8), 5)
                }
            }
            Some(_) => (1, 1),
            None => break,
        };
        escapes.push(Escape {
            offset: to_u32(decoded),
            extra,
        });
        decoded += len;
    }
    escapes
}

/// A serde_json error in `slice` (at byte `base` of the indexed text), moved to
/// its place in the file. serde_json counts lines from 1 and columns in bytes,
/// pointing at the offending byte.
fn json_rejection(
    source: &Source,
    lines: &Lines,
    slice: &str,
    base: usize,
    error: &serde_json::Error,
) -> super::Rejection {
    let line_start: usize = slice
        .split_inclusive('\n')
        .take(error.line().saturating_sub(1))
        .map(str::len)
        .sum();
    let at = lines.position(base + line_start + error.column().saturating_sub(1));
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let reason = message.strip_suffix(&suffix).unwrap_or(&message);
    reject(&source.path, at, reason)
}
