//! `--stats`: stage times and peak memory on standard error, standard output
//! unchanged. Times differ from run to run, so this is not a trycmd case.

use std::path::Path;

use assert_cmd::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Standard output and standard error of `crosscheck ARGS` on the bundled corpus.
fn run(args: &[&str]) -> (String, String) {
    let output = Command::cargo_bin("crosscheck")
        .unwrap()
        .current_dir(repo())
        .env_remove("CROSSCHECK_FAIL_ON")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The first word of each line of the stats table, parts of a stage included.
fn stage_names(stderr: &str) -> Vec<&str> {
    let table = stderr
        .lines()
        .skip_while(|l| !l.starts_with("stage "))
        .skip(1)
        .take_while(|l| !l.starts_with("peak memory"));
    table.filter_map(|l| l.split_whitespace().next()).collect()
}

fn assert_stats(command: &[&str], stages: &[&str]) {
    let (plain_out, plain_err) = run(command);
    let with_stats: Vec<&str> = command.iter().copied().chain(["--stats"]).collect();
    let (out, err) = run(&with_stats);
    assert_eq!(out, plain_out, "--stats leaves standard output as it is");
    assert!(!plain_err.contains("peak memory"), "{plain_err}");
    assert!(err.starts_with(&plain_err), "{err}");
    let names = stage_names(&err);
    for stage in stages.iter().chain(&["total"]) {
        assert!(names.contains(stage), "no {stage} in {err}");
    }
    assert!(err.contains("reports/s") && err.contains("MB/s"), "{err}");
    assert!(err.contains("peak memory "), "{err}");
}

#[test]
fn check_times_every_stage() {
    assert_stats(
        &["check", "corpus", "--format", "csv", "--fail-on", "never"],
        &[
            "read",
            "extract",
            "group",
            "align+compare",
            "rules",
            "render",
        ],
    );
}

#[test]
fn events_times_reading_grouping_and_rendering() {
    assert_stats(
        &["events", "corpus", "--events", "auto", "--format", "jsonl"],
        &["read", "group", "df", "pairs", "cluster", "render"],
    );
}

#[test]
fn extract_times_reading_extraction_and_rendering() {
    assert_stats(
        &["extract", "corpus", "--format", "jsonl"],
        &["read", "extract", "render"],
    );
}
