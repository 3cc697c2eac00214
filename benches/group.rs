//! Event grouping at scale: 25k, 50k and 100k generated reports without event
//! keys, grouped from their text (`events::group`, `--events auto`). Reading
//! is not timed. Run with `cargo build --release --examples && cargo bench
//! --bench group`; each size is read once (100k reports hold ~0.4 GB of text)
//! and grouped ten times: a full run takes about ten minutes on two cores.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use crosscheck::corpus;
use crosscheck::events::{self, Grouping, Mode};

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

fn grouping(c: &mut Criterion) {
    let auto = Grouping {
        mode: Mode::Auto,
        ..Grouping::default()
    };
    let mut group = c.benchmark_group("group");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.warm_up_time(Duration::from_secs(1));
    for reports in [25_000, 50_000, 100_000] {
        let corpus = corpus::read(&[generated(reports, false).join("corpus.jsonl")]);
        assert!(
            corpus.rejected.is_empty(),
            "the generated corpus reads cleanly"
        );
        group.throughput(Throughput::Elements(corpus.reports.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("reports", reports),
            &corpus,
            |b, corpus| b.iter(|| black_box(events::group(black_box(&corpus.reports), &auto))),
        );
    }
    group.finish();
}

criterion_group!(benches, grouping);
criterion_main!(benches);
