//! Arbitrary bytes: whatever is UTF-8 must parse into a tree that
//! validates, rebuilds the input exactly, and survives the JSON round trip
//! with the same kinds and spans (`tests/it/checks.rs`, `tree`).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/checks.rs"]
mod checks;

// The parser checks its own invariants after every parse only with debug
// assertions on; the fuzz profile must keep them.
#[cfg(not(debug_assertions))]
compile_error!("build the fuzz targets with debug assertions (see fuzz/Cargo.toml)");

fuzz_target!(|data: &[u8]| {
    // Bytes that are not UTF-8 are `gongwen::decode`'s business, not the
    // parser's: it takes `&str`.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    checks::tree(text);
});
