//! Splitting the input into lines, and translating byte offsets to line/column.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`. Every byte of the input belongs to
//! exactly one line (its content or its terminator), so the line table is the
//! backbone of the lossless cover.

use crate::span::Span;

/// One physical line: `span` is its content without the terminator; `next` is
/// where the following line starts (after `\n`, `\r\n` or `\r`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawLine {
    pub span: Span,
    pub next: usize,
}

/// Iterator over the physical lines of a text, found with `memchr2`.
pub(crate) struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Lines {
            bytes: text.as_bytes(),
            pos: 0,
        }
    }
}

impl Iterator for Lines<'_> {
    type Item = RawLine;

    fn next(&mut self) -> Option<RawLine> {
        let bytes = self.bytes;
        let start = self.pos;
        if start >= bytes.len() {
            return None;
        }
        let rest = bytes.get(start..)?;
        let (end, next) = match memchr::memchr2(b'\n', b'\r', rest) {
            None => (bytes.len(), bytes.len()),
            Some(i) => {
                let end = start + i;
                let crlf = bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n');
                (end, if crlf { end + 2 } else { end + 1 })
            }
        };
        self.pos = next;
        Some(RawLine {
            span: Span::new(start, end),
            next,
        })
    }
}

/// Where a line's text begins and ends once indentation, a Markdown heading
/// prefix (`#`, `##` ...) and trailing whitespace are set aside.
///
/// Returns the byte span of the text inside `line` (absolute offsets); an
/// empty span means the line is blank. The number is how many Markdown `#`
/// preceded the text (0 for none).
pub(crate) fn text_bounds(text: &str, line: Span) -> (Span, u8) {
    let Some(s) = text.get(line.range()) else {
        return (Span::new(line.start, line.start), 0);
    };
    let trimmed_start = s.trim_start_matches(is_space);
    let mut lead = s.len() - trimmed_start.len();
    let mut markdown = 0u8;
    let after_hash = trimmed_start.trim_start_matches('#');
    let hashes = trimmed_start.len() - after_hash.len();
    // CommonMark wants a space after the hashes; Chinese Markdown often
    // omits it (`#一、总则`), so a non-ASCII character right after them counts
    // too, while `#3` or `#tag` stays text.
    let spaced =
        after_hash.starts_with(is_space) || after_hash.starts_with(|c: char| !c.is_ascii());
    if (1..=6).contains(&hashes) && spaced {
        let after = after_hash.trim_start_matches(is_space);
        if !after.is_empty() {
            markdown = u8::try_from(hashes).unwrap_or(6);
            lead = s.len() - after.len();
        }
    }
    let body = s.get(lead..).unwrap_or("");
    let trimmed = body.trim_end_matches(is_space);
    let start = line.start + lead;
    (Span::new(start, start + trimmed.len()), markdown)
}

/// Whitespace as the annotation counts it: Unicode white space (ASCII space,
/// tab, U+3000 ideographic space, U+00A0 ...) plus the zero-width no-break
/// space that editors leave behind as a stray BOM.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Translates byte offsets into 1-based line and column numbers.
///
/// Columns count characters, not bytes, as editors and compilers report them.
/// Build it once per text; each lookup is a binary search.
///
/// ```
/// let text = "一、总则\n（一）适用范围";
/// let index = gongwen::LineIndex::new(text);
/// assert_eq!(index.line_col(text, 0), (1, 1));
/// assert_eq!(index.line_col(text, "一、总则\n（".len()), (2, 2));
/// ```
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Builds the table of line starts of `text` (`\n`, `\r\n` and lone `\r`
    /// all end a line).
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            Lines::new(text)
                .map(|l| l.next)
                .filter(|&n| n < text.len() || text.ends_with(['\n', '\r'])),
        );
        starts.dedup();
        LineIndex { starts }
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True for the index of an empty text (it still has one empty line).
    pub fn is_empty(&self) -> bool {
        self.starts.len() <= 1
    }

    /// 1-based line number holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// 1-based line and column (in characters) of byte `offset` in `text`,
    /// the text this index was built from. An offset inside a character
    /// counts as that character.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let end = offset.min(text.len());
        // Characters that end at or before the offset: an offset inside a
        // character counts as that character, not the one after it.
        let col = text
            .get(start..)
            .map(|s| {
                s.char_indices()
                    .take_while(|(i, c)| start + i + c.len_utf8() <= end)
                    .count()
            })
            .unwrap_or(0);
        (line, col + 1)
    }

    /// Byte offset where 1-based `line` starts, if there is such a line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(usize, usize, usize)> {
        Lines::new(text)
            .map(|l| (l.span.start, l.span.end, l.next))
            .collect()
    }

    #[test]
    fn lf_crlf_and_lone_cr_all_end_a_line() {
        assert_eq!(
            spans("a\nb\r\nc\rd"),
            vec![(0, 1, 2), (2, 3, 5), (5, 6, 7), (7, 8, 8)]
        );
    }

    #[test]
    fn trailing_newline_gives_no_extra_line() {
        assert_eq!(spans("a\n"), vec![(0, 1, 2)]);
        assert_eq!(spans(""), vec![]);
    }

    #[test]
    fn text_bounds_skip_ideographic_indent_and_markdown_prefix() {
        let t = "\u{3000}\u{3000}## 一、总则  ";
        let (span, md) = text_bounds(t, Span::new(0, t.len()));
        assert_eq!(md, 2);
        assert_eq!(&t[span.range()], "一、总则");
        let t = "#";
        let (span, md) = text_bounds(t, Span::new(0, 1));
        assert_eq!(md, 0);
        assert_eq!(&t[span.range()], "#");
        let t = "#3 不是标题";
        assert_eq!(text_bounds(t, Span::new(0, t.len())).1, 0);
        let t = "#一、总则";
        assert_eq!(text_bounds(t, Span::new(0, t.len())).1, 1);
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "一二\r\n三四\r五";
        let idx = LineIndex::new(text);
        assert_eq!(idx.len(), 3);
        assert_eq!(idx.line_col(text, 3), (1, 2));
        assert_eq!(idx.line_col(text, 8), (2, 1));
        assert_eq!(idx.line_col(text, 11), (2, 2));
        assert_eq!(idx.line_col(text, 15), (3, 1));
        assert_eq!(idx.line_start(2), Some(8));
        assert_eq!(idx.line_start(0), None);
    }
}
