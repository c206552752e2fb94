//! Checks the numbering of Chinese official documents and reports like a
//! compiler: `FILE:LINE:COL: severity[code]: message`.
//!
//! ```text
//! cargo run --example lint -- FILE...          # exit 1 if any error
//! cargo run --example lint -- --json FILE...   # one JSON object per finding
//! ```
//!
//! Files may be UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.

use std::process::ExitCode;

mod support;

fn main() -> ExitCode {
    let mut json = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("usage: lint [--json] FILE...");
                return ExitCode::SUCCESS;
            }
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        eprintln!("usage: lint [--json] FILE...");
        return ExitCode::from(2);
    }
    let mut errors = 0;
    let mut failed = false;
    for file in &files {
        let (text, _) = match support::read_input(Some(file)) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{e}");
                failed = true;
                continue;
            }
        };
        let doc = match gongwen::parse_document(&text) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{file}: {e}");
                failed = true;
                continue;
            }
        };
        for d in doc.diagnostics() {
            if d.severity == gongwen::Severity::Error {
                errors += 1;
            }
            if json {
                let mut v = serde_json::to_value(d).unwrap_or_default();
                if let Some(obj) = v.as_object_mut() {
                    obj.insert("file".into(), file.as_str().into());
                }
                println!("{v}");
            } else {
                println!("{file}:{d}");
            }
        }
    }
    if failed || errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
