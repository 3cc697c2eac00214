//! The JSON Lines reader (`.jsonl`, `.ndjson`, standard input).

#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    common::read_jsonl(data);
});
