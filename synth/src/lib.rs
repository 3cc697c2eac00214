//! A deterministic synthetic corpus for crosscheck: many events over many
//! days, each covered by several outlets, with near-miss events, translation
//! variants and planted divergences of every rule, and the ground truth of all
//! of it. The benches and the precision/recall measurements run on it.
//!
//! [`write`] writes, from `FILE.jsonl` (`synth --out`):
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
//! The same flags give the same bytes on every machine: the random stream is
//! a self-contained xoshiro256** seeded per event, and nothing depends on the
//! clock, the environment or hash order. Reports are written in publication
//! order as they are generated, so a million reports need little memory.
//!
//! The `synth` binary is its command line; crosscheck's tests and benches
//! call the library.

mod calendar;
mod generate;
pub mod lists;
mod plan;
mod render;
mod rng;
mod world;

pub use calendar::parse as parse_date;
pub use generate::{Files, Options, Summary, config, generate, write};
pub use plan::Rates;
