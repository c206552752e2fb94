//! The assertions of the fuzz targets, shared with the tests that replay
//! their crashes (`fuzz_regressions.rs`) and the proptest properties
//! (`props.rs`). `fuzz/fuzz_targets/*.rs` include this file with `#[path]`,
//! so a crash found by fuzzing replays through the very same checks.
//!
//! Each check panics with the input as a Rust string literal, ready to
//! paste into a test.

#![allow(dead_code)]

use gongwen::{Document, Family, LineIndex, Node, ParseError, ParseOptions, Span};
use serde_json::Value;

/// Parses `text` and checks the tree: its invariants hold, no family comes
/// twice along a path of items (so no item is deeper than there are
/// families), it rebuilds the input exactly, and the JSON round trip (to a
/// `serde_json::Value` and back to a `Document`) keeps every node's kind
/// and span, in order. Returns the number of nodes.
pub fn tree(text: &str) -> usize {
    let doc = gongwen::parse_document(text)
        .unwrap_or_else(|e| panic!("refused under the default limit: {e}\ntext: {text:?}"));
    if let Err(v) = doc.validate() {
        panic!("invariant broken: {v}\ntext: {text:?}");
    }
    assert_eq!(doc.rebuild(), text, "rebuild differs\ntext: {text:?}");
    families_distinct_on_paths(doc.children(), &mut Vec::new(), text);

    let nodes: Vec<(&str, Span)> = doc.walk().map(|(_, n)| (n.kind(), n.span())).collect();

    let json = serde_json::to_string(&doc).expect("a tree serialises");
    let value: Value = serde_json::from_str(&json).expect("our JSON is JSON");
    assert_eq!(value["kind"], "compilation", "root kind\ntext: {text:?}");
    assert_eq!(
        span_of(&value),
        Some(doc.span()),
        "root span\ntext: {text:?}"
    );
    let mut from_value = Vec::new();
    collect(&value["children"], &mut from_value);
    let from_value: Vec<(&str, Span)> = from_value.iter().map(|(k, s)| (k.as_str(), *s)).collect();
    assert_eq!(from_value, nodes, "JSON nodes differ\ntext: {text:?}");

    let back: Document<'_> = serde_json::from_str(&json).expect("our JSON reads back");
    let back_nodes: Vec<(&str, Span)> = back.walk().map(|(_, n)| (n.kind(), n.span())).collect();
    assert_eq!(
        back_nodes, nodes,
        "deserialised nodes differ\ntext: {text:?}"
    );
    assert_eq!(
        back.children(),
        doc.children(),
        "deserialised tree differs\ntext: {text:?}"
    );
    assert_eq!(
        back.gaps(),
        doc.gaps(),
        "deserialised gaps differ\ntext: {text:?}"
    );
    assert_eq!(
        back.diagnostics(),
        doc.diagnostics(),
        "deserialised diagnostics differ\ntext: {text:?}"
    );
    nodes.len()
}

/// Items nest by family: a family already open closes what is deeper, so
/// none comes twice on a path and the depth is bounded by the families.
fn families_distinct_on_paths(nodes: &[Node<'_>], path: &mut Vec<Family>, text: &str) {
    for node in nodes {
        match node {
            Node::Heading(item) => {
                let f = item.marker.family;
                assert!(
                    !path.contains(&f),
                    "{f} nested in {f} at {:?} (path {path:?})\ntext: {text:?}",
                    item.span
                );
                path.push(f);
                families_distinct_on_paths(&item.children, path, text);
                path.pop();
            }
            other => families_distinct_on_paths(other.children(), path, text),
        }
    }
}

/// `{"start": B, "end": B}` of a node object.
fn span_of(node: &Value) -> Option<Span> {
    let span = node.get("span")?;
    let start = usize::try_from(span.get("start")?.as_u64()?).ok()?;
    let end = usize::try_from(span.get("end")?.as_u64()?).ok()?;
    Some(Span::new(start, end))
}

/// Kinds and spans of the node objects in `children`, depth first, as
/// `Document::walk` lists them; every node must have both.
fn collect(children: &Value, out: &mut Vec<(String, Span)>) {
    let Some(list) = children.as_array() else {
        assert!(children.is_null(), "children is not a list: {children}");
        return;
    };
    for node in list {
        let kind = node
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("node without a kind: {node}"));
        let span = span_of(node).unwrap_or_else(|| panic!("node without a span: {node}"));
        out.push((kind.to_owned(), span));
        collect(&node["children"], out);
    }
}

/// `LineIndex` at every char boundary of `text` and at `offsets` (also past
/// the end and inside characters): line and column stay in range, never go
/// back as the offset grows, and agree with a plain scan (an offset inside
/// a character counts as that character).
pub fn line_index(text: &str, offsets: &[usize]) {
    let index = LineIndex::new(text);
    let lines = reference_line_starts(text);
    assert_eq!(index.len(), lines.len(), "line count\ntext: {text:?}");

    let mut all: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    all.extend_from_slice(offsets);
    all.sort_unstable();
    all.dedup();

    let mut prev = (1, 1);
    for &offset in &all {
        let (line, col) = index.line_col(text, offset);
        assert!(
            (1..=index.len()).contains(&line) && col >= 1,
            "{offset} gives {line}:{col}\ntext: {text:?}"
        );
        assert!(
            (line, col) >= prev,
            "{offset} goes back to {line}:{col} from {prev:?}\ntext: {text:?}"
        );
        prev = (line, col);
        assert_eq!(index.line(offset), line, "line of {offset}\ntext: {text:?}");

        let clamped = offset.min(text.len());
        let start = index
            .line_start(line)
            .expect("a line it reported has a start");
        assert!(
            start <= clamped,
            "line {line} starts at {start}, after {offset}\ntext: {text:?}"
        );
        let want_line = lines.partition_point(|&s| s <= clamped);
        let want_start = lines[want_line - 1];
        assert_eq!(
            (line, start),
            (want_line, want_start),
            "line of {offset}\ntext: {text:?}"
        );
        let before = text[want_start..]
            .char_indices()
            .take_while(|(i, c)| want_start + i + c.len_utf8() <= clamped)
            .count();
        assert_eq!(col, before + 1, "column of {offset}\ntext: {text:?}");
    }
}

/// Line starts by a plain byte scan: `\n`, `\r\n` and a lone `\r` end a line;
/// a final line end starts one more (empty) line.
fn reference_line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                i += 2;
                starts.push(i);
            }
            b'\n' | b'\r' => {
                i += 1;
                starts.push(i);
            }
            _ => i += 1,
        }
    }
    starts
}

/// `parse_document_with` under `limit`: Ok exactly when the input fits,
/// otherwise `TooLarge` with a message naming the limit and the size.
pub fn limit(limit: usize, text: &str) {
    let options = ParseOptions::default().max_input_bytes(limit);
    match gongwen::parse_document_with(text, &options) {
        Ok(doc) => {
            assert!(
                text.len() <= limit,
                "{} bytes passed a limit of {limit}",
                text.len()
            );
            assert_eq!(doc.rebuild(), text);
        }
        Err(err) => {
            assert!(
                text.len() > limit,
                "{} bytes refused under a limit of {limit}: {err}",
                text.len()
            );
            assert_eq!(
                err,
                ParseError::TooLarge {
                    len: text.len(),
                    limit
                }
            );
            let message = err.to_string();
            assert!(
                message.contains(&format!("limit of {limit} bytes")),
                "{message:?} does not name the limit {limit}"
            );
            assert!(
                message.contains(&format!("{} bytes", text.len())),
                "{message:?} does not name the size"
            );
        }
    }
}
