//! Chunks for retrieval: pieces of at most N characters that keep the
//! outline's heading path.

use std::borrow::Cow;

use serde::Serialize;

use crate::span::Span;
use crate::tree::{Compilation, Node};

/// A piece of the input for a retrieval index.
///
/// Chunks never cross a document boundary. They break at outline boundaries
/// first (whole items, whole paragraphs), then at sentence ends, and only
/// then at an arbitrary character. No chunk is longer than the maximum
/// (counted in characters of `text`, line breaks between blocks included).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Chunk<'a> {
    /// Index of the document (0-based, in [`Compilation::documents`] order);
    /// `None` for front matter of the compilation.
    pub document: Option<usize>,
    /// The document's title, then the heading texts of the items that
    /// contain the whole chunk, outermost first.
    pub path: Vec<Cow<'a, str>>,
    /// The bytes of the chunk in the input.
    pub span: Span,
    /// Length of `text` in characters.
    pub chars: usize,
    /// The text under `span`.
    pub text: &'a str,
}

impl<'a> Compilation<'a> {
    /// Splits the input into chunks of at most `max_chars` characters (a
    /// maximum of 0 counts as 1); web debris between documents is left
    /// out.
    ///
    /// ```
    /// let text = "某某会议上的讲话\n一、统一思想。要提高认识，加强学习。\n二、狠抓落实。要明确责任。\n";
    /// let doc = gongwen::parse_document(text)?;
    /// let chunks = doc.chunks(20);
    /// assert!(chunks.iter().all(|c| c.chars <= 20));
    /// assert_eq!(chunks[1].path, ["某某会议上的讲话", "统一思想"]);
    /// assert_eq!(chunks[1].text, "一、统一思想。要提高认识，加强学习。");
    /// # Ok::<(), gongwen::ParseError>(())
    /// ```
    pub fn chunks(&self, max_chars: usize) -> Vec<Chunk<'_>> {
        let mut p = Packer {
            src: &self.source,
            max: max_chars.max(1),
            document: None,
            out: Vec::new(),
        };
        let mut front: Vec<Unit<'_, 'a>> = Vec::new();
        let mut index = 0;
        for node in &self.children {
            match node {
                Node::Document(piece) => {
                    p.pack(&front, &[]);
                    front.clear();
                    p.document = Some(index);
                    index += 1;
                    // A document that fits packs into one group spanning
                    // it whole; one that is a single item gets that item's
                    // heading on its path like any group of one item.
                    let path: Vec<Cow<'a, str>> = piece.title().into_iter().collect();
                    let units: Vec<_> = piece.children.iter().map(Unit::Node).collect();
                    p.pack(&units, &path);
                    p.document = None;
                }
                Node::Noise(_) => {
                    p.pack(&front, &[]);
                    front.clear();
                }
                other => front.push(Unit::Node(other)),
            }
        }
        p.pack(&front, &[]);
        p.out
    }
}

/// What a chunk is packed from: a node, or the own line of an item.
#[derive(Clone, Copy)]
enum Unit<'n, 'a> {
    Node(&'n Node<'a>),
    Line(Span),
}

impl Unit<'_, '_> {
    fn span(&self) -> Span {
        match self {
            Unit::Node(n) => n.span(),
            Unit::Line(s) => *s,
        }
    }
}

struct Packer<'a> {
    src: &'a str,
    max: usize,
    document: Option<usize>,
    out: Vec<Chunk<'a>>,
}

impl<'a> Packer<'a> {
    fn chars(&self, span: Span) -> usize {
        span.slice(self.src).map_or(0, |t| t.chars().count())
    }

    fn emit(&mut self, span: Span, path: Vec<Cow<'a, str>>) {
        let text = span.slice(self.src).unwrap_or("");
        if text.is_empty() {
            return;
        }
        self.out.push(Chunk {
            document: self.document,
            path,
            span,
            chars: text.chars().count(),
            text,
        });
    }

    /// Packs consecutive units greedily; a unit too large alone is opened
    /// up (an item into its line and children) or split by sentences.
    fn pack(&mut self, units: &[Unit<'_, 'a>], path: &[Cow<'a, str>]) {
        // The group being filled: its span, its length in chars, and its
        // only unit while it has just one.
        let mut group: Option<(Span, usize, Option<Unit<'_, 'a>>)> = None;
        for &unit in units {
            let span = unit.span();
            let n = self.chars(span);
            if n <= self.max {
                if let Some((g, len, _)) = group {
                    let joined = len + self.chars(Span::new(g.end, span.start)) + n;
                    if joined <= self.max {
                        group = Some((Span::new(g.start, span.end), joined, None));
                        continue;
                    }
                    self.flush(group.take(), path);
                }
                group = Some((span, n, Some(unit)));
                continue;
            }
            self.flush(group.take(), path);
            match unit {
                Unit::Node(Node::Item(item)) => {
                    let mut inner = path.to_vec();
                    inner.push(item.heading.clone());
                    let mut parts = vec![Unit::Line(item.line_span)];
                    parts.extend(item.children.iter().map(Unit::Node));
                    self.pack(&parts, &inner);
                }
                _ => self.split_sentences(span, path),
            }
        }
        self.flush(group, path);
    }

    fn flush(&mut self, group: Option<(Span, usize, Option<Unit<'_, 'a>>)>, path: &[Cow<'a, str>]) {
        let Some((span, _, only)) = group else { return };
        let mut path = path.to_vec();
        if let Some(Unit::Node(Node::Item(item))) = only {
            path.push(item.heading.clone());
        }
        self.emit(span, path);
    }

    /// Splits one long block at sentence ends, packing sentences up to the
    /// maximum; a sentence longer than that is cut every `max` characters.
    fn split_sentences(&mut self, span: Span, path: &[Cow<'a, str>]) {
        let Some(text) = span.slice(self.src) else {
            return;
        };
        let mut piece_start = 0; // byte offset in `text` of the current chunk
        let mut piece_chars = 0;
        let mut sentence_start = 0;
        let mut sentence_chars = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            sentence_chars += 1;
            let closes = crate::chars::ends_clause(c);
            let next_is_closer = chars
                .peek()
                .is_some_and(|&(_, d)| matches!(d, '”' | '’' | '」' | '』' | '）' | ')'));
            let end = i + c.len_utf8();
            if (closes && !next_is_closer) || end == text.len() || sentence_chars == self.max {
                // The sentence text[sentence_start..end] is complete (or cut).
                if piece_chars + sentence_chars > self.max && piece_chars > 0 {
                    self.emit(
                        Span::new(span.start + piece_start, span.start + sentence_start),
                        path.to_vec(),
                    );
                    piece_start = sentence_start;
                    piece_chars = 0;
                }
                piece_chars += sentence_chars;
                sentence_start = end;
                sentence_chars = 0;
            }
        }
        if piece_start < text.len() {
            self.emit(Span::new(span.start + piece_start, span.end), path.to_vec());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parse_document;

    #[test]
    fn long_paragraphs_split_at_sentence_ends() {
        let text = "甲乙丙丁。戊己庚辛。壬癸子丑。";
        let doc = parse_document(text).unwrap();
        let chunks: Vec<_> = doc.chunks(10).into_iter().map(|c| c.text).collect();
        assert_eq!(chunks, ["甲乙丙丁。戊己庚辛。", "壬癸子丑。"]);
    }

    #[test]
    fn a_sentence_longer_than_the_maximum_is_cut() {
        let text = "一二三四五六七八九十甲乙";
        let doc = parse_document(text).unwrap();
        let chunks: Vec<_> = doc.chunks(5).into_iter().map(|c| c.text).collect();
        assert_eq!(chunks, ["一二三四五", "六七八九十", "甲乙"]);
    }

    #[test]
    fn a_document_that_is_one_item_has_its_heading_on_the_path() {
        // Found by the chunks property: the whole-document chunk left out
        // the heading of the item it consists of.
        let doc = parse_document("一、统一思想。要提高认识。").unwrap();
        let chunks = doc.chunks(40);
        assert_eq!(chunks.len(), 1);
        assert_eq!(chunks[0].path, ["统一思想"]);
    }

    #[test]
    fn zero_counts_as_one() {
        let doc = parse_document("甲乙").unwrap();
        assert_eq!(doc.chunks(0).len(), 2);
    }
}
