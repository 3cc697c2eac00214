//! Alignment and comparison of one event's claims: the largest event of 2,000
//! generated reports (grouped by their `event` keys), its attributions
//! extracted beforehand. Run with `cargo bench --bench align`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

mod common;

use common::generated;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use crosscheck::config::Config;
use crosscheck::events::{self, Grouping};
use crosscheck::{align, attributions, compare, corpus};

fn align_and_compare(c: &mut Criterion) {
    let dir = generated(2_000, true);
    let config = Config::load(&dir.join("corpus.toml"), crosscheck::rules::is_known)
        .expect("the generator's configuration");
    let corpus = corpus::read(&[dir.join("corpus.jsonl")]);
    assert!(
        corpus.rejected.is_empty(),
        "the generated corpus reads cleanly"
    );
    let reports = corpus.reports;
    let (attributions, _) = attributions::extract_all(&reports);
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
                let attributed = align::Attributed {
                    reports: &reports,
                    attributions: &attributions,
                };
                let claims = align::align(event, attributed, &config);
                let comparisons: Vec<compare::Comparison> = claims
                    .iter()
                    .map(|c| compare::compare(c, attributed))
                    .collect();
                black_box((claims, comparisons))
            })
        },
    );
    group.finish();
}

criterion_group!(benches, align_and_compare);
criterion_main!(benches);
