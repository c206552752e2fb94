//! Prints the outline of a Chinese official document.
//!
//! ```text
//! cargo run --release --example outline                     # the bundled corpus
//! cargo run --release --example outline -- FILE             # a file ('-' for stdin)
//! cargo run --release --example outline -- --json FILE      # the tree as JSON
//! cargo run --release --example outline -- --markdown FILE  # as Markdown
//! ```
//!
//! Files may be UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.
//! The outline has a line per document (`L<line> ## <title> [<genre>]`,
//! then its frame's elements indented) and a line per item (`L<line>`, the
//! item indented four spaces a level, its marker as written, its heading).

use std::process::ExitCode;

mod support;

const TOOL: support::Tool = support::Tool {
    name: "outline",
    usage: "usage: outline [--json | --markdown] [FILE | -]",
};

enum Form {
    Outline,
    Json,
    Markdown,
}

fn main() -> ExitCode {
    use lexopt::prelude::*;
    let mut form = Form::Outline;
    let mut path: Option<String> = None;
    let mut parser = lexopt::Parser::from_env();
    loop {
        let arg = match TOOL.next_arg(&mut parser) {
            Ok(Some(arg)) => arg,
            Ok(None) => break,
            Err(code) => return code,
        };
        match arg {
            Long("json") | Long("markdown") if !matches!(form, Form::Outline) => {
                return TOOL.usage_error("--json and --markdown cannot be used together");
            }
            Long("json") => form = Form::Json,
            Long("markdown") => form = Form::Markdown,
            Short('h') | Long("help") => return TOOL.help(),
            Value(v) if path.is_none() => path = Some(v.to_string_lossy().into_owned()),
            other => return TOOL.usage_error(other.unexpected()),
        }
    }
    let (text, encoding) = match support::read_input(path.as_deref()) {
        Ok(t) => t,
        Err(e) => return TOOL.fail(e),
    };
    let doc = match gongwen::parse_document(&text) {
        Ok(d) => d.with_encoding(encoding),
        Err(e) => return TOOL.fail(e),
    };
    let mut out = support::Out::new();
    match form {
        Form::Json => match serde_json::to_string(&doc) {
            Ok(s) => out.line(s),
            Err(e) => return TOOL.fail(e),
        },
        Form::Markdown => out.write(doc.to_markdown()),
        Form::Outline => out.write(doc.outline()),
    };
    ExitCode::SUCCESS
}
