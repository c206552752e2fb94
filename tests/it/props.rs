//! Properties of the parser on hostile and on well-formed input:
//!
//! - arbitrary strings and strings of domain tokens never panic, and their
//!   trees validate, rebuild the input and survive the JSON round trip
//!   (the `parse` fuzz target's checks, `checks::tree`);
//! - parsing is deterministic;
//! - an outline model rendered in a random layout parses back to its shape
//!   (the `structured` fuzz target's model, `model.rs`);
//! - the bundled corpus gives the same outline under a random mix of
//!   layouts, chosen line by line;
//! - `LineIndex` agrees with a plain scan.
//!
//! Failures are kept in `proptest-regressions/it/props.txt` (committed) and
//! replayed first on every run.

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use unicode_normalization::UnicodeNormalization;

use gongwen::{Family, parse_document};

use crate::checks;
use crate::model::{ByteChoices, Case};
use crate::support::{CORPUS, full_width};

/// `cases` per property, or `PROPTEST_CASES` when set (for a long run).
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/it/props.txt",
        ))),
        ..ProptestConfig::default()
    }
}

/// Text from the tokens official documents are built of, weighted so that
/// markers, line breaks and plain text all come often.
pub(crate) fn domain_text() -> impl Strategy<Value = String> {
    const MARKERS: &[&str] = &[
        "一、",
        "（一）",
        "(一)",
        "1.",
        "１．",
        "（1）",
        "①",
        "第一章",
        "第一条",
        "第一,",
        "一是",
        "首先",
        "二、",
        "（二）",
        "2.",
        "（2）",
        "②",
        "第二条",
        "第二,",
        "二是",
        "其次",
        "再次",
        "最后",
        "三、",
        "十二、",
        "5.3",
        "第",
        "(",
        "（",
    ];
    const OTHER: &[&str] = &["同志们:", "会议上的讲话", "时间:", "谢谢大家。", "2", "# "];
    const SPACE: &[&str] = &["\u{3000}", "\r\n", "\n", "\r", " "];
    const TEXT: &[&str] = &["。", "，", "；", "加强领导", "要狠抓落实", "各单位"];
    let token = prop_oneof![
        6 => proptest::sample::select(MARKERS).prop_map(str::to_owned),
        2 => proptest::sample::select(OTHER).prop_map(str::to_owned),
        5 => proptest::sample::select(SPACE).prop_map(str::to_owned),
        4 => proptest::sample::select(TEXT).prop_map(str::to_owned),
        1 => "\\PC{0,4}",
    ];
    proptest::collection::vec(token, 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_strings_give_valid_lossless_trees(text in any::<String>()) {
        checks::tree(&text);
    }

    #[test]
    fn arbitrary_lines_give_valid_lossless_trees(text in "(\\PC{0,12}(\r\n|\r|\n|\u{3000}|\u{feff})?){0,40}") {
        checks::tree(&text);
    }

    #[test]
    fn domain_token_strings_give_valid_lossless_trees(text in domain_text()) {
        checks::tree(&text);
        let doc = parse_document(&text).expect("parses");
        for (depth, item) in doc.all_items() {
            // Families along a path are distinct, and there are thirteen.
            prop_assert!((1..=Family::ALL.len()).contains(&depth), "depth {depth}");
            prop_assert!(item.span.contains(item.line_span));
        }
    }

    #[test]
    fn parsing_is_deterministic(text in domain_text()) {
        let a = parse_document(&text).expect("parses");
        let b = parse_document(&text).expect("parses");
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(
            serde_json::to_string(&a).expect("serialises"),
            serde_json::to_string(&b).expect("serialises")
        );
    }

    #[test]
    fn serde_round_trip_gives_the_same_tree(text in domain_text()) {
        let doc = parse_document(&text).expect("parses");
        let json = serde_json::to_string(&doc).expect("serialises");
        let back = gongwen::Compilation::from_json(&json, &text).expect("reads back");
        prop_assert_eq!(back, doc);
    }

    #[test]
    fn line_index_agrees_with_a_plain_scan(text in "(\\PC{0,6}(\r\n|\r|\n)?){0,20}") {
        let offsets: Vec<usize> = (0..text.len() + 4).collect();
        checks::line_index(&text, &offsets);
    }
}

proptest! {
    #![proptest_config(config(512))]

    /// The `structured` fuzz target's claim, on proptest's generator: the
    /// choice bytes shrink towards fewer, shallower items and the plainest
    /// layout, so a failure shrinks to a small reproduction.
    #[test]
    fn model_outline_round_trips_in_any_layout(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let case = Case::generate(&mut ByteChoices::new(&bytes));
        if let Err(report) = crate::model::check(&case) {
            prop_assert!(false, "the parser read the model differently:\n{}", report);
        }
    }
}

/// How one line of the corpus is rewritten.
#[derive(Clone, Copy, Debug)]
struct LineLayout {
    eol: u8,
    indent: u8,
    width: u8,
    trailing: bool,
    markdown: bool,
}

fn line_layout() -> impl Strategy<Value = LineLayout> {
    (0u8..3, 0u8..4, 0u8..3, any::<bool>(), any::<bool>()).prop_map(
        |(eol, indent, width, trailing, markdown)| LineLayout {
            eol,
            indent,
            width,
            trailing,
            markdown,
        },
    )
}

/// The corpus with each line rewritten by a layout drawn from `layouts`
/// (cycled); Markdown `#` only on lines that hold an item, by its depth.
fn relayout(
    bom: bool,
    layouts: &[LineLayout],
    item_depth: &std::collections::HashMap<usize, usize>,
) -> String {
    let mut out = String::new();
    if bom {
        out.push('\u{feff}');
    }
    let lines: Vec<&str> = CORPUS.split('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let l = layouts[i % layouts.len()];
        if !line.trim().is_empty() {
            out.push_str(["", "\u{3000}\u{3000}", "    ", "\t"][usize::from(l.indent)]);
        }
        if let (true, Some(d)) = (l.markdown, item_depth.get(&(i + 1))) {
            out.push_str(&"#".repeat((d + 1).min(6)));
            out.push(' ');
        }
        match l.width {
            1 => out.push_str(&full_width(line)),
            2 => out.extend(line.nfkc()),
            _ => out.push_str(line),
        }
        if l.trailing && !line.is_empty() {
            out.push_str(" \u{3000}");
        }
        if i + 1 < lines.len() {
            out.push_str(["\n", "\r\n", "\r"][usize::from(l.eol)]);
        }
    }
    out
}

/// One node as layout must leave it: depth, kind, an item's family and
/// ordinal, a document's genre.
type NodeShape = (
    usize,
    &'static str,
    Option<(Family, u32)>,
    Option<gongwen::Genre>,
);

/// What layout must not change: every node's depth and kind, each item's
/// family and ordinal, each document's genre.
fn outline(text: &str) -> Vec<NodeShape> {
    parse_document(text)
        .expect("parses")
        .walk()
        .map(|(d, n)| {
            (
                d,
                n.kind(),
                n.as_item().map(|i| (i.marker.family, i.marker.ordinal)),
                n.as_document().map(|p| p.genre),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(config(24))]

    /// `layout.rs` applies each layout to the whole corpus; here a random
    /// mix is chosen line by line: LF, CRLF or lone CR; no indentation,
    /// U+3000, spaces or a tab; the text as is, with full-width
    /// punctuation, or NFKC half-width; trailing white space; `#` before
    /// items; a BOM.
    #[test]
    fn corpus_outline_survives_a_random_mix_of_layouts(
        bom in any::<bool>(),
        layouts in proptest::collection::vec(line_layout(), 1..40),
    ) {
        let original = parse_document(CORPUS).expect("corpus parses");
        let index = gongwen::LineIndex::new(CORPUS);
        let item_depth = original
            .all_items()
            .map(|(d, i)| (index.line(i.span.start), d))
            .collect();
        let variant = relayout(bom, &layouts, &item_depth);
        checks::tree(&variant);
        let want = outline(CORPUS);
        let got = outline(&variant);
        let first_diff = want.iter().zip(&got).position(|(a, b)| a != b);
        prop_assert!(
            want == got,
            "{} nodes vs {}; first difference at node {:?}: {:?} vs {:?}",
            want.len(),
            got.len(),
            first_diff,
            first_diff.and_then(|i| want.get(i)),
            first_diff.and_then(|i| got.get(i)),
        );
    }
}
