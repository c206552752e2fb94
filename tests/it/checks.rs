//! The assertions of the fuzz targets, shared with the tests that replay
//! their crashes (`fuzz_regressions.rs`) and the proptest properties
//! (`props.rs`). `fuzz/fuzz_targets/*.rs` include this file with `#[path]`,
//! so a crash found by fuzzing replays through the very same checks.
//!
//! Each check panics with the input as a Rust string literal, ready to
//! paste into a test.

#![allow(dead_code)]

use gongwen::{Compilation, Family, LineIndex, Node, ParseError, ParseOptions, Span};
use serde_json::Value;

/// Parses `text` and checks the tree: its invariants hold, no family comes
/// twice along a path of items (so no item is deeper than there are
/// families), it rebuilds the input exactly, and the JSON round trip (to a
/// `serde_json::Value` and back to a `Compilation`) keeps every node's kind
/// and span, in order. Returns the number of nodes.
pub fn tree(text: &str) -> usize {
    let doc = sound(text);
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

    let back = Compilation::from_json(&json, text).expect("our JSON reads back with its text");
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

/// The tree of `text`, which parses under the default limit, keeps its
/// invariants and rebuilds the input byte for byte: what every test of a
/// whole input asks first.
pub fn sound(text: &str) -> Compilation<'_> {
    let doc = gongwen::parse_document(text)
        .unwrap_or_else(|e| panic!("refused under the default limit: {e}\ntext: {text:?}"));
    if let Err(v) = doc.validate() {
        panic!("invariant broken: {v}\ntext: {text:?}");
    }
    assert!(doc.rebuild() == text, "rebuild differs\ntext: {text:?}");
    doc
}

/// Items nest by family: a family already open closes what is deeper, so
/// none comes twice on a path and the depth is bounded by the families.
fn families_distinct_on_paths(nodes: &[Node<'_>], path: &mut Vec<Family>, text: &str) {
    for node in nodes {
        match node {
            Node::Item(item) => {
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
/// `Compilation::walk` lists them; every node must have both.
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
        // A joined line's page furniture comes first, as `walk` gives it.
        collect(&node["reflow"]["furniture"], out);
        collect(&node["children"], out);
    }
}

/// `LineIndex` at every char boundary of `text` and at `offsets` (also past
/// the end and inside characters): line and column stay in range, never go
/// back as the offset grows, and agree with a plain scan (an offset inside
/// a character counts as that character); an offset past the end is an
/// error that names it.
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
        if offset > text.len() {
            assert_eq!(
                index.line_col(text, offset),
                Err(gongwen::TreeError::OffsetPastEnd {
                    offset,
                    len: text.len()
                }),
                "past the end\ntext: {text:?}"
            );
            continue;
        }
        let (line, col) = index.line_col(text, offset).expect("an offset in the text");
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

/// `decode` on arbitrary bytes. Decoded text is exactly what the bytes say
/// (UTF-8 borrowed as it is, UTF-16 re-encodes to the same bytes, GB18030
/// only for bytes that are not UTF-8) and parses into a tree that passes
/// [`tree`]. An error names offsets inside the input, the bytes before
/// them decode, and the message says them. A limit one byte short refuses
/// the input with `TooLarge`. Returns the decoded text's length.
pub fn decoded(bytes: &[u8]) -> usize {
    use gongwen::Encoding;

    if let Some(short) = bytes.len().checked_sub(1) {
        let options = ParseOptions::default().max_input_bytes(short);
        assert_eq!(
            gongwen::decode_with(bytes, &options),
            Err(ParseError::TooLarge {
                len: bytes.len(),
                limit: short
            }),
            "decoded past its limit\nbytes: {bytes:?}"
        );
    }
    let utf8 = std::str::from_utf8(bytes);
    match gongwen::decode(bytes) {
        Ok(decoded) => {
            let text: &str = &decoded.text;
            match decoded.encoding {
                Encoding::Utf8 | Encoding::Utf8Bom => {
                    assert!(
                        matches!(decoded.text, std::borrow::Cow::Borrowed(_)),
                        "UTF-8 copied\nbytes: {bytes:?}"
                    );
                    assert_eq!(text.as_bytes(), bytes, "UTF-8 changed\nbytes: {bytes:?}");
                    assert_eq!(
                        decoded.encoding == Encoding::Utf8Bom,
                        text.starts_with('\u{feff}'),
                        "BOM and encoding disagree\nbytes: {bytes:?}"
                    );
                }
                Encoding::Utf16Le | Encoding::Utf16Be => {
                    let le = decoded.encoding == Encoding::Utf16Le;
                    let mut again: Vec<u8> = if le {
                        vec![0xFF, 0xFE]
                    } else {
                        vec![0xFE, 0xFF]
                    };
                    for unit in text.encode_utf16() {
                        let pair = if le {
                            unit.to_le_bytes()
                        } else {
                            unit.to_be_bytes()
                        };
                        again.extend_from_slice(&pair);
                    }
                    assert_eq!(again, bytes, "UTF-16 does not re-encode\nbytes: {bytes:?}");
                }
                Encoding::Gb18030 => {
                    assert!(utf8.is_err(), "UTF-8 read as GB18030\nbytes: {bytes:?}");
                    assert!(
                        !bytes.starts_with(&[0xEF, 0xBB, 0xBF])
                            && !bytes.starts_with(&[0xFF, 0xFE])
                            && !bytes.starts_with(&[0xFE, 0xFF]),
                        "a BOM overruled\nbytes: {bytes:?}"
                    );
                    assert!(
                        !text.is_empty(),
                        "bytes decoded to nothing\nbytes: {bytes:?}"
                    );
                }
                other => panic!("unknown encoding {other:?}\nbytes: {bytes:?}"),
            }
            tree(text);
            text.len()
        }
        Err(err) => {
            let message = err.to_string();
            let offsets = match err {
                ParseError::Decode { encoding, offset } => {
                    assert!(
                        bytes.starts_with(&[0xEF, 0xBB, 0xBF])
                            || bytes.starts_with(&[0xFF, 0xFE])
                            || bytes.starts_with(&[0xFE, 0xFF]),
                        "{encoding} error without a BOM\nbytes: {bytes:?}"
                    );
                    vec![offset]
                }
                ParseError::Undecodable {
                    utf8_offset,
                    gb18030_offset,
                } => {
                    let valid = utf8.as_ref().err().map(std::str::Utf8Error::valid_up_to);
                    assert_eq!(Some(utf8_offset), valid, "UTF-8 offset\nbytes: {bytes:?}");
                    vec![utf8_offset, gb18030_offset]
                }
                other => panic!("unexpected error {other:?}\nbytes: {bytes:?}"),
            };
            for &offset in &offsets {
                assert!(
                    offset < bytes.len(),
                    "offset {offset} past the input\nbytes: {bytes:?}"
                );
                assert!(
                    message.contains(&format!("byte {offset}")),
                    "{message:?} does not name byte {offset}"
                );
            }
            // The bytes before the last failing offset (GB18030's, for
            // bytes that are neither) decode.
            let last = offsets.last().copied().unwrap_or(0);
            if let Err(e) = gongwen::decode(&bytes[..last]) {
                panic!("the {last} bytes before the error do not decode: {e}\nbytes: {bytes:?}");
            }
            0
        }
    }
}

/// `Compilation::chunks(max)`: no chunk is longer than `max` characters
/// (`chars` counts `text`, which is the input under `span`), chunks come in
/// order without overlapping, never cross a document boundary, and leave
/// out only white space and debris. They break at outline boundaries
/// first: a node that fits lies whole inside one chunk, a document that
/// fits is one chunk. A chunk's path is its document's title, then the
/// heading of every item that contains it, outermost first.
pub fn chunks(text: &str, max: usize) -> usize {
    let doc = gongwen::parse_document(text)
        .unwrap_or_else(|e| panic!("refused under the default limit: {e}\ntext: {text:?}"));
    let max = max.max(1);
    let chunks = doc.chunks(max);
    let chars = |s: Span| text[s.range()].chars().count();
    let documents: Vec<_> = doc.documents().collect();

    let mut end = 0;
    for c in &chunks {
        let here = format!("chunk {:?} of at most {max}\ntext: {text:?}", c.span);
        assert!(c.chars <= max, "too long: {here}");
        assert!(c.chars > 0, "empty: {here}");
        assert!(c.span.start >= end, "overlaps the one before: {here}");
        end = c.span.end;
        assert_eq!(
            Some(c.text),
            c.span.slice(text),
            "text is not its span: {here}"
        );
        assert_eq!(c.chars, c.text.chars().count(), "chars miscounted: {here}");

        let mut want: Vec<String> = Vec::new();
        match c.document {
            Some(i) => {
                let piece = documents
                    .get(i)
                    .unwrap_or_else(|| panic!("no document {i}: {here}"));
                assert!(piece.span.contains(c.span), "crosses its document: {here}");
                want.extend(piece.title().map(|t| t.into_owned()));
            }
            None => assert!(
                documents
                    .iter()
                    .all(|p| p.span.end <= c.span.start || c.span.end <= p.span.start),
                "front chunk inside a document: {here}"
            ),
        }
        want.extend(
            doc.all_items()
                .filter(|(_, item)| item.span.contains(c.span))
                .map(|(_, item)| item.heading.clone().into_owned()),
        );
        assert_eq!(c.path, want, "heading path: {here}");
    }

    for (_, node) in doc.walk() {
        let span = node.span();
        if matches!(node, Node::Noise(_)) || chars(span) > max {
            continue;
        }
        let holders = chunks.iter().filter(|c| c.span.contains(span)).count();
        let cutters = chunks
            .iter()
            .filter(|c| c.span.start < span.end && span.start < c.span.end)
            .count();
        assert!(
            holders == 1 && cutters == 1,
            "{} {span:?} fits in {max} but lies in {holders} chunks and meets {cutters}\ntext: {text:?}",
            node.kind()
        );
        if matches!(node, Node::Document(_)) {
            assert!(
                chunks.iter().any(|c| c.span == span),
                "document {span:?} fits in {max} but is not one chunk\ntext: {text:?}"
            );
        }
    }

    // Everything outside the chunks belongs to no node (white space, a BOM,
    // Markdown syntax: the gaps) or is debris.
    let mut covered = vec![false; text.len()];
    let noise = doc
        .walk()
        .filter(|(_, n)| matches!(n, Node::Noise(_)))
        .map(|(_, n)| n.span());
    let gaps = doc.gaps().iter().copied();
    for s in chunks.iter().map(|c| c.span).chain(noise).chain(gaps) {
        covered[s.range()].fill(true);
    }
    if let Some(i) = covered.iter().position(|&c| !c) {
        panic!("byte {i} left out of the chunks of at most {max}\ntext: {text:?}");
    }
    chunks.len()
}

/// The renderings and what is read off a tree: Markdown has one `#`
/// heading per titled document and one deeper heading per item, in order,
/// each starting with the item's marker; the outline has a line per
/// document and item; the dump a line per node and diagnostic; inline
/// items lie in order inside their node; diagnostics point at item markers
/// with their line and column. The Markdown itself parses into a valid
/// tree. Returns the length of the Markdown.
pub fn renders(text: &str) -> usize {
    let doc = gongwen::parse_document(text)
        .unwrap_or_else(|e| panic!("refused under the default limit: {e}\ntext: {text:?}"));

    let markdown = doc.to_markdown();
    let headings: Vec<&str> = markdown.lines().filter(|l| l.starts_with('#')).collect();
    let mut want = Vec::new();
    let mut items = doc.all_items().peekable();
    for node in doc.children() {
        let Node::Document(piece) = node else {
            continue;
        };
        if piece.title().is_some() {
            want.push(("#".to_owned(), None));
        }
        while let Some((depth, item)) = items.next_if(|(_, i)| piece.span.contains(i.span)) {
            let marker = item.marker.span.slice(text).unwrap_or("");
            want.push(("#".repeat((depth + 1).min(6)), Some(marker)));
        }
    }
    assert_eq!(
        headings.len(),
        want.len(),
        "Markdown headings: {headings:?}\ntext: {text:?}"
    );
    for (line, (hashes, marker)) in headings.iter().zip(&want) {
        let rest = line
            .strip_prefix(hashes.as_str())
            .and_then(|r| r.strip_prefix(' '));
        let ok = match (rest, marker) {
            (Some(rest), Some(marker)) => rest.starts_with(marker),
            (Some(_), None) => true,
            (None, _) => false,
        };
        assert!(
            ok,
            "Markdown heading {line:?}, want {hashes} {marker:?}\ntext: {text:?}"
        );
    }
    tree(&markdown);

    let outline = doc.outline();
    // One line per document and per item; a document's frame rows under
    // it are indented and carry no line number.
    assert_eq!(
        outline.lines().filter(|l| l.starts_with('L')).count(),
        doc.documents().count() + doc.all_items().count(),
        "outline lines\n{outline}\ntext: {text:?}"
    );
    let dump = doc.dump();
    // One line per node and per diagnostic, besides the frame rows under a
    // document (indented six spaces, where a node's line has its number).
    assert_eq!(
        dump.lines().filter(|l| !l.starts_with("      ")).count(),
        doc.walk().count() + doc.diagnostics().len(),
        "dump lines\ntext: {text:?}"
    );

    for (_, node) in doc.walk() {
        let found = match node {
            Node::Paragraph(p) => p.inline_items(),
            Node::Item(i) => i.inline_items(),
            _ => continue,
        };
        let mut prev = node.span().start;
        for item in found {
            assert!(
                node.span().contains(item.span) && item.span.contains(item.marker.span),
                "inline item {item:?} outside {:?}\ntext: {text:?}",
                node.span()
            );
            assert!(
                item.span.start >= prev && item.span.slice(text).is_some(),
                "inline item {item:?} out of order or off a boundary\ntext: {text:?}"
            );
            prev = item.span.end;
        }
    }

    let index = LineIndex::new(text);
    for d in doc.diagnostics() {
        assert_eq!(
            index.line_col(text, d.span.start),
            Ok((d.line, d.column)),
            "{d:?}\ntext: {text:?}"
        );
        // A numbering finding points at a marker; a frame finding (a
        // document number, a date, a title) at text some node owns.
        if d.code.is_numbering() {
            assert!(
                doc.all_items().any(|(_, i)| i.marker.span == d.span),
                "{d:?} points at no marker\ntext: {text:?}"
            );
        } else {
            assert!(
                doc.walk()
                    .filter_map(|(_, n)| n.own_span())
                    .any(|own| own.contains(d.span)),
                "{d:?} points at no node's text\ntext: {text:?}"
            );
        }
        assert!(!d.message.is_empty(), "{d:?} says nothing\ntext: {text:?}");
    }
    markdown.len()
}

/// A tree read back from JSON together with a text (a stored outline and
/// its document, say), from arbitrary bytes: the text, a NUL byte, then
/// the JSON (bytes without a NUL are JSON for an empty text). Reading
/// never panics; a tree that reads back fits its text (it validates and
/// rebuilds it), answers every method, and writes back to JSON that reads
/// to the same tree.
pub fn from_json(data: &[u8]) {
    let (text, json) = match data.iter().position(|&b| b == 0) {
        Some(i) => (
            data.get(..i).unwrap_or(&[]),
            data.get(i + 1..).unwrap_or(&[]),
        ),
        None => (&[][..], data),
    };
    let (Ok(text), Ok(json)) = (std::str::from_utf8(text), std::str::from_utf8(json)) else {
        return;
    };
    let Ok(doc) = Compilation::from_json(json, text) else {
        return;
    };
    let shown = format!("text: {text:?}\njson: {json}");
    if let Err(v) = doc.validate() {
        panic!("a tree read back does not fit its text: {v}\n{shown}");
    }
    assert_eq!(doc.rebuild(), text, "rebuild differs\n{shown}");
    for max in [1, 7, 500] {
        for c in doc.chunks(max) {
            assert_eq!(c.span.slice(text), Some(c.text), "chunk text\n{shown}");
        }
    }
    let _ = doc.to_markdown();
    let _ = doc.outline();
    let _ = doc.dump();
    for piece in doc.documents() {
        let _ = (piece.title(), piece.salutation(), piece.meta().count());
    }
    for (_, node) in doc.walk() {
        let _ = (node.kind(), node.text(), node.own_span());
        assert!(
            doc.line_col(node.span().start).is_ok(),
            "line of a node\n{shown}"
        );
        match node {
            Node::Paragraph(p) => drop(p.inline_items()),
            Node::Item(i) => drop(i.inline_items()),
            _ => {}
        }
    }
    let again = serde_json::to_string(&doc).expect("a tree read from JSON writes back");
    let back = Compilation::from_json(&again, text)
        .unwrap_or_else(|e| panic!("our JSON does not read back: {e}\njson: {again}"));
    assert_eq!(back, doc, "JSON round trip changed the tree\n{shown}");
}

/// The text of one row as the parser reads it: without indentation,
/// trailing space and a Markdown prefix (one to six `#` before a space or
/// a non-ASCII character, or a `-`, `*`, `+` bullet before a space or
/// tab).
fn row_text(row: &str) -> &str {
    let space = |c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}';
    let row = row.trim_matches(space);
    let after_hash = row.trim_start_matches('#');
    let hashes = row.len() - after_hash.len();
    if (1..=6).contains(&hashes) && after_hash.starts_with(|c: char| space(c) || !c.is_ascii()) {
        return after_hash.trim_start_matches(space);
    }
    match row.strip_prefix(['-', '*', '+']) {
        Some(rest) if rest.starts_with([' ', '\t']) => rest.trim_start_matches(space),
        _ => row,
    }
}

/// The typed frame of every document agrees with the text: each date
/// reads back from the bytes under its span, the document number parses,
/// every frame span lies inside its document (the parser's `validate`
/// checks that too); and reading any line of the input as a date or a
/// document number never panics and gives values in range. Returns the
/// number of frame elements seen.
pub fn frame(text: &str) -> usize {
    let doc = gongwen::parse_document(text).expect("parses");
    let mut seen = 0;
    for piece in doc.documents() {
        let f = &piece.frame;
        for d in f.date.iter().chain(&f.printed_on) {
            assert!(piece.span.contains(d.span), "date outside its document");
            let written = text
                .get(d.span.range())
                .expect("date span on char boundaries");
            let found = written.parse::<gongwen::Date>().ok();
            assert_eq!(found, Some(d.date), "date {written:?} reads back");
            seen += 1;
        }
        if let Some(n) = &f.number {
            assert_eq!(text.get(n.span.range()), Some(n.text.as_ref()));
            assert!(n.text.parse::<gongwen::DocNumber>().is_ok(), "{:?}", n.text);
            seen += 1;
        }
        for field in f
            .addressees
            .iter()
            .chain(&f.issuers)
            .chain(&f.cc)
            .chain(&f.notes)
        {
            assert!(piece.span.contains(field.span));
            // A body named across a line break (an addressee broken over
            // rows) reads as the source without the break and what the
            // parser sets aside around a line's text: indentation, trailing
            // space and a Markdown prefix (`#`, a `- ` bullet).
            let written = text
                .get(field.span.range())
                .expect("field on char boundaries");
            // (Line breaks as the parser reads them: LF, CRLF or a lone CR.)
            let joined: String = written.split(['\n', '\r']).map(row_text).collect();
            assert!(
                written == field.text || joined == field.text,
                "field {:?} reads {written:?}",
                field.text
            );
            seen += 1;
        }
        for a in &f.attachments {
            assert!(piece.span.contains(a.span) && a.ordinal >= 1 && !a.name.is_empty());
            seen += 1;
        }
    }
    for line in text.lines() {
        if let Ok(d) = line.parse::<gongwen::Date>() {
            assert!((1000..=2999).contains(&d.year), "{line:?}");
            assert!(
                (1..=12).contains(&d.month) && (1..=31).contains(&d.day),
                "{line:?}"
            );
            assert_eq!(d.to_string().len(), 10);
        }
        if let Ok(n) = line.parse::<gongwen::DocNumber>() {
            assert!(n.number >= 1 && (1000..=2999).contains(&n.year) && !n.code.is_empty());
            assert!(n.to_string().parse::<gongwen::DocNumber>().is_ok(), "{n}");
        }
    }
    seen
}
