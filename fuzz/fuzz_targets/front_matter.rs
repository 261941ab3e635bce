//! Fuzz target: any bytes as a whole paper file (front matter, YAML, metadata checks).
//! Must never panic, hang or point a diagnostic outside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let _ = common::load(data);
});
