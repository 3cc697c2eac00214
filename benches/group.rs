//! Event grouping at scale: 25k, 50k and 100k generated reports without event
//! keys, grouped from their text (`events::group`, `--events auto`). Reading is
//! not timed. Run with `cargo bench --bench group`; each size is read once
//! (100k reports hold ~0.4 GB of text) and grouped ten times: a full run takes
//! about ten minutes on two cores.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

mod common;

use common::generated;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use crosscheck::corpus;
use crosscheck::events::{self, Grouping, Mode};

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
