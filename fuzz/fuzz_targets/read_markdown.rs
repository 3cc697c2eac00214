//! The markdown reader (`.md` files), as `crosscheck check FILE.md` reads them.

#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    common::read_file("md", data);
});
