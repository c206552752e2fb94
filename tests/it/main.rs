//! Integration tests: one binary, one module per concern.

mod api;
mod checks;
mod encoding;
mod examples;
mod feature_props;
mod fuzz_regressions;
mod gold;
mod json_doc;
mod layout;
mod limits;
mod lint;
mod lint_real;
mod model;
mod numerals;
mod output;
mod pdf;
mod props;
mod real;
mod support;
