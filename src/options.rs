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
    /// [`ParseError::TooLarge`](crate::ParseError::TooLarge). Default: 64 MiB.
    ///
    /// The limit is what bounds memory: the tree of running text takes
    /// about 0.6 bytes of heap per input byte, but text made of nothing but
    /// bare markers (`一、` on every line) takes up to about 50, so the
    /// default keeps the worst case near 3 GiB.
    pub max_input_bytes: usize,
    /// At most this many diagnostics are kept; past it the rest are counted
    /// in [`Compilation::diagnostics_dropped`](crate::Compilation::diagnostics_dropped)
    /// and not built, so hostile input cannot make the list outgrow the
    /// tree. Default: 1000.
    pub max_diagnostics: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            max_input_bytes: 64 << 20,
            max_diagnostics: 1000,
        }
    }
}

impl ParseOptions {
    /// Sets [`ParseOptions::max_input_bytes`].
    pub fn max_input_bytes(mut self, limit: usize) -> Self {
        self.max_input_bytes = limit;
        self
    }

    /// Sets [`ParseOptions::max_diagnostics`].
    pub fn max_diagnostics(mut self, limit: usize) -> Self {
        self.max_diagnostics = limit;
        self
    }
}
