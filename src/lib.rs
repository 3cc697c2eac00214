//! crosscheck checks news reports against each other.
//!
//! Data flows one way through the pipeline, one module per stage, each with one
//! entry point and plain data in and out:
//!
//! ```text
//! corpus ──► text ──► extract ──► events ──► align ──► compare ──► foreign ──► rules
//!        ──► outcome ──► render
//! ```
//!
//! A stage imports only the stages before it and the foundations below them
//! all (`data`, `stats`, `finding`, `config`); `tests/it/pipeline_order.rs`
//! holds the order. `check` runs every stage on the whole corpus;
//! `attributions` runs corpus ──► extract ──► render batch after batch, for
//! `crosscheck extract`.

pub mod align;
pub mod attributions;
pub mod check;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod data;
pub mod events;
pub mod extract;
pub mod finding;
pub mod foreign;
pub mod outcome;
pub mod render;
pub mod rules;
pub mod stats;
pub mod streaming;
pub mod text;
