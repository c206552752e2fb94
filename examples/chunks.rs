//! Splits a document into chunks for a retrieval index and prints them as
//! JSON lines: `{"document", "path", "span", "chars", "text"}`.
//!
//! ```text
//! cargo run --release --example chunks                     # the bundled corpus, 500 chars
//! cargo run --release --example chunks -- --max 300 FILE   # a file ('-' for stdin)
//! ```

use std::io::Write;
use std::process::ExitCode;

mod support;

const USAGE: &str = "usage: chunks [--max N] [FILE | -]";

fn main() -> ExitCode {
    let mut max = 500;
    let mut path = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--max" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => max = n,
                None => {
                    eprintln!("--max needs a number\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
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
    let (text, _) = match support::read_input(path.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("chunks: {e}");
            return ExitCode::FAILURE;
        }
    };
    let doc = match gongwen::parse_document(&text) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("chunks: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    for chunk in doc.chunks(max) {
        let line = match serde_json::to_string(&chunk) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("chunks: {e}");
                return ExitCode::FAILURE;
            }
        };
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}
