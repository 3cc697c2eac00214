//! `--stats`: how long each stage of a run took, how fast it went, and the
//! process's peak memory.
//!
//! Stages are timed where they run ([`time`]) into one process-wide record,
//! which is off (nothing is recorded) until [`enable`] is called: the library
//! pays nothing for it unless the command line asks. A stage timed twice
//! (`align+compare` of each event, then of quotes across events) adds up.

use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

static ENABLED: AtomicBool = AtomicBool::new(false);
static STAGES: Mutex<Vec<(&'static str, Duration)>> = Mutex::new(Vec::new());

/// Start recording stage times (and forget any recorded before).
pub fn enable() {
    ENABLED.store(true, Ordering::Relaxed);
    if let Ok(mut stages) = STAGES.lock() {
        stages.clear();
    }
}

/// Run `f` as the stage `name`, recording its wall time when stats are enabled.
pub fn time<T>(name: &'static str, f: impl FnOnce() -> T) -> T {
    if !ENABLED.load(Ordering::Relaxed) {
        return f();
    }
    let started = Instant::now();
    let value = f();
    record(name, started.elapsed());
    value
}

/// Add `elapsed` to the stage `name`, when stats are enabled.
pub fn record(name: &'static str, elapsed: Duration) {
    if !ENABLED.load(Ordering::Relaxed) {
        return;
    }
    if let Ok(mut stages) = STAGES.lock() {
        match stages.iter_mut().find(|(n, _)| *n == name) {
            Some((_, total)) => *total += elapsed,
            None => stages.push((name, elapsed)),
        }
    }
}

/// The stages recorded so far, in the order they first ran.
pub fn stages() -> Vec<(&'static str, Duration)> {
    STAGES.lock().map(|s| s.clone()).unwrap_or_default()
}

/// The process's peak resident memory in bytes (`VmHWM` of
/// `/proc/self/status`); `None` where there is no such file.
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    vm_hwm(&status)
}

fn vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let mut fields = line["VmHWM:".len()..].split_whitespace();
    let value: u64 = fields.next()?.parse().ok()?;
    let unit = match fields.next() {
        Some("kB") | None => 1024,
        Some("mB") => 1024 * 1024,
        Some(_) => return None,
    };
    Some(value * unit)
}

/// How much a run read: what the stage times are divided by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Volume {
    pub reports: usize,
    /// Bytes of report text.
    pub bytes: usize,
    /// Inputs rejected (files, lines, records).
    pub rejected: usize,
}

/// The statistics as printed: one line per stage with its wall time, reports
/// per second and MB (10^6 bytes of report text) per second, then the total
/// and the peak memory.
pub fn summary(
    stages: &[(&'static str, Duration)],
    total: Duration,
    volume: &Volume,
    peak: Option<u64>,
) -> String {
    let Volume { reports, bytes, .. } = *volume;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "stats: {reports} reports, {:.1} MB of text",
        bytes as f64 / 1e6
    );
    let _ = writeln!(
        out,
        "{:<14} {:>10} {:>12} {:>10}",
        "stage", "wall s", "reports/s", "MB/s"
    );
    let mut line = |name: &str, elapsed: Duration| {
        let seconds = elapsed.as_secs_f64();
        let rate = |amount: f64| {
            if seconds > 0.0 {
                format!("{:.0}", amount / seconds)
            } else {
                "-".to_string()
            }
        };
        let mb_rate = if seconds > 0.0 {
            format!("{:.1}", bytes as f64 / 1e6 / seconds)
        } else {
            "-".to_string()
        };
        let _ = writeln!(
            out,
            "{name:<14} {seconds:>10.3} {:>12} {mb_rate:>10}",
            rate(reports as f64)
        );
    };
    // A part of a stage (`group/pairs`) is shown indented under its stage.
    let part_of = |name: &str, stage: &str| {
        name.strip_prefix(stage)
            .and_then(|rest| rest.strip_prefix('/'))
            .map(str::to_owned)
    };
    for &(name, elapsed) in stages.iter().filter(|(n, _)| !n.contains('/')) {
        line(name, elapsed);
        for &(part, elapsed) in stages {
            if let Some(part) = part_of(part, name) {
                line(&format!("  {part}"), elapsed);
            }
        }
    }
    let orphans = stages
        .iter()
        .filter(|(n, _)| n.contains('/'))
        .filter(|(n, _)| {
            !stages
                .iter()
                .any(|(s, _)| !s.contains('/') && part_of(n, s).is_some())
        });
    for &(name, elapsed) in orphans {
        line(name, elapsed);
    }
    line("total", total);
    let _ = match peak {
        Some(peak) => writeln!(out, "peak memory {:.1} MB (VmHWM)", peak as f64 / 1e6),
        None => writeln!(out, "peak memory unknown (no /proc/self/status)"),
    };
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_peak_is_read_in_kilobytes() {
        let status = "Name:\tcrosscheck\nVmPeak:\t  123 kB\nVmHWM:\t   2048 kB\nVmRSS:\t 1 kB\n";
        assert_eq!(vm_hwm(status), Some(2048 * 1024));
        assert_eq!(vm_hwm("Name: x\n"), None);
    }

    #[test]
    fn the_summary_names_every_stage_and_the_total() {
        let stages = [
            ("read", Duration::from_millis(500)),
            ("group/pairs", Duration::from_millis(100)),
            ("extract", Duration::from_secs(2)),
            ("group", Duration::from_millis(300)),
        ];
        let text = summary(
            &stages,
            Duration::from_secs(3),
            &Volume {
                reports: 1000,
                bytes: 4_000_000,
                rejected: 0,
            },
            Some(1 << 20),
        );
        assert!(text.contains("1000 reports, 4.0 MB of text"), "{text}");
        // 1000 reports in 2 s; 4 MB in 2 s.
        assert!(
            text.lines()
                .any(|l| l.starts_with("extract") && l.contains(" 500 ") && l.ends_with(" 2.0")),
            "{text}"
        );
        assert!(text.lines().any(|l| l.starts_with("total")), "{text}");
        // A stage's parts follow it, indented.
        let names: Vec<&str> = text
            .lines()
            .skip(2)
            .filter_map(|l| l.split("  ").find(|w| !w.is_empty()))
            .collect();
        assert_eq!(names[..4], ["read", "extract", "group", "pairs"], "{text}");
        assert!(text.contains("peak memory 1.0 MB"), "{text}");
    }
}
