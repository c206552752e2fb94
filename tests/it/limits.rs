//! Pathological inputs: each test asserts what the parser makes of one
//! (item counts, depths, the cover of the input), never how long it takes;
//! `benches/parse.rs` measures time. They run in debug builds, where every
//! parse also runs `Compilation::validate`, so each size is chosen to keep
//! `cargo test` quick while still far beyond any real document.

use crate::support::item_shape;
use gongwen::{Family, Node, ParseError, ParseOptions, parse_document_with};

/// Parses `text` and checks what holds for any input: the invariants, the
/// lossless cover, and items nested at most one level per family.
fn parse_checked(text: &str) -> gongwen::Compilation<'_> {
    let doc = crate::checks::sound(text);
    for (depth, _) in doc.all_items() {
        assert!(depth <= Family::ALL.len(), "depth {depth}");
    }
    doc
}

#[test]
fn an_eight_megabyte_line_is_one_paragraph() {
    let unit = "各单位要加强领导";
    let text = unit.repeat((8 << 20) / unit.len() + 1);
    assert!(text.len() >= 8 << 20);
    let doc = parse_checked(&text);
    assert_eq!(doc.documents().count(), 1);
    assert_eq!(doc.all_items().count(), 0);
    let kinds: Vec<&str> = doc.walk().map(|(_, n)| n.kind()).collect();
    assert_eq!(kinds, ["document", "paragraph"]);
}

#[test]
fn an_eight_megabyte_item_line_has_its_lead_clause_as_heading() {
    let text = format!(
        "一、加强领导。{}",
        "要狠抓落实".repeat(8_000_000 / "要狠抓落实".len())
    );
    let doc = parse_checked(&text);
    let items: Vec<_> = doc.all_items().collect();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].1.heading, "加强领导");
    assert_eq!(items[0].1.line_span.len(), text.len());
}

#[test]
fn two_hundred_thousand_lines_of_yi_dun_are_as_many_top_level_items() {
    let n = 200_000;
    let text = "一、\n".repeat(n);
    let doc = parse_checked(&text);
    assert_eq!(doc.documents().count(), 1);
    let shape = item_shape(&doc);
    assert_eq!(shape.len(), n);
    assert!(shape.iter().all(|&s| s == (1, Family::CnDun, 1)));
}

/// One line per family, each at 1: every line nests in the one before
/// until `一、` comes round again and closes them all. `首先` opens no run
/// (nothing continues it), so it stays body.
#[test]
fn a_hundred_thousand_lines_cycling_through_the_families_nest_twelve_deep() {
    const CYCLE: &[(&str, Option<Family>)] = &[
        ("一、甲", Some(Family::CnDun)),
        ("（一）甲", Some(Family::CnParen)),
        ("1.甲", Some(Family::ArDot)),
        ("1、甲", Some(Family::ArDun)),
        ("（1）甲", Some(Family::ArParen)),
        ("①甲", Some(Family::ArCircle)),
        ("第一，甲", Some(Family::Di)),
        ("一是甲", Some(Family::CnShi)),
        ("一要甲", Some(Family::CnYao)),
        ("首先，甲", None),
        ("第一章 甲", Some(Family::DiZhang)),
        ("第一节 甲", Some(Family::DiJie)),
        ("第一条 甲", Some(Family::DiTiao)),
    ];
    let lines = 100_000;
    let mut text = String::new();
    let mut want = Vec::new();
    let mut depth = 0;
    for k in 0..lines {
        let (line, family) = CYCLE[k % CYCLE.len()];
        text.push_str(line);
        text.push('\n');
        if k % CYCLE.len() == 0 {
            depth = 0;
        }
        if let Some(f) = family {
            depth += 1;
            want.push((depth, f, 1));
        }
    }
    let doc = parse_checked(&text);
    let shape = item_shape(&doc);
    assert_eq!(shape.len(), want.len());
    assert_eq!(shape, want);
    assert_eq!(shape.iter().map(|s| s.0).max(), Some(12));
}

#[test]
fn a_million_open_parentheses_are_one_paragraph() {
    for c in ["(", "（", "第", "〔"] {
        let text = c.repeat(1_000_000);
        let doc = parse_checked(&text);
        let kinds: Vec<&str> = doc.walk().map(|(_, n)| n.kind()).collect();
        assert_eq!(kinds, ["document", "paragraph"], "{c}");
    }
}

/// No line of these is an item; each is one node of its own (a paragraph,
/// or the title and header fields a short first line makes).
#[test]
fn fifty_thousand_lines_of_di_or_paren_are_no_items() {
    for line in ["第\n", "(\n", "第第第一\n", "(((一\n"] {
        let text = line.repeat(50_000);
        let doc = parse_checked(&text);
        assert_eq!(doc.all_items().count(), 0, "{line:?}");
        let leaves = doc
            .walk()
            .filter(|(_, n)| !matches!(n, Node::Document(_)))
            .count();
        assert_eq!(leaves, 50_000, "{line:?}");
    }
}

#[test]
fn nul_and_control_characters_are_text_not_line_breaks() {
    let text =
        "一、\0总则\n（一）\u{1}\u{1b}[0m适用\u{7f}\n\u{85}\u{2028}\u{2029}\n\u{b}\u{c}\n二、\0\n";
    let doc = parse_checked(text);
    assert_eq!(
        item_shape(&doc),
        [
            (1, Family::CnDun, 1),
            (2, Family::CnParen, 1),
            (1, Family::CnDun, 2)
        ]
    );
    let nul = "\0".repeat(1_000_000);
    let doc = parse_checked(&nul);
    assert_eq!(doc.walk().count(), 2, "one document, one paragraph");
}

#[test]
fn lone_carriage_returns_end_lines() {
    let text = "一、甲\r（一）乙\r二、丙\r\r\r";
    let doc = parse_checked(text);
    assert_eq!(
        item_shape(&doc),
        [
            (1, Family::CnDun, 1),
            (2, Family::CnParen, 1),
            (1, Family::CnDun, 2)
        ]
    );
    let blank = "\r".repeat(200_000);
    let doc = parse_checked(&blank);
    assert!(doc.children().is_empty());
    assert_eq!(doc.gaps(), [gongwen::Span::new(0, blank.len())]);
    let items = "一、甲\r".repeat(100_000);
    assert_eq!(parse_checked(&items).all_items().count(), 100_000);
}

#[test]
fn input_over_the_limit_is_refused_with_an_error_naming_it() {
    let limit = 1 << 20;
    let options = ParseOptions::default().max_input_bytes(limit);
    let fits = "一".repeat(limit / 3);
    assert!(parse_document_with(&fits, &options).is_ok());
    let over = format!("{fits}\n\n");
    assert!(over.len() > limit);
    let err = parse_document_with(&over, &options).expect_err("over the limit");
    assert_eq!(
        err,
        ParseError::TooLarge {
            len: over.len(),
            limit
        }
    );
    let message = err.to_string();
    assert!(message.contains("1048576"), "{message}");
    assert!(message.contains(&over.len().to_string()), "{message}");
}

#[test]
fn the_default_limit_is_far_above_these_inputs() {
    assert!(ParseOptions::default().max_input_bytes >= 64 << 20);
}

/// A paragraph of a megabyte of `一是…；` points (restarting every second
/// point) and one of `一是` with no clause boundary: finding the inline
/// enumerations for JSON stays proportional to the text.
#[test]
fn a_megabyte_of_inline_points_serialises() {
    for unit in ["一是甲；二是乙；", "一是", "第一，第一，"] {
        let text = format!("会议要求：{}", unit.repeat((1 << 20) / unit.len()));
        let doc = parse_checked(&text);
        let json = serde_json::to_string(&doc).expect("serialises");
        assert!(json.len() > text.len(), "{unit}");
    }
}

/// `第一,` `最后,` pairs under a `首先` `其次` run: each `最后` ends the
/// run it belongs to instead of nesting one level deeper
/// (`fuzz_regressions::zui_hou_under_a_di_list_in_a_seq_run_does_not_nest_deeper`).
#[test]
fn fifty_thousand_di_and_zui_hou_pairs_stay_two_deep() {
    let text = format!(
        "首先,加强。\n其次,落实。\n{}",
        "第一,甲\n最后,乙\n".repeat(50_000)
    );
    let doc = parse_checked(&text);
    assert_eq!(doc.all_items().count(), 100_002);
    assert_eq!(doc.all_items().map(|(d, _)| d).max(), Some(2));
}

/// A title over fifty thousand short lines: every line is header text
/// under the title (no body ever starts), the shape that once made the
/// header's "is there an addressee yet" question scan the whole header for
/// every line. Frame shapes of the same kind: signoff lines, 附注 lines,
/// attachment labels, contents entries, each repeated.
#[test]
fn fifty_thousand_lines_of_one_frame_element_each() {
    let n = 50_000;
    let repeat = |head: &str, line: &dyn Fn(usize) -> String| {
        let mut text = String::from(head);
        for k in 0..n {
            text.push_str(&line(k));
            text.push('\n');
        }
        text
    };
    let header = repeat("关于加强管理的通知\n", &|k| format!("短行{k}"));
    let doc = parse_checked(&header);
    assert_eq!(doc.documents().count(), 1);
    assert_eq!(doc.all_items().count(), 0);

    let notes = repeat(
        "关于加强管理的通知\n一、要求\n某市人民政府\n2023年1月1日\n",
        &|_| "（此件公开发布）".to_owned(),
    );
    let doc = parse_checked(&notes);
    let piece = doc.documents().next().expect("the notice");
    assert_eq!(piece.frame.notes.len(), n);

    let contents = repeat("某某条例\n目录\n", &|k| {
        format!("第{}章 总则", k % 900 + 1)
    });
    let doc = parse_checked(&contents);
    assert_eq!(doc.documents().count(), 1);

    let labels = repeat("关于加强管理的通知\n一、要求\n", &|k| {
        if k % 2 == 0 {
            format!("附件{}", k % 9 + 1)
        } else {
            "某某登记表".to_owned()
        }
    });
    let doc = parse_checked(&labels);
    assert!(doc.documents().count() > n / 4);
}
