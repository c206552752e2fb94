//! What the examples share: reading a file or stdin in any encoding
//! `gongwen::decode` knows, the bundled corpus as the default input.

use std::io::Read;

/// The bundled corpus, used when no file is given.
pub const CORPUS: &str = include_str!("../../tests/data/speeches.txt");

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
