//! `synth`: the command line of the synthetic corpus generator (the
//! library's documentation says what it writes).
//!
//! ```sh
//! cargo run --release -p crosscheck-synth -- --reports 100000 --seed 1 --out /tmp/c.jsonl
//! crosscheck check --config /tmp/c.toml --format jsonl /tmp/c.jsonl
//! ```
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

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use crosscheck::rules::{self, Rule};
use crosscheck_synth::{Files, Options};

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
    crosscheck_synth::parse_date(text).ok_or_else(|| format!("`{text}` is not a date (YYYY-MM-DD)"))
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
    let files = Files::beside(&args.out);
    let started = Instant::now();
    match crosscheck_synth::write(&options, &files) {
        Ok(summary) => {
            eprintln!(
                "synth: {summary} ({:.1} s); wrote {}, {}, {}",
                started.elapsed().as_secs_f64(),
                files.reports.display(),
                files.truth.display(),
                files.config.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth: {}: {e}", args.out.display());
            ExitCode::from(1)
        }
    }
}
