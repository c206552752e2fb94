//! `LineIndex` on arbitrary text at every byte offset, inside characters
//! and a little past the end included (`tests/it/checks.rs`,
//! `line_index`): line and column in range, monotone, equal to a plain
//! scan. Checking every offset keeps the input plain text, so text seeds
//! and crash files are readable.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let offsets: Vec<usize> = (0..text.len() + 4).collect();
    checks::line_index(text, &offsets);
});
