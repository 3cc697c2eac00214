//! Extraction speed (MB/s, one thread) on realistic wire copy generated here,
//! on the bundled corpus, and on pathological inputs at 1 MB and 2 MB (only
//! quote marks; one paragraph of 2 MB; deeply nested quotes), whose times
//! should about double from 1 MB to 2 MB, not quadruple. Also the whole
//! pipeline on the bundled corpus. Run with `cargo bench --bench extract`.
//!
//! No bench reads data from outside the repository.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use crosscheck::config::Config;
use crosscheck::{check, corpus, extract};

// The allocator the `crosscheck` binary runs with (src/main.rs), so that the
// bench measures what the command does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bundled() -> corpus::Corpus {
    let corpus = corpus::read(&[PathBuf::from("corpus")]);
    assert!(
        corpus.rejected.is_empty(),
        "the bundled corpus reads cleanly"
    );
    corpus
}

/// A small deterministic generator (xorshift), so the text is the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 16) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

/// Wire-copy reports of about `size` bytes each, written from templates.
fn wire_reports(n: usize, seed: u64) -> Vec<String> {
    let speakers = [
        "Chinese Foreign Minister Wang Yi",
        "U.S. Secretary of State Antony Blinken",
        "Kremlin spokesman Dmitry Peskov",
        "foreign ministry spokesperson Mao Ning",
        "South Korean Foreign Minister Lim Min-ho",
        "the State Department",
    ];
    let short = [
        "Wang",
        "Blinken",
        "Peskov",
        "Mao",
        "he",
        "she",
        "the minister",
    ];
    let cues = [
        "said",
        "told reporters",
        "stressed",
        "added",
        "warned",
        "noted",
    ];
    let claims = [
        "the two sides should keep talking about trade and security",
        "Russia's legitimate security concerns should be taken seriously",
        "the sanctions had no basis in international law",
        "Washington remained committed to close consultation with its allies",
        "a second round of talks would follow in March in Geneva",
        "the door to dialogue remains open despite recent tensions",
    ];
    let mut rng = Rng(seed | 1);
    (0..n)
        .map(|_| {
            let mut t = String::from("Beijing [China], January 27 (ANI): ");
            for p in 0..8 {
                let (sp, sh, cue, claim) = (
                    rng.pick(&speakers),
                    rng.pick(&short),
                    rng.pick(&cues),
                    rng.pick(&claims),
                );
                let para = match (p + rng.next()) % 5 {
                    0 => format!("{sp} {cue} on Thursday that {claim}."),
                    1 => format!("\"{claim},\" {sh} {cue}. \"We will see.\""),
                    2 => format!("According to {sp}, {claim}, a statement said."),
                    3 => format!("{sh} said {claim}, calling it \"a serious step\"."),
                    _ => {
                        format!("The talks, held in a \"candid\" mood, lasted two hours. {claim}.")
                    }
                };
                t.push_str(&para);
                t.push_str("\n\n");
            }
            t.push_str("(ANI)");
            t
        })
        .collect()
}

fn throughput(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    let wire = wire_reports(400, 1);
    let bytes: usize = wire.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("wire copy, one thread", |b| {
        b.iter(|| {
            for text in &wire {
                black_box(extract::extract(black_box(text)));
            }
        })
    });
    let texts: Vec<String> = bundled().reports.into_iter().map(|r| r.text).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
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

const MB: usize = 1 << 20;

/// Makes a text of about the given size.
type Make = fn(usize) -> String;

fn repeat_to(unit: &str, size: usize) -> String {
    unit.repeat(size / unit.len())
}

/// One paragraph of `size` bytes: sentences with frames and quotes, no break.
fn one_paragraph(size: usize) -> String {
    repeat_to(
        "Wang said the talks were \"useful\" and Blinken told reporters that \"we will talk again,\" he added. ",
        size,
    )
}

/// Quotes inside quotes inside quotes, as deep as the text goes.
fn nested(size: usize) -> String {
    let depth = size / 40;
    let mut t = String::with_capacity(size);
    for i in 0..depth {
        t.push_str(if i % 2 == 0 {
            "\u{201c}Wang said "
        } else {
            "\u{2018}Blinken said "
        });
    }
    for i in (0..depth).rev() {
        t.push_str(if i % 2 == 0 {
            "ok\u{201d} "
        } else {
            "ok\u{2019} "
        });
    }
    t
}

fn pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    let cases: [(&str, Make); 4] = [
        ("only straight quote marks", |n| repeat_to("\" ", n)),
        ("only mixed quote marks", |n| {
            repeat_to("\"\u{201c}'\u{2019}«» ", n)
        }),
        ("one paragraph", one_paragraph),
        ("deeply nested quotes", nested),
    ];
    for (name, make) in cases {
        for size in [MB, 2 * MB] {
            let text = make(size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(format!("{name}, {} MB", size / MB), |b| {
                b.iter(|| black_box(extract::extract(black_box(&text))))
            });
        }
    }
    group.finish();
}

fn whole_check(c: &mut Criterion) {
    let config =
        Config::load(Path::new("crosscheck.toml"), crosscheck::rules::is_known).unwrap_or_default();
    let mut group = c.benchmark_group("check");
    group.bench_function("bundled corpus", |b| {
        b.iter_batched(
            bundled,
            |corpus| black_box(check::run(corpus, &config, &check::Plan::default())),
            criterion::BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, throughput, pathological, whole_check);
criterion_main!(benches);
