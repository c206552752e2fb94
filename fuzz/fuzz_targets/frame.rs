//! Arbitrary text: every document's typed frame agrees with the text (its
//! dates read back from the bytes under their spans, its number parses, its
//! spans lie in the document), and reading any line as a date or a
//! document number never panics (`tests/it/checks.rs`, `frame`).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/checks.rs"]
mod checks;

#[cfg(not(debug_assertions))]
compile_error!("build the fuzz targets with debug assertions (see fuzz/Cargo.toml)");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    checks::frame(text);
});
