//! A tree read back from arbitrary JSON, as a user reads a stored outline
//! (`tests/it/checks.rs`, `from_json`): every method answers without
//! panicking though the tree has no source text, and the tree writes back
//! to JSON that reads to the same tree. Seeds are the JSON of parsed
//! texts, so mutations stay close to the schema.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    checks::from_json(data);
});
