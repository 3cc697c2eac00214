//! Each rule on fixture reports kept as files, and each rule's documented
//! example, run through the library.
//!
//! `tests/rules/CODE-name/CASE/` holds one case: its reports (Markdown with
//! front matter, as a corpus holds them) and `findings.snap`, the findings the
//! rule produces there, one a line. A case named `fires-...` must produce a
//! finding of its rule and one named `quiet-...` none; every rule has both.
//! Only the rule under test runs. `tests/rules/crosscheck.toml` configures
//! every case without a `crosscheck.toml` of its own.
//!
//! A changed finding fails the test and leaves `findings.snap.new` beside the
//! snapshot (not when `CI=true`). Bless what is right with
//! `INSTA_UPDATE=always cargo test --test it rule_fixtures::`, then read the
//! diff.

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use crosscheck::check::{self, Plan};
use crosscheck::config::{Config, Selection};
use crosscheck::corpus;
use crosscheck::rules::{self, Rule};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/rules");

/// The findings of the rules `selection` runs on the reports under `folder`,
/// one a line: `file:line:column: CODE message`, the file named from `folder`.
fn findings(folder: &Path, config: &Config, selection: Selection) -> String {
    let corpus = corpus::read(&[folder.to_path_buf()]);
    assert!(
        corpus.rejected.is_empty(),
        "{}: {:?}",
        folder.display(),
        corpus.rejected
    );
    let plan = Plan {
        selection,
        ..Plan::default()
    };
    let check = check::run(corpus, config, &plan);
    check
        .findings
        .iter()
        .map(|f| {
            let path = Path::new(&f.primary.path);
            let file = path.strip_prefix(folder).unwrap_or(path);
            format!(
                "{}:{}:{}: {} {}\n",
                file.display(),
                f.primary.line,
                f.primary.column,
                f.rule,
                f.message
            )
        })
        .collect()
}

fn config(path: &Path) -> Config {
    Config::load(path, rules::is_known).unwrap_or_else(|e| panic!("{e}"))
}

fn only(rule: &Rule) -> Selection {
    Selection {
        select: vec![rule.code.to_string()],
        ..Selection::default()
    }
}

/// The folders inside `folder`, sorted.
fn folders(folder: &Path) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    folders
}

fn name(path: &Path) -> &str {
    path.file_name().and_then(|n| n.to_str()).unwrap_or("")
}

#[test]
fn each_rule_fires_on_its_fixtures_and_stays_quiet_on_their_near_misses() {
    let root = Path::new(FIXTURES);
    let shared = config(&root.join("crosscheck.toml"));
    let expected: Vec<String> = rules::catalogue()
        .iter()
        .map(|rule| format!("{}-{}", rule.code, rule.name))
        .collect();
    let rule_folders = folders(root);
    let found: Vec<&str> = rule_folders.iter().map(|f| name(f)).collect();
    assert_eq!(found, expected, "one folder of fixtures per rule");

    let mut failures = Vec::new();
    for (rule, folder) in rules::catalogue().iter().zip(rule_folders) {
        let cases = folders(&folder);
        for kind in ["fires-", "quiet-"] {
            assert!(
                cases.iter().any(|c| name(c).starts_with(kind)),
                "{} has no {kind}... case",
                rule.code
            );
        }
        for case in cases {
            let own = case.join("crosscheck.toml");
            let config = if own.is_file() {
                &config(&own)
            } else {
                &shared
            };
            let found = findings(&case, config, only(rule));
            let fires = name(&case).starts_with("fires-");
            assert!(
                fires || name(&case).starts_with("quiet-"),
                "{}: a case is named fires-... or quiet-...",
                case.display()
            );
            if fires == found.is_empty() {
                failures.push(format!(
                    "{}: {}",
                    case.display(),
                    if fires { "no finding" } else { "a finding" }
                ));
            }
            let snapshot = panic::catch_unwind(AssertUnwindSafe(|| {
                insta::with_settings!({
                    snapshot_path => &case,
                    prepend_module_to_snapshot => false,
                    omit_expression => true,
                }, {
                    insta::assert_snapshot!("findings", found);
                });
            }));
            if snapshot.is_err() {
                failures.push(format!(
                    "{}: findings differ from the snapshot",
                    case.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A rule's documented example: its files (name, text) and the findings it
/// says they give, as `findings` writes them.
struct Example {
    files: Vec<(String, String)>,
    findings: String,
}

/// Read the fenced blocks of an example: ```` ```LANG FILE ```` is a file,
/// ```` ```text ```` the findings.
fn example(markdown: &str) -> Example {
    let mut example = Example {
        files: Vec::new(),
        findings: String::new(),
    };
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let block: String = lines
            .by_ref()
            .take_while(|l| *l != "```")
            .map(|l| format!("{l}\n"))
            .collect();
        match info.split_once(' ') {
            Some((_, file)) => example.files.push((file.to_string(), block)),
            None if info == "text" => example.findings.push_str(&block),
            None => panic!("a block that is neither a file nor findings: {line}"),
        }
    }
    example
}

#[test]
fn each_rules_documented_example_gives_the_findings_it_shows() {
    for rule in rules::catalogue() {
        let command = format!("`crosscheck check --select {}`", rule.code);
        assert!(rule.example.contains(&command), "{}: {command}", rule.code);
        let example = example(rule.example);
        assert!(
            !example.findings.is_empty(),
            "{} shows no finding",
            rule.code
        );
        let dir = tempfile::tempdir().unwrap();
        for (file, text) in &example.files {
            std::fs::write(dir.path().join(file), text).unwrap();
        }
        let own = dir.path().join("crosscheck.toml");
        let config = if own.is_file() {
            config(&own)
        } else {
            Config::default()
        };
        assert_eq!(
            findings(dir.path(), &config, only(rule)),
            example.findings,
            "{}'s example",
            rule.code
        );
    }
}
