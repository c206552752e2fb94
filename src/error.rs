//! Errors: what cannot be parsed at all or breaks a configured limit.
//!
//! Irregular text (lost headings, skipped numbers, mixed widths) is never an
//! error; it is read as well as a reader would and noted in
//! [`Compilation::diagnostics`](crate::Compilation::diagnostics).

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
    /// The bytes are not valid in the encoding their BOM announced.
    #[error("input is not valid {encoding}: undecodable bytes at byte {offset}")]
    Decode {
        /// The encoding the bytes were read as.
        encoding: &'static str,
        /// Offset of the first undecodable byte in the input.
        offset: usize,
    },
    /// Bytes without a BOM that are neither UTF-8 nor GB18030.
    #[error(
        "input is neither UTF-8 (invalid from byte {utf8_offset}) nor GB18030 (invalid at byte {gb18030_offset})"
    )]
    Undecodable {
        /// Where the bytes stop being UTF-8.
        utf8_offset: usize,
        /// Where the bytes stop being GB18030.
        gb18030_offset: usize,
    },
}

/// Why a question put to a finished tree, or a tree read back from JSON,
/// has no answer.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TreeError {
    /// A byte offset past the end of the text (the end itself is a place:
    /// after the last character).
    #[error("byte offset {offset} is past the end of the {len}-byte text")]
    OffsetPastEnd {
        /// The offset asked for.
        offset: usize,
        /// Length of the text in bytes.
        len: usize,
    },
    /// The JSON is not a tree as [`Compilation`](crate::Compilation)
    /// serialises it.
    #[error("not a gongwen tree: {0}")]
    Json(String),
    /// The JSON is a tree, but not one of the source text it was given
    /// with: a span lies outside it, or a node's text differs from the
    /// text under its span.
    #[error("the tree does not fit its source text: {0}")]
    SourceMismatch(crate::Violation),
}
