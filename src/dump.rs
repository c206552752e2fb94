//! Text renderings of a tree: the outline a person reads, and the full dump
//! the golden tests compare.

use std::fmt::{self, Write};

use crate::lines::LineIndex;
use crate::tree::{Compilation, Node};

impl Compilation<'_> {
    /// The outline for a person: one line per document and per item, with
    /// its line number, indented by depth.
    ///
    /// ```text
    /// L81   ## xxx在全市农村工作会议上的讲话摘要 [speech]
    /// L87       一、 对我市今年以来社会保险扩面征缴工作的评价
    /// L93           1. 再认识
    /// ```
    pub fn outline(&self) -> String {
        let index = self.line_index();
        let mut out = String::new();
        for (depth, node) in self.walk() {
            let line = index.line(node.span().start);
            match node {
                Node::Document(p) => {
                    let title = p
                        .title()
                        .map_or_else(|| "(untitled)".to_owned(), |t| t.into_owned());
                    let _ = writeln!(out, "L{line:<5}## {title} [{}]", p.genre.name());
                    write_frame(&mut out, &p.frame);
                }
                Node::Item(item) => {
                    let marker = item.marker_text();
                    let _ = writeln!(
                        out,
                        "L{line:<5}{:indent$}{marker} {}",
                        "",
                        item.heading,
                        indent = depth * 4
                    );
                }
                _ => {}
            }
        }
        out
    }

    /// Every node, one per line: line number, depth, kind, span and what
    /// identifies it (marker family and ordinal, genre, the first characters
    /// of its text). Stable enough to commit as a golden file.
    pub fn dump(&self) -> String {
        let index = self.line_index();
        let mut out = String::new();
        for (depth, node) in self.walk() {
            let _ = write_node(&mut out, index, depth, node);
        }
        for d in self.diagnostics() {
            let (line, col) = (d.line, d.column);
            let _ = writeln!(out, "! {line}:{col} {} {}", d.code.name(), d.message);
        }
        out
    }
}

fn write_node(out: &mut String, index: &LineIndex, depth: usize, node: &Node<'_>) -> fmt::Result {
    let span = node.span();
    write!(
        out,
        "{:>4} {:indent$}{} {:?}",
        index.line(span.start),
        "",
        node.kind(),
        span,
        indent = depth * 2
    )?;
    match node {
        Node::Document(p) => write!(out, " {}", p.genre.name())?,
        Node::Item(i) => write!(
            out,
            " {} {} {:?}",
            i.marker.family,
            i.marker.ordinal,
            preview(&i.heading)
        )?,
        Node::Meta(m) => write!(out, " {:?}={:?}", m.key, preview(&m.value))?,
        Node::Noise(n) => write!(out, " {:?} {:?}", n.cause, preview(&n.text))?,
        other => write!(out, " {:?}", preview(other.text().unwrap_or("")))?,
    }
    out.push('\n');
    if let Node::Document(p) = node {
        write_frame(out, &p.frame);
    }
    Ok(())
}

/// The first 16 characters of a text.
fn preview(text: &str) -> &str {
    let end = text.char_indices().nth(16).map_or(text.len(), |(i, _)| i);
    text.get(..end).unwrap_or(text)
}

impl fmt::Display for Compilation<'_> {
    /// Writes [`Compilation::outline`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.outline())
    }
}

/// The frame's elements under a document's line in the outline, one per
/// line: `      number: 国办发〔2018〕123号`.
fn write_frame(out: &mut String, frame: &crate::frame::Frame<'_>) {
    let join = |fields: &[crate::frame::Field<'_>]| {
        fields
            .iter()
            .map(|f| f.text.as_ref())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let date = |d: &crate::frame::DateField| {
        format!("{}-{:02}-{:02}", d.date.year, d.date.month, d.date.day)
    };
    let mut rows: Vec<(&str, String)> = Vec::new();
    let one = |f: &Option<crate::frame::Field<'_>>| f.as_ref().map(|f| f.text.to_string());
    rows.extend(one(&frame.issuer_mark).map(|v| ("issuer mark", v)));
    rows.extend(one(&frame.number).map(|v| ("number", v)));
    if !frame.addressees.is_empty() {
        rows.push(("addressees", join(&frame.addressees)));
    }
    rows.extend(one(&frame.speaker).map(|v| ("speaker", v)));
    rows.extend(one(&frame.occasion).map(|v| ("occasion", v)));
    for m in &frame.meeting {
        rows.push(("meeting", format!("{}: {}", m.key, m.value)));
    }
    if !frame.attachments.is_empty() {
        let names: Vec<_> = frame
            .attachments
            .iter()
            .map(|a| format!("{}. {}", a.ordinal, a.name))
            .collect();
        rows.push(("attachments", names.join("; ")));
    }
    if !frame.issuers.is_empty() {
        rows.push(("issuers", join(&frame.issuers)));
    }
    rows.extend(frame.date.as_ref().map(|d| ("date", date(d))));
    if !frame.notes.is_empty() {
        rows.push(("notes", join(&frame.notes)));
    }
    if !frame.cc.is_empty() {
        rows.push(("cc", join(&frame.cc)));
    }
    rows.extend(one(&frame.printed_by).map(|v| ("printed by", v)));
    rows.extend(frame.printed_on.as_ref().map(|d| ("printed on", date(d))));
    for (key, value) in rows {
        let _ = writeln!(out, "{:6}{key}: {value}", "");
    }
}
