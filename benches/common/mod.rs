//! What the benches share: corpora from the synth example, generated once.

#![allow(clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A corpus of `reports` generated reports (seed 1): the folder holding its
/// `corpus.jsonl` and the generator's `corpus.toml` (outlets, speakers). It is
/// written once by the synth example into `$TMPDIR/crosscheck-bench/` and
/// reused by later runs (delete that folder after changing the generator).
/// Benches cannot call an example's code, so they run its binary: `cargo build
/// --release --examples` first.
pub fn generated(reports: usize, with_events: bool) -> PathBuf {
    let root = std::env::temp_dir().join("crosscheck-bench");
    let suffix = if with_events { "-events" } else { "" };
    let dir = root.join(format!("s{reports}{suffix}"));
    if dir.join("corpus.jsonl").exists() {
        return dir;
    }
    // Written beside, then renamed: an interrupted run leaves no half corpus.
    let partial = root.join(format!("partial-s{reports}{suffix}"));
    let _ = fs::remove_dir_all(&partial);
    fs::create_dir_all(&partial).expect("a folder for generated corpora");
    // The bench runs as target/release/deps/NAME-HASH; the example is in target/release/examples.
    let exe = std::env::current_exe().expect("the bench's path");
    let synth = exe
        .parent()
        .and_then(Path::parent)
        .map(|release| release.join("examples").join("synth"))
        .filter(|synth| synth.exists())
        .expect(
            "no synth generator next to the bench: run `cargo build --release --examples` first",
        );
    let mut command = Command::new(synth);
    command.args(["--reports", &reports.to_string(), "--seed", "1", "--out"]);
    command.arg(partial.join("corpus.jsonl"));
    if with_events {
        command.arg("--with-events");
    }
    let status = command.status().expect("the synth generator runs");
    assert!(status.success(), "synth failed: {status}");
    fs::rename(&partial, &dir).expect("the generated corpus is moved in place");
    dir
}
