//! The bundled corpus scored against its gold outline, and the tree dump
//! golden file (`BLESS=1 cargo test` rewrites it).

use crate::support::{CORPUS, check_golden, predicted_rows, report, score};

#[test]
fn corpus_scores_at_least_the_issue_floors() {
    let doc = gongwen::parse_document(CORPUS).expect("corpus parses");
    let (s, notes) = score(&predicted_rows(CORPUS, &doc));
    let report = report(s, &notes);
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
    let doc = gongwen::parse_document(CORPUS).expect("corpus parses");
    check_golden(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/speeches.dump"),
        &doc.dump(),
    );
}

/// Hand-made documents in layouts the corpus lacks (a notice with a
/// signoff, a regulation, a Markdown report, a full-width speech), each
/// with its reviewed dump beside it.
#[test]
fn sample_documents_match_their_golden_dumps() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/samples");
    let mut seen = 0;
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("samples dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    entries.sort();
    let mut dumps = Vec::new();
    for path in entries {
        let text = std::fs::read_to_string(&path).expect("sample is UTF-8");
        let doc = crate::checks::sound(&text);
        dumps.push((
            path.with_extension("dump").to_string_lossy().into_owned(),
            doc.dump(),
        ));
        seen += 1;
    }
    crate::support::check_goldens(dumps);
    assert!(seen >= 4, "expected at least 4 samples, found {seen}");
}
