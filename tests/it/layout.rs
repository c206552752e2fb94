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
