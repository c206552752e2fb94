//! The bundled corpus scored against its gold outline, and the tree dump
//! golden file (`BLESS=1 cargo test` rewrites it).

use crate::support::{CORPUS, predicted_rows, score};

#[test]
fn corpus_scores_at_least_the_issue_floors() {
    let doc = gongwen::parse_document(CORPUS).expect("corpus parses");
    let (s, notes) = score(&predicted_rows(CORPUS, &doc));
    let report = format!("{s:?}\n{} mismatches:\n{}", notes.len(), notes.join("\n"));
    assert!(s.heading_f1 >= 0.99, "heading F1 below 0.99\n{report}");
    assert!(s.parent_acc >= 0.98, "parent accuracy below 0.98\n{report}");
    assert!(
        s.doc_f1 >= 0.98,
        "document-boundary F1 below 0.98\n{report}"
    );
    assert!(
        s.role_acc >= 0.97,
        "line-role accuracy below 0.97\n{report}"
    );
}

#[test]
fn corpus_has_twenty_two_documents_with_genres() {
    let doc = gongwen::parse_document(CORPUS).expect("corpus parses");
    let genres: Vec<_> = doc.documents().map(|p| p.genre.name()).collect();
    assert_eq!(genres.len(), 22);
    assert_eq!(
        genres.iter().filter(|g| **g == "speech").count(),
        16,
        "{genres:?}"
    );
    assert_eq!(
        genres.iter().filter(|g| **g == "minutes").count(),
        6,
        "{genres:?}"
    );
}

#[test]
fn tree_dump_matches_the_golden_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/speeches.dump");
    let doc = gongwen::parse_document(CORPUS).expect("corpus parses");
    let actual = doc.dump();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, &actual).expect("write golden dump");
        return;
    }
    let expected =
        std::fs::read_to_string(path).expect("golden dump exists (run with BLESS=1 to create it)");
    let diffs: Vec<String> = expected
        .lines()
        .zip(actual.lines())
        .enumerate()
        .filter(|(_, (e, a))| e != a)
        .map(|(i, (e, a))| format!("line {}:\n  expected {e}\n  actual   {a}", i + 1))
        .collect();
    assert!(
        diffs.is_empty() && expected.lines().count() == actual.lines().count(),
        "{} lines differ ({} expected, {} actual); rerun with BLESS=1 if the change is intended\n{}",
        diffs.len(),
        expected.lines().count(),
        actual.lines().count(),
        diffs
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
