//! Fingerprints are what a baseline remembers, so they must not move when
//! nothing about a finding did: from run to run, from one folder or machine to
//! another, with or without ids in the input, and when unrelated text is
//! edited.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `check PATH --format json` run in `cwd` with the repository's config:
/// the findings' (rule, outlet, fingerprint), in output order.
fn fingerprints(cwd: &Path, path: &Path) -> Vec<(String, String, String)> {
    findings(cwd, path)
        .into_iter()
        .map(|(rule, outlet, fingerprint, _)| (rule, outlet, fingerprint))
        .collect()
}

/// The findings' (rule, outlet, fingerprint, words).
fn findings(cwd: &Path, path: &Path) -> Vec<(String, String, String, String)> {
    let output = Command::cargo_bin("crosscheck")
        .unwrap()
        .current_dir(cwd)
        .env_remove("CROSSCHECK_FAIL_ON")
        .arg("check")
        .arg(path)
        .arg("--config")
        .arg(repo().join("crosscheck.toml"))
        .args(["--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings: Vec<(String, String, String, String)> = document["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["primary"]["outlet"].as_str().unwrap().to_string(),
                f["fingerprint"].as_str().unwrap().to_string(),
                f["primary"]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(!findings.is_empty());
    findings
}

/// A copy of the bundled corpus at `to`, each file's text passed through `edit`.
fn copy_corpus(to: &Path, edit: &dyn Fn(&Path, String) -> String) {
    for entry in walk(&repo().join("corpus")) {
        let relative = entry.strip_prefix(repo().join("corpus")).unwrap();
        let target = to.join(relative);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        let text = fs::read_to_string(&entry).unwrap();
        fs::write(&target, edit(relative, text)).unwrap();
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn the_same_from_run_to_run_and_from_another_folder() {
    let first = fingerprints(&repo(), Path::new("corpus/"));
    assert_eq!(first, fingerprints(&repo(), Path::new("corpus/")));
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("newsroom/archive/corpus");
    copy_corpus(&copy, &|_, text| text);
    // Named by an absolute path, from another working directory.
    assert_eq!(first, fingerprints(elsewhere.path(), &copy));
    // And by a relative one from inside the copy's parent.
    assert_eq!(
        first,
        fingerprints(
            &elsewhere.path().join("newsroom/archive"),
            Path::new("./corpus")
        )
    );
}

/// Without ids, a report is named by its path; the fingerprint must still not
/// depend on the folder the corpus is checked from.
#[test]
fn the_same_without_ids_from_different_folders() {
    let without_ids = |_: &Path, text: String| -> String {
        text.lines()
            .filter(|l| !l.starts_with("id:"))
            .map(|l| match serde_json::from_str::<Value>(l) {
                Ok(Value::Object(mut record)) => {
                    record.remove("id");
                    serde_json::to_string(&record).unwrap()
                }
                _ => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    };
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    copy_corpus(&one.path().join("corpus"), &without_ids);
    copy_corpus(&two.path().join("a/much/deeper/place/corpus"), &without_ids);
    let here = fingerprints(one.path(), Path::new("corpus"));
    let there = fingerprints(two.path(), &two.path().join("a/much/deeper/place/corpus"));
    assert_eq!(here, there);
}

/// Text added before a finding's words moves its offsets and lines, and a new
/// report in another event changes nothing about it. (A finding about a whole
/// report, such as a copied report, takes in the added text: it changes.)
#[test]
fn the_same_after_unrelated_edits() {
    const ADDED: &str = "Markets in Asia were mixed on the day.";
    let before = findings(&repo(), Path::new("corpus/"));
    let edited = tempfile::tempdir().unwrap();
    let copy = edited.path().join("corpus");
    copy_corpus(&copy, &|path, text| {
        if path.extension().is_some_and(|e| e == "md") {
            // A paragraph at the top of each report's body.
            match text.find("\n---\n") {
                Some(end) => {
                    let (front, body) = text.split_at(end + 5);
                    format!("{front}{ADDED}\n\n{body}")
                }
                None => text,
            }
        } else {
            text
        }
    });
    fs::write(
        copy.join("2022-01-26-mfa-briefing/weather.md"),
        "---\nid: weather-desk\noutlet: Weather Desk\npublished: 2022-01-26\n---\nSnow fell on Beijing on Wednesday.\n",
    )
    .unwrap();
    let after = findings(edited.path(), Path::new("corpus"));
    assert_eq!(before.len(), after.len());
    let mut compared = 0;
    for (was, is) in before.iter().zip(&after) {
        if !is.3.contains(ADDED) {
            assert_eq!(was, is);
            compared += 1;
        }
    }
    assert!(compared * 2 > after.len(), "{compared} of {}", after.len());
}
