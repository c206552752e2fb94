//! The outline rendered as Markdown: document titles as `#`, items as `##`,
//! `###` ... by depth, everything else as paragraphs. Web debris is left out.

use std::fmt::Write;

use crate::tree::{Document, Item, Node, Piece};

impl Document<'_> {
    /// Renders the tree as Markdown.
    ///
    /// Each document's title becomes a `#` heading (untitled documents after
    /// the first are set off by `---`); an item at depth *d* becomes a
    /// heading of level *d* + 1 (at most 6) holding its marker and lead
    /// clause, with the rest of its line as a paragraph; meta fields become a
    /// list; paragraphs, salutations, closings and signoffs stay text, with
    /// a leading character that Markdown would read as syntax escaped.
    ///
    /// ```
    /// let doc = gongwen::parse_document("某某会议上的讲话\n同志们:\n一、统一思想。要提高认识。\n（一）加强学习\n")?;
    /// assert_eq!(
    ///     doc.to_markdown(),
    ///     "# 某某会议上的讲话\n\n同志们:\n\n## 一、统一思想\n\n要提高认识。\n\n### （一）加强学习\n"
    /// );
    /// # Ok::<(), gongwen::ParseError>(())
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut out = Markdown {
            src: self.source,
            text: String::new(),
        };
        let mut documents = 0;
        for node in &self.children {
            match node {
                Node::Document(piece) => {
                    out.piece(piece, documents > 0);
                    documents += 1;
                }
                Node::Noise(_) => {}
                other => out.leaf(other),
            }
        }
        out.text
    }
}

struct Markdown<'s> {
    src: &'s str,
    text: String,
}

impl Markdown<'_> {
    fn block(&mut self, s: &str) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.text.push_str(s);
        self.text.push('\n');
    }

    fn piece(&mut self, piece: &Piece<'_>, not_first: bool) {
        match piece.title() {
            Some(title) => self.block(&format!("# {}", escape_inline(&title))),
            None if not_first => self.block("---"),
            None => {}
        }
        self.nodes(&piece.children, 1);
    }

    fn nodes(&mut self, nodes: &[Node<'_>], depth: usize) {
        let mut in_list = false;
        for node in nodes {
            match node {
                Node::Title(_) | Node::Noise(_) | Node::Document(_) => continue,
                Node::Meta(m) => {
                    let line = format!("- {}", escape_inline(&m.text));
                    if in_list {
                        self.text.push_str(&line);
                        self.text.push('\n');
                    } else {
                        self.block(&line);
                    }
                    in_list = true;
                    continue;
                }
                Node::Heading(item) => self.item(item, depth),
                other => self.leaf(other),
            }
            in_list = false;
        }
    }

    fn item(&mut self, item: &Item<'_>, depth: usize) {
        let marker = item.marker.span.slice(self.src).unwrap_or("");
        let hashes = "#".repeat((depth + 1).min(6));
        let mut line = String::new();
        let _ = write!(line, "{hashes} {marker}{}", escape_inline(&item.heading));
        self.block(line.trim_end());
        let rest = self
            .src
            .get(item.heading_span.end..item.line.end)
            .unwrap_or("")
            .trim_start_matches(['*', '_', '。', '；', ';', '：', ':', '！', '!', '？', '?'])
            .trim();
        if !rest.is_empty() {
            self.block(&escape_start(rest));
        }
        self.nodes(&item.children, depth + 1);
    }

    fn leaf(&mut self, node: &Node<'_>) {
        if let Some(text) = node.text() {
            self.block(&escape_start(text));
        }
    }
}

/// Escapes what would turn a paragraph into other Markdown: a leading `#`,
/// `>`, `-`, `+`, `*`, `=`, `|`, or a number followed by `.` or `)`.
fn escape_start(text: &str) -> String {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let ordered = digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.' | b')'));
    if ordered {
        let (num, rest) = text.split_at(digits);
        format!("{num}\\{rest}")
    } else if text.starts_with(['#', '>', '-', '+', '*', '=', '|']) {
        format!("\\{text}")
    } else {
        text.to_owned()
    }
}

/// Heading text stays on one line and keeps its `*`/`_` literal.
fn escape_inline(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('*', "\\*")
        .replace('_', "\\_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_that_look_like_markdown_are_escaped() {
        assert_eq!(escape_start("2.5亿元"), "2\\.5亿元");
        assert_eq!(escape_start("# 不是标题"), "\\# 不是标题");
        assert_eq!(escape_start("正文"), "正文");
    }
}
