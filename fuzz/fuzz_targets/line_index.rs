//! `LineIndex` on arbitrary text and offsets (`tests/it/checks.rs`,
//! `line_index`): line and column in range, monotone, equal to a plain scan.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/checks.rs"]
mod checks;

fuzz_target!(|input: (&str, Vec<u16>)| {
    let (text, offsets) = input;
    // Offsets reach a little past the end, where the index must clamp.
    let offsets: Vec<usize> = offsets
        .iter()
        .map(|&o| usize::from(o) % (text.len() + 8))
        .collect();
    checks::line_index(text, &offsets);
});
