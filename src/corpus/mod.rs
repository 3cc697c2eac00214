//! Reading reports: files, folders and standard input, in every input format.
//!
//! Bad input never stops a run: each rejected file, line or record becomes a
//! [`Rejection`] with its `path:line:column`, and the rest is read.

mod fields;
mod ids;
mod json;
mod markdown;
mod position;
mod rejection;
mod report;
mod walk;

use std::io::Read as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use position::{START, reject};
pub use rejection::Rejection;
pub use report::{Escape, Layout, Origin, Position, Report};
pub use walk::IGNORE_FILE;
use walk::Input;

/// Everything read from the paths a run was given.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Reports in a stable order: by path, then by position in the file.
    pub reports: Vec<Report>,
    /// Input that could not be read, in the same order.
    pub rejected: Vec<Rejection>,
}

/// Read every report under `paths`: files, folders (walked), or `-` for JSON
/// Lines on standard input. Never fails: what cannot be read is in `rejected`.
pub fn read(paths: &[PathBuf]) -> Corpus {
    let inputs = walk::inputs(paths);
    let entries: Vec<Vec<Entry>> = inputs.into_par_iter().map(read_input).collect();
    ids::check(entries.into_iter().flatten())
}

/// Read JSON Lines from memory as if from a file shown as `name`: what `read`
/// does with standard input (as `<stdin>`), without a process to pipe into.
pub fn read_jsonl_bytes(name: &str, bytes: &[u8]) -> Corpus {
    let source = Source {
        path: name.to_owned(),
        folder: None,
        format: Format::JsonLines,
    };
    ids::check(read_bytes(&source, bytes))
}

/// The file formats, told apart by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// `.jsonl`, `.ndjson`, standard input: one JSON object per line.
    JsonLines,
    /// `.json`: one object, or an array of objects.
    Json,
    /// `.md`, `.txt`: one report, maybe with front matter.
    Text,
}

impl Format {
    fn of(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "json" => Some(Format::Json),
            "md" | "txt" => Some(Format::Text),
            _ => None,
        }
    }
}

/// A file to read, and how to name what it holds.
#[derive(Debug)]
struct Source {
    /// Shown in origins and rejections.
    path: String,
    folder: Option<String>,
    format: Format,
}

/// A report read, with where its record starts: the place named when a later
/// report repeats its id (`origin` is where its text starts).
#[derive(Debug)]
struct Found {
    report: Report,
    at: Position,
}

/// One record or file read, in file order.
type Entry = Result<Found, Rejection>;

fn read_input(input: Input) -> Vec<Entry> {
    match input {
        Input::Unreadable(rejection) => vec![Err(rejection)],
        Input::Stdin => {
            let source = Source {
                path: "<stdin>".to_owned(),
                folder: None,
                format: Format::JsonLines,
            };
            let mut bytes = Vec::new();
            match std::io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) => read_bytes(&source, &bytes),
                Err(error) => vec![Err(reject(&source.path, START, io_reason(&error)))],
            }
        }
        Input::File { file, source } => match std::fs::read(&file) {
            Ok(bytes) => read_bytes(&source, &bytes),
            Err(error) => vec![Err(reject(&source.path, START, io_reason(&error)))],
        },
    }
}

fn read_bytes(source: &Source, bytes: &[u8]) -> Vec<Entry> {
    // Editors on Windows may start UTF-8 with a byte order mark; positions
    // are counted after it, as those editors show them.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return vec![Err(reject(&source.path, START, "empty file"))];
    }
    match source.format {
        // Lines are decoded one by one, so a bad byte costs only its line.
        Format::JsonLines => json::read_lines(source, bytes),
        Format::Json => match utf8(source, bytes) {
            Ok(text) => json::read_document(source, text),
            Err(rejection) => vec![Err(rejection)],
        },
        Format::Text => vec![utf8(source, bytes).and_then(|text| markdown::read(source, text))],
    }
}

fn utf8<'a>(source: &Source, bytes: &'a [u8]) -> Result<&'a str, Rejection> {
    std::str::from_utf8(bytes)
        .map_err(|error| position::invalid_utf8(&source.path, bytes, error, 1))
}

/// An OS error as a reason: `No such file or directory (os error 2)` →
/// `no such file or directory`, to read well after `path:1:1: `.
fn io_reason(error: &std::io::Error) -> String {
    let message = error.to_string();
    let message = match message.rfind(" (os error ") {
        Some(end) => &message[..end],
        None => &message,
    };
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => message.to_owned(),
    }
}
