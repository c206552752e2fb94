//! `Compilation::chunks(max)` on arbitrary text and maximum
//! (`tests/it/checks.rs`, `chunks`): no chunk longer than the maximum, in
//! order, inside one document, breaking at outline boundaries first, with
//! the heading path of the items that contain it; only white space and
//! debris left out.
//!
//! Input: one byte for the maximum (0 counts as 1), then the text.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    let Some((&max, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    checks::chunks(text, usize::from(max));
});
