//! crosscheck's integration tests, in one binary (as ripgrep does): one link
//! instead of one per file, and one process to run. One module per subject;
//! run one with `cargo test --test it MODULE::`.

// Tests unwrap what they built themselves: a panic is the failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod batches;
mod cli;
mod cmd;
mod corpus;
mod events;
mod extract;
mod extract_gold;
mod extract_properties;
mod fingerprints;
mod formats;
mod pipeline_order;
mod properties;
mod readers;
mod rule_fixtures;
mod stats;
mod streaming;
mod support;
mod synth;
