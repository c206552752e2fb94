//! Real published documents (tests/data/real/, sources in SOURCES.md there)
//! against their hand-made gold outlines, pooled as `shared/eval/pool.py`
//! pools them, plus a golden tree dump per file (`BLESS=1` rewrites them).

use crate::support::{
    check_goldens, count, gold_files, gold_rows_of, pooled, predicted_rows, report,
};

#[test]
fn real_documents_score_at_least_the_issue_floors() {
    let files = gold_files("real");
    assert_eq!(files.len(), 13, "the thirteen documents of real/");
    let (counts, notes) = pooled(&files);
    let s = counts.scores();
    let report = report(s, &notes);
    assert!(s.heading_f1 >= 0.995, "headingF1\n{report}");
    assert!(s.parent_acc >= 0.99, "parentAcc\n{report}");
    assert!(s.doc_f1 >= 0.98, "docF1\n{report}");
    assert!(s.role_acc >= 0.98, "roleAcc\n{report}");
}

/// The hand-made frame samples are a development set read against their
/// gold, not tuned line by line: they hold the figures the parser is
/// judged by on documents it has not seen.
#[test]
fn frame_samples_score_at_least_the_unseen_floors() {
    let files: Vec<_> = gold_files("samples");
    assert!(files.len() >= 12, "one sample per frame element");
    let (counts, notes) = pooled(&files);
    let s = counts.scores();
    let report = report(s, &notes);
    assert!(s.heading_f1 >= 0.99, "headingF1\n{report}");
    assert!(s.parent_acc >= 0.99, "parentAcc\n{report}");
    assert!(s.doc_f1 >= 0.93, "docF1\n{report}");
    assert!(s.role_acc >= 0.96, "roleAcc\n{report}");
}

#[test]
fn real_documents_match_their_golden_dumps() {
    let mut dumps = Vec::new();
    for (path, text, _) in gold_files("real") {
        let doc = crate::checks::sound(&text);
        let dump = path.strip_suffix(".txt").unwrap_or(&path).to_owned() + ".dump";
        dumps.push((dump, doc.dump()));
    }
    check_goldens(dumps);
}

/// Layout does not move the frame: every real document gives the same
/// roles and documents under CRLF, a BOM and ideographic indentation.
#[test]
fn real_documents_keep_their_frame_in_other_layouts() {
    for (path, text, gold) in gold_files("real") {
        let gold = gold_rows_of(&gold);
        let base = count(
            &gold,
            &predicted_rows(&text, &gongwen::parse_document(&text).expect("parses")),
        )
        .0;
        let lf = text.replace("\r\n", "\n");
        let variants = [
            lf.replace('\n', "\r\n"),
            format!("\u{feff}{text}"),
            crate::support::indent(&lf),
        ];
        for v in variants {
            let doc = gongwen::parse_document(&v).expect("parses");
            let c = count(&gold, &predicted_rows(&v, &doc)).0;
            assert_eq!(
                (c.tp_d, c.pred_d, c.role_ok, c.tp_h, c.nest_ok),
                (
                    base.tp_d,
                    base.pred_d,
                    base.role_ok,
                    base.tp_h,
                    base.nest_ok
                ),
                "{path}"
            );
        }
    }
}

/// The typed frame of the real notices, element by element, as a reader
/// reads them off the page.
#[test]
fn real_notices_have_their_frame() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/real");
    let read =
        |name: &str| std::fs::read_to_string(format!("{dir}/{name}.txt")).expect("real text");
    let texts = |fields: &[gongwen::Field<'_>]| -> Vec<String> {
        fields.iter().map(|f| f.text.to_string()).collect()
    };

    let text = read("fgw_shuiwu_2019_nashuixinyong");
    let doc = gongwen::parse_document(&text).expect("parses");
    let f = &doc.documents().next().expect("the notice").frame;
    assert_eq!(
        f.number.as_ref().map(|n| n.text.as_ref()),
        Some("发改办财金规〔2019〕860号")
    );
    assert_eq!(
        f.date.map(|d| d.date.to_string()).as_deref(),
        Some("2019-08-20")
    );
    assert_eq!(
        texts(&f.issuers),
        ["国家发展改革委办公厅", "税务总局办公厅"]
    );
    assert_eq!(
        texts(&f.addressees),
        [
            "各省、自治区、直辖市、新疆生产建设兵团社会信用体系建设牵头部门",
            "国家税务总局各省、自治区、直辖市和计划单列市税务局",
            "社会信用体系建设部际联席会议成员单位办公厅（室）"
        ]
    );
    assert!(
        f.issuer_mark
            .as_ref()
            .is_some_and(|m| m.text.ends_with("文件"))
    );

    let text = read("xinyu_2012_lvsejianzhu");
    let doc = gongwen::parse_document(&text).expect("parses");
    let f = &doc.documents().next().expect("the notice").frame;
    assert_eq!(
        f.number.as_ref().map(|n| n.text.as_ref()),
        Some("余府发〔2012〕3号")
    );
    assert_eq!(
        f.date.map(|d| d.date.to_string()).as_deref(),
        Some("2012-01-09")
    );
    assert_eq!(
        texts(&f.addressees),
        ["各县（区）人民政府、管委会", "市政府各部门", "市直各单位"]
    );
    assert!(
        f.issuers.is_empty(),
        "the republisher dropped the issuing body"
    );

    let text = read("xinjiang_zhijian_2012_xinwen");
    let doc = gongwen::parse_document(&text).expect("parses");
    let f = &doc.documents().next().expect("the notice").frame;
    let names: Vec<_> = f
        .attachments
        .iter()
        .map(|a| (a.ordinal, a.name.as_ref()))
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!(names[0].0, 1);
    assert!(f.date.is_none(), "the republisher dropped the signoff");
}
