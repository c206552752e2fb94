//! Integration tests: one binary, one module per concern.

mod api;
mod gold;
mod layout;
mod support;
