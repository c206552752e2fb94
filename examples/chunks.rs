//! Splits a document into chunks for a retrieval index and prints them as
//! JSON lines: `{"document", "path", "span", "chars", "text"}`.
//!
//! ```text
//! cargo run --release --example chunks                     # the bundled corpus, 500 chars
//! cargo run --release --example chunks -- --max 300 FILE   # a file ('-' for stdin)
//! ```

use std::process::ExitCode;

mod support;

const TOOL: support::Tool = support::Tool {
    name: "chunks",
    usage: "usage: chunks [--max N] [FILE | -]   (N >= 1 characters, 500 by default)",
};

fn main() -> ExitCode {
    use lexopt::prelude::*;
    let mut max = 500usize;
    let mut path: Option<String> = None;
    let mut parser = lexopt::Parser::from_env();
    loop {
        let arg = match parser.next() {
            Ok(Some(arg)) => arg,
            Ok(None) => break,
            Err(e) => return TOOL.usage_error(e),
        };
        match arg {
            Long("max") => {
                let value = parser.value().map_err(|e| e.to_string()).and_then(|v| {
                    v.to_string_lossy()
                        .parse::<usize>()
                        .map_err(|e| format!("--max: {e}"))
                });
                match value {
                    Ok(0) => return TOOL.usage_error("--max must be at least 1"),
                    Ok(n) => max = n,
                    Err(e) => return TOOL.usage_error(e),
                }
            }
            Short('h') | Long("help") => return TOOL.help(),
            Value(v) if path.is_none() => path = Some(v.to_string_lossy().into_owned()),
            other => return TOOL.usage_error(other.unexpected()),
        }
    }
    let (text, _) = match support::read_input(path.as_deref()) {
        Ok(t) => t,
        Err(e) => return TOOL.fail(e),
    };
    let doc = match gongwen::parse_document(&text) {
        Ok(d) => d,
        Err(e) => return TOOL.fail(e),
    };
    let mut out = support::Out::new();
    for chunk in doc.chunks(max) {
        let line = match serde_json::to_string(&chunk) {
            Ok(l) => l,
            Err(e) => return TOOL.fail(e),
        };
        if !out.line(line) {
            break;
        }
    }
    ExitCode::SUCCESS
}
