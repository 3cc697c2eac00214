//! The json reader (`.json` files), as `crosscheck check FILE.json` reads them.

#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    common::read_file("json", data);
});
