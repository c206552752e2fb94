//! What the examples share: reading a file or stdin in any encoding
//! `gongwen::decode` knows (the bundled corpus when no file is given),
//! errors prefixed with the example's name, usage errors with the usage
//! line, and output that stops quietly when the reader goes away.

// Each example uses part of this module.
#![allow(dead_code)]

use std::fmt::Display;
use std::io::{Read, Write};
use std::process::ExitCode;

/// The bundled corpus, used when no file is given.
pub const CORPUS: &str = include_str!("../../tests/data/speeches.txt");

/// An example's name and usage line, for its messages.
pub struct Tool {
    pub name: &'static str,
    pub usage: &'static str,
}

impl Tool {
    /// A wrong command line: the message and the usage line, exit 2.
    pub fn usage_error(&self, message: impl Display) -> ExitCode {
        eprintln!("{}: {message}\n{}", self.name, self.usage);
        ExitCode::from(2)
    }

    /// Something that could not be done: the message, exit 1.
    pub fn fail(&self, message: impl Display) -> ExitCode {
        eprintln!("{}: {message}", self.name);
        ExitCode::FAILURE
    }

    /// `--help`: the usage line on stdout, exit 0.
    pub fn help(&self) -> ExitCode {
        println!("{}", self.usage);
        ExitCode::SUCCESS
    }

    /// The next argument, `None` at the end, or the usage error to exit
    /// with.
    pub fn next_arg<'p>(
        &self,
        parser: &'p mut lexopt::Parser,
    ) -> Result<Option<lexopt::Arg<'p>>, ExitCode> {
        parser.next().map_err(|e| self.usage_error(e))
    }

    /// The value of option `flag` read as a count, or the usage error to
    /// exit with.
    pub fn count(&self, parser: &mut lexopt::Parser, flag: &str) -> Result<usize, ExitCode> {
        let value = parser.value().map_err(|e| self.usage_error(e))?;
        value
            .to_string_lossy()
            .parse()
            .map_err(|e| self.usage_error(format!("{flag}: {e}")))
    }
}

/// The text of `path` (`-` for stdin), or of the bundled corpus for `None`,
/// decoded from UTF-8, UTF-16 with BOM, or GB18030/GBK, with the encoding
/// it was decoded from.
pub fn read_input(path: Option<&str>) -> Result<(String, gongwen::Encoding), String> {
    let Some(path) = path else {
        return Ok((CORPUS.to_owned(), gongwen::Encoding::Utf8));
    };
    let mut bytes = Vec::new();
    let io = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    io.map_err(|e| format!("{path}: {e}"))?;
    let decoded = gongwen::decode(&bytes).map_err(|e| format!("{path}: {e}"))?;
    Ok((decoded.text.into_owned(), decoded.encoding))
}

/// Standard output, written line by line; a closed pipe (`| head`) ends
/// the output instead of a panic.
pub struct Out(std::io::StdoutLock<'static>);

impl Out {
    pub fn new() -> Self {
        Out(std::io::stdout().lock())
    }

    /// Writes `text`; false once the reader has gone away.
    pub fn write(&mut self, text: impl Display) -> bool {
        write!(self.0, "{text}").is_ok()
    }

    /// Writes `text` and a line break; false once the reader has gone away.
    pub fn line(&mut self, text: impl Display) -> bool {
        writeln!(self.0, "{text}").is_ok()
    }
}
