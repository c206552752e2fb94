//! Inputs the fuzz targets and properties found failing, replayed by an
//! ordinary `cargo test` through the targets' own checks (`checks.rs`).
//!
//! Each file under `tests/fuzz-crashes/<target>/` has a test here saying
//! what went wrong and why; `every_crash_file_has_a_test` keeps it so.
//! To add one: minimise it (`cargo fuzz tmin --sanitizer none TARGET
//! ARTIFACT`), copy it there under a name that says what it is, and write
//! its test. `parse`, `line_index`, `render` files are the fuzz input
//! itself (text); for `structured` and `options`, whose input is decoded
//! by `Arbitrary`, the file holds the rendered or decoded text (`cargo fuzz
//! fmt` prints it); for `chunks` it holds the text after the first byte
//! (the maximum, given in the test).

use gongwen::Family;

use crate::checks;
use crate::model::parsed_shape;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-crashes");

fn crash(path: &str) -> String {
    let full = format!("{DIR}/{path}");
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn shape(text: &str) -> Vec<Vec<(usize, Family, u32)>> {
    parsed_shape(&gongwen::parse_document(text).expect("parses"))
}

/// Root cause: `LineIndex::line_col` counted the characters that *start*
/// before the offset, so an offset inside a multi-byte character counted
/// that character too and gave the column after it, not the column of the
/// character it falls in (as its docs promise).
#[test]
fn line_col_inside_a_character_is_that_characters_column() {
    let text = crash("line_index/offset-inside-a-character.txt");
    checks::line_index(&text, &[1]);
    let text = "一二\n三";
    let index = gongwen::LineIndex::new(text);
    assert_eq!(index.line_col(text, 1), Ok((1, 1)));
    assert_eq!(index.line_col(text, 4), Ok((1, 2)));
    assert_eq!(index.line_col(text, 8), Ok((2, 1)));
}

/// Root cause: a `首先` opened a run only if its continuation (`其次`) came
/// before any structure heading, so a point with its own sublist
/// (`首先` `一、` `其次`) was read as body and its `其次` with it. A
/// structure heading now stops the run only when it goes on with a list
/// begun before `首先` (its family's first marker after it is not a 1).
#[test]
fn shou_xian_keeps_its_run_over_its_own_sublist() {
    let text = crash("structured/shou-xian-over-its-own-sublist.txt");
    use Family::*;
    assert_eq!(
        shape(&text),
        [
            vec![(1, Seq, 1), (2, CnDun, 1), (1, Seq, 2)],
            vec![(1, CnDun, 1)]
        ]
    );
    checks::tree(&text);
    let text = "首先,加强领导。\n（一）健全机构。\n（二）明确责任。\n其次,狠抓落实。\n";
    assert_eq!(
        shape(text),
        [vec![
            (1, Seq, 1),
            (2, CnParen, 1),
            (2, CnParen, 2),
            (1, Seq, 2)
        ]]
    );
}

/// The guard the fix keeps: a `首先` under `一、` is no run when `二、`
/// (which goes on with the list above it) comes before the `其次`, and a
/// courtesy `首先,我代表…` opens none over a new list either.
#[test]
fn shou_xian_run_still_stops_at_a_heading_that_continues_a_list() {
    use Family::*;
    let text = "一、总结成绩\n首先,加强领导。\n二、部署任务\n其次,狠抓落实。\n";
    assert_eq!(shape(text), [vec![(1, CnDun, 1), (1, CnDun, 2)]]);
    let text = "同志们:\n首先,我代表县委向大家表示感谢。\n一、总结成绩\n其次,要狠抓落实。\n";
    assert_eq!(shape(text), [vec![(1, CnDun, 1)]]);
}

/// Root cause: `最后` became a sibling of the innermost open `seq` *or* `di`
/// item with family `seq`; under a `首先`/`其次` run with a `第一,` list
/// open, it nested a `seq` item inside a `seq` item, so every `第一,`
/// `最后,` pair went one level deeper: the depth grew with the input and
/// the recursive checks, serialiser and drop overflowed the stack. An open
/// `seq` run now takes `最后` before a `di` run inside it, so no family
/// comes twice on a path and no item is deeper than there are families.
#[test]
fn zui_hou_under_a_di_list_in_a_seq_run_does_not_nest_deeper() {
    let text = crash("parse/zui-hou-pairs-nest-without-end.txt");
    checks::tree(&text);
    let doc = gongwen::parse_document(&text).expect("parses");
    assert!(doc.all_items().all(|(depth, _)| depth <= 2));
    use Family::*;
    let text = "首先,加强。\n其次,落实。\n第一,甲\n最后,乙\n";
    assert_eq!(
        shape(text),
        [vec![(1, Seq, 1), (1, Seq, 2), (2, Di, 1), (1, Seq, 3)]]
    );
}

/// Found by the `options` target (the file is its text, after the limit).
/// Root cause: a title under header fields (`时间:`) continues their
/// document, but debris waiting between them (`尾页`, a pager) was not
/// put into it first; it went to the root after the document that spans
/// it, so the root's children overlapped and `validate` failed (a panic in
/// debug builds). Debris now goes into the document the title continues.
#[test]
fn debris_before_a_title_under_header_fields_stays_in_the_document() {
    let text = crash("options/title-after-debris-under-header-fields.txt");
    checks::tree(&text);
    checks::limit(text.len(), &text);
    for text in ["时间:1\n尾页\n参加决议", "时间:1\n尾页\n工作报告\n"] {
        checks::tree(text);
        let doc = gongwen::parse_document(text).expect("parses");
        let kinds: Vec<&str> = doc.walk().map(|(_, n)| n.kind()).collect();
        assert_eq!(kinds, ["document", "meta", "noise", "title"], "{text:?}");
    }
}

/// Root cause: an inline enumeration's last point ran on to its sentence
/// end, and a second `一是` run began before that end, so the two points
/// overlapped. A point now ends where the next point of any run starts.
#[test]
fn a_new_shi_run_inside_the_last_point_of_another_stays_disjoint() {
    let text = crash("render/new-shi-run-inside-the-last-point-of-another.txt");
    checks::renders(&text);
}

/// Root cause: in the check, not the library. The check allowed only
/// white space, a BOM and `#` outside the chunks; Markdown emphasis around
/// an item line (`__㈡基本原则`) is a gap too. The check now takes the
/// tree's gaps as what chunks may leave out. (The file holds the text; the
/// fuzz input's first byte was the maximum, 10.)
#[test]
fn emphasis_delimiters_may_stay_outside_the_chunks() {
    let text = crash("chunks/emphasis-delimiters-outside-the-chunks-max-10.txt");
    checks::chunks(&text, 10);
    checks::chunks("一、总体要求\n__（一）基本原则__\n", 4);
}

/// Found by `frame` within a minute: an attachment list numbered from 0
/// (`附件：0．名单`) gave an attachment numbered 0, which no list has. A
/// name is numbered from 1; a `0．` stays part of the name.
#[test]
fn an_attachment_numbered_zero_keeps_its_number_in_its_name() {
    let text = crash("frame/attachment-numbered-zero.txt");
    assert!(checks::frame(&text) > 0);
    let doc = gongwen::parse_document(&text).expect("parses");
    let first = doc.documents().next().expect("the notice");
    let names: Vec<_> = first.frame.attachments.iter().map(|a| a.ordinal).collect();
    assert_eq!(names.first(), Some(&1));
}

#[test]
fn every_crash_file_has_a_test() {
    let source = include_str!("fuzz_regressions.rs");
    let mut seen = 0;
    for target in std::fs::read_dir(DIR).expect("tests/fuzz-crashes exists") {
        let target = target.expect("a directory entry").path();
        for file in std::fs::read_dir(&target).expect("a target directory") {
            let path = file.expect("a directory entry").path();
            let name = format!(
                "{}/{}",
                target.file_name().and_then(|n| n.to_str()).unwrap_or(""),
                path.file_name().and_then(|n| n.to_str()).unwrap_or("")
            );
            assert!(
                source.contains(&format!("\"{name}\"")),
                "{name} has no test in fuzz_regressions.rs"
            );
            seen += 1;
        }
    }
    assert!(seen >= 2, "found only {seen} crash files");
}

/// Found by `frame` in ten minutes: a converter's comment (`<!-- … -->`)
/// among a compilation's front matter waited as debris for the next line,
/// and the front line after it went to the root first, out of order. Front
/// matter now flushes waiting debris before it.
#[test]
fn a_comment_in_front_matter_stays_in_order() {
    let text = crash("frame/comment-in-front-matter.txt");
    checks::frame(&text);
    checks::tree(&text);
}

/// Root cause: the frame read an attachment list (`附件：1．…`) from a
/// paragraph by adding offsets in its text to its start, which is only
/// right for a paragraph of one piece: when a page's width broke it (here a
/// text the wrap detection reads as wrapped joined the list's first name
/// with the next line), the attachment's span left the source's character
/// boundaries. The frame now places ranges of a joined paragraph through
/// its pieces (`Reflow::source_span`).
#[test]
fn an_attachment_list_in_a_joined_paragraph_stays_on_its_pieces() {
    let text = crash("frame/attachment-list-in-a-joined-paragraph.txt");
    assert!(checks::frame(&text) > 0);
    checks::tree(&text);
}

/// Not a library bug: the `frame` check joined a field named across a line
/// break with `str::lines`, which does not break at a lone CR; the parser
/// does (lone-CR line ends are a layout it reads), so an addressee broken
/// over two rows at a lone CR read back with the CR in it. The check now
/// breaks lines as the parser does.
#[test]
fn an_addressee_broken_at_a_lone_cr_reads_back_joined() {
    let text = crash("frame/addressee-rows-split-by-a-lone-cr.txt");
    assert!(checks::frame(&text) > 0);
    checks::tree(&text);
}

/// Found by `frame`: an addressee broken after a comma (`各县（市、`) took
/// the next line as its second row whenever the two read as one
/// addressee, even when that line opened with a Markdown bullet (`- 本次会
/// 议时间：…`), a list item of its own. A line that opens a block of its
/// own (marker, bullet, heading) is no longer a second row. (The check
/// tripped because the field's span covered the `- ` its text leaves
/// out; it now reads rows as the parser does, see the next test.)
#[test]
fn an_addressee_row_does_not_go_on_into_a_bulleted_line() {
    let text = crash("frame/addressee-row-then-a-markdown-bullet.txt");
    assert!(checks::frame(&text) > 0);
    checks::tree(&text);
    let doc = gongwen::parse_document(
        "关于开展检查的通知\n江政办字〔2023〕64号\n各县（市、\n- 本次会议时间：2024年5月10日\n",
    )
    .expect("parses");
    let frame = &doc.documents().next().expect("the notice").frame;
    // The bulleted line is a line of its own, not the addressee's end.
    assert!(
        frame.addressees.iter().all(|a| !a.text.contains("会议")),
        "{:?}",
        frame.addressees
    );
}

/// Not a library bug: two addressee rows, the second a Markdown bullet
/// row, named one body across the break; its text is the rows' texts
/// joined, and a row's text leaves out its Markdown prefix as it leaves
/// out indentation. The `frame` check took the bullet as text; it now
/// reads each row as the parser does (`row_text`).
#[test]
fn an_addressee_across_a_bulleted_row_reads_back_without_the_bullet() {
    let text = crash("frame/addressee-rows-across-a-bulleted-row.txt");
    assert!(checks::frame(&text) > 0);
    checks::tree(&text);
}
