//! Text extracted from PDF (issue 10): the real extractions of
//! `tests/data/pdf/` (`pdftotext -layout` and plain, sources in SOURCES.md
//! there) and the PDF-like layouts of the supplied corpus and `real/`
//! (`tests/data/pdflike/`, made by the evaluation kit's `pdflike.py`) read
//! as their clean texts do.

use crate::support::{check_goldens, gold_files, pooled, report};

#[test]
fn real_pdf_extractions_score_the_issue_floors() {
    let files = gold_files("pdf");
    assert_eq!(files.len(), 8, "four PDFs, two extractions each");
    let (counts, notes) = pooled(&files);
    let s = counts.scores();
    let report = report(s, &notes);
    assert!(s.heading_f1 >= 0.9995, "headingF1\n{report}");
    assert!(s.parent_acc >= 0.9995, "parentAcc\n{report}");
    assert!(s.doc_f1 >= 0.9995, "docF1\n{report}");
    assert!(s.role_acc >= 0.98, "roleAcc\n{report}");
}

/// The clean texts the PDF-like layouts were made from: the supplied
/// corpus and `real/`.
fn clean() -> Vec<(String, String, String)> {
    let mut files = gold_files("real");
    let dir = env!("CARGO_MANIFEST_DIR");
    let read = |name: &str| {
        std::fs::read_to_string(format!("{dir}/tests/data/{name}")).expect("corpus file")
    };
    files.push((
        "speeches.txt".into(),
        read("speeches.txt"),
        read("speeches.gold.tsv"),
    ));
    files
}

#[test]
fn pdf_like_layouts_score_within_two_hundredths_of_the_clean_text() {
    let (clean, _) = pooled(&clean());
    let clean = clean.scores();
    for mode in ["pdflike/layout", "pdflike/raw"] {
        let files = gold_files(mode);
        assert_eq!(files.len(), 14, "{mode}: the corpus and the 13 of real/");
        let (counts, notes) = pooled(&files);
        let s = counts.scores();
        let report = report(s, &notes);
        for (name, got, want) in [
            ("headingF1", s.heading_f1, clean.heading_f1),
            ("parentAcc", s.parent_acc, clean.parent_acc),
            ("docF1", s.doc_f1, clean.doc_f1),
            ("roleAcc", s.role_acc, clean.role_acc),
        ] {
            assert!(
                got >= want - 0.02,
                "{mode} {name}: {got:.3} against {want:.3} clean\n{report}"
            );
        }
    }
}

/// What the frame of a document says, in comparable form: number, date,
/// issuers and addressees.
fn frame_of(
    text: &str,
) -> (
    Option<gongwen::DocNumber>,
    Option<gongwen::Date>,
    Vec<String>,
    Vec<String>,
) {
    let doc = gongwen::parse_document(text).expect("parses");
    let piece = doc.documents().next().expect("a document");
    let f = &piece.frame;
    (
        f.number.as_ref().and_then(|n| n.text.parse().ok()),
        f.date.as_ref().map(|d| d.date),
        f.issuers.iter().map(|i| i.text.to_string()).collect(),
        f.addressees.iter().map(|a| a.text.to_string()).collect(),
    )
}

#[test]
fn the_notices_frame_reads_the_same_from_its_pdf() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let read =
        |path: &str| std::fs::read_to_string(format!("{dir}/tests/data/{path}")).expect("file");
    let clean = frame_of(&read("real/fgw_shuiwu_2019_nashuixinyong.txt"));
    assert!(clean.0.is_some() && clean.1.is_some(), "{clean:?}");
    assert_eq!(clean.3.len(), 3, "three addressees: {clean:?}");
    for extraction in ["pdf/govdoc397.layout.txt", "pdf/govdoc397.raw.txt"] {
        assert_eq!(frame_of(&read(extraction)), clean, "{extraction}");
    }
}

#[test]
fn pdf_extractions_match_their_golden_dumps() {
    let mut dumps = Vec::new();
    for (path, text, _) in gold_files("pdf") {
        let doc = crate::checks::sound(&text);
        let dump = path.strip_suffix(".txt").unwrap_or(&path).to_owned() + ".dump";
        dumps.push((dump, doc.dump()));
    }
    check_goldens(dumps);
}

/// Every check the fuzz targets make (tree invariants, JSON round trip with
/// the furniture inside joined lines, chunks, rendering, the frame) holds
/// on the real extractions and the PDF-like layouts. The JSON walk missing
/// the furniture was the first thing the fuzzer found in reflowed text.
#[test]
fn pdf_text_passes_the_fuzz_targets_checks() {
    let mut files = gold_files("pdf");
    files.extend(gold_files("pdflike/layout"));
    files.extend(gold_files("pdflike/raw"));
    // The corpus's layouts (300 KB each) are left to the scores: the
    // checks are slow in a debug build.
    files.retain(|(path, _, _)| !path.ends_with("speeches.txt"));
    for (_, text, _) in &files {
        crate::checks::tree(text);
        crate::checks::chunks(text, 200);
        crate::checks::renders(text);
        crate::checks::frame(text);
    }
}

/// A running header that a PDF's pages repeat beside their page numbers
/// is page furniture, like the numbers: noise, inside the paragraph a page
/// break interrupts or between two; the outline is the one without it.
#[test]
fn a_running_head_on_every_page_is_furniture() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let plain = std::fs::read_to_string(format!(
        "{dir}/tests/data/pdflike/raw/fgw_shuiwu_2019_nashuixinyong.txt"
    ))
    .expect("file");
    let head = "国家发展改革委公报 2019年第9期";
    let mut with_heads = String::new();
    for line in plain.split_inclusive('\n') {
        with_heads.push_str(line);
        if gongwen_is_page_number(line.trim()) {
            with_heads.push_str(head);
            with_heads.push('\n');
        }
    }
    assert!(with_heads.matches(head).count() >= 3, "pages enough");
    let outline = |text: &str| {
        let doc = gongwen::parse_document(text).expect("parses");
        let items: Vec<String> = doc
            .all_items()
            .map(|(d, i)| format!("{d} {}", i.heading))
            .collect();
        (doc.documents().count(), items)
    };
    assert_eq!(outline(&with_heads), outline(&plain));
    let doc = gongwen::parse_document(&with_heads).expect("parses");
    let heads: Vec<_> = doc
        .walk()
        .filter(|(_, n)| n.text() == Some(head))
        .map(|(_, n)| match n {
            gongwen::Node::Noise(x) => Some(x.cause),
            _ => None,
        })
        .collect();
    assert_eq!(heads.len(), with_heads.matches(head).count());
    assert!(
        heads
            .iter()
            .all(|c| *c == Some(gongwen::NoiseKind::RunningHead)),
        "{heads:?}"
    );
}

/// `—3—`, as `pdflike.py` prints a page number.
fn gongwen_is_page_number(line: &str) -> bool {
    line.trim_matches('—').bytes().all(|b| b.is_ascii_digit()) && line.starts_with('—')
}
