//! What the benches share: corpora from crosscheck-synth, generated once.

#![allow(clippy::expect_used)]

use std::fs;
use std::path::PathBuf;

use crosscheck_synth::{Files, Options};

/// A corpus of `reports` generated reports (seed 1): the folder holding its
/// `corpus.jsonl` and the generator's `corpus.toml` (outlets, speakers). It is
/// written once into `$TMPDIR/crosscheck-bench/` and reused by later runs
/// (delete that folder after changing the generator).
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
    let mut options = Options::new(reports as u64, 1);
    options.with_events = with_events;
    crosscheck_synth::write(&options, &Files::beside(&partial.join("corpus.jsonl")))
        .expect("the generated corpus is written");
    fs::rename(&partial, &dir).expect("the generated corpus is moved in place");
    dir
}
