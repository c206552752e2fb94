//! What users build on the tree: retrieval chunks, Markdown, and
//! enumerations inside paragraphs.

use gongwen::{Family, Node, parse_document};

use crate::support::CORPUS;

#[test]
fn corpus_chunks_respect_the_maximum_and_document_bounds() {
    let doc = parse_document(CORPUS).expect("parses");
    let pieces: Vec<_> = doc.documents().collect();
    for max in [1, 7, 60, 200, 500, 5000] {
        let chunks = doc.chunks(max);
        assert!(!chunks.is_empty());
        let mut prev_end = 0;
        for c in &chunks {
            assert!(c.chars <= max, "max {max}: a chunk of {} chars", c.chars);
            assert_eq!(c.text, &CORPUS[c.span.range()]);
            assert_eq!(c.chars, c.text.chars().count());
            assert!(c.span.start >= prev_end, "chunks overlap");
            let between = &CORPUS[prev_end..c.span.start];
            if let Some(i) = c.document {
                let piece = pieces[i];
                assert!(piece.span.contains(c.span), "chunk crosses its document");
                if let Some(title) = piece.title() {
                    assert_eq!(
                        c.path.first(),
                        Some(&title),
                        "a chunk's path starts with its title"
                    );
                }
            }
            // Only white space, or debris between documents, is skipped.
            let skipped_debris = doc
                .children()
                .iter()
                .filter(|n| matches!(n, Node::Noise(_)))
                .any(|n| n.span().start >= prev_end && n.span().end <= c.span.start);
            assert!(
                between.trim().is_empty() || skipped_debris,
                "text lost before {:?}: {between:?}",
                c.span
            );
            prev_end = c.span.end;
        }
    }
}

#[test]
fn a_whole_item_that_fits_is_one_chunk_with_its_heading_in_the_path() {
    let text = "某某会议上的讲话\n一、统一思想。要提高认识。\n（一）加强学习。\n（二）深入调研。\n二、狠抓落实。\n";
    let doc = parse_document(text).expect("parses");
    let chunks = doc.chunks(35);
    let got: Vec<_> = chunks.iter().map(|c| (c.text, c.path.join("/"))).collect();
    assert_eq!(
        got,
        [
            ("某某会议上的讲话", "某某会议上的讲话".to_owned()),
            (
                "一、统一思想。要提高认识。\n（一）加强学习。\n（二）深入调研。",
                "某某会议上的讲话/统一思想".to_owned()
            ),
            ("二、狠抓落实。", "某某会议上的讲话/狠抓落实".to_owned()),
        ]
    );
}

#[test]
fn chunks_of_an_oversized_item_keep_the_item_in_their_path() {
    let doc = parse_document(CORPUS).expect("parses");
    let deep = doc
        .chunks(120)
        .into_iter()
        .find(|c| c.path.len() >= 3)
        .expect("some chunk lies inside a nested item");
    assert!(deep.document.is_some());
    let under: Vec<_> = doc
        .all_items()
        .filter(|(_, i)| i.span.contains(deep.span))
        .map(|(_, i)| i.heading.clone())
        .collect();
    assert_eq!(
        &deep.path[1..],
        &under[..under.len().min(deep.path.len() - 1)]
    );
}

#[test]
fn empty_and_debris_only_inputs_give_no_chunks() {
    assert!(parse_document("").expect("parses").chunks(10).is_empty());
    assert!(
        parse_document("\n\n2\n\n")
            .expect("parses")
            .chunks(10)
            .is_empty()
    );
}

#[test]
fn markdown_of_the_corpus_has_a_heading_per_item_and_document() {
    let doc = parse_document(CORPUS).expect("parses");
    let md = doc.to_markdown();
    let titled = doc.documents().filter(|p| p.title().is_some()).count();
    let h1 = md.lines().filter(|l| l.starts_with("# ")).count();
    assert_eq!(h1, titled);
    let items = doc.all_items().count();
    let deeper = md.lines().filter(|l| l.starts_with("##")).count();
    assert_eq!(deeper, items);
    // Depth 3 items are ####.
    assert!(md.contains("\n#### 1.全面落实就业和再就业扶持政策\n"));
    // Debris is left out.
    assert!(!md.contains("页,当前第"));
}

#[test]
fn markdown_renders_depth_meta_and_escapes() {
    let text = "群众工作会议纪要\n时间:2023年3月1日\n地点:会议室\n一、总结\n1、甲。\n（1）乙\n#3 不是标题\n";
    let md = parse_document(text).expect("parses").to_markdown();
    assert_eq!(
        md,
        "# 群众工作会议纪要\n\n- 时间:2023年3月1日\n- 地点:会议室\n\n## 一、总结\n\n### 1、甲\n\n#### （1）乙\n\n\\#3 不是标题\n"
    );
}

#[test]
fn inline_enumerations_in_corpus_paragraphs() {
    let doc = parse_document(CORPUS).expect("parses");
    // Line 173 of the corpus: "...二是建立公开承诺制度。凡是..." with a 一是 before it.
    let mut runs = 0;
    for (_, node) in doc.walk() {
        let found = match node {
            Node::Paragraph(p) => p.inline_items(),
            Node::Item(i) => i.inline_items(),
            _ => continue,
        };
        if found.is_empty() {
            continue;
        }
        runs += 1;
        assert!(found.len() >= 2);
        for item in &found {
            let marker = &CORPUS[item.marker.span.range()];
            assert!(
                matches!(
                    item.marker.family,
                    Family::CnShi | Family::CnYao | Family::Di
                ),
                "{marker}"
            );
            assert!(node.span().contains(item.span));
            assert!(item.span.contains(item.marker.span));
        }
    }
    assert!(runs >= 5, "only {runs} paragraphs with inline enumerations");
}

/// Inline enumerations are found on demand, not kept in the tree: the
/// JSON, which writes the tree, does not compute them.
#[test]
fn inline_items_are_asked_for_not_serialised() {
    let text = "会议要求:一是加强领导;二是狠抓落实。\n";
    let doc = parse_document(text).expect("parses");
    let v = serde_json::to_value(&doc).expect("serialises");
    let para = &v["children"][0]["children"][0];
    assert_eq!(para["kind"], "paragraph");
    assert!(para.get("inline").is_none(), "{para}");
    let Some(gongwen::Node::Paragraph(p)) = doc.documents().next().and_then(|d| d.children.first())
    else {
        panic!("a paragraph");
    };
    let inline = p.inline_items();
    assert_eq!(inline[1].marker.family, gongwen::Family::CnShi);
    assert_eq!(inline[1].marker.ordinal, 2);
}
