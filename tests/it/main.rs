//! Integration tests: one binary, one module per concern.

mod api;
mod encoding;
mod feature_props;
mod gold;
mod layout;
mod lint;
mod output;
mod support;
