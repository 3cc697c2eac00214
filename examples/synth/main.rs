//! A deterministic synthetic corpus for crosscheck: many events over many
//! days, each covered by several outlets, with near-miss events, translation
//! variants and planted divergences of every rule, and the ground truth of all
//! of it. The benches and the precision/recall measurements run on it.
//!
//! ```sh
//! cargo run --release --example synth -- --reports 100000 --seed 1 --out /tmp/c.jsonl
//! crosscheck check --config /tmp/c.toml --format jsonl /tmp/c.jsonl
//! ```
//!
//! Writes, from `--out FILE.jsonl`:
//!
//! - `FILE.jsonl`: one report a line: `id`, `outlet`, `published` (YYYY-MM-DD),
//!   `title`, `text`, `gold_event` (the true event, for scoring the grouping),
//!   and with `--with-events` an `event` field (the grouping given).
//! - `FILE.truth.jsonl`: one record a line, tagged by `type`:
//!   `{"type":"event","event","reports","near_miss_of"}` for every event;
//!   `{"type":"divergence","rule","event","reports","related","words","note"}`
//!   for every planted divergence (`reports`: where it is; `related`: the
//!   reports it diverges from; `words`: the planted words, found in the text of
//!   each of `reports`); `{"type":"variant","event","reports","related","words",
//!   "reference"}` for every translation variant, which must not be reported as
//!   a misquote.
//! - `FILE.toml`: a crosscheck configuration naming every outlet with its kind
//!   (the `official` ones are the primary sources) and every speaker's aliases.
//!
//! Point crosscheck at `FILE.jsonl`, not at its folder: the truth is JSON Lines too.
//!
//! A plant is one rendering of one report (`words` says what to look for):
//!
//! - CC001 a statement credited to someone else (`words`: that person's name);
//!   CC002 one word changed inside a direct quote (the new word); CC003 a
//!   negation, modal, number, date or name changed in reported speech (the new
//!   words); CC004 a scare quote no rendering has (the quoted words); CC005
//!   another outlet's unquoted paraphrase put in quote marks (some of its
//!   words); CC006 a statement in the outlet's own voice (its first words);
//!   CC007 a quote credited through another outlet or state media (the
//!   channel's name); CC008 a loaded cue verb (the verb); CC009 words said to
//!   someone else (that person's name);
//! - CC010 a statement of the near-miss event, in two reports (its words);
//!   CC011 words of a participant or an analyst that one outlet alone carries
//!   (its words); CC012 a near-verbatim copy of a wire or state-media report
//!   without its dateline, one background paragraph dropped, the source named
//!   at the end (the source's name).
//!
//! Everything else is clean: quotes are verbatim, a translator's variant or
//! correctly shortened; paraphrases are in reported speech; cues are neutral
//! (or the primary source's own); the only channel named is the primary
//! source; the addressee, if named, is the true one; every statement is carried
//! by two outlets at least; no two claims of an event share a long phrase; and
//! background paragraphs attribute nothing.
//!
//! Options:
//!
//! - `--reports N` (required), `--seed S` (default 1), `--out FILE.jsonl` (required)
//! - `--with-events`: write the true event as each report's `event` field
//! - `--divergence-rate R` (0.2): share of non-primary reports carrying one
//!   planted divergence (never two in one report)
//! - `--variant-rate R` (0.3): chance a rendering uses a translator's wording
//! - `--near-miss-rate R` (0.15): chance an event comes with a near miss (the
//!   spokesperson's briefing the day before, or the same two people a month
//!   later), sharing statements with it
//! - `--undated-rate R` (0): share of reports without `published`
//! - `--rules CC001,CC004,...` (all): the rules to plant
//! - `--start YYYY-MM-DD` (2022-01-03), `--days D` (from N): the dates events span
//! - `--min-outlets` (3), `--max-outlets` (15): reports per event
//!
//! The same flags give the same bytes on every machine: the random stream is
//! a self-contained xoshiro256** seeded per event, and nothing depends on the
//! clock, the environment or hash order. Reports are written in publication
//! order as they are generated, so a million reports need little memory.

mod calendar;
mod generate;
mod lists;
mod plan;
mod render;
mod rng;
mod world;

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use crosscheck::rules::{self, Rule};
use generate::Options;

#[derive(Debug, Parser)]
#[command(
    name = "synth",
    about = "Write a deterministic synthetic corpus of news reports, its ground truth and a crosscheck configuration.",
    after_help = "Writes FILE.jsonl (reports), FILE.truth.jsonl (events, planted divergences, translation variants) and FILE.toml (outlets and speakers)."
)]
struct Args {
    /// How many reports to write (report ids are unique up to 4 billion).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(..=4_000_000_000))]
    reports: u64,
    /// The seed: the same seed and flags give the same bytes.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Where to write the reports (the truth and config go beside it).
    #[arg(long, value_name = "FILE.jsonl")]
    out: PathBuf,
    /// Give each report its true event as `event` (grouping is then not measured).
    #[arg(long)]
    with_events: bool,
    /// Share of non-primary reports that carry one planted divergence.
    #[arg(long, value_name = "R", default_value_t = 0.2, value_parser = rate)]
    divergence_rate: f64,
    /// Chance that a rendering uses a translator's wording of a statement.
    #[arg(long, value_name = "R", default_value_t = 0.3, value_parser = rate)]
    variant_rate: f64,
    /// Chance that an event comes with a near-miss event.
    #[arg(long, value_name = "R", default_value_t = 0.15, value_parser = rate)]
    near_miss_rate: f64,
    /// Share of reports without a publication date.
    #[arg(long, value_name = "R", default_value_t = 0.0, value_parser = rate)]
    undated_rate: f64,
    /// Rules to plant, by code or name, comma-separated (default: every rule of the catalogue).
    #[arg(long, value_name = "CODES", value_delimiter = ',', value_parser = rule)]
    rules: Vec<&'static Rule>,
    /// The first event's date.
    #[arg(long, value_name = "YYYY-MM-DD", default_value = "2022-01-03", value_parser = date)]
    start: i32,
    /// Spread events over this many days (default: about 16 events a day, 90 to 3650 days).
    #[arg(long, value_name = "D", value_parser = clap::value_parser!(u32).range(1..=36500))]
    days: Option<u32>,
    /// Fewest reports per event (the tail event of a corpus may have fewer).
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=100))]
    min_outlets: u32,
    /// Most reports per event.
    #[arg(long, value_name = "N", default_value_t = 15, value_parser = clap::value_parser!(u32).range(1..=100))]
    max_outlets: u32,
}

fn rate(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value} is not between 0 and 1"))
    }
}

fn rule(text: &str) -> Result<&'static Rule, String> {
    rules::find(text.trim()).ok_or_else(|| {
        let codes: Vec<&str> = rules::catalogue().iter().map(|r| r.code).collect();
        format!("`{text}` is not one of {}", codes.join(", "))
    })
}

fn date(text: &str) -> Result<i32, String> {
    calendar::parse(text).ok_or_else(|| format!("`{text}` is not a date (YYYY-MM-DD)"))
}

/// `FILE.jsonl` → `FILE.truth.jsonl`, `FILE.toml`.
fn beside(out: &Path, suffix: &str) -> PathBuf {
    let stem = match out.extension().and_then(|e| e.to_str()) {
        Some("jsonl" | "ndjson" | "json") => out.with_extension(""),
        _ => out.to_path_buf(),
    };
    let mut name = stem.into_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.min_outlets > args.max_outlets {
        eprintln!("synth: --min-outlets must not be above --max-outlets");
        return ExitCode::from(2);
    }
    let mut options = Options::new(args.reports, args.seed);
    options.with_events = args.with_events;
    options.start = args.start;
    options.days = args.days;
    options.rates.divergence = args.divergence_rate;
    options.rates.variant = args.variant_rate;
    options.rates.near_miss = args.near_miss_rate;
    options.rates.undated = args.undated_rate;
    options.rates.min_outlets = args.min_outlets as usize;
    options.rates.max_outlets = args.max_outlets as usize;
    if !args.rules.is_empty() {
        // In the catalogue's order, whatever the order given.
        options.rates.rules = rules::catalogue()
            .iter()
            .filter(|r| args.rules.iter().any(|given| given.code == r.code))
            .collect();
    }
    let truth_path = beside(&args.out, ".truth.jsonl");
    let config_path = beside(&args.out, ".toml");
    let started = Instant::now();
    let result = (|| -> std::io::Result<generate::Summary> {
        std::fs::write(&config_path, generate::config())?;
        let mut reports = BufWriter::with_capacity(1 << 20, File::create(&args.out)?);
        let mut truth = BufWriter::new(File::create(&truth_path)?);
        generate::generate(&options, &mut reports, &mut truth)
    })();
    match result {
        Ok(summary) => {
            eprintln!(
                "synth: {summary} ({:.1} s); wrote {}, {}, {}",
                started.elapsed().as_secs_f64(),
                args.out.display(),
                truth_path.display(),
                config_path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth: {}: {e}", args.out.display());
            ExitCode::from(1)
        }
    }
}
