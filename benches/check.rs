//! End-to-end `check` on 1k and 10k generated reports without event keys:
//! reading the JSONL, every stage, and rendering JSON Lines (into a sink), as
//! `crosscheck check FILE --format jsonl` does. Run with `cargo bench --bench
//! check`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::hint::black_box;
use std::time::Duration;

mod common;

use common::generated;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use crosscheck::config::Config;
use crosscheck::render::{self, Format};
use crosscheck::{check, corpus};

fn end_to_end(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.warm_up_time(Duration::from_secs(1));
    for reports in [1_000, 10_000] {
        let dir = generated(reports, false);
        let config = Config::load(&dir.join("corpus.toml"), crosscheck::rules::is_known)
            .expect("the generator's configuration");
        let path = dir.join("corpus.jsonl");
        let bytes = fs::metadata(&path).expect("the generated corpus").len();
        group.throughput(Throughput::Bytes(bytes));
        group.bench_with_input(BenchmarkId::new("reports", reports), &path, |b, path| {
            b.iter(|| {
                let corpus = corpus::read(std::slice::from_ref(path));
                let found = check::run(corpus, &config, &check::Plan::default());
                let options = render::Presentation::default();
                render::write_check(&found, Format::Jsonl, &options, &mut std::io::sink())
                    .expect("rendering into a sink");
                black_box(found)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, end_to_end);
criterion_main!(benches);
