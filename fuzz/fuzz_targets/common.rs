//! What every reader target checks: the reader returns reports or rejections,
//! never panics, and whatever it returns points into the file it read.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use crosscheck::corpus::{Corpus, Layout, Report};

/// One scratch folder per fuzzing process, in memory where the system has it.
fn scratch() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let shm = std::path::Path::new("/dev/shm");
        let builder = tempfile::Builder::new()
            .prefix("crosscheck-fuzz")
            .tempdir_in(shm);
        builder
            .or_else(|_| tempfile::tempdir())
            .expect("a scratch folder")
    })
}

/// Read `bytes` as a file named `report.EXT`, the way `crosscheck check FILE` does.
pub fn read_file(extension: &str, bytes: &[u8]) -> Corpus {
    let path: PathBuf = scratch().path().join(format!("report.{extension}"));
    std::fs::write(&path, bytes).expect("the scratch file is written");
    let corpus = crosscheck::corpus::read(std::slice::from_ref(&path));
    check(&corpus, &path.display().to_string(), bytes);
    corpus
}

/// Read `bytes` as JSON Lines from memory, as standard input is read.
pub fn read_jsonl(bytes: &[u8]) -> Corpus {
    let corpus = crosscheck::corpus::read_jsonl_bytes("<fuzz>", bytes);
    check(&corpus, "<fuzz>", bytes);
    corpus
}

/// The invariants of a read: one file gives at least one report or rejection
/// (an array may be empty); every rejection has a `path:line:column` inside the
/// file; every report has text, and its origin maps the text's characters back
/// onto the file's.
pub fn check(corpus: &Corpus, path: &str, bytes: &[u8]) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // An empty JSON array (`[]`) is the one input that holds nothing to reject.
    let array = bytes.trim_ascii_start().starts_with(b"[");
    assert!(
        array || !corpus.reports.is_empty() || !corpus.rejected.is_empty(),
        "a file gives reports or rejections"
    );
    let lines = bytes.split(|&b| b == b'\n').count();
    for rejection in &corpus.rejected {
        assert_eq!(rejection.path, path);
        assert!(rejection.line >= 1 && rejection.column >= 1, "{rejection}");
        assert!(
            rejection.line as usize <= lines,
            "{rejection}: past the last line"
        );
        assert!(!rejection.reason.is_empty(), "{rejection}: no reason");
    }
    for report in &corpus.reports {
        assert!(!report.text.trim().is_empty(), "a report has text");
        assert!(!report.id.is_empty() && !report.outlet.is_empty());
        positions(report, bytes);
    }
}

/// The file character at a sample of the text's offsets is the text's own
/// (Markdown, plain text), or the raw form of the decoded character (JSON).
fn positions(report: &Report, bytes: &[u8]) {
    let text = &report.text;
    let escapes: Vec<u32> = match &report.origin.layout {
        Layout::Verbatim => Vec::new(),
        Layout::JsonString(escapes) => escapes.iter().map(|e| e.offset).collect(),
    };
    let file_lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let samples = text
        .char_indices()
        .take(48)
        .chain(text.char_indices().rev().take(16));
    for (offset, expected) in samples {
        let at = report.origin.position(text, offset);
        assert!(at.line >= 1 && at.column >= 1);
        // A line ends before its `\n`; an escape is written longer.
        if expected == '\n' || escapes.contains(&(offset as u32)) {
            continue;
        }
        let line = file_lines
            .get(at.line as usize - 1)
            .unwrap_or_else(|| panic!("line {} of offset {offset} is past the file", at.line));
        let line = String::from_utf8_lossy(line);
        let found = line.chars().nth(at.column as usize - 1);
        assert_eq!(
            found,
            Some(expected),
            "offset {offset} of the text maps to {}:{}",
            at.line,
            at.column
        );
    }
}
