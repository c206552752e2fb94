//! Checks the numbering and the GB/T 9704 frame of Chinese official
//! documents and reports like a compiler: `FILE:LINE:COL: severity[code]:
//! message`.
//!
//! ```text
//! cargo run --example lint -- FILE...                 # exit 1 if any error
//! cargo run --example lint -- --json FILE...          # one JSON object per finding
//! cargo run --example lint -- --max-findings 1000 FILE...
//! ```
//!
//! Files may be UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.
//! At most `--max-findings` findings a file are kept (the parser's default
//! otherwise); a last line says how many were dropped over that cap.

use std::process::ExitCode;

mod support;

const TOOL: support::Tool = support::Tool {
    name: "lint",
    usage: "usage: lint [--json] [--max-findings N] FILE...   ('-' for stdin)",
};

fn main() -> ExitCode {
    use lexopt::prelude::*;
    let mut json = false;
    let mut options = gongwen::ParseOptions::default();
    let mut files: Vec<String> = Vec::new();
    let mut parser = lexopt::Parser::from_env();
    loop {
        let arg = match TOOL.next_arg(&mut parser) {
            Ok(Some(arg)) => arg,
            Ok(None) => break,
            Err(code) => return code,
        };
        match arg {
            Long("json") => json = true,
            Long("max-findings") => match TOOL.count(&mut parser, "--max-findings") {
                Ok(n) => options = options.max_diagnostics(n),
                Err(code) => return code,
            },
            Short('h') | Long("help") => return TOOL.help(),
            Value(v) => files.push(v.to_string_lossy().into_owned()),
            other => return TOOL.usage_error(other.unexpected()),
        }
    }
    if files.is_empty() {
        return TOOL.usage_error("no file given");
    }
    let mut errors = 0;
    let mut dropped = 0;
    let mut failed = false;
    let mut out = support::Out::new();
    for file in &files {
        let (text, _) = match support::read_input(Some(file)) {
            Ok(t) => t,
            Err(e) => {
                let _ = TOOL.fail(e);
                failed = true;
                continue;
            }
        };
        let doc = match gongwen::parse_document_with(&text, &options) {
            Ok(d) => d,
            Err(e) => {
                let _ = TOOL.fail(format!("{file}: {e}"));
                failed = true;
                continue;
            }
        };
        dropped += doc.diagnostics_dropped();
        for d in doc.diagnostics() {
            if d.severity == gongwen::Severity::Error {
                errors += 1;
            }
            let shown = if json {
                let mut v = serde_json::to_value(d).unwrap_or_default();
                if let Some(obj) = v.as_object_mut() {
                    obj.insert("file".into(), file.as_str().into());
                }
                v.to_string()
            } else {
                format!("{file}:{d}")
            };
            if !out.line(shown) {
                return ExitCode::SUCCESS;
            }
        }
    }
    if dropped > 0 {
        let _ = TOOL.fail(format!(
            "{dropped} more findings over the cap of {} a file were dropped (raise it with --max-findings)",
            options.max_diagnostics
        ));
    }
    if failed || errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
