//! Byte spans into the original input.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the text given to the parser.
///
/// Spans always index the caller's original bytes (before any normalisation)
/// and always fall on `char` boundaries, so `&text[span.range()]` never panics
/// for a span taken from a tree parsed from `text`.
///
/// `Debug` prints the range as `3..9`; serde writes `{"start": 3, "end": 9}`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Makes a span; `start` must not exceed `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The span as a `Range<usize>`, ready to slice the input with.
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// True when `other` lies inside `self` (bounds included).
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers, or `None` when it does not fit `text`.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }
}

impl std::fmt::Debug for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_prints_a_range() {
        assert_eq!(format!("{:?}", Span::new(3, 9)), "3..9");
    }

    #[test]
    fn slice_refuses_a_span_off_a_char_boundary() {
        let text = "一、";
        assert_eq!(Span::new(0, 3).slice(text), Some("一"));
        assert_eq!(Span::new(0, 2).slice(text), None);
        assert_eq!(Span::new(0, 99).slice(text), None);
    }

    #[test]
    fn contains_is_inclusive_of_bounds() {
        assert!(Span::new(2, 8).contains(Span::new(2, 8)));
        assert!(!Span::new(2, 8).contains(Span::new(1, 8)));
    }
}
