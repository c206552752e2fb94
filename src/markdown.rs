//! The outline rendered as Markdown: document titles as `#`, items as `##`,
//! `###` ... by depth, everything else as paragraphs. Web debris is left out.

use std::fmt::Write;

use crate::tree::{Compilation, Document, Item, Node};

impl Compilation<'_> {
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
            src: &self.source,
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

    fn piece(&mut self, piece: &Document<'_>, not_first: bool) {
        match piece.title() {
            Some(title) => self.block(&format!("# {}", escape_inline(&title))),
            None if not_first => self.block("---"),
            None => {}
        }
        self.nodes(&piece.children, 1);
    }

    fn nodes(&mut self, nodes: &[Node<'_>], depth: usize) {
        let mut in_list = false;
        // An addressee broken over rows is one paragraph.
        let mut address = String::new();
        for node in nodes {
            if let Node::Salutation(l) = node {
                address.push_str(&l.text);
                continue;
            }
            if !address.is_empty() {
                self.block(&escape_start(&std::mem::take(&mut address)));
                in_list = false;
            }
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
                Node::Item(item) => self.item(item, depth),
                other => self.leaf(other),
            }
            in_list = false;
        }
        if !address.is_empty() {
            self.block(&escape_start(&address));
        }
    }

    fn item(&mut self, item: &Item<'_>, depth: usize) {
        let marker = item.marker.span.slice(self.src).unwrap_or("");
        let hashes = "#".repeat((depth + 1).min(6));
        let mut line = String::new();
        let _ = write!(line, "{hashes} {marker}{}", escape_inline(&item.heading));
        self.block(line.trim_end());
        // What follows the heading on the item's own line, read from its
        // text (joined, when a page's width broke the line).
        let after = match item.text.find(item.heading.as_ref()) {
            Some(at) if !item.heading.is_empty() => at + item.heading.len(),
            _ => item.marker.span.len().min(item.text.len()),
        };
        let rest = item
            .text
            .get(after..)
            .unwrap_or("")
            .trim_start_matches(|c| {
                matches!(c, '*' | '_') || crate::chars::ends_clause(c) || crate::chars::is_colon(c)
            })
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
    fn an_addressee_over_rows_and_a_joined_item_line_read_whole() {
        // An addressee broken after a comma (two rows), and an item whose
        // line a page's width broke with a page number between.
        let mut text = String::from("关于加强管理的通知\n各乡镇人民政府，\n县直各单位：\n");
        for p in [
            "各地区各部门要坚持以人民为中心的发展思想，统筹发展和安全，扎实推进各项工作，切实把决策部署落到实处。",
            "市直各单位要严格落实安全生产责任制，全面排查整治各类风险隐患，做到早发现早报告早处置，保障群众安全。",
            "会议强调，要进一步提高政治站位，增强责任意识，把思想和行动统一到上级决策部署上来，推动任务落地见效。",
        ] {
            let chars: Vec<char> = p.chars().collect();
            for piece in chars.chunks(20) {
                text.extend(piece);
                text.push('\n');
            }
        }
        text.push_str("一、加强领导。各单位要加强组织领导，落实工作责任，确保各项\n—1—\n工作落到实处，取得实效，推动经济社会持续健康发展。\n");
        let doc = crate::parse_document(&text).unwrap();
        let md = doc.to_markdown();
        assert!(md.contains("各乡镇人民政府，县直各单位："), "{md}");
        assert!(
            md.contains("各单位要加强组织领导，落实工作责任，确保各项工作落到实处"),
            "{md}"
        );
        assert!(!md.contains("—1—"), "{md}");
    }

    #[test]
    fn paragraphs_that_look_like_markdown_are_escaped() {
        assert_eq!(escape_start("2.5亿元"), "2\\.5亿元");
        assert_eq!(escape_start("# 不是标题"), "\\# 不是标题");
        assert_eq!(escape_start("正文"), "正文");
    }
}
