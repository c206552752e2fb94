//! Shared helpers: the bundled corpus, its gold outline, and the rows a
//! parsed tree gives for each line (the same conversion as
//! `shared/eval/score.py`).

use std::collections::BTreeMap;

use gongwen::{Compilation, Node};

pub const CORPUS: &str = include_str!("../data/speeches.txt");
pub const GOLD: &str = include_str!("../data/speeches.gold.tsv");

/// The items of `text` as (depth, family, ordinal, heading text).
pub fn outline(text: &str) -> Vec<(usize, gongwen::Family, u32, String)> {
    gongwen::parse_document(text)
        .expect("parses")
        .all_items()
        .map(|(d, i)| (d, i.marker.family, i.marker.ordinal, i.heading.to_string()))
        .collect()
}

/// One scored line: what the outline says about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub doc: usize,
    pub role: String,
    pub depth: usize,
    /// Line of the parent heading, 0 for top level; `None` for non-headings.
    pub parent: Option<usize>,
    pub family: Option<String>,
    pub ordinal: Option<u32>,
}

/// A gold row plus its flag.
#[derive(Clone, Debug)]
pub struct GoldRow {
    pub row: Row,
    pub unsure: bool,
}

pub fn gold_rows() -> BTreeMap<usize, GoldRow> {
    gold_rows_of(GOLD)
}

/// The rows of a gold file's text (format: tests/data/ANNOTATION.md).
pub fn gold_rows_of(gold: &str) -> BTreeMap<usize, GoldRow> {
    let mut out = BTreeMap::new();
    for line in gold.lines().skip(1).filter(|l| !l.is_empty()) {
        let c: Vec<&str> = line.split('\t').collect();
        let n = |i: usize| c.get(i).copied().unwrap_or("-");
        let heading = n(2) == "heading";
        out.insert(
            n(0).parse().expect("gold line number"),
            GoldRow {
                row: Row {
                    doc: n(1).parse().expect("gold doc"),
                    role: n(2).to_owned(),
                    depth: n(3).parse().expect("gold depth"),
                    parent: heading.then(|| n(4).parse().expect("gold parent")),
                    family: heading.then(|| n(5).to_owned()),
                    ordinal: heading.then(|| n(6).parse().expect("gold ordinal")),
                },
                unsure: n(7) == "?",
            },
        );
    }
    out
}

/// 1-based line numbers split on `\n` only, as the gold file counts them.
pub fn line_of(starts: &[usize], offset: usize) -> usize {
    starts.partition_point(|&s| s <= offset)
}

pub fn lf_line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The rows a tree gives, keyed by line number.
pub fn predicted_rows(text: &str, doc: &Compilation<'_>) -> BTreeMap<usize, Row> {
    let starts = lf_line_starts(text);
    let mut rows = BTreeMap::new();
    let mut doc_no = 0;
    fn walk(
        nodes: &[Node<'_>],
        starts: &[usize],
        doc: usize,
        parent: usize,
        depth: usize,
        doc_no: &mut usize,
        rows: &mut BTreeMap<usize, Row>,
    ) {
        for node in nodes {
            let span = node.span();
            let first = line_of(starts, span.start);
            match node {
                Node::Document(p) => {
                    *doc_no += 1;
                    let d = *doc_no;
                    walk(&p.children, starts, d, 0, 0, doc_no, rows);
                }
                Node::Item(item) => {
                    rows.insert(
                        first,
                        Row {
                            doc,
                            role: "heading".into(),
                            depth: depth + 1,
                            parent: Some(parent),
                            family: Some(item.marker.family.name().into()),
                            ordinal: Some(item.marker.ordinal),
                        },
                    );
                    walk(&item.children, starts, doc, first, depth + 1, doc_no, rows);
                }
                other => {
                    let role = match other.kind() {
                        "paragraph" => "body",
                        k => k,
                    };
                    let last = line_of(starts, span.end.saturating_sub(1).max(span.start));
                    for ln in first..=last {
                        rows.insert(
                            ln,
                            Row {
                                doc,
                                role: role.into(),
                                depth: 0,
                                parent: None,
                                family: None,
                                ordinal: None,
                            },
                        );
                    }
                }
            }
            // Page furniture inside a joined paragraph or item line is
            // noise, over the role of the line it interrupts.
            walk(node.furniture(), starts, doc, parent, depth, doc_no, rows);
        }
    }
    walk(doc.children(), &starts, 0, 0, 0, &mut doc_no, &mut rows);
    rows
}

/// The four figures of `score.py`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    pub heading_f1: f64,
    pub parent_acc: f64,
    pub doc_f1: f64,
    pub role_acc: f64,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Scores predicted rows against the gold, returning the figures and a
/// list of human-readable mismatches.
pub fn score(pred: &BTreeMap<usize, Row>) -> (Scores, Vec<String>) {
    let (counts, notes) = count(&gold_rows(), pred);
    (counts.scores(), notes)
}

/// What the four figures are made of, per file; add them up to pool files
/// (micro-average, as `shared/eval/pool.py` does).
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub gold_h: usize,
    pub pred_h: usize,
    pub tp_h: usize,
    pub nest_total: usize,
    pub nest_ok: usize,
    pub gold_d: usize,
    pub pred_d: usize,
    pub tp_d: usize,
    pub lines: usize,
    pub role_ok: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.gold_h += o.gold_h;
        self.pred_h += o.pred_h;
        self.tp_h += o.tp_h;
        self.nest_total += o.nest_total;
        self.nest_ok += o.nest_ok;
        self.gold_d += o.gold_d;
        self.pred_d += o.pred_d;
        self.tp_d += o.tp_d;
        self.lines += o.lines;
        self.role_ok += o.role_ok;
    }
}

impl Counts {
    pub fn scores(&self) -> Scores {
        Scores {
            heading_f1: f1(ratio(self.tp_h, self.pred_h), ratio(self.tp_h, self.gold_h)),
            parent_acc: ratio(self.nest_ok, self.nest_total),
            doc_f1: f1(ratio(self.tp_d, self.pred_d), ratio(self.tp_d, self.gold_d)),
            role_acc: ratio(self.role_ok, self.lines),
        }
    }
}

/// Counts predicted rows against gold rows, with a list of human-readable
/// mismatches.
pub fn count(
    gold: &BTreeMap<usize, GoldRow>,
    pred: &BTreeMap<usize, Row>,
) -> (Counts, Vec<String>) {
    let mut notes = Vec::new();
    let role = |ln: &usize| pred.get(ln).map_or("body", |r| r.role.as_str()).to_owned();
    let mut role_ok = 0;
    for (ln, g) in gold {
        let r = role(ln);
        if r == g.row.role {
            role_ok += 1;
        } else {
            notes.push(format!("L{ln}: role {} -> {r}", g.row.role));
        }
    }
    let gh: Vec<usize> = gold
        .iter()
        .filter(|(_, g)| g.row.role == "heading")
        .map(|(l, _)| *l)
        .collect();
    let ph: Vec<usize> = pred
        .iter()
        .filter(|(l, r)| r.role == "heading" && gold.contains_key(l))
        .map(|(l, _)| *l)
        .collect();
    let tp = gh.iter().filter(|l| ph.contains(l)).count();
    let (mut nest_total, mut nest_ok) = (0, 0);
    for ln in &gh {
        let g = &gold[ln];
        if g.unsure {
            continue;
        }
        nest_total += 1;
        if let Some(p) = pred.get(ln).filter(|r| r.role == "heading") {
            if p.parent == g.row.parent {
                nest_ok += 1;
            } else {
                notes.push(format!(
                    "L{ln}: parent {:?} -> {:?}",
                    g.row.parent, p.parent
                ));
            }
        }
    }
    let starts = |rows: &mut dyn Iterator<Item = (usize, usize)>| {
        let mut seen = std::collections::BTreeSet::new();
        let mut out = std::collections::BTreeSet::new();
        for (ln, d) in rows {
            if d != 0 && seen.insert(d) {
                out.insert(ln);
            }
        }
        out
    };
    let gs = starts(&mut gold.iter().map(|(l, g)| (*l, g.row.doc)));
    let ps = starts(
        &mut pred
            .iter()
            .filter(|(l, _)| gold.contains_key(l))
            .map(|(l, r)| (*l, r.doc)),
    );
    let dtp = gs.intersection(&ps).count();
    let counts = Counts {
        gold_h: gh.len(),
        pred_h: ph.len(),
        tp_h: tp,
        nest_total,
        nest_ok,
        gold_d: gs.len(),
        pred_d: ps.len(),
        tp_d: dtp,
        lines: gold.len(),
        role_ok,
    };
    (counts, notes)
}

/// Golden files: each `(path, actual)` is compared with the file at
/// `path`; every file that differs is reported with a unified diff, and the
/// test fails once, with the count, after all were compared. With `BLESS=1`
/// the files are rewritten instead.
pub fn check_goldens(files: impl IntoIterator<Item = (String, String)>) {
    let bless = std::env::var_os("BLESS").is_some();
    let mut compared = 0;
    let mut reports = Vec::new();
    for (path, actual) in files {
        compared += 1;
        if bless {
            std::fs::write(&path, &actual).expect("write golden file");
            continue;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{path}: {e} (run with BLESS=1 to create it)"));
        if expected != actual {
            let diff = similar::TextDiff::from_lines(&expected, &actual)
                .unified_diff()
                .context_radius(2)
                .header(&path, "actual")
                .to_string();
            reports.push(diff);
        }
    }
    assert!(
        reports.is_empty(),
        "{} of {compared} golden files differ (rerun with BLESS=1 if the change is intended):\n{}",
        reports.len(),
        reports.join("\n")
    );
}

/// One golden file (see [`check_goldens`]).
pub fn check_golden(path: &str, actual: &str) {
    check_goldens([(path.to_owned(), actual.to_owned())]);
}

/// Every item of a tree as (depth, family, ordinal), depth 1 for a
/// document's top-level items: the shape tests compare.
pub fn item_shape(doc: &gongwen::Compilation<'_>) -> Vec<(usize, gongwen::Family, u32)> {
    doc.all_items()
        .map(|(d, i)| (d, i.marker.family, i.marker.ordinal))
        .collect()
}

/// Half-width ASCII punctuation turned full-width, as Chinese documents
/// write it (`,` → `，`, `(` → `（` ...).
pub fn full_width(line: &str) -> String {
    line.chars()
        .map(|c| match c {
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '(' => '（',
            ')' => '）',
            '!' => '！',
            '?' => '？',
            c => c,
        })
        .collect()
}

/// Two ideographic spaces before every non-empty line, as Word and web
/// text indent paragraphs (`shared/eval/transform.py indent`).
pub fn indent(t: &str) -> String {
    t.split('\n')
        .map(|l| {
            if l.trim().is_empty() {
                l.to_owned()
            } else {
                format!("\u{3000}\u{3000}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `NAME.txt` of `tests/data/<dir>` that has a `NAME.gold.tsv`.
pub fn gold_files(dir: &str) -> Vec<(String, String, String)> {
    let dir = format!("{}/tests/data/{dir}", env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .expect("data dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| {
            let gold = std::fs::read_to_string(p.with_extension("gold.tsv")).ok()?;
            let text = std::fs::read_to_string(&p).expect("text is UTF-8");
            Some((p.display().to_string(), text, gold))
        })
        .collect();
    out.sort();
    out
}

/// A test failure's report: the figures, then every mismatch.
pub fn report(s: Scores, notes: &[String]) -> String {
    format!("{s:?}\n{} mismatches:\n{}", notes.len(), notes.join("\n"))
}

/// Pools the files' counts; returns the figures and every mismatch.
pub fn pooled(files: &[(String, String, String)]) -> (Counts, Vec<String>) {
    let mut all = Counts::default();
    let mut notes = Vec::new();
    for (path, text, gold) in files {
        let doc = gongwen::parse_document(text).expect("parses");
        let (c, n) = count(&gold_rows_of(gold), &predicted_rows(text, &doc));
        all += c;
        notes.extend(n.into_iter().map(|m| format!("{path}: {m}")));
    }
    (all, notes)
}
