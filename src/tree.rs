//! The typed outline tree that [`parse_document`](crate::parse_document) returns.
//!
//! ```text
//! Compilation (kind "compilation")      the whole input
//! ├── Front / Noise                      compilation front matter, debris between documents
//! └── Document (kind "document")         one document of the compilation
//!     ├── Title, Salutation, Meta        its opening
//!     ├── Paragraph, Noise
//!     ├── Item (kind "item")             一、 (一) 1. 第一, 一是 首先 第一条 ...
//!     │   └── Paragraph, Item ...        what the item holds, nested as a reader nests it
//!     └── Closing, Signoff
//! ```
//!
//! Every node has a byte [`Span`] into the original input. Leaves (and an
//! item's own line) own their bytes, a paragraph or item line joined from
//! a wrapped text its [`Reflow::pieces`], with the page numbers between
//! them as noise nodes inside it ([`Reflow::furniture`]); what no node
//! owns (line breaks, blank lines, indentation, a BOM, a Markdown `#`) is
//! listed in [`Compilation::gaps`], so the input can be rebuilt from the tree
//! exactly.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::error::TreeError;
use crate::frame::Frame;
use crate::inline::InlineItem;
use crate::marker::Marker;
use crate::span::Span;

/// The genre of one document, read from its title and its opening.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Genre {
    /// 讲话, 致辞, 发言, or an untitled text that opens with `同志们:`.
    Speech,
    /// 纪要, 会议记录, or an untitled record opening with `时间:` `地点:`.
    Minutes,
    /// 报告, 汇报, 总结.
    Report,
    /// 通知, 通报, 公告.
    Notice,
    /// 意见.
    Opinion,
    /// 方案, 要点, 计划, 规划.
    Plan,
    /// 条例, 办法, 规定, 细则, 章程.
    Regulation,
    /// Anything else (决定, 请示, 函, or no telling sign).
    Other,
}

crate::names::named!(
    Genre,
    "genre",
    [
        Speech = "speech",
        Minutes = "minutes",
        Report = "report",
        Notice = "notice",
        Opinion = "opinion",
        Plan = "plan",
        Regulation = "regulation",
        Other = "other",
    ]
);

/// What kind of web debris a [`Noise`] line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NoiseKind {
    /// A bare page number: `2`, `- 2 -`.
    PageCounter,
    /// Pagination text: `页,当前第。`, `上一页`.
    Pager,
    /// A download prompt: `将本文的word文档下载到电脑`.
    Download,
    /// Metadata added by a republishing site: `来源:`, `发布时间:`, `推荐度:`.
    SiteMeta,
    /// Toolbar words: `打印 收藏 字号`.
    Toolbar,
    /// An editor's blurb: `下面是本站小编给大家整理的...,仅供参考。`
    Blurb,
    /// What a converter added: YAML front matter, an HTML comment.
    Converter,
    /// A site's licence notice (`Public domain`, `…屬於公有領域`) and its
    /// scattered remains.
    Licence,
    /// A running header or footer: a line a PDF's pages repeat next to
    /// their page numbers (a gazette's name and issue, a document's short
    /// title).
    RunningHead,
    /// A republisher's or database's line: an editorial note
    /// (`（本文有删减）`), a news agency's dateline, a newspaper reference,
    /// a database's citation code or its copy of the title.
    Republisher,
}

crate::names::named!(
    NoiseKind,
    "noise kind",
    [
        PageCounter = "page-counter",
        Pager = "pager",
        Download = "download",
        SiteMeta = "site-meta",
        Toolbar = "toolbar",
        Blurb = "blurb",
        Converter = "converter",
        Licence = "licence",
        RunningHead = "running-head",
        Republisher = "republisher",
    ]
);

/// The result of parsing one input: a compilation of one or more documents,
/// with the front matter and debris that stand between them.
///
/// JSON: `{"kind": "compilation", "span": ..., "children": [...], "gaps":
/// [...], "diagnostics": [...]}`.
///
/// A tree always has its source text: the parser keeps the text it read,
/// [`Compilation::from_json`] takes the JSON together with its text, and
/// [`Compilation::into_owned`] makes a tree that owns both (to return it
/// from a function or cache it).
#[derive(Clone, Debug)]
pub struct Compilation<'a> {
    pub(crate) source: Cow<'a, str>,
    pub(crate) span: Span,
    pub(crate) children: Vec<Node<'a>>,
    pub(crate) gaps: Vec<Span>,
    /// The numbering and GB/T 9704 checks: a pass of their own over the
    /// finished tree, run the first time they are asked for (parsing does
    /// not pay for them), or read back from JSON.
    pub(crate) lint: Lint,
    /// Line starts of the source, found the first time a line and column
    /// are asked for.
    pub(crate) index: std::sync::OnceLock<crate::lines::LineIndex>,
    /// The encoding the source was decoded from, when the caller says so
    /// ([`Compilation::with_encoding`]).
    pub(crate) encoding: Option<crate::Encoding>,
}

/// The version of the JSON shape, written as the root's `"version"`: it
/// changes when a key or a kind is renamed or removed, or changes meaning
/// (see `JSON.md`). [`Compilation::from_json`] reads this version only.
pub const JSON_VERSION: u32 = 1;

/// What JSON gives of a [`Compilation`]: all but its source.
#[derive(Deserialize)]
#[serde(tag = "kind", rename = "compilation")]
struct CompilationRepr<'a> {
    version: u32,
    #[serde(default)]
    encoding: Option<crate::Encoding>,
    span: Span,
    children: Vec<Node<'a>>,
    gaps: Vec<Span>,
    #[serde(flatten)]
    lint: Lint,
}

/// The diagnostics of a tree, found once on demand.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lint {
    /// How many diagnostics to keep.
    pub(crate) limit: usize,
    /// The kept diagnostics and how many were dropped over the limit.
    pub(crate) found: std::sync::OnceLock<(Vec<Diagnostic>, usize)>,
}

impl Lint {
    pub(crate) fn new(limit: usize) -> Self {
        Lint {
            limit,
            found: std::sync::OnceLock::new(),
        }
    }
}

/// The JSON form of [`Lint`]: two keys of the root, each left out when
/// empty.
#[derive(Deserialize)]
struct LintRepr {
    #[serde(default)]
    diagnostics: Vec<Diagnostic>,
    #[serde(default)]
    diagnostics_dropped: usize,
}

impl Serialize for Compilation<'_> {
    /// Writes the tree with its diagnostics (found now if they were not
    /// yet).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(tag = "kind", rename = "compilation")]
        struct Repr<'r, 'a> {
            version: u32,
            #[serde(skip_serializing_if = "Option::is_none")]
            encoding: Option<crate::Encoding>,
            span: Span,
            children: &'r [Node<'a>],
            gaps: &'r [Span],
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            diagnostics: &'r [Diagnostic],
            #[serde(skip_serializing_if = "is_zero")]
            diagnostics_dropped: usize,
        }
        Repr {
            version: JSON_VERSION,
            encoding: self.encoding,
            span: self.span,
            children: &self.children,
            gaps: &self.gaps,
            diagnostics: self.diagnostics(),
            diagnostics_dropped: self.diagnostics_dropped(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Lint {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let repr = LintRepr::deserialize(deserializer)?;
        let found = std::sync::OnceLock::new();
        let _ = found.set((repr.diagnostics, repr.diagnostics_dropped));
        Ok(Lint {
            limit: usize::MAX,
            found,
        })
    }
}

impl PartialEq for Compilation<'_> {
    /// Two trees are equal when their nodes, gaps and diagnostics are (the
    /// diagnostics are found if they were not yet).
    fn eq(&self, other: &Self) -> bool {
        self.span == other.span
            && self.encoding == other.encoding
            && self.children == other.children
            && self.gaps == other.gaps
            && self.diagnostics() == other.diagnostics()
            && self.diagnostics_dropped() == other.diagnostics_dropped()
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One node of the tree. The variant is the node's `"kind"` in JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Node<'a> {
    /// Front matter of a compilation: its title, byline, editor's blurb.
    Front(Line<'a>),
    /// One document of the compilation (boxed: its frame makes it the
    /// largest node).
    Document(Box<Document<'a>>),
    /// A title line of a document (a title broken over two lines gives two).
    Title(Line<'a>),
    /// `同志们:`, `各位代表:`, `市政府:`.
    Salutation(Line<'a>),
    /// A labelled field: `时间:...`, `地点:...`, a subtitle, `抄送:...`.
    /// (Boxed, like items, so that the common nodes stay small.)
    Meta(Box<Meta<'a>>),
    /// Running text, or a fragment of it broken onto its own line.
    Paragraph(Paragraph<'a>),
    /// A numbered item with its marker, heading text and children.
    Item(Box<Item<'a>>),
    /// `谢谢大家。`
    Closing(Line<'a>),
    /// Sender and date at the end of a document.
    Signoff(Line<'a>),
    /// Web debris that is not the author's text.
    Noise(Noise<'a>),
}

impl<'a> Node<'a> {
    /// The bytes this node covers, children included.
    pub fn span(&self) -> Span {
        match self {
            Node::Front(l)
            | Node::Title(l)
            | Node::Salutation(l)
            | Node::Closing(l)
            | Node::Signoff(l) => l.span,
            Node::Document(p) => p.span,
            Node::Meta(m) => m.span,
            Node::Paragraph(p) => p.span,
            Node::Item(i) => i.span,
            Node::Noise(n) => n.span,
        }
    }

    /// The node's kind as written in JSON (`"item"`, `"paragraph"` ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Front(_) => "front",
            Node::Document(_) => "document",
            Node::Title(_) => "title",
            Node::Salutation(_) => "salutation",
            Node::Meta(_) => "meta",
            Node::Paragraph(_) => "paragraph",
            Node::Item(_) => "item",
            Node::Closing(_) => "closing",
            Node::Signoff(_) => "signoff",
            Node::Noise(_) => "noise",
        }
    }

    /// The nodes directly inside this one (documents and items have some).
    pub fn children(&self) -> &[Node<'a>] {
        match self {
            Node::Document(p) => &p.children,
            Node::Item(i) => &i.children,
            _ => &[],
        }
    }

    /// How a paragraph or an item's line that a page's width broke was
    /// joined; `None` for every other node.
    pub fn reflow(&self) -> Option<&Reflow<'a>> {
        match self {
            Node::Paragraph(p) => p.reflow.as_deref(),
            Node::Item(i) => i.reflow.as_deref(),
            _ => None,
        }
    }

    /// Page furniture inside this node's text: the page numbers a page
    /// break put between the pieces of a paragraph or an item's line (see
    /// [`Reflow`]).
    pub fn furniture(&self) -> &[Node<'a>] {
        self.reflow().map_or(&[], |r| &r.furniture)
    }

    /// The bytes this node owns itself, not through a child: the whole span
    /// of a leaf, the own line of an item, nothing for a document.
    pub fn own_span(&self) -> Option<Span> {
        match self {
            Node::Document(_) => None,
            Node::Item(i) => Some(i.line_span),
            other => Some(other.span()),
        }
    }

    /// The item, if this node is a heading.
    pub fn as_item(&self) -> Option<&Item<'a>> {
        match self {
            Node::Item(i) => Some(&**i),
            _ => None,
        }
    }

    /// The document, if this node is one.
    pub fn as_document(&self) -> Option<&Document<'a>> {
        match self {
            Node::Document(p) => Some(&**p),
            _ => None,
        }
    }

    /// The text of a one-line node (for an item: its whole own line).
    pub fn text(&self) -> Option<&str> {
        match self {
            Node::Front(l)
            | Node::Title(l)
            | Node::Salutation(l)
            | Node::Closing(l)
            | Node::Signoff(l) => Some(&l.text),
            Node::Paragraph(p) => Some(&p.text),
            Node::Meta(m) => Some(&m.text),
            Node::Noise(n) => Some(&n.text),
            Node::Item(i) => Some(&i.text),
            Node::Document(_) => None,
        }
    }
}

/// A one-line node: title, salutation, closing, signoff, front matter.
///
/// ```text
/// 群众工作会议上的讲话
/// ^^^^^^^^^^^^^^^^^^^^ span, text
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Line<'a> {
    /// The line's text without indentation or trailing white space.
    pub span: Span,
    /// The text under `span`.
    pub text: Cow<'a, str>,
}

/// A paragraph (one line of running text).
///
/// ```text
/// 这次会议,是我市在落实省委...
/// ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ span, text
/// ```
///
/// Enumerations inside it (`一是…；二是…`) are found on demand by
/// [`Paragraph::inline_items`]; they are not part of the tree, nor of its
/// JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Paragraph<'a> {
    /// The paragraph's text without indentation or trailing white space;
    /// for a paragraph a page's width broke, from its first piece to its
    /// last.
    pub span: Span,
    /// The text under `span`; for a broken paragraph, its pieces joined
    /// (see [`Reflow`]).
    pub text: Cow<'a, str>,
    /// How the paragraph was joined, when a page's width broke it over
    /// lines; `None` for a paragraph on one line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reflow: Option<Box<Reflow<'a>>>,
}

/// How a line of text that a page's width broke over several lines (as a
/// PDF extraction or a hard-wrapped file gives it) was joined back into
/// one paragraph or one item's line.
///
/// The node's span runs from its first piece to its last; its text is the
/// source under [`Reflow::pieces`] joined, without the line breaks and
/// indentation between them (which are [`Compilation::gaps`], as between any
/// two lines). Page numbers a page break put inside the text are
/// [`Reflow::furniture`]: noise nodes inside the node, visited by
/// [`Compilation::walk`] as its first children. So the tree stays lossless:
/// pieces, furniture and gaps cover the node's span exactly.
///
/// ```text
/// 各地区要加强组织领导，完善配套    piece 1
///                 —4—              furniture (noise, page_counter)
/// 制度建设。                        piece 2
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reflow<'a> {
    /// The pieces of the source the text is made of, in order.
    pub pieces: Vec<Span>,
    /// Page furniture between the pieces: [`Node::Noise`] nodes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub furniture: Vec<Node<'a>>,
}

/// Where `range` of a line's text lies in the source: through the pieces
/// of `reflow` when a page's width broke the line, else at the same
/// distance from `start`, the text's first byte.
pub(crate) fn text_to_source(
    start: usize,
    reflow: Option<&Reflow<'_>>,
    range: std::ops::Range<usize>,
) -> Span {
    let span = Span::new(range.start, range.end);
    match reflow {
        Some(r) => r.source_span(span),
        None => Span::new(
            start.saturating_add(span.start),
            start.saturating_add(span.end),
        ),
    }
}

impl Reflow<'_> {
    /// Where byte `offset` of the joined text lies in the source (the
    /// text's length maps to the end of the last piece).
    pub fn source_offset(&self, offset: usize) -> Option<usize> {
        // (Saturating: a tree read back from JSON may hold any spans.)
        let mut at = 0usize;
        for piece in &self.pieces {
            let len = piece.len();
            if offset < at.saturating_add(len) {
                return Some(piece.start.saturating_add(offset - at));
            }
            at = at.saturating_add(len);
        }
        (offset == at).then(|| self.pieces.last().map_or(0, |p| p.end))
    }

    /// Where a span of the joined text lies in the source: from its first
    /// byte to the end of its last, across the breaks between.
    pub(crate) fn source_span(&self, span: Span) -> Span {
        let start = self.source_offset(span.start).unwrap_or(span.start);
        if span.end <= span.start {
            return Span::new(start, start);
        }
        // An end that falls on a break between two pieces is the end of
        // the first.
        let mut at = 0usize;
        for piece in &self.pieces {
            let len = piece.len();
            if span.end <= at.saturating_add(len) {
                let end = piece.start.saturating_add(span.end.saturating_sub(at));
                return Span::new(start, end.max(start));
            }
            at = at.saturating_add(len);
        }
        Span::new(
            start,
            self.pieces.last().map_or(start, |p| p.end).max(start),
        )
    }
}

/// A labelled field of a header block or a trailer.
///
/// ```text
/// 地点:会议室。
/// ^^^^          key
///      ^^^^^^^  value
/// ^^^^^^^^^^^^^ span, text
/// ```
///
/// A subtitle (`——在...上的讲话`), a date or a byline under a title are meta
/// fields with an empty key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Meta<'a> {
    /// The whole field.
    pub span: Span,
    /// The text under `span`.
    pub text: Cow<'a, str>,
    /// The label before the colon (empty for a subtitle, date or byline).
    pub key: Cow<'a, str>,
    /// What follows the colon (may be empty: `时间:`).
    pub value: Cow<'a, str>,
}

/// A line of web debris.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Noise<'a> {
    /// The line's text.
    pub span: Span,
    /// The text under `span`.
    pub text: Cow<'a, str>,
    /// What kind of debris it is.
    pub cause: NoiseKind,
}

/// One document of a compilation.
///
/// Its span runs from its first line (title, salutation or meta block) to
/// the end of its last node.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document<'a> {
    /// From the document's first line to the end of its last.
    pub span: Span,
    /// Read from the title, or from the opening when there is no title.
    pub genre: Genre,
    /// The GB/T 9704 elements read from its lines: number, addressees,
    /// issuers, date, notes, attachments, 版记 (see [`Frame`]).
    #[serde(default, skip_serializing_if = "Frame::is_empty")]
    pub frame: Frame<'a>,
    /// Titles, salutation, meta, paragraphs, items, closing, signoff, noise.
    pub children: Vec<Node<'a>>,
}

impl<'a> Document<'a> {
    /// The title rows' texts joined (a title broken over two lines reads as
    /// one), or `None` when the document has no title.
    pub fn title(&self) -> Option<Cow<'a, str>> {
        let mut titles = self.children.iter().filter_map(|n| match n {
            Node::Title(l) => Some(&l.text),
            _ => None,
        });
        let first = titles.next()?.clone();
        Some(titles.fold(first, |mut acc, t| {
            acc.to_mut().push_str(t);
            acc
        }))
    }

    /// The numbered items directly in this document (its outline's top
    /// level), in order.
    pub fn items(&self) -> Items<'_, 'a> {
        Items(ItemStack::new(&self.children, false))
    }

    /// Every numbered item in this document, depth first, with its depth
    /// (1 for a top-level item).
    pub fn all_items(&self) -> AllItems<'_, 'a> {
        AllItems(ItemStack::new(&self.children, true))
    }

    /// The meta fields directly in this document, in order.
    pub fn meta(&self) -> Metas<'_, 'a> {
        Metas(self.children.iter())
    }

    /// The salutation, if the document has one.
    pub fn salutation(&self) -> Option<&Line<'a>> {
        self.children.iter().find_map(|n| match n {
            Node::Salutation(l) => Some(l),
            _ => None,
        })
    }
}

/// A numbered item: its marker, its heading text and what it holds.
///
/// ```text
/// 1.再认识。我们实施社会保险覆盖全社会……
/// ^^                         marker
///   ^^^^^^                   heading (the lead clause)
/// ^^^^^^^^^^^^^^^^^^^^^^^^^^ line_span: the item's own line
/// ^^^^^^^^^^^^^^^^^^^^^^^^^^ … span runs on to the end of the last child
/// ```
///
/// Enumerations inside the item's own line are found on demand by
/// [`Item::inline_items`]; they are not part of the tree, nor of its JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Item<'a> {
    /// From the marker to the end of the last child.
    pub span: Span,
    /// The marker.
    pub marker: Marker,
    /// The lead clause after the marker, up to the first `。` `;` `:` `!` `?`.
    pub heading: Cow<'a, str>,
    /// Where the heading text lies.
    pub heading_span: Span,
    /// The item's own line, from the marker to the line's end (bytes; a
    /// diagnostic's `line` is a line number).
    pub line_span: Span,
    /// The text of the whole own line (its pieces joined when a page's
    /// width broke it).
    pub text: Cow<'a, str>,
    /// How the own line was joined, when a page's width broke it over
    /// lines; `None` for a line of one piece.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reflow: Option<Box<Reflow<'a>>>,
    /// Paragraphs and nested items, in order.
    pub children: Vec<Node<'a>>,
}

impl<'a> Item<'a> {
    /// The numbered items directly under this one, in order.
    pub fn items(&self) -> Items<'_, 'a> {
        Items(ItemStack::new(&self.children, false))
    }

    /// Every numbered item under this one, depth first, with its depth
    /// below it (1 for a direct child).
    pub fn all_items(&self) -> AllItems<'_, 'a> {
        AllItems(ItemStack::new(&self.children, true))
    }

    /// The marker as written (`（二）`, `1．`, `其次`): the start of the
    /// item's own line.
    pub fn marker_text(&self) -> &str {
        self.text.get(..self.marker.span.len()).unwrap_or("")
    }

    /// Enumerations (`一是…；二是…`) in the item's own line after its
    /// heading text. Computed on each call.
    pub fn inline_items(&self) -> Vec<InlineItem> {
        let Some(reflow) = &self.reflow else {
            let rest = self.heading_span.end.saturating_sub(self.line_span.start);
            return self
                .text
                .get(rest..)
                .map_or_else(Vec::new, |t| crate::inline::find(t, self.heading_span.end));
        };
        // In the joined text, the heading ends where its text does.
        let rest = self
            .text
            .find(self.heading.as_ref())
            .map_or(0, |at| at + self.heading.len());
        let mut found = self
            .text
            .get(rest..)
            .map_or_else(Vec::new, |t| crate::inline::find(t, rest));
        map_inline(&mut found, reflow);
        found
    }
}

impl Paragraph<'_> {
    /// Enumerations (`一是…；二是…`, `第一，…第二，…`) inside the paragraph,
    /// with spans into the input. Computed on each call.
    ///
    /// ```
    /// let text = "会议要求：一是加强领导；二是狠抓落实。";
    /// let doc = gongwen::parse_document(text)?;
    /// let gongwen::Node::Document(piece) = &doc.children()[0] else { unreachable!() };
    /// let gongwen::Node::Paragraph(p) = &piece.children[0] else { unreachable!() };
    /// let points: Vec<_> = p.inline_items().iter().map(|i| &text[i.span.range()]).collect();
    /// assert_eq!(points, ["一是加强领导；", "二是狠抓落实。"]);
    /// # Ok::<(), gongwen::ParseError>(())
    /// ```
    pub fn inline_items(&self) -> Vec<InlineItem> {
        let Some(reflow) = &self.reflow else {
            return crate::inline::find(&self.text, self.span.start);
        };
        let mut found = crate::inline::find(&self.text, 0);
        map_inline(&mut found, reflow);
        found
    }
}

/// Moves inline items found in a joined text to where they lie in the
/// source.
fn map_inline(items: &mut [InlineItem], reflow: &Reflow<'_>) {
    for item in items {
        item.span = reflow.source_span(item.span);
        item.marker.span = reflow.source_span(item.marker.span);
    }
}

impl<'a> Compilation<'a> {
    /// The text this tree was parsed from (or read back with).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Reads back a tree from its JSON (as [`serde_json`] writes a
    /// `Compilation`) and the text it was parsed from. The tree is equal to
    /// the parsed one. JSON that is no tree, or a tree that does not fit
    /// `source` (a span outside it, a node's text not the text under its
    /// span, bytes the tree does not account for), is an error.
    ///
    /// ```
    /// let text = "一、总体要求\n（一）压实责任\n";
    /// let doc = gongwen::parse_document(text)?;
    /// let json = serde_json::to_string(&doc).expect("serialises");
    /// let back = gongwen::Compilation::from_json(&json, text)?;
    /// assert_eq!(back, doc);
    /// assert!(gongwen::Compilation::from_json(&json, "另一段文字").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(json: &str, source: &'a str) -> Result<Self, TreeError> {
        let repr: CompilationRepr<'a> =
            serde_json::from_str(json).map_err(|e| TreeError::Json(e.to_string()))?;
        if repr.version != JSON_VERSION {
            return Err(TreeError::Json(format!(
                "JSON version {} (this crate reads version {JSON_VERSION})",
                repr.version
            )));
        }
        let tree = Compilation {
            encoding: repr.encoding,
            source: Cow::Borrowed(source),
            span: repr.span,
            children: repr.children,
            gaps: repr.gaps,
            lint: repr.lint,
            index: std::sync::OnceLock::new(),
        };
        tree.validate().map_err(TreeError::SourceMismatch)?;
        Ok(tree)
    }

    /// The same tree owning its source and every text in it: it borrows
    /// nothing, so it can be returned from the function that read the text,
    /// stored or sent to another thread.
    pub fn into_owned(self) -> Compilation<'static> {
        Compilation {
            source: Cow::Owned(self.source.into_owned()),
            span: self.span,
            children: own_nodes(self.children),
            gaps: self.gaps,
            lint: self.lint,
            index: self.index,
            encoding: self.encoding,
        }
    }

    /// Records the encoding the source was decoded from (what
    /// [`decode`](crate::decode) found), written as the root's
    /// `"encoding"` in JSON. Spans always index the decoded text; for the
    /// UTF-8 encodings they are file offsets too
    /// ([`Encoding::spans_are_file_offsets`](crate::Encoding::spans_are_file_offsets)).
    ///
    /// ```
    /// let bytes = [0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xd4, 0xf2]; // 一、总则 in GB18030
    /// let decoded = gongwen::decode(&bytes)?;
    /// let doc = gongwen::parse_document(&decoded.text)?.with_encoding(decoded.encoding);
    /// assert_eq!(doc.encoding(), Some(gongwen::Encoding::Gb18030));
    /// # Ok::<(), gongwen::ParseError>(())
    /// ```
    #[must_use]
    pub fn with_encoding(mut self, encoding: crate::Encoding) -> Self {
        self.encoding = Some(encoding);
        self
    }

    /// The encoding the source was decoded from, if the caller recorded it
    /// ([`Compilation::with_encoding`]).
    pub fn encoding(&self) -> Option<crate::Encoding> {
        self.encoding
    }

    /// The 1-based line and column (in characters) of byte `offset` of the
    /// source; the source's length is the place after its last character,
    /// and an offset past it is an error. The line table is built the first
    /// time this is asked.
    ///
    /// ```
    /// let doc = gongwen::parse_document("关于甲的通知\n一、要求\n")?;
    /// let item = doc.all_items().next().expect("an item").1;
    /// assert_eq!(doc.line_col(item.span.start), Ok((2, 1)));
    /// assert!(doc.line_col(1000).is_err());
    /// # Ok::<(), gongwen::ParseError>(())
    /// ```
    pub fn line_col(&self, offset: usize) -> Result<(usize, usize), TreeError> {
        self.line_index().line_col(&self.source, offset)
    }

    /// The source's line table, built the first time it is asked for.
    pub(crate) fn line_index(&self) -> &crate::lines::LineIndex {
        self.index
            .get_or_init(|| crate::lines::LineIndex::new(&self.source))
    }

    /// The whole input: `0..len`.
    pub fn span(&self) -> Span {
        self.span
    }

    /// Top-level nodes: front matter, documents, and debris between them.
    pub fn children(&self) -> &[Node<'a>] {
        &self.children
    }

    /// The documents of the compilation, in order.
    pub fn documents(&self) -> Documents<'_, 'a> {
        Documents(self.children.iter())
    }

    /// Bytes that belong to no node: line breaks, blank lines, indentation,
    /// a BOM, Markdown `#` prefixes and `**` around an item line. Sorted and
    /// disjoint.
    pub fn gaps(&self) -> &[Span] {
        &self.gaps
    }

    /// What the parser noticed but read anyway: gaps in numbering,
    /// restarted lists, items whose siblings were lost (at most
    /// [`ParseOptions::max_diagnostics`](crate::ParseOptions::max_diagnostics)).
    ///
    /// They are found the first time they are asked for, not while parsing.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.lint_found().0
    }

    /// How many diagnostics were found past the limit and not kept.
    pub fn diagnostics_dropped(&self) -> usize {
        self.lint_found().1
    }

    fn lint_found(&self) -> &(Vec<Diagnostic>, usize) {
        self.lint
            .found
            .get_or_init(|| crate::lint::check(self, self.lint.limit))
    }

    /// Every node in document order, depth first, with its depth (top-level
    /// nodes have depth 0).
    pub fn walk(&self) -> Walk<'_, 'a> {
        Walk {
            stack: vec![(self.children.iter(), 0)],
        }
    }

    /// The top-level numbered items of every document, in order (the
    /// items directly under each document).
    pub fn items(&self) -> Items<'_, 'a> {
        Items(ItemStack::new(&self.children, false))
    }

    /// Every numbered item of every document, depth first, with its
    /// outline depth (1 for a top-level item of its document).
    pub fn all_items(&self) -> AllItems<'_, 'a> {
        AllItems(ItemStack::new(&self.children, true))
    }

    /// Every byte range the tree accounts for, in order: the spans nodes own
    /// and the gaps. Concatenated, they are the input.
    pub fn segments(&self) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::new();
        for (_, node) in self.walk() {
            match node.reflow() {
                Some(reflow) => out.extend_from_slice(&reflow.pieces),
                None => out.extend(node.own_span()),
            }
        }
        out.extend_from_slice(&self.gaps);
        out.sort_unstable();
        out
    }

    /// Rebuilds the input from the tree's segments. Equal to the source for
    /// every tree the parser returns.
    pub fn rebuild(&self) -> String {
        self.segments()
            .into_iter()
            .filter_map(|s| s.slice(&self.source))
            .collect()
    }
}

/// An owned copy of a borrowed text.
fn own(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}

/// The nodes owning their texts (see [`Compilation::into_owned`]).
fn own_nodes(nodes: Vec<Node<'_>>) -> Vec<Node<'static>> {
    nodes.into_iter().map(Node::into_owned).collect()
}

impl Line<'_> {
    fn into_owned(self) -> Line<'static> {
        Line {
            span: self.span,
            text: own(self.text),
        }
    }
}

impl Reflow<'_> {
    fn into_owned(self) -> Reflow<'static> {
        Reflow {
            pieces: self.pieces,
            furniture: own_nodes(self.furniture),
        }
    }
}

impl Node<'_> {
    /// The same node owning every text in it.
    fn into_owned(self) -> Node<'static> {
        let reflow = |r: Option<Box<Reflow<'_>>>| r.map(|r| Box::new(r.into_owned()));
        match self {
            Node::Front(l) => Node::Front(l.into_owned()),
            Node::Title(l) => Node::Title(l.into_owned()),
            Node::Salutation(l) => Node::Salutation(l.into_owned()),
            Node::Closing(l) => Node::Closing(l.into_owned()),
            Node::Signoff(l) => Node::Signoff(l.into_owned()),
            Node::Document(d) => Node::Document(Box::new(Document {
                span: d.span,
                genre: d.genre,
                frame: d.frame.into_owned(),
                children: own_nodes(d.children),
            })),
            Node::Meta(m) => Node::Meta(Box::new(Meta {
                span: m.span,
                text: own(m.text),
                key: own(m.key),
                value: own(m.value),
            })),
            Node::Paragraph(p) => Node::Paragraph(Paragraph {
                span: p.span,
                text: own(p.text),
                reflow: reflow(p.reflow),
            }),
            Node::Item(i) => Node::Item(Box::new(Item {
                span: i.span,
                marker: i.marker,
                heading: own(i.heading),
                heading_span: i.heading_span,
                line_span: i.line_span,
                text: own(i.text),
                reflow: reflow(i.reflow),
                children: own_nodes(i.children),
            })),
            Node::Noise(n) => Node::Noise(Noise {
                span: n.span,
                text: own(n.text),
                cause: n.cause,
            }),
        }
    }
}

/// The documents of a compilation; see [`Compilation::documents`].
#[derive(Clone, Debug)]
pub struct Documents<'t, 'a>(std::slice::Iter<'t, Node<'a>>);

impl<'t, 'a> Iterator for Documents<'t, 'a> {
    type Item = &'t Document<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        self.0.find_map(Node::as_document)
    }
}

/// The meta fields of a document; see [`Document::meta`].
#[derive(Clone, Debug)]
pub struct Metas<'t, 'a>(std::slice::Iter<'t, Node<'a>>);

impl<'t, 'a> Iterator for Metas<'t, 'a> {
    type Item = &'t Meta<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        self.0.find_map(|n| match n {
            Node::Meta(m) => Some(&**m),
            _ => None,
        })
    }
}

/// The numbered items directly under a compilation's documents, a
/// document or an item; see [`Item::items`].
#[derive(Clone, Debug)]
pub struct Items<'t, 'a>(ItemStack<'t, 'a>);

impl<'t, 'a> Iterator for Items<'t, 'a> {
    type Item = &'t Item<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(_, item)| item)
    }
}

/// Every numbered item under a compilation, a document or an item, depth
/// first, with its depth; see [`Item::all_items`].
#[derive(Clone, Debug)]
pub struct AllItems<'t, 'a>(ItemStack<'t, 'a>);

impl<'t, 'a> Iterator for AllItems<'t, 'a> {
    type Item = (usize, &'t Item<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next()
    }
}

/// The walk behind [`Items`] and [`AllItems`]: documents are looked into
/// at the depth they stand at, items one deeper when `deep`.
#[derive(Clone, Debug)]
struct ItemStack<'t, 'a> {
    stack: Vec<(std::slice::Iter<'t, Node<'a>>, usize)>,
    deep: bool,
}

impl<'t, 'a> ItemStack<'t, 'a> {
    fn new(nodes: &'t [Node<'a>], deep: bool) -> Self {
        ItemStack {
            stack: vec![(nodes.iter(), 1)],
            deep,
        }
    }

    fn next(&mut self) -> Option<(usize, &'t Item<'a>)> {
        loop {
            let (nodes, depth) = self.stack.last_mut()?;
            let depth = *depth;
            match nodes.next() {
                Some(Node::Document(d)) => self.stack.push((d.children.iter(), depth)),
                Some(Node::Item(item)) => {
                    if self.deep && !item.children.is_empty() {
                        self.stack.push((item.children.iter(), depth + 1));
                    }
                    return Some((depth, item));
                }
                Some(_) => {}
                None => {
                    self.stack.pop();
                }
            }
        }
    }
}

/// Depth-first iterator over a tree's nodes; see [`Compilation::walk`].
#[derive(Clone, Debug)]
pub struct Walk<'t, 'a> {
    stack: Vec<(std::slice::Iter<'t, Node<'a>>, usize)>,
}

impl<'t, 'a> Iterator for Walk<'t, 'a> {
    type Item = (usize, &'t Node<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (iter, depth) = self.stack.last_mut()?;
            let depth = *depth;
            match iter.next() {
                Some(node) => {
                    // Furniture lies inside the node's own text, before
                    // its children: it is visited first.
                    for inner in [node.children(), node.furniture()] {
                        if !inner.is_empty() {
                            self.stack.push((inner.iter(), depth + 1));
                        }
                    }
                    return Some((depth, node));
                }
                None => {
                    self.stack.pop();
                }
            }
        }
    }
}

#[cfg(test)]
mod reflow_tests {
    use super::*;

    fn reflow(pieces: &[(usize, usize)]) -> Reflow<'static> {
        Reflow {
            pieces: pieces.iter().map(|&(s, e)| Span::new(s, e)).collect(),
            furniture: Vec::new(),
        }
    }

    #[test]
    fn offsets_of_the_joined_text_map_through_the_pieces() {
        // Pieces 10..16 and 20..26: joined offsets 0..6 and 6..12.
        let r = reflow(&[(10, 16), (20, 26)]);
        assert_eq!(r.source_offset(0), Some(10));
        assert_eq!(r.source_offset(5), Some(15));
        assert_eq!(r.source_offset(6), Some(20));
        assert_eq!(r.source_offset(12), Some(26));
        assert_eq!(r.source_offset(13), None);
        // A span ending at the break ends with the first piece.
        assert_eq!(r.source_span(Span::new(0, 6)), Span::new(10, 16));
        assert_eq!(r.source_span(Span::new(3, 9)), Span::new(13, 23));
        assert_eq!(r.source_span(Span::new(4, 4)), Span::new(14, 14));
    }

    #[test]
    fn pieces_read_from_any_json_never_panic() {
        // Reversed and huge spans, as a tree read back from JSON may hold.
        let r = reflow(&[(30, 10), (usize::MAX - 1, usize::MAX), (5, 9)]);
        for offset in [0, 1, 3, 4, 5, usize::MAX] {
            let _ = r.source_offset(offset);
            let _ = r.source_span(Span::new(0, offset));
            let _ = r.source_span(Span::new(offset, usize::MAX));
        }
    }
}
