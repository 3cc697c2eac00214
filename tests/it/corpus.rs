//! The bundled corpus against its oracle, `tests/corpus_expected.toml`: every
//! planted divergence of an implemented rule is found, nothing else is, and
//! translation variants are labelled as such, never as misquotes.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crosscheck::check::{self, Plan};
use crosscheck::compare::Label;
use crosscheck::config::Config;
use crosscheck::corpus;
use crosscheck::finding::Finding;
use crosscheck::outcome::Outcome;
use crosscheck::rules;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    divergence: Vec<Divergence>,
    variant: Vec<Variant>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Divergence {
    rule: String,
    event: String,
    outlets: Vec<String>,
    words: String,
    note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Variant {
    event: String,
    outlets: Vec<String>,
    words: String,
    note: String,
}

fn expected() -> Expected {
    let source = std::fs::read_to_string("tests/corpus_expected.toml").unwrap();
    toml::from_str(&source).unwrap()
}

fn run() -> Outcome {
    let config = Config::load(Path::new("crosscheck.toml"), crosscheck::rules::is_known).unwrap();
    let corpus = corpus::read(&[PathBuf::from("corpus")]);
    assert!(corpus.rejected.is_empty(), "{:?}", corpus.rejected);
    check::run(corpus, &config, &Plan::default())
}

fn shows(finding: &Finding, words: &str) -> bool {
    let words = words.to_lowercase();
    let evidence: String = finding
        .evidence
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    [&finding.primary.text, &finding.message, &evidence]
        .iter()
        .any(|t| t.to_lowercase().contains(&words))
}

fn matches(finding: &Finding, d: &Divergence) -> bool {
    finding.rule == d.rule.as_str()
        && finding.event == d.event
        && d.outlets.contains(&finding.primary.outlet)
        && shows(finding, &d.words)
}

#[test]
fn every_planted_divergence_of_an_implemented_rule_is_found_and_nothing_else() {
    let expected = expected();
    let check = run();
    let implemented: Vec<&str> = rules::catalogue().iter().map(|r| r.code).collect();
    let mut problems = Vec::new();
    for d in expected
        .divergence
        .iter()
        .filter(|d| implemented.contains(&d.rule.as_str()))
    {
        for outlet in &d.outlets {
            let found = check
                .findings
                .iter()
                .any(|f| matches(f, d) && &f.primary.outlet == outlet);
            if !found {
                problems.push(format!(
                    "missed: {} at {outlet} ({:?}): {}",
                    d.rule, d.words, d.note
                ));
            }
        }
    }
    for f in &check.findings {
        if !expected.divergence.iter().any(|d| matches(f, d)) {
            problems.push(format!(
                "unexpected: {} at {} {}:{}: {}",
                f.rule, f.primary.outlet, f.primary.path, f.primary.line, f.message
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn translation_variants_are_labelled_as_such_and_never_as_misquotes() {
    let expected = expected();
    let check = run();
    let mut problems = Vec::new();
    for v in &expected.variant {
        for outlet in &v.outlets {
            let labels: Vec<Label> = check
                .claims
                .iter()
                .zip(&check.comparisons)
                .filter(|(c, _)| c.event == v.event)
                .flat_map(|(c, cmp)| c.renderings.iter().zip(&cmp.diffs))
                .filter(|(r, _)| {
                    let report = &check.reports[r.report];
                    let text: String = r
                        .pieces
                        .iter()
                        .map(|s| s.of(&report.text))
                        .collect::<Vec<_>>()
                        .join(" ");
                    &report.outlet == outlet
                        && text.to_lowercase().contains(&v.words.to_lowercase())
                })
                .map(|(_, d)| d.label)
                .collect();
            if labels.is_empty() || labels.iter().any(|l| *l != Label::Translation) {
                problems.push(format!(
                    "{outlet} {:?}: labelled {labels:?}, expected translation ({})",
                    v.words, v.note
                ));
            }
            let misquote = check
                .findings
                .iter()
                .any(|f| f.rule == "CC002" && &f.primary.outlet == outlet && shows(f, &v.words));
            if misquote {
                problems.push(format!("{outlet} {:?} reported as quote-altered", v.words));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_near_miss_events_stay_apart_and_quiet() {
    let check = run();
    let events: Vec<(&str, usize)> = check
        .events
        .iter()
        .map(|e| (e.id.as_str(), e.reports.len()))
        .collect();
    assert_eq!(
        events,
        [
            ("2022-01-26-mfa-briefing", 2),
            ("2022-01-27-wang-blinken-call", 10),
            ("2022-02-24-wang-lavrov-call", 3)
        ]
    );
    let elsewhere: Vec<&Finding> = check
        .findings
        .iter()
        .filter(|f| f.event != "2022-01-27-wang-blinken-call")
        .collect();
    assert!(elsewhere.is_empty(), "{elsewhere:?}");
}
