//! Reading and extracting a corpus batch after batch gives what reading and
//! extracting it at once gives: the same reports in the same order, the same
//! rejections (a duplicate id in a later batch than its first report, a bad
//! line between good ones), and `crosscheck extract`'s output byte for byte in
//! every format. Batches here hold one or two reports, so every boundary falls
//! somewhere a real run's 32 MB batches could put it.

use std::fs;
use std::path::PathBuf;

use crosscheck::attributions::extract_all;
use crosscheck::attributions::{self, Listing};
use crosscheck::corpus::{self, Batching, Corpus, Limits};
use crosscheck::render::{self, AttributionWriter, Format, Style};
use tempfile::TempDir;

use crate::support::folder;

/// Two events' reports: Markdown, JSON Lines and a JSON array. `wire.jsonl`
/// repeats the id of `afp.md` (a file read before it) and of its own first
/// line, and holds a line that is no JSON between good ones.
fn newsroom() -> TempDir {
    let files: [(&str, &str); 5] = [
        (
            "2022-01-27-call/afp.md",
            "---\nid: call-afp\noutlet: AFP\n---\nWang Yi said that \"the US should stop interfering\".\n",
        ),
        (
            "2022-01-27-call/wire.jsonl",
            concat!(
                r#"{"id":"call-1","outlet":"Reuters","text":"\"We will not back down,\" the minister said."}"#,
                "\n",
                r#"{"id":"call-afp","outlet":"Reuters","text":"Blinken said the talks were useful."}"#,
                "\n\n",
                "{\"id\": \"call-2\", \"text\": \"cut off\n",
                r#"{"id":"call-3","outlet":"TASS","text":"Lavrov told reporters that \"nobody wants a war\"."}"#,
                "\n",
                r#"{"id":"call-1","outlet":"TASS","text":"Peskov said: \"No comment.\""}"#,
                "\n",
            ),
        ),
        ("2022-01-28-visit/empty.md", ""),
        (
            "2022-01-28-visit/reuters.json",
            r#"[{"id":"visit-1","outlet":"Reuters","text":"The visit was \"historic\", a spokesman said."},
                {"id":"visit-2","outlet":"Reuters","text":"She said she \"welcomed\" the visit."}]"#,
        ),
        (
            "2022-01-28-visit/xinhua.txt",
            "Xi Jinping said China \"stands ready\" to work with all parties.\n",
        ),
    ];
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, c)| (*n, c.as_bytes())).collect();
    folder(&files)
}

/// One report or one JSON line a batch; two; and a batch closed at every
/// byte (so one file or line each, however small).
const TINY: [Batching; 3] = [
    Batching {
        bytes: u64::MAX,
        reports: 1,
    },
    Batching {
        bytes: u64::MAX,
        reports: 2,
    },
    Batching {
        bytes: 1,
        reports: usize::MAX,
    },
];

fn batches(dir: &TempDir, limits: Limits, batching: Batching) -> Vec<Corpus> {
    corpus::batches(&[dir.path().to_path_buf()], limits, batching).collect()
}

/// The batches one after the other, as one corpus.
fn joined(batches: Vec<Corpus>) -> Corpus {
    let mut corpus = Corpus::default();
    for batch in batches {
        corpus.reports.extend(batch.reports);
        corpus.rejected.extend(batch.rejected);
    }
    corpus
}

/// Read in every tiny batching, the batches joined are `at_once`.
fn assert_read_as_at_once(dir: &TempDir, limits: Limits, at_once: &Corpus) {
    for batching in TINY {
        let joined = joined(batches(dir, limits, batching));
        assert_eq!(joined.reports, at_once.reports, "{batching:?}");
        assert_eq!(joined.rejected, at_once.rejected, "{batching:?}");
    }
}

/// The size of `afp.md`, the first file read: a limit past it reaches into `wire.jsonl`.
fn afp_size(dir: &TempDir) -> u64 {
    fs::metadata(dir.path().join("2022-01-27-call/afp.md"))
        .unwrap()
        .len()
}

fn rejections(corpus: &Corpus, dir: &TempDir) -> Vec<String> {
    let prefix = format!("{}/", dir.path().display());
    corpus
        .rejected
        .iter()
        .map(|r| r.to_string().replace(&prefix, ""))
        .collect()
}

#[test]
fn a_corpus_read_batch_after_batch_is_the_corpus_read_at_once() {
    let dir = newsroom();
    let at_once = corpus::read(&[dir.path().to_path_buf()]);
    let ids: Vec<&str> = at_once.reports.iter().map(|r| r.id.as_str()).collect();
    let xinhua = dir.path().join("2022-01-28-visit/xinhua.txt");
    assert_eq!(
        ids,
        [
            "call-afp",
            "call-1",
            "call-3",
            "visit-1",
            "visit-2",
            &xinhua.to_string_lossy()
        ]
    );
    assert_eq!(
        rejections(&at_once, &dir),
        [
            "2022-01-27-call/wire.jsonl:2:1: duplicate id \"call-afp\" (first seen at 2022-01-27-call/afp.md:1:1)",
            "2022-01-27-call/wire.jsonl:4:33: EOF while parsing a string",
            "2022-01-27-call/wire.jsonl:6:1: duplicate id \"call-1\" (first seen at 2022-01-27-call/wire.jsonl:1:1)",
            "2022-01-28-visit/empty.md:1:1: empty file",
        ]
    );
    for batching in TINY {
        let batches = batches(&dir, Limits::default(), batching);
        // Each duplicate is rejected in a later batch than its first report's.
        for id in ["call-afp", "call-1"] {
            let first = batches
                .iter()
                .position(|b| b.reports.iter().any(|r| r.id == id));
            let duplicate = batches.iter().position(|b| {
                b.rejected
                    .iter()
                    .any(|r| r.reason.starts_with(&format!("duplicate id \"{id}\"")))
            });
            assert!(
                first < duplicate,
                "{batching:?}: {id} in {first:?}, {duplicate:?}"
            );
        }
    }
    assert_read_as_at_once(&dir, Limits::default(), &at_once);
}

#[test]
fn the_input_limit_cuts_a_json_lines_file_at_the_same_line_in_any_batch() {
    let dir = newsroom();
    // The Markdown file, then the first three lines of wire.jsonl (the
    // third blank), then the limit is reached in the fourth.
    let afp = afp_size(&dir);
    let limits = Limits {
        max_input_bytes: afp + 190,
    };
    let at_once = corpus::read_within(&[dir.path().to_path_buf()], limits);
    let over = "the input limit of 275 bytes is reached (raise it with --max-input-mb)";
    assert_eq!(
        rejections(&at_once, &dir),
        [
            "2022-01-27-call/wire.jsonl:2:1: duplicate id \"call-afp\" (first seen at 2022-01-27-call/afp.md:1:1)".to_owned(),
            format!("2022-01-27-call/wire.jsonl:4:1: not read from this line on: {over}"),
            "2022-01-28-visit/empty.md:1:1: empty file".to_owned(),
            format!("2022-01-28-visit/reuters.json:1:1: not read: the file is 191 bytes and {over}"),
            format!("2022-01-28-visit/xinhua.txt:1:1: not read: the file is 63 bytes and {over}"),
        ]
    );
    assert_read_as_at_once(&dir, limits, &at_once);
}

#[test]
fn a_json_lines_file_is_read_to_the_last_line_that_fits_the_limit_exactly() {
    let dir = newsroom();
    let afp = afp_size(&dir);
    let wire = fs::read(dir.path().join("2022-01-27-call/wire.jsonl")).unwrap();
    // The end of line 3 (blank): the limit ends exactly there, or a byte before.
    let line_ends: Vec<u64> = (0..wire.len())
        .filter(|&i| wire[i] == b'\n')
        .map(|i| i as u64 + 1)
        .collect();
    let third_line_end = line_ends[2];
    for (room, first_left_out) in [(third_line_end, 4), (third_line_end - 1, 3)] {
        let limits = Limits {
            max_input_bytes: afp + room,
        };
        for batching in TINY {
            let cut = joined(batches(&dir, limits, batching));
            let at = format!(
                "2022-01-27-call/wire.jsonl:{first_left_out}:1: not read from this line on"
            );
            assert!(
                rejections(&cut, &dir).iter().any(|r| r.starts_with(&at)),
                "{room} bytes, {batching:?}: {:#?}",
                rejections(&cut, &dir)
            );
        }
    }
}

/// `crosscheck extract`'s output from the corpus read, extracted and written
/// at once (as it was before extract streamed).
fn extracted_at_once(dir: &TempDir, format: Format, options: Listing) -> Vec<u8> {
    let corpus = corpus::read(&[dir.path().to_path_buf()]);
    let (mut attributions, _) = extract_all(&corpus.reports);
    if !options.uncredited {
        for found in &mut attributions {
            found.retain(|a| a.is_credited());
        }
    }
    let mut out = Vec::new();
    render::write_attributions(&corpus.reports, &attributions, format, &style(), &mut out).unwrap();
    out
}

/// The same, batch after batch, with the rejections each batch brought.
fn extracted_in_batches(
    paths: &[PathBuf],
    batching: Batching,
    format: Format,
    options: Listing,
) -> (Vec<u8>, Vec<corpus::Rejection>) {
    let mut out = Vec::new();
    let mut rejected = Vec::new();
    let batches = corpus::batches(paths, Limits::default(), batching);
    let writer = AttributionWriter::start(format, &style(), &mut out).unwrap();
    let read = attributions::extract_batches(batches, options, writer, |batch| {
        rejected.extend(batch.rejected.iter().cloned());
        Ok(())
    })
    .unwrap();
    assert_eq!(read.volume.rejected, rejected.len());
    (out, rejected)
}

fn style() -> Style {
    Style {
        color: false,
        terminal: false,
        width: Some(120),
    }
}

#[test]
fn extract_writes_the_same_bytes_batch_after_batch_as_at_once() {
    let dir = newsroom();
    let paths = [dir.path().to_path_buf()];
    let whole = corpus::read(&paths);
    for format in [Format::Table, Format::Json, Format::Jsonl] {
        for uncredited in [false, true] {
            let options = Listing { uncredited };
            let expected = extracted_at_once(&dir, format, options);
            assert!(
                expected.len() > 200,
                "{format:?}: the fixture lists attributions"
            );
            for batching in TINY {
                let (streamed, rejected) = extracted_in_batches(&paths, batching, format, options);
                assert_eq!(
                    String::from_utf8_lossy(&streamed),
                    String::from_utf8_lossy(&expected),
                    "{format:?}, uncredited {uncredited}, {batching:?}"
                );
                assert_eq!(rejected, whole.rejected);
            }
        }
    }
}

#[test]
fn extract_from_no_report_is_an_empty_array_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let paths = [dir.path().to_path_buf()];
    for (format, expected) in [(Format::Json, "[]\n"), (Format::Jsonl, "")] {
        let (streamed, rejected) =
            extracted_in_batches(&paths, TINY[0], format, Listing::default());
        assert_eq!(String::from_utf8(streamed).unwrap(), expected);
        assert_eq!(
            extracted_at_once(&dir, format, Listing::default()),
            expected.as_bytes()
        );
        assert!(rejected.is_empty());
    }
}
