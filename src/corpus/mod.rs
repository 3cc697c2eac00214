//! Reading reports: files, folders and standard input, in every input format.
//!
//! Bad input never stops a run: each rejected file, line or record becomes a
//! [`Rejection`] with its `path:line:column`, and the rest is read.

mod batches;
mod fields;
mod ids;
mod json;
mod lines;
mod markdown;
mod place;
mod position;
mod press_release;
mod rejection;
mod report;
mod scan;
mod walk;

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use batches::{Batches, Batching, batches};
pub use place::Place;
use position::{START, reject};
pub use press_release::is_press_release;
pub use rejection::Rejection;
pub use report::{Escape, Layout, Origin, Position, Report};
pub use scan::{Again, Scan, scan, scan_framed};
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

/// How much input a run reads. `check` and `events` hold the corpus's text and
/// what was found in it: 3.4 times the input at the peak for 100k synthetic
/// reports with event keys (1.35 GB for 397 MB), 4.9 times for 1 GB of them
/// grouped automatically (4.95 GB). So they read at most this much and reject
/// the rest by name, never running the machine out of memory. Read in
/// [`batches`], memory does not grow with the input: no limit is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_input_bytes: u64,
}

/// 1 GiB of input: at most about 5 GB of memory at the peak.
pub const DEFAULT_MAX_INPUT_MB: u64 = 1024;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_input_bytes: DEFAULT_MAX_INPUT_MB << 20,
        }
    }
}

/// Read every report under `paths`: files, folders (walked), or `-` for JSON
/// Lines on standard input. Never fails: what cannot be read is in `rejected`.
pub fn read(paths: &[PathBuf]) -> Corpus {
    read_within(paths, Limits::default())
}

/// `read`, with at most `limits.max_input_bytes` of input read. Files are
/// given the budget in corpus order: a file that does not fit what is left is
/// rejected whole, except JSON Lines, read up to the line where the budget
/// ends; the line where reading stopped is rejected with the reason.
pub fn read_within(paths: &[PathBuf], limits: Limits) -> Corpus {
    let mut corpus = Corpus::default();
    for batch in batches(paths, limits, Batching::default()) {
        corpus.reports.extend(batch.reports);
        corpus.rejected.extend(batch.rejected);
    }
    corpus
}

/// Every input under `paths` in corpus order, with what the run's limit has
/// left for it when its turn comes.
fn plan(paths: &[PathBuf], limits: Limits) -> Vec<(Input, Budget)> {
    let mut left = limits.max_input_bytes;
    walk::inputs(paths)
        .into_iter()
        .map(|input| {
            let budget = Budget {
                left,
                limit: limits.max_input_bytes,
            };
            // Standard input's size is known only once read: it takes what is left.
            if let Input::File { file, .. } = &input {
                let size = std::fs::metadata(file).map_or(0, |m| m.len());
                left = left.saturating_sub(size);
            }
            (input, budget)
        })
        .collect()
}

/// A report whose text is longer than extraction can index (`text::MAX_TEXT`,
/// 4 GiB: token offsets are 32-bit) is rejected where its record starts.
fn within_report_size(entry: Entry) -> Entry {
    match entry {
        Ok(found) if found.report.text.len() > crate::text::MAX_TEXT => {
            let reason = format!(
                "report text is {}, more than the {} a report may have",
                size(found.report.text.len() as u64),
                size(crate::text::MAX_TEXT as u64)
            );
            Err(reject(&found.report.origin.path, found.at, reason))
        }
        entry => entry,
    }
}

/// What an input may read: what the run's limit has left when its turn comes.
#[derive(Debug, Clone, Copy)]
struct Budget {
    left: u64,
    limit: u64,
}

impl Budget {
    /// No limit: what reading bytes already in memory is given.
    const UNLIMITED: Budget = Budget {
        left: u64::MAX,
        limit: u64::MAX,
    };

    fn over(&self) -> String {
        format!(
            "the input limit of {} is reached (raise it with --max-input-mb)",
            size(self.limit)
        )
    }
}

/// `1024 MB`, `2.9 MB`, `310 bytes`.
fn size(bytes: u64) -> String {
    const MB: u64 = 1 << 20;
    if bytes < MB {
        format!("{bytes} bytes")
    } else if bytes % MB == 0 {
        format!("{} MB", bytes / MB)
    } else {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    }
}

/// Read JSON Lines from memory as if from a file shown as `name`: what `read`
/// does with standard input (as `<stdin>`), without a process to pipe into.
pub fn read_jsonl_bytes(name: &str, bytes: &[u8]) -> Corpus {
    let source = Source {
        path: name.to_owned(),
        folder: None,
        format: Format::JsonLines,
    };
    ids::check(
        lines::read_all(Arc::new(source), bytes, Budget::UNLIMITED)
            .into_iter()
            .map(within_report_size),
    )
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
#[derive(Debug, Clone)]
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

/// A file read whole (JSON Lines files are read by line, in `lines`): one
/// larger than what the budget has left is rejected unread.
fn read_file(file: &Path, source: &Source, budget: Budget) -> Vec<Entry> {
    let size = std::fs::metadata(file).map_or(0, |m| m.len());
    if size > budget.left {
        return not_read(source, &self::size(size), budget);
    }
    let mut bytes = Vec::new();
    // Never more than the budget (and one byte to tell) is held, even of a
    // file that grew since its size was taken.
    let read = std::fs::File::open(file).and_then(|opened| {
        opened
            .take(budget.left.saturating_add(1))
            .read_to_end(&mut bytes)
    });
    match read {
        Err(error) => vec![Err(reject(&source.path, START, io_reason(&error)))],
        Ok(read) if read as u64 > budget.left => not_read(
            source,
            &format!("more than {}", self::size(budget.left)),
            budget,
        ),
        Ok(_) => read_bytes(source, &bytes),
    }
}

/// A file rejected whole for the input limit; `size` says how large it is.
fn not_read(source: &Source, size: &str, budget: Budget) -> Vec<Entry> {
    let reason = format!("not read: the file is {size} and {}", budget.over());
    vec![Err(reject(&source.path, START, &reason))]
}

fn read_bytes(source: &Source, bytes: &[u8]) -> Vec<Entry> {
    let bytes = bytes.strip_prefix(lines::BYTE_ORDER_MARK).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return vec![Err(reject(&source.path, START, "empty file"))];
    }
    match source.format {
        // Lines are decoded one by one, so a bad byte costs only its line.
        Format::JsonLines => lines::read_all(Arc::new(source.clone()), bytes, Budget::UNLIMITED),
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
