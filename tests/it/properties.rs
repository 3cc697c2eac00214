//! Property tests: the word diff accounts for every word, and the readers turn
//! any bytes into reports or `path:line:column` rejections, never a panic.

use std::path::PathBuf;

use proptest::prelude::*;

use crosscheck::align::{Claim, ReferenceChoice, Rendering};
use crosscheck::compare::{self, Diff};
use crosscheck::corpus::{self, Corpus, Layout, Origin, Report};
use crosscheck::extract::{Attribution, Content, Kind};
use crosscheck::finding::Tag;
use crosscheck::text::{Span, Wording, equivalence_group};

// ---------------------------------------------------------------------------
// The word diff
// ---------------------------------------------------------------------------

/// Words that make quotes, and a few that equivalents list (`legitimate`,
/// `reasonable`, `the united states`, `the us`), so listed phrases are diffed too.
const VOCABULARY: &[&str] = &[
    "the",
    "minister",
    "said",
    "talks",
    "will",
    "resume",
    "next",
    "week",
    "we",
    "are",
    "ready",
    "to",
    "cooperate",
    "with",
    "all",
    "parties",
    "on",
    "trade",
    "security",
    "plan",
    "must",
    "should",
    "not",
    "never",
    "a",
    "step",
    "forward",
    "China",
    "anti-China",
    "don't",
    "legitimate",
    "reasonable",
    "united",
    "states",
    "us",
    "concerns",
];

/// What may stand between two words as printed.
const GAPS: &[&str] = &[
    " ",
    " ",
    " ",
    ", ",
    "; ",
    " -- ",
    " \u{201c}",
    "\u{201d} ",
    "... ",
    "\n",
];

fn words() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(prop::sample::select(VOCABULARY), 1..24)
        .prop_map(|w| w.into_iter().map(str::to_owned).collect())
}

/// One edit of a word list: insert, delete or replace at a position.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, &'static str),
    Delete(usize),
    Replace(usize, &'static str),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let word = || prop::sample::select(VOCABULARY);
    let edit = prop_oneof![
        (any::<usize>(), word()).prop_map(|(i, w)| Edit::Insert(i, w)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), word()).prop_map(|(i, w)| Edit::Replace(i, w)),
    ];
    prop::collection::vec(edit, 0..8)
}

fn apply(words: &[String], edits: &[Edit]) -> Vec<String> {
    let mut out = words.to_vec();
    for edit in edits {
        match *edit {
            Edit::Insert(i, w) => out.insert(i % (out.len() + 1), w.to_owned()),
            Edit::Delete(i) if out.len() > 1 => {
                out.remove(i % out.len());
            }
            Edit::Delete(_) => {}
            Edit::Replace(i, w) => {
                let i = i % out.len();
                out[i] = w.to_owned();
            }
        }
    }
    out
}

/// The words printed with gaps chosen by `seed`, and the sentence made of them.
fn printed(words: &[String], seed: &[usize]) -> String {
    let mut text = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            text.push_str(GAPS[seed.get(i).copied().unwrap_or(0) % GAPS.len()]);
        }
        text.push_str(word);
    }
    text.push('.');
    text
}

fn folded_words(text: &str, pieces: &[Span]) -> Vec<String> {
    Wording::new(text, pieces)
        .words
        .into_iter()
        .map(|w| w.folded.to_string())
        .collect()
}

/// The words of the pieces with `tags`, in order.
fn piece_words(diff: &Diff, tags: &[Tag]) -> Vec<String> {
    diff.pieces
        .iter()
        .filter(|p| tags.contains(&p.tag))
        .flat_map(|p| folded_words(&p.text, &[Span::new(0, p.text.len())]))
        .collect()
}

/// Whether some run of up to four words is a phrase the equivalents list.
fn lists_a_phrase(words: &[String]) -> bool {
    let folded: Vec<String> = words
        .iter()
        .flat_map(|w| folded_words(w, &[Span::new(0, w.len())]))
        .collect();
    (0..folded.len()).any(|i| {
        (1..=4)
            .filter(|n| i + n <= folded.len())
            .any(|n| equivalence_group(&folded[i..i + n].join(" ")).is_some())
    })
}

/// `variant` (its words at `pieces`) diffed against all of `reference` as the
/// quoted sentence of the reference report.
fn diff(reference: &str, variant: &str, pieces: &[Span]) -> Diff {
    let report = Report {
        id: "reference".to_owned(),
        outlet: "wire".to_owned(),
        published: None,
        title: None,
        url: None,
        event: None,
        text: reference.to_owned(),
        origin: Origin::default(),
    };
    let whole = Span::new(0, reference.len());
    let attribution = Attribution {
        kind: Kind::Direct,
        speaker: None,
        cue: None,
        addressee: None,
        channels: Vec::new(),
        content: Content {
            text: reference.to_owned(),
            spans: vec![whole],
            quoted: vec![whole],
            proposition: true,
        },
        sentence: whole,
    };
    let claim = Claim {
        id: "event#1".to_owned(),
        event: "event".to_owned(),
        renderings: vec![Rendering {
            report: 0,
            attribution: 0,
            pieces: vec![whole],
            speaker: None,
        }],
        reference: 0,
        reference_is: ReferenceChoice::Earliest,
        translated: true,
    };
    let reports = [report];
    let attributions = [vec![attribution]];
    let attributed = crosscheck::align::Attributed {
        reports: &reports,
        attributions: &attributions,
    };
    compare::against(&claim, 0, attributed, variant, pieces)
}

/// Apply the diff to the reference: walk its pieces over the reference's words
/// in the window, keeping what is the same, dropping what was removed and
/// adding what was added. The result is the variant's words, and the walk
/// uses up exactly the window's words.
fn check_diff(reference: &str, variant: &str, pieces: &[Span], exact_reference: bool) {
    let diff = diff(reference, variant, pieces);
    let variant_words = folded_words(variant, pieces);
    prop_assert_eq_words(
        &piece_words(&diff, &[Tag::Same, Tag::Added]),
        &variant_words,
        "same + added pieces rebuild the variant",
        &diff,
    );
    let Some((start, end)) = diff.window.map(|w| (w.start(), w.end())) else {
        assert!(
            diff.pieces.iter().all(|p| p.tag == Tag::Added),
            "no window, nothing same or removed: {diff:#?}"
        );
        return;
    };
    assert!(
        start <= end && end <= reference.len(),
        "window {start}..{end}"
    );
    if !exact_reference {
        // A listed phrase may stand for another: the same pieces then print
        // the variant's words, not the reference's.
        return;
    }
    let mut remaining = folded_words(reference, &[Span::new(start, end)]).into_iter();
    let mut rebuilt = Vec::new();
    for piece in &diff.pieces {
        let words = folded_words(&piece.text, &[Span::new(0, piece.text.len())]);
        match piece.tag {
            Tag::Added => rebuilt.extend(words),
            Tag::Same | Tag::Removed => {
                for word in words {
                    assert_eq!(
                        remaining.next().as_ref(),
                        Some(&word),
                        "piece {piece:?} is not the reference's next word: {diff:#?}"
                    );
                    if piece.tag == Tag::Same {
                        rebuilt.push(word);
                    }
                }
            }
        }
    }
    let left: Vec<String> = remaining.collect();
    assert!(
        left.is_empty(),
        "window words not accounted for: {left:?}: {diff:#?}"
    );
    prop_assert_eq_words(&rebuilt, &variant_words, "the diff applied", &diff);
}

fn prop_assert_eq_words(found: &[String], expected: &[String], what: &str, diff: &Diff) {
    assert_eq!(found, expected, "{what}: {diff:#?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// A variant made by editing the reference's words.
    #[test]
    fn diff_applied_to_the_reference_yields_the_variant(
        reference in words(),
        edits in edits(),
        gaps in prop::collection::vec(any::<usize>(), 24),
        other_gaps in prop::collection::vec(any::<usize>(), 24),
    ) {
        let variant = apply(&reference, &edits);
        let exact = !lists_a_phrase(&reference) && !lists_a_phrase(&variant);
        let (reference, variant) = (printed(&reference, &gaps), printed(&variant, &other_gaps));
        check_diff(&reference, &variant, &[Span::new(0, variant.len())], exact);
    }

    /// A variant unrelated to the reference: a paraphrase, or no match at all.
    #[test]
    fn diff_of_unrelated_words_yields_the_variant(
        reference in words(),
        variant in words(),
        gaps in prop::collection::vec(any::<usize>(), 24),
    ) {
        let exact = !lists_a_phrase(&reference) && !lists_a_phrase(&variant);
        let (reference, variant) = (printed(&reference, &gaps), printed(&variant, &gaps));
        check_diff(&reference, &variant, &[Span::new(0, variant.len())], exact);
    }

    /// Any text at all, at any piece boundaries: the diff never panics.
    #[test]
    fn diff_of_any_text_never_panics(
        reference in "\\PC{0,200}",
        variant in "\\PC{0,200}",
        cuts in prop::collection::vec(any::<usize>(), 0..6),
    ) {
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c % (variant.len() + 1)).collect();
        cuts.sort_unstable();
        let pieces: Vec<Span> = cuts.chunks(2).filter_map(|c| match c {
            [a, b] => Some(Span::new(*a, *b)),
            _ => None,
        }).collect();
        diff(&reference, &variant, &pieces);
        diff(&reference, &variant, &[Span::new(0, variant.len())]);
    }

    /// A quote split around its cue (`"A," he said, "B."`) is one rendering in
    /// two pieces; the cue between them is not part of it, so a run of words
    /// across the two pieces never shows it.
    #[test]
    fn diff_of_a_split_quote_yields_its_words_only(
        reference in words(),
        edits in edits(),
        split in any::<usize>(),
    ) {
        let variant = apply(&reference, &edits);
        let split = 1 + split % variant.len();
        let (first, second) = variant.split_at(split);
        let first = printed(first, &[]);
        let text = if second.is_empty() {
            first.clone()
        } else {
            format!("\"{first}\" the minister said, \"{}\"", printed(second, &[]))
        };
        let mut pieces: Vec<Span> = Vec::new();
        pieces.push(Span::new(1, 1 + first.len()));
        if !second.is_empty() {
            let start = text.len() - 1 - printed(second, &[]).len();
            pieces.push(Span::new(start, text.len() - 1));
        }
        let reference = printed(&reference, &[]);
        check_diff(&reference, &text, &pieces, false);
    }
}

// ---------------------------------------------------------------------------
// The readers
// ---------------------------------------------------------------------------

/// Pieces of every input format, so random sequences of them often parse a
/// long way before they go wrong.
const FRAGMENTS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\n",
    "\r\n",
    " ",
    "\t",
    "\"text\":",
    "\"id\":",
    "\"outlet\":",
    "\"published\":",
    "\"event\":",
    "\"title\":",
    "\"url\":",
    "\"quoted words\"",
    "\"2024-03-05\"",
    "\"2024-02-30\"",
    "\"2024-03-05T10:00:00+02:00\"",
    "17",
    "-1",
    "null",
    "true",
    "1e999",
    "\\n",
    "\\\"",
    "\\u00e9",
    "\\ud83d\\ude00",
    "\\ud800",
    "\\udc00",
    "\\x",
    "---",
    "---\n",
    "id: a\n",
    "published: 2024-01-02\n",
    "published: [\n",
    "text: x\n",
    "outlet: \"\n",
    "&anchor ",
    "*anchor",
    "!!binary ",
    "? ",
    "- ",
    "date ",
    "date 2022-01-27 ",
    "date\t2022-01-27\n",
    "date 9999-99-99",
    "He said \u{201c}no\u{201d}.",
    "\u{feff}",
    "\u{2028}",
    "é",
    "\u{1f600}",
    "\0",
];

fn soup() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        prop::collection::vec(
            prop_oneof![
                8 => prop::sample::select(FRAGMENTS).prop_map(|f| f.as_bytes().to_vec()),
                1 => any::<u8>().prop_map(|b| vec![b]),
                1 => "[a-zA-Z ]{1,12}".prop_map(String::into_bytes),
            ],
            0..80,
        )
        .prop_map(|parts| parts.concat()),
        // A well-formed record, cut or corrupted at one byte.
        (any::<usize>(), any::<u8>(), any::<bool>()).prop_map(|(at, byte, cut)| {
            let mut record = br#"{"id": 3, "outlet": "Wire", "published": "2024-01-02", "text": "He said \"so\" \u00e9\ud83d\ude00 then\n left."}"#.to_vec();
            let at = at % record.len();
            if cut { record.truncate(at) } else { record[at] = byte }
            record
        }),
        // Front matter, cut or corrupted at one byte.
        (any::<usize>(), any::<u8>(), any::<bool>()).prop_map(|(at, byte, cut)| {
            let mut file = b"---\nid: m\npublished: 2024-01-02\ntitle: 'T'\n---\n\n\"Yes,\" she said.\n".to_vec();
            let at = at % file.len();
            if cut { file.truncate(at) } else { file[at] = byte }
            file
        }),
    ]
}

/// Read `bytes` as a file `report.EXT`, as `crosscheck check FILE` would.
fn read_file(dir: &tempfile::TempDir, extension: &str, bytes: &[u8]) -> (Corpus, String) {
    let path: PathBuf = dir.path().join(format!("report.{extension}"));
    std::fs::write(&path, bytes).expect("scratch file written");
    let corpus = corpus::read(std::slice::from_ref(&path));
    (corpus, path.display().to_string())
}

/// Reports or clear rejections: at least one of them; every rejection names
/// the file and a `line:column` inside it and says why; every report has text
/// whose characters its origin maps back onto the file's.
fn check_read(corpus: &Corpus, path: &str, bytes: &[u8]) {
    assert!(
        !corpus.reports.is_empty() || !corpus.rejected.is_empty(),
        "nothing read and nothing rejected"
    );
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let file_lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    for rejection in &corpus.rejected {
        assert_eq!(rejection.path, path);
        assert!(rejection.line >= 1 && rejection.column >= 1, "{rejection}");
        assert!(
            rejection.line as usize <= file_lines.len(),
            "{rejection}: past the last line"
        );
        assert!(
            !rejection.reason.trim().is_empty(),
            "{rejection}: no reason"
        );
        let shown = rejection.to_string();
        let prefix = format!("{path}:{}:{}: ", rejection.line, rejection.column);
        assert!(shown.starts_with(&prefix), "{shown}");
    }
    for report in &corpus.reports {
        assert!(!report.text.trim().is_empty(), "a report without text");
        assert!(!report.id.is_empty() && !report.outlet.is_empty());
        assert_eq!(report.origin.path, path);
        let escapes: Vec<usize> = match &report.origin.layout {
            Layout::Verbatim => Vec::new(),
            Layout::JsonString(escapes) => escapes.iter().map(|e| e.offset as usize).collect(),
        };
        for (offset, expected) in report.text.char_indices() {
            let at = report.origin.position(&report.text, offset);
            // A line ends before its `\n`; an escape is written longer.
            if expected == '\n' || escapes.contains(&offset) {
                continue;
            }
            let line = file_lines
                .get(at.line as usize - 1)
                .unwrap_or_else(|| panic!("offset {offset} maps past the file"));
            let found = String::from_utf8_lossy(line)
                .chars()
                .nth(at.column as usize - 1);
            assert_eq!(
                found,
                Some(expected),
                "offset {offset} maps to {}:{} in {path}",
                at.line,
                at.column
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn json_lines_reader_never_panics(bytes in soup()) {
        let corpus = corpus::read_jsonl_bytes("<stdin>", &bytes);
        check_read(&corpus, "<stdin>", &bytes);
    }

    #[test]
    fn json_reader_never_panics(bytes in soup()) {
        let dir = tempfile::tempdir().expect("scratch folder");
        let (corpus, path) = read_file(&dir, "json", &bytes);
        check_read(&corpus, &path, &bytes);
    }

    #[test]
    fn markdown_reader_never_panics(bytes in soup()) {
        let dir = tempfile::tempdir().expect("scratch folder");
        let (corpus, path) = read_file(&dir, "md", &bytes);
        check_read(&corpus, &path, &bytes);
    }

    #[test]
    fn plain_text_reader_never_panics(bytes in soup()) {
        let dir = tempfile::tempdir().expect("scratch folder");
        let (corpus, path) = read_file(&dir, "txt", &bytes);
        check_read(&corpus, &path, &bytes);
    }

    /// Each line of a JSON Lines file counts alone: a bad line costs only itself.
    #[test]
    fn a_bad_json_line_costs_only_its_line(bad in soup(), before in 0usize..3, after in 0usize..3) {
        let good = r#"{"text": "It is fine, he said."}"#;
        let bad: Vec<u8> = bad.into_iter().filter(|&b| b != b'\n').collect();
        let mut bytes = Vec::new();
        for _ in 0..before {
            bytes.extend_from_slice(good.as_bytes());
            bytes.push(b'\n');
        }
        bytes.extend_from_slice(&bad);
        for _ in 0..after {
            bytes.push(b'\n');
            bytes.extend_from_slice(good.as_bytes());
        }
        let corpus = corpus::read_jsonl_bytes("<stdin>", &bytes);
        check_read(&corpus, "<stdin>", &bytes);
        prop_assert!(corpus.reports.len() >= before + after);
    }
}

/// Found by fuzzing (`read_markdown`): YAML breaks lines at a lone `\r` too, so
/// its line count put a front matter error past the end of this 5-line file.
#[test]
fn a_front_matter_error_after_carriage_returns_points_into_the_file() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let bytes = b"---\n [uid6 uid:![=[und:\r\r\r\r\r\r\r\r\r\r\r\ruid:`;\0[unclsoed\n---\nbdy\n";
    let (corpus, path) = read_file(&dir, "md", bytes);
    check_read(&corpus, &path, bytes);
    let rejected: Vec<String> = corpus.rejected.iter().map(|r| r.to_string()).collect();
    assert_eq!(
        rejected,
        [format!(
            "{path}:2:38: invalid front matter: unexpected character: `\\u{{0}}'"
        )]
    );
}
