//! The input readers, through the library API: files written to a temporary
//! folder on one side, the reports and rejections read from them on the other.
//! Paths are shown relative to the temporary folder.

use std::fs;
use std::path::PathBuf;

use crosscheck::corpus::{self, Corpus, Escape, Layout, Origin, Position, Report};
use jiff::civil::date;
use tempfile::TempDir;

/// A temporary folder of input files.
struct Dir(TempDir);

impl Dir {
    fn new() -> Dir {
        Dir(tempfile::Builder::new()
            .prefix("readers")
            .tempdir()
            .unwrap())
    }

    /// Writes `contents` to `name`, creating folders as needed.
    fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> &Dir {
        let path = self.path(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
        self
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }

    /// Reads the named files and folders, and shows every path in the result
    /// relative to this folder.
    fn read(&self, names: &[&str]) -> Corpus {
        self.read_within(names, corpus::Limits::default())
    }

    /// `read`, with at most `limits` of input read.
    fn read_within(&self, names: &[&str], limits: corpus::Limits) -> Corpus {
        let paths: Vec<PathBuf> = names.iter().map(|name| self.path(name)).collect();
        let mut corpus = corpus::read_within(&paths, limits);
        let prefix = format!("{}/", self.0.path().display());
        for report in &mut corpus.reports {
            report.origin.path = report.origin.path.replace(&prefix, "");
            report.id = report.id.replace(&prefix, "");
        }
        for rejection in &mut corpus.rejected {
            rejection.path = rejection.path.replace(&prefix, "");
            rejection.reason = rejection.reason.replace(&prefix, "");
        }
        corpus
    }
}

fn rejections(corpus: &Corpus) -> Vec<String> {
    corpus.rejected.iter().map(ToString::to_string).collect()
}

fn ids(corpus: &Corpus) -> Vec<&str> {
    corpus
        .reports
        .iter()
        .map(|report| report.id.as_str())
        .collect()
}

/// The file position of the first occurrence of `word` in a report's text.
fn position_of(report: &Report, word: &str) -> Position {
    let offset = report.text.find(word).expect("word in text");
    report.origin.position(&report.text, offset)
}

/// The 1-based line and column (in characters) of `word` in a raw file.
fn raw_position(raw: &str, word: &str) -> Position {
    let offset = raw.find(word).expect("word in file");
    let before = &raw[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.matches('\n').count() as u32 + 1,
        column: before[line_start..].chars().count() as u32 + 1,
    }
}

// ---------------------------------------------------------------- JSON Lines

#[test]
fn json_lines_hold_one_report_per_line() {
    let dir = Dir::new();
    dir.file(
        "feed.jsonl",
        concat!(
            r#"{"id": "x1", "outlet": "Xinhua", "published": "2022-01-27", "title": "Wang Yi speaks with Blinken", "url": "https://example.org/1", "event": "wang-blinken", "text": "Wang Yi said the talks were frank."}"#,
            "\n\n   \n",
            r#"{"outlet": "Reuters", "text": "Blinken said.", "gold": [{"cue": "said", "source": "Blinken", "content": [1, 2]}, {"nested": {"deep": [null, true]}}]}"#,
            "\n",
            r#"{"id": 17, "text": "A number as an id."}"#,
            "\n",
        ),
    );
    let corpus = dir.read(&["feed.jsonl"]);

    assert_eq!(rejections(&corpus), Vec::<String>::new());
    assert_eq!(
        corpus.reports[0],
        Report {
            id: "x1".into(),
            outlet: "Xinhua".into(),
            published: Some(date(2022, 1, 27)),
            title: Some("Wang Yi speaks with Blinken".into()),
            url: Some("https://example.org/1".into()),
            event: Some("wang-blinken".into()),
            text: "Wang Yi said the talks were frank.".into(),
            origin: Origin {
                path: "feed.jsonl".into(),
                line: 1,
                column: 167,
                folder: None,
                layout: Layout::JsonString(vec![]),
            },
        }
    );
    // Blank lines are skipped but still counted; the unknown `gold` is ignored.
    let reuters = &corpus.reports[1];
    assert_eq!(
        (reuters.id.as_str(), reuters.outlet.as_str()),
        ("feed.jsonl:4", "Reuters")
    );
    assert_eq!((reuters.origin.line, reuters.origin.column), (4, 32));
    assert_eq!((reuters.published, reuters.title.as_deref()), (None, None));
    // An integer id is taken as its digits; a record without an outlet is
    // named by its id, not by the file every record of it shares.
    assert_eq!(
        (
            corpus.reports[2].id.as_str(),
            corpus.reports[2].outlet.as_str()
        ),
        ("17", "17")
    );
}

#[test]
fn ndjson_is_json_lines_too() {
    let dir = Dir::new();
    dir.file("wire.ndjson", "{\"text\": \"one\"}\n{\"text\": \"two\"}");
    let corpus = dir.read(&["wire.ndjson"]);
    assert_eq!(ids(&corpus), ["wire.ndjson:1", "wire.ndjson:2"]);
}

#[test]
fn standard_input_is_json_lines_named_stdin() {
    let corpus = corpus::read_jsonl_bytes(
        "<stdin>",
        b"{\"id\": \"a\", \"text\": \"first\"}\n{\"text\": \"second\"}\n{\"title\": \"no text\"}\n",
    );
    assert_eq!(ids(&corpus), ["a", "<stdin>:2"]);
    let second = &corpus.reports[1];
    assert_eq!(
        (second.outlet.as_str(), second.origin.path.as_str()),
        ("stdin", "<stdin>")
    );
    assert_eq!(second.origin.folder, None);
    assert_eq!(rejections(&corpus), ["<stdin>:3:1: missing field `text`"]);
}

#[test]
fn published_takes_the_date_of_a_date_or_datetime() {
    let dir = Dir::new();
    dir.file(
        "dates.jsonl",
        [
            r#"{"id": "day", "published": "2022-01-27", "text": "t"}"#,
            r#"{"id": "utc", "published": "2022-01-27T10:00:00Z", "text": "t"}"#,
            // The day as the outlet wrote it, not converted to UTC (the 28th).
            r#"{"id": "offset", "published": "2022-01-27T23:30:00-05:00", "text": "t"}"#,
            r#"{"id": "space", "published": "2022-01-27 10:00", "text": "t"}"#,
            r#"{"id": "null", "published": null, "text": "t"}"#,
            r#"{"id": "empty", "published": "", "text": "t"}"#,
            r#"{"id": "prose", "published": "27 Jan 2022", "text": "t"}"#,
            r#"{"id": "no-such-day", "published": "2022-02-30", "text": "t"}"#,
        ]
        .join("\n"),
    );
    let corpus = dir.read(&["dates.jsonl"]);
    let published: Vec<_> = corpus
        .reports
        .iter()
        .map(|r| (r.id.as_str(), r.published))
        .collect();
    let day = Some(date(2022, 1, 27));
    assert_eq!(
        published,
        [
            ("day", day),
            ("utc", day),
            ("offset", day),
            ("space", day),
            ("null", None),
            ("empty", None)
        ]
    );
    assert_eq!(
        rejections(&corpus),
        [
            r#"dates.jsonl:7:1: unparsable date "27 Jan 2022" (expected YYYY-MM-DD or an RFC 3339 datetime)"#,
            r#"dates.jsonl:8:1: unparsable date "2022-02-30" (expected YYYY-MM-DD or an RFC 3339 datetime)"#,
        ]
    );
}

#[test]
fn empty_short_fields_count_as_absent() {
    let corpus = corpus::read_jsonl_bytes(
        "x.jsonl",
        br#"{"id": " ", "outlet": "", "title": "", "event": "  ", "url": null, "text": "t"}"#,
    );
    let report = &corpus.reports[0];
    assert_eq!(
        (report.id.as_str(), report.outlet.as_str()),
        ("x.jsonl:1", "x")
    );
    assert_eq!(
        (&report.title, &report.event, &report.url),
        (&None, &None, &None)
    );
}

// ------------------------------------------------------------ JSON documents

#[test]
fn a_json_file_may_hold_one_report() {
    let dir = Dir::new();
    dir.file(
        "story.json",
        "{\n  \"outlet\": \"Reuters\",\n  \"title\": \"Blinken, Wang talk\",\n  \"text\": \"Blinken said.\"\n}\n",
    );
    let corpus = dir.read(&["story.json"]);
    let report = &corpus.reports[0];
    // Without an id, a single-report file is named by its path.
    assert_eq!(
        (report.id.as_str(), report.outlet.as_str()),
        ("story.json", "Reuters")
    );
    assert_eq!((report.origin.line, report.origin.column), (4, 12));
}

#[test]
fn a_bad_element_of_a_json_array_rejects_only_itself() {
    let dir = Dir::new();
    dir.file(
        "list.json",
        r#"[
  {"id": "r1", "text": "first"},
  {"id": "r2", "title": "no text"},
  {"text": "third", "unknown": {"ignored": true}},
  7,
  {"id": "r5", "text": "fifth", "title": 5}
]"#,
    );
    let corpus = dir.read(&["list.json"]);
    // An element without an id is named by the line it starts on.
    assert_eq!(ids(&corpus), ["r1", "list.json:4"]);
    assert_eq!(corpus.reports[1].outlet, "list");
    assert_eq!(
        rejections(&corpus),
        [
            "list.json:3:3: missing field `text`",
            "list.json:5:3: expected a JSON object",
            "list.json:6:42: invalid type: integer `5`, expected a string",
        ]
    );
}

#[test]
fn a_json_syntax_error_rejects_the_document_at_the_error() {
    let dir = Dir::new();
    dir.file(
        "broken.json",
        "[\n  {\"text\": \"a\"},\n  {\"text\": \"b\",}\n]\n",
    );
    dir.file("scalar.json", "\"just a string\"");
    let corpus = dir.read(&["broken.json", "scalar.json"]);
    assert_eq!(
        rejections(&corpus),
        [
            "broken.json:3:16: key must be a string",
            "scalar.json:1:1: expected a JSON object",
        ]
    );
}

// ------------------------------------------------------ Markdown, plain text

#[test]
fn front_matter_gives_the_fields_and_the_body_is_the_text() {
    let dir = Dir::new();
    dir.file(
        "xinhua.md",
        "---\nid: xinhua-1\noutlet: Xinhua\npublished: 2022-01-27\ntitle: \"Wang Yi: talks\"\nevent: wang-blinken\nunknown: [1, 2]\n---\n\n\nWang Yi said.\n\nSecond paragraph.\n",
    );
    let corpus = dir.read(&["xinhua.md"]);
    assert_eq!(rejections(&corpus), Vec::<String>::new());
    assert_eq!(
        corpus.reports,
        [Report {
            id: "xinhua-1".into(),
            outlet: "Xinhua".into(),
            published: Some(date(2022, 1, 27)),
            title: Some("Wang Yi: talks".into()),
            url: None,
            event: Some("wang-blinken".into()),
            // Leading blank lines are skipped; the rest is verbatim.
            text: "Wang Yi said.\n\nSecond paragraph.\n".into(),
            origin: Origin {
                path: "xinhua.md".into(),
                line: 11,
                column: 1,
                folder: None,
                layout: Layout::Verbatim,
            },
        }]
    );
}

#[test]
fn front_matter_ids_may_be_numbers_and_fields_default() {
    let dir = Dir::new();
    dir.file("a.md", "---\nid: 17\n---\nText.\n");
    dir.file("b.md", "---\n---\nText.\n");
    let corpus = dir.read(&["a.md", "b.md"]);
    assert_eq!(ids(&corpus), ["17", "b.md"]);
    assert_eq!(corpus.reports[1].outlet, "b");
    assert_eq!(
        (
            corpus.reports[1].origin.line,
            corpus.reports[1].origin.column
        ),
        (3, 1)
    );
}

#[test]
fn crlf_line_endings_are_kept_in_the_text() {
    let dir = Dir::new();
    let raw = "---\r\noutlet: AP\r\n---\r\n\r\nFirst line.\r\nSecond line with Blinken.\r\n";
    dir.file("ap.md", raw);
    let corpus = dir.read(&["ap.md"]);
    let report = &corpus.reports[0];
    assert_eq!(report.outlet, "AP");
    assert_eq!(report.text, "First line.\r\nSecond line with Blinken.\r\n");
    assert_eq!((report.origin.line, report.origin.column), (5, 1));
    assert_eq!(
        position_of(report, "Blinken"),
        Position {
            line: 6,
            column: 18
        }
    );
}

#[test]
fn plain_text_is_all_text() {
    let dir = Dir::new();
    dir.file(
        "statement.txt",
        "\nThe Secretary spoke with the Foreign Minister.\n",
    );
    let corpus = dir.read(&["statement.txt"]);
    let report = &corpus.reports[0];
    assert_eq!(
        (report.id.as_str(), report.outlet.as_str()),
        ("statement.txt", "statement")
    );
    assert_eq!(
        report.text,
        "\nThe Secretary spoke with the Foreign Minister.\n"
    );
    assert_eq!(
        (report.origin.line, report.origin.column, report.published),
        (1, 1, None)
    );
}

#[test]
fn a_date_header_on_the_text_line_gives_the_date() {
    let dir = Dir::new();
    // As scraped: a space, the header, and the text on the same line.
    dir.file(
        "scraped.txt",
        " date 2022-01-27 Amid heightened tensions, China told the US.\nMore.\n",
    );
    let corpus = dir.read(&["scraped.txt"]);
    let report = &corpus.reports[0];
    assert_eq!(report.published, Some(date(2022, 1, 27)));
    assert_eq!(
        report.text,
        "Amid heightened tensions, China told the US.\nMore.\n"
    );
    assert_eq!((report.origin.line, report.origin.column), (1, 18));
    assert_eq!(
        position_of(report, "China"),
        Position {
            line: 1,
            column: 44
        }
    );
    assert_eq!(position_of(report, "More"), Position { line: 2, column: 1 });
}

#[test]
fn a_date_header_on_its_own_line_gives_the_date() {
    let dir = Dir::new();
    dir.file("scraped.txt", "date 2022-01-27\n\nChina told the US.\n");
    let corpus = dir.read(&["scraped.txt"]);
    let report = &corpus.reports[0];
    assert_eq!(report.published, Some(date(2022, 1, 27)));
    assert_eq!(report.text, "China told the US.\n");
    assert_eq!((report.origin.line, report.origin.column), (3, 1));
}

#[test]
fn a_line_merely_starting_with_date_is_text() {
    let dir = Dir::new();
    dir.file("a.txt", "dated 2022-01-27 text\n");
    dir.file("b.txt", "date night in 2022\n");
    let corpus = dir.read(&["a.txt", "b.txt"]);
    assert_eq!(corpus.reports[0].text, "dated 2022-01-27 text\n");
    assert_eq!(corpus.reports[1].text, "date night in 2022\n");
    assert_eq!(
        (corpus.reports[0].published, corpus.reports[1].published),
        (None, None)
    );
}

#[test]
fn a_date_header_with_no_such_day_is_rejected_at_the_date() {
    let dir = Dir::new();
    dir.file("bad.txt", "  date 2022-02-30 Text.\n");
    let corpus = dir.read(&["bad.txt"]);
    assert_eq!(
        rejections(&corpus),
        [
            r#"bad.txt:1:8: unparsable date "2022-02-30" (expected YYYY-MM-DD or an RFC 3339 datetime)"#
        ]
    );
}

// ------------------------------------------------------------------- Folders

#[test]
fn folders_are_walked_in_path_order_with_the_event_folder() {
    let dir = Dir::new();
    dir.file(
        "corpus/2022-01-27-wang-blinken-call/xinhua.md",
        "Xinhua text.",
    )
    .file(
        "corpus/2022-01-27-wang-blinken-call/state.txt",
        "State text.",
    )
    .file("corpus/2022/01/wire.jsonl", "{\"text\": \"Wire text.\"}")
    .file("corpus/more.ndjson", "{\"text\": \"More.\"}")
    .file("corpus/list.json", "[{\"text\": \"Listed.\"}]")
    .file("corpus/top.md", "Top text.");
    let corpus = dir.read(&["corpus"]);
    let found: Vec<_> = corpus
        .reports
        .iter()
        .map(|r| (r.origin.path.as_str(), r.origin.folder.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            ("corpus/2022/01/wire.jsonl", Some("2022/01")),
            (
                "corpus/2022-01-27-wang-blinken-call/state.txt",
                Some("2022-01-27-wang-blinken-call")
            ),
            (
                "corpus/2022-01-27-wang-blinken-call/xinhua.md",
                Some("2022-01-27-wang-blinken-call")
            ),
            ("corpus/list.json", None),
            ("corpus/more.ndjson", None),
            ("corpus/top.md", None),
        ]
    );
}

#[test]
fn walking_skips_hidden_ignored_documentation_and_other_files() {
    let dir = Dir::new();
    dir.file("corpus/kept.md", "Kept.")
        .file("corpus/.hidden.md", "Hidden file.")
        .file("corpus/.drafts/draft.md", "Hidden folder.")
        .file("corpus/.gitignore", "scratch/\n*.tmp.md\n")
        .file("corpus/scratch/notes.md", "Ignored folder.")
        .file("corpus/event/x.tmp.md", "Ignored by pattern.")
        .file("corpus/.crosscheckignore", "rejected.md\n")
        .file("corpus/event/rejected.md", "Ignored by .crosscheckignore.")
        .file("corpus/README.md", "About this corpus.")
        .file("corpus/readme.txt", "About this corpus.")
        .file("corpus/LICENSE.md", "License.")
        .file("corpus/Licence.txt", "Licence.")
        .file("corpus/CHANGELOG.md", "Changes.")
        .file("corpus/event/contributing.md", "How to help.")
        .file("corpus/notes.csv", "a,b")
        .file("corpus/event/page.html", "<p>")
        .file("corpus/event/kept.txt", "Kept too.");
    let corpus = dir.read(&["corpus"]);
    assert_eq!(ids(&corpus), ["corpus/event/kept.txt", "corpus/kept.md"]);
    assert_eq!(rejections(&corpus), Vec::<String>::new());
}

#[test]
fn a_bad_ignore_line_is_rejected_and_the_walk_goes_on() {
    let dir = Dir::new();
    dir.file("corpus/.gitignore", "skipped.md\n{a,b\n")
        .file("corpus/skipped.md", "Skipped.")
        .file("corpus/a.md", "A.");
    let corpus = dir.read(&["corpus"]);
    assert_eq!(ids(&corpus), ["corpus/a.md"]);
    assert_eq!(
        rejections(&corpus),
        [
            "corpus/.gitignore:2:1: error parsing glob '{a,b': unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)"
        ]
    );
}

#[test]
fn a_file_named_explicitly_is_always_read() {
    let dir = Dir::new();
    dir.file("corpus/README.md", "Named, so read.")
        .file("corpus/event/notes.text", "Unknown extension: plain text.")
        .file("corpus/.hidden.md", "Named, so read.")
        .file("corpus/.gitignore", "*.md\n");
    let corpus = dir.read(&[
        "corpus/event/notes.text",
        "corpus/README.md",
        "corpus/.hidden.md",
    ]);
    let found: Vec<_> = corpus
        .reports
        .iter()
        .map(|r| {
            (
                r.origin.path.as_str(),
                r.origin.folder.as_deref(),
                r.outlet.as_str(),
            )
        })
        .collect();
    // Sorted by path; named files have no event folder.
    assert_eq!(
        found,
        [
            ("corpus/.hidden.md", None, ".hidden"),
            ("corpus/README.md", None, "README"),
            ("corpus/event/notes.text", None, "notes"),
        ]
    );
}

#[test]
fn the_path_is_shown_as_the_user_wrote_it() {
    let dir = Dir::new();
    dir.file("corpus/event/a.md", "A.");
    let corpus = dir.read(&["corpus/"]);
    assert_eq!(corpus.reports[0].origin.path, "corpus/event/a.md");
    assert_eq!(corpus.reports[0].origin.folder.as_deref(), Some("event"));
}

#[test]
fn inputs_are_read_once_in_path_order() {
    let dir = Dir::new();
    dir.file("corpus/b.md", "---\nid: b\n---\nB.")
        .file("corpus/a.md", "---\nid: a\n---\nA.");
    // The folder and a file in it, then the file again: each file is read once.
    let corpus = dir.read(&[
        "corpus/b.md",
        "corpus",
        "corpus/b.md",
        "missing.md",
        "missing.md",
    ]);
    assert_eq!(ids(&corpus), ["a", "b"]);
    assert_eq!(
        rejections(&corpus),
        ["missing.md:1:1: no such file or directory"]
    );
}

// --------------------------------------------------------------- Bad input

#[test]
fn a_missing_path_is_rejected_and_the_rest_read() {
    let dir = Dir::new();
    dir.file("here.md", "Here.");
    let corpus = dir.read(&["nowhere.jsonl", "here.md", "gone/"]);
    assert_eq!(ids(&corpus), ["here.md"]);
    assert_eq!(
        rejections(&corpus),
        [
            "gone/:1:1: no such file or directory",
            "nowhere.jsonl:1:1: no such file or directory"
        ]
    );
}

#[test]
fn an_unreadable_file_is_rejected_with_the_os_error() {
    let dir = Dir::new();
    dir.file("here.md", "Here.");
    std::os::unix::fs::symlink(dir.path("loop.md"), dir.path("loop.md")).unwrap();
    let corpus = dir.read(&["loop.md", "here.md"]);
    assert_eq!(ids(&corpus), ["here.md"]);
    assert_eq!(
        rejections(&corpus),
        ["loop.md:1:1: too many levels of symbolic links"]
    );
}

#[test]
fn a_file_without_read_permission_is_rejected() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Dir::new();
    dir.file("locked.md", "Locked.");
    fs::set_permissions(dir.path("locked.md"), fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(dir.path("locked.md")).is_ok() {
        eprintln!("skipped: running with permission to read anything (root)");
        return;
    }
    let corpus = dir.read(&["locked.md"]);
    assert_eq!(rejections(&corpus), ["locked.md:1:1: permission denied"]);
}

#[test]
fn invalid_utf8_is_rejected_at_the_first_bad_byte() {
    let dir = Dir::new();
    dir.file("latin1.md", b"First line.\nCaf\xe9 au lait.\n");
    dir.file("ok.md", "Fine.");
    let corpus = dir.read(&["latin1.md", "ok.md"]);
    assert_eq!(ids(&corpus), ["ok.md"]);
    assert_eq!(
        rejections(&corpus),
        ["latin1.md:2:4: invalid UTF-8 (byte 0xe9)"]
    );
}

#[test]
fn invalid_utf8_in_json_lines_rejects_only_its_line() {
    let dir = Dir::new();
    dir.file(
        "feed.jsonl",
        b"{\"text\": \"one\"}\n{\"text\": \"caf\xe9\"}\n{\"text\": \"three\"}\n",
    );
    let corpus = dir.read(&["feed.jsonl"]);
    assert_eq!(ids(&corpus), ["feed.jsonl:1", "feed.jsonl:3"]);
    assert_eq!(
        rejections(&corpus),
        ["feed.jsonl:2:14: invalid UTF-8 (byte 0xe9)"]
    );
}

#[test]
fn a_malformed_json_line_is_rejected_at_serde_jsons_place() {
    let dir = Dir::new();
    dir.file(
        "feed.jsonl",
        "{\"text\": \"one\"}\n  {\"text\": \"two\",}\n{\"text\": \"three\"\n{\"text\": \"four\"}\n",
    );
    let corpus = dir.read(&["feed.jsonl"]);
    assert_eq!(ids(&corpus), ["feed.jsonl:1", "feed.jsonl:4"]);
    assert_eq!(
        rejections(&corpus),
        [
            "feed.jsonl:2:18: trailing comma",
            "feed.jsonl:3:16: EOF while parsing an object"
        ]
    );
}

#[test]
fn missing_text_and_wrong_field_types_are_rejected() {
    let corpus = corpus::read_jsonl_bytes(
        "feed.jsonl",
        concat!(
            "{\"title\": \"no text\"}\n",
            "{\"title\": 5, \"text\": \"t\"}\n",
            "{\"text\": [\"a\"]}\n",
            "{\"text\": null}\n",
            "{\"id\": 1.5, \"text\": \"t\"}\n",
            "[\"not\", \"an object\"]\n",
            "{\"text\": \"kept\"}\n",
        )
        .as_bytes(),
    );
    assert_eq!(ids(&corpus), ["feed.jsonl:7"]);
    assert_eq!(
        rejections(&corpus),
        [
            "feed.jsonl:1:1: missing field `text`",
            "feed.jsonl:2:11: invalid type: integer `5`, expected a string",
            "feed.jsonl:3:10: invalid type: sequence, expected a string",
            "feed.jsonl:4:1: missing field `text`",
            "feed.jsonl:5:10: invalid type: floating point `1.5`, expected a string or an integer",
            "feed.jsonl:6:1: expected a JSON object",
        ]
    );
}

#[test]
fn empty_text_is_rejected() {
    let dir = Dir::new();
    dir.file("feed.jsonl", "{\"text\": \"  \\n \"}\n")
        .file("front.md", "---\ntitle: Only a title\n---\n\n")
        .file("header.txt", "date 2022-01-27\n\n");
    let corpus = dir.read(&["feed.jsonl", "front.md", "header.txt"]);
    assert_eq!(
        rejections(&corpus),
        [
            "feed.jsonl:1:11: empty text",
            "front.md:1:1: empty text",
            "header.txt:1:1: empty text"
        ]
    );
}

#[test]
fn an_empty_file_is_rejected() {
    let dir = Dir::new();
    dir.file("zero.jsonl", "")
        .file("blank.md", " \n\t\r\n")
        .file("ok.txt", "Fine.");
    let corpus = dir.read(&["zero.jsonl", "blank.md", "ok.txt"]);
    assert_eq!(ids(&corpus), ["ok.txt"]);
    assert_eq!(
        rejections(&corpus),
        ["blank.md:1:1: empty file", "zero.jsonl:1:1: empty file"]
    );
    assert_eq!(
        rejections(&corpus::read_jsonl_bytes("<stdin>", b"")),
        ["<stdin>:1:1: empty file"]
    );
}

#[test]
fn invalid_front_matter_is_rejected_at_the_yaml_error() {
    let dir = Dir::new();
    dir.file("bad.md", "---\nid: a\ntitle: \"unclosed\n---\nText.\n")
        .file("list.md", "---\n- a\n- b\n---\nText.\n")
        .file("typed.md", "---\noutlet: [AP]\n---\nText.\n");
    let corpus = dir.read(&["bad.md", "list.md", "typed.md"]);
    assert_eq!(ids(&corpus), Vec::<&str>::new());
    assert_eq!(
        rejections(&corpus),
        [
            "bad.md:3:8: invalid front matter: unclosed quote",
            "list.md:2:1: invalid front matter: expected mapping start",
            "typed.md:2:9: invalid front matter: expected string scalar",
        ]
    );
}

#[test]
fn unterminated_front_matter_is_rejected() {
    let dir = Dir::new();
    dir.file("open.md", "---\ntitle: Never closed\n\nText.\n");
    let corpus = dir.read(&["open.md"]);
    assert_eq!(
        rejections(&corpus),
        ["open.md:1:1: unterminated front matter: no closing `---` line"]
    );
}

#[test]
fn a_repeated_id_rejects_the_later_report_naming_the_first() {
    let dir = Dir::new();
    dir.file("a.md", "---\nid: x\n---\nFirst.\n").file(
        "b.jsonl",
        "{\"id\": \"y\", \"text\": \"t\"}\n{\"id\": \"z\", \"text\": \"t\"}\n{\"id\": \"x\", \"text\": \"t\"}\n  {\"id\": \"y\", \"text\": \"t\"}\n",
    );
    let corpus = dir.read(&["b.jsonl", "a.md"]);
    assert_eq!(ids(&corpus), ["x", "y", "z"]);
    assert_eq!(
        rejections(&corpus),
        [
            r#"b.jsonl:3:1: duplicate id "x" (first seen at a.md:1:1)"#,
            r#"b.jsonl:4:3: duplicate id "y" (first seen at b.jsonl:1:1)"#,
        ]
    );
}

#[test]
fn odd_input_is_rejected_never_a_panic() {
    let odd: [&[u8]; 9] = [
        b"[",
        b"{",
        b"]",
        b"null",
        b"[1, [2]]",
        b"\xff\xfe",
        b"{\"text\": \"\\ud800\"}",
        b"\"\\",
        b"{}",
    ];
    for bytes in odd {
        let corpus = corpus::read_jsonl_bytes("odd.jsonl", bytes);
        assert_eq!(
            (corpus.reports.len(), corpus.rejected.len()),
            (0, 1),
            "{bytes:?}"
        );
    }
    let dir = Dir::new();
    for (name, bytes) in [
        ("a.json", &b"[{\"text\": \"\\ud800\"}]"[..]),
        ("b.json", b"{} {}"),
        ("c.md", b"---"),
        ("d.txt", b"date "),
    ] {
        dir.file(name, bytes);
    }
    let corpus = dir.read(&["a.json", "b.json", "c.md", "d.txt"]);
    assert_eq!(
        rejections(&corpus),
        [
            "a.json:1:18: unexpected end of hex escape",
            "b.json:1:4: trailing characters",
            "c.md:1:1: unterminated front matter: no closing `---` line",
        ]
    );
    assert_eq!(corpus.reports[0].text, "date ");
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let dir = Dir::new();
    dir.file("bom.json", "\u{feff}{\"text\": \"Hello.\"}")
        .file("bom.md", "\u{feff}---\nid: m\n---\nHello.");
    let corpus = dir.read(&["bom.json", "bom.md"]);
    assert_eq!(ids(&corpus), ["bom.json", "m"]);
    assert_eq!(
        (
            corpus.reports[0].origin.line,
            corpus.reports[0].origin.column
        ),
        (1, 11)
    );
}

// ------------------------------------------------------- Positions in files

#[test]
fn positions_in_a_json_string_skip_over_escapes() {
    let raw = r#"{"id": "p", "text": "He said \"no\".\nThen caf\u00e9 \ud83d\ude00 and Blinken replied, \\ \/ done."}"#;
    let corpus = corpus::read_jsonl_bytes("feed.jsonl", format!("\n{raw}\n").as_bytes());
    let report = &corpus.reports[0];
    assert_eq!(
        report.text,
        "He said \"no\".\nThen café 😀 and Blinken replied, \\ / done."
    );
    // At each decoded byte offset, how many more characters the raw line takes.
    assert_eq!(
        report.origin.layout,
        Layout::JsonString(vec![
            Escape {
                offset: 8,
                extra: 1
            },
            Escape {
                offset: 11,
                extra: 1
            },
            Escape {
                offset: 13,
                extra: 1
            },
            Escape {
                offset: 22,
                extra: 5
            },
            Escape {
                offset: 25,
                extra: 11
            },
            Escape {
                offset: 51,
                extra: 1
            },
            Escape {
                offset: 53,
                extra: 1
            },
        ])
    );
    let raw = format!("\n{raw}");
    for word in ["He", "no", "Then", "Blinken", "done"] {
        assert_eq!(
            position_of(report, word),
            raw_position(&raw, word),
            "{word}"
        );
    }
}

#[test]
fn positions_in_a_pretty_json_document_are_on_the_text_line() {
    let raw = "[\n  {\n    \"id\": \"a\",\n    \"text\": \"Wang Yi \\\"said\\\" so; Blinken agreed.\"\n  }\n]\n";
    let dir = Dir::new();
    dir.file("list.json", raw);
    let corpus = dir.read(&["list.json"]);
    let report = &corpus.reports[0];
    assert_eq!(position_of(report, "Blinken"), raw_position(raw, "Blinken"));
    assert_eq!(
        position_of(report, "Blinken"),
        Position {
            line: 4,
            column: 35
        }
    );
}

#[test]
fn positions_in_verbatim_text_count_characters() {
    let raw = "---\ntitle: Überblick\n---\n\nÉté: «Wang Yi» met\nthe Secretary, Blinken.\n";
    let dir = Dir::new();
    dir.file("fr.md", raw);
    let corpus = dir.read(&["fr.md"]);
    let report = &corpus.reports[0];
    for word in ["Été", "Wang", "met", "Blinken"] {
        assert_eq!(position_of(report, word), raw_position(raw, word), "{word}");
    }
    assert_eq!(position_of(report, "Wang"), Position { line: 5, column: 7 });
}

#[test]
fn input_past_the_limit_is_rejected_by_name_and_the_rest_is_read() {
    let line = |id: &str| {
        format!(
            "{{\"id\":\"{id}\",\"outlet\":\"Wire\",\"text\":\"Wang said the talks went well.\"}}\n"
        )
    };
    let lines: String = ["a", "b", "c", "d"].iter().map(|id| line(id)).collect();
    let dir = Dir::new();
    dir.file("1-wire.jsonl", &lines)
        .file("2-note.md", "Wang said the talks went well.\n");
    // Room for the first two lines and part of the third.
    let limits = corpus::Limits {
        max_input_bytes: (line("a").len() * 2 + 10) as u64,
    };
    let corpus = dir.read_within(&["1-wire.jsonl", "2-note.md"], limits);
    assert_eq!(ids(&corpus), ["a", "b"]);
    assert_eq!(
        rejections(&corpus),
        [
            "1-wire.jsonl:3:1: not read from this line on: the input limit of 144 bytes is reached (raise it with --max-input-mb)",
            "2-note.md:1:1: not read: the file is 31 bytes and the input limit of 144 bytes is reached (raise it with --max-input-mb)",
        ]
    );
    // Under the default limit, everything is read.
    assert_eq!(ids(&dir.read(&["1-wire.jsonl"])), ["a", "b", "c", "d"]);
}
