//! Diagnostics: each code on a small hand-made case (a yes and a no), the
//! relaxations that keep well-formed documents quiet, and the findings on
//! the bundled corpus.

use gongwen::{Code, Severity, parse_document};

/// Each finding's code, line and the text its span covers.
fn found(text: &str) -> Vec<(Code, usize, &str)> {
    parse_document(text)
        .expect("parses")
        .diagnostics()
        .iter()
        .map(|d| (d.code, d.line, &text[d.span.range()]))
        .collect()
}

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
        assert_eq!(index.line_col(text, d.span.start), Ok((d.line, d.column)));
        if d.code.is_numbering() {
            let item = doc.all_items().find(|(_, i)| i.marker.span == d.span);
            assert!(item.is_some(), "{d:?} is not at an item's marker");
        }
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

// Numbering that runs on across parents, as State Council 规定 number
// their points, is a style, not lost items.

#[test]
fn cn_paren_numbered_on_across_cn_dun_parents_loses_nothing() {
    let text = "一、甲\n（一）子\n（二）子\n（三）子\n（四）子\n二、乙\n（五）子\n（六）子\n三、丙\n（七）子\n";
    assert_eq!(found(text), []);
}

#[test]
fn a_run_on_that_skips_numbers_has_still_lost_siblings() {
    // 二、's list would go on from （二）, so （四） has lost （三）.
    let text = "一、甲\n（一）子\n（二）子\n二、乙\n（四）子\n";
    assert_eq!(found(text), [(Code::LostSiblings, 5, "（四）")]);
}

#[test]
fn a_first_list_that_starts_past_one_has_lost_siblings() {
    // Nothing before 一、 to run on from.
    let text = "一、甲\n（三）子\n（四）子\n二、乙\n（五）子\n";
    assert_eq!(found(text), [(Code::LostSiblings, 2, "（三）")]);
}

// A run whose first point stands inline at the end of the paragraph or
// item line before has not lost it.

#[test]
fn a_first_point_inline_in_the_paragraph_before_is_not_lost() {
    let text = "关于加强安全生产工作的通知\n各乡镇：\n　　会议要求：一是加强领导。\n　　二是狠抓落实。\n　　三是严格考核。\n";
    assert_eq!(found(text), []);
}

#[test]
fn a_first_point_inline_two_paragraphs_back_is_not_lost() {
    // gwr2009: `实施积极的财政政策。一是…`, a paragraph of figures, then `二是`.
    let text = "一、主要任务\n　　实施积极的财政政策。一是大幅度增加政府支出。\n　　为弥补缺口，拟安排中央财政赤字。\n　　二是实行结构性减税。\n　　三是优化财政支出结构。\n";
    assert_eq!(found(text), []);
}

#[test]
fn a_first_point_inline_four_paragraphs_back_is_too_far() {
    let text = "一、主要任务\n　　实施积极的财政政策。一是大幅度增加政府支出。\n　　甲。\n　　乙。\n　　丙。\n　　二是实行结构性减税。\n";
    assert_eq!(found(text), [(Code::LostSiblings, 6, "二是")]);
}

#[test]
fn a_first_point_inline_on_the_parent_line_is_not_lost() {
    // sz_realestate: `第二十九条 …文件： （一）登记申请书；` then `（二）…`.
    let text = "第一条 申请登记应当提交下列文件： （一）登记申请书；\n（二）身份证明；\n（三）土地权属证明。\n";
    assert_eq!(found(text), []);
}

#[test]
fn without_the_inline_first_point_the_run_has_lost_it() {
    let text = "关于加强安全生产工作的通知\n各乡镇：\n　　会议要求：加强领导。\n　　二是狠抓落实。\n　　三是严格考核。\n";
    assert_eq!(found(text), [(Code::LostSiblings, 4, "二是")]);
    let text = "第一条 申请登记应当提交下列文件：\n（二）身份证明；\n（三）土地权属证明。\n";
    assert_eq!(found(text), [(Code::LostSiblings, 2, "（二）")]);
}

#[test]
fn an_inline_run_that_stops_short_does_not_excuse_a_later_point() {
    // The inline run ends at 二是; 四是 has lost 三是.
    let text = "关于加强安全生产工作的通知\n各乡镇：\n　　会议要求：一是加强领导；二是狠抓落实。\n　　四是严格考核。\n";
    assert_eq!(found(text), [(Code::LostSiblings, 4, "四是")]);
}

// A list after an unnumbered section line is a new list.

#[test]
fn a_list_under_a_new_section_line_is_not_a_restart() {
    let text = "# 纪要\n### 议题一\n1. 甲\n2. 乙\n### 议题二\n1. 丙\n2. 丁\n";
    assert_eq!(found(text), []);
    let text = "（一）总\n1.甲\n2.乙\n其他事项\n1.丙\n";
    assert_eq!(found(text), []);
}

#[test]
fn a_list_after_running_text_still_restarts() {
    let text = "（一）总\n1.甲\n2.乙\n以上两项要抓紧落实，确保按期完成。\n1.丙\n";
    assert_eq!(found(text), [(Code::NumberingRestart, 5, "1.")]);
}

// The frame: GB/T 9704-2012's 发文字号, 成文日期 and 附件说明, and titles.

/// A notice with its letterhead, `number` as its 发文字号 and `date` as
/// its 成文日期.
fn notice(number: &str, date: &str) -> String {
    format!(
        "某某县人民政府文件\n{number}\n某某县人民政府关于做好春节期间安全工作的通知\n各乡镇人民政府：\n　　现将有关事项通知如下。\n　　特此通知。\n　　　　　　　　某某县人民政府\n　　　　　　　　{date}\n"
    )
}

#[test]
fn a_year_outside_hexagonal_brackets_is_flagged() {
    for (number, year) in [
        ("某政发[2024]3号", "[2024]"),
        ("某政发（2024）3号", "（2024）"),
        ("某政发【2024】3号", "【2024】"),
    ] {
        let text = notice(number, "2024年2月1日");
        assert_eq!(
            found(&text),
            [(Code::DocNumberBracket, 2, year)],
            "{number}"
        );
    }
    let doc = parse_document("某某县人民政府文件\n某政发[2024]3号\n").expect("parses");
    let d = &doc.diagnostics()[0];
    assert_eq!(d.severity, Severity::Warning);
    assert!(
        d.message.starts_with("GB/T 9704-2012 7.2.5"),
        "{}",
        d.message
    );
    assert!(d.message.contains("〔2024〕"), "{}", d.message);
}

#[test]
fn a_clean_document_number_is_not_flagged() {
    for number in ["某政发〔2024〕3号", "（某政发〔2024〕13号）"] {
        assert_eq!(found(&notice(number, "2024年2月1日")), [], "{number}");
    }
}

#[test]
fn di_before_the_serial_number_is_flagged() {
    let text = notice("某政发〔2024〕第3号", "2024年2月1日");
    assert_eq!(found(&text), [(Code::DocNumberDi, 2, "第")]);
    // 第 in the issuer's code is not before the serial number.
    assert_eq!(found(&notice("某第政发〔2024〕3号", "2024年2月1日")), []);
}

#[test]
fn a_leading_zero_in_the_serial_number_is_flagged() {
    let text = notice("某政发〔2024〕003号", "2024年2月1日");
    assert_eq!(found(&text), [(Code::DocNumberLeadingZero, 2, "003")]);
    assert_eq!(found(&notice("某政发〔2024〕30号", "2024年2月1日")), []);
}

#[test]
fn every_fault_of_one_number_is_flagged_at_its_own_bytes() {
    let text = notice("某政发[2024]第03号", "2024年2月1日");
    assert_eq!(
        found(&text),
        [
            (Code::DocNumberBracket, 2, "[2024]"),
            (Code::DocNumberDi, 2, "第"),
            (Code::DocNumberLeadingZero, 2, "03"),
        ]
    );
}

#[test]
fn a_date_not_in_arabic_numerals_is_flagged() {
    let text = notice("某政发〔2024〕3号", "2024.2.1");
    assert_eq!(found(&text), [(Code::DateNotArabic, 8, "2024.2.1")]);
    let text = notice("某政发〔2023〕3号", "二〇二三年十二月七日");
    assert_eq!(
        found(&text),
        [(Code::DateNotArabic, 8, "二〇二三年十二月七日")]
    );
    let doc = parse_document(&text).expect("parses");
    let message = &doc.diagnostics()[0].message;
    assert!(message.starts_with("GB/T 9704-2012 7.3.5.4"), "{message}");
    assert!(message.contains("`2023年12月7日`"), "{message}");
}

#[test]
fn an_arabic_date_or_a_chinese_one_before_2012_07_01_is_not_flagged() {
    assert_eq!(found(&notice("某政发〔2024〕3号", "2024年2月1日")), []);
    // GB/T 9704-1999, in force until 2012-07-01, asked for Chinese numerals.
    assert_eq!(
        found(&notice("某政发〔2012〕3号", "二〇一二年一月九日")),
        []
    );
}

#[test]
fn a_speech_date_is_no_date_of_issue() {
    let text = "在全县冬季农田水利建设动员大会上的讲话\n同志们：\n　　今天召开这次大会。\n　　谢谢大家！\n　　　　王建国\n　　　　二〇二三年十一月二十日\n";
    assert_eq!(found(text), []);
}

#[test]
fn a_leading_zero_in_the_date_is_flagged() {
    let text = notice("某政发〔2024〕3号", "2024年02月01日");
    assert_eq!(found(&text), [(Code::DateLeadingZero, 8, "2024年02月01日")]);
    assert_eq!(found(&notice("某政发〔2024〕3号", "2024年12月10日")), []);
}

#[test]
fn a_title_that_ends_in_punctuation_is_flagged() {
    let text = "关于做好春节期间安全工作的通知。\n各乡镇人民政府：\n　　现将有关事项通知如下。\n";
    assert_eq!(found(text), [(Code::TitlePunctuation, 1, "。")]);
    // Over two rows.
    let text = "某某县人民政府关于做好春节期间\n安全工作的通知：\n各乡镇人民政府：\n　　现将有关事项通知如下。\n";
    assert_eq!(found(text), [(Code::TitlePunctuation, 2, "：")]);
}

#[test]
fn a_title_without_final_punctuation_or_an_opening_sentence_is_not_flagged() {
    let text = "关于做好春节期间安全工作的通知\n各乡镇人民政府：\n　　现将有关事项通知如下。\n";
    assert_eq!(found(text), []);
    // Brackets and 书名号 may end a title.
    let text = "某某县人民政府关于印发《安全生产管理办法（试行）》的通知\n各乡镇人民政府：\n　　现印发给你们。\n";
    assert_eq!(found(text), []);
    // A sentence that ends in a genre word is no title.
    let text = "根据工作安排，现将有关情况报告。\n　　一、基本情况\n";
    assert_eq!(found(text), []);
    let text = "特此通知。\n";
    assert_eq!(found(text), []);
}

/// A notice whose body is `body` and whose 附件说明 is `note` (may be empty).
fn with_attachments(body: &str, note: &str) -> String {
    format!(
        "某某县人民政府关于做好春节期间安全工作的通知\n各乡镇人民政府：\n{body}{note}　　　　　　　　某某县人民政府\n　　　　　　　　2024年2月1日\n"
    )
}

#[test]
fn an_attachment_cited_without_a_note_is_flagged() {
    let body = "　　一、加强检查。各乡镇要开展隐患排查（见附件2）。\n　　二、落实责任。具体分工详见附件。\n";
    let text = with_attachments(body, "");
    // Once per document: the first citation.
    assert_eq!(found(&text), [(Code::AttachmentUnlisted, 3, "附件2")]);
    let text = with_attachments("　　请按要求填报（附件1）。\n", "");
    assert_eq!(found(&text), [(Code::AttachmentUnlisted, 3, "附件1")]);
}

#[test]
fn an_attachment_the_note_does_not_list_is_flagged() {
    let body = "　　请填报登记表（见附件1）和申报单（见附件3）。\n";
    let note = "　　附件：1．登记表\n　　　　　2．申报单\n";
    let text = with_attachments(body, note);
    assert_eq!(found(&text), [(Code::AttachmentUnlisted, 3, "附件3")]);
    let doc = parse_document(&text).expect("parses");
    let message = &doc.diagnostics()[0].message;
    assert!(message.contains("lists 1 to 2"), "{message}");
}

#[test]
fn listed_attachments_and_other_mentions_are_not_flagged() {
    let body = "　　请填报登记表（见附件1）和申报单（见附件2），详见附件。\n";
    let note = "　　附件：1．登记表\n　　　　　2．申报单\n";
    assert_eq!(found(&with_attachments(body, note)), []);
    // One attachment named without a number.
    let note = "　　附件：重点任务分工表\n";
    assert_eq!(found(&with_attachments("　　分工见附件。\n", note)), []);
    // An opinion's attachment, and 附件 not cited: no citation.
    let body = "　　按照《实施意见》附件要求，参照实施意见附件2执行，请将附件材料报送。\n";
    assert_eq!(found(&with_attachments(body, "")), []);
}

#[test]
fn a_note_whose_numbers_skip_is_flagged() {
    let note = "　　附件：1．春节安全检查表\n　　　　　2．责任分工表\n　　　　　4．值班表\n";
    let text = with_attachments("　　现将有关事项通知如下。\n", note);
    // The `4．` line is read as an item; only the note's rule speaks.
    assert_eq!(found(&text), [(Code::AttachmentNumbering, 6, "4．")]);
    let doc = parse_document(&text).expect("parses");
    let message = &doc.diagnostics()[0].message;
    assert!(message.contains("3 is missing"), "{message}");
    let note = "　　附件：2．责任分工表\n　　　　　3．值班表\n";
    let text = with_attachments("　　现将有关事项通知如下。\n", note);
    assert_eq!(found(&text), [(Code::AttachmentNumbering, 4, "2．")]);
}

#[test]
fn a_note_numbered_in_order_is_not_flagged() {
    let note = "　　附件：1．春节安全检查表\n　　　　　2．责任分工表\n　　　　　3．值班表\n";
    let text = with_attachments("　　现将有关事项通知如下。\n", note);
    assert_eq!(found(&text), []);
}

#[test]
fn every_code_has_a_stable_kebab_case_name() {
    for code in Code::ALL {
        let name = code.name();
        assert!(
            name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{name}"
        );
        assert_eq!(code.to_string(), name);
        let json = serde_json::to_string(&code).expect("serialises");
        assert_eq!(json, format!("\"{name}\""));
        let back: Code = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, code);
    }
    let frame: Vec<_> = Code::ALL.iter().filter(|c| !c.is_numbering()).collect();
    assert_eq!(frame.len(), 8);
    assert!(frame.iter().all(|c| c.severity() == Severity::Warning));
}
