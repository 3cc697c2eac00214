//! The command line end to end: what is typed, what comes out, the exit status.
//! Whole outputs are pinned by the cases in `tests/cmd/` (cmd.rs); these tests
//! check what a case file does not: fields of the extract and events output,
//! locations against the files they name, files and links written, a closed
//! pipe, standard input, a baseline edited between runs.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

use crate::support::folder;

fn crosscheck(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CROSSCHECK_FAIL_ON");
    cmd
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

const GOOD: &str = "---\nid: good\noutlet: Wire\npublished: 2022-01-27\n---\n\"We will talk,\" the minister said.\n";

#[test]
fn color_always_paints_the_word_diff() {
    let output = crosscheck(repo())
        .args(["check", "corpus/", "--color", "always"])
        .output()
        .unwrap();
    assert!(stdout(&output).contains("\u{1b}["));
}

#[test]
fn a_location_points_at_the_words_in_the_file() {
    let output = crosscheck(repo())
        .args(["check", "corpus/", "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
    for finding in doc["findings"].as_array().unwrap() {
        let primary = &finding["primary"];
        let file = fs::read_to_string(repo().join(primary["path"].as_str().unwrap())).unwrap();
        let line = file
            .lines()
            .nth(primary["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        let from: String = line
            .chars()
            .skip(primary["column"].as_u64().unwrap() as usize - 1)
            .collect();
        assert!(
            from.starts_with(primary["text"].as_str().unwrap()),
            "{from:?} vs {}",
            primary["text"]
        );
    }
}

#[test]
fn extract_jsonl_is_one_attribution_a_line_in_the_scorers_format() {
    let output = crosscheck(repo())
        .args([
            "extract",
            "corpus/2022-01-27-wang-blinken-call/afp.md",
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let quote = lines.iter().find(|a| a["cue"]["lemma"] == "warn").unwrap();
    assert_eq!(quote["report"], "afp-2022-01-27-china-us-ukraine");
    assert_eq!(quote["kind"], "direct");
    assert_eq!(quote["speaker"]["canonical"], "Antony Blinken");
    assert_eq!(quote["speaker"]["text"], "The Secretary");
    assert_eq!(quote["cue"]["class"], "loaded");
    assert_eq!(
        quote["channels"][0]["text"],
        "State Department spokesman Ned Price"
    );
    assert!(
        quote["content"]["spans"][0]
            .as_array()
            .is_some_and(|s| s.len() == 2)
    );
}

#[test]
fn events_jsonl_is_one_event_a_line() {
    let output = crosscheck(repo())
        .args(["events", "corpus/", "--format", "jsonl"])
        .output()
        .unwrap();
    let events: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = events
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "2022-01-26-mfa-briefing",
            "2022-01-27-wang-blinken-call",
            "2022-02-24-wang-lavrov-call"
        ]
    );
    assert_eq!(events[1]["reports"].as_array().unwrap().len(), 10);
}

#[test]
fn every_bad_input_is_reported_once_and_the_rest_still_processed() {
    let dir = folder(&[
        ("good.md", GOOD.as_bytes()),
        ("lines.jsonl", b"{\"id\": \"a\", \"text\": \"\\\"Yes,\\\" she said.\"}\n{\"id\": \"b\", \"text\": \n{\"id\": \"c\"}\n{\"id\": \"d\", \"published\": \"27/01/2022\", \"text\": \"x\"}\n{\"id\": \"good\", \"text\": \"again\"}\n"),
        ("latin1.txt", b"caf\xe9 \"quoted\" he said\n"),
        ("empty.md", b""),
    ]);
    // A file that cannot be opened, even as root: a link to itself.
    std::os::unix::fs::symlink(dir.path().join("loop.md"), dir.path().join("loop.md")).unwrap();
    let output = crosscheck(dir.path())
        .args([
            "extract",
            ".",
            "loop.md",
            "missing.jsonl",
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    for expected in [
        "./empty.md:1:1: empty file",
        "./latin1.txt:1:4: invalid UTF-8",
        "./lines.jsonl:2:",
        "./lines.jsonl:3:1: missing field `text`",
        "./lines.jsonl:4:1: ",
        "27/01/2022",
        "./lines.jsonl:5:1: duplicate id \"good\" (first seen at ./good.md:",
        "missing.jsonl:1:1: no such file or directory",
        "loop.md:1:1: ",
    ] {
        assert_eq!(
            errors.matches(expected).count(),
            1,
            "{expected:?} once in\n{errors}"
        );
    }
    // The good reports are still read and extracted.
    let reports: Vec<String> = stdout(&output)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["report"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(reports, ["good", "a"]);
}

#[test]
fn standard_input_is_read_as_json_lines() {
    let output = crosscheck(Path::new("/"))
        .args(["extract", "-", "--format", "jsonl"])
        .write_stdin("{\"id\": \"s1\", \"outlet\": \"Wire\", \"text\": \"\\\"We will talk,\\\" Wang said.\"}\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let line: Value = serde_json::from_str(stdout(&output).lines().next().unwrap()).unwrap();
    assert_eq!(line["report"], "s1");
    assert_eq!(line["speaker"]["text"], "Wang");
}

#[test]
fn output_writes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("findings.json");
    let output = crosscheck(repo())
        .args(["check", "corpus/", "--format", "json", "--output"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let doc: Value = serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(doc["version"], 1);
}

#[test]
fn a_usage_error_exits_2() {
    let output = crosscheck(repo())
        .args(["check", "--format", "yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    use std::process::{Command as Process, Stdio};
    let mut child = Process::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(repo())
        .args(["check", "corpus/", "--format", "jsonl"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before a byte is read, as `| head -0` would.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr(&output), "", "no error, no panic");
}

#[test]
fn output_follows_a_link_and_writes_devices_through() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("findings.csv");
    let link = dir.path().join("latest.csv");
    std::os::unix::fs::symlink("findings.csv", &link).unwrap();
    let output = crosscheck(repo())
        .args(["check", "corpus/", "--format", "csv", "--output"])
        .arg(&link)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&real)
            .unwrap()
            .starts_with("severity,rule,")
    );
    let null = crosscheck(repo())
        .args(["check", "corpus/", "--output", "/dev/null"])
        .output()
        .unwrap();
    assert_eq!(null.status.code(), Some(1));
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device_like()
    );
    let through = crosscheck(repo())
        .args([
            "check",
            "corpus/",
            "--format",
            "csv",
            "--output",
            "/dev/stdout",
        ])
        .output()
        .unwrap();
    assert!(stdout(&through).starts_with("severity,rule,"));
}

/// `FileType::is_char_device` lives in a Unix extension trait.
trait CharDevice {
    fn is_char_device_like(&self) -> bool;
}

impl CharDevice for fs::FileType {
    fn is_char_device_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_char_device()
    }
}

#[test]
fn the_configs_rules_table_selects_and_grades() {
    let dir = folder(&[(
        "crosscheck.toml",
        b"[rules]\nignore = [\"CC004\"]\n[rules.severity]\nquote-altered = \"info\"\n",
    )]);
    let output = crosscheck(dir.path())
        .arg("check")
        .arg(repo().join("corpus"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let findings = doc["findings"].as_array().unwrap();
    assert!(findings.iter().all(|f| f["rule"] != "CC004"));
    let altered: Vec<&Value> = findings.iter().filter(|f| f["rule"] == "CC002").collect();
    assert!(!altered.is_empty());
    assert!(altered.iter().all(|f| f["severity"] == "info"));
    // `--select` on the command line replaces the config's selection.
    let selected = crosscheck(dir.path())
        .arg("check")
        .arg(repo().join("corpus"))
        .args(["--format", "json", "--select", "unsupported-fragment,CC002"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_str(&stdout(&selected)).unwrap();
    let rules: std::collections::BTreeSet<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules.into_iter().collect::<Vec<_>>(),
        ["CC002"],
        "CC004 stays ignored"
    );
}

#[test]
fn a_baseline_hides_known_findings_and_only_new_ones_fail() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let write = crosscheck(repo())
        .args(["check", "corpus/", "--quiet", "--write-baseline"])
        .arg(&baseline)
        .output()
        .unwrap();
    assert_eq!(write.status.code(), Some(0), "{}", stderr(&write));
    assert!(write.stdout.is_empty(), "--quiet");
    let known: Value = serde_json::from_str(&fs::read_to_string(&baseline).unwrap()).unwrap();
    assert_eq!(known["version"], 1);
    // Every finding is known: the run passes and says how many it hid.
    let all_known = crosscheck(repo())
        .args(["check", "corpus/", "--baseline"])
        .arg(&baseline)
        .output()
        .unwrap();
    assert_eq!(all_known.status.code(), Some(0));
    assert!(
        stdout(&all_known)
            .contains(" 0 findings (0 error, 0 warning, 0 info), 0 rejected inputs, ")
    );
    assert!(stdout(&all_known).contains("hidden by the baseline"));
    // Forget one finding: it is new again, and fails the run.
    let mut findings = known["findings"].as_array().unwrap().clone();
    let forgotten = findings.remove(0);
    fs::write(
        &baseline,
        serde_json::json!({"version": 1, "findings": findings}).to_string(),
    )
    .unwrap();
    let one_new = crosscheck(repo())
        .args([
            "check",
            "corpus/",
            "--format",
            "jsonl",
            "--fail-on",
            "info",
            "--baseline",
        ])
        .arg(&baseline)
        .output()
        .unwrap();
    assert_eq!(one_new.status.code(), Some(1));
    let new: Vec<Value> = stdout(&one_new)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|l| l["type"] == "finding")
        .collect();
    assert_eq!(new.len(), 1);
    assert_eq!(new[0]["fingerprint"], forgotten["fingerprint"]);
    // A `check --format json` document is a baseline too.
    let document = dir.path().join("document.json");
    crosscheck(repo())
        .args(["check", "corpus/", "--format", "json", "--output"])
        .arg(&document)
        .output()
        .unwrap();
    let from_document = crosscheck(repo())
        .args(["check", "corpus/", "--baseline"])
        .arg(&document)
        .output()
        .unwrap();
    assert_eq!(from_document.status.code(), Some(0));
}

#[test]
fn the_readmes_configuration_example_is_a_valid_configuration() {
    let readme = fs::read_to_string(repo().join("README.md")).unwrap();
    let start = readme.find("```toml\n[[outlets]]").unwrap() + "```toml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let config =
        crosscheck::config::Config::parse(&readme[start..end], crosscheck::rules::is_known);
    assert!(config.is_ok(), "{config:?}");
}

#[test]
fn a_template_restyles_the_html_page() {
    let dir = folder(&[(
        "page.html",
        b"<h1>{{ summary.findings }} findings</h1>{% for e in events %}<p>{{ e.id }}</p>{% endfor %}",
    )]);
    let output = crosscheck(repo())
        .args(["check", "corpus/", "--format", "html", "--template"])
        .arg(dir.path().join("page.html"))
        .output()
        .unwrap();
    let page = stdout(&output);
    assert!(page.starts_with("<h1>"), "{page}");
    assert!(page.contains("<p>2022-01-27-wang-blinken-call</p>"));
    let misused = crosscheck(repo())
        .args(["check", "corpus/", "--template"])
        .arg(dir.path().join("page.html"))
        .output()
        .unwrap();
    assert_eq!(misused.status.code(), Some(2), "--template is for html");
}
