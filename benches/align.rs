//! Alignment and comparison of one event's claims: the largest event of 2,000
//! generated reports (grouped by their `event` keys), its attributions
//! extracted beforehand. Run with `cargo build --release --examples && cargo
//! bench --bench align`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use crosscheck::config::Config;
use crosscheck::events::{self, Grouping};
use crosscheck::{align, check, compare, corpus};

/// A corpus of `reports` generated reports (seed 1): the folder holding its
/// `corpus.jsonl` and the generator's `corpus.toml` (outlets, speakers). It is
/// written once by the synth example into `$TMPDIR/crosscheck-bench/` and
/// reused by later runs (delete that folder after changing the generator).
/// Benches cannot call an example's code, so they run its binary: `cargo build
/// --release --examples` first.
fn generated(reports: usize, with_events: bool) -> PathBuf {
    let root = std::env::temp_dir().join("crosscheck-bench");
    let suffix = if with_events { "-events" } else { "" };
    let dir = root.join(format!("s{reports}{suffix}"));
    if dir.join("corpus.jsonl").exists() {
        return dir;
    }
    // Written beside, then renamed: an interrupted run leaves no half corpus.
    let partial = root.join(format!("partial-s{reports}{suffix}"));
    let _ = fs::remove_dir_all(&partial);
    fs::create_dir_all(&partial).expect("a folder for generated corpora");
    // The bench runs as target/release/deps/NAME-HASH; the example is in target/release/examples.
    let exe = std::env::current_exe().expect("the bench's path");
    let synth = exe
        .parent()
        .and_then(Path::parent)
        .map(|release| release.join("examples").join("synth"))
        .filter(|synth| synth.exists())
        .expect(
            "no synth generator next to the bench: run `cargo build --release --examples` first",
        );
    let mut command = Command::new(synth);
    command.args(["--reports", &reports.to_string(), "--seed", "1", "--out"]);
    command.arg(partial.join("corpus.jsonl"));
    if with_events {
        command.arg("--with-events");
    }
    let status = command.status().expect("the synth generator runs");
    assert!(status.success(), "synth failed: {status}");
    fs::rename(&partial, &dir).expect("the generated corpus is moved in place");
    dir
}

fn align_and_compare(c: &mut Criterion) {
    let dir = generated(2_000, true);
    let config = Config::load(&dir.join("corpus.toml")).expect("the generator's configuration");
    let corpus = corpus::read(&[dir.join("corpus.jsonl")]);
    assert!(
        corpus.rejected.is_empty(),
        "the generated corpus reads cleanly"
    );
    let reports = corpus.reports;
    let attributions = check::extract_all(&reports);
    let events = events::group(&reports, &Grouping::default());
    let event = events
        .iter()
        .max_by_key(|e| (e.reports.len(), std::cmp::Reverse(e.id.clone())))
        .expect("events");
    let attributed: usize = event.reports.iter().map(|&r| attributions[r].len()).sum();
    let mut group = c.benchmark_group("align");
    group.throughput(Throughput::Elements(attributed as u64));
    group.bench_function(
        format!(
            "one event, {} reports, {attributed} attributions",
            event.reports.len()
        ),
        |b| {
            b.iter(|| {
                let claims = align::align(
                    event,
                    align::Inputs {
                        reports: &reports,
                        attributions: &attributions,
                        config: &config,
                    },
                );
                let inputs = compare::Inputs {
                    reports: &reports,
                    attributions: &attributions,
                };
                let comparisons: Vec<compare::Comparison> =
                    claims.iter().map(|c| compare::compare(c, inputs)).collect();
                black_box((claims, comparisons))
            })
        },
    );
    group.finish();
}

criterion_group!(benches, align_and_compare);
criterion_main!(benches);
