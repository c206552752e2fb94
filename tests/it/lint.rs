//! Numbering diagnostics: each code on a small hand-made case, and the
//! findings on the bundled corpus.

use gongwen::{Code, Severity, parse_document};

fn codes(text: &str) -> Vec<(Code, usize, usize)> {
    parse_document(text)
        .expect("parses")
        .diagnostics()
        .iter()
        .map(|d| (d.code, d.line, d.column))
        .collect()
}

#[test]
fn a_skipped_number_is_a_gap() {
    assert_eq!(
        codes("一、甲\n二、乙\n四、丁\n"),
        [(Code::NumberingGap, 3, 1)]
    );
}

#[test]
fn a_repeated_number_is_an_error() {
    let doc = parse_document("一、甲\n二、乙\n二、丙\n").expect("parses");
    let d = &doc.diagnostics()[0];
    assert_eq!(
        (d.code, d.severity, d.line),
        (Code::NumberingRepeat, Severity::Error, 3)
    );
    assert_eq!(
        d.to_string(),
        "3:1: error[numbering-repeat]: `二、` repeats number 2"
    );
}

#[test]
fn going_back_is_an_error_and_restarting_is_info() {
    assert_eq!(
        codes("1.甲\n2.乙\n3.丙\n2.丁\n"),
        [(Code::NumberingBackwards, 4, 1)]
    );
    let doc = parse_document("一、总\n1.甲\n2.乙\n1.丙\n").expect("parses");
    let restart: Vec<_> = doc
        .diagnostics()
        .iter()
        .filter(|d| d.code == Code::NumberingRestart)
        .collect();
    assert_eq!(restart.len(), 1);
    assert_eq!(restart[0].severity, Severity::Info);
}

#[test]
fn a_lone_survivor_has_lost_siblings() {
    assert_eq!(codes("三、落实\n（一）甲\n"), [(Code::LostSiblings, 1, 1)]);
}

#[test]
fn articles_numbered_on_across_chapters_lose_nothing() {
    let text = "第一章 总则\n第一条 甲\n第二条 乙\n第二章 附则\n第三条 丙\n";
    assert_eq!(codes(text), []);
}

#[test]
fn cn_dun_straight_to_ar_dot_skips_a_level() {
    let got = codes("一、总体要求\n1.坚持领导\n2.坚持人民\n");
    assert_eq!(got, [(Code::LevelSkip, 2, 1)]);
}

#[test]
fn mixed_widths_in_one_list_are_flagged() {
    let got = codes("一、总\n（一）甲\n(二)乙\n");
    assert_eq!(got, [(Code::MixedWidth, 3, 1)]);
}

#[test]
fn mixed_dot_and_dun_in_one_list_are_flagged() {
    let got = codes("（一）总\n1.甲\n2、乙\n");
    assert_eq!(got, [(Code::MixedStyle, 3, 1)]);
}

#[test]
fn a_marker_with_no_heading_text_is_flagged() {
    assert_eq!(codes("一、\n二、乙\n"), [(Code::EmptyHeading, 1, 1)]);
}

#[test]
fn columns_count_characters_after_indentation() {
    let got = codes("一、甲\r\n\u{3000}\u{3000}三、丙\r\n");
    assert_eq!(got, [(Code::NumberingGap, 2, 3)]);
}

#[test]
fn a_clean_report_has_no_diagnostics() {
    let text = "一、总体要求\n（一）指导思想\n1.坚持党的领导\n（1）统一思想\n（2）统一行动\n2.坚持人民至上\n（二）基本原则\n二、主要任务\n";
    assert_eq!(codes(text), []);
}

#[test]
fn the_corpus_findings_point_at_real_markers() {
    let text = crate::support::CORPUS;
    let doc = parse_document(text).expect("parses");
    let index = gongwen::LineIndex::new(text);
    let found = doc.diagnostics();
    assert!(found.len() >= 10, "{found:?}");
    for d in found {
        assert_eq!(index.line_col(text, d.span.start), (d.line, d.column));
        let item = doc.items().find(|(_, i)| i.marker.span == d.span);
        assert!(item.is_some(), "{d:?} is not at an item's marker");
    }
    // `三、` at line 53 survives after its siblings were lost in scraping.
    assert!(
        found
            .iter()
            .any(|d| d.code == Code::LostSiblings && d.line == 53)
    );
    // (三) at line 749 follows (一): (二) is missing.
    assert!(
        found
            .iter()
            .any(|d| d.code == Code::NumberingGap && d.line == 749)
    );
    assert!(!found.iter().any(|d| d.severity == Severity::Error));
}

#[test]
fn diagnostics_stop_at_the_configured_limit_and_count_the_rest() {
    let text = "一、\n".repeat(3000);
    let doc = parse_document(&text).expect("parses");
    // Every item repeats number 1 and has no heading: 2 findings per line,
    // the first one only lacking a heading.
    assert_eq!(doc.diagnostics().len(), 1000);
    assert_eq!(
        doc.diagnostics().len() + doc.diagnostics_dropped(),
        2 * 3000 - 1
    );
    let options = gongwen::ParseOptions::default().max_diagnostics(3);
    let doc = gongwen::parse_document_with(&text, &options).expect("parses");
    assert_eq!(doc.diagnostics().len(), 3);
    let json = serde_json::to_value(&doc).expect("serialises");
    assert_eq!(json["diagnostics_dropped"], 2 * 3000 - 4);
}
