//! Prints the outline of a Chinese official document.
//!
//! ```text
//! cargo run --release --example outline                 # the bundled corpus
//! cargo run --release --example outline -- FILE         # a file ('-' for stdin)
//! cargo run --release --example outline -- --json FILE  # the tree as JSON
//! cargo run --release --example outline -- --markdown FILE  # as Markdown
//! ```
//!
//! Files may be UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.

use std::process::ExitCode;

mod support;

const USAGE: &str = "usage: outline [--json | --markdown] [FILE | -]";

fn main() -> ExitCode {
    let mut json = false;
    let mut markdown = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "--markdown" => markdown = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if path.is_none() => path = Some(arg),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let (text, encoding) = match support::read_input(path.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("outline: {e}");
            return ExitCode::FAILURE;
        }
    };
    let doc = match gongwen::parse_document(&text) {
        Ok(d) => d.with_encoding(encoding),
        Err(e) => {
            eprintln!("outline: {e}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        match serde_json::to_string(&doc) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("outline: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else if markdown {
        print!("{}", doc.to_markdown());
    } else {
        print!("{}", doc.outline());
    }
    ExitCode::SUCCESS
}
