//! Parser options.

/// Options for [`parse_document_with`](crate::parse_document_with).
///
/// ```
/// let options = gongwen::ParseOptions::default().max_input_bytes(1 << 20);
/// let err = gongwen::parse_document_with(&"一、".repeat(200_000), &options).unwrap_err();
/// assert!(err.to_string().contains("1048576"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Inputs longer than this many bytes are refused with
    /// [`ParseError::TooLarge`](crate::ParseError::TooLarge). Default: 256 MiB.
    pub max_input_bytes: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            max_input_bytes: 256 << 20,
        }
    }
}

impl ParseOptions {
    /// Sets [`ParseOptions::max_input_bytes`].
    pub fn max_input_bytes(mut self, limit: usize) -> Self {
        self.max_input_bytes = limit;
        self
    }
}
