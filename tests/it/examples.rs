//! The examples as tools, run as a user runs them (`cargo run --example`):
//! their command-line errors, and the README's sample sessions, which must
//! show what the commands print today.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `cargo run --quiet --example NAME -- ARGS` in the repository, with
/// `stdin` as its input.
fn run(name: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", name, "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cargo runs");
    if let Some(mut input) = child.stdin.take() {
        input
            .write_all(stdin.as_bytes())
            .expect("stdin takes the text");
    }
    child.wait_with_output().expect("the example ends")
}

#[test]
fn wrong_command_lines_are_errors_with_the_usage_line() {
    // (example, arguments, exit code, what stderr starts with, and whether
    // the usage line follows).
    let cases: [(&str, &[&str], i32, &str, bool); 7] = [
        (
            "outline",
            &["--jsn"],
            2,
            "outline: invalid option '--jsn'",
            true,
        ),
        (
            "outline",
            &["--json", "--markdown"],
            2,
            "outline: --json and --markdown cannot be used together",
            true,
        ),
        (
            "outline",
            &["a.txt", "b.txt"],
            2,
            "outline: unexpected argument",
            true,
        ),
        (
            "outline",
            &["no-such-file.txt"],
            1,
            "outline: no-such-file.txt: ",
            false,
        ),
        (
            "chunks",
            &["--max", "0"],
            2,
            "chunks: --max must be at least 1",
            true,
        ),
        (
            "chunks",
            &["--max", "many"],
            2,
            "chunks: --max: invalid digit",
            true,
        ),
        ("lint", &[], 2, "lint: no file given", true),
    ];
    for (name, args, code, start, usage) in cases {
        let out = run(name, args, "");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{name} {args:?}: {stderr}");
        assert!(stderr.starts_with(start), "{name} {args:?}: {stderr}");
        assert_eq!(
            stderr.contains(&format!("usage: {name}")),
            usage,
            "{name} {args:?}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{name} {args:?}");
    }
}

#[test]
fn stdin_is_read_when_asked_for_with_a_dash() {
    let out = run("outline", &["-"], "关于甲的通知\n一、总体要求\n");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("一、 总体要求"), "{stdout}");
}

#[test]
fn lint_says_how_many_findings_went_over_the_cap() {
    let out = run(
        "lint",
        &["--max-findings", "1", "tests/data/speeches.txt"],
        "",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let last = stderr.lines().last().unwrap_or("");
    assert!(
        last.starts_with("lint: ") && last.contains("over the cap of 1"),
        "{stderr}"
    );
    // Raised, nothing is dropped.
    let out = run(
        "lint",
        &["--max-findings", "1000", "tests/data/speeches.txt"],
        "",
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).lines().count() > 1);
}

/// A sample session of the README: the command after `$ `, then what it
/// prints. A line `...` ends the sample (more follows); a line ending with
/// `…` stands for any line that begins as it does.
#[test]
fn the_readme_shows_what_the_commands_print() {
    let readme = include_str!("../../README.md");
    let mut sessions: Vec<(String, Vec<&str>)> = Vec::new();
    let mut in_text = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_text = line == "```text";
            continue;
        }
        if !in_text {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            sessions.push((command.to_owned(), Vec::new()));
        } else if let Some((_, shown)) = sessions.last_mut() {
            shown.push(line);
        }
    }
    assert!(sessions.len() >= 3, "{sessions:?}");
    for (command, shown) in &sessions {
        let command = command.split(" #").next().unwrap_or("").trim();
        let words: Vec<&str> = command.split_whitespace().collect();
        let ["cargo", "run", rest @ ..] = words.as_slice() else {
            panic!("a README session that is no `cargo run`: {command}");
        };
        // The build profile changes nothing printed.
        let rest: Vec<&str> = rest.iter().copied().filter(|w| *w != "--release").collect();
        let ["--example", name, args @ ..] = rest.as_slice() else {
            panic!("not an example: {command}");
        };
        let args: Vec<&str> = args.iter().copied().filter(|a| *a != "--").collect();
        let out = run(name, &args, "");
        assert!(out.status.code().is_some_and(|c| c <= 1), "{command}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let mut printed = stdout.lines();
        for want in shown {
            if *want == "..." {
                break;
            }
            let got = printed
                .next()
                .unwrap_or_else(|| panic!("{command}: ends before {want}"));
            match want.strip_suffix('…') {
                Some(start) => assert!(
                    got.starts_with(start),
                    "{command}\nREADME: {want}\nprints: {got}"
                ),
                None => assert_eq!(got, *want, "{command}"),
            }
        }
    }
}
