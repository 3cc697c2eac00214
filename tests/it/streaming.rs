//! The check that streams by date gives the whole-corpus check's output,
//! byte for byte, with events by key and found from the text, and a corpus
//! checked in parts that own ranges of days (as the Spark job runs it) gives
//! the same findings as checked at once.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crosscheck::check::{self, Plan};
use crosscheck::config::Config;
use crosscheck::corpus::{self, Batching};
use crosscheck::events::Mode;
use crosscheck::render::{self, Deferred, Format, Presentation};
use crosscheck::streaming::{self, Owned, Recorder};
use crosscheck_synth::{Options, generate};
use tempfile::TempDir;

/// A corpus spread over more days than the search reaches back, so events
/// are dropped on the way; a tenth of its reports undated, one line broken,
/// one id repeated.
fn corpus() -> (TempDir, PathBuf, Config) {
    let dir = TempDir::new().unwrap();
    let mut options = Options::new(700, 11);
    options.with_events = true;
    options.rates.undated = 0.1;
    options.rates.divergence = 0.5;
    options.days = Some(240);
    let (mut reports, mut truth) = (Vec::new(), Vec::new());
    generate(&options, &mut reports, &mut truth).unwrap();
    let mut lines: Vec<String> = String::from_utf8(reports)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    lines[40] = format!("{{broken {}", &lines[40][1..]);
    lines.push(lines[7].clone());
    let path = dir.path().join("reports.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let toml = dir.path().join("crosscheck.toml");
    std::fs::write(&toml, crosscheck_synth::config()).unwrap();
    let config = Config::load(&toml, crosscheck::rules::is_known).unwrap();
    (dir, path, config)
}

/// The plan of a run with events by key, or found from the text.
fn plan(mode: Mode) -> Plan {
    let mut plan = Plan::default();
    plan.grouping.mode = mode;
    plan
}

fn in_memory(path: &Path, config: &Config, format: Format, mode: Mode) -> Vec<u8> {
    let outcome = check::run(corpus::read(&[path.to_path_buf()]), config, &plan(mode));
    let mut out = Vec::new();
    render::write_check(&outcome, format, &Presentation::default(), &mut out).unwrap();
    out
}

fn streamed(path: &Path, config: &Config, format: Format, mode: Mode) -> Vec<u8> {
    let plan = plan(mode);
    let (mut scan, batches) = corpus::scan(&[path.to_path_buf()], Batching::default()).unwrap();
    let index = streaming::index(batches, &plan.grouping, &[], |_| {});
    let deferred = Deferred::new(format, index.places.len(), index.events.len()).unwrap();
    let known = BTreeSet::new();
    let mut recorder = Recorder::new(Some(deferred), &known, false, false);
    let run =
        streaming::check(&mut scan, &index, config, &plan, Owned::All, &mut recorder).unwrap();
    assert!(
        run.most_held < index.places.len(),
        "held {} of {}",
        run.most_held,
        index.places.len()
    );
    let summary = recorder.summary(&index, &run);
    let mut out = Vec::new();
    let deferred = recorder.deferred.take().unwrap();
    deferred.finish(&index.rejected, summary, &mut out).unwrap();
    out
}

/// The fingerprints of the findings of the events `owned`.
fn owned_findings(path: &Path, config: &Config, owned: Owned) -> Vec<String> {
    let plan = Plan::default();
    let (mut scan, batches) = corpus::scan(&[path.to_path_buf()], Batching::default()).unwrap();
    let index = streaming::index(batches, &plan.grouping, &[], |_| {});
    let known = BTreeSet::new();
    let mut recorder = Recorder::new(None, &known, false, true);
    streaming::check(&mut scan, &index, config, &plan, owned, &mut recorder).unwrap();
    recorder
        .into_findings()
        .into_iter()
        .map(|f| f.fingerprint)
        .collect()
}

#[test]
fn streamed_json_lines_and_json_are_the_whole_corpus_checks_bytes() {
    let (_dir, path, config) = corpus();
    for (format, mode) in [
        (Format::Jsonl, Mode::Keys),
        (Format::Json, Mode::Keys),
        (Format::Jsonl, Mode::Auto),
    ] {
        let expected = in_memory(&path, &config, format, mode);
        let got = streamed(&path, &config, format, mode);
        assert!(
            expected == got,
            "{} ({mode:?}): streamed output differs ({} bytes, expected {})",
            format.name(),
            got.len(),
            expected.len()
        );
    }
}

#[test]
fn parts_that_own_ranges_of_days_find_what_the_whole_run_finds() {
    let (_dir, path, config) = corpus();
    let mut whole = owned_findings(&path, &config, Owned::All);
    let day = |d: &str| crosscheck::foreign::day_number(d.parse().unwrap());
    let mut parts = Vec::new();
    for owned in [
        Owned::Days {
            from: day("2000-01-01"),
            to: day("2022-03-15"),
        },
        Owned::Days {
            from: day("2022-03-16"),
            to: day("2022-05-31"),
        },
        Owned::Days {
            from: day("2022-06-01"),
            to: day("2099-12-31"),
        },
        Owned::Undated,
    ] {
        parts.extend(owned_findings(&path, &config, owned));
    }
    whole.sort();
    parts.sort();
    assert!(!whole.is_empty());
    assert_eq!(whole, parts);
}
