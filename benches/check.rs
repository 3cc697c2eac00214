//! End-to-end `check` on 1k and 10k generated reports without event keys:
//! reading the JSONL, every stage, and rendering JSON Lines (into a sink), as
//! `crosscheck check FILE --format jsonl` does. Run with `cargo build --release
//! --examples && cargo bench --bench check`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use crosscheck::config::Config;
use crosscheck::report::{self, Format};
use crosscheck::{check, corpus};

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

fn end_to_end(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.warm_up_time(Duration::from_secs(1));
    for reports in [1_000, 10_000] {
        let dir = generated(reports, false);
        let config = Config::load(&dir.join("corpus.toml")).expect("the generator's configuration");
        let path = dir.join("corpus.jsonl");
        let bytes = fs::metadata(&path).expect("the generated corpus").len();
        group.throughput(Throughput::Bytes(bytes));
        group.bench_with_input(BenchmarkId::new("reports", reports), &path, |b, path| {
            b.iter(|| {
                let corpus = corpus::read(std::slice::from_ref(path));
                let found = check::run(corpus, &config, &check::Options::default());
                let options = report::Options::default();
                report::write_check(&found, Format::Jsonl, &options, &mut std::io::sink())
                    .expect("rendering into a sink");
                black_box(found)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, end_to_end);
criterion_main!(benches);
