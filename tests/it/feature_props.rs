//! Properties of what is built on the tree, on hostile input: decoding
//! arbitrary bytes, chunking, Markdown and inline enumerations never panic
//! and keep their promises.

use proptest::prelude::*;

use gongwen::{Node, parse_document};

/// Text drawn from the tokens official documents are made of, so that the
/// interesting paths (items, titles, salutations, enumerations) are hit.
fn domain_text() -> impl Strategy<Value = String> {
    const TOKENS: &[&str] = &[
        "一、",
        "（一）",
        "(二)",
        "1.",
        "２．",
        "（3）",
        "①",
        "第一章",
        "第二条",
        "第一，",
        "一是",
        "二是",
        "首先，",
        "其次，",
        "同志们：",
        "会议上的讲话",
        "时间：",
        "谢谢大家！",
        "2",
        "\u{3000}",
        "\r\n",
        "\n",
        "\r",
        "。",
        "；",
        "加强领导",
        "#",
        "\u{feff}",
    ];
    let token = prop_oneof![
        9 => proptest::sample::select(TOKENS).prop_map(str::to_owned),
        1 => "[a-z0-9 ]{0,3}",
    ];
    proptest::collection::vec(token, 0..60).prop_map(|v| v.concat())
}

proptest! {

    #[test]
    fn chunks_never_exceed_the_maximum_nor_overlap(text in domain_text(), max in 1usize..40) {
        let doc = parse_document(&text).expect("parses");
        let chunks = doc.chunks(max);
        let mut end = 0;
        for c in &chunks {
            prop_assert!(c.chars <= max);
            prop_assert!(c.span.start >= end);
            prop_assert_eq!(c.text, &text[c.span.range()]);
            end = c.span.end;
            if let Some(i) = c.document {
                let piece = doc.documents().nth(i).expect("document index");
                prop_assert!(piece.span.contains(c.span));
            }
        }
        // Everything outside the chunks is white space or debris.
        let noise: Vec<_> = doc.walk().filter(|(_, n)| matches!(n, Node::Noise(_))).map(|(_, n)| n.span()).collect();
        let mut covered = vec![false; text.len()];
        for s in chunks.iter().map(|c| c.span).chain(noise) {
            for b in covered.iter_mut().take(s.end).skip(s.start) {
                *b = true;
            }
        }
        for (i, c) in text.char_indices() {
            prop_assert!(covered[i] || c.is_whitespace() || c == '\u{feff}' || c == '#', "{:?} at {} left out", c, i);
        }
    }

    #[test]
    fn decode_never_panics_and_keeps_utf8(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        match gongwen::decode(&bytes) {
            Ok(d) => {
                if let Ok(s) = std::str::from_utf8(&bytes) {
                    prop_assert_eq!(d.text.as_ref(), s);
                }
                let doc = parse_document(&d.text).expect("parses");
                prop_assert_eq!(doc.rebuild(), d.text.as_ref());
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn markdown_has_one_heading_per_item(text in domain_text()) {
        let doc = parse_document(&text).expect("parses");
        let md = doc.to_markdown();
        let headings = md.lines().filter(|l| l.starts_with("##")).count();
        prop_assert_eq!(headings, doc.items().count());
    }

    #[test]
    fn inline_items_lie_inside_their_paragraph_in_order(text in domain_text()) {
        let doc = parse_document(&text).expect("parses");
        for (_, node) in doc.walk() {
            let found = match node {
                Node::Paragraph(p) => p.inline_items(),
                Node::Heading(i) => i.inline_items(),
                _ => continue,
            };
            let mut prev = 0;
            for item in found {
                prop_assert!(node.span().contains(item.span));
                prop_assert!(item.span.contains(item.marker.span));
                prop_assert!(item.span.start >= prev);
                prop_assert!(text.get(item.span.range()).is_some());
                prev = item.span.start;
            }
        }
    }

    #[test]
    fn diagnostics_point_at_item_markers_with_their_line(text in domain_text()) {
        let doc = parse_document(&text).expect("parses");
        let index = gongwen::LineIndex::new(&text);
        for d in doc.diagnostics() {
            prop_assert_eq!(index.line_col(&text, d.span.start), (d.line, d.column));
            prop_assert!(doc.items().any(|(_, i)| i.marker.span == d.span));
        }
    }
}
