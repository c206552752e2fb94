//! Splitting the input into lines, and translating byte offsets to line/column.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`. Every byte of the input belongs to
//! exactly one line (its content or its terminator), so the line table is the
//! backbone of the lossless cover.

use crate::error::TreeError;
use crate::span::Span;

/// One physical line: `span` is its content without the terminator; `next` is
/// where the following line starts (after `\n`, `\r\n` or `\r`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawLine {
    pub span: Span,
    pub next: usize,
}

/// Iterator over the physical lines of a text, found with `memchr2`.
#[derive(Clone, Debug)]
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
/// prefix (`#`, `##` ...) or list bullet (`- `, `* `) and trailing
/// whitespace are set aside.
///
/// `bounds.span` is the byte span of the text inside `line` (absolute
/// offsets); an empty span means the line is blank.
pub(crate) fn text_bounds(text: &str, line: Span) -> Bounds {
    let blank = Bounds {
        span: Span::new(line.start, line.start),
        hashes: 0,
        bullet: false,
        indent: 0,
    };
    let Some(s) = text.get(line.range()) else {
        return blank;
    };
    // A blank line has nothing to set aside.
    if s.is_empty() {
        return blank;
    }
    // Most lines of a 公文 open with an ideograph or a bracket, after no
    // indentation, ideographic spaces (GB/T 9704's two-character indent)
    // or (laid out by position, a PDF's text) ASCII spaces: no Markdown
    // prefix or bullet to set aside, only those spaces and the trailing
    // ones.
    let spaces = plain_indent(s.as_bytes());
    if let Some(rest) = s.get(spaces..).filter(|r| opens_plainly(r)) {
        let trimmed = trim_end_space(rest);
        let start = line.start + spaces;
        return Bounds {
            span: Span::new(start, start + trimmed.len()),
            hashes: 0,
            bullet: false,
            indent: spaces,
        };
    }
    laid_out_bounds(s, line.start)
}

/// Bytes of ASCII spaces and ideographic spaces (U+3000, `E3 80 80`) at the
/// start of `s`.
fn plain_indent(s: &[u8]) -> usize {
    let mut at = 0;
    loop {
        match s.get(at..) {
            Some([b' ', ..]) => at += 1,
            Some([0xE3, 0x80, 0x80, ..]) => at += 3,
            _ => return at,
        }
    }
}

/// [`text_bounds`] of a line `s` starting at `line_start`, by the general rule
/// (the only one for a line that opens with a space, `#` or a bullet).
fn laid_out_bounds(s: &str, line_start: usize) -> Bounds {
    let trimmed_start = s.trim_start_matches(is_space);
    let indent = s.len() - trimmed_start.len();
    let mut lead = indent;
    let mut markdown = 0u8;
    let mut bullet = false;
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
    } else if let Some(after) = markdown_bullet(trimmed_start) {
        // `- 时间：…`: a list bullet is layout, like `#`.
        bullet = true;
        lead = s.len() - after.len();
    }
    let body = s.get(lead..).unwrap_or("");
    let trimmed = trim_end_space(body);
    let start = line_start + lead;
    Bounds {
        span: Span::new(start, start + trimmed.len()),
        hashes: markdown,
        bullet,
        indent,
    }
}

/// The first character of `s` is neither white space ([`is_space`]) nor
/// one a Markdown heading or bullet starts with (`#` `-` `*` `+`): told by
/// the first byte alone unless it may start a non-ASCII space (`C2`, `E1`,
/// `E2`, `E3`, `EF`: U+0085, U+00A0, U+1680, U+2000.., U+3000, U+FEFF).
fn opens_plainly(s: &str) -> bool {
    match s.as_bytes().first() {
        None => false,
        Some(b'#' | b'-' | b'*' | b'+') => false,
        Some(&b) if b < 0x80 => !is_space(char::from(b)),
        Some(0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF) => s.chars().next().is_some_and(|c| !is_space(c)),
        Some(_) => true,
    }
}

/// `s` without the white space ([`is_space`]) at its end; a line that
/// does not end with a space is told by its last character alone.
fn trim_end_space(s: &str) -> &str {
    if !may_end_with_space(s.as_bytes()) {
        return s;
    }
    match s.chars().next_back() {
        Some(c) if is_space(c) => s.trim_end_matches(is_space),
        _ => s,
    }
}

/// Whether the last character of UTF-8 `bytes` may be white space
/// ([`is_space`]), told from its bytes: an ASCII one is looked at; a
/// non-ASCII space is two bytes from `C2` (U+0085, U+00A0), three from
/// `E1` or `E2` (U+1680, U+2000..), or exactly `E3 80 80` (U+3000) or
/// `EF BB BF` (U+FEFF), and no other last character has such bytes where
/// that one's would be. (So `。` `，`, which end most lines, are told
/// without decoding.)
fn may_end_with_space(bytes: &[u8]) -> bool {
    match bytes {
        [] => false,
        [.., b] if *b < 0x80 => is_space(char::from(*b)),
        [.., 0xE1 | 0xE2, _, _]
        | [.., 0xE3, 0x80, 0x80]
        | [.., 0xEF, 0xBB, 0xBF]
        | [.., 0xC2, _] => true,
        _ => false,
    }
}

/// What [`text_bounds`] found on one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Bounds {
    /// The text without layout.
    pub span: Span,
    /// How many Markdown `#` preceded the text (0 for none).
    pub hashes: u8,
    /// A Markdown list bullet (`- `, `* `, `+ `) preceded the text.
    pub bullet: bool,
    /// Bytes of white space before the text (or before its `#`/bullet).
    pub indent: usize,
}

/// The text after a Markdown list bullet: `-`, `*` or `+` followed by a
/// space and more text. `- 2 -` (a page counter) and `-1` stay as they are.
fn markdown_bullet(s: &str) -> Option<&str> {
    let rest = s.strip_prefix(['-', '*', '+'])?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let after = rest.trim_start_matches(is_space);
    let page_counter = after
        .trim_end_matches(is_space)
        .strip_suffix(['-', '*', '+'])
        .is_some_and(|n| n.trim_end().bytes().all(|b| b.is_ascii_digit()));
    (!after.is_empty() && !page_counter).then_some(after)
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
/// assert_eq!(index.line_col(text, 0), Ok((1, 1)));
/// assert_eq!(index.line_col(text, "一、总则\n（".len()), Ok((2, 2)));
/// assert!(index.line_col(text, text.len() + 1).is_err());
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
    /// counts as that character; `text.len()` is the place after the last
    /// one; an offset past it is an error.
    pub fn line_col(&self, text: &str, offset: usize) -> Result<(usize, usize), TreeError> {
        if offset > text.len() {
            return Err(TreeError::OffsetPastEnd {
                offset,
                len: text.len(),
            });
        }
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
        Ok((line, col + 1))
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
        let b = text_bounds(t, Span::new(0, t.len()));
        let (span, md) = (b.span, b.hashes);
        assert_eq!(md, 2);
        assert_eq!(&t[span.range()], "一、总则");
        let t = "#";
        let b = text_bounds(t, Span::new(0, 1));
        let (span, md) = (b.span, b.hashes);
        assert_eq!(md, 0);
        assert_eq!(&t[span.range()], "#");
        let t = "#3 不是标题";
        assert_eq!(text_bounds(t, Span::new(0, t.len())).hashes, 0);
        let t = "#一、总则";
        assert_eq!(text_bounds(t, Span::new(0, t.len())).hashes, 1);
    }

    #[test]
    fn a_line_opening_with_an_ideograph_loses_only_its_trailing_space() {
        // (line, its text): the quick path for an ideograph at the start
        // and for a visible ASCII character at the end agrees with the
        // general one.
        for (line, want) in [
            ("一、总则", "一、总则"),
            ("各地区要加强领导  ", "各地区要加强领导"),
            ("各地区要加强领导\u{3000}\u{feff}", "各地区要加强领导"),
            ("各地区 2024 年", "各地区 2024 年"),
            ("各地区 2024\t", "各地区 2024"),
            ("  各地区 2024", "各地区 2024"),
            ("\u{3000}\u{3000}各地区。 ", "各地区。"),
        ] {
            let b = text_bounds(line, Span::new(0, line.len()));
            assert_eq!(b.span.slice(line), Some(want), "{line:?}");
            assert_eq!(b.hashes, 0);
            assert!(!b.bullet);
        }
    }

    #[test]
    fn markdown_bullets_are_layout() {
        let text_of = |t: &'static str| {
            let b = text_bounds(t, Span::new(0, t.len()));
            (&t[b.span.range()], b.bullet)
        };
        for (line, text, bullet) in [
            ("- 时间：2024年5月10日", "时间：2024年5月10日", true),
            ("  * 参会人：张三", "参会人：张三", true),
            ("+ 一、总则", "一、总则", true),
            ("- 2 -", "- 2 -", false),
            ("-1", "-1", false),
            ("——在全市会议上的讲话", "——在全市会议上的讲话", false),
            ("-", "-", false),
        ] {
            assert_eq!(text_of(line), (text, bullet), "{line}");
        }
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "一二\r\n三四\r五";
        let idx = LineIndex::new(text);
        assert_eq!(idx.len(), 3);
        assert_eq!(idx.line_col(text, 3), Ok((1, 2)));
        assert_eq!(idx.line_col(text, 8), Ok((2, 1)));
        assert_eq!(idx.line_col(text, 11), Ok((2, 2)));
        assert_eq!(idx.line_col(text, 15), Ok((3, 1)));
        assert_eq!(idx.line_start(2), Some(8));
        assert_eq!(idx.line_start(0), None);
    }

    proptest::proptest! {
        /// The shortcut for a line that opens plainly gives what the
        /// general rule gives.
        #[test]
        fn the_plain_shortcut_agrees_with_the_general_rule(
            line in "[ \t\u{3000}\u{a0}\u{feff}#*+\\-]{0,3}(\\PC|[（“【\u{2003}])*[ \u{3000}]?"
        ) {
            let at = 5;
            let text = format!("{}{line}", "x\n\n\n\n");
            let general = if line.is_empty() {
                Bounds { span: Span::new(at, at), hashes: 0, bullet: false, indent: 0 }
            } else {
                laid_out_bounds(&line, at)
            };
            proptest::prop_assert_eq!(text_bounds(&text, Span::new(at, text.len())), general);
        }
    }

    /// Every space a line may end with is one `may_end_with_space` lets
    /// through to the decoding check.
    #[test]
    fn every_space_may_end_a_line() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if is_space(c) {
                let s = format!("文{c}");
                assert!(may_end_with_space(s.as_bytes()), "U+{:04X}", u32::from(c));
            }
        }
        assert!(!may_end_with_space("文。".as_bytes()));
        assert!(!may_end_with_space("文，".as_bytes()));
    }

    proptest::proptest! {
        /// The look at the last bytes agrees with trimming by characters.
        #[test]
        fn trim_end_space_agrees_with_trim_end_matches(
            s in "(\\PC|[ \t\u{3000}\u{a0}\u{85}\u{1680}\u{2003}\u{feff}\u{200b}])*"
        ) {
            proptest::prop_assert_eq!(trim_end_space(&s), s.trim_end_matches(is_space));
        }
    }
}
