//! The generator's driver: events one unit at a time, reports written in
//! publication order as soon as no later unit can precede them, the truth
//! written as it is planned. Memory holds a few days of reports, not the corpus.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::calendar;
use crate::lists::Data;
use crate::plan::{self, Event, Item, PartnerKind, Rates, Tally, UnitSpec, Wording};
use crate::render;
use crate::rng::{Rng, mix};
use crate::world::World;

/// Units planned before their reports are written (in parallel).
const BATCH: usize = 256;

#[derive(Debug, Clone)]
pub struct Options {
    pub reports: u64,
    pub seed: u64,
    /// Write each report's true event as `event` (grouping is then given).
    pub with_events: bool,
    pub rates: Rates,
    /// The first event's day (days since 1970-01-01).
    pub start: i32,
    /// Over how many days events are spread (default: from the corpus size).
    pub days: Option<u32>,
}

impl Options {
    /// The defaults of the command line, for `reports` reports.
    pub fn new(reports: u64, seed: u64) -> Options {
        Options {
            reports,
            seed,
            with_events: false,
            rates: Rates {
                divergence: 0.2,
                variant: 0.3,
                near_miss: 0.15,
                undated: 0.0,
                rules: crosscheck::rules::catalogue().iter().collect(),
                min_outlets: 3,
                max_outlets: 15,
            },
            start: calendar::parse("2022-01-03").unwrap_or(18_995),
            days: None,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub reports: u64,
    pub events: u64,
    pub near_miss_pairs: u64,
    /// By rule code.
    pub divergences: BTreeMap<&'static str, u64>,
    pub variants: u64,
    pub text_bytes: u64,
    pub days: u32,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rules: Vec<String> = crosscheck::rules::catalogue()
            .iter()
            .map(|r| format!("{}={}", r.code, self.divergences.get(r.code).unwrap_or(&0)))
            .collect();
        write!(
            f,
            "{} reports, {} events over {} days, {} near-miss pairs, {} divergences ({}), {} translation variants, {} bytes of text per report on average",
            self.reports,
            self.events,
            self.days,
            self.near_miss_pairs,
            self.divergences.values().sum::<u64>(),
            rules.join(" "),
            self.variants,
            self.text_bytes.checked_div(self.reports).unwrap_or(0)
        )
    }
}

/// The configuration file for a generated corpus.
pub fn config() -> String {
    World::build(&Data::load()).config_toml()
}

/// Where a corpus is written: its reports, and beside them its truth and
/// its configuration.
#[derive(Debug, Clone)]
pub struct Files {
    pub reports: PathBuf,
    pub truth: PathBuf,
    pub config: PathBuf,
}

impl Files {
    /// `FILE.jsonl` → `FILE.truth.jsonl`, `FILE.toml`.
    pub fn beside(reports: &Path) -> Files {
        let stem = match reports.extension().and_then(|e| e.to_str()) {
            Some("jsonl" | "ndjson" | "json") => reports.with_extension(""),
            _ => reports.to_path_buf(),
        };
        let with = |suffix: &str| {
            let mut name = stem.clone().into_os_string();
            name.push(suffix);
            PathBuf::from(name)
        };
        Files {
            reports: reports.to_path_buf(),
            truth: with(".truth.jsonl"),
            config: with(".toml"),
        }
    }
}

/// Write the configuration, then the reports and their truth as they are
/// generated, into `files`.
pub fn write(options: &Options, files: &Files) -> io::Result<Summary> {
    fs::write(&files.config, config())?;
    let mut reports = BufWriter::with_capacity(1 << 20, File::create(&files.reports)?);
    let mut truth = BufWriter::new(File::create(&files.truth)?);
    generate(options, &mut reports, &mut truth)
}

/// A report line waiting for its turn: by day, then in a seeded order.
type Pending = Reverse<(i32, u64, u64, String)>;

/// Write `options.reports` reports as JSON Lines to `reports`, and the
/// ground truth to `truth`.
pub fn generate(
    options: &Options,
    reports: &mut dyn Write,
    truth: &mut dyn Write,
) -> io::Result<Summary> {
    let data = Data::load();
    let world = World::build(&data);
    let rates = &options.rates;
    let min = rates.min_outlets.max(1);
    let max = rates.max_outlets.max(min);
    let mean = (min + max) as f64 / 2.0;
    // A unit is an event and, now and then, its near miss.
    let per_unit = mean * (1.0 + rates.near_miss * 0.7);
    let estimated_units = ((options.reports as f64 / per_unit) as u64).max(1);
    let days = options
        .days
        .unwrap_or_else(|| {
            ((estimated_units as f64 * (1.0 + rates.near_miss) / 16.0) as u32).clamp(90, 3650)
        })
        .max(1);
    let mut summary = Summary {
        days,
        ..Summary::default()
    };
    let mut tally = Tally::default();
    let mut pending: BinaryHeap<Pending> = BinaryHeap::new();
    let mut planned: u64 = 0;
    let mut next_report: u64 = 0;
    let mut sequence: u64 = 0;
    let mut event_number: u64 = 0;
    let mut unit: u64 = 0;
    while planned < options.reports {
        // Plan a batch of units in order (the rule tally runs across them),
        // then write their reports in parallel: each depends on its plan only.
        let mut batch: Vec<(i32, Vec<Event>)> = Vec::new();
        while planned < options.reports && batch.len() < BATCH {
            let remaining = (options.reports - planned) as usize;
            let mut rng = Rng::derive(options.seed, 0, unit);
            let offset = (u128::from(unit) * u128::from(days) / u128::from(estimated_units)) as i32;
            let day = options.start + offset;
            let spec = unit_spec(
                unit,
                day,
                remaining,
                min,
                max,
                rates,
                event_number,
                &mut rng,
            );
            let events = plan::plan_unit(
                &world,
                &data,
                rates,
                &spec,
                options.seed,
                &mut tally,
                &mut next_report,
            );
            planned += events.iter().map(|e| e.reports.len() as u64).sum::<u64>();
            event_number += events.len() as u64;
            batch.push((day, events));
            unit += 1;
        }
        let written: Vec<Vec<Vec<(String, u64)>>> = batch
            .par_iter()
            .map(|(_, events)| {
                events
                    .iter()
                    .map(|event| {
                        let texts = render::event(&world, &data, event);
                        event
                            .reports
                            .iter()
                            .zip(&texts)
                            .map(|(report, text)| {
                                let line =
                                    report_line(&world, event, report, text, options.with_events);
                                (line, text.text_len() as u64)
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        for ((day, events), lines) in batch.iter().zip(written) {
            for (event, lines) in events.iter().zip(lines) {
                for (report, (line, bytes)) in event.reports.iter().zip(lines) {
                    summary.text_bytes += bytes;
                    // Reports of one day come out interleaved, in a seeded order.
                    pending.push(Reverse((report.day, mix(report.seed), sequence, line)));
                    sequence += 1;
                }
                write_truth(truth, event, &mut summary)?;
                summary.reports += event.reports.len() as u64;
                summary.events += 1;
            }
            if events.len() > 1 {
                summary.near_miss_pairs += 1;
            }
            // Later units start on `day` or after; a briefing the day before is the earliest they write.
            while pending.peek().is_some_and(|Reverse((d, ..))| *d < day - 1) {
                if let Some(Reverse((.., line))) = pending.pop() {
                    reports.write_all(line.as_bytes())?;
                }
            }
        }
    }
    while let Some(Reverse((.., line))) = pending.pop() {
        reports.write_all(line.as_bytes())?;
    }
    summary.divergences = tally.planted;
    reports.flush()?;
    truth.flush()?;
    Ok(summary)
}

#[allow(clippy::too_many_arguments)]
fn unit_spec(
    index: u64,
    day: i32,
    remaining: usize,
    min: usize,
    max: usize,
    rates: &Rates,
    first_event_number: u64,
    rng: &mut Rng,
) -> UnitSpec {
    let size_of = |rng: &mut Rng| {
        let half = (max - min) / 2;
        min + rng.below(half + 1) + rng.below(max - min - half + 1)
    };
    let mut size = size_of(rng);
    let mut partner = None;
    if rng.chance(rates.near_miss) {
        let (kind, partner_size) = if rng.chance(0.5) {
            (
                PartnerKind::Briefing,
                // A briefing is covered by fewer outlets than talks.
                rng.range(min, (min + 2).min(max)),
            )
        } else {
            (PartnerKind::Later, size_of(rng))
        };
        let left = remaining.checked_sub(size + partner_size);
        if matches!(left, Some(l) if l == 0 || l >= min) {
            partner = Some((kind, partner_size));
        }
    }
    if partner.is_none() && (size > remaining || remaining - size < min) {
        size = remaining;
    }
    UnitSpec {
        index,
        day,
        size,
        partner,
        first_event_number,
    }
}

fn report_line(
    world: &World,
    event: &Event,
    report: &plan::ReportPlan,
    text: &render::Rendered,
    with_events: bool,
) -> String {
    let mut line = String::with_capacity(text.text_len() * 17 / 16 + 512);
    line.push_str("{\"id\":");
    json_string(&mut line, &report.id);
    line.push_str(",\"outlet\":");
    json_string(&mut line, &world.outlets[report.outlet].name);
    if report.dated {
        line.push_str(",\"published\":");
        json_string(&mut line, &calendar::iso(report.day));
    }
    line.push_str(",\"title\":");
    json_string(&mut line, &text.title);
    // The text, escaped paragraph by paragraph: `text.text()` without the copy.
    line.push_str(",\"text\":\"");
    json_chars(&mut line, &text.dateline);
    for (i, (paragraph, _)) in text.paragraphs.iter().enumerate() {
        if i > 0 {
            line.push_str("\\n\\n");
        }
        json_chars(&mut line, paragraph);
    }
    line.push_str("\",\"gold_event\":");
    json_string(&mut line, &event.id);
    if with_events {
        line.push_str(",\"event\":");
        json_string(&mut line, &event.id);
    }
    line.push_str("}\n");
    line
}

fn write_truth(out: &mut dyn Write, event: &Event, summary: &mut Summary) -> io::Result<()> {
    let ids = |indices: &[usize]| -> Vec<&str> {
        indices
            .iter()
            .filter_map(|&r| event.reports.get(r).map(|p| p.id.as_str()))
            .collect()
    };
    let all: Vec<&str> = event.reports.iter().map(|r| r.id.as_str()).collect();
    let mut line = String::from("{\"type\":\"event\",\"event\":");
    json_string(&mut line, &event.id);
    line.push_str(",\"reports\":");
    json_list(&mut line, &all);
    line.push_str(",\"near_miss_of\":");
    match &event.near_miss_of {
        Some(id) => json_string(&mut line, id),
        None => line.push_str("null"),
    }
    line.push_str("}\n");
    for plant in &event.plants {
        line.push_str("{\"type\":\"divergence\",\"rule\":\"");
        line.push_str(plant.rule.code);
        line.push_str("\",\"event\":");
        json_string(&mut line, &event.id);
        line.push_str(",\"reports\":");
        json_list(&mut line, &ids(&plant.reports));
        line.push_str(",\"related\":");
        let related: Vec<&str> = plant.related.iter().map(String::as_str).collect();
        json_list(&mut line, &related);
        line.push_str(",\"words\":");
        json_string(&mut line, &plant.words);
        line.push_str(",\"note\":");
        json_string(&mut line, &plant.note);
        line.push_str("}\n");
    }
    // Translation variants: which reports print each translator's wording.
    let mut variants: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (r, report) in event.reports.iter().enumerate() {
        let source = report.copy_of.unwrap_or(r);
        for item in &event.reports[source].items {
            if let Item::Say(say) = item
                && let Wording::Words(v) = say.wording
                && v > 0
                && !say.planted
            {
                variants.entry((say.statement, v)).or_default().push(r);
            }
        }
    }
    for ((s, v), reports) in variants {
        let statement = &event.statements[s];
        line.push_str("{\"type\":\"variant\",\"event\":");
        json_string(&mut line, &event.id);
        line.push_str(",\"reports\":");
        json_list(&mut line, &ids(&reports));
        line.push_str(",\"related\":");
        json_list(&mut line, &ids(&[statement.primary]));
        line.push_str(",\"words\":");
        json_string(&mut line, &statement.variant_evidence(v));
        line.push_str(",\"reference\":");
        let reference = statement.variants.get(v - 1).map_or(String::new(), |_| {
            let words = &statement.words;
            plan::join(words)
        });
        json_string(&mut line, &reference);
        line.push_str("}\n");
        summary.variants += 1;
    }
    out.write_all(line.as_bytes())
}

fn json_list(out: &mut String, items: &[&str]) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_string(out, item);
    }
    out.push(']');
}

/// Bytes a JSON string cannot hold as they are.
const NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// A JSON string literal.
pub fn json_string(out: &mut String, text: &str) {
    out.push('"');
    json_chars(out, text);
    out.push('"');
}

/// The inside of a JSON string literal: runs of plain bytes are copied at
/// once, and found eight bytes at a time.
fn json_chars(out: &mut String, text: &str) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Whether any byte of `x` is below 0x20, a `"` or a `\` (may say yes
    // wrongly, never no wrongly: a yes is checked byte by byte).
    let special = |x: u64| {
        let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
        (x.wrapping_sub(ONES * 0x20) & !x & HIGH)
            | zero(x ^ (ONES * 0x22))
            | zero(x ^ (ONES * 0x5C))
            != 0
    };
    let bytes = text.as_bytes();
    let mut plain = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8)
            && let Ok(chunk) = <[u8; 8]>::try_from(chunk)
            && !special(u64::from_le_bytes(chunk))
        {
            i += 8;
            continue;
        }
        let end = (i + 8).min(bytes.len());
        for (j, &b) in bytes[i..end].iter().enumerate() {
            if !NEEDS_ESCAPE[usize::from(b)] {
                continue;
            }
            let at = i + j;
            out.push_str(&text[plain..at]);
            match b {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                _ => out.push_str(&format!("\\u{b:04x}")),
            }
            plain = at + 1;
        }
        i = end;
    }
    out.push_str(&text[plain..]);
}
