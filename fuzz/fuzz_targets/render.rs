//! What is read off a tree of arbitrary text (`tests/it/checks.rs`,
//! `renders`): Markdown headings, outline and dump lines match the tree,
//! the Markdown parses into a valid tree itself, inline items lie in order
//! inside their node, diagnostics point at markers with their line and
//! column.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    checks::renders(text);
});
