//! The public API on small hand-made documents: roles, nesting, spans, JSON.

use gongwen::{Family, Genre, Node, parse_document};

use crate::support::outline;

#[test]
fn four_gb_levels_nest_in_order() {
    let text = "一、总体要求\n（一）指导思想\n1.坚持党的领导\n（1）统一思想\n（2）统一行动\n2.坚持人民至上\n（二）基本原则\n二、主要任务\n";
    let got: Vec<_> = outline(text)
        .into_iter()
        .map(|(d, f, n, _)| (d, f, n))
        .collect();
    use Family::*;
    assert_eq!(
        got,
        [
            (1, CnDun, 1),
            (2, CnParen, 1),
            (3, ArDot, 1),
            (4, ArParen, 1),
            (4, ArParen, 2),
            (3, ArDot, 2),
            (2, CnParen, 2),
            (1, CnDun, 2)
        ]
    );
}

#[test]
fn di_run_continued_by_cn_dun_stays_top_level() {
    let text = "第一,要创新理念。\n第二,要创新机制。\n第三,要创新方法。\n四、在落实上要加强领导。\n一要加强领导。\n";
    let depths: Vec<_> = outline(text)
        .into_iter()
        .map(|(d, _, n, _)| (d, n))
        .collect();
    assert_eq!(depths, [(1, 1), (1, 2), (1, 3), (1, 4), (2, 1)]);
}

#[test]
fn qi_ci_without_an_open_run_is_body() {
    let text = "一、加大力度。\n第一,要联系群众。\n再次是机关干部要走出机关。\n";
    let doc = parse_document(text).expect("parses");
    assert_eq!(doc.all_items().count(), 2);
}

#[test]
fn shou_xian_opening_a_courtesy_is_body() {
    let text = "同志们:\n首先,我代表县委向大家表示感谢。\n一、总结成绩\n";
    let got = outline(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, Family::CnDun);
}

#[test]
fn shou_xian_qi_ci_zai_ci_run_under_an_item() {
    let text = "1、抓机制,促规范。\n首先是强化目标管理。\n其次是强化包村机制。\n再次是强化公示。\n2、抓作风,促转变。\n";
    let got: Vec<_> = outline(text)
        .into_iter()
        .map(|(d, f, n, _)| (d, f, n))
        .collect();
    use Family::*;
    assert_eq!(
        got,
        [
            (1, ArDun, 1),
            (2, Seq, 1),
            (2, Seq, 2),
            (2, Seq, 3),
            (1, ArDun, 2)
        ]
    );
}

#[test]
fn compilation_splits_into_documents_with_genres() {
    let text = "群众工作会议讲话摘要(实用3篇)\n\n小编: 某某\n\n群众工作会议上的讲话\n\n同志们:\n\n一、统一思想\n\n谢谢大家。\n\n2\n\n页,当前第。\n\n群众工作会议纪要\n\n时间:2023年3月1日\n\n地点:会议室\n\n一、总结工作\n";
    let doc = parse_document(text).expect("parses");
    let kinds: Vec<_> = doc.children().iter().map(Node::kind).collect();
    assert_eq!(
        kinds,
        ["front", "front", "document", "noise", "noise", "document"]
    );
    let genres: Vec<_> = doc.documents().map(|p| p.genre).collect();
    assert_eq!(genres, [Genre::Speech, Genre::Minutes]);
    let minutes = doc.documents().nth(1).expect("second document");
    let keys: Vec<_> = minutes
        .meta()
        .map(|m| (m.key.as_ref(), m.value.as_ref()))
        .collect();
    assert_eq!(keys, [("时间", "2023年3月1日"), ("地点", "会议室")]);
}

#[test]
fn untitled_speeches_split_at_their_salutation() {
    let text =
        "同志们:\n这次会议很重要。\n一、统一思想\n同志们,让我们努力。\n同志们:\n今天开会。\n";
    let doc = parse_document(text).expect("parses");
    assert_eq!(doc.documents().count(), 2);
    assert!(doc.documents().all(|p| p.genre == Genre::Speech));
}

#[test]
fn spans_point_at_the_original_full_width_marker() {
    let text = "\u{3000}\u{3000}（十二）加强领导。要……\r\n";
    let doc = parse_document(text).expect("parses");
    let (_, item) = doc.all_items().next().expect("an item");
    assert_eq!(&text[item.marker.span.range()], "（十二）");
    assert_eq!(item.marker.ordinal, 12);
    assert_eq!(item.heading, "加强领导");
    assert_eq!(doc.rebuild(), text);
}

#[test]
fn every_tree_validates_and_rebuilds() {
    for text in [
        "",
        "\n\n",
        "\u{feff}",
        "\r",
        "一、",
        "（",
        "第",
        "①②③",
        "# \n#",
        "a\rb\r\nc\n",
    ] {
        crate::checks::sound(text);
    }
}

#[test]
fn json_has_the_contracted_shape() {
    let text = "某某会议上的讲话\n同志们:\n一、总结成绩\n（一）经济发展。\n";
    let doc = parse_document(text).expect("parses");
    let v: serde_json::Value = serde_json::to_value(&doc).expect("serialises");
    assert_eq!(v["kind"], "compilation");
    let piece = &v["children"][0];
    assert_eq!(piece["kind"], "document");
    assert_eq!(piece["genre"], "speech");
    let item = &piece["children"][2];
    assert_eq!(item["kind"], "item");
    assert_eq!(item["marker"]["family"], "cn-dun");
    assert_eq!(item["marker"]["ordinal"], 1);
    let start = item["span"]["start"].as_u64().expect("start") as usize;
    assert_eq!(&text[start..start + "一、".len()], "一、");
    assert_eq!(item["children"][0]["marker"]["family"], "cn-paren");
}

#[test]
fn json_round_trips() {
    let doc = parse_document(crate::support::CORPUS).expect("parses");
    let json = serde_json::to_string(&doc).expect("serialises");
    let back = gongwen::Compilation::from_json(&json, crate::support::CORPUS).expect("reads back");
    assert_eq!(back, doc);
    assert_eq!(back.rebuild(), crate::support::CORPUS);
    // The JSON of one text does not read back with another: no tree
    // answers from a source it does not fit.
    let other = crate::support::CORPUS.replacen('一', "二", 1);
    assert!(matches!(
        gongwen::Compilation::from_json(&json, &other),
        Err(gongwen::TreeError::SourceMismatch(_))
    ));
    assert!(matches!(
        gongwen::Compilation::from_json("{\"kind\": \"compilation\"}", ""),
        Err(gongwen::TreeError::Json(_))
    ));
}

/// A tree returned from the function that read its text: it owns the
/// text and every node's text.
fn parse_file_contents(bytes: &[u8]) -> gongwen::Compilation<'static> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let doc = parse_document(&text).expect("parses");
    doc.into_owned()
}

#[test]
fn an_owned_tree_outlives_its_text() {
    let text = "关于甲的通知\n各单位：\n一、总体要求\n（一）压实责任。\n";
    let owned = parse_file_contents(text.as_bytes());
    let borrowed = parse_document(text).expect("parses");
    assert_eq!(owned, borrowed);
    assert_eq!(owned.rebuild(), text);
    assert_eq!(owned.source(), text);
    let handle = std::thread::spawn(move || owned.all_items().count());
    assert_eq!(handle.join().ok(), Some(2));
}

/// Line and column come from the tree, 1-based, in characters; an offset
/// past the end is an error, not the last line.
#[test]
fn nodes_report_their_line_and_column() {
    let text = "关于甲的通知\n各单位：\n一、总体要求\n  （一）压实责任。\n";
    let doc = parse_document(text).expect("parses");
    let places: Vec<(usize, usize)> = doc
        .all_items()
        .map(|(_, i)| doc.line_col(i.span.start).expect("in the text"))
        .collect();
    assert_eq!(places, [(3, 1), (4, 3)]);
    assert_eq!(doc.line_col(text.len()), Ok((5, 1)));
    assert_eq!(
        doc.line_col(text.len() + 1),
        Err(gongwen::TreeError::OffsetPastEnd {
            offset: text.len() + 1,
            len: text.len()
        })
    );
}

#[test]
fn too_large_input_is_an_error_naming_the_limit() {
    let options = gongwen::ParseOptions::default().max_input_bytes(10);
    let err = gongwen::parse_document_with("一、总体要求。", &options).expect_err("over the limit");
    assert_eq!(err, gongwen::ParseError::TooLarge { len: 21, limit: 10 });
    assert!(err.to_string().contains("10 bytes"));
}

/// `items()` gives the items directly under a compilation's documents, a
/// document or an item; `all_items()` every item below with its depth;
/// both are named iterators that clone and print.
#[test]
fn walks_say_whether_they_go_deep() {
    let text = "关于甲的通知\n一、总体要求\n（一）压实责任\n1．明确分工\n（二）强化检查\n二、工作安排\n关于乙的通知\n一、目标\n";
    let doc = parse_document(text).expect("parses");
    let heads = |items: gongwen::Items<'_, '_>| {
        items
            .map(|i| i.marker_text().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(heads(doc.items()), ["一、", "二、", "一、"]);
    let all: Vec<(usize, &str)> = doc.all_items().map(|(d, i)| (d, i.marker_text())).collect();
    assert_eq!(
        all,
        [
            (1, "一、"),
            (2, "（一）"),
            (3, "1．"),
            (2, "（二）"),
            (1, "二、"),
            (1, "一、")
        ]
    );
    let first = doc.documents().next().expect("a document");
    assert_eq!(heads(first.items()), ["一、", "二、"]);
    assert_eq!(first.all_items().count(), 5);
    let top = first.items().next().expect("an item");
    assert_eq!(heads(top.items()), ["（一）", "（二）"]);
    let below: Vec<usize> = top.all_items().map(|(d, _)| d).collect();
    assert_eq!(below, [1, 2, 1]);
    // Iterators clone (a second pass from the same place) and print.
    let mut walk = doc.all_items();
    walk.next();
    assert_eq!(walk.clone().count(), 5);
    assert!(format!("{:?}", doc.documents()).starts_with("Documents"));
}

/// The `json` fuzz target's seeds (a text, a NUL, its JSON) read back as
/// the tree of their text: seeds and serializer stay in step.
#[test]
fn json_fuzz_seeds_read_back_with_their_text() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/seeds/json");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("the json seeds") {
        let path = entry.expect("a seed").path();
        let data = std::fs::read(&path).expect("readable");
        let at = data.iter().position(|&b| b == 0).expect("text NUL json");
        let text = std::str::from_utf8(&data[..at]).expect("UTF-8 text");
        let json = std::str::from_utf8(&data[at + 1..]).expect("UTF-8 JSON");
        let back = gongwen::Compilation::from_json(json, text)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // `outline` records the encoding it decoded the file from.
        let mut want = parse_document(text).expect("parses");
        if let Some(e) = back.encoding() {
            want = want.with_encoding(e);
        }
        assert_eq!(back, want, "{}", path.display());
        crate::checks::from_json(&data);
        seen += 1;
    }
    assert!(seen >= 20, "{seen} seeds");
}
