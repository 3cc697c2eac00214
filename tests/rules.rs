//! Each rule on a minimal pair of reports: one where it must fire, and a
//! near-identical one where it must stay quiet. The first report of each case is
//! the primary source (an `official` outlet); the findings are shown as
//! `RULE outlet: located words`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crosscheck::check;
use crosscheck::check::Options;
use crosscheck::config::Config;
use crosscheck::corpus::{Corpus, Origin, Report};

const READOUT: &str = "Wang Yi said that the US should stop interfering in the Games. \
    He stressed that regional security cannot be guaranteed by expanding military blocs.";

/// Check the readout and one outlet's report of it; the findings, one string each.
fn findings(report: &str) -> Vec<String> {
    let config = Config::parse("[[outlets]]\nname = \"Ministry\"\nkind = \"official\"\n").unwrap();
    let reports = [("Ministry", READOUT), ("Outlet", report)]
        .iter()
        .enumerate()
        .map(|(n, (outlet, text))| Report {
            id: format!("r{n}"),
            outlet: outlet.to_string(),
            published: None,
            title: None,
            url: None,
            event: Some("call".to_string()),
            text: text.to_string(),
            origin: Origin {
                path: format!("{outlet}.md"),
                line: 1,
                column: 1,
                ..Origin::default()
            },
        })
        .collect();
    let check = check::run(
        Corpus {
            reports,
            rejected: Vec::new(),
        },
        &config,
        &Options::default(),
    );
    check
        .findings
        .iter()
        .map(|f| format!("{} {}: {}", f.rule, f.primary.outlet, f.primary.text))
        .collect()
}

// CC001 speaker-mismatch

#[test]
fn cc001_fires_when_the_words_are_credited_to_someone_else() {
    let report = "Spokesperson Zhao Lijian said, \"Regional security cannot be guaranteed by expanding military blocs.\"";
    assert_eq!(findings(report), ["CC001 Outlet: Spokesperson Zhao Lijian"]);
}

#[test]
fn cc001_is_quiet_when_another_name_for_the_same_speaker_is_used() {
    let report = "Chinese Foreign Minister Wang Yi spoke by phone. \
        \"Regional security cannot be guaranteed by expanding military blocs,\" the minister said.";
    assert_eq!(findings(report), Vec::<String>::new());
}

// CC002 quote-altered

#[test]
fn cc002_fires_when_a_word_inside_the_quote_marks_changed() {
    let report = "\"The US must stop interfering in the Games,\" Wang said.";
    assert_eq!(
        findings(report),
        ["CC002 Outlet: The US must stop interfering in the Games"]
    );
}

#[test]
fn cc002_is_quiet_on_punctuation_and_case() {
    let report = "\"The US should stop interfering in the games!\" Wang said.";
    assert_eq!(findings(report), Vec::<String>::new());
}

#[test]
fn cc002_is_quiet_on_a_translation_variant() {
    let report = "\"The United States should stop meddling in the Games,\" Wang said.";
    assert_eq!(findings(report), Vec::<String>::new());
}

#[test]
fn cc002_is_quiet_on_a_correctly_shortened_quote() {
    let report = "Wang said the US \"should stop interfering\" there. \"Regional security cannot be guaranteed,\" he said.";
    assert_eq!(findings(report), Vec::<String>::new());
}

// CC004 unsupported-fragment

#[test]
fn cc004_fires_on_a_scare_quote_no_rendering_has() {
    let report = "Wang said the US should stop its \"meddling\" in the Games.";
    assert_eq!(findings(report), ["CC004 Outlet: meddling"]);
}

#[test]
fn cc004_is_quiet_on_a_quote_shortened_with_an_ellipsis() {
    let report = "Wang said the US \"should stop ... in the Games\".";
    assert_eq!(findings(report), Vec::<String>::new());
    // Without the ellipsis the same words join what the source keeps apart.
    let report = "Wang said the US \"should stop in the Games\".";
    assert_eq!(findings(report), ["CC004 Outlet: should stop in the Games"]);
}
