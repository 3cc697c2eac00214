//! Extraction speed on the bundled corpus's reports (MB/s, one thread), and the
//! whole pipeline on the bundled corpus. Run with `cargo bench --bench extract`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use crosscheck::config::Config;
use crosscheck::{check, corpus, extract};

fn bundled() -> corpus::Corpus {
    let corpus = corpus::read(&[PathBuf::from("corpus")]);
    assert!(
        corpus.rejected.is_empty(),
        "the bundled corpus reads cleanly"
    );
    corpus
}

fn extraction(c: &mut Criterion) {
    let texts: Vec<String> = bundled().reports.into_iter().map(|r| r.text).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("bundled corpus, one thread", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(extract::extract(black_box(text)));
            }
        })
    });
    group.finish();
}

fn whole_check(c: &mut Criterion) {
    let config = Config::load(Path::new("crosscheck.toml")).unwrap_or_default();
    let mut group = c.benchmark_group("check");
    group.bench_function("bundled corpus", |b| {
        b.iter_batched(
            bundled,
            |corpus| black_box(check::run(corpus, &config, &check::Options::default())),
            criterion::BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, extraction, whole_check);
criterion_main!(benches);
