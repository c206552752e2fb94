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
        let arg = match TOOL.next_arg(&mut parser) {
            Ok(Some(arg)) => arg,
            Ok(None) => break,
            Err(code) => return code,
        };
        match arg {
            Long("max") => match TOOL.count(&mut parser, "--max") {
                Ok(0) => return TOOL.usage_error("--max must be at least 1"),
                Ok(n) => max = n,
                Err(code) => return code,
            },
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
