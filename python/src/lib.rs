//! Python bindings of gongwen (the `gongwen._gongwen` extension module).
//!
//! One parser: these are thin views over `gongwen::Compilation`. A parsed
//! tree is kept with the text it borrows (`self_cell`: a `str` or UTF-8
//! `bytes` as Python holds them, other bytes decoded once) and shared by the
//! Python objects that look into it; spans are given both as byte offsets
//! into the UTF-8 text (`byte_span`, as the Rust crate and its JSON give
//! them) and as Python string indices (`char_span`).

#![forbid(unsafe_code)]

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyList, PyString};
use rayon::prelude::*;

create_exception!(
    _gongwen,
    GongwenError,
    PyValueError,
    "Input gongwen could not read."
);
create_exception!(
    _gongwen,
    InputTooLarge,
    GongwenError,
    "Input over the size limit."
);
create_exception!(
    _gongwen,
    DecodeError,
    GongwenError,
    "Bytes that do not decode."
);

/// The Python exception for a parse error.
fn parse_error(e: gongwen::ParseError) -> PyErr {
    match e {
        gongwen::ParseError::TooLarge { .. } => InputTooLarge::new_err(e.to_string()),
        gongwen::ParseError::Decode { .. } | gongwen::ParseError::Undecodable { .. } => {
            DecodeError::new_err(e.to_string())
        }
        other => GongwenError::new_err(other.to_string()),
    }
}

/// Byte offsets into a text turned into Python string indices (code
/// points): a count of the characters before every [`STEP`]-th byte, and
/// the characters of the last stretch counted when asked.
struct CharIndex {
    before: Vec<usize>,
}

/// Bytes between two checkpoints of a [`CharIndex`].
const STEP: usize = 256;

/// A UTF-8 byte that starts a character (not a continuation byte).
fn starts_char(b: u8) -> bool {
    b & 0xC0 != 0x80
}

impl CharIndex {
    fn new(text: &str) -> Self {
        let mut before = Vec::with_capacity(text.len() / STEP + 1);
        let mut count = 0;
        for chunk in text.as_bytes().chunks(STEP) {
            before.push(count);
            count += chunk.iter().filter(|&&b| starts_char(b)).count();
        }
        before.push(count);
        CharIndex { before }
    }

    /// The index in the Python string of byte `offset` of `text`.
    fn char_offset(&self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len());
        let k = offset / STEP;
        let base = self.before.get(k).copied().unwrap_or(0);
        let rest = text.as_bytes().get(k * STEP..offset).unwrap_or(&[]);
        base + rest.iter().filter(|&&b| starts_char(b)).count()
    }
}

/// The parsed tree, as self_cell names its dependent.
type ParsedTree<'a> = gongwen::Compilation<'a>;

self_cell::self_cell!(
    /// A text and the tree parsed from it, which borrows it: no copy of
    /// the nodes' texts, unlike `Compilation::into_owned`.
    struct Parsed {
        owner: Source,
        #[covariant]
        dependent: ParsedTree,
    }
);

/// A span as Python's `(start, end)` byte offsets.
fn pair(span: gongwen::Span) -> (usize, usize) {
    (span.start, span.end)
}

/// A parsed tree with what its views need.
struct Tree {
    parsed: Parsed,
    chars: OnceLock<CharIndex>,
    /// Where each document stands among the root's nodes, found when a
    /// document is first asked for (so that reaching document k does not
    /// walk the k before it).
    documents: OnceLock<Vec<usize>>,
}

impl Tree {
    fn new(parsed: Parsed) -> Arc<Self> {
        Arc::new(Tree {
            parsed,
            chars: OnceLock::new(),
            documents: OnceLock::new(),
        })
    }

    fn doc(&self) -> &gongwen::Compilation<'_> {
        self.parsed.borrow_dependent()
    }

    fn char_span(&self, span: gongwen::Span) -> (usize, usize) {
        let text = self.doc().source();
        let index = self.chars.get_or_init(|| CharIndex::new(text));
        (
            index.char_offset(text, span.start),
            index.char_offset(text, span.end),
        )
    }

    fn document(&self, index: usize) -> Option<&gongwen::Document<'_>> {
        let root = self.doc().children();
        let at = self.documents.get_or_init(|| {
            root.iter()
                .enumerate()
                .filter(|(_, n)| n.as_document().is_some())
                .map(|(k, _)| k)
                .collect()
        });
        root.get(*at.get(index)?)?.as_document()
    }

    /// The item at `path`: a document's index, then the index of each
    /// node among its parent's children.
    fn item(&self, path: &[usize]) -> Option<&gongwen::Item<'_>> {
        let (&doc, rest) = path.split_first()?;
        let mut nodes = &self.document(doc)?.children;
        let mut found = None;
        for &k in rest {
            let item = nodes.get(k)?.as_item()?;
            nodes = &item.children;
            found = Some(item);
        }
        found
    }
}

/// The text a tree is parsed from: a `str` kept as Python gave it (its
/// UTF-8 form), `bytes` kept as Python gave them (parsed in place when they
/// are UTF-8, so checked once and never copied), or the text other `bytes`
/// decode to.
enum Source {
    /// A `str`, as its UTF-8 form.
    Str(PyBackedStr),
    /// `bytes`, not yet decoded.
    Bytes(PyBackedBytes),
    /// `bytes` in another encoding than UTF-8, decoded.
    Decoded(String, gongwen::Encoding),
}

/// The source of a `str` or `bytes` argument (decoding waits for the
/// parse, which runs without the GIL).
fn source_of(input: &Bound<'_, PyAny>) -> PyResult<Source> {
    if let Ok(s) = input.cast::<PyString>() {
        return Ok(Source::Str(PyBackedStr::try_from(s.clone())?));
    }
    if let Ok(b) = input.cast::<PyBytes>() {
        return Ok(Source::Bytes(PyBackedBytes::from(b.clone())));
    }
    Err(pyo3::exceptions::PyTypeError::new_err(
        "parse() takes str or bytes",
    ))
}

/// Why a parse of a [`Source`] stopped.
enum Stop {
    /// The text could not be read or broke a limit.
    Failed(gongwen::ParseError),
    /// The bytes decode to a text of their own (GB18030, UTF-16), which
    /// must be kept beside the tree: parse that instead.
    Decoded(String, gongwen::Encoding),
}

/// Parses `source`, which the result keeps.
fn parse_owned(source: Source) -> Result<Parsed, gongwen::ParseError> {
    let parsed = Parsed::try_new(source, |source| {
        let (text, encoding): (&str, _) = match source {
            Source::Str(s) => (s, None),
            Source::Bytes(b) => {
                let decoded = gongwen::decode(b).map_err(Stop::Failed)?;
                match decoded.text {
                    Cow::Borrowed(text) => (text, Some(decoded.encoding)),
                    Cow::Owned(text) => return Err(Stop::Decoded(text, decoded.encoding)),
                }
            }
            Source::Decoded(s, e) => (s, Some(*e)),
        };
        let doc = gongwen::parse_document(text).map_err(Stop::Failed)?;
        Ok(match encoding {
            Some(e) => doc.with_encoding(e),
            None => doc,
        })
    });
    match parsed {
        Ok(parsed) => Ok(parsed),
        Err(Stop::Failed(e)) => Err(e),
        // (A decoded text never stops here again: this recurses once.)
        Err(Stop::Decoded(text, encoding)) => parse_owned(Source::Decoded(text, encoding)),
    }
}

/// Parses a text (`str`, or `bytes` in UTF-8, UTF-16 with BOM or
/// GB18030) into its outline. The GIL is released while parsing.
#[pyfunction]
fn parse(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Compilation> {
    let source = source_of(text)?;
    let doc = py.detach(|| parse_owned(source)).map_err(parse_error)?;
    Ok(Compilation {
        tree: Tree::new(doc),
    })
}

/// Parses many texts in parallel on Rust threads; the results are in the
/// order of the texts. The first text that cannot be read raises.
#[pyfunction]
fn parse_many(py: Python<'_>, texts: &Bound<'_, PyList>) -> PyResult<Vec<Compilation>> {
    let inputs: Vec<Source> = texts
        .iter()
        .map(|t| source_of(&t))
        .collect::<PyResult<_>>()?;
    let docs = py.detach(|| {
        inputs
            .into_par_iter()
            .map(parse_owned)
            .collect::<Result<Vec<_>, _>>()
    });
    Ok(docs
        .map_err(parse_error)?
        .into_iter()
        .map(|doc| Compilation {
            tree: Tree::new(doc),
        })
        .collect())
}

/// `json.loads` of `text`.
fn json_loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (text,))
}

/// A parsed input: one or more documents, with the front matter and
/// debris between them.
#[pyclass(frozen, module = "gongwen")]
struct Compilation {
    tree: Arc<Tree>,
}

#[pymethods]
impl Compilation {
    /// The text the tree was parsed from (decoded, for `bytes`).
    #[getter]
    fn source(&self) -> &str {
        self.tree.doc().source()
    }

    /// The encoding `bytes` were decoded from (`utf-8`, `gb18030` ...), or
    /// `None` for a `str`.
    #[getter]
    fn encoding(&self) -> Option<String> {
        self.tree.doc().encoding().map(|e| e.name().to_owned())
    }

    /// The documents, in order.
    #[getter]
    fn documents(&self) -> Vec<Document> {
        (0..self.tree.doc().documents().count())
            .map(|index| Document {
                tree: Arc::clone(&self.tree),
                index,
            })
            .collect()
    }

    /// Every numbered item of every document with its depth (1 for a
    /// top-level item), depth first.
    fn all_items(&self) -> Vec<(usize, Item)> {
        let mut out = Vec::new();
        for (d, doc) in self.tree.doc().documents().enumerate() {
            collect_items(&self.tree, &doc.children, &mut vec![d], 1, &mut out);
        }
        out
    }

    /// The findings of the numbering and GB/T 9704 checks.
    #[getter]
    fn diagnostics(&self) -> Vec<Diagnostic> {
        self.tree
            .doc()
            .diagnostics()
            .iter()
            .map(|d| Diagnostic::new(&self.tree, d))
            .collect()
    }

    /// The tree as the Rust crate's JSON (see its `JSON.md`).
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(self.tree.doc()).map_err(|e| GongwenError::new_err(e.to_string()))
    }

    /// The JSON as Python values.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_loads(py, &self.to_json()?)
    }

    /// The outline as text: a line per document and item.
    fn outline(&self) -> String {
        self.tree.doc().outline()
    }

    /// The tree as Markdown.
    fn to_markdown(&self) -> String {
        self.tree.doc().to_markdown()
    }

    fn __repr__(&self) -> String {
        format!(
            "<gongwen.Compilation: {} documents, {} items>",
            self.tree.doc().documents().count(),
            self.tree.doc().all_items().count()
        )
    }
}

/// Pushes the items among `nodes` (at `path`) and their descendants.
fn collect_items(
    tree: &Arc<Tree>,
    nodes: &[gongwen::Node<'_>],
    path: &mut Vec<usize>,
    depth: usize,
    out: &mut Vec<(usize, Item)>,
) {
    for (k, node) in nodes.iter().enumerate() {
        if let Some(item) = node.as_item() {
            path.push(k);
            out.push((
                depth,
                Item {
                    tree: Arc::clone(tree),
                    path: path.clone(),
                },
            ));
            collect_items(tree, &item.children, path, depth + 1, out);
            path.pop();
        }
    }
}

/// The items directly among `nodes`, whose parent is at `parent`.
fn items_among(tree: &Arc<Tree>, nodes: &[gongwen::Node<'_>], parent: &[usize]) -> Vec<Item> {
    nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.as_item().is_some())
        .map(|(k, _)| {
            let mut path = parent.to_vec();
            path.push(k);
            Item {
                tree: Arc::clone(tree),
                path,
            }
        })
        .collect()
}

/// One document of a compilation.
#[pyclass(frozen, module = "gongwen")]
struct Document {
    tree: Arc<Tree>,
    index: usize,
}

impl Document {
    fn get(&self) -> PyResult<&gongwen::Document<'_>> {
        self.tree
            .document(self.index)
            .ok_or_else(|| GongwenError::new_err("no such document"))
    }
}

#[pymethods]
impl Document {
    /// The title rows joined, or `None`.
    #[getter]
    fn title(&self) -> PyResult<Option<String>> {
        Ok(self.get()?.title().map(|t| t.into_owned()))
    }

    /// `speech`, `minutes`, `report`, `notice`, `opinion`, `plan`,
    /// `regulation` or `other`.
    #[getter]
    fn genre(&self) -> PyResult<String> {
        Ok(self.get()?.genre.name().to_owned())
    }

    /// The GB/T 9704 elements read from its lines, as the JSON's `frame`.
    #[getter]
    fn frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_string(&self.get()?.frame)
            .map_err(|e| GongwenError::new_err(e.to_string()))?;
        json_loads(py, &json)
    }

    /// Its top-level numbered items.
    #[getter]
    fn items(&self) -> PyResult<Vec<Item>> {
        Ok(items_among(
            &self.tree,
            &self.get()?.children,
            &[self.index],
        ))
    }

    /// Every numbered item in it with its depth (1 for top-level).
    fn all_items(&self) -> PyResult<Vec<(usize, Item)>> {
        let mut out = Vec::new();
        collect_items(
            &self.tree,
            &self.get()?.children,
            &mut vec![self.index],
            1,
            &mut out,
        );
        Ok(out)
    }

    /// Byte offsets of the document in the UTF-8 text.
    #[getter]
    fn byte_span(&self) -> PyResult<(usize, usize)> {
        Ok(pair(self.get()?.span))
    }

    /// Indices of the document in the Python string.
    #[getter]
    fn char_span(&self) -> PyResult<(usize, usize)> {
        Ok(self.tree.char_span(self.get()?.span))
    }

    fn __repr__(&self) -> PyResult<String> {
        let d = self.get()?;
        Ok(format!(
            "<gongwen.Document {:?} [{}]>",
            d.title().unwrap_or_default(),
            d.genre
        ))
    }
}

/// A numbered item: its marker, heading and the items under it.
#[pyclass(frozen, module = "gongwen")]
struct Item {
    tree: Arc<Tree>,
    path: Vec<usize>,
}

impl Item {
    fn get(&self) -> PyResult<&gongwen::Item<'_>> {
        self.tree
            .item(&self.path)
            .ok_or_else(|| GongwenError::new_err("no such item"))
    }
}

#[pymethods]
impl Item {
    /// The marker's family: `cn-dun`, `cn-paren`, `ar-dot` ...
    #[getter]
    fn family(&self) -> PyResult<String> {
        Ok(self.get()?.marker.family.name().to_owned())
    }

    /// The number the marker denotes.
    #[getter]
    fn ordinal(&self) -> PyResult<u32> {
        Ok(self.get()?.marker.ordinal)
    }

    /// The marker as written (`（二）`).
    #[getter]
    fn marker(&self) -> PyResult<String> {
        Ok(self.get()?.marker_text().to_owned())
    }

    /// The lead clause after the marker.
    #[getter]
    fn heading(&self) -> PyResult<String> {
        Ok(self.get()?.heading.to_string())
    }

    /// The item's own line (its pieces joined when a page's width broke
    /// it).
    #[getter]
    fn text(&self) -> PyResult<String> {
        Ok(self.get()?.text.to_string())
    }

    /// The items directly under this one.
    #[getter]
    fn items(&self) -> PyResult<Vec<Item>> {
        Ok(items_among(&self.tree, &self.get()?.children, &self.path))
    }

    /// Byte offsets from the marker to the end of the last child.
    #[getter]
    fn byte_span(&self) -> PyResult<(usize, usize)> {
        Ok(pair(self.get()?.span))
    }

    /// Indices in the Python string from the marker to the end of the
    /// last child.
    #[getter]
    fn char_span(&self) -> PyResult<(usize, usize)> {
        Ok(self.tree.char_span(self.get()?.span))
    }

    /// Byte offsets of the heading text.
    #[getter]
    fn heading_byte_span(&self) -> PyResult<(usize, usize)> {
        Ok(pair(self.get()?.heading_span))
    }

    /// Indices of the heading text in the Python string.
    #[getter]
    fn heading_char_span(&self) -> PyResult<(usize, usize)> {
        Ok(self.tree.char_span(self.get()?.heading_span))
    }

    fn __repr__(&self) -> PyResult<String> {
        let i = self.get()?;
        Ok(format!(
            "<gongwen.Item {}{} {:?}>",
            i.marker.family, i.marker.ordinal, i.heading
        ))
    }
}

/// A finding of the numbering or GB/T 9704 checks.
#[pyclass(frozen, module = "gongwen", get_all)]
struct Diagnostic {
    /// Stable code: `numbering-gap`, `level-skip`, `doc-number-bracket` ...
    code: String,
    /// `info`, `warning` or `error`.
    severity: String,
    /// 1-based line.
    line: usize,
    /// 1-based column, in characters.
    column: usize,
    /// A sentence for people.
    message: String,
    /// Byte offsets of what it is about.
    byte_span: (usize, usize),
    /// Indices in the Python string of what it is about.
    char_span: (usize, usize),
}

impl Diagnostic {
    fn new(tree: &Tree, d: &gongwen::Diagnostic) -> Self {
        Diagnostic {
            code: d.code.name().to_owned(),
            severity: d.severity.name().to_owned(),
            line: d.line,
            column: d.column,
            message: d.message.clone(),
            byte_span: pair(d.span),
            char_span: tree.char_span(d.span),
        }
    }
}

#[pymethods]
impl Diagnostic {
    fn __repr__(&self) -> String {
        format!(
            "{}:{}: {}[{}]: {}",
            self.line, self.column, self.severity, self.code, self.message
        )
    }
}

/// A piece of the text for a retrieval index.
#[pyclass(frozen, module = "gongwen", get_all)]
struct Chunk {
    /// Index of its document, or `None` for front matter.
    document: Option<usize>,
    /// The document's title, then the headings of the items that hold it.
    path: Vec<String>,
    /// The chunk's text.
    text: String,
    /// Its length in characters.
    chars: usize,
    /// Byte offsets in the UTF-8 text.
    byte_span: (usize, usize),
    /// Indices in the Python string.
    char_span: (usize, usize),
}

#[pymethods]
impl Chunk {
    fn __repr__(&self) -> String {
        format!("<gongwen.Chunk {:?} {} chars>", self.path, self.chars)
    }
}

/// Splits a text into chunks of at most `max_chars` characters, broken at
/// outline boundaries first, then sentence ends.
#[pyfunction]
#[pyo3(signature = (text, max_chars = 500))]
fn chunks(py: Python<'_>, text: &Bound<'_, PyAny>, max_chars: usize) -> PyResult<Vec<Chunk>> {
    if max_chars == 0 {
        return Err(PyValueError::new_err("max_chars must be at least 1"));
    }
    let compilation = parse(py, text)?;
    let tree = &compilation.tree;
    Ok(tree
        .doc()
        .chunks(max_chars)
        .into_iter()
        .map(|c| Chunk {
            document: c.document,
            path: c.path.iter().map(|p| p.to_string()).collect(),
            text: c.text.to_owned(),
            chars: c.chars,
            byte_span: pair(c.span),
            char_span: tree.char_span(c.span),
        })
        .collect())
}

/// The numbering and GB/T 9704 findings of a text.
#[pyfunction]
fn lint(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<Diagnostic>> {
    Ok(parse(py, text)?.diagnostics())
}

#[pymodule]
fn _gongwen(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(chunks, m)?)?;
    m.add_function(wrap_pyfunction!(lint, m)?)?;
    m.add_class::<Compilation>()?;
    m.add_class::<Document>()?;
    m.add_class::<Item>()?;
    m.add_class::<Diagnostic>()?;
    m.add_class::<Chunk>()?;
    m.add("GongwenError", m.py().get_type::<GongwenError>())?;
    m.add("InputTooLarge", m.py().get_type::<InputTooLarge>())?;
    m.add("DecodeError", m.py().get_type::<DecodeError>())?;
    m.add("JSON_VERSION", gongwen::JSON_VERSION)?;
    Ok(())
}
