//! A tree read back from JSON with its text, as a user reads a stored
//! outline (`tests/it/checks.rs`, `from_json`): the input is a text, a NUL
//! byte and the JSON. Reading never panics; a tree that reads back fits
//! its text, answers every method, and writes back to JSON that reads to
//! the same tree. Seeds are small texts with their JSON, so mutations stay
//! close to the schema.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    checks::from_json(data);
});
