//! An outline model rendered in a random layout must parse back to the
//! same shape: documents, and for each item its depth, family and ordinal.
//!
//! The model and its renderer live in `tests/it/model.rs`, shared with the
//! proptest property `props::model_round_trip`; read its header for what is
//! modelled and why. A failure prints the rendered text as a Rust string
//! literal and the expected and actual shapes, ready to paste into
//! `tests/it/fuzz_regressions.rs`.

#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/model.rs"]
mod model;
// The numeral renderer the model writes markers with.
#[path = "../../tests/it/numerals.rs"]
mod numerals;

#[cfg(not(debug_assertions))]
compile_error!("build the fuzz targets with debug assertions (see fuzz/Cargo.toml)");

/// The fuzzer's bytes as the model's source of choices.
struct Fuzzed<'u, 'a>(&'u mut Unstructured<'a>);

impl model::Choices for Fuzzed<'_, '_> {
    fn below(&mut self, n: u32) -> u32 {
        if n <= 1 {
            return 0;
        }
        self.0.int_in_range(0..=n - 1).unwrap_or(0)
    }
}

/// A model case drawn from the fuzzer's bytes.
struct Input(model::Case);

impl std::fmt::Debug for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // `cargo fuzz fmt structured FILE` prints the reproduction.
        let text = self.0.render();
        let actual = gongwen::parse_document(&text)
            .map(|d| model::parsed_shape(&d))
            .unwrap_or_default();
        f.write_str(&model::repro(&text, &self.0.expected(), &actual))
    }
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Input(model::Case::generate(&mut Fuzzed(u))))
    }
}

fuzz_target!(|input: Input| {
    if let Err(report) = model::check(&input.0) {
        panic!("the parser read the model differently:\n{report}");
    }
});
