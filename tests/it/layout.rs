//! Layout invariance: the corpus rewritten as real files come (CRLF, a BOM,
//! U+3000 indentation, full-width or half-width punctuation, Markdown `#`)
//! gives the same outline, line for line.

use unicode_normalization::UnicodeNormalization;

use crate::support::{CORPUS, full_width, indent, predicted_rows, score};

fn crlf(t: &str) -> String {
    t.replace('\n', "\r\n")
}

fn bom(t: &str) -> String {
    format!("\u{feff}{t}")
}

fn halfwidth(t: &str) -> String {
    t.split('\n')
        .map(|l| l.nfkc().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each line that holds an item in the original outline rewritten by
/// `f(depth, line)`.
fn rewrite_item_lines(t: &str, f: impl Fn(usize, &str) -> String) -> String {
    let doc = gongwen::parse_document(t).expect("corpus parses");
    let index = gongwen::LineIndex::new(t);
    let mut depth_of_line = std::collections::HashMap::new();
    for (depth, item) in doc.all_items() {
        depth_of_line.insert(index.line(item.span.start), depth);
    }
    t.split('\n')
        .enumerate()
        .map(|(i, l)| match depth_of_line.get(&(i + 1)) {
            Some(&d) => f(d, l),
            None => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Markdown: each item line gets `#` by its depth in the original outline.
fn markdown(t: &str) -> String {
    rewrite_item_lines(t, |d, l| format!("{} {l}", "#".repeat((d + 1).min(6))))
}

/// Markdown emphasis around each item line, as pandoc writes bold headings
/// (`**一、总体要求**`), after the indentation.
fn bold(t: &str) -> String {
    rewrite_item_lines(t, |_, l| {
        let text = l.trim_start();
        let indent = &l[..l.len() - text.len()];
        format!("{indent}**{}**", text.trim_end())
    })
}

fn assert_same_outline(name: &str, variant: &str) {
    let original = gongwen::parse_document(CORPUS).expect("corpus parses");
    let parsed = gongwen::parse_document(variant).expect("variant parses");
    assert_eq!(parsed.rebuild(), variant, "{name}: not lossless");
    let a = predicted_rows(CORPUS, &original);
    let b = predicted_rows(variant, &parsed);
    let diffs: Vec<String> = a
        .iter()
        .filter(|(l, r)| b.get(l) != Some(r))
        .map(|(l, r)| format!("L{l}: {r:?} -> {:?}", b.get(l)))
        .take(10)
        .collect();
    assert!(
        diffs.is_empty(),
        "{name} changes the outline:\n{}",
        diffs.join("\n")
    );
    let (s0, _) = score(&a);
    let (s1, _) = score(&b);
    for (x, y) in [
        (s0.heading_f1, s1.heading_f1),
        (s0.parent_acc, s1.parent_acc),
        (s0.doc_f1, s1.doc_f1),
        (s0.role_acc, s1.role_acc),
    ] {
        assert!((x - y).abs() <= 0.01, "{name}: {s0:?} vs {s1:?}");
    }
}

#[test]
fn bold_item_lines_give_the_same_outline() {
    assert_same_outline("bold", &bold(CORPUS));
}

#[test]
fn crlf_gives_the_same_outline() {
    assert_same_outline("crlf", &crlf(CORPUS));
}

#[test]
fn a_bom_gives_the_same_outline() {
    assert_same_outline("bom", &bom(CORPUS));
}

#[test]
fn ideographic_indentation_gives_the_same_outline() {
    assert_same_outline("indent", &indent(CORPUS));
}

#[test]
fn full_width_punctuation_gives_the_same_outline() {
    assert_same_outline("fullwidth", &full_width(CORPUS));
}

#[test]
fn half_width_nfkc_gives_the_same_outline() {
    assert_same_outline("halfwidth", &halfwidth(CORPUS));
}

#[test]
fn all_layouts_at_once_give_the_same_outline() {
    assert_same_outline("all", &crlf(&bom(&indent(&full_width(CORPUS)))));
}

#[test]
fn markdown_prefixes_give_the_same_outline() {
    assert_same_outline("markdown", &markdown(CORPUS));
}

#[test]
fn lone_cr_line_ends_give_the_same_items() {
    let variant = CORPUS.replace('\n', "\r");
    let a: Vec<_> = gongwen::parse_document(CORPUS)
        .expect("parses")
        .all_items()
        .map(|(d, i)| (d, i.marker, i.heading.to_string()))
        .collect();
    let b: Vec<_> = gongwen::parse_document(&variant)
        .expect("parses")
        .all_items()
        .map(|(d, i)| (d, i.marker, i.heading.to_string()))
        .collect();
    assert_eq!(a, b);
}

/// The texts of the paragraphs among a document's own children (not inside
/// an item).
fn top_paragraphs(text: &str) -> Vec<String> {
    let doc = gongwen::parse_document(text).expect("parses");
    let first = doc.documents().next().expect("a document");
    first
        .children
        .iter()
        .filter_map(|n| match n {
            gongwen::Node::Paragraph(p) => Some(p.text.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_part_of_a_code_ends_the_articles_before_it() {
    // In Markdown, and as plain text: `第二编` is above the chapters and
    // belongs to no article.
    let md = "# 中华人民共和国示例法典\n\n## 第一编 总则\n\n### 第一章 基本规定\n\n\
              第一条 为了规范示例，制定本法。\n\n## 第二编 物权\n\n### 第一分编 通则\n\n\
              #### 第一章 一般规定\n\n第二条 本编调整物的归属。\n";
    let plain = md.replace("# ", "").replace('#', "");
    for text in [md.to_string(), plain] {
        let top = top_paragraphs(&text);
        for part in ["第一编 总则", "第二编 物权", "第一分编 通则"] {
            assert!(top.iter().any(|p| p == part), "{part} in {top:?}\n{text}");
        }
    }
}

#[test]
fn a_markdown_heading_ends_the_items_no_shallower_heading_holds() {
    // `### 小节` ends the list item `2.` written without `#` ...
    let text = "# 会议纪要\n\n## 会议简记\n\n1. 介绍定义。\n\n2. 回顾讨论。\n\n### 活动与通知\n\n1. 评选筹备。\n";
    assert!(top_paragraphs(text).iter().any(|p| p == "活动与通知"));
    // ... but stays inside `## 一、总体要求`, a shallower heading.
    let text = "# 实施方案\n\n## 一、总体要求\n\n### 工作目标\n\n1. 完成任务。\n";
    assert!(!top_paragraphs(text).iter().any(|p| p == "工作目标"));
    let doc = gongwen::parse_document(text).expect("parses");
    let shape = crate::model::parsed_shape(&doc);
    let depths: Vec<_> = shape[0].iter().map(|s| s.0).collect();
    assert!(matches!(depths[..], [a, b] if b == a + 1), "{depths:?}");
}

#[test]
fn an_amendment_instruction_is_no_article() {
    // A criminal-law amendment as a law database stores it: its `一、`
    // markers lost, each instruction opens with the article it changes.
    let text = "# 中华人民共和国刑法修正案\n\n为了惩治犯罪，对刑法作如下补充修改：\n\n\
                第一百六十二条后增加一条，作为第一百六十二条之一：“隐匿会计凭证的，处五年以下有期徒刑。”\n\n\
                第一百六十八条修改为：“国有公司的工作人员，处三年以下有期徒刑。”\n\n\
                第五条第二款修改为：“单位犯前款罪的，对单位判处罚金。”\n\n\
                本修正案自公布之日起施行。\n";
    let doc = gongwen::parse_document(text).expect("parses");
    let items: Vec<_> = doc.all_items().collect();
    assert!(items.is_empty(), "{items:?}");
    // The law's own articles are still articles.
    let text =
        "# 示例法\n\n第一条 为了规范示例，制定本法。\n\n第二条中华人民共和国公民有劳动的权利。\n";
    let doc = gongwen::parse_document(text).expect("parses");
    assert_eq!(doc.all_items().count(), 2);
}
