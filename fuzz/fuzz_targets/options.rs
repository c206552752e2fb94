//! `parse_document_with` under an arbitrary small size limit
//! (`tests/it/checks.rs`, `limit`): Ok exactly when the input fits, and
//! otherwise an error that names the limit.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/checks.rs"]
mod checks;

fuzz_target!(|input: (u16, &str)| {
    let (limit, text) = input;
    checks::limit(usize::from(limit), text);
});
