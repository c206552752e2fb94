//! Errors: what cannot be parsed at all or breaks a configured limit.
//!
//! Irregular text (lost headings, skipped numbers, mixed widths) is never an
//! error; it is read as well as a reader would and noted in
//! [`Document::diagnostics`](crate::Document::diagnostics).

/// Why an input could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The input is larger than [`ParseOptions::max_input_bytes`](crate::ParseOptions::max_input_bytes).
    #[error(
        "input is {len} bytes, over the limit of {limit} bytes set by ParseOptions::max_input_bytes"
    )]
    TooLarge {
        /// Size of the input in bytes.
        len: usize,
        /// The configured limit.
        limit: usize,
    },
}
