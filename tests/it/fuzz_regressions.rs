//! Inputs the fuzz targets and properties found failing, replayed by an
//! ordinary `cargo test` through the targets' own checks (`checks.rs`).
//!
//! Each file under `tests/fuzz-crashes/<target>/` has a test here saying
//! what went wrong and why; `every_crash_file_has_a_test` keeps it so.
//! To add one: minimise it (`cargo fuzz tmin --sanitizer none TARGET
//! ARTIFACT`), copy it there under a name that says what it is, and write
//! its test. For `line_index` and `options`, whose fuzz input is an
//! `Arbitrary` tuple, the file holds the decoded text (print it with
//! `cargo fuzz fmt`).

use crate::checks;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-crashes");

fn crash(path: &str) -> String {
    let full = format!("{DIR}/{path}");
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
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
    assert_eq!(index.line_col(text, 1), (1, 1));
    assert_eq!(index.line_col(text, 4), (1, 2));
    assert_eq!(index.line_col(text, 8), (2, 1));
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
    assert!(seen >= 1, "found only {seen} crash files");
}
