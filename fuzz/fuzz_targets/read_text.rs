//! The text reader (`.txt` files), as `crosscheck check FILE.txt` reads them.

#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    common::read_file("txt", data);
});
