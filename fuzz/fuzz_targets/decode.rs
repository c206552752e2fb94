//! `gongwen::decode` on arbitrary bytes (`tests/it/checks.rs`, `decoded`):
//! the text is exactly what the bytes say (UTF-8 borrowed unchanged, UTF-16
//! re-encodes to the same bytes, GB18030 only for bytes that are not
//! UTF-8) and parses into a tree that passes the `parse` target's checks;
//! an error names offsets inside the input before which the bytes decode;
//! a limit one byte short refuses the input.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/checks.rs"]
mod checks;

#[cfg(not(debug_assertions))]
compile_error!("build the fuzz targets with debug assertions (see fuzz/Cargo.toml)");

fuzz_target!(|data: &[u8]| {
    checks::decoded(data);
});
